// The open report as the page works with it: the document's metrics in text order, which of them
// can be marked in place, the sections flattened with their paths, and the decorations the text
// view draws (indicator phrases, warnings, headings).
import type { Metric, ReportDocument, SectionNode, Warning } from '../../model/schema.js';
import type { ReviewReport } from '../pageData.js';

/** A metric as the page reads it: the schema's fields and whatever else the document carries. */
export type PageMetric = Metric & { indicatorKey?: string | null; indicatorName?: string | null } & Record<
    string,
    unknown
  >;

export interface FlatSection {
  id: string;
  depth: number;
  marker: string;
  title: string;
  kind: string;
  start: number;
  end: number;
  /** Where the heading line (marker and title) ends in the text. */
  headingEnd: number;
  /** Metrics in this section and the ones inside it. */
  metrics: number;
}

export interface OpenReport {
  index: number;
  file: string;
  text: string;
  document: ReportDocument;
  metrics: PageMetric[];
  byId: Map<string, PageMetric>;
  /** Metrics drawn in the text: inside it and not overlapping the one before. */
  marked: PageMetric[];
  /** Metrics that could not be drawn, with why. */
  unmarked: Map<string, string>;
  sections: FlatSection[];
  sectionById: Map<string, FlatSection>;
  warnings: Warning[];
  /** Whether the document carries canonical keys at all (the indicatorKey field). */
  hasKeyField: boolean;
  /** Arabic numbers in the text that no metric took (dates, heading numbers and noise aside): what may have been missed. */
  untaken: { start: number; end: number }[];
}

export function openReport(index: number, data: ReviewReport): OpenReport {
  const { text, document } = data;
  const metrics = [...(document.metrics as PageMetric[])].sort((a, b) => a.span.start - b.span.start);
  const marked: PageMetric[] = [];
  const unmarked = new Map<string, string>();
  let lastEnd = 0;
  let last: PageMetric | null = null;
  for (const m of metrics) {
    if (m.span.end > text.length || m.span.start >= m.span.end) unmarked.set(m.id, 'its span is outside the text');
    else if (last && m.span.start < lastEnd) unmarked.set(m.id, `it overlaps ${last.id}`);
    else {
      marked.push(m);
      lastEnd = m.span.end;
      last = m;
    }
  }
  const sections = flattenSections(document.sections, text, metrics);
  const untaken = untakenNumbers(text, marked, sections, document.warnings);
  return {
    index,
    file: data.file,
    text,
    document,
    metrics,
    byId: new Map(metrics.map((m) => [m.id, m])),
    marked,
    unmarked,
    sections,
    sectionById: new Map(sections.map((s) => [s.id, s])),
    warnings: document.warnings,
    hasKeyField: metrics.some((m) => 'indicatorKey' in m),
    untaken,
  };
}

/** A number followed by one of these is a date or a time, not a quantity. */
const DATE_AFTER = new Set([...'年月日号时点:：-/—~～.．']);
const DATE_BEFORE = new Set([...'-/:：.．']);

/**
 * Runs of Arabic digits that lie outside every metric: dates and times, heading numbers and text
 * removed as noise left out. Chinese numerals are not looked for: most are names (一岗双责, 十四五).
 */
export function untakenNumbers(
  text: string,
  marked: PageMetric[],
  sections: FlatSection[],
  warnings: Warning[],
): { start: number; end: number }[] {
  const covered: { start: number; end: number }[] = [
    ...marked.map((m) => m.span),
    ...sections.map((s) => ({ start: s.start, end: s.start + s.marker.length })),
    ...warnings.filter((w) => w.span && w.code === 'noise-removed').map((w) => w.span!),
  ].sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  let c = 0;
  for (const match of text.matchAll(/[0-9０-９]+(?:[.．][0-9０-９]+)?/g)) {
    const start = match.index;
    const end = start + match[0].length;
    if (DATE_AFTER.has(text[end]) || DATE_BEFORE.has(text[start - 1])) continue;
    while (c < covered.length && covered[c].end <= start) c++;
    let overlaps = false;
    for (let k = c; k < covered.length && covered[k].start < end; k++) {
      if (covered[k].end > start) overlaps = true;
    }
    if (!overlaps) out.push({ start, end });
  }
  return out;
}

