// Approximation, change, target and period: read from the words around a metric.
import type { Approx, Change, Span } from '../model/schema.js';
import type { Mention } from '../mentions/metricMentions.js';
import { CharSet, clauseBefore } from '../text/chars.js';
import { tagWords } from '../text/segmenter.js';
import { anyWord, firstEndingAt, indexByFirst, indexByLast, mayEndAt, mayStartAt } from '../text/wordIndex.js';
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
  BENCHMARK_BEFORE_GOAL,
  DEADLINE,
  FORECAST_WORDS,
  GOAL_FIGURE_BEFORE,
  REQUIRED_FIGURE_BEFORE,
  PLAN_AUXILIARY,
  NEED_WORDS,
  NEEDY_HEADS,
  PLAN_AUXILIARY_HINT,
  PLAN_AUXILIARY_WORDS,
  PLAN_NOUN_BEFORE,
  RESULT_AGAINST_PLAN,
  RESULT_MARKERS,
  RESULT_OPENER,
  TARGET_SCOPE_BREAK,
  TARGET_SHARE_AFTER,
  TARGET_WORDS,
  TARGET_WORDS_AFTER,
  TARGET_WORD_NEGATORS,
  WEAK_CHANGE_WORDS,
} from './qualifierWords.js';

const SCALES = new Set(['百', '千', '万', '亿']);
/**
 * The word tables read right before or after a number, indexed by the character next to it: most
 * metrics are followed or preceded by a character no word has there, and so try none of them.
 */
const APPROX_BEFORE_BY_LAST = indexByLast(APPROX_BEFORE, (e) => e.word);
const APPROX_AFTER_BY_FIRST = indexByFirst(APPROX_AFTER, (e) => e.word);
const CHANGE_WORDS_BY_LAST = indexByLast(CHANGE_WORDS, (e) => e.word);
const CHANGE_NOUN_LINKS_BY_LAST = indexByLast(CHANGE_NOUN_LINKS, (w) => w);
const CHANGE_NOUNS_BY_LAST = indexByLast([...CHANGE_NOUNS], (w) => w);
const COMPARISON_WORDS_BY_LAST = indexByLast(COMPARISON_WORDS, (w) => w);

/** A word right before the number (近5000人次): its start, so it stays out of raw. */
export function approxBefore(content: string, m: Mention): { approx: Approx; start: number } {
  for (const { word, approx } of mayEndAt(APPROX_BEFORE_BY_LAST, content, m.start)) {
    if (!content.startsWith(word, m.start - word.length)) continue;
    // 上 is 'more than' only before a bare scale (上千人, 上万件), never in 以上3个 or 上党课.
    if (word === '上' && (!SCALES.has(content[m.start]) || content[m.start - 2] === '以')) continue;
    return { approx, start: m.start - word.length };
  }
  return { approx: null, start: m.start };
}

/** A word right after the raw (1500万元左右, 万分之十以上): its end. */
export function approxAfter(content: string, m: Mention): { approx: Approx; end: number } {
  for (const { word, approx } of mayStartAt(APPROX_AFTER_BY_FIRST, content, m.end)) {
    if (content.startsWith(word, m.end)) return { approx, end: m.end + word.length };
  }
  return { approx: null, end: m.end };
}

/** 上升30%, 同比下降2.2个百分点, 增长了15% → a change; 提升至90% → a level. */
export function changeOf(content: string, before: number, isCount: boolean): Change {
  let end = before;
  // Characters read by code: no string is made for them.
  // A space between the verb and the number is layout (比上年增加 39公顷).
  while (content.charCodeAt(end - 1) === SPACE) end--;
  if (content.charCodeAt(end - 1) === LE) end--;
  if (LEVEL_MARKER_SET.has(content.charCodeAt(end - 1))) return null;
  const link = firstEndingAt(CHANGE_NOUN_LINKS_BY_LAST, content, end);
  if (link && firstEndingAt(CHANGE_NOUNS_BY_LAST, content, end - link.length) !== undefined) end -= link.length;
  for (const { word, change } of mayEndAt(CHANGE_WORDS_BY_LAST, content, end)) {
    if (!content.startsWith(word, end - word.length)) continue;
    if (isCount && !COUNT_CHANGE_WORDS.has(word)) return null;
    if (
      WEAK_CHANGE_WORDS.has(word) &&
      firstEndingAt(COMPARISON_WORDS_BY_LAST, content, end - word.length) === undefined
    )
      continue;
    return change;
  }
  return null;
}
const SPACE = 0x20;
const LE = '了'.charCodeAt(0);
const LEVEL_MARKER_SET = new CharSet(LEVEL_MARKERS);

