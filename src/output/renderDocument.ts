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

export type Render = (document: ReportDocument) => string;

/**
 * The renderer for a format. JSON is pretty-printed with two spaces (one document of an array, or
 * one file of --out); NDJSON is one line ending in \n; CSV/TSV are the document's metric rows (no
 * header), empty when it has none. csv-stringify is loaded only for csv.
 */
export async function loadRenderer(spec: RenderSpec): Promise<Render> {
  switch (spec.format) {
    case 'json':
      return (d) => JSON.stringify(d, null, 2);
    case 'ndjson':
      return (d) => JSON.stringify(d) + '\n';
    case 'csv':
    case 'tsv': {
      const { csvRecords, tsvRecords } = await import('./delimited.js');
      const records = spec.format === 'csv' ? csvRecords : tsvRecords;
      const columns = spec.columns ?? METRIC_COLUMNS;
      const options = { escapeFormulas: spec.escapeFormulas };
      return (d) => records(rowCells(d, columns), options);
    }
  }
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
