// Expected document vs actual document → the changes a person cares about: metrics added,
// removed or changed, sections added, removed or retitled, meta and source fields changed,
// warnings added or removed. Pure: no I/O, so it is tested on small hand-built documents.
//
// Fields that differ from run to run or machine to machine are not compared: source.path only by
// its basename, and tool versions and timings (VOLATILE_KEYS) wherever they appear at the top
// level or in `source`. Ids (m1, s1.2) are not compared either: they follow document order, so a
// metric added early would otherwise show every later one as changed. A metric's section is
// compared through the section matching instead. When the source text itself changed (another
// sha256), offsets into the two texts cannot be compared: spans are then left out (the source
// change is reported) and a sentence is compared by its text.
import { basename } from 'node:path';
import type { Metric, ReportDocument, SectionNode, Warning } from '../model/schema.js';

/** Keys that name run-dependent data; skipped at the top level of a document and in `source`. */
export const VOLATILE_KEYS: ReadonlySet<string> = new Set([
  'version',
  'toolVersion',
  'reportxVersion',
  'tool',
  'generator',
  'timing',
  'timings',
  'elapsed',
  'elapsedMs',
  'duration',
  'durationMs',
  'generatedAt',
  'parsedAt',
  'createdAt',
]);

/** A section without its children, in document order (pre-order). */
export type FlatSection = Omit<SectionNode, 'children'>;

export interface FieldChange {
  field: string;
  expected: unknown;
  actual: unknown;
}

export type DocumentChange =
  | { item: 'metric'; op: 'added' | 'removed'; metric: Metric }
  | { item: 'metric'; op: 'changed'; expected: Metric; actual: Metric; fields: FieldChange[] }
  | { item: 'section'; op: 'added' | 'removed'; section: FlatSection }
  | { item: 'section'; op: 'changed'; expected: FlatSection; actual: FlatSection; fields: FieldChange[] }
  | { item: 'meta' | 'source' | 'document'; op: 'changed'; field: string; expected: unknown; actual: unknown }
  | { item: 'warning'; op: 'added' | 'removed'; warning: Warning };

const SKIP_TOP = new Set(['source', 'meta', 'sections', 'metrics', 'warnings']);