/**
 * Whether the metric is a goal: a target word earlier in its sentence whose scope reaches it; a plan
 * section (unless the sentence reports a result already achieved); or a review paragraph after
 * 下一步/明年 (planOpened).
 */
export function isTarget(
  content: string,
  sentence: Span,
  metricStart: number,
  inPlanSection: boolean,
  planOpened: boolean,
  planYear: number | null = null,
  isPercent = false,
): boolean {
  const lead = content.slice(sentence.start, metricStart);
  if (inPlanSection) return !RESULT_MARKER.test(lead) && !datedBefore(lead, planYear);
  const rest = content.slice(metricStart, Math.min(sentence.end, metricStart + 16));
  const clauseEnd = rest.search(/[,;。]/);
  if (TARGET_WORD_AFTER.test(clauseEnd < 0 ? rest : rest.slice(0, clauseEnd))) return true;
  // 降低3.89%的目标任务全面完成: the figure is the goal's own.
  if (GOAL_AFTER.test(rest)) return true;
  // A rate a requirement sets (达到国家要求的90%); a count after 标准的 is of things (执行收费标准的3家企业).
  if (isPercent && REQUIRED_FIGURE_BEFORE.some((w) => lead.endsWith(w))) return true;
  // One search for any goal cue at all: most sentences have none, and the reading below is dearer.
  if (!GOAL_CUE.test(lead)) return planOpened;
  // 完成年度计划的104.2%: a result measured against a plan. The plan's own figure is the goal
  // (完成年目标任务12500人的98.5%, 目标值(90%), 任务14815亩).
  // 完成全年目标任务89.6%: a percentage after the goal a clause completes is the share done.
  if (isPercent && COMPLETED_CLAUSE.test(lead)) return false;
  if (GOAL_FIGURE_BEFORE.test(lead)) return true;
  if (RESULT_AGAINST_PLAN.test(lead)) return false;
  if (planYear !== null) for (const m of allMatches(DEADLINE, lead)) if (Number(m[1]) >= planYear) return true;
  return goalReaches(lead) || planOpened;
}

/** RESULT_MARKERS and TARGET_WORDS_AFTER as one pattern each: one pass over the lead, not one per word. */
const RESULT_MARKER = anyWord(RESULT_MARKERS);
const TARGET_WORD_AFTER = anyWord(TARGET_WORDS_AFTER);

/** Whether the number right after `lead` is the figure of a goal named before it (目标值(90%), 目标任务4000人). */
export function isGoalFigure(lead: string): boolean {
  return GOAL_FIGURE_BEFORE.test(lead);
}

/**
 * Reads the sentence up to the metric clause by clause. A goal word governs its own clause and the
 * clauses after it, until a result opens (实际…, 已…, 目前…), a 但 turns the sentence, a ; closes a
 * goal that stated no number of its own (确保隐患消除，风险可控；), or the goal was a verbal forecast
 * (预计排名靠前) whose clause holds no number.
 */
function goalReaches(lead: string): boolean {
  let active = false;
  let numberSinceCue = false;
  // A need (需) governs its own clause only.
  let ownClauseOnly = false;
  for (const clause of allMatches(CLAUSES, lead)) {
    // The pattern also matches the empty string at the lead's end, after the metric's own clause.
    if (clause[0] === '' && clause.index > 0 && !/[,;:()]/.test(lead[clause.index - 1])) break;
    const text = clause[1];
    if (active && (ownClauseOnly || RESULT_OPENER.test(text) || TARGET_SCOPE_BREAK.test(text))) active = false;
    const cue = goalCueIn(text);
    if (cue) {
      ownClauseOnly = NEED_WORDS.has(cue.word);
      active = !ALREADY.test(text.slice(cue.at));
      numberSinceCue = /\d/.test(text.slice(cue.at));
      if (FORECAST_WORDS.has(cue.word) && !numberSinceCue && clause[2]) active = false;
    } else if (/\d/.test(text)) numberSinceCue = true;
    if (clause[2] === ';' && active && !numberSinceCue) active = false;
  }
  return active;
}

