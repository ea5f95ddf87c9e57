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

const TASKS_PER_WORKER = 4;

export class ParsePool {
  private readonly pool: Piscina<ParseTask, TaskResult>;

  /** Whether the workers have warmed up (see warmUp in parseWorker.ts). */
  private warm = false;

  /** Settles once they have (capacity is then above 0). */
  readonly ready: Promise<void>;

  /**
   * Tasks handed to the workers at once: a few each (see TASKS_PER_WORKER), and none until they
   * have started and loaded the dictionary. Until then the main thread parses the first files
   * (batch.ts) instead of waiting on the workers' first results: on 2 cores, the first document
   * came out after 0.65–1.3 s, where one thread alone gives it in 0.4 s.
   */
  get capacity(): number {
    return this.warm ? this.threads * TASKS_PER_WORKER : 0;
  }

  constructor(readonly threads: number) {
    this.pool = new Piscina<ParseTask, TaskResult>({
      filename: WORKER_FILE,
      minThreads: threads,
      maxThreads: threads,
      // sharedInOrder (batch.ts) hands over at most `capacity` tasks at a time.
      maxQueue: Infinity,
      // Tasks queued in each worker, so that it goes on to the next file while the main thread is
      // busy (parsing a file of its own, or writing) instead of waiting to be handed one. Measured
      // on 2 cores (profile: piscina's atomicsWaitLoop), a worker idled 13% of a batch with 3 and a
      // window of 4 per thread (batch.ts), 2–8% with 4 and 8; 8 and 16 idled it ~1% but held
      // 10–30 MB more.
      concurrentTasksPerWorker: TASKS_PER_WORKER,
      idleTimeout: 30_000,
    });
    // One warm-up per worker: piscina hands a task to the least busy worker, and every worker is
    // idle at first. A failed warm-up (a worker that died) opens the pool all the same, where its
    // files fail as results, as any task does.
    const warmUps = Array.from({ length: threads }, () =>
      (this.pool as unknown as Piscina<null, void>).run(null, { name: 'warmUp' }),
    );
    this.ready = Promise.allSettled(warmUps).then(() => {
      this.warm = true;
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
      (err: unknown) => ({
        ok: false as const,
        path,
        reason: `internal error: ${(err as Error)?.message ?? String(err)} (please report this bug)`,
      }),
    );
  }

  /** Stops the workers; tasks still running resolve as failures. */
  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}
