// `reportx review`: one self-contained HTML page showing every report given with its metrics marked
// in place (src/review/). The same documents parse produces, with their decoded text; the page is
// written part by part as the files finish into a temporary file beside the output, renamed into
// place at the end (removed on a failure or a signal).
import { Command, InvalidArgumentError } from 'commander';
import { unlinkSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { batchInputs, parseMaxSizeOption } from './batchInputs.js';
import { parseBatch } from './batch.js';
import { isSupportedEncoding } from '../decode/decodeBytes.js';
import { EXIT_FAILURE, EXIT_OK, UsageError } from './exitCodes.js';
import { CATALOG_FLAGS, CATALOG_HELP, collectCatalog } from './catalogOption.js';
import { problemLine } from './messages.js';
import { DEFAULT_MAX_SIZE, formatSize } from './readInput.js';
import { onInterrupt } from './cleanup.js';
import { TEMP_MARK } from './writers/atomicFile.js';
import { outputError } from './writers/outputError.js';
import { pageHead, pageTail, reportBlock, reviewAssets } from '../review/reviewPage.js';
import { reviewSummary, type ReviewSummary } from '../review/pageData.js';

export interface ReviewCommandOptions {
  out: string;
  encoding?: string;
  jobs?: number;
  maxSize?: number;
  filesFrom?: string;
  catalog?: string[];
  title?: string;
  quiet?: boolean;
}

export function reviewCommand(run: (code: Promise<number>) => void): Command {
  return new Command('review')
    .description('write one self-contained HTML page to review every report with its metrics marked in the text')
    .argument('[files...]', 'report files or globs, as for parse; - reads standard input')
    .requiredOption('-o, --out <file>', 'the HTML file to write (e.g. review.html)')
    .option(
      '--files-from <list>',
      'also review the paths listed in LIST, one a line (- reads the list from standard input)',
    )
    .option('--encoding <name>', 'decode every input with this encoding instead of detecting it')
    .option(CATALOG_FLAGS, CATALOG_HELP, collectCatalog)
    .option('-j, --jobs <n>', 'parse on N worker threads (default: the number of cores)', parseJobs)
    .option(
      '--max-size <size>',
      `refuse inputs larger than SIZE (bytes, or with K, M or G; default ${formatSize(DEFAULT_MAX_SIZE)})`,
      parseMaxSizeOption,
    )
    .option('--title <text>', 'the page title')
    .option('-q, --quiet', 'no summary on standard error')
    .action((files: string[], opts: ReviewCommandOptions) => run(runReview(files, opts)));
}

function parseJobs(value: string): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return n;
}

export async function runReview(patterns: string[], opts: ReviewCommandOptions): Promise<number> {
  if (opts.encoding !== undefined && !isSupportedEncoding(opts.encoding))
    throw new UsageError(`unknown encoding: ${opts.encoding}`);
  const inputs = await batchInputs(patterns, opts);
  const { files, catalogFiles, jobs } = inputs;
  reviewAssets(); // fails before any work when the page's script was not built

  // The output is opened before any input is parsed: a place that cannot be written fails at once (exit 3).
  const tmp = `${opts.out}${TEMP_MARK}${process.pid}-${Math.random().toString(36).slice(2)}`;
  const file = await open(tmp, 'w').catch((err) => {
    throw outputError(opts.out, err);
  });
  const forget = onInterrupt(() => unlinkSync(tmp));
  const write = async (chunk: string) => {
    try {
      await file.write(chunk);
    } catch (err) {
      throw outputError(opts.out, err);
    }
  };
  const summaries: ReviewSummary[] = [];
  let failed = inputs.problems;
  try {
    await write(pageHead({ title: opts.title }));
    for await (const result of parseBatch(files, {
      encoding: opts.encoding,
      jobs,
      maxSize: opts.maxSize,
      catalogFiles,
      keepText: true,
    })) {
      if (!result.ok) {
        failed++;
        process.stderr.write(problemLine(result.path, result.reason));
        continue;
      }
      const input = {
        document: result.document,
        text: result.text ?? '',
        file: result.path === '-' ? 'stdin' : result.path,
      };
      await write(reportBlock(summaries.length, input));
      summaries.push(reviewSummary(input));
    }
    await write(pageTail(summaries));
    await file.close().catch((err) => {
      throw outputError(opts.out, err);
    });
    await rename(tmp, opts.out).catch((err) => {
      throw outputError(opts.out, err);
    });
  } catch (err) {
    await file.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw err;
  } finally {
    forget();
  }
  if (!opts.quiet) {
    const metrics = summaries.reduce((n, s) => n + s.metrics, 0);
    process.stderr.write(
      problemLine(opts.out, `${summaries.length} report${summaries.length === 1 ? '' : 's'}, ${metrics} metrics`),
    );
  }
  return failed > 0 ? EXIT_FAILURE : EXIT_OK;
}
