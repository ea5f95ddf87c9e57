// Parses a list of files and yields results in input order: in this thread for one job or one
// file (no worker start-up, which keeps one small report fast from a cold start), otherwise on
// this thread and a pool of jobs - 1 worker threads, with a bounded window of files in progress,
// so memory does not grow with the number of files.
import { statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parseFile, type FileResult, type ParseFileOptions, type RenderedFile } from './parseFile.js';
import { renderFile } from './renderFile.js';
import { loadRenderer, type RenderSpec } from '../output/renderDocument.js';
import type { ParsePool } from './workerPool.js';
import { maxJobs } from './jobs.js';
import { SpareCores } from './spareCores.js';

export interface BatchOptions extends ParseFileOptions {
  /**
   * Threads that parse: this one and jobs - 1 workers. Default: the number of cores, fewer for a
   * smaller batch (see AUTO_POOL_BYTES, SHARED_CORE_POOL_BYTES); workers only for the cores found
   * idle (see SpareCores).
   */
  jobs?: number;
}

/**
 * Results started ahead of the one being yielded, per thread. Twice a worker's queue (8 tasks, see
 * workerPool.ts), so that this thread can run ahead of the workers' oldest file: with 4 it idled
 * 13–16% of a batch on 2 cores, waiting for room in the window; with 8, 5–6% (and most of that
 * while a fresh worker's first, slow files held the head); with 16, 0–4% (measured at load ~5).
 */
export const WINDOW_PER_JOB = 16;

/**
 * Without --jobs, a batch smaller than this (total bytes) is parsed in this thread: each worker
 * takes about half a second to load the pipeline and its dictionary, more than such a batch
 * takes to parse on one core. Sizes are read until they reach SHARED_CORE_POOL_BYTES (a few stat
 * calls for any batch).
 */
export const AUTO_POOL_BYTES = 4 * 1024 * 1024;

/**
 * Without --jobs, a batch smaller than this leaves one core to V8's own background threads: a
 * thread's optimising compiler and garbage collector run beside it (~0.45 s of CPU for the first
 * ~40 reports a thread parses, again in every worker), and one thread alone has them on the idle
 * core for free. A second thread pays its start-up, its compiles and its first files at
 * interpreter speed (~1 s of CPU) back only once the batch is long enough. Measured wall times on
 * an idle 2-core machine, --jobs 1 against --jobs 2, ndjson to /dev/null, the bench's reports
 * (after this round's faster stages): 13.7 MB 1.42 s against 1.43–1.48 s (no gain: the default
 * was ×0.95 of one worker in `npm run bench` with the former 12 MB); 27 MB 2.29–2.50 s against
 * 1.96–1.98 s (×1.2); 55 MB 3.99 s against 3.03 s (×1.32). So on 2 cores a worker starts from
 * this size only; on more cores, workers for all but one of them below it.
 */
export const SHARED_CORE_POOL_BYTES = 20 * 1024 * 1024;

/**
 * Files at least this large are parsed one at a time in a worker of their own, never on this
 * thread: a file's parse needs up to ~17 times its size in memory, and a worker that runs out
 * ends alone (workerPool.ts) where this thread would take the whole batch down.
 */
export const ISOLATE_BYTES = 8 * 1024 * 1024;

export function defaultJobs(): number {
  return maxJobs();
}

/**
 * Parses `files`, yielding one result per file in input order. With `render`, each document is
 * rendered in that output format by the thread that parsed it (see renderDocument.ts) and the
 * result carries its text instead of the document.
 */
