// The library entry point: text in, document out. Each stage is a pure function in its own
// folder; this file only wires them together, in order (ARCHITECTURE.md):
//   normalise → structure (headings, sections, sentences) → meta → mentions → attribution →
//   indicators → document.
// Decoding bytes to text (src/decode) comes before, in the caller.
import type { ReportDocument, SectionKind, Warning } from './model/schema.js';
import { normaliseText } from './normalise/normalise.js';
import { findHeadings } from './structure/findHeadings.js';
import { sectionTree } from './structure/sectionTree.js';
import { sentenceSpans } from './structure/sentences.js';
import { findTableCells } from './structure/tables.js';
import { findMentions } from './mentions/metricMentions.js';
import { attributeMetrics } from './attribution/attributeMetrics.js';
import { readMeta } from './meta/meta.js';
import { assignIndicators } from './indicators/assignIndicators.js';
import { loadCatalog } from './indicators/catalogFiles.js';
import type { Catalog } from './indicators/compileCatalog.js';
import { buildDocument } from './document/buildDocument.js';

export interface ParseOptions {
  /** Where the text came from; recorded in source.path (null when omitted). */
  path?: string | null;
  /** The encoding the bytes were decoded from; recorded in source.encoding (default utf-8). */
  encoding?: string;
  /** How sure that encoding is, 0–1 (default 1); recorded in source.encodingConfidence. */
  encodingConfidence?: number;
  /** `html` when the text was extracted from a web page (default `text`); recorded in source.format. */
  format?: 'text' | 'html';
  /** sha256 of the original bytes; computed from the UTF-8 text when omitted. */
  sha256?: string;
  /** Warnings from reading the bytes (src/decode), put first among the document's warnings. */
  warnings?: Warning[];
  /** The indicator catalogue (loadCatalog): the bundled one when omitted. */
  catalog?: Catalog;
}

export function parseReport(text: string, options: ParseOptions = {}): ReportDocument {
  const norm = normaliseText(text);
  const headings = findHeadings(norm.content);
  const meta = readMeta({
    normal: norm.normal,
    source: text,
    headerEnd: norm.headerEnd,
    firstHeading: headings[0]?.start ?? text.length,
    headingTitles: headings.filter((h) => h.style !== 'cn-shi').map((h) => norm.normal.slice(h.markerEnd, h.titleEnd)),
  });
  const documentKind: SectionKind = meta.reportType === 'plan' ? 'plan' : 'review';
  const tree = sectionTree(headings, text, documentKind);
  const mentionWarnings: Warning[] = [];
  const mentions = findMentions(norm.content, text, mentionWarnings);
  const attributed = attributeMetrics({
    source: text,
    content: norm.content,
    mentions,
    sentences: sentenceSpans(norm.content),
    tree,
    documentKind,
    planYear: meta.year === null ? null : meta.reportType === 'plan' ? meta.year : meta.year + 1,
    tableCells: findTableCells(norm.content),
  });
  const metrics = assignIndicators(attributed, {
    source: text,
    normal: norm.normal,
    flat: tree.flat,
    parentOf: tree.parentOf,
    catalog: options.catalog ?? loadCatalog(),
  });
  return buildDocument({
    text,
    path: options.path ?? null,
    encoding: options.encoding ?? 'utf-8',
    encodingConfidence: options.encodingConfidence ?? 1,
    format: options.format ?? 'text',
    sha256: options.sha256 ?? null,
    meta,
    sections: tree.sections,
    metrics,
    warnings: [...(options.warnings ?? []), ...norm.warnings, ...tree.warnings, ...mentionWarnings],
  });
}
