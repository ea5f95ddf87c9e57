// Parses a list of files and yields results in input order: in this thread for one job or one
// file (no worker start-up, which keeps one small report fast from a cold start), otherwise on a
// pool of worker threads with a bounded window, so memory does not grow with the number of files.
import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import { parseFile, type FileResult, type ParseFileOptions } from './parseFile.js';

export interface BatchOptions extends ParseFileOptions {
  /** Worker threads; default: the number of cores, or 1 for a small batch (see AUTO_POOL_BYTES). */
  jobs?: number;
}

/** Results started ahead of the one being yielded, per worker. */
export const WINDOW_PER_JOB = 4;

/**
 * Without --jobs, a batch smaller than this (total bytes) is parsed in this thread: each worker
 * takes about half a second to load the pipeline and its dictionary, more than such a batch
 * takes to parse on one core.
 */
export const AUTO_POOL_BYTES = 4 * 1024 * 1024;

/** …and a batch of this many files or more always goes to the pool (no sizes read). */
export const AUTO_POOL_FILES = 256;

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

export async function* parseBatch(files: string[], options: BatchOptions = {}): AsyncGenerator<FileResult> {
  const fileOptions: ParseFileOptions = { encoding: options.encoding };
  const jobs = Math.min(await chooseJobs(files, options.jobs), files.length);
  if (jobs <= 1) {
    for (const f of files) yield await parseFile(f, fileOptions);
    return;
  }
  const { ParsePool, inOrder } = await import('./workerPool.js');
  const pool = new ParsePool(jobs);
  try {
    // Standard input can only be read by this thread.
    yield* inOrder(files, WINDOW_PER_JOB * jobs, (f) => (f === '-' ? parseFile(f, fileOptions) : pool.run(f, options.encoding)));
  } finally {
    await pool.destroy();
  }
}

async function chooseJobs(files: string[], jobs: number | undefined): Promise<number> {
  if (jobs !== undefined) {
    if (!Number.isInteger(jobs) || jobs < 1) throw new RangeError(`jobs must be a whole number ≥ 1, got ${jobs}`);
    return jobs;
  }
  const cores = defaultJobs();
  if (cores === 1 || files.length < 2) return 1;
  if (files.length >= AUTO_POOL_FILES) return cores;
  return (await atLeastBytes(files, AUTO_POOL_BYTES)) ? cores : 1;
}

/** Whether the files add up to `limit` bytes; stops stating as soon as they do. */
async function atLeastBytes(files: string[], limit: number): Promise<boolean> {
  let total = 0;
  for (let i = 0; i < files.length; i += 64) {
    const sizes = await Promise.all(files.slice(i, i + 64).map((f) => (f === '-' ? 0 : stat(f).then((s) => s.size, () => 0))));
    for (const size of sizes) total += size;
    if (total >= limit) return true;
  }
  return false;
}
