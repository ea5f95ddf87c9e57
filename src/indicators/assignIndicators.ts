// Stage 6: indicators. Each metric gets the key and name of the catalogue indicator it measures
// (matchIndicator.ts), or null for both when none fits.
import type { Metric, SectionNode } from '../model/schema.js';
import { CharSet } from '../text/chars.js';
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
  return indicatorAssigner(input)(metrics);
}

/**
 * assignIndicators for a text read a part at a time (parseReport): the section titles are read
 * once for all the parts. `before` holds the keyed metrics of the text before the part, since its
 * first metrics may be parts (其中…) of the last ones there.
 */
export function indicatorAssigner(
  input: IndicatorInput,
): (metrics: readonly Metric[], before?: readonly Metric[]) => Metric[] {
  const indexOf = new Map<string, number>();
  for (let i = 0; i < input.flat.length; i++) indexOf.set(input.flat[i].id, i);
  // A section's metrics share its titles: read once a section, not once a metric.
  const titlesBySection = new Map<string | null, string[]>();
  const titlesOf = (sectionId: string | null): string[] => {
    const known = titlesBySection.get(sectionId);
    if (known) return known;
    const titles: string[] = [];
    for (let i = sectionId === null ? -1 : (indexOf.get(sectionId) ?? -1); i >= 0; i = input.parentOf[i]) {
      titles.push(normalTitle(input, input.flat[i]));
    }
    titlesBySection.set(sectionId, titles);
    return titles;
  };
  return (metrics, before = []) => {
    // The metrics before come first, looked back at like the part's own, and are left out of the result.
    const keyed: Metric[] = before.slice();
    for (const m of metrics) {
      const found = matchIndicator(input.catalog, m, { text: input.normal, sectionTitles: titlesOf(m.sectionId) });
      const part = found !== null && isPartOfEarlier(input.normal, keyed, m, found.key);
      keyed.push({
        ...m,
        indicatorKey: part ? null : (found?.key ?? null),
        indicatorName: part ? null : (found?.name ?? null),
      });
    }
    return before.length > 0 ? keyed.slice(before.length) : keyed;
  };
}

/** How far back, in characters, a total may stand before its part (其中…). */
const PART_REACH = 400;

/**
 * Whether the metric is a part (其中…) of an earlier one with the same key, in its sentence or the
 * one before (城乡低保对象8957户。其中:城关镇3167户…): a part is not the quantity its total is.
 */
function isPartOfEarlier(normal: string, earlier: readonly Metric[], m: Metric, key: string): boolean {
  // The sentence breaks between `counted` and the metric (up to 2): each earlier metric adds only
  // the stretch before the one after it, so the look back reads each character once.
  let counted = m.span.start;
  let breaks = 0;
  for (let i = earlier.length - 1; i >= 0; i--) {
    const e = earlier[i];
    // Two sentences are never this long: a text with no full stops (a table, a pathological file)
    // must not make each metric look back over every one before it.
    if (m.span.start - e.span.end > PART_REACH) return false;
    let between: number;
    if (e.span.end <= counted) {
      breaks += countUpTo(normal, e.span.end, counted, SENTENCE_BREAK, 2 - breaks);
      counted = e.span.end;
      between = breaks;
    } else between = countUpTo(normal, e.span.end, m.span.start, SENTENCE_BREAK, 2);
    if (between > 1) return false;
    if (e.indicatorKey === key) return normal.slice(e.span.end, m.span.start).includes('其中');
  }
  return false;
}

const SENTENCE_BREAK = new CharSet('。!?\n');

/** How many characters of text.slice(from, to) are in `set`, counted up to `limit` (read without slicing). */
function countUpTo(text: string, from: number, to: number, set: CharSet, limit: number): number {
  let n = 0;
  for (let i = from; i < to && n < limit; i++) if (set.at(text, i)) n++;
  return n;
}

/** A section's title as normalised text (the node holds the source's). */
function normalTitle(input: IndicatorInput, node: SectionNode): string {
  const at = input.source.indexOf(node.title, node.span.start);
  return at >= 0 ? input.normal.slice(at, at + node.title.length) : node.title;
}
