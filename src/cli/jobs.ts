// How many threads may parse at once. Parsing is CPU-bound, so threads beyond the cores only add
// memory (each worker holds the pipeline and the jieba dictionary, ~60 MB, plus its files): -j 64
// once exhausted a machine's memory. --jobs is capped here and the cap is said on stderr.
import { availableParallelism, totalmem } from 'node:os';

/** Memory set aside per thread: a worker's baseline and a few large reports in flight. */
export const MEMORY_PER_JOB = 256 * 1024 * 1024;

/** The most threads worth running here: the cores, fewer when memory would not hold them. */
export function maxJobs(): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(totalmem() / MEMORY_PER_JOB)));
}

/** The --jobs a run will use, and what to say when it is less than asked. */
export function capJobs(requested: number): { jobs: number; note?: string } {
  const max = maxJobs();
  if (requested <= max) return { jobs: requested };
  return {
    jobs: max,
    note: `--jobs ${requested} is more than this machine can use (${availableParallelism()} cores, ${Math.round(totalmem() / 1024 ** 3)} GB of memory): parsing on ${max}`,
  };
}
