// How many cores stand idle while this thread works: whether a default batch (no --jobs) starts
// worker threads, and how many (batch.ts).
import { cpus } from 'node:os';

interface CpuTimes {
  idle: number;
  total: number;
  cores: number;
}

/** Long enough to see what the machine does: os.cpus() counts in 10 ms ticks, 10 of them per core at least. */
export const SPARE_CORES_AFTER_MS = 50;

/** Taken as the command line starts (watchFromStart), for the first batch to measure from. */
let atStart: { at: number; times: CpuTimes } | null = null;

/**
 * Starts measuring now, as the command line starts: by the time the first batch knows its files
 * (globbed and stated, ~0.1 s later), the measure has seen enough to decide at once, before this
 * thread parses its first file, so the workers start beside this thread's own start-up.
 */
export function watchFromStart(): void {
  atStart ??= { at: performance.now(), times: idleAndTotal() };
}

/**
 * The machine's idle time (os.cpus(), every process counted) since the batch started — since the
 * command line started, for the first batch of a process (watchFromStart) —, read once
 * SPARE_CORES_AFTER_MS have passed. This thread is busy meanwhile (starting up, then parsing), so
 * a free core is one a worker would have to itself. Measured on 2 cores shared with other work
 * (load average 10–14): a worker made the batch 30–60% slower, the two threads taking 45% more
 * CPU time for the same files; on an idle machine it adds a core.
 */
export class SpareCores {
  private readonly since: number;
  private readonly before: CpuTimes;

  constructor() {
    const start = atStart ?? { at: performance.now(), times: idleAndTotal() };
    // The command line's start serves its first batch only; a later one measures from its own start.
    atStart = null;
    this.since = start.at;
    this.before = start.times;
  }

  ready(): boolean {
    return performance.now() - this.since >= SPARE_CORES_AFTER_MS;
  }

  free(): number {
    const now = idleAndTotal();
    const total = now.total - this.before.total;
    return total > 0 ? ((now.idle - this.before.idle) / total) * now.cores : 0;
  }
}

function idleAndTotal(): CpuTimes {
  let idle = 0;
  let total = 0;
  const all = cpus();
  for (const { times } of all) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idle, total, cores: all.length };
}
