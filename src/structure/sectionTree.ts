// Headings → a tree. Depth is decided per document like a nested list: the first style seen is
// depth 1, a different style met inside it opens depth 2, and meeting a style already open
// closes everything inside it.
import type { SectionKind, SectionNode, Warning } from '../model/schema.js';
import type { Heading } from './findHeadings.js';
import { keywordKind } from './sectionKind.js';

export interface SectionTreeResult {
  sections: SectionNode[];
  /** Every node in document order, for lookups by offset. */
  flat: SectionNode[];
  /** parentOf[i] is the index in `flat` of flat[i]'s parent, or -1. */
  parentOf: number[];
  warnings: Warning[];
}

export function sectionTree(headings: Heading[], source: string, documentKind: SectionKind): SectionTreeResult {
  const roots: SectionNode[] = [];
  const flat: SectionNode[] = [];
  const warnings: Warning[] = [];
  const open: { style: string; node: SectionNode; index: number }[] = [];
  const parentOf: number[] = [];
  const lastOrdinal = new Map<string, number>();
  let previousTopKind: SectionKind = documentKind;

  for (const h of headings) {
    // Meeting an open style closes it and everything opened inside it; an inline 一是 item never
    // holds a numbered heading (三是… then 三、…: the heading closes the item).
    const at = open.findIndex((o) => o.style === h.style || (h.style !== 'cn-shi' && o.style === 'cn-shi'));
    if (at >= 0) {
      // Meeting an open style closes it and everything opened inside it.
      for (const o of open.slice(at)) o.node.span.end = h.start;
      open.length = at;
    }
    const parent = open.at(-1)?.node;
    const depth = open.length + 1;
    checkNumbering(h, depth, source, lastOrdinal, warnings);

    const title = source.slice(h.markerEnd, h.titleEnd).trim();
    // An inline 一是 item's title is a sentence: 依法治县工作要点 in it is a noun, not a plan heading.
    const ownKind = h.style === 'cn-shi' ? null : keywordKind(title);
    let kind: SectionKind;
    if (parent) kind = depth === 2 && ownKind === 'plan' ? 'plan' : parent.kind;
    else kind = previousTopKind = ownKind ?? previousTopKind;

    const siblings = parent ? parent.children : roots;
    const node: SectionNode = {
      id: `${parent ? parent.id + '.' : 's'}${siblings.length + 1}`,
      depth,
      marker: source.slice(h.start, h.markerEnd),
      ordinal: h.ordinal,
      title,
      kind,
      span: { start: h.start, end: source.length },
      children: [],
    };
    siblings.push(node);
    parentOf.push(open.at(-1)?.index ?? -1);
    open.push({ style: h.style, node, index: flat.length });
    flat.push(node);
  }
  trimTrailingSpace(flat, source);
  return { sections: roots, flat, parentOf, warnings };
}

function checkNumbering(h: Heading, depth: number, source: string, last: Map<string, number>, warnings: Warning[]) {
  const key = `${h.style}@${depth}`;
  const prev = last.get(key);
  last.set(key, h.ordinal);
  if (prev === undefined || h.ordinal === prev + 1 || h.ordinal === 1) return;
  const marker = source.slice(h.start, h.markerEnd);
  const span = { start: h.start, end: h.markerEnd };
  if (h.ordinal > prev + 1)
    warnings.push({
      code: 'numbering-gap',
      message: `heading ${marker} follows number ${prev}: ${h.ordinal - prev - 1} missing`,
      span,
    });
  else
    warnings.push({
      code: 'numbering-repeat',
      message: `heading ${marker} repeats or goes back after number ${prev}`,
      span,
    });
}

function trimTrailingSpace(flat: SectionNode[], source: string) {
  for (const n of flat) {
    let end = n.span.end;
    while (end > n.span.start && /\s/.test(source[end - 1])) end--;
    n.span.end = end;
  }
}

/** The innermost section containing an offset, or null before the first heading: a binary
 * search for the last heading at or before the offset, then up its ancestors. */
export function sectionAt(tree: Pick<SectionTreeResult, 'flat' | 'parentOf'>, offset: number): SectionNode | null {
  const { flat, parentOf } = tree;
  let lo = 0,
    hi = flat.length - 1,
    last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (flat[mid].span.start <= offset) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = last; i >= 0; i = parentOf[i]) if (offset < flat[i].span.end) return flat[i];
  return null;
}
