// `reportx table`: reports side by side as an analyst's sheet. Wide (default): one row per report,
// one column per canonical indicator key; long: one row per (report, key, metric). The layouts are
// pure functions in src/table/reportTable.ts; this file reads the inputs and writes the result.
import { Command, Option } from 'commander';
import { supportsColor } from 'chalk';
import { basename } from 'node:path';
import { expandInputs } from './inputs.js';
import { parseBatch } from './batch.js';
import { isSupportedEncoding } from '../decode/decodeBytes.js';
import { CATALOG_FLAGS, CATALOG_HELP, catalogFilesOption, collectCatalog } from './catalogOption.js';
import { problemLine } from './messages.js';
import { EXIT_FAILURE, EXIT_OK, UsageError } from './exitCodes.js';
import { streamOut } from './writers/writer.js';
import { csvRecords, tsvRecords, UTF8_BOM } from '../output/delimited.js';
import {
  LONG_COLUMNS,
  WIDE_REPORT_COLUMNS,
  WideTableBuilder,
  longRecords,
  wideRecords,
  type HeaderStyle,
  type ReportTableOptions,
} from '../table/reportTable.js';
import { renderTextTable } from '../table/textTable.js';
import type { Catalog } from '../indicators/compileCatalog.js';

export const TABLE_FORMATS = ['text', 'csv', 'tsv'] as const;
export const TABLE_LAYOUTS = ['wide', 'long'] as const;

export interface TableCommandOptions {
  format?: string;
  layout?: string;
  header?: string;
  unkeyed?: boolean;
  bom?: boolean;
  csvEscape?: boolean;
  catalog?: string[];
  minReports?: string;
  encoding?: string;
  quiet?: boolean;
}

export function tableCommand(run: (code: Promise<number>) => void): Command {
  return new Command('table')
    .description(
      'reports side by side: one row per report and one column per canonical indicator (wide), or one row per metric (long)',
    )
    .argument('<files...>', 'report files or globs, as for parse; - reads standard input')
    .addOption(
      new Option('-l, --layout <layout>', 'wide: a row per report, a column per key; long: a row per keyed metric')
        .choices([...TABLE_LAYOUTS])
        .default('wide'),
    )
    .addOption(
      new Option('-f, --format <format>', 'output format (default: text on a terminal, else csv)').choices([
        ...TABLE_FORMATS,
      ]),
    )
    .addOption(
      new Option('--header <style>', "wide: column headers as the indicator's name and unit, or its key")
        .choices(['name', 'key'])
        .default('name'),
    )
    .option(
      '--unkeyed',
      'also give metrics with no canonical key columns (wide) or rows (long), by their indicator phrase',
    )
    .option('--no-bom', 'csv: do not start with a UTF-8 byte-order mark')
    .option('--no-csv-escape', "csv/tsv: keep text cells starting with = + - @ as they are (default: prefix a ')")
    .option('--min-reports <n>', 'wide: only columns with a value in at least N reports', '1')
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
  const layout = opts.layout ?? 'wide';
  const { files: catalogFiles, catalog } = catalogFilesOption(opts.catalog);
  const { files, problems } = await expandInputs(patterns);
  for (const p of problems) process.stderr.write(problemLine(p.pattern, p.reason));
  if (files.length === 0) throw new UsageError('no input file');
  const tableOptions: ReportTableOptions = { unkeyed: Boolean(opts.unkeyed), describeKey: describeFrom(catalog) };
  const batch = (list: string[]) => parseBatch(list, { encoding: opts.encoding, catalogFiles });
  const delimited = { escapeFormulas: opts.csvEscape !== false };
  const out = streamOut(process.stdout);
  const bom = opts.bom !== false;
  let failed = problems.length;
  const failure = (path: string, reason: string) => {
    failed++;
    process.stderr.write(problemLine(path, reason));
  };

  if (layout === 'long') {
    const header = [...LONG_COLUMNS];
    if (format === 'text') {
      // A terminal table needs every width first; the long layout is for files, so text is a preview.
      const records: string[][] = [header];
      for await (const r of batch(files)) {
        if (r.ok) records.push(...longRecords(r.document, tableOptions));
        else failure(r.path, r.reason);
      }
      await out(renderTextTable(records, { color: colorWanted(), numeric: (i) => LONG_NUMERIC.has(header[i]) }));
    } else {
      // Rows stream out as each report finishes.
      const encode = (rows: string[][]) =>
        format === 'csv' ? csvRecords(rows, delimited) : tsvRecords(rows, delimited);
      await out((format === 'csv' && bom ? UTF8_BOM : '') + encode([header]));
      for await (const r of batch(files)) {
        if (r.ok) {
          const rows = [...longRecords(r.document, tableOptions)];
          if (rows.length > 0) await out(encode(rows));
        } else failure(r.path, r.reason);
      }
    }
    await out.flush();
    return failed > 0 ? EXIT_FAILURE : EXIT_OK;
  }

  // Only the chosen cells are kept, not the documents.
  const builder = new WideTableBuilder(tableOptions);
  for await (const r of batch(files)) {
    if (r.ok) builder.add(r.document);
    else failure(r.path, r.reason);
  }
  const table = builder.result(minReports);
  if (!opts.quiet) {
    if (table.unkeyed > 0 && !opts.unkeyed)
      process.stderr.write(
        `reportx: ${plural(table.unkeyed, 'metric')} with no canonical key left out (--unkeyed adds them; --layout long lists keyed metrics one per row)\n`,
      );
    if (table.unconvertible > 0)
      process.stderr.write(
        `reportx: ${plural(table.unconvertible, 'metric')} in a unit their column cannot take left out (see --layout long)\n`,
      );
  }
  const records = wideRecords(table, (opts.header ?? 'name') as HeaderStyle);
  if (format === 'csv') await out((bom ? UTF8_BOM : '') + csvRecords(records, delimited));
  else if (format === 'tsv') await out(tsvRecords(records, delimited));
  else {
    // On a terminal a report is named by its file name: a long path cut to fit would lose it.
    const shown = records.map((r, i) => (i === 0 ? r : [basename(r[0]), ...r.slice(1)]));
    await out(renderTextTable(shown, { color: colorWanted(), numeric: (i) => i >= WIDE_REPORT_COLUMNS.length }));
  }
  await out.flush();
  return failed > 0 ? EXIT_FAILURE : EXIT_OK;
}

/** A key's column header and unit, as the catalogue names them. */
function describeFrom(catalog: Catalog): ReportTableOptions['describeKey'] {
  return (key) => {
    const indicator = catalog.byKey.get(key);
    return indicator && { name: indicator.name, unit: indicator.unit, equivalentUnits: indicator.units ?? [] };
  };
}

/** Long-layout columns that hold numbers (right-aligned in a terminal). */
const LONG_NUMERIC = new Set<string>(['year', 'value', 'start', 'end']);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Colour only on a terminal that supports it, and never when NO_COLOR is set (https://no-color.org). */
function colorWanted(): boolean {
  const noColor = process.env.NO_COLOR;
  if (noColor !== undefined && noColor !== '') return false;
  return Boolean(process.stdout.isTTY) && supportsColor !== false && supportsColor.level > 0;
}