export function parseBatch(
  files: string[],
  options: BatchOptions & { render: RenderSpec },
): AsyncGenerator<RenderedFile>;
export function parseBatch(files: string[], options?: BatchOptions): AsyncGenerator<FileResult>;
export async function* parseBatch(
  files: string[],
  options: BatchOptions & { render?: RenderSpec } = {},
): AsyncGenerator<FileResult | RenderedFile> {
  const fileOptions: ParseFileOptions = {
    encoding: options.encoding,
    maxSize: options.maxSize,
    keepText: options.keepText,
    catalogFiles: options.catalogFiles,
  };
  const render = options.render ? await loadRenderer(options.render) : null;
  const task = (f: string) => ({
    path: f,
    encoding: options.encoding,
    maxSize: options.maxSize,
    keepText: options.keepText,
    catalogFiles: options.catalogFiles,
    render: options.render,
  });
  // Rendered here, a long input is parsed as it is written (renderFile.ts).
  const parseHere = (f: string): Promise<FileResult | RenderedFile> =>
    render ? renderFile(f, fileOptions, render, true) : parseFile(f, fileOptions);
  const jobs = Math.min(await chooseJobs(files, options.jobs), files.length);
  // Started at the first large file (ISOLATE_BYTES), or the first file of a worker that died.
  let isolated: Promise<ParsePool> | null = null;
  const parseIsolated = async (f: string) => {
    isolated ??= import('./workerPool.js').then(
      (m) => new m.ParsePool({ threads: Math.max(1, jobs - 1), tasksPerWorker: 1 }),
    );
    // Rendered, its output streams back as it is made (workerStream.ts).
    const pool = await isolated;
    return options.render ? pool.runStreamed(task(f)) : pool.run(task(f));
  };
  // statSync, like parseFile's read: microseconds, and no wait for a turn of a busy event loop.
  const large = (f: string) => f !== '-' && sizeOfSync(f) >= ISOLATE_BYTES;
  try {
    if (jobs <= 1) {
      // One file ahead, so the next one is parsed while the consumer writes this one out. Each file
      // starts on a new turn of the event loop: reads and parses are synchronous, so without it the
      // whole batch is one chain of microtasks, and process.nextTick callbacks — among them the
      // output stream's write callbacks, which hold every written document's text — would wait
      // until the batch ends (measured: 110 MB of output strings held after 1,000 files).
      yield* inOrder(files, 2, async (f) => {
        await nextTurn();
        return large(f) ? parseIsolated(f) : parseHere(f);
      });
      return;
    }
    // This thread is one of the jobs (see sharedInOrder): measured on 2 cores against 2 workers and
    // an idle main thread, faster (one thread fewer competing for the cores) and ~30 MB less RSS
    // (one V8 isolate fewer). Without --jobs, the workers start only if cores are free to run them
    // (see SpareCores): on a busy machine they took CPU from this thread instead of adding any.
    let pool: ParsePool | null = null;
    let starting: Promise<void> | null = null;
    const spare = options.jobs === undefined ? new SpareCores() : null;
    // Starts the workers once it is known how many: at once with --jobs, else once SpareCores has
    // seen enough (usually already here, else at a refill after this thread's first file).
    const startWhenKnown = () => {
      if (starting || (spare && !spare.ready())) return;
      const threads = spare ? Math.min(jobs - 1, Math.round(spare.free())) : jobs - 1;
      starting =
        threads < 1
          ? Promise.resolve()
          : import('./workerPool.js').then(({ ParsePool: Pool }) => {
              pool = new Pool({ threads, retry: (t) => parseIsolated(t.path) });
            });
    };
    startWhenKnown();
    // The workers are spawned before this thread parses its first file, so their start-up (~0.17 s
    // each: modules and dictionary) runs beside this thread's own; the import would otherwise wait
    // for that first file (measured: the worker started 0.6 s into a batch, and parsed from 1.4 s).
    await starting;
    try {
      yield* sharedInOrder(
        files,
        WINDOW_PER_JOB * jobs,
        {
          // Read at each refill: it opens once the workers are warm (workerPool.ts).
          get capacity() {
            startWhenKnown();
            return (pool as ParsePool | null)?.capacity ?? 0;
          },
          // Standard input can only be read by this thread.
          accepts: (f) => f !== '-',
          run: (f) => (large(f) ? parseIsolated(f) : pool!.run(task(f))),
        },
        // A large file waits for its worker here; rare enough not to matter to the batch's pace.
        (f) => (large(f) ? parseIsolated(f) : parseHere(f)),
      );
    } finally {
      await starting;
      await (pool as ParsePool | null)?.destroy();
    }
  } finally {
    await (await (isolated as Promise<ParsePool> | null))?.destroy();
  }
}

/** A regular file's size in bytes (0 when it cannot be stated: reading it will say why). */
function sizeOfSync(f: string): number {
  try {
    const s = statSync(f);
    return s.isFile() ? s.size : 0;
  } catch {
    return 0;
  }
}

/** A file's size in bytes (0 when it cannot be stated: reading it will say why). */
function sizeOf(f: string): Promise<number> {
  return stat(f).then(
    (s) => (s.isFile() ? s.size : 0),
    () => 0,
  );
}