const TARGET_WORD = anyWord(TARGET_WORDS);

/** Each clause of the lead with the delimiter that closes it ('' for the metric's own clause). */
const CLAUSES = /([^,;:()]*)([,;:()]?)/g;

/** The last goal cue in a clause, or null. */
function goalCueIn(clause: string): { word: string; at: number } | null {
  let best: { word: string; at: number } | null = null;
  // Most clauses hold no target word: one pass says so before a search per word.
  if (TARGET_WORD.test(clause)) {
    for (const word of TARGET_WORDS) {
      for (let at = clause.lastIndexOf(word); at >= 0; at = at > 0 ? clause.lastIndexOf(word, at - 1) : -1) {
        if (best && at <= best.at) break;
        if (word === '目标' && !isGoalTarget(clause, at)) continue;
        best = { word, at };
        break;
      }
    }
  }
  for (const m of allMatches(PLAN_AUXILIARY, clause))
    if (!best || m.index > best.at) best = { word: m[0], at: m.index };
  const auxiliary = auxiliaryByWords(clause);
  if (auxiliary && (!best || auxiliary.at > best.at)) best = auxiliary;
  return best;
}

/** 目标 as a goal, not a result measured against one (完成目标任务的130%) nor a benchmark (较市定目标高出). */
function isGoalTarget(clause: string, at: number): boolean {
  const before = clause.slice(0, at);
  if (TARGET_WORD_NEGATORS.some((n) => before.includes(n))) return false;
  if (BENCHMARK_BEFORE_GOAL.test(before)) return false;
  // 市民生工程目标任务的127%: the clause ends where the metric starts.
  const after = clause.slice(at + 2);
  return !TARGET_SHARE_AFTER.test(after) && !/^(?:任务)?的$/.test(after);
}

/**
 * 计划/拟/需 as words of their own, auxiliaries of the verb after them (计划开工, 拟申请, 需自筹),
 * not nouns (学习计划, 按计划): the offset of the last such word, or -1. Segmentation decides the
 * words; only clauses holding one of the characters are segmented.
 */
function auxiliaryByWords(clause: string): { word: string; at: number } | null {
  if (!PLAN_AUXILIARY_HINT.test(clause)) return null;
  const words = tagWords(clause);
  let offset = 0;
  let found: { word: string; at: number } | null = null;
  for (let i = 0; i < words.length; offset += words[i].word.length, i++) {
    if (!PLAN_AUXILIARY_WORDS.has(words[i].word)) continue;
    const next = words[i + 1];
    const previous = words[i - 1];
    if (!next || !/^[\u4e00-\u9fa5]/.test(next.word)) continue;
    if (previous && (PLAN_NOUN_BEFORE.has(previous.word) || /^(?:v|p)/.test(previous.tag))) continue;
    // 需救助人口, 需转移安置人员: who is in need (a head within the next words), not what is planned.
    if (NEED_WORDS.has(words[i].word) && words.slice(i + 2, i + 5).some((w) => namesTheNeedy(w.word))) continue;
    if (/^[vpt]/.test(next.tag) || next.tag === 'ns') found = { word: words[i].word, at: offset };
  }
  return found;
}

/** A word ending in a head such as 人员 or 人口 (安置人员, 救助人口): who or what is in need. */
const namesTheNeedy = (word: string) => [...NEEDY_HEADS].some((head) => word.endsWith(head));