function flattenSections(nodes: SectionNode[], text: string, metrics: PageMetric[]): FlatSection[] {
  const out: FlatSection[] = [];
  const walk = (list: SectionNode[]) => {
    for (const s of list) {
      out.push({
        id: s.id,
        depth: s.depth,
        marker: s.marker,
        title: s.title,
        kind: s.kind,
        start: s.span.start,
        end: s.span.end,
        headingEnd: headingEnd(s, text),
        metrics: metrics.filter((m) => inSection(m.sectionId, s.id)).length,
      });
      walk(s.children);
    }
  };
  walk(nodes);
  return out;
}

/** The end of the heading's marker and title in the text (a title is at most one line). */
function headingEnd(s: SectionNode, text: string): number {
  const afterMarker = Math.min(s.span.start + s.marker.length, s.span.end);
  if (s.title === '') return afterMarker;
  const at = text.indexOf(s.title, afterMarker);
  if (at >= 0 && at - afterMarker <= 8 && at + s.title.length <= s.span.end) return at + s.title.length;
  const lineEnd = text.indexOf('\n', afterMarker);
  return Math.min(lineEnd < 0 ? text.length : lineEnd, s.span.end, afterMarker + s.title.length);
}

/** Whether a metric's section is `sectionId` or one inside it. */
export function inSection(metricSection: string | null, sectionId: string): boolean {
  return metricSection !== null && (metricSection === sectionId || metricSection.startsWith(sectionId + '.'));
}

/** The sections from the outermost to the metric's own. */
export function sectionPath(report: OpenReport, sectionId: string | null): FlatSection[] {
  if (sectionId === null) return [];
  const parts = sectionId.split('.');
  const path: FlatSection[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const s = report.sectionById.get(parts.slice(0, i).join('.'));
    if (s) path.push(s);
  }
  return path;
}

export function keyOf(m: PageMetric): string | null {
  return typeof m.indicatorKey === 'string' && m.indicatorKey !== '' ? m.indicatorKey : null;
}

export function sentenceOf(report: OpenReport, m: PageMetric): string {
  const s = m.sentence;
  return s && s.end > s.start ? report.text.slice(s.start, s.end) : '';
}

export const KINDS = ['count', 'percent', 'amount', 'rank', 'pp', 'ratio'] as const;

export const KIND_LABELS: Record<string, string> = {
  count: 'count 数量',
  percent: 'percent 比率',
  amount: 'amount 金额',
  rank: 'rank 排名',
  pp: 'pp 百分点',
  ratio: 'ratio 比/倍',
};

/** The filters of the metrics table (and of the search across reports). */
export interface Filters {
  kind: string;
  goal: string;
  /** '', '~unkeyed', '~keyed' or a key. */
  key: string;
  /** '', '~none' (before the first heading) or a section id (with the sections inside it). */
  section: string;
  text: string;
}

/** What the filters look at, for one metric; `hay` is the lower-cased text a search looks in. */
export interface MetricFacts {
  kind: string;
  target: boolean;
  key: string | null;
  sectionId: string | null;
  hay: string;
}

export function metricFacts(report: OpenReport, m: PageMetric): MetricFacts {
  const section = sectionPath(report, m.sectionId)
    .map((s) => s.marker + s.title)
    .join(' ');
  const hay = [
    m.raw,
    m.indicator,
    m.indicatorKey,
    m.indicatorName,
    m.unit,
    m.kind,
    m.period,
    m.id,
    String(m.value),
    section,
    sentenceOf(report, m),
  ]
    .filter((x) => typeof x === 'string')
    .join('\n')
    .toLowerCase();
  return { kind: m.kind, target: m.target, key: keyOf(m), sectionId: m.sectionId, hay };
}

/** Whether a metric passes the filters; the search's words must all occur (case-insensitive). */
export function passes(facts: MetricFacts, f: Filters): boolean {
  if (f.kind && facts.kind !== f.kind) return false;
  if (f.goal === 'goal' && !facts.target) return false;
  if (f.goal === 'result' && facts.target) return false;
  if (f.key === '~unkeyed' && facts.key !== null) return false;
  if (f.key === '~keyed' && facts.key === null) return false;
  if (f.key && !f.key.startsWith('~') && facts.key !== f.key) return false;
  if (f.section === '~none' && facts.sectionId !== null) return false;
  if (f.section && f.section !== '~none' && !inSection(facts.sectionId, f.section)) return false;
  const q = f.text.trim().toLowerCase();
  return q === '' || q.split(/\s+/).every((word) => facts.hay.includes(word));
}
