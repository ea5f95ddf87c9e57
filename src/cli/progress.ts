// What a batch says on standard error besides its failures: a progress bar while a large batch
// runs on a terminal, and one summary line at the end. --quiet silences both. Failure lines go
// through note() so that they print above the bar instead of through it.

/** A batch of this many files or more is "large": progress bar on a terminal, summary anywhere. */
export const LARGE_BATCH = 50;

export interface ProgressOptions {
  total: number;
  quiet?: boolean;
  /** Default process.stderr. */
  stream?: NodeJS.WriteStream;
  /** Override terminal detection (tests). */
  isTTY?: boolean;
}

export interface BatchProgress {
  /** Prints a line (ending in \n) on the stream, above the bar if there is one. */
  note(line: string): void;
  /** Counts one finished file: parsed with this many metrics, or failed. */
  done(result: { ok: true; metrics: number } | { ok: false }): void;
  /** Removes the bar and, unless quiet, prints the summary line. `failed` counts every failure of the batch. */
  finish(failed: number): void;
  /** Removes the bar without a summary (the batch stopped on an error); harmless after finish(). */
  stop(): void;
}

export interface BatchCounts {
  parsed: number;
  failed: number;
  metrics: number;
  seconds: number;
}

/** "reportx: 9988 files parsed, 12 failed, 152031 metrics, 38.2 s (261 files/s)" */
export function summaryLine(c: BatchCounts): string {
  const files = `${c.parsed} file${c.parsed === 1 ? '' : 's'} parsed`;
  const rate =
    c.seconds > 0 && c.parsed + c.failed > 0 ? ` (${Math.round((c.parsed + c.failed) / c.seconds)} files/s)` : '';
  return `reportx: ${files}, ${c.failed} failed, ${c.metrics} metric${c.metrics === 1 ? '' : 's'}, ${c.seconds.toFixed(1)} s${rate}`;
}

export async function startProgress(options: ProgressOptions): Promise<BatchProgress> {
  const stream = options.stream ?? process.stderr;
  const tty = options.isTTY ?? Boolean(stream.isTTY);
  const large = options.total >= LARGE_BATCH;
  const summary = !options.quiet && (tty || large);
  const started = performance.now();
  let parsed = 0;
  let metrics = 0;
  let finished = 0;

  // Loaded only when a bar is shown: a one-file run does not pay for it.
  let bar: { multi: import('cli-progress').MultiBar; bar: import('cli-progress').SingleBar } | null = null;
  if (!options.quiet && tty && large) {
    // cli-progress is CommonJS: in the esbuild bundle its namespace has only `default` (the named
    // exports exist only under Node's own loader), so take the module from either shape.
    const loaded: typeof import('cli-progress') & { default?: typeof import('cli-progress') } = await import(
      'cli-progress'
    );
    const { MultiBar, Presets } = loaded.default ?? loaded;
    const multi = new MultiBar(
      {
        stream,
        format:
          'reportx {bar} {percentage}% | {value}/{total} files | {metrics} metrics | {duration_formatted} (eta {eta_formatted})',
        // A hidden cursor would stay hidden after Ctrl-C (cli-progress restores it only on stop()).
        hideCursor: false,
        clearOnComplete: true,
        etaBuffer: 200,
        fps: 5,
        // The stream given is a terminal (or the caller said to treat it as one).
        noTTYOutput: !stream.isTTY,
      },
      Presets.shades_classic,
    );
    bar = { multi, bar: multi.create(options.total, 0, { metrics: 0 }) };
  }

  const stop = () => {
    if (bar) {
      // log() only buffers until the next redraw, and stop() with clearOnComplete drops the buffer.
      bar.multi.update();
      bar.multi.stop();
      bar = null;
    }
  };
  return {
    note(line) {
      if (bar) bar.multi.log(line);
      else stream.write(line);
    },
    done(result) {
      finished++;
      if (result.ok) {
        parsed++;
        metrics += result.metrics;
      }
      bar?.bar.update(finished, { metrics });
    },
    stop,
    finish(failed) {
      stop();
      if (summary)
        stream.write(summaryLine({ parsed, failed, metrics, seconds: (performance.now() - started) / 1000 }) + '\n');
    },
  };
}
