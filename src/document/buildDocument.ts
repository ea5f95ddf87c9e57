// The last stage: the pieces the earlier stages made, put together as the output document. The
// command line validates it against the model (src/model/validateDocument.ts) before writing it.
import { createHash } from 'node:crypto';
import type { Metric, ReportDocument, SectionNode, Warning } from '../model/schema.js';
import { GENERATOR } from '../model/version.js';

export interface DocumentParts {
  text: string;
  path: string | null;
  encoding: string;
  encodingConfidence: number;
  format: 'text' | 'html';
  /** sha256 of the original bytes; computed from the UTF-8 text when null. */
  sha256: string | null;
  meta: ReportDocument['meta'];
  sections: SectionNode[];
  metrics: Metric[];
  warnings: Warning[];
}

export function buildDocument(parts: DocumentParts): ReportDocument {
  return completeDocument(documentHead(parts), parts.metrics, parts.warnings);
}

/** The head with the metrics and warnings after it, in the document's field order. */
export function completeDocument(head: DocumentHead, metrics: Metric[], warnings: Warning[]): ReportDocument {
  return { ...head, metrics, warnings };
}

/** A document without its metrics and warnings, which come after the rest (in its JSON too). */
export type DocumentHead = Omit<ReportDocument, 'metrics' | 'warnings'>;

/** The document's fields before its metrics: what a long text read a part at a time gives first. */
export function documentHead(parts: Omit<DocumentParts, 'metrics' | 'warnings'>): DocumentHead {
  const sha256 = parts.sha256 ?? createHash('sha256').update(parts.text, 'utf8').digest('hex');
  return {
    source: {
      path: parts.path,
      encoding: parts.encoding,
      encodingConfidence: parts.encodingConfidence,
      format: parts.format,
      characters: parts.text.length,
      sha256,
      generator: GENERATOR,
    },
    meta: parts.meta,
    sections: parts.sections,
  };
}
