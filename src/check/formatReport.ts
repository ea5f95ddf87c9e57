// What `reportx check` prints: a line per file, a short line per change with the sentence it is
// in, a summary; or the same as one JSON object. And the figure lines of `check --gold`, which are
// score.mjs's lines to the character.
import { Chalk, type ChalkInstance } from 'chalk';
import type { DocumentChange, FieldChange, FlatSection } from './compareDocuments.js';
import type { Metric } from '../model/schema.js';
import type { ConceptItem, GoldScore } from './scoreGold.js';
import { terminalSafe as safe } from '../text/terminalText.js';

// Every piece of text from a report or a file name goes through `safe` (src/text/terminalText.ts)
// before it is coloured: this report is read on a terminal.

/**
 * ok: matches; changed: differs; error: could not be parsed or its expected file could not be read;
 * created / updated: `--update` wrote the expected file (it was missing / it differed).
 */
export type FileStatus = 'ok' | 'changed' | 'error' | 'created' | 'updated';

export interface CheckFileResult {
  /** The report, as given or found. */
  file: string;
  /** Its expected document. */
  expected: string;
  status: FileStatus;
  changes: DocumentChange[];
  error?: string;
}

/** A chalk instance that colours only when `color` is true. */
export function styler(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}

const STATUS_WIDTH = 8;

/** The file's line, then (unless `details` is false) a line per change. */
export function formatFileResult(result: CheckFileResult, c: ChalkInstance = styler(false), details = true): string[] {
  const paint: Record<FileStatus, (s: string) => string> = {
    ok: c.green,
    changed: c.red,
    error: c.red.bold,
    created: c.cyan,
    updated: c.yellow,
  };
  const head = paint[result.status](result.status.padEnd(STATUS_WIDTH));
  let tail = '';
  if (result.status === 'error') tail = `: ${safe(result.error ?? 'failed')}`;
  else if (result.status === 'created') tail = ` → ${safe(result.expected)}`;
  else if (result.changes.length)
    tail = `: ${plural(result.changes.length, 'change')}${result.status === 'updated' ? ` → ${safe(result.expected)}` : ''}`;
  const lines = [`${head} ${safe(result.file)}${tail}`];
  if (details) for (const change of result.changes) lines.push('    ' + describeChange(change, c));
  return lines;
}

