// `reportx parse`: files in, documents out in the chosen format.
import { Command, Option } from 'commander';
import { expandInputs } from './inputs.js';
import { parseBatch } from './batch.js';
import { EXIT_FAILURE, EXIT_OK, UsageError } from './exitCodes.js';
import { jsonArrayWriter, ndjsonWriter, outDirWriter } from './writers/jsonWriters.js';
import type { DocumentWriter } from './writers/writer.js';

export const OUTPUT_FORMATS = ['json', 'ndjson'] as const;

export interface ParseCommandOptions {
  format: string;
  out?: string;
  encoding?: string;
  jobs?: number;
  quiet?: boolean;
}

export function parseCommand(run: (code: Promise<number>) => void): Command {
  return new Command('parse')
    .description('parse reports and print their sections and metrics')
    .argument('<files...>', 'report files, directories of .txt files or globs; - reads standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...OUTPUT_FORMATS]).default('json'))
    .option('-o, --out <dir>', 'write one NAME.json per input into DIR instead of standard output')
    .option('--encoding <name>', 'decode every input with this encoding instead of detecting it')
    .option('-q, --quiet', 'no progress or summary on standard error')
    .action((files: string[], opts: ParseCommandOptions) => run(runParse(files, opts)));
}

export async function runParse(patterns: string[], opts: ParseCommandOptions): Promise<number> {
  const { files, problems } = await expandInputs(patterns);
  for (const p of problems) process.stderr.write(`reportx: ${p.pattern}: ${p.reason}\n`);
  if (files.length === 0) throw new UsageError('no input file');
  const writer = makeWriter(opts);
  let failed = problems.length;
  for await (const result of parseBatch(files, { encoding: opts.encoding, jobs: opts.jobs })) {
    if (result.ok) await writer.write(result.document);
    else {
      failed++;
      process.stderr.write(`reportx: ${result.path}: ${result.reason}\n`);
    }
  }
  await writer.end();
  return failed > 0 ? EXIT_FAILURE : EXIT_OK;
}

function makeWriter(opts: ParseCommandOptions): DocumentWriter {
  if (opts.out) return outDirWriter(opts.out);
  return opts.format === 'ndjson' ? ndjsonWriter(process.stdout) : jsonArrayWriter(process.stdout);
}