export function compareDocuments(expected: ReportDocument, actual: ReportDocument): DocumentChange[] {
  const changes: DocumentChange[] = [];

  for (const key of unionKeys(expected, actual)) {
    if (SKIP_TOP.has(key) || VOLATILE_KEYS.has(key)) continue;
    const e = (expected as Record<string, unknown>)[key];
    const a = (actual as Record<string, unknown>)[key];
    if (!deepEqual(e, a)) changes.push({ item: 'document', op: 'changed', field: key, expected: e, actual: a });
  }
  for (const key of unionKeys(expected.source, actual.source)) {
    if (VOLATILE_KEYS.has(key)) continue;
    let e = (expected.source as Record<string, unknown> | undefined)?.[key];
    let a = (actual.source as Record<string, unknown> | undefined)?.[key];
    if (key === 'path') {
      e = pathName(e);
      a = pathName(a);
    }
    if (!deepEqual(e, a)) changes.push({ item: 'source', op: 'changed', field: key, expected: e, actual: a });
  }
  for (const key of unionKeys(expected.meta, actual.meta)) {
    const e = (expected.meta as Record<string, unknown> | undefined)?.[key];
    const a = (actual.meta as Record<string, unknown> | undefined)?.[key];
    if (!deepEqual(e, a)) changes.push({ item: 'meta', op: 'changed', field: key, expected: e, actual: a });
  }

  const sameText = expected.source?.sha256 === actual.source?.sha256;
  const offsets = sameText ? [] : ['span', 'indicatorSpan'];

  const expSections = flattenSections(expected.sections ?? []);
  const actSections = flattenSections(actual.sections ?? []);
  const sectionMatch = matchSections(expSections, actSections);
  const sectionChanges: Positioned[] = [];
  for (const [i, j] of sectionMatch.pairs) {
    const fields = diffFields(expSections[i], actSections[j], ['id', 'children', ...offsets]);
    if (fields.length)
      sectionChanges.push({
        at: actSections[j].span?.start ?? 0,
        change: { item: 'section', op: 'changed', expected: expSections[i], actual: actSections[j], fields },
      });
  }
  for (const i of sectionMatch.unpairedExpected)
    sectionChanges.push({
      at: expSections[i].span?.start ?? 0,
      change: { item: 'section', op: 'removed', section: expSections[i] },
    });
  for (const j of sectionMatch.unpairedActual)
    sectionChanges.push({
      at: actSections[j].span?.start ?? 0,
      change: { item: 'section', op: 'added', section: actSections[j] },
    });
  changes.push(...byPosition(sectionChanges));

  // A metric keeps its section when its expected section was matched to its actual section.
  const sectionFor = new Map<string, string>();
  for (const [i, j] of sectionMatch.pairs) sectionFor.set(expSections[i].id, actSections[j].id);
  const label = (sections: FlatSection[], id: string | null | undefined): string | null => {
    if (id == null) return null;
    const s = sections.find((x) => x.id === id);
    return s ? `${id} ${s.marker}${s.title.slice(0, 12)}` : id;
  };

  const expMetrics = expected.metrics ?? [];
  const actMetrics = actual.metrics ?? [];
  const metricMatch = matchMetrics(expMetrics, actMetrics);
  const metricChanges: Positioned[] = [];
  for (const [i, j] of metricMatch.pairs) {
    const e = expMetrics[i];
    const a = actMetrics[j];
    const fields = diffFields(e, a, ['id', ...offsets], (key) => {
      if (key === 'sentence' && !sameText) {
        return e.sentence?.text === a.sentence?.text
          ? null
          : { field: 'sentence', expected: e.sentence?.text, actual: a.sentence?.text };
      }
      if (key !== 'sectionId') return undefined;
      const expSection = e.sectionId == null ? null : sectionFor.get(e.sectionId);
      if ((a.sectionId ?? null) === expSection) return null;
      return { field: 'section', expected: label(expSections, e.sectionId), actual: label(actSections, a.sectionId) };
    });
    if (fields.length)
      metricChanges.push({
        at: a.span?.start ?? 0,
        change: { item: 'metric', op: 'changed', expected: e, actual: a, fields },
      });
  }
  for (const i of metricMatch.unpairedExpected)
    metricChanges.push({
      at: expMetrics[i].span?.start ?? 0,
      change: { item: 'metric', op: 'removed', metric: expMetrics[i] },
    });
  for (const j of metricMatch.unpairedActual)
    metricChanges.push({
      at: actMetrics[j].span?.start ?? 0,
      change: { item: 'metric', op: 'added', metric: actMetrics[j] },
    });
  changes.push(...byPosition(metricChanges));

  changes.push(...diffWarnings(expected.warnings ?? [], actual.warnings ?? []));
  return changes;
}

interface Positioned {
  at: number;
  change: DocumentChange;
}

const byPosition = (list: Positioned[]): DocumentChange[] =>
  list
    .map((p, k) => ({ ...p, k }))
    .sort((x, y) => x.at - y.at || x.k - y.k)
    .map((p) => p.change);

export interface Matching {
  /** [expected index, actual index] */
  pairs: [number, number][];
  unpairedExpected: number[];
  unpairedActual: number[];
}

/**
 * Metrics pair up first by identical span and raw, then by identical raw at the nearest position
 * (the text or the segmentation moved), then by overlapping spans (raw grew or shrank).
 */
export function matchMetrics(expected: readonly Metric[], actual: readonly Metric[]): Matching {
  const m = new Matcher(expected.length, actual.length);
  const exact = new Map<string, number[]>();
  actual.forEach((a, j) => pushTo(exact, `${a.span?.start}:${a.span?.end}:${a.raw}`, j));
  expected.forEach((e, i) => {
    const queue = exact.get(`${e.span?.start}:${e.span?.end}:${e.raw}`);
    const j = queue?.shift();
    if (j !== undefined) m.pair(i, j);
  });
  m.greedy((i, j) => (expected[i].raw === actual[j].raw ? -distance(expected[i].span, actual[j].span) : null));
  m.greedy((i, j) => {
    const ov = overlap(expected[i].span, actual[j].span);
    return ov > 0 ? ov * 1e6 - distance(expected[i].span, actual[j].span) : null;
  });
  return m.result();
}

/** Sections pair up by marker and title at the nearest position, then by position alone (retitled). */
export function matchSections(expected: readonly FlatSection[], actual: readonly FlatSection[]): Matching {
  const m = new Matcher(expected.length, actual.length);
  m.greedy((i, j) =>
    expected[i].marker === actual[j].marker && expected[i].title === actual[j].title
      ? -distance(expected[i].span, actual[j].span)
      : null,
  );
  m.greedy((i, j) => (expected[i].span?.start === actual[j].span?.start ? 0 : null));
  return m.result();
}

