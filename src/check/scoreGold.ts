// Scores documents against gold files written to the annotation guide (shared/eval/GUIDE.md).
// A port of shared/eval/score.mjs that keeps its rules exactly, so `reportx check --gold` and
// score.mjs print the same figures for the same output:
// - a gold metric stands at indexOf(anchor) + anchor.indexOf(raw); one whose anchor or raw is not
//   found is left out;
// - each gold metric, in order, takes the not yet taken predicted metric whose span overlaps it
//   most (a positive overlap; ties to the earlier prediction);
// - strict: value (to 1e-9 relative), unit and kind right; complete: every field right, an
//   indicator matching when the predicted one (1–16 characters) holds the gold one, or is a part of
//   it that still names the thing (2+ characters, and the gold's end or at least half of it);
// - headings match in order on halfwidth(marker) + the first 6 characters of halfwidth(title);
// - P = tp/(tp+fp), R = tp/(tp+fn), F1 their harmonic mean, 0 when undefined;
// - where gold metrics carry `concept`, every pair of metrics from two different documents is
//   counted: precision and recall of "same indicatorKey (not null)" against "same gold concept".
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

const goldMetricSchema = z.looseObject({
  anchor: z.string(),
  raw: z.string(),
  value: z.number(),
  unit: z.string(),
  kind: z.string(),
  approx: z.string().nullable().optional(),
  change: z.string().nullable().optional(),
  target: z.boolean().optional(),
  indicator: z.string().nullable().optional(),
  concept: z.string().nullable().optional(),
});

export const goldFileSchema = z.looseObject({
  file: z.string().min(1),
  meta: z.looseObject({ organization: z.unknown(), year: z.unknown(), reportType: z.unknown() }).optional(),
  headings: z.array(z.looseObject({ depth: z.number(), marker: z.string(), title: z.string() })).optional(),
  metrics: z.array(goldMetricSchema),
});

export type GoldMetric = z.infer<typeof goldMetricSchema>;
export type GoldFile = z.infer<typeof goldFileSchema>;
export type GoldHeading = NonNullable<GoldFile['headings']>[number];

/** A gold file with the text of the report it annotates. */
export interface GoldDocument extends GoldFile {
  text: string;
  goldFile: string;
}

interface SpanLike {
  start: number;
  end: number;
}

/** What the scorer reads from a document; every ReportDocument is one. */
export interface ScoredDocument {
  meta?: { organization?: unknown; year?: unknown; reportType?: unknown } | null;
  sections?: readonly HeadingLike[] | null;
  headings?: readonly HeadingLike[] | null;
  metrics?: readonly PredictedMetric[] | null;
}

export interface HeadingLike {
  depth?: number;
  level?: number;
  marker?: string;
  title?: string;
  children?: readonly HeadingLike[];
}

export interface PredictedMetric {
  span?: SpanLike | null;
  raw?: string;
  value?: unknown;
  unit?: unknown;
  kind?: unknown;
  approx?: unknown;
  change?: unknown;
  target?: unknown;
  indicator?: unknown;
  indicatorKey?: unknown;
}

export type LocatedGoldMetric = GoldMetric & { span: SpanLike };

export interface MetricTally {
  found: number;
  gold: number;
  pred: number;
  value: number;
  unit: number;
  kind: number;
  full: number;
  approx: number;
  change: number;
  target: number;
  indicator: number;
  complete: number;
  targetGold: number;
  targetPred: number;
  targetBoth: number;
}

export interface HeadingTally {
  tp: number;
  fp: number;
  fn: number;
  depthOk: number;
}

export interface PRF {
  p: number;
  r: number;
  f1: number;
}

export interface FileScore {
  file: string;
  goldFile: string;
  /** false when no document was given for this gold file (score.mjs: "no output"). */
  output: boolean;
  text: string;
  metrics: MetricTally;
  headings: HeadingTally;
  missed: LocatedGoldMetric[];
  spurious: PredictedMetric[];
  wrong: [LocatedGoldMetric, PredictedMetric][];
  headingsMissed: GoldHeading[];
}

/** The same object, key for key, as score.mjs --json prints. */
export interface GoldSummary {
  documents: number;
  metrics: { gold: number; predicted: number; found: number; mention: PRF; strict: PRF; complete: PRF; target: PRF };
  ofFound: Record<'value' | 'unit' | 'kind' | 'approx' | 'change' | 'target' | 'indicator', number>;
  headings: PRF & { depth: number };
  meta: Record<'organization' | 'year' | 'reportType', number>;
  /** Only when some gold metric carries a concept. */
  concepts?: ConceptScore;
}

