// CSV and TSV: one row per metric (see src/output/metricRows.ts), a header row first, the rows of
// each document written as soon as it arrives, so memory does not grow with the number of files.
import { stringify } from 'csv-stringify/sync';
import type { ReportDocument } from '../../document/schema.js';
import { formatCell, METRIC_COLUMNS, metricRows, type MetricColumn } from '../../output/metricRows.js';
import { streamOut, type DocumentWriter } from './writer.js';

/** The UTF-8 byte-order mark: Excel needs it to read a CSV as UTF-8 rather than the local code page. */
export const UTF8_BOM = '\uFEFF';

export interface CsvOptions {
  columns?: readonly MetricColumn[];
  /** Start with a UTF-8 byte-order mark (default true). */
  bom?: boolean;
}

export interface TsvOptions {
  columns?: readonly MetricColumn[];
}

/**
 * RFC 4180 CSV: CRLF between records; a field containing a comma, a double quote, CR or LF is
 * quoted and its quotes doubled.
 */
export function csvWriter(stream: NodeJS.WritableStream, options: CsvOptions = {}): DocumentWriter {
  const columns = options.columns ?? METRIC_COLUMNS;
  return delimitedWriter(stream, columns, {
    prefix: options.bom === false ? '' : UTF8_BOM,
    records: (rows) => csvRecords(rows),
  });
}

/**
 * TSV: LF between records, no quoting and no BOM. Inside a field a backslash, tab, LF and CR are
 * written as \\, \t, \n and \r, so every record is one line and every tab separates fields.
 */
export function tsvWriter(stream: NodeJS.WritableStream, options: TsvOptions = {}): DocumentWriter {
  const columns = options.columns ?? METRIC_COLUMNS;
  return delimitedWriter(stream, columns, {
    prefix: '',
    records: (rows) => rows.map((r) => r.map(escapeTsvField).join('\t') + '\n').join(''),
  });
}

/** Rows of text fields → RFC 4180 CSV text (each record ends with CRLF). */
export function csvRecords(rows: string[][]): string {
  if (rows.length === 0) return '';
  // csv-stringify stops quoting lone LF/CR once record_delimiter is set unless quote_record_delimiter
  // is also set; without it a sentence containing a line break would split the record.
  return stringify(rows, { record_delimiter: '\r\n', quote_record_delimiter: true });
}

const TSV_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const TSV_UNESCAPES: Record<string, string> = { '\\': '\\', t: '\t', n: '\n', r: '\r' };

export function escapeTsvField(field: string): string {
  return field.replace(/[\\\t\n\r]/g, (c) => TSV_ESCAPES[c]);
}

/** The inverse of escapeTsvField. A backslash before any other character is kept as written. */
export function unescapeTsvField(field: string): string {
  return field.replace(/\\([\\tnr])/g, (_, c: string) => TSV_UNESCAPES[c]);
}

interface Format {
  /** Written once before the header (the BOM). */
  prefix: string;
  records(rows: string[][]): string;
}

function delimitedWriter(stream: NodeJS.WritableStream, columns: readonly MetricColumn[], format: Format): DocumentWriter {
  const out = streamOut(stream);
  let started = false;
  // The header is written with the first document, or at the end when there was none, so the
  // output is always a valid table even when every file failed.
  const start = async () => {
    if (started) return;
    started = true;
    await out(format.prefix + format.records([[...columns]]));
  };
  return {
    async write(document: ReportDocument) {
      await start();
      const rows: string[][] = [];
      for (const row of metricRows(document)) rows.push(columns.map((c) => formatCell(row[c])));
      if (rows.length > 0) await out(format.records(rows));
    },
    async end() {
      await start();
    },
  };
}