/** Pairs expected and actual items, best score first, never reusing an item. */
class Matcher {
  private readonly expOf: (number | undefined)[];
  private readonly actUsed: boolean[];
  constructor(
    private readonly nExp: number,
    private readonly nAct: number,
  ) {
    this.expOf = new Array(nExp).fill(undefined);
    this.actUsed = new Array(nAct).fill(false);
  }
  pair(i: number, j: number): void {
    this.expOf[i] = j;
    this.actUsed[j] = true;
  }
  /** score(i, j): higher is better; null when the two cannot pair. Ties go to document order. */
  greedy(score: (i: number, j: number) => number | null): void {
    const candidates: { i: number; j: number; s: number }[] = [];
    for (let i = 0; i < this.nExp; i++) {
      if (this.expOf[i] !== undefined) continue;
      for (let j = 0; j < this.nAct; j++) {
        if (this.actUsed[j]) continue;
        const s = score(i, j);
        if (s !== null) candidates.push({ i, j, s });
      }
    }
    candidates.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
    for (const { i, j } of candidates) if (this.expOf[i] === undefined && !this.actUsed[j]) this.pair(i, j);
  }
  result(): Matching {
    const pairs: [number, number][] = [];
    const unpairedExpected: number[] = [];
    this.expOf.forEach((j, i) => (j === undefined ? unpairedExpected.push(i) : pairs.push([i, j])));
    const unpairedActual = this.actUsed.flatMap((used, j) => (used ? [] : [j]));
    return { pairs, unpairedExpected, unpairedActual };
  }
}

export function flattenSections(nodes: readonly SectionNode[]): FlatSection[] {
  const out: FlatSection[] = [];
  const walk = (list: readonly SectionNode[] | undefined) => {
    for (const node of list ?? []) {
      const { children, ...flat } = node;
      out.push(flat);
      walk(children);
    }
  };
  walk(nodes);
  return out;
}

function diffWarnings(expected: readonly Warning[], actual: readonly Warning[]): DocumentChange[] {
  const remaining = new Map<string, number[]>();
  actual.forEach((w, j) => pushTo(remaining, canonical(w), j));
  const removed: Positioned[] = [];
  for (const w of expected) {
    const queue = remaining.get(canonical(w));
    if (queue?.length) queue.shift();
    else removed.push({ at: w.span?.start ?? -1, change: { item: 'warning', op: 'removed', warning: w } });
  }
  const added: Positioned[] = [];
  for (const queue of remaining.values())
    for (const j of queue)
      added.push({ at: actual[j].span?.start ?? -1, change: { item: 'warning', op: 'added', warning: actual[j] } });
  return byPosition([...removed, ...added]);
}

/** `special(key)` decides a field itself: a change, null for none, undefined for the default rule. */
function diffFields(
  expected: object,
  actual: object,
  skip: readonly string[],
  special: (key: string) => FieldChange | null | undefined = () => undefined,
): FieldChange[] {
  const fields: FieldChange[] = [];
  for (const key of unionKeys(expected, actual)) {
    if (skip.includes(key)) continue;
    const decided = special(key);
    if (decided !== undefined) {
      if (decided) fields.push(decided);
      continue;
    }
    const e = (expected as Record<string, unknown>)[key];
    const a = (actual as Record<string, unknown>)[key];
    if (!deepEqual(e, a)) fields.push({ field: key, expected: e, actual: a });
  }
  return fields;
}

function unionKeys(a: unknown, b: unknown): string[] {
  const keys = new Set<string>();
  if (a && typeof a === 'object') for (const k of Object.keys(a)) keys.add(k);
  if (b && typeof b === 'object') for (const k of Object.keys(b)) keys.add(k);
  return [...keys];
}

/** Structural equality of JSON values; a missing key equals an undefined one. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, k) => deepEqual(x, b[k]));
  return unionKeys(a, b).every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}

function pathName(p: unknown): unknown {
  return typeof p === 'string' ? basename(p) : p;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

type MaybeSpan = { start: number; end: number } | null | undefined;

function distance(a: MaybeSpan, b: MaybeSpan): number {
  return a && b ? Math.abs(a.start - b.start) : Number.MAX_SAFE_INTEGER / 2;
}

function overlap(a: MaybeSpan, b: MaybeSpan): number {
  return a && b ? Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) : 0;
}
