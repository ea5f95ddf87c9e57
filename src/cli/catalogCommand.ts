// `reportx catalog`: the indicator catalogue's entries, or with --unmatched FILES… the indicator
// phrases of those reports that got no key, most frequent first, each with a sentence it came from.
import { Command, Option } from 'commander';
import { expandInputs } from './inputs.js';
import { parseBatch } from './batch.js';
import { EXIT_FAILURE, EXIT_OK, UsageError } from './exitCodes.js';
import { streamOut } from './writers/writer.js';
import { CATALOG_FLAGS, CATALOG_HELP, catalogFilesOption, collectCatalog } from './catalogOption.js';
import { csvRecords, tsvRecords, UTF8_BOM } from '../output/delimited.js';
import {
  CATALOG_COLUMNS,
  catalogRows,
  UNMATCHED_COLUMNS,
  unmatchedPhrases,
  unmatchedRows,
} from '../output/catalogListing.js';
import type { ReportDocument } from '../model/schema.js';
import { displayWidth } from '../table/textTable.js';

export const CATALOG_FORMATS = ['text', 'csv', 'tsv'] as const;

export interface CatalogCommandOptions {
  unmatched?: boolean;
  top?: string;
  format?: string;
  catalog?: string[];
}

export function catalogCommand(run: (code: Promise<number>) => void): Command {
  return new Command('catalog')
    .description('list the indicator catalogue, or (--unmatched) the indicator phrases of reports that got no key')
    .argument('[files...]', 'with --unmatched: report files or globs, as for parse')
    .option('--unmatched', 'list the most frequent indicator phrases in FILES that no catalogue entry keyed')
    .option('--top <n>', 'with --unmatched: at most N phrases', '50')
    .addOption(
      new Option('-f, --format <format>', 'output format (default: text on a terminal, else csv)').choices([
        ...CATALOG_FORMATS,
      ]),
    )
    .option(CATALOG_FLAGS, CATALOG_HELP, collectCatalog)
    .action((files: string[], opts: CatalogCommandOptions) => run(runCatalog(files, opts)));
}

export async function runCatalog(patterns: string[], opts: CatalogCommandOptions): Promise<number> {
  const { files: catalogFiles, catalog } = catalogFilesOption(opts.catalog);
  const format = opts.format ?? (process.stdout.isTTY ? 'text' : 'csv');
  const out = streamOut(process.stdout);
  if (!opts.unmatched) {
    if (patterns.length > 0) throw new UsageError('FILES go with --unmatched');
    await out(render([...CATALOG_COLUMNS], catalogRows(catalog), format));
    return EXIT_OK;
  }
  const top = Number(opts.top);
  if (!Number.isInteger(top) || top < 1) throw new UsageError(`--top: expected a whole number ≥ 1, got "${opts.top}"`);
  const { files, problems } = await expandInputs(patterns);
  for (const p of problems) process.stderr.write(`reportx: ${p.pattern}: ${p.reason}\n`);
  if (files.length === 0) throw new UsageError('no input file');
  let failed = problems.length;
  const documents: ReportDocument[] = [];
  for await (const result of parseBatch(files, { catalogFiles })) {
    if (result.ok) documents.push(result.document);
    else {
      failed++;
      process.stderr.write(`reportx: ${result.path}: ${result.reason}\n`);
    }
  }
  await out(render([...UNMATCHED_COLUMNS], unmatchedRows(unmatchedPhrases(documents).slice(0, top)), format));
  return failed > 0 ? EXIT_FAILURE : EXIT_OK;
}

function render(header: string[], rows: string[][], format: string): string {
  if (format === 'csv') return UTF8_BOM + csvRecords([header, ...rows]);
  if (format === 'tsv') return tsvRecords([header, ...rows]);
  return textColumns([header, ...rows]);
}

/** Columns padded to their widest cell (CJK characters count two), the last one left ragged. */
function textColumns(rows: string[][]): string {
  const width = displayWidth;
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => width(r[i] ?? ''))));
  return rows
    .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i] - width(cell)))).join('  '))
    .join('\n')
    .concat('\n');
}