/** Cross-report grouping: pairs of metrics from two documents, same key against same concept. */
export interface ConceptScore extends PRF {
  goldPairs: number;
  predPairs: number;
  /** Gold metrics whose concept occurs in 2+ documents, and the share of them with a key. */
  sharedMetrics: number;
  keyedShared: number;
  concepts: number;
  sharedConcepts: number;
}

/** One gold metric (with the key of the prediction it was matched to) or one spurious prediction. */
export interface ConceptItem {
  doc: string;
  concept: string | null;
  key: string | null;
}

export interface GoldScore {
  summary: GoldSummary;
  files: FileScore[];
  conceptItems: ConceptItem[];
}

export const halfwidth = (s: unknown): string =>
  String(s ?? '')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');

export function goldSpan(text: string, m: Pick<GoldMetric, 'anchor' | 'raw'>): SpanLike | null {
  const at = text.indexOf(m.anchor);
  const inner = m.anchor.indexOf(m.raw);
  if (at < 0 || inner < 0) return null;
  return { start: at + inner, end: at + inner + m.raw.length };
}

/** A document's headings in order: its flat `headings` list, or every section with a marker. */
export function flattenHeadings(doc: ScoredDocument): HeadingLike[] {
  if (Array.isArray(doc.headings)) return [...doc.headings];
  const out: HeadingLike[] = [];
  const walk = (nodes: readonly HeadingLike[] | null | undefined) => {
    for (const n of nodes ?? []) {
      if (n.marker) out.push(n);
      walk(n.children);
    }
  };
  walk(doc.sections);
  return out;
}

const headingKey = (h: { marker?: unknown; title?: unknown }) =>
  halfwidth(h.marker) + '|' + halfwidth(h.title).slice(0, 6);

export function scoreHeadings(
  gold: readonly GoldHeading[],
  pred: readonly HeadingLike[],
): HeadingTally & { missed: GoldHeading[] } {
  const pk = pred.map(headingKey);
  let j = 0,
    tp = 0,
    depthOk = 0;
  const missed: GoldHeading[] = [];
  for (const g of gold) {
    const at = pk.indexOf(headingKey(g), j);
    if (at < 0) {
      missed.push(g);
      continue;
    }
    tp++;
    if ((pred[at].depth ?? pred[at].level) === g.depth) depthOk++;
    j = at + 1;
  }
  return { tp, fp: pred.length - tp, fn: gold.length - tp, depthOk, missed };
}

const overlap = (a: SpanLike, b: SpanLike) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
export const sameValue = (a: number, b: unknown): boolean =>
  typeof b === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
/**
 * A predicted indicator matches when it holds the gold phrase (and is at most 16 characters), or is
 * a part of it that still names the thing: at least two characters, and either the gold's end (a
 * Chinese noun phrase ends in its head) or at least half of it. PM for PM2.5 does not match.
 */
export const indicatorMatch = (g: unknown, p: unknown): boolean =>
  typeof p === 'string' &&
  p.length > 0 &&
  p.length <= 16 &&
  typeof g === 'string' &&
  (p.includes(g) || (g.includes(p) && p.length >= 2 && (g.endsWith(p) || 2 * p.length >= g.length)));

const strictRight = (g: GoldMetric, p: PredictedMetric) =>
  sameValue(g.value, p.value) && g.unit === p.unit && g.kind === p.kind;

