// A document → the text an output format writes for it (without the framing around documents:
// the JSON array's brackets, the CSV header). Rendering is part of the work a worker thread does:
// a string crosses threads at memcpy speed, where a document's object tree has to be cloned node
// by node on the receiving thread, which also writes every file's output.
import type { ReportDocument } from '../model/schema.js';
import { formatCell, METRIC_COLUMNS, metricRows, type MetricColumn } from './metricRows.js';

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
   * pieces are exactly the string the renderer returns.
   */
  pieces(document: ReportDocument): Iterable<string>;
}

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
        *pieces(d: ReportDocument) {
          const rows = rowCells(d, columns);
          for (let i = 0; i < rows.length; i += ITEMS_PER_PIECE)
            yield records(rows.slice(i, i + ITEMS_PER_PIECE), options);
        },
      });
    }
  }
}

/**
 * JSON.stringify(document) (pretty: with two-space indentation), in pieces: each top-level field
 * whole, except arrays, whose items come a few hundred at a time. Pretty-printed, a value nested
 * at depth n is its own pretty form with every line break followed by 2n more spaces (a string
 * never holds a raw line break: JSON escapes it).
 */
function* jsonPieces(document: ReportDocument, pretty: boolean, end: string): Generator<string> {
  const json = (value: unknown, indent: string) => {
    const text = pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
    return pretty && text !== undefined ? text.replaceAll('\n', '\n' + indent) : text;
  };
  let fields = 0;
  yield '{';
  for (const [key, value] of Object.entries(document)) {
    const lead = (fields > 0 ? ',' : '') + (pretty ? `\n  ${JSON.stringify(key)}: ` : `${JSON.stringify(key)}:`);
    if (!Array.isArray(value) || value.length === 0) {
      const text = json(value, '  ');
      if (text === undefined) continue; // JSON.stringify leaves such a field out
      yield lead + text;
    } else {
      let piece = lead + '[';
      for (let i = 0; i < value.length; i++) {
        piece += (i > 0 ? ',' : '') + (pretty ? '\n    ' : '') + (json(value[i], '    ') ?? 'null');
        if ((i + 1) % ITEMS_PER_PIECE === 0) {
          yield piece;
          piece = '';
        }
      }
      yield piece + (pretty ? '\n  ]' : ']');
    }
    fields++;
  }
  yield (pretty && fields > 0 ? '\n}' : '}') + end;
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
