// What `parse` and `review` (commands that take a batch of reports) read from their command line
// before any file is parsed: the files (arguments, globs, --files-from), the catalogue files, the
// thread count; problems with the inputs are said on standard error here, once for both.
import { InvalidArgumentError } from 'commander';
import { catalogFilesOption } from './catalogOption.js';
import { UsageError } from './exitCodes.js';
import { readFileList } from './filesFrom.js';
import { expandInputs } from './inputs.js';
import { capJobs } from './jobs.js';
import { messageLine, problemLine } from './messages.js';
import { parseSize } from './readInput.js';

export interface BatchInputOptions {
  filesFrom?: string;
  catalog?: string[];
  jobs?: number;
  quiet?: boolean;
}

export interface BatchInputs {
  files: string[];
  /** Arguments that matched nothing or could not be read: each already said on standard error. */
  problems: number;
  catalogFiles: string[];
  /** --jobs capped at what the machine can give (the cap said on standard error), or undefined. */
  jobs: number | undefined;
}

export async function batchInputs(patterns: string[], opts: BatchInputOptions): Promise<BatchInputs> {
  if (opts.filesFrom === '-' && patterns.includes('-'))
    throw new UsageError('--files-from - reads the list from standard input, so - cannot also be an input');
  if (patterns.length === 0 && opts.filesFrom === undefined)
    throw new UsageError('no input: give files, globs, - or --files-from LIST');
  const catalogFiles = catalogFilesOption(opts.catalog).files;
  const { files, problems } = await expandInputs(patterns);
  if (opts.filesFrom !== undefined) files.push(...(await readFileList(opts.filesFrom)));
  for (const p of problems) process.stderr.write(problemLine(p.pattern, p.reason));
  if (files.length === 0) throw new UsageError('no input file');
  let jobs = opts.jobs;
  if (jobs !== undefined) {
    const capped = capJobs(jobs);
    if (capped.note && !opts.quiet) process.stderr.write(messageLine(capped.note));
    jobs = capped.jobs;
  }
  return { files, problems: problems.length, catalogFiles, jobs };
}

/** --max-size's value: 64M, 200MB, 1G or bytes. */
export function parseMaxSizeOption(value: string): number {
  const bytes = parseSize(value);
  if (bytes === null) throw new InvalidArgumentError('expected a size such as 64M, 200MB, 1G or 4096 (bytes)');
  return bytes;
}
