// Parsing on a pool of worker threads (piscina). Loaded only when a batch is worth the workers'
// start-up; batch.ts hands the pool a bounded window of files and yields results in input order.
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { Piscina } from 'piscina';
import type { FileResult, RenderedFile } from './parseFile.js';
import type { ParseTask } from './parseWorker.js';
import { ChunkStream } from './workerStream.js';

type TaskResult = FileResult | RenderedFile;

// The worker always runs built modules, found from dist/bundle/, dist/cli/ and src/cli/ (under
// vitest) alike: the bundle (scripts/bundle.mjs: one file and its shared chunks), whose start-up
// takes ~35 ms less CPU than the ~60 files of dist/cli; or those files, for a large file's worker
// of its own, where the bundle's code peaked ~30 MB higher on a 20 MB input (403–431 against
// 441–448 MB, alternated; the start-up is nothing beside such a parse).
const BUNDLED_WORKER = fileURLToPath(new URL('../../dist/bundle/parseWorker.js', import.meta.url));
const MODULES_WORKER = fileURLToPath(new URL('../../dist/cli/parseWorker.js', import.meta.url));

/**
 * Tasks queued in each worker, so that it goes on to the next file while the main thread is busy
 * (parsing a file of its own, or writing) instead of waiting to be handed one: the main thread
 * hands tasks over only between its own files. Measured on 2 cores, 500 bench reports, --jobs 2,
 * five runs each at load average ~5 (time with no task in the worker, over its busy span): 4 tasks
 * and a window of 8 per thread (batch.ts) idled it 15–19%, 8 and 16 7–12%, 16 and 32 4–5%; peak
 * RSS 273–281 MB with 4 and with 8, 289–305 MB with 16. (Earlier, on a quieter machine: 3 idled it
 * 13%, 4 2–8%.)
 */
const TASKS_PER_WORKER = 8;

export interface ParsePoolOptions {
  threads: number;
  /** Files handed to a worker at once (default TASKS_PER_WORKER); 1 isolates each file (and runs dist/cli's modules, see MODULES_WORKER). */
  tasksPerWorker?: number;
  /** Where the files of a worker that died (out of memory) go for a second try; default: they fail. */
  retry?: (task: ParseTask) => Promise<TaskResult>;
}

/**
 * Each worker's heap limit: the main thread's own (so `node --max-old-space-size=N` sets both).
 * Without an explicit limit, a worker that runs out of memory aborts the whole process (exit
 * 134); with one, Node ends only that worker, and only its files fail.
 */
export function workerHeapMb(): number {
  return Math.max(64, Math.round(getHeapStatistics().heap_size_limit / 1024 / 1024));
}

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
    return this.warm ? this.threads * this.tasksPerWorker : 0;
  }

  readonly threads: number;
  private readonly tasksPerWorker: number;
  private readonly retry?: ParsePoolOptions['retry'];

  constructor(options: ParsePoolOptions) {
    const threads = options.threads;
    this.threads = threads;
    this.tasksPerWorker = options.tasksPerWorker ?? TASKS_PER_WORKER;
    this.retry = options.retry;
    this.pool = new Piscina<ParseTask, TaskResult>({
      filename: this.tasksPerWorker === 1 ? MODULES_WORKER : BUNDLED_WORKER,
      minThreads: threads,
      maxThreads: threads,
      // sharedInOrder (batch.ts) hands over at most `capacity` tasks at a time.
      maxQueue: Infinity,
      // See TASKS_PER_WORKER.
      concurrentTasksPerWorker: this.tasksPerWorker,
      idleTimeout: 30_000,
      resourceLimits: { maxOldGenerationSizeMb: workerHeapMb() },
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
   * the worker died (out of memory, say) with the files it held: each goes to `retry` (a worker of
   * its own, so that only the file that needs too much memory fails), or fails.
   */
  run(task: ParseTask): Promise<TaskResult> {
    const { path } = task;
    return this.pool.run(task).then(
      (result) => result,
      (err: unknown) => (this.retry ? this.retry(task) : { ok: false as const, path, reason: workerDeathReason(err) }),
    );
  }

  /**
   * run for a task whose output streams back as it is made (a rendered large file, in a worker of
   * its own: workerStream.ts). Resolves at the stream's first message, the result's output then
   * the chunks as they come, or when the task ends without one (it failed before any output). A
   * worker that dies before sending anything goes to `retry` as in run; one that dies on the way
   * ends the stream with a failure (nothing of its output is written: spool.ts).
   */
  runStreamed(task: ParseTask): Promise<TaskResult> {
    const { path } = task;
    const { port1, port2 } = new MessageChannel();
    const stream = new ChunkStream(port1, path);
    let sending = false;
    const finished = this.pool.run({ ...task, stream: port2 }, { transferList: [port2] as never });
    const streaming = stream.started.then((): TaskResult => {
      sending = true;
      return {
        ok: true,
        path,
        output: stream,
        get metrics() {
          return stream.metrics;
        },
      };
    });
    const ended = finished.then(
      // A result whose output was sent waits for the stream (the port's messages and the result
      // come by different ways, in no set order); a failure without any output is the result.
      (result) => (result.ok ? streaming : result),
      (err: unknown) => {
        if (sending) {
          stream.fail(workerDeathReason(err));
          return streaming;
        }
        port1.close();
        return this.retry ? this.retry(task) : { ok: false as const, path, reason: workerDeathReason(err) };
      },
    );
    return Promise.race([streaming, ended]);
  }

  /**
   * Stops the workers; tasks still running resolve as failures. Waits for the warm-ups first: a
   * worker terminated while it is still loading its modules aborts the whole process in Node 20
   * (FATAL ERROR: v8::Module::IsGraphAsync), which a short batch with --jobs 2 hit about once in
   * a dozen runs, its files all parsed on this thread before the workers were ready.
   */
  async destroy(): Promise<void> {
    await this.ready;
    return this.pool.destroy();
  }
}

function workerDeathReason(err: unknown): string {
  if ((err as NodeJS.ErrnoException)?.code === 'ERR_WORKER_OUT_OF_MEMORY')
    return `out of memory (a worker may use ${workerHeapMb()} MB, as much as the main thread: node --max-old-space-size=MB raises both); split the file, or refuse such files with --max-size`;
  return `internal error: ${(err as Error)?.message ?? String(err)} (please report this bug)`;
}
