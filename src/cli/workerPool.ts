// Parsing on a pool of worker threads (piscina). Loaded only when a batch is worth the workers'
// start-up; batch.ts hands the pool a bounded window of files and yields results in input order.
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { FileResult, RenderedFile } from './parseFile.js';
import type { ParseTask } from './parseWorker.js';

type TaskResult = FileResult | RenderedFile;

// The worker always runs the built module: from dist/cli/workerPool.js and from
// src/cli/workerPool.ts (under vitest) alike this is <package>/dist/cli/parseWorker.js.
const WORKER_FILE = fileURLToPath(new URL('../../dist/cli/parseWorker.js', import.meta.url));

const TASKS_PER_WORKER = 3;

export class ParsePool {
  private readonly pool: Piscina<ParseTask, TaskResult>;

  /** Tasks handed to the workers at once: a few each (see TASKS_PER_WORKER). */
  readonly capacity: number;

  constructor(readonly threads: number) {
    this.capacity = threads * TASKS_PER_WORKER;
    this.pool = new Piscina<ParseTask, TaskResult>({
      filename: WORKER_FILE,
      minThreads: threads,
      maxThreads: threads,
      // sharedInOrder (batch.ts) hands over at most `capacity` tasks at a time.
      maxQueue: Infinity,
      // A few tasks queued in each worker, so that it goes on to the next file while the main
      // thread is busy (parsing a file of its own, or writing) instead of waiting to be handed one.
      concurrentTasksPerWorker: TASKS_PER_WORKER,
      idleTimeout: 30_000,
    });
  }

  /**
   * Never rejects: a failure is a result. parseFile reports its own errors, so a rejection means
   * the worker died (out of memory, say), which fails the files it held and not the batch.
   */
  run(task: ParseTask): Promise<TaskResult> {
    const { path } = task;
    return this.pool.run(task).then(
      (result) => result,
      (err: unknown) => ({ ok: false as const, path, reason: `internal error: ${(err as Error)?.message ?? String(err)} (please report this bug)` }),
    );
  }

  /** Stops the workers; tasks still running resolve as failures. */
  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}
