// Approximation, change, target and period: read from the words around a metric.
import type { Approx, Change, Span } from '../model/schema.js';
import type { Mention } from '../mentions/metricMentions.js';
import { clauseBefore } from '../text/chars.js';
import {
  APPROX_AFTER,
  APPROX_BEFORE,
  CHANGE_NOUN_LINKS,
  CHANGE_NOUNS,
  CHANGE_WORDS,
  COMPARISON_WORDS,
  COUNT_CHANGE_WORDS,
  LEVEL_MARKERS,
  PERIOD_PATTERNS,
  PLAN_OPENERS,
  BENCHMARK_COMPARISONS,
  COMPARED_DIRECTIONS,
  COMPARISON_OPENERS,
  DEADLINE,
  PLAN_AUXILIARY,
  QUOTA_CLAUSE,
  RESULT_MARKERS,
  TARGET_SCOPE_BREAKS,
  TARGET_SHARE_AFTER,
  TARGET_WORDS,
  TARGET_WORDS_AFTER,
  TARGET_WORD_NEGATORS,
  WEAK_CHANGE_WORDS,
} from './qualifierWords.js';

const SCALES = new Set(['百', '千', '万', '亿']);

/** A word right before the number (近5000人次): its start, so it stays out of raw. */
export function approxBefore(content: string, m: Mention): { approx: Approx; start: number } {
  for (const { word, approx } of APPROX_BEFORE) {
    if (!content.startsWith(word, m.start - word.length)) continue;
    // 上 is 'more than' only before a bare scale (上千人, 上万件), never in 以上3个 or 上党课.
    if (word === '上' && (!SCALES.has(content[m.start]) || content[m.start - 2] === '以')) continue;
    return { approx, start: m.start - word.length };
  }
  return { approx: null, start: m.start };
}

/** A word right after the raw (1500万元左右, 万分之十以上): its end. */
export function approxAfter(content: string, m: Mention): { approx: Approx; end: number } {
  for (const { word, approx } of APPROX_AFTER) {
    if (content.startsWith(word, m.end)) return { approx, end: m.end + word.length };
  }
  return { approx: null, end: m.end };
}

/** 上升30%, 同比下降2.2个百分点, 增长了15% → a change; 提升至90% → a level. */
export function changeOf(content: string, before: number, isCount: boolean): Change {
  let end = before;
  // A space between the verb and the number is layout (比上年增加 39公顷).
  while (content[end - 1] === ' ') end--;
  if (content[end - 1] === '了') end--;
  if (LEVEL_MARKERS.includes(content[end - 1])) return null;
  const link = CHANGE_NOUN_LINKS.find((w) => content.startsWith(w, end - w.length));
  if (link && [...CHANGE_NOUNS].some((noun) => content.startsWith(noun, end - link.length - noun.length)))
    end -= link.length;
  for (const { word, change } of CHANGE_WORDS) {
    if (!content.startsWith(word, end - word.length)) continue;
    if (isCount && !COUNT_CHANGE_WORDS.has(word)) return null;
    if (
      WEAK_CHANGE_WORDS.has(word) &&
      !COMPARISON_WORDS.some((c) => content.startsWith(c, end - word.length - c.length))
    )
      continue;
    return change;
  }
  return null;
}

/**
 * Whether the metric is a goal: a target word earlier in its sentence; a plan section (unless the
 * sentence reports a result already achieved); or a review paragraph after 下一步/明年 (planOpened).
 */
export function isTarget(
  content: string,
  sentence: Span,
  metricStart: number,
  inPlanSection: boolean,
  planOpened: boolean,
  planYear: number | null = null,
): boolean {
  const lead = content.slice(sentence.start, metricStart);
  if (inPlanSection) return !RESULT_MARKERS.some((w) => lead.includes(w)) && !datedBefore(lead, planYear);
  const rest = content.slice(metricStart, Math.min(sentence.end, metricStart + 16));
  const clauseEnd = rest.search(/[,;。]/);
  if (TARGET_WORDS_AFTER.some((w) => rest.slice(0, clauseEnd < 0 ? rest.length : clauseEnd).includes(w))) return true;
  // One search for any goal cue at all: most sentences have none, and the reading below is dearer.
  if (!GOAL_CUE.test(lead)) return planOpened;
  if (QUOTA_CLAUSE.test(lead)) return true;
  if (planYear !== null) for (const m of lead.matchAll(DEADLINE)) if (Number(m[1]) >= planYear) return true;
  // A goal word reaches the metric unless a 但 stands between them, or a ; closes a clause
  // that stated no number of its own (确保隐患消除，风险可控；组织开展9次… is no goal).
  let scopeStart = 0;
  for (const m of lead.matchAll(TARGET_SCOPE_BREAKS)) scopeStart = m.index + m[0].length;
  const scope = cutAtBareClause(lead.slice(scopeStart));
  scopeStart = lead.length - scope.length;
  let auxiliary = -1;
  for (const m of scope.matchAll(PLAN_AUXILIARY)) auxiliary = m.index;
  if (auxiliary >= 0 && !ALREADY.test(scope.slice(auxiliary))) return true;
  for (const word of TARGET_WORDS) {
    for (let at = scope.lastIndexOf(word); at >= 0; at = at > 0 ? scope.lastIndexOf(word, at - 1) : -1) {
      // 今年计划投资800万元，11月份已完成投资640万元: what is already done is no goal.
      if (ALREADY.test(scope.slice(at))) continue;
      const after = content.slice(sentence.start + scopeStart + at + word.length, metricStart + 1);
      if (
        word === '目标' &&
        (TARGET_WORD_NEGATORS.some((n) => clauseOf(scope, at).includes(n)) || TARGET_SHARE_AFTER.test(after))
      )
        continue;
      return true;
    }
  }
  return planOpened;
}

