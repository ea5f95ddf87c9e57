// `reportx parse`: files in, documents out in the chosen format.
import { Command, InvalidArgumentError, Option } from 'commander';
import { batchInputs, parseMaxSizeOption } from './batchInputs.js';
import { isSupportedEncoding } from '../decode/decodeBytes.js';
import { parseBatch } from './batch.js';
import type { RenderedFile } from './parseFile.js';
import { DocumentFailure } from './renderFile.js';
import { CATALOG_FLAGS, CATALOG_HELP, collectCatalog } from './catalogOption.js';
import { startProgress } from './progress.js';
import { EXIT_FAILURE, EXIT_OK, UsageError } from './exitCodes.js';
import { problemLine } from './messages.js';
import { jsonArrayWriter, ndjsonWriter } from './writers/jsonWriters.js';
import { outDirWriter } from './writers/outDirWriter.js';
import { outputNames } from './outputNames.js';
import { DEFAULT_MAX_SIZE, formatSize } from './readInput.js';
import type { OutputWriter } from './writers/writer.js';
import { RENDER_FORMATS, type RenderSpec } from '../output/renderDocument.js';
import { METRIC_COLUMNS, parseColumns, type MetricColumn } from '../output/metricRows.js';

export interface ParseCommandOptions {
  format: string;
  out?: string;
  encoding?: string;
  jobs?: number;
  quiet?: boolean;
  /** csv/tsv only: which columns, in which order (comma-separated names). */
  columns?: string;
  /** csv only: false with --no-bom. */
  bom?: boolean;
  /** Bytes; larger inputs are refused. */
  maxSize?: number;
  filesFrom?: string;
  /** csv/tsv: false with --no-csv-escape. */
  csvEscape?: boolean;
  catalog?: string[];
}

export function parseCommand(run: (code: Promise<number>) => void): Command {
  return new Command('parse')
    .description('parse reports and print their sections and metrics')
    .argument('[files...]', 'report files or globs (quote globs: "dir/**/*.txt"); - reads standard input')
    .option(
      '--files-from <list>',
      'also parse the paths listed in LIST, one a line (- reads the list from standard input)',
    )
    .addOption(new Option('-f, --format <format>', 'output format').choices([...RENDER_FORMATS]).default('json'))
    .option('-o, --out <dir>', 'write one NAME.json per input into DIR instead of standard output')
    .option('--encoding <name>', 'decode every input with this encoding instead of detecting it')
    .option('-j, --jobs <n>', 'parse on N worker threads (default: the number of cores)', parseJobsOption)
    .option(
      '--max-size <size>',
      `refuse inputs larger than SIZE (bytes, or with K, M or G: 200M; default ${formatSize(DEFAULT_MAX_SIZE)})`,
      parseMaxSizeOption,
    )
    .option('-q, --quiet', 'no progress or summary on standard error')
    .option('--columns <names>', `csv/tsv: comma-separated columns to write, in order (${METRIC_COLUMNS.join(',')})`)
    .option('--no-bom', 'csv: do not start with a UTF-8 byte-order mark')
    .option('--no-csv-escape', "csv/tsv: keep text cells starting with = + - @ as they are (default: prefix a ')")
    .option(CATALOG_FLAGS, CATALOG_HELP, collectCatalog)
    .action((files: string[], opts: ParseCommandOptions) => run(runParse(files, opts)));
}

export async function runParse(patterns: string[], opts: ParseCommandOptions): Promise<number> {
  if (opts.encoding !== undefined && !isSupportedEncoding(opts.encoding))
    throw new UsageError(`unknown encoding: ${opts.encoding}`);
  if (opts.jobs !== undefined && !isJobCount(opts.jobs))
    throw new UsageError(`--jobs: expected a whole number ≥ 1, got "${opts.jobs}"`);
  const columns = tabularOptions(opts);
  const inputs = await batchInputs(patterns, opts);
  const { files, catalogFiles, jobs } = inputs;
  // The output is checked before any input is parsed: names that would collide (exit 2), a
  // directory that cannot be written (exit 3).
  const writer = await makeWriter(opts, files, columns);
  // --out writes one pretty-printed JSON file per input, like the json format's array items.
  const render: RenderSpec = {
    format: opts.out ? 'json' : (opts.format as RenderSpec['format']),
    columns,
    escapeFormulas: opts.csvEscape !== false,
  };
  let failed = inputs.problems;
  const progress = await startProgress({ total: files.length, quiet: opts.quiet });
  try {
    for await (const result of parseBatch(files, {
      encoding: opts.encoding,
      jobs,
      maxSize: opts.maxSize,
      catalogFiles,
      render,
    })) {
      const outcome = result.ok ? await written(writer, result) : result;
      if (!outcome.ok) {
        failed++;
        progress.note(problemLine(outcome.path, outcome.reason));
      }
      progress.done(outcome);
    }
    await writer.end();
  } finally {
    progress.stop();
  }
  progress.finish(failed);
  return failed > 0 ? EXIT_FAILURE : EXIT_OK;
}

/**
 * Writes a parsed file's output. A long input is parsed as it is written (renderFile.ts): a part
 * that fails fails the file (nothing of its output is written: spool.ts), not the batch.
 */
async function written(writer: OutputWriter, result: RenderedFile & { ok: true }): Promise<RenderedFile> {
  try {
    await writer.write(result.output, result.path);
    return result;
  } catch (err) {
    if (!(err instanceof DocumentFailure)) throw err;
    return { ok: false, path: result.path, reason: err.reason };
  }
}

function isJobCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1;
}

/** -j/--jobs N: a whole number ≥ 1 (commander reports anything else as a usage error). */
function parseJobsOption(value: string): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!isJobCount(n)) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

/** --max-size SIZE: bytes, or K/M/G (units of 1024). */

/** Checks the csv/tsv options before any file is read; returns the --columns selection. */
function tabularOptions(opts: ParseCommandOptions): MetricColumn[] | undefined {
  const tabular = opts.format === 'csv' || opts.format === 'tsv';
  if (opts.out && tabular)
    throw new UsageError(`--out writes JSON files only; redirect standard output for --format ${opts.format}`);
  if (opts.columns === undefined) return undefined;
  if (!tabular) throw new UsageError('--columns applies to --format csv and tsv only');
  const parsed = parseColumns(opts.columns);
  if (!parsed.ok) throw new UsageError(parsed.reason);
  return parsed.columns;
}

async function makeWriter(opts: ParseCommandOptions, files: string[], columns?: MetricColumn[]): Promise<OutputWriter> {
  if (opts.out) {
    const names = outputNames(files);
    if (!names.ok) throw new UsageError(names.reason);
    return outDirWriter(opts.out, names.names);
  }
  if (opts.format === 'csv' || opts.format === 'tsv') {
    // Loaded only for these formats, to keep a JSON run's start-up short.
    const { csvWriter, tsvWriter } = await import('./writers/delimitedWriter.js');
    return opts.format === 'csv'
      ? csvWriter(process.stdout, { columns, bom: opts.bom })
      : tsvWriter(process.stdout, { columns });
  }
  return opts.format === 'ndjson' ? ndjsonWriter(process.stdout) : jsonArrayWriter(process.stdout);
}
