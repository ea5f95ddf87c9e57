// Parsing on a pool of worker threads (piscina), and the bounded window that hands results back
// in input order. Loaded only when a batch is worth the workers' start-up (see batch.ts).
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
      // The window in inOrder bounds the tasks handed over; the queue never holds more.
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

/**
 * Starts at most `window` items at a time and yields their results in input order: a result
 * that finishes early waits for those before it, and a new item starts each time the oldest is
 * yielded. Memory holds at most `window` results whatever the number of items. `start` must not
 * reject (ParsePool.run does not).
 */
export async function* inOrder<T, R>(items: readonly T[], window: number, start: (item: T, index: number) => Promise<R>): AsyncGenerator<R> {
  if (!(window >= 1)) throw new RangeError(`window must be at least 1, got ${window}`);
  const running: Promise<R>[] = [];
  let next = 0;
  const fill = () => {
    while (next < items.length && running.length < window) {
      running.push(start(items[next], next));
      next++;
    }
  };
  fill();
  while (running.length > 0) {
    const result = await running.shift()!;
    fill();
    yield result;
  }
}
