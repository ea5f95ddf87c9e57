// `reportx review`: one self-contained HTML page showing every report given with its metrics marked
// in place (src/review/). The same documents parse produces, with their decoded text; the page is
// written part by part as the files finish, then renamed into place.
import { Command, InvalidArgumentError } from 'commander';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { expandInputs } from './inputs.js';
import { parseBatch } from './batch.js';
import { isSupportedEncoding } from '../decode/decodeBytes.js';
import { EXIT_FAILURE, EXIT_OK, UsageError } from './exitCodes.js';
import { streamOut } from './writers/writer.js';
import { pageHead, pageTail, reportBlock, reviewAssets } from '../review/reviewPage.js';
import { reviewSummary, type ReviewSummary } from '../review/pageData.js';

export interface ReviewCommandOptions {
  out: string;
  encoding?: string;
  jobs?: number;
  title?: string;
  quiet?: boolean;
}

export function reviewCommand(run: (code: Promise<number>) => void): Command {
  return new Command('review')
    .description('write one self-contained HTML page to review every report with its metrics marked in the text')
    .argument('<files...>', 'report files or globs, as for parse; - reads standard input')
    .requiredOption('-o, --out <file>', 'the HTML file to write (e.g. review.html)')
    .option('--encoding <name>', 'decode every input with this encoding instead of detecting it')
    .option('-j, --jobs <n>', 'parse on N worker threads (default: the number of cores)', parseJobs)
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
  const { files, problems } = await expandInputs(patterns);
  for (const p of problems) process.stderr.write(`reportx: ${p.pattern}: ${p.reason}\n`);
  if (files.length === 0) throw new UsageError('no input file');
  reviewAssets(); // fails before any work when the page's script was not built
  const tmp = `${opts.out}.reportx-tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const stream = createWriteStream(tmp);
  const opened = new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  try {
    await opened;
  } catch (err) {
    throw new UsageError(`cannot write ${opts.out}: ${(err as Error).message}`);
  }
  const write = streamOut(stream);
  const summaries: ReviewSummary[] = [];
  let failed = problems.length;
  try {
    await write(pageHead({ title: opts.title }));
    for await (const result of parseBatch(files, { encoding: opts.encoding, jobs: opts.jobs, keepText: true })) {
      if (!result.ok) {
        failed++;
        process.stderr.write(`reportx: ${result.path}: ${result.reason}\n`);
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
    await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
    await rename(tmp, opts.out);
  } catch (err) {
    stream.destroy();
    await rm(tmp, { force: true });
    throw err;
  }
  if (!opts.quiet) {
    const metrics = summaries.reduce((n, s) => n + s.metrics, 0);
    process.stderr.write(
      `reportx: ${opts.out}: ${summaries.length} report${summaries.length === 1 ? '' : 's'}, ${metrics} metrics\n`,
    );
  }
  return failed > 0 ? EXIT_FAILURE : EXIT_OK;
}