/** The threads a batch parses on: --jobs (checked, capped at maxJobs), or the default for these files. */
export async function chooseJobs(files: string[], jobs: number | undefined): Promise<number> {
  if (jobs !== undefined) {
    if (!Number.isInteger(jobs) || jobs < 1) throw new RangeError(`jobs must be a whole number ≥ 1, got ${jobs}`);
    return Math.min(jobs, maxJobs());
  }
  const cores = defaultJobs();
  if (cores === 1 || files.length < 2) return 1;
  const bytes = await bytesUpTo(files, SHARED_CORE_POOL_BYTES);
  if (bytes < AUTO_POOL_BYTES) return 1;
  return bytes < SHARED_CORE_POOL_BYTES ? cores - 1 : cores;
}

/** The files' total size, or `limit` once they reach it (stating no further). */
async function bytesUpTo(files: string[], limit: number): Promise<number> {
  let total = 0;
  for (let i = 0; i < files.length; i += 64) {
    const sizes = await Promise.all(files.slice(i, i + 64).map((f) => (f === '-' ? 0 : sizeOf(f))));
    for (const size of sizes) total += size;
    if (total >= limit) return limit;
  }
  return total;
}

/**
 * Yields the results of `start(item)` in input order, with at most `window` items started and
 * not yet yielded: a result that finishes early waits for those before it, and the next item
 * starts as soon as the oldest result is taken (before the consumer handles it, so the workers
 * keep busy while it is written). Memory holds at most `window` results whatever the number of
 * items. `start` must not reject (parseFile and ParsePool.run report failures as results).
 */
export async function* inOrder<T, R>(
  items: readonly T[],
  window: number,
  start: (item: T, index: number) => Promise<R>,
): AsyncGenerator<R> {
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`window must be a whole number ≥ 1, got ${window}`);
  const running: Promise<R>[] = [];
  let next = 0;
  const fill = (limit: number) => {
    while (next < items.length && running.length < limit) {
      running.push(start(items[next], next));
      next++;
    }
  };
  fill(window);
  while (running.length > 0) {
    const result = await running.shift()!;
    // The result in hand counts against the window until it is yielded.
    fill(window - 1);
    yield result;
  }
}

export interface SharedPool<T, R> {
  /** Items the pool takes at once (may change as it runs); more wait here, so this thread can take them instead. */
  capacity: number;
  /** Whether the pool can take this item (false: this thread runs it). */
  accepts(item: T): boolean;
  /** Must not reject, like inOrder's `start`. */
  run(item: T): Promise<R>;
}

/**
 * inOrder over a pool of workers and this thread together. The pool is kept at its capacity;
 * whenever the next result to yield is not ready yet, this thread runs the next item itself
 * instead of waiting (`here`, which keeps this thread busy until it settles), so neither side
 * idles while the other has work. At most `window` items are started and not yet yielded.
 */
export async function* sharedInOrder<T, R>(
  items: readonly T[],
  window: number,
  pool: SharedPool<T, R>,
  here: (item: T) => Promise<R>,
): AsyncGenerator<R> {
  if (!Number.isInteger(window) || window < 1) throw new RangeError(`window must be a whole number ≥ 1, got ${window}`);
  type Slot = { settled: boolean; value?: R; promise: Promise<void> };
  const started: Slot[] = [];
  let next = 0;
  let inPool = 0;
  const slot = (result: Promise<R>, onSettled?: () => void): Slot => {
    const s: Slot = { settled: false, promise: Promise.resolve() };
    s.promise = result.then((value) => {
      s.settled = true;
      s.value = value;
      onSettled?.();
    });
    started.push(s);
    return s;
  };
  while (next < items.length || started.length > 0) {
    while (next < items.length && started.length < window && inPool < pool.capacity && pool.accepts(items[next])) {
      inPool++;
      slot(pool.run(items[next++]), () => {
        inPool--;
      });
    }
    const head = started[0];
    if (head?.settled) {
      started.shift();
      yield head.value as R;
    } else if (next < items.length && started.length < window) {
      await slot(here(items[next++])).promise;
      // `here` may settle in microtasks alone; a turn of the event loop takes in the workers'
      // finished results, so that the refill above hands them their next files.
      await new Promise((resolve) => setImmediate(resolve));
    } else {
      await head.promise;
    }
  }
}