/** Right after the metric (past its unit): 的目标, 的目标任务, 的年度目标. */
const GOAL_AFTER = /^[^,;。]{0,6}?的(?:年度)?目标/;
const COMPLETED_CLAUSE = /(?:^|[,;:(])(?:已|实际|累计|共|超额)?完成[^,;:()]*$/;
const ALREADY = /已(?:经)?(?:完成|实现|建成|达到|累计)/;
const GOAL_CUE = new RegExp([...TARGET_WORDS, '计划', '拟', '需(?![要求])', '任务', '到\\d{4}'].join('|'));

/** How far back a clause is read: comparisons and goal words sit close to their number. */
const CLAUSE_REACH = 40;
const clauseOf = (text: string, at: number) => clauseBefore(text, at, CLAUSE_REACH, ',;。:');

/** COMPARED_DIRECTIONS by character code: an object read with a fresh one-character key is dearer. */
const DIRECTION_OF = new Map(Object.entries(COMPARED_DIRECTIONS).map(([c, d]) => [c.charCodeAt(0), d]));

/**
 * 低于省控线0.84个百分点: the change a rate shows against a benchmark named before it, within the
 * clause and with no other number between.
 */
export function benchmarkChange(content: string, before: number, isRate: boolean): Change {
  const clause = clauseOf(content, before);
  // 高于全省平均增幅(11%): the bracketed figure is the benchmark's own level, not a difference.
  if (clause.endsWith('(')) return null;
  // 较市定目标高出6.2个百分点: 出 after the direction adds nothing.
  const compared = clause.endsWith('出') ? clause.slice(0, -1) : clause;
  const direction = DIRECTION_OF.get(compared.charCodeAt(compared.length - 1));
  if (direction && COMPARISON_OPENERS.some((w) => compared.slice(0, -1).includes(w))) return direction;
  for (const { word, change } of BENCHMARK_COMPARISONS) {
    const at = clause.lastIndexOf(word);
    if (at < 0) continue;
    const between = clause.slice(at + word.length);
    if (between.length < 1 || between.length > 14 || /\d/.test(between)) continue;
    // 高于全市平均水平12645元: an amount or a count right after the benchmark is the gap; after 的
    // (高于省定标准的500元) it may be the benchmark's own, and says no direction.
    if (isRate || !between.endsWith('的')) return change;
  }
  return null;
}

const YEAR_IN_TEXT = /(?<!\d)(?:19|20)\d{2}(?=年)/g;

/** Whether the text names a year before `year` (2023年 in a plan for 2024): a result reported. */
function datedBefore(text: string, year: number | null): boolean {
  if (year === null) return false;
  for (const m of allMatches(YEAR_IN_TEXT, text)) if (Number(m[0]) < year) return true;
  return false;
}

/** Every offset where a 下一步/明年 stretch of plans opens, in order (found once per document). */
export function planOpenerOffsets(content: string, range: Span = { start: 0, end: content.length }): number[] {
  const offsets: number[] = [];
  // The range as a string of its own (a slice shares the text's characters), with room for an
  // opener that starts in it: the search stops there instead of running on through a long text.
  const text = content.slice(range.start, range.end + LONGEST_PLAN_OPENER - 1);
  // One pass over the text for all the openers rather than one per opener. After a match the
  // search resumes one character on, so an opener overlapping it is found too; a start shared by
  // two openers is kept once, which anyBetween cannot tell from twice.
  PLAN_OPENER.lastIndex = 0;
  for (let m = PLAN_OPENER.exec(text); m && range.start + m.index < range.end; m = PLAN_OPENER.exec(text)) {
    const at = range.start + m.index;
    PLAN_OPENER.lastIndex = m.index + 1;
    // 上半年工作总结及下一步工作重点: a title naming both parts opens no plans.
    if (!/总结[及和与、]$/.test(content.slice(Math.max(0, at - 3), at))) offsets.push(at);
  }
  return offsets;
}
const PLAN_OPENER = anyWord(PLAN_OPENERS, 'g');
const LONGEST_PLAN_OPENER = Math.max(...PLAN_OPENERS.map((w) => w.length));

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

const GLOBAL_PERIOD_PATTERNS = PERIOD_PATTERNS.map(({ pattern, holds }) => ({
  pattern: new RegExp(pattern.source, 'g'),
  holds,
}));

/**
 * Every match of a global pattern, as `text.matchAll(pattern)` gives them, without the copy of
 * the pattern matchAll makes at each call (the dearer part on a short text). Leaves lastIndex 0.
 */
function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    found.push(m);
    // An empty match moves on one character, as matchAll does.
    if (m[0] === '') pattern.lastIndex++;
  }
  return found;
}

/**
 * Every period the sentence states (截至9月底, 1-9月, 全年), found once per sentence. Years inside a
 * document title (《…纲要(2023-2025年)》) are the title's, not the sentence's.
 */
export function periodsIn(content: string, sentence: Span): Span[] {
  const plain = content.slice(sentence.start, sentence.end);
  const text = plain.includes('《') ? plain.replace(/《[^》]*》/g, (title) => ' '.repeat(title.length)) : plain;
  const found: Span[] = [];
  for (const { pattern, holds } of GLOBAL_PERIOD_PATTERNS) {
    if (holds && !text.includes(holds)) continue;
    for (const m of allMatches(pattern, text)) {
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
