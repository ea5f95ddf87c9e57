// What must not outlive the process: temporary files of atomic writes, a half-written record at
// the end of standard output. Each is registered while it exists; on SIGINT or SIGTERM the
// handlers run (synchronously: the process is about to end) and the process exits 128 + signal.
import { EXIT_SIGNAL_BASE } from './exitCodes.js';

type Cleanup = () => void;

const pending = new Set<Cleanup>();

/** Registers `cleanup` to run if the process is stopped by a signal; returns its removal. */
export function onInterrupt(cleanup: Cleanup): () => void {
  pending.add(cleanup);
  return () => pending.delete(cleanup);
}

const SIGNALS = { SIGINT: 2, SIGTERM: 15 } as const;

/** Installed once by main(): a stopped run leaves no temporary file behind. */
export function handleSignals(beforeExit: () => void = () => {}): void {
  for (const [name, number] of Object.entries(SIGNALS)) {
    process.once(name, () => {
      runCleanups();
      beforeExit();
      process.exit(EXIT_SIGNAL_BASE + number);
    });
  }
}

export function runCleanups(): void {
  for (const cleanup of [...pending]) {
    pending.delete(cleanup);
    try {
      cleanup();
    } catch {
      // Best effort: one file that cannot be removed must not keep the others.
    }
  }
}
