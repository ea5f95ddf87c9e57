// The open report's text as HTML, every metric marked in place. Metrics are the outer layer (one
// <mark> each, exactly over text.slice(start, end)); the other decorations — indicator phrases,
// warnings, headings — are drawn as spans cut wherever a metric's edge or another decoration's
// edge falls, so that any of them may overlap without breaking a metric's mark.
import { keyOf, type OpenReport } from './model.js';

interface Decoration {
  start: number;
  end: number;
  cls: string;
  /** data-ind: the metrics whose indicator phrase this is. */
  ind?: string;
  /** data-w: the warning's index in the document. */
  warning?: number;
  /** data-sec: the section whose heading this is. */
  section?: string;
}

/**
 * Text as HTML that parses back to exactly the same characters: markup characters as references,
 * and CR too, which the HTML parser would otherwise turn into LF (CR LF into one LF), moving every
 * offset after it.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function decorations(report: OpenReport): Decoration[] {
  const n = report.text.length;
  const decos: Decoration[] = [];
  const clamp = (x: number) => Math.max(0, Math.min(n, x));
  // Indicator phrases: one decoration per distinct span, naming every metric that took it.
  const phrases = new Map<string, Decoration>();
  for (const m of report.metrics) {
    const span = m.indicatorSpan;
    if (!span || span.end <= span.start) continue;
    const key = `${span.start}:${span.end}`;
    const d = phrases.get(key);
    if (d) d.ind = `${d.ind} ${m.id}`;
    else phrases.set(key, { start: clamp(span.start), end: clamp(span.end), cls: 'ind', ind: m.id });
  }
  decos.push(...phrases.values());
  for (const span of report.untaken) decos.push({ start: span.start, end: span.end, cls: 'miss' });
  report.warnings.forEach((w, i) => {
    if (!w.span) return;
    decos.push({ start: clamp(w.span.start), end: clamp(w.span.end), cls: `w w-${safeClass(w.code)}`, warning: i });
  });
  for (const s of report.sections) {
    if (s.headingEnd > s.start) decos.push({ start: s.start, end: s.headingEnd, cls: `hd d${s.depth}`, section: s.id });
  }
  return decos.sort((a, b) => a.start - b.start || b.end - a.end);
}

function safeClass(code: string): string {
  return code.replace(/[^a-z0-9-]/gi, '_');
}

export function renderText(report: OpenReport): string {
  const { text } = report;
  const decos = decorations(report);
  const cuts = new Set<number>([0, text.length]);
  for (const m of report.marked) cuts.add(m.span.start).add(m.span.end);
  for (const d of decos) cuts.add(d.start).add(d.end);
  const points = [...cuts].sort((a, b) => a - b);
  // Warnings with an empty span are drawn as a sign at their position.
  const pointWarnings = new Map<number, number[]>();
  for (const d of decos) {
    if (d.warning !== undefined && d.start === d.end) {
      const list = pointWarnings.get(d.start) ?? [];
      list.push(d.warning);
      pointWarnings.set(d.start, list);
    }
  }
  const ranged = decos.filter((d) => d.end > d.start);
  const out: string[] = [];
  let active: Decoration[] = [];
  let nextDeco = 0;
  let nextMetric = 0;
  let open: string | null = null;
  const started = new Set<Decoration>();
  for (let i = 0; i < points.length; i++) {
    const at = points[i];
    if (open !== null && report.byId.get(open)!.span.end === at) {
      out.push('</mark>');
      open = null;
    }
    for (const w of pointWarnings.get(at) ?? []) out.push(`<span class="w wpt wstart" data-w="${w}"></span>`);
    if (i === points.length - 1) break;
    const m = report.marked[nextMetric];
    if (m && m.span.start === at) {
      out.push(markOpen(report, m.id));
      open = m.id;
      nextMetric++;
    }
    active = active.filter((d) => d.end > at);
    while (nextDeco < ranged.length && ranged[nextDeco].start <= at) {
      if (ranged[nextDeco].end > at) active.push(ranged[nextDeco]);
      nextDeco++;
    }
    const segment = escapeHtml(text.slice(at, points[i + 1]));
    if (active.length === 0) {
      out.push(segment);
      continue;
    }
    const classes = new Set<string>();
    const ind: string[] = [];
    const warnings: number[] = [];
    let section: string | undefined;
    for (const d of active) {
      for (const c of d.cls.split(' ')) classes.add(c);
      if (d.ind) ind.push(d.ind);
      if (d.warning !== undefined) {
        warnings.push(d.warning);
        if (!started.has(d)) classes.add('wstart');
      }
      if (d.section !== undefined) section ??= d.section;
      started.add(d);
    }
    let attrs = `class="${[...classes].join(' ')}"`;
    if (ind.length) attrs += ` data-ind="${ind.join(' ')}"`;
    if (warnings.length) attrs += ` data-w="${warnings.join(' ')}"`;
    if (section !== undefined) attrs += ` data-sec="${escapeHtml(section)}"`;
    out.push(`<span ${attrs}>${segment}</span>`);
  }
  return out.join('');
}

function markOpen(report: OpenReport, id: string): string {
  const m = report.byId.get(id)!;
  const cls = ['m', `k-${m.kind}`, m.target ? 'goal' : 'result'];
  if (report.hasKeyField && keyOf(m) === null) cls.push('unkeyed');
  return `<mark class="${cls.join(' ')}" data-m="${escapeHtml(id)}" tabindex="-1">`;
}
