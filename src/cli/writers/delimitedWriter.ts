// CSV and TSV: one row per metric (see src/output/metricRows.ts), a header row first, the rows of
// each document (rendered as 'csv'/'tsv') written as soon as they arrive, so memory does not grow
// with the number of files.
import { headerRecord, type RenderSpec } from '../../output/renderDocument.js';
import { UTF8_BOM } from '../../output/delimited.js';
import type { MetricColumn } from '../../output/metricRows.js';
import { streamOut, writeOutput, type OutputWriter } from './writer.js';

export interface CsvOptions {
  columns?: readonly MetricColumn[];
  /** Start with a UTF-8 byte-order mark (default true). */
  bom?: boolean;
}

export interface TsvOptions {
  columns?: readonly MetricColumn[];
}

/** RFC 4180 CSV with a BOM unless `bom: false` (see src/output/delimited.ts). */
export function csvWriter(stream: NodeJS.WritableStream, options: CsvOptions = {}): OutputWriter {
  return delimitedWriter(stream, { format: 'csv', columns: options.columns }, options.bom === false ? '' : UTF8_BOM);
}

/** TSV, escaped so that every record is one line (see src/output/delimited.ts); never a BOM. */
export function tsvWriter(stream: NodeJS.WritableStream, options: TsvOptions = {}): OutputWriter {
  return delimitedWriter(stream, { format: 'tsv', columns: options.columns }, '');
}

function delimitedWriter(stream: NodeJS.WritableStream, spec: RenderSpec, prefix: string): OutputWriter {
  const out = streamOut(stream);
  let started = false;
  // The header is written with the first document, or at the end when there was none, so the
  // output is always a valid table even when every file failed.
  const start = async () => {
    if (started) return;
    started = true;
    await out(prefix + (await headerRecord(spec)));
  };
  return {
    async write(output) {
      await start();
      await writeOutput(out, output);
    },
    async end() {
      await start();
      await out.flush();
    },
  };
}
