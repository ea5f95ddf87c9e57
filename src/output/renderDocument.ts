// A document → the text an output format writes for it (without the framing around documents:
// the JSON array's brackets, the CSV header). Rendering is part of the work a worker thread does:
// a string crosses threads at memcpy speed, where a document's object tree has to be cloned node
// by node on the receiving thread, which also writes every file's output.
import type { ReportDocument } from '../model/schema.js';
import { formatCell, METRIC_COLUMNS, metricRows, type MetricColumn, type RowSource } from './metricRows.js';

export const RENDER_FORMATS = ['json', 'ndjson', 'csv', 'tsv'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

/** Plain data, so it can be handed to a worker thread. */
export interface RenderSpec {
  format: RenderFormat;
  /** csv/tsv: the columns, in order (default METRIC_COLUMNS). */
  columns?: readonly MetricColumn[];
  /** csv/tsv: neutralise text cells that start like a formula (default true; see delimited.ts). */
  escapeFormulas?: boolean;
}

export interface Render {
  (document: ReportDocument): string;
  /**
   * The same text in pieces, each made only when the one before it has been taken: for a large
   * document, written piece by piece (see src/cli/writers/writer.ts), the whole text never stands
   * in memory at once (an ndjson line is about 2.5 times the input's size). Concatenated, the
   * pieces are exactly the string the renderer returns. The document may be one made as it is
   * rendered (DocumentInParts).
   */
  pieces(document: ReportDocument | DocumentInParts): Iterable<string>;
}

/**
 * A document whose metrics are made as they are read (parseReportInParts): its fields in the
 * document's order, `warnings` a getter that is complete only once the metrics have been read.
 */
export type DocumentInParts = RowSource & { readonly warnings: ReportDocument['warnings'] };

/** Array items (metrics, warnings) per piece: pieces of ~10–30 KB, small enough for the young generation, where they die cheaply (pieces of 256 items went to the large-object space and stayed until a full collection). */
const ITEMS_PER_PIECE = 32;

/**
 * The renderer for a format. JSON is pretty-printed with two spaces (one document of an array, or
 * one file of --out); NDJSON is one line ending in \n; CSV/TSV are the document's metric rows (no
 * header), empty when it has none. csv-stringify is loaded only for csv.
 */
export async function loadRenderer(spec: RenderSpec): Promise<Render> {
  switch (spec.format) {
    case 'json':
      return Object.assign((d: ReportDocument) => JSON.stringify(d, null, 2), {
        pieces: (d: ReportDocument) => jsonPieces(d, true, ''),
      });
    case 'ndjson':
      return Object.assign((d: ReportDocument) => JSON.stringify(d) + '\n', {
        pieces: (d: ReportDocument) => jsonPieces(d, false, '\n'),
      });
    case 'csv':
    case 'tsv': {
      const { csvRecords, tsvRecords } = await import('./delimited.js');
      const records = spec.format === 'csv' ? csvRecords : tsvRecords;
      const columns = spec.columns ?? METRIC_COLUMNS;
      const options = { escapeFormulas: spec.escapeFormulas };
      // Records are independent: the records of a run of rows are that run's part of the whole.
      return Object.assign((d: ReportDocument) => records(rowCells(d, columns), options), {
        *pieces(d: ReportDocument | DocumentInParts) {
          let rows: string[][] = [];
          for (const row of metricRows(d)) {
            rows.push(columns.map((c) => formatCell(row[c])));
            if (rows.length === ITEMS_PER_PIECE) {
              yield records(rows, options);
              rows = [];
            }
          }
          if (rows.length > 0) yield records(rows, options);
        },
      });
    }
  }
}

/**
 * JSON.stringify(document) (pretty: with two-space indentation), in pieces: each top-level field
 * whole, except lists (arrays, and the metrics of a document made as it is read), whose items come
 * a few at a time. Each field is read only when its turn comes: a document made as it is read has
 * its warnings only after its metrics. Pretty-printed, a value nested at depth n is its own pretty
 * form with every line break followed by 2n more spaces (a string never holds a raw line break:
 * JSON escapes it).
 */
function* jsonPieces(document: ReportDocument | DocumentInParts, pretty: boolean, end: string): Generator<string> {
  const json = (value: unknown, indent: string) => {
    const text = pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
    return pretty && text !== undefined ? text.replaceAll('\n', '\n' + indent) : text;
  };
  let fields = 0;
  yield '{';
  for (const key of Object.keys(document)) {
    const value: unknown = document[key as keyof typeof document];
    const lead = (fields > 0 ? ',' : '') + (pretty ? `\n  ${JSON.stringify(key)}: ` : `${JSON.stringify(key)}:`);
    if (!isList(value)) {
      const text = json(value, '  ');
      if (text === undefined) continue; // JSON.stringify leaves such a field out
      yield lead + text;
    } else {
      // The opening bracket waits for the first item: an empty list is written [] (as JSON.stringify does).
      let piece = lead;
      let items = 0;
      for (const item of value) {
        piece += (items > 0 ? ',' : '[') + (pretty ? '\n    ' : '') + (json(item, '    ') ?? 'null');
        if (++items % ITEMS_PER_PIECE === 0) {
          yield piece;
          piece = '';
        }
      }
      yield items === 0 ? piece + '[]' : piece + (pretty ? '\n  ]' : ']');
    }
    fields++;
  }
  yield (pretty && fields > 0 ? '\n}' : '}') + end;
}

/** An array, or the metrics of a document made as it is read (any iterable object). */
function isList(value: unknown): value is Iterable<unknown> {
  return Array.isArray(value) || (typeof value === 'object' && value !== null && Symbol.iterator in value);
}

/** The header record of a csv/tsv output. */
export async function headerRecord(spec: RenderSpec): Promise<string> {
  const { csvRecords, tsvRecords } = await import('./delimited.js');
  return (spec.format === 'csv' ? csvRecords : tsvRecords)([[...(spec.columns ?? METRIC_COLUMNS)]]);
}

function rowCells(document: ReportDocument, columns: readonly MetricColumn[]): string[][] {
  const rows: string[][] = [];
  for (const row of metricRows(document)) rows.push(columns.map((c) => formatCell(row[c])));
  return rows;
}
