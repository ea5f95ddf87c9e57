// `reportx table`: metrics pivoted across reports, one row per indicator, one column per report.
import { Command, Option } from 'commander';
import { supportsColor } from 'chalk';
import { expandInputs } from './inputs.js';
import { parseBatch } from './batch.js';
import { CATALOG_FLAGS, CATALOG_HELP, catalogFilesOption, collectCatalog } from './catalogOption.js';
import { isSupportedEncoding } from '../decode/decodeBytes.js';
import { EXIT_FAILURE, EXIT_OK, UsageError } from './exitCodes.js';
import { problemLine } from './messages.js';
import { streamOut } from './writers/writer.js';
import { csvRecords, tsvRecords, UTF8_BOM } from '../output/delimited.js';
import { Pivot, rowCoverage, tableRecords, type PivotTable } from '../table/pivot.js';
import { renderTextTable } from '../table/textTable.js';

export const TABLE_FORMATS = ['text', 'csv', 'tsv'] as const;

export interface TableCommandOptions {
  format?: string;
  bom?: boolean;
  /** csv/tsv: false with --no-csv-escape. */
  csvEscape?: boolean;
  minReports?: string;
  encoding?: string;
  quiet?: boolean;
  catalog?: string[];
}

export function tableCommand(run: (code: Promise<number>) => void): Command {
  return new Command('table')
    .description('pivot metrics across reports: one row per indicator, one column per report')
    .argument('<files...>', 'report files or globs, as for parse; - reads standard input')
    .addOption(
      new Option('-f, --format <format>', 'output format (default: text on a terminal, else csv)').choices([
        ...TABLE_FORMATS,
      ]),
    )
    .option('--no-bom', 'csv: do not start with a UTF-8 byte-order mark')
    .option('--no-csv-escape', "csv/tsv: keep text cells starting with = + - @ as they are (default: prefix a ')")
    .option('--min-reports <n>', 'only indicators found in at least N reports', '1')
    .option('--encoding <name>', 'decode every input with this encoding instead of detecting it')
    .option('-q, --quiet', 'no notes on standard error')
    .option(CATALOG_FLAGS, CATALOG_HELP, collectCatalog)
    .action((files: string[], opts: TableCommandOptions) => run(runTable(files, opts)));
}

export async function runTable(patterns: string[], opts: TableCommandOptions): Promise<number> {
  if (opts.encoding !== undefined && !isSupportedEncoding(opts.encoding))
    throw new UsageError(`unknown encoding: ${opts.encoding}`);
  const minReports = Number(opts.minReports ?? '1');
  if (!Number.isInteger(minReports) || minReports < 1)
    throw new UsageError(`--min-reports: expected a whole number ≥ 1, got "${opts.minReports}"`);
  const format = opts.format ?? (process.stdout.isTTY ? 'text' : 'csv');
  const catalogFiles = catalogFilesOption(opts.catalog).files;
  const { files, problems } = await expandInputs(patterns);
  for (const p of problems) process.stderr.write(problemLine(p.pattern, p.reason));
  if (files.length === 0) throw new UsageError('no input file');
  let failed = problems.length;
  // Only the table is kept, not the documents.
  const pivot = new Pivot();
  for await (const result of parseBatch(files, { encoding: opts.encoding, catalogFiles })) {
    if (result.ok) pivot.add(result.document);
    else {
      failed++;
      process.stderr.write(problemLine(result.path, result.reason));
    }
  }
  const full = pivot.result();
  const table: PivotTable = { ...full, rows: full.rows.filter((r) => rowCoverage(r) >= minReports) };
  if (table.omitted > 0 && !opts.quiet) {
    process.stderr.write(
      `reportx: ${table.omitted} metric${table.omitted === 1 ? '' : 's'} without an indicator left out of the table\n`,
    );
  }
  const out = streamOut(process.stdout);
  await out(renderTable(table, format, opts.bom !== false, opts.csvEscape !== false));
  await out.flush();
  return failed > 0 ? EXIT_FAILURE : EXIT_OK;
}

function renderTable(table: PivotTable, format: string, bom: boolean, escapeFormulas: boolean): string {
  if (format === 'csv') return (bom ? UTF8_BOM : '') + csvRecords(tableRecords(table), { escapeFormulas });
  if (format === 'tsv') return tsvRecords(tableRecords(table), { escapeFormulas });
  return renderTextTable(table, { color: colorWanted() });
}

/** Colour only on a terminal that supports it, and never when NO_COLOR is set (https://no-color.org). */
function colorWanted(): boolean {
  const noColor = process.env.NO_COLOR;
  if (noColor !== undefined && noColor !== '') return false;
  return Boolean(process.stdout.isTTY) && supportsColor !== false && supportsColor.level > 0;
}