export function scoreMetrics(gold: GoldDocument, predicted: readonly PredictedMetric[] | null | undefined) {
  const located: LocatedGoldMetric[] = [];
  for (const m of gold.metrics) {
    const span = goldSpan(gold.text, m);
    if (span) located.push({ ...m, span });
  }
  const preds = (predicted ?? []).filter(
    (p): p is PredictedMetric & { span: SpanLike } => !!p.span && Number.isInteger(p.span.start),
  );
  const used = new Set<number>();
  const pairs: [LocatedGoldMetric, PredictedMetric][] = [];
  const missed: LocatedGoldMetric[] = [];
  for (const g of located) {
    let best = -1,
      bestOv = 0;
    preds.forEach((p, i) => {
      if (used.has(i)) return;
      const ov = overlap(g.span, p.span);
      if (ov > bestOv) {
        best = i;
        bestOv = ov;
      }
    });
    if (best < 0) {
      missed.push(g);
      continue;
    }
    used.add(best);
    pairs.push([g, preds[best]]);
  }
  const spurious = preds.filter((_, i) => !used.has(i));
  const field = (f: (g: LocatedGoldMetric, p: PredictedMetric) => boolean) => pairs.filter(([g, p]) => f(g, p)).length;
  const sameApprox = (g: GoldMetric, p: PredictedMetric) => (g.approx ?? null) === (p.approx ?? null);
  const sameChange = (g: GoldMetric, p: PredictedMetric) => (g.change ?? null) === (p.change ?? null);
  const sameTarget = (g: GoldMetric, p: PredictedMetric) => Boolean(g.target) === Boolean(p.target);
  const t: MetricTally = {
    found: pairs.length,
    gold: located.length,
    pred: preds.length,
    value: field((g, p) => sameValue(g.value, p.value)),
    unit: field((g, p) => g.unit === p.unit),
    kind: field((g, p) => g.kind === p.kind),
    full: field(strictRight),
    approx: field(sameApprox),
    change: field(sameChange),
    target: field(sameTarget),
    indicator: field((g, p) => indicatorMatch(g.indicator, p.indicator)),
    complete: field(
      (g, p) =>
        strictRight(g, p) &&
        sameApprox(g, p) &&
        sameChange(g, p) &&
        sameTarget(g, p) &&
        indicatorMatch(g.indicator, p.indicator),
    ),
    targetGold: pairs.filter(([g]) => g.target).length,
    targetPred: pairs.filter(([, p]) => p.target).length,
    targetBoth: pairs.filter(([g, p]) => g.target && p.target).length,
  };
  const wrong = pairs.filter(([g, p]) => !strictRight(g, p));
  return { t, missed, spurious, wrong, pairs, located };
}

export const f1 = (tp: number, fp: number, fn: number): PRF => {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};

/** Pairs of items from different documents that share a group: (n² − Σ n_doc²) / 2 per group. */
function crossDocPairs(items: readonly ConceptItem[], group: (it: ConceptItem) => string | null): number {
  const byGroup = new Map<string, Map<string, number>>();
  for (const it of items) {
    const g = group(it);
    if (g == null) continue;
    const perDoc = byGroup.get(g) ?? new Map<string, number>();
    perDoc.set(it.doc, (perDoc.get(it.doc) ?? 0) + 1);
    byGroup.set(g, perDoc);
  }
  let pairs = 0;
  for (const perDoc of byGroup.values()) {
    let n = 0,
      sq = 0;
    for (const c of perDoc.values()) {
      n += c;
      sq += c * c;
    }
    pairs += (n * n - sq) / 2;
  }
  return pairs;
}

/** Does the parser's indicatorKey put together what the gold concepts do? */
export function scoreConcepts(items: readonly ConceptItem[]): ConceptScore {
  const goldPairs = crossDocPairs(items, (it) => it.concept);
  const predPairs = crossDocPairs(items, (it) => it.key);
  const both = crossDocPairs(items, (it) =>
    it.concept != null && it.key != null ? it.concept + '\u0000' + it.key : null,
  );
  const docsOf = new Map<string, Set<string>>();
  for (const it of items)
    if (it.concept != null) docsOf.set(it.concept, (docsOf.get(it.concept) ?? new Set<string>()).add(it.doc));
  const shared = items.filter((it) => it.concept != null && docsOf.get(it.concept)!.size >= 2);
  const p = predPairs ? both / predPairs : 0;
  const r = goldPairs ? both / goldPairs : 0;
  return {
    p,
    r,
    f1: p + r ? (2 * p * r) / (p + r) : 0,
    goldPairs,
    predPairs,
    sharedMetrics: shared.length,
    keyedShared: shared.length ? shared.filter((it) => it.key != null).length / shared.length : 0,
    concepts: docsOf.size,
    sharedConcepts: [...docsOf.values()].filter((d) => d.size >= 2).length,
  };
}

const keyOf = (p: PredictedMetric | undefined): string | null =>
  typeof p?.indicatorKey === 'string' && p.indicatorKey ? p.indicatorKey : null;

const META_FIELDS = ['organization', 'year', 'reportType'] as const;
const OF_FOUND = ['value', 'unit', 'kind', 'approx', 'change', 'target', 'indicator'] as const;

/**
 * Scores each gold document against `predictionFor(gold.file)` (undefined: no output for it) and
 * sums the figures over all of them.
 */
