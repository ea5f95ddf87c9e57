// The library entry point: text in, schema-valid document out. Each stage is a pure function in
// its own folder; this file only wires them together.
import { createHash } from 'node:crypto';
import type { ReportDocument } from './schema.js';

export interface ParseOptions {
  /** Where the text came from; recorded in source.path (null when omitted). */
  path?: string | null;
  /** The encoding the bytes were decoded from; recorded in source.encoding (default utf-8). */
  encoding?: string;
  /** sha256 of the original bytes; computed from the UTF-8 text when omitted. */
  sha256?: string;
}

export function parseReport(text: string, options: ParseOptions = {}): ReportDocument {
  const sha256 = options.sha256 ?? createHash('sha256').update(text, 'utf8').digest('hex');
  return {
    source: { path: options.path ?? null, encoding: options.encoding ?? 'utf-8', characters: text.length, sha256 },
    meta: { organization: null, year: null, reportType: 'review', title: null, publishedAt: null, documentNumber: null },
    sections: [],
    metrics: [],
    warnings: [],
  };
}