/** "5 files: 4 ok, 1 changed"; with --update, unchanged files are "unchanged". */
export function formatSummary(
  results: readonly CheckFileResult[],
  update: boolean,
  c: ChalkInstance = styler(false),
): string {
  const counts = countStatuses(results);
  const parts = (Object.keys(counts) as FileStatus[])
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s === 'ok' && update ? 'unchanged' : s}`);
  const line = `${plural(results.length, 'file')}: ${parts.join(', ')}`;
  return counts.changed || counts.error ? c.red(line) : c.green(line);
}

export function countStatuses(results: readonly CheckFileResult[]): Record<FileStatus, number> {
  const counts: Record<FileStatus, number> = { ok: 0, changed: 0, error: 0, created: 0, updated: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}

/** The machine-readable report: every file with its status and changes, and the counts. */
export function checkReportJson(results: readonly CheckFileResult[], update: boolean) {
  return {
    mode: update ? 'update' : 'check',
    summary: { files: results.length, ...countStatuses(results) },
    files: results.map((r) => ({
      file: r.file,
      expected: r.expected,
      status: r.status,
      ...(r.error ? { error: r.error } : {}),
      changes: r.changes,
    })),
  };
}

/** One short line: what changed, where, and the words around it. */
export function describeChange(change: DocumentChange, c: ChalkInstance = styler(false)): string {
  const sign = { added: c.green('+'), removed: c.red('-'), changed: c.yellow('~') }[change.op];
  switch (change.item) {
    case 'metric': {
      if (change.op === 'changed') {
        const m = change.actual;
        return `${sign} metric ${c.bold(safe(change.expected.raw))}${at(m.span)}: ${fieldList(change.fields, c)}${context(m, c)}`;
      }
      const m = change.metric;
      return `${sign} metric ${c.bold(safe(m.raw))}${at(m.span)} (${metricSummary(m)})${context(m, c)}`;
    }
    case 'section': {
      if (change.op === 'changed')
        return `${sign} section ${c.bold(sectionLabel(change.expected))}${at(change.expected.span)}: ${fieldList(change.fields, c)}`;
      return `${sign} section ${c.bold(sectionLabel(change.section))}${at(change.section.span)} (depth ${change.section.depth}, ${change.section.kind})`;
    }
    case 'warning':
      return `${sign} warning ${c.bold(safe(change.warning.code))}${at(change.warning.span)}: ${safe(change.warning.message)}`;
    default:
      return `${sign} ${change.item} ${fieldList([change], c)}`;
  }
}

function fieldList(fields: readonly FieldChange[], c: ChalkInstance): string {
  return fields.map((f) => `${f.field} ${c.red(show(f.expected))} → ${c.green(show(f.actual))}`).join(', ');
}

/** A value as a person reads it: strings quoted, spans as start–end, a missing field as (none). */
export function show(value: unknown): string {
  if (value === undefined) return '(none)';
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return safe(JSON.stringify(value));
  const v = value as Record<string, unknown>;
  if (typeof v.start === 'number' && typeof v.end === 'number') return `${v.start}–${v.end}`;
  return safe(JSON.stringify(value));
}

function metricSummary(m: Metric): string {
  const parts = [`${m.kind} ${m.value} ${m.unit}`];
  if (m.approx) parts.push(`approx ${m.approx}`);
  if (m.change) parts.push(`change ${m.change}`);
  if (m.target) parts.push('target');
  if (m.indicator) parts.push(`indicator ${show(m.indicator)}`);
  return parts.join(', ');
}

const TITLE_SHOWN = 24;

function sectionLabel(s: FlatSection): string {
  return safe(s.marker + (s.title.length > TITLE_SHOWN ? s.title.slice(0, TITLE_SHOWN) + '…' : s.title));
}

function at(span: { start: number; end: number } | null | undefined): string {
  return span ? ` @${span.start}` : '';
}

const BEFORE = 16;
const AFTER = 10;

/** The sentence around the metric, its raw text in bold, cut to a few characters either side. */
function context(m: Metric, c: ChalkInstance): string {
  const s = m.sentence;
  if (!s || typeof s.text !== 'string' || !s.text) return '';
  const clean = (t: string) => safe(t.replace(/\s*\n\s*/g, '⏎'));
  const offset = (m.span?.start ?? -1) - s.start;
  let shown: string;
  if (offset >= 0 && s.text.slice(offset, offset + m.raw.length) === m.raw) {
    const from = Math.max(0, offset - BEFORE);
    const to = Math.min(s.text.length, offset + m.raw.length + AFTER);
    shown =
      (from > 0 ? '…' : '') +
      clean(s.text.slice(from, offset)) +
      c.bold(safe(m.raw)) +
      clean(s.text.slice(offset + m.raw.length, to)) +
      (to < s.text.length ? '…' : '');
  } else {
    shown = clean(s.text.length > BEFORE + AFTER + 10 ? s.text.slice(0, BEFORE + AFTER + 10) + '…' : s.text);
  }
  return '  ' + c.dim('「') + shown + c.dim('」');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

// --- check --gold: score.mjs's output, line for line -------------------------------------------

const pct = (x: number) => (100 * x).toFixed(1).padStart(5);
const goldContext = (text: string, s: { start: number; end: number }) =>
  text.slice(Math.max(0, s.start - 12), s.end + 4).replace(/\n/g, '⏎');

/** The lines score.mjs prints for the same figures (with --verbose: its per-file lists too). */
export function goldReportLines(score: GoldScore, verbose: boolean): string[] {
  const rows: string[] = [];
  for (const f of score.files) {
    if (!f.output) rows.push(`${f.file}: no output`);
    if (!verbose) continue;
    rows.push(
      `== ${f.file}: metrics ${f.metrics.found}/${f.metrics.gold} found, ${f.spurious.length} spurious; headings ${f.headings.tp}/${f.headings.tp + f.headings.fn}`,
    );
    for (const g of f.missed) rows.push(`  missed   ${g.raw}  …${goldContext(f.text, g.span)}…`);
    for (const p of f.spurious) rows.push(`  spurious ${p.raw}  …${goldContext(f.text, p.span!)}…`);
    for (const [g, p] of f.wrong)
      rows.push(`  wrong    ${g.raw}: gold ${g.value} ${g.unit} ${g.kind}, got ${p.value} ${p.unit} ${p.kind}`);
    for (const g of f.headingsMissed) rows.push(`  heading missed ${g.marker}${g.title}`);
  }
  const { metrics: m, ofFound, headings: h, meta, concepts: c } = score.summary;
  if (verbose && c) rows.push(...conceptRows(score.conceptItems));
  return [
    ...rows.map((row) => safe(row)),
    `documents ${score.summary.documents}; gold metrics ${m.gold}, predicted ${m.predicted}`,
    `metrics  mention P ${pct(m.mention.p)} R ${pct(m.mention.r)} F1 ${pct(m.mention.f1)} | strict (span+value+unit+kind) P ${pct(m.strict.p)} R ${pct(m.strict.r)} F1 ${pct(m.strict.f1)}`,
    `complete (every field right) P ${pct(m.complete.p)} R ${pct(m.complete.r)} F1 ${pct(m.complete.f1)} | targets among found P ${pct(m.target.p)} R ${pct(m.target.r)} F1 ${pct(m.target.f1)}`,
    `of found value ${pct(ofFound.value)} unit ${pct(ofFound.unit)} kind ${pct(ofFound.kind)} approx ${pct(ofFound.approx)} change ${pct(ofFound.change)} target ${pct(ofFound.target)} indicator ${pct(ofFound.indicator)}`,
    `headings P ${pct(h.p)} R ${pct(h.r)} F1 ${pct(h.f1)} depth ${pct(h.depth)}`,
    `meta     organization ${pct(meta.organization)} year ${pct(meta.year)} reportType ${pct(meta.reportType)}`,
    ...(c
      ? [
          `concepts cross-report pairs P ${pct(c.p)} R ${pct(c.r)} F1 ${pct(c.f1)} (gold pairs ${c.goldPairs}, predicted ${c.predPairs}); metrics of shared concepts keyed ${pct(c.keyedShared)} (${c.sharedMetrics} metrics, ${c.sharedConcepts} of ${c.concepts} concepts in 2+ documents)`,
        ]
      : []),
  ];
}

/** For --verbose: each concept found in 2+ documents, with the keys its metrics got (as score.mjs). */
function conceptRows(items: readonly ConceptItem[]): string[] {
  const by = new Map<string, ConceptItem[]>();
  for (const it of items) if (it.concept != null) by.set(it.concept, [...(by.get(it.concept) ?? []), it]);
  const out = ['== concepts in 2+ documents: keys given (count)'];
  for (const [concept, its] of [...by].sort((a, b) => b[1].length - a[1].length)) {
    if (new Set(its.map((it) => it.doc)).size < 2) continue;
    const keys = new Map<string, number>();
    for (const it of its) keys.set(it.key ?? '(none)', (keys.get(it.key ?? '(none)') ?? 0) + 1);
    out.push(`  ${concept} ×${its.length}: ${[...keys].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  }
  return out;
}
