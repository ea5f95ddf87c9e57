// The library entry point: text in, document out. Each stage is a pure function in its own
// folder; this file only wires them together, in order (ARCHITECTURE.md):
//   normalise → structure (headings, sections, sentences) → meta → mentions → attribution →
//   indicators → document.
// Decoding bytes to text (src/decode) comes before, in the caller.
//
// The stages from mentions on read a long text a part at a time (textParts), so that a large
// input can be written out as it is read (parseReportInParts) instead of standing in memory as one
// document: a 50 MB report has ~570,000 metrics, ~5 times its size as objects.
import type { Metric, ReportDocument, SectionKind, Span, Warning } from './model/schema.js';
import { normaliseText } from './normalise/normalise.js';
import { findHeadings } from './structure/findHeadings.js';
import { sectionTree } from './structure/sectionTree.js';
import { sentenceSpans } from './structure/sentences.js';
import { findTableCells } from './structure/tables.js';
import { textParts } from './structure/textParts.js';
import { findMentions, type Mention } from './mentions/metricMentions.js';
import { attributeMetrics } from './attribution/attributeMetrics.js';
import { readMeta } from './meta/meta.js';
import { indicatorAssigner } from './indicators/assignIndicators.js';
import { loadCatalog } from './indicators/catalogFiles.js';
import type { Catalog } from './indicators/compileCatalog.js';
import { completeDocument, documentHead, type DocumentHead } from './document/buildDocument.js';
import { withSegmentationMemo } from './text/segmenter.js';

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
  /** Characters of text the stages from mentions on read at a time (default PART_CHARACTERS). */
  partCharacters?: number;
}

/**
 * How much text the stages from mentions on read at a time. A report is almost always shorter
 * (the longest of our corpora is ~60,000 characters), so it is read whole; a larger input holds
 * the metrics of one part at a time while it is written out (a 256K-character part has ~2,600).
 */
export const PART_CHARACTERS = 256 * 1024;

/** A document made a part at a time: its head at once, its metrics as they are asked for. */
export interface ReportInParts {
  /** Everything before the metrics: source, meta, sections. */
  head: DocumentHead;
  /**
   * The metrics of the next part of the text, in text order; null once every part has been read.
   * (A function rather than a generator: the stages ran ~10% slower called from a generator's body.)
   */
  nextMetrics(): Metric[] | null;
  /** The document's warnings: complete once nextMetrics has returned null. */
  warnings(): Warning[];
}

export function parseReport(text: string, options: ParseOptions = {}): ReportDocument {
  const report = parseReportInParts(text, options);
  const metrics: Metric[] = [];
  for (let part = report.nextMetrics(); part; part = report.nextMetrics()) for (const m of part) metrics.push(m);
  return completeDocument(report.head, metrics, report.warnings());
}

export function parseReportInParts(text: string, options: ParseOptions = {}): ReportInParts {
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
  const head = documentHead({
    text,
    path: options.path ?? null,
    encoding: options.encoding ?? 'utf-8',
    encodingConfidence: options.encodingConfidence ?? 1,
    format: options.format ?? 'text',
    sha256: options.sha256 ?? null,
    meta,
    sections: tree.sections,
  });
  // Tables are found in the whole text: a part's edge may fall inside one, whose header names the cells after it.
  const tableCells = findTableCells(norm.content);
  const planYear = meta.year === null ? null : meta.reportType === 'plan' ? meta.year : meta.year + 1;
  const assignIndicators = indicatorAssigner({
    source: text,
    normal: norm.normal,
    flat: tree.flat,
    parentOf: tree.parentOf,
    catalog: options.catalog ?? loadCatalog(),
  });
  const mentionWarnings: Warning[] = [];
  const parts = textParts(norm.content, options.partCharacters ?? PART_CHARACTERS);
  let next = 0;
  let mentionBefore: Mention | undefined;
  let keyedBefore: Metric[] = [];
  let count = 0;
  const readPart = (part: Span): Metric[] => {
    const mentions = findMentions(norm.content, text, mentionWarnings, { ...part, mentionBefore });
    mentionBefore = mentions.at(-1) ?? mentionBefore;
    const attributed = attributeMetrics({
      source: text,
      content: norm.content,
      mentions,
      sentences: sentenceSpans(norm.content, part),
      tree,
      documentKind,
      planYear,
      tableCells,
      part,
      metricsBefore: count,
    });
    return assignIndicators(attributed, keyedBefore);
  };
  return {
    head,
    nextMetrics() {
      if (next >= parts.length) return null;
      const keyed = withSegmentationMemo(() => readPart(parts[next++]));
      count += keyed.length;
      if (keyed.length > 0) keyedBefore = keyed;
      return keyed;
    },
    warnings() {
      if (next < parts.length) throw new Error('parseReportInParts: warnings() asked for before every part was read');
      return [...(options.warnings ?? []), ...norm.warnings, ...tree.warnings, ...mentionWarnings];
    },
  };
}
