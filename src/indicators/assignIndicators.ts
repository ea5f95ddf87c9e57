// Stage 6: indicators. Each metric gets the key and name of the catalogue indicator it measures
// (matchIndicator.ts), or null for both when none fits.
import type { Metric, SectionNode } from '../model/schema.js';
import type { Catalog } from './compileCatalog.js';
import { matchIndicator } from './matchIndicator.js';

export interface IndicatorInput {
  source: string;
  /** The normalised text (src/normalise: half-width, simplified), one-to-one with the source. */
  normal: string;
  /** Every section node in document order, with the index of each one's parent (-1 for none). */
  flat: readonly SectionNode[];
  parentOf: readonly number[];
  catalog: Catalog;
}

export function assignIndicators(metrics: readonly Metric[], input: IndicatorInput): Metric[] {
  const indexOf = new Map(input.flat.map((node, i) => [node.id, i]));
  const titlesOf = (sectionId: string | null): string[] => {
    const titles: string[] = [];
    for (let i = sectionId === null ? -1 : (indexOf.get(sectionId) ?? -1); i >= 0; i = input.parentOf[i]) {
      titles.push(normalTitle(input, input.flat[i]));
    }
    return titles;
  };
  return metrics.map((m) => {
    const found = matchIndicator(input.catalog, m, { text: input.normal, sectionTitles: titlesOf(m.sectionId) });
    return { ...m, indicatorKey: found?.key ?? null, indicatorName: found?.name ?? null };
  });
}

/** A section's title as normalised text (the node holds the source's). */
function normalTitle(input: IndicatorInput, node: SectionNode): string {
  const at = input.source.indexOf(node.title, node.span.start);
  return at >= 0 ? input.normal.slice(at, at + node.title.length) : node.title;
}
