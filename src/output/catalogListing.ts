// What `reportx catalog` prints: the catalogue's indicators, and the indicator phrases of a corpus
// that got no key (the candidates for a new entry), most frequent first. Pure functions; the
// command writes them.
import type { ReportDocument } from '../model/schema.js';
import type { Catalog } from '../indicators/compileCatalog.js';

export const CATALOG_COLUMNS = ['key', 'name', 'unit', 'measure', 'variant', 'domain', 'definition'] as const;

export function catalogRows(catalog: Catalog): string[][] {
  return catalog.indicators.map((i) => [i.key, i.name, i.unit, i.measure, i.variant, i.domain, i.definition]);
}

export interface UnmatchedPhrase {
  indicator: string;
  /** Metrics with this phrase and no key. */
  count: number;
  /** Reports they came from. */
  reports: number;
  /** The first sentence it was found in. */
  example: string;
}

export const UNMATCHED_COLUMNS = ['indicator', 'count', 'reports', 'example'] as const;

/** Indicator phrases that got no key, by how many metrics have them, then how many reports. */
export function unmatchedPhrases(documents: Iterable<ReportDocument>): UnmatchedPhrase[] {
  const byPhrase = new Map<string, { count: number; reports: Set<string>; example: string }>();
  let n = 0;
  for (const doc of documents) {
    const report = doc.source.path ?? `#${n}`;
    n++;
    for (const m of doc.metrics) {
      if (m.indicatorKey !== null || m.indicator === null) continue;
      const phrase = m.indicator.replace(/\s+/g, '');
      const seen = byPhrase.get(phrase) ?? { count: 0, reports: new Set<string>(), example: m.sentence.text.trim() };
      seen.count++;
      seen.reports.add(report);
      byPhrase.set(phrase, seen);
    }
  }
  return [...byPhrase]
    .map(([indicator, s]) => ({ indicator, count: s.count, reports: s.reports.size, example: s.example }))
    .sort((a, b) => b.count - a.count || b.reports - a.reports || a.indicator.localeCompare(b.indicator));
}

export function unmatchedRows(phrases: readonly UnmatchedPhrase[]): string[][] {
  return phrases.map((p) => [p.indicator, String(p.count), String(p.reports), p.example]);
}