export function scoreGold(
  golds: readonly GoldDocument[],
  predictionFor: (file: string, index: number) => ScoredDocument | undefined,
): GoldScore {
  const sum: MetricTally = {
    found: 0,
    gold: 0,
    pred: 0,
    value: 0,
    unit: 0,
    kind: 0,
    full: 0,
    approx: 0,
    change: 0,
    target: 0,
    indicator: 0,
    complete: 0,
    targetGold: 0,
    targetPred: 0,
    targetBoth: 0,
  };
  const head: HeadingTally = { tp: 0, fp: 0, fn: 0, depthOk: 0 };
  const meta = { organization: 0, year: 0, reportType: 0 };
  const files: FileScore[] = [];
  const conceptItems: ConceptItem[] = [];
  for (const [index, gold] of golds.entries()) {
    const pred = predictionFor(gold.file, index);
    const m = scoreMetrics(gold, pred?.metrics);
    for (const k of Object.keys(sum) as (keyof MetricTally)[]) sum[k] += m.t[k];
    const h = scoreHeadings(gold.headings ?? [], pred ? flattenHeadings(pred) : []);
    for (const k of Object.keys(head) as (keyof HeadingTally)[]) head[k] += h[k];
    for (const k of META_FIELDS) if ((pred?.meta?.[k] ?? null) === (gold.meta?.[k] ?? null)) meta[k]++;
    const matched = new Map(m.pairs);
    for (const g of m.located)
      conceptItems.push({ doc: gold.goldFile, concept: g.concept ?? null, key: keyOf(matched.get(g)) });
    for (const p of m.spurious) conceptItems.push({ doc: gold.goldFile, concept: null, key: keyOf(p) });
    files.push({
      file: gold.file,
      goldFile: gold.goldFile,
      output: pred !== undefined,
      text: gold.text,
      metrics: m.t,
      headings: { tp: h.tp, fp: h.fp, fn: h.fn, depthOk: h.depthOk },
      missed: m.missed,
      spurious: m.spurious,
      wrong: m.wrong,
      headingsMissed: h.missed,
    });
  }
  const n = golds.length;
  const summary: GoldSummary = {
    documents: n,
    metrics: {
      gold: sum.gold,
      predicted: sum.pred,
      found: sum.found,
      mention: f1(sum.found, sum.pred - sum.found, sum.gold - sum.found),
      strict: f1(sum.full, sum.pred - sum.full, sum.gold - sum.full),
      complete: f1(sum.complete, sum.pred - sum.complete, sum.gold - sum.complete),
      target: f1(sum.targetBoth, sum.targetPred - sum.targetBoth, sum.targetGold - sum.targetBoth),
    },
    ofFound: Object.fromEntries(OF_FOUND.map((k) => [k, sum.found ? sum[k] / sum.found : 0])) as GoldSummary['ofFound'],
    headings: { ...f1(head.tp, head.fp, head.fn), depth: head.tp ? head.depthOk / head.tp : 0 },
    meta: Object.fromEntries(META_FIELDS.map((k) => [k, n ? meta[k] / n : 0])) as GoldSummary['meta'],
  };
  if (conceptItems.some((it) => it.concept != null)) summary.concepts = scoreConcepts(conceptItems);
  return { summary, files, conceptItems };
}

/** Reads a gold file's JSON; throws with the file name and the first schema problem. */
export function parseGoldFile(name: string, json: string): GoldFile {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    throw new Error(`${name}: not valid JSON: ${(err as Error).message}`);
  }
  const check = goldFileSchema.safeParse(value);
  if (check.success) return check.data;
  const issue = check.error.issues[0];
  throw new Error(`${name}: not a gold file: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
}

/**
 * The NAME.gold.json files in `dir`, sorted by name as score.mjs reads them, each with the text of
 * the report it names (`file`, relative to `dir`) decoded by `decode`.
 */
export async function loadGoldDir(
  dir: string,
  decode: (bytes: Buffer, path: string) => string,
): Promise<GoldDocument[]> {
  const names = (await readdir(dir)).filter((f) => f.endsWith('.gold.json')).sort();
  const out: GoldDocument[] = [];
  for (const goldFile of names) {
    const gold = parseGoldFile(join(dir, goldFile), await readFile(join(dir, goldFile), 'utf8'));
    const textPath = join(dir, gold.file);
    let bytes: Buffer;
    try {
      bytes = await readFile(textPath);
    } catch (err) {
      throw new Error(
        `${join(dir, goldFile)}: cannot read the report it names, ${textPath}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      );
    }
    out.push({ ...gold, text: decode(bytes, textPath), goldFile });
  }
  return out;
}
