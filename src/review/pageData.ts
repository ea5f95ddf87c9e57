// What the review page holds for each report: the summary its report list shows, and the report
// itself (its text and its document) which the page parses only when the report is opened.
// The document is kept as parse produced it, so fields added to it later (indicatorKey,
// indicatorName…) reach the page without a change here; only each sentence's text is dropped,
// since the page has the whole text.
import type { ReportDocument } from '../model/schema.js';

/** One row of the page's report list. */
export interface ReviewSummary {
  file: string;
  organization: string | null;
  year: number | null;
  reportType: string;
  title: string | null;
  characters: number;
  metrics: number;
  /** Metrics with target: true. */
  goals: number;
  /** Metrics without a canonical indicatorKey (null, or absent from the document). */
  unkeyed: number;
  warnings: number;
}

/** One report as the page reads it when it is opened. */
export interface ReviewReport {
  file: string;
  text: string;
  document: ReportDocument;
}

export interface ReviewInput {
  document: ReportDocument;
  /** The decoded source text the document's offsets point into. */
  text: string;
  /** The name shown for the report; default the document's source.path, else "stdin". */
  file?: string;
}

/** A metric's canonical key, when the document has one (the catalogue adds the field). */
export function indicatorKeyOf(metric: object): string | null {
  const key = (metric as { indicatorKey?: unknown }).indicatorKey;
  return typeof key === 'string' && key !== '' ? key : null;
}

export function reviewFile(input: ReviewInput): string {
  return input.file ?? input.document.source.path ?? 'stdin';
}

export function reviewSummary(input: ReviewInput): ReviewSummary {
  const { document } = input;
  return {
    file: reviewFile(input),
    organization: document.meta.organization,
    year: document.meta.year,
    reportType: document.meta.reportType,
    title: document.meta.title,
    characters: input.text.length,
    metrics: document.metrics.length,
    goals: document.metrics.filter((m) => m.target).length,
    unkeyed: document.metrics.filter((m) => indicatorKeyOf(m) === null).length,
    warnings: document.warnings.length,
  };
}

export function reviewReport(input: ReviewInput): ReviewReport {
  const document: ReportDocument = {
    ...input.document,
    metrics: input.document.metrics.map((m) => ({ ...m, sentence: { ...m.sentence, text: '' } })),
  };
  return { file: reviewFile(input), text: input.text, document };
}