/**
 * The text after the last ; that closes a goal stated without a number (确保隐患消除，风险可控；),
 * which a goal word before it therefore does not carry past. 预计全年实现财政收入4006万元；… goes on.
 */
function cutAtBareClause(text: string): string {
  let start = 0;
  for (let semi = text.indexOf(';'); semi >= 0; semi = text.indexOf(';', semi + 1)) {
    const segment = text.slice(start, semi);
    const goal = Math.max(...TARGET_WORDS.map((w) => segment.lastIndexOf(w)));
    if (goal >= 0 && !/\d/.test(segment.slice(goal))) start = semi + 1;
  }
  return text.slice(start);
}

const ALREADY = /已(?:经)?(?:完成|实现|建成|达到|累计)/;
const GOAL_CUE = new RegExp([...TARGET_WORDS, '计划', '拟', '任务', '到\\d{4}'].join('|'));

/** How far back a clause is read: comparisons and goal words sit close to their number. */
const CLAUSE_REACH = 40;
const clauseOf = (text: string, at: number) => clauseBefore(text, at, CLAUSE_REACH, ',;。:');

/**
 * 低于省控线0.84个百分点: the change a rate shows against a benchmark named before it, within the
 * clause and with no other number between.
 */
export function benchmarkChange(content: string, before: number, isRate: boolean): Change {
  const clause = clauseOf(content, before);
  // 高于全省平均增幅(11%): the bracketed figure is the benchmark's own level, not a difference.
  if (clause.endsWith('(')) return null;
  const direction = COMPARED_DIRECTIONS[clause.at(-1) ?? ''];
  if (direction && COMPARISON_OPENERS.some((w) => clause.slice(0, -1).includes(w))) return direction;
  if (!isRate) return null;
  for (const { word, change } of BENCHMARK_COMPARISONS) {
    const at = clause.lastIndexOf(word);
    if (at < 0) continue;
    const between = clause.slice(at + word.length);
    if (between.length >= 1 && between.length <= 14 && !/\d/.test(between)) return change;
  }
  return null;
}

const YEAR_IN_TEXT = /(?<!\d)(?:19|20)\d{2}(?=年)/g;

/** Whether the text names a year before `year` (2023年 in a plan for 2024): a result reported. */
function datedBefore(text: string, year: number | null): boolean {
  if (year === null) return false;
  for (const m of text.matchAll(YEAR_IN_TEXT)) if (Number(m[0]) < year) return true;
  return false;
}

/** Every offset where a 下一步/明年 stretch of plans opens, in order (found once per document). */
export function planOpenerOffsets(content: string): number[] {
  const offsets: number[] = [];
  for (const w of PLAN_OPENERS) {
    for (let at = content.indexOf(w); at >= 0; at = content.indexOf(w, at + 1)) {
      // 上半年工作总结及下一步工作重点: a title naming both parts opens no plans.
      if (!/总结[及和与、]$/.test(content.slice(Math.max(0, at - 3), at))) offsets.push(at);
    }
  }
  return offsets.sort((a, b) => a - b);
}

/** Whether an opener stands in [from, to): a binary search over the sorted offsets. */
export function anyBetween(sorted: number[], from: number, to: number): boolean {
  let lo = 0,
    hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] < to;
}

const GLOBAL_PERIOD_PATTERNS = PERIOD_PATTERNS.map((p) => new RegExp(p.source, 'g'));

/**
 * Every period the sentence states (截至9月底, 1-9月, 全年), found once per sentence. Years inside a
 * document title (《…纲要(2023-2025年)》) are the title's, not the sentence's.
 */
export function periodsIn(content: string, sentence: Span): Span[] {
  const text = content.slice(sentence.start, sentence.end).replace(/《[^》]*》/g, (title) => ' '.repeat(title.length));
  const found: Span[] = [];
  for (const pattern of GLOBAL_PERIOD_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      if (m[0].length < 2) continue;
      const end = m.index + m[0].length + (text.startsWith('以来', m.index + m[0].length) ? 2 : 0);
      found.push({ start: sentence.start + m.index, end: sentence.start + end });
    }
  }
  // 9月底 inside 截至9月底 is the same period: keep the longest.
  // Sorted by start, the longer first, a contained period always follows its container.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  let reach = -1;
  return found.filter((p) => {
    if (p.end <= reach) return false;
    reach = p.end;
    return true;
  });
}

/** The period nearest before the metric among the sentence's periods. */
export function periodBefore(periods: Span[], metricStart: number): Span | null {
  let best: Span | null = null;
  for (const p of periods) if (p.end <= metricStart) best = p;
  return best;
}
