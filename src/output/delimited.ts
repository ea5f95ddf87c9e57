// Rows of text fields → CSV or TSV records. Pure text functions; the writers in src/cli/writers
// add the header and the byte-order mark.
import { stringify } from 'csv-stringify/sync';

/** The UTF-8 byte-order mark: Excel needs it to read a CSV as UTF-8 rather than the local code page. */
export const UTF8_BOM = '\uFEFF';

export interface DelimitedOptions {
  /** Neutralise text fields a spreadsheet would run as a formula (default true): see escapeFormula. */
  escapeFormulas?: boolean;
}

/**
 * A field a spreadsheet would take for a formula: it starts with =, +, -, @, tab or CR (OWASP's
 * list for CSV injection), possibly after quotes this escaping added. A plain decimal number
 * (`-3`, `12.5`) is a number, not a formula, and stays numeric.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * OWASP's rule against CSV injection: a text field that starts like a formula gets a leading
 * single quote, which Excel, LibreOffice and Google Sheets show as text and do not evaluate
 * (`=HYPERLINK(…)` → `'=HYPERLINK(…)`). A field that already starts with quotes before such a
 * character gets one more, so unescapeFormula restores every field exactly.
 */
export function escapeFormula(field: string): string {
  return FORMULA_START.test(field) && !PLAIN_NUMBER.test(field) ? `'${field}` : field;
}

/** The inverse of escapeFormula, for a program reading the CSV back. */
export function unescapeFormula(field: string): string {
  return /^'+[=+\-@\t\r]/.test(field) ? field.slice(1) : field;
}

/**
 * RFC 4180 CSV: CRLF between records; a field containing a comma, a double quote, CR or LF is
 * quoted and its quotes doubled.
 */
export function csvRecords(rows: string[][], options: DelimitedOptions = {}): string {
  if (rows.length === 0) return '';
  if (options.escapeFormulas !== false) rows = rows.map((r) => r.map(escapeFormula));
  // csv-stringify stops quoting lone LF/CR once record_delimiter is set unless quote_record_delimiter
  // is also set; without it a sentence containing a line break would split the record.
  return stringify(rows, { record_delimiter: '\r\n', quote_record_delimiter: true });
}

/**
 * TSV: LF between records, no quoting. Inside a field a backslash, tab, LF and CR are written as
 * \\, \t, \n and \r, so every record is one line and every tab separates fields.
 */
export function tsvRecords(rows: string[][], options: DelimitedOptions = {}): string {
  const escapeField =
    options.escapeFormulas === false ? escapeTsvField : (f: string) => escapeTsvField(escapeFormula(f));
  return rows.map((r) => r.map(escapeField).join('\t') + '\n').join('');
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
