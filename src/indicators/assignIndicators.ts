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
  const keyed: Metric[] = [];
  for (const m of metrics) {
    const found = matchIndicator(input.catalog, m, { text: input.normal, sectionTitles: titlesOf(m.sectionId) });
    const part = found !== null && isPartOfEarlier(input.normal, keyed, m, found.key);
    keyed.push({
      ...m,
      indicatorKey: part ? null : (found?.key ?? null),
      indicatorName: part ? null : (found?.name ?? null),
    });
  }
  return keyed;
}

/**
 * Whether the metric is a part (其中…) of an earlier one with the same key, in its sentence or the
 * one before (城乡低保对象8957户。其中:城关镇3167户…): a part is not the quantity its total is.
 */
function isPartOfEarlier(normal: string, earlier: readonly Metric[], m: Metric, key: string): boolean {
  for (let i = earlier.length - 1; i >= 0; i--) {
    const e = earlier[i];
    const between = normal.slice(e.span.end, m.span.start);
    if ((between.match(/[。!?\n]/g)?.length ?? 0) > 1) return false;
    if (e.indicatorKey === key) return between.includes('其中');
  }
  return false;
}

/** A section's title as normalised text (the node holds the source's). */
function normalTitle(input: IndicatorInput, node: SectionNode): string {
  const at = input.source.indexOf(node.title, node.span.start);
  return at >= 0 ? input.normal.slice(at, at + node.title.length) : node.title;
}
