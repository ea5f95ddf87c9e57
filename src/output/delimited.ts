// Rows of text fields → CSV or TSV records. Pure text functions; the writers in src/cli/writers
// add the header and the byte-order mark.
import { stringify } from 'csv-stringify/sync';

/** The UTF-8 byte-order mark: Excel needs it to read a CSV as UTF-8 rather than the local code page. */
export const UTF8_BOM = '\uFEFF';

/**
 * RFC 4180 CSV: CRLF between records; a field containing a comma, a double quote, CR or LF is
 * quoted and its quotes doubled.
 */
export function csvRecords(rows: string[][]): string {
  if (rows.length === 0) return '';
  // csv-stringify stops quoting lone LF/CR once record_delimiter is set unless quote_record_delimiter
  // is also set; without it a sentence containing a line break would split the record.
  return stringify(rows, { record_delimiter: '\r\n', quote_record_delimiter: true });
}

/**
 * TSV: LF between records, no quoting. Inside a field a backslash, tab, LF and CR are written as
 * \\, \t, \n and \r, so every record is one line and every tab separates fields.
 */
export function tsvRecords(rows: string[][]): string {
  return rows.map((r) => r.map(escapeTsvField).join('\t') + '\n').join('');
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
