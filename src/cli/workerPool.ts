// Parsing on a pool of worker threads (piscina). Loaded only when a batch is worth the workers'
// start-up; batch.ts hands the pool a bounded window of files and yields results in input order.
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { FileResult } from './parseFile.js';
import type { ParseTask } from './parseWorker.js';

// The worker always runs the built module: from dist/cli/workerPool.js and from
// src/cli/workerPool.ts (under vitest) alike this is <package>/dist/cli/parseWorker.js.
const WORKER_FILE = fileURLToPath(new URL('../../dist/cli/parseWorker.js', import.meta.url));

export class ParsePool {
  private readonly pool: Piscina<ParseTask, FileResult>;

  constructor(readonly threads: number) {
    this.pool = new Piscina<ParseTask, FileResult>({
      filename: WORKER_FILE,
      minThreads: threads,
      maxThreads: threads,
      // inOrder (batch.ts) bounds the tasks handed over; the queue never holds more than its window.
      maxQueue: Infinity,
      idleTimeout: 30_000,
    });
  }

  /** Never rejects: a worker that dies or throws fails this file only. */
  run(path: string, encoding?: string): Promise<FileResult> {
    return this.pool.run({ path, encoding }).then(
      (result) => result,
      (err: unknown) => ({ ok: false as const, path, reason: `internal error: ${(err as Error)?.message ?? String(err)} (please report this bug)` }),
    );
  }

  /** Stops the workers; tasks still running resolve as failures. */
  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}
