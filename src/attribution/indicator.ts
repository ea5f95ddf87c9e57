// The indicator: the phrase that names what a metric counts or rates. Either the noun phrase
// right after the number (落实62条整改措施) or the phrase before it within the clause
// (接收行政复议182件), cleaned of link verbs, time words and frames by the tables in
// indicatorWords.ts, and cut at word boundaries found by segmentation.
import type { Span } from '../document/schema.js';
import type { Mention } from '../mentions/metricMentions.js';
import { PERIOD_PATTERNS } from './qualifierWords.js';
import { cutWords, tagWords } from './segmenter.js';
import { isDigit, isHan, UNIT_SHARING_JOINERS } from '../text/chars.js';
import {
  CONJUNCTIONS, FOLLOWING_STOP_WORDS, NOMINAL_VERBS, WORDS_ENDING_IN_LINK_CHAR, CLAUSE_DELIMITERS, LEADING_WORDS, MAX_INDICATOR_LENGTH, RATE_TERM, RESTART_AFTER_WORDS, STOP_TAGS, TRAILING_WORDS,
} from './indicatorWords.js';

export interface IndicatorContext {
  content: string;
  /** Where the text before the metric may start: the sentence start or the previous metric's end. */
  lowerBound: number;
  /** Start of the metric including a leading 近/约/超. */
  before: number;
  /** End of the metric including a trailing 以上/左右. */
  after: number;
  /** Where the sentence ends. */
  upperBound: number;
}

const RESTART_HINT = /[共计其]/;

/** The word tables indexed by the character a word must end (or start) with: a lookup, not a scan. */
function indexBy(words: string[], key: (w: string) => string): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const w of words) index.set(key(w), [...(index.get(key(w)) ?? []), w]);
  return index;
}
const TRAILING_BY_LAST = indexBy(TRAILING_WORDS, (w) => w.at(-1)!);
const LEADING_BY_FIRST = indexBy(LEADING_WORDS, (w) => w[0]);
const isSpace = (c: string | undefined) => c === ' ' || c === '\t';

/** The phrase after the number, when a noun follows it directly: 9次案卷联审, 4个律所和… */
export function followingPhrase(ctx: IndicatorContext): (Span & { verbLed: boolean }) | null {
  const { content } = ctx;
  let at = ctx.after;
  if (content[at] === '的') at++;
  if (content[at] === '“' || content[at] === '《') {
    const close = content.indexOf(content[at] === '“' ? '”' : '》', at + 1);
    if (close > at + 1 && close - at <= MAX_INDICATOR_LENGTH + 1) return { start: at + 1, end: close, verbLed: false };
    return null;
  }
  if (!isHan(content[at])) return null;
  let end = at;
  while (end < ctx.upperBound && end - at < 24 && !CLAUSE_DELIMITERS.has(content[end]) && !isDigit(content[end])) end++;
  const words = tagWords(content.slice(at, end));
  let length = 0;
  let sawNoun = false;
  for (const w of words) {
    const stop = (STOP_TAGS.has(w.tag) && !NOMINAL_VERBS.has(w.word)) || w.tag.startsWith('u') || !isHan(w.word[0]) ||
      (w.tag === 'c' && CONJUNCTIONS.has(w.word)) || FOLLOWING_STOP_WORDS.has(w.word);
    // A verb may lead (12个学习专题) but not follow a noun (35家单位联合聘请).
    if (stop && (sawNoun || w.tag !== 'v')) break;
    if (!stop) sawNoun = true;
    length += w.word.length;
    if (length >= MAX_INDICATOR_LENGTH) break;
  }
  if (!sawNoun || length === 0) return null;
  return { start: at, end: at + Math.min(length, MAX_INDICATOR_LENGTH), verbLed: words[0].tag === 'v' && !NOMINAL_VERBS.has(words[0].word) };
}

/** The phrase before the number within its clause, cleaned; null when nothing is left. */
export function precedingPhrase(ctx: IndicatorContext): Span | null {
  return cleanPhrase(ctx.content, clauseStart(ctx.content, ctx.before, ctx.lowerBound), ctx.before);
}

/** The clause before the one holding the metric (位列全市第五 → 部门满意率较上年度有显著进步). */
export function previousClausePhrase(ctx: IndicatorContext, sentenceStart: number, preferRate: boolean): Span | null {
  const end = clauseStart(ctx.content, ctx.before, sentenceStart) - 1;
  if (end <= sentenceStart) return null;
  const start = clauseStart(ctx.content, end, sentenceStart);
  if (preferRate) {
    const span = stripEdges(ctx.content, start, end);
    const m = RATE_TERM.exec(ctx.content.slice(span.start, span.end));
    if (m) return { start: span.start + m.index, end: span.start + m.index + m[0].length };
  }
  return cleanPhrase(ctx.content, start, end);
}

function clauseStart(content: string, from: number, lowerBound: number): number {
  let i = from;
  while (i > lowerBound && !CLAUSE_DELIMITERS.has(content[i - 1])) i--;
  return i;
}

function cleanPhrase(content: string, start: number, end: number): Span | null {
  let span = stripEdges(content, start, end);
  if (span.end <= span.start) return null;
  let text = content.slice(span.start, span.end);
  // What stands between the halves of a range or pair (0.3-2公里, 2.16和1.66个百分点) names nothing.
  if ([...text].every((c) => UNIT_SHARING_JOINERS.includes(c))) return null;

  const share = /占(.{2,16}?)的?$/.exec(text);
  if (share && share.index + 1 + share[1].length <= text.length) {
    return { start: span.start + share.index + 1, end: span.start + share.index + 1 + share[1].length };
  }
  // A closing mark whose opening lies before the clause: 关爱未成年人”等专项宣传活动 → 等专项宣传活动,
  // 对照《…纲要(2023-2025年)》梳理年度任务 → 梳理年度任务.
  const unopened = lastUnopenedClose(text);
  if (unopened >= 0 && unopened < text.length - 1) {
    span = stripEdges(content, span.start + unopened + 1, span.end);
    text = content.slice(span.start, span.end);
    if (span.end <= span.start) return null;
  }
  // A quoted or titled name right before the number is the indicator: 培养“法律明白人”60名.
  const closing = text.at(-1);
  if (closing === '”' || closing === '》') {
    const open = text.lastIndexOf(closing === '”' ? '“' : '《');
    if (open >= 0 && text.length - open - 2 >= 2) return { start: span.start + open + 1, end: span.end - 1 };
  }
  // Segment only when a restart word may be present: segmentation is the costliest step here.
  const restart = RESTART_HINT.test(text) ? lastRestart(cutWords(text)) : 0;
  if (restart > 0 && restart < text.length) {
    span = stripEdges(content, span.start + restart, span.end);
    text = content.slice(span.start, span.end);
  }
  // 涉及我区的行政案件 → 行政案件: what is counted follows the last 的.
  const de = text.lastIndexOf('的');
  if (de >= 0 && text.length - de - 1 >= 2) {
    span = { start: span.start + de + 1, end: span.end };
    text = content.slice(span.start, span.end);
  }
  if (span.end <= span.start) return null;
  return truncate(span, text);
}

const CLOSING_MARKS: Record<string, string> = { '”': '“', '》': '《', ')': '(', '」': '「' };

/** Offset of the last closing mark (” 》 ) 」) that has no opening mark before it in the text, or -1. */
const ANY_CLOSING = /[”》)」]/;

function lastUnopenedClose(text: string): number {
  if (!ANY_CLOSING.test(text)) return -1;
  for (let i = text.length - 1; i >= 0; i--) {
    const open = CLOSING_MARKS[text[i]];
    if (open && text.lastIndexOf(open, i) < 0) return i;
  }
  return -1;
}

/** Offset just after the last 共/累计/其中 word that is not at the very end. */
function lastRestart(words: readonly string[]): number {
  let offset = 0, restart = 0;
  for (const w of words) {
    offset += w.length;
    if (RESTART_AFTER_WORDS.has(w)) restart = offset;
  }
  return restart;
}

/** Cut to at most MAX_INDICATOR_LENGTH characters, keeping the end, at a word boundary. */
function truncate(span: Span, text: string): Span {
  if (text.length <= MAX_INDICATOR_LENGTH) return span;
  let keep = 0;
  const words = cutWords(text);
  for (let i = words.length - 1; i >= 0; i--) {
    if (keep + words[i].length > MAX_INDICATOR_LENGTH) break;
    keep += words[i].length;
  }
  if (keep === 0) keep = MAX_INDICATOR_LENGTH;
  return { start: span.end - keep, end: span.end };
}

/** Strips link words, time words and connectives from both edges until none is left. */
function stripEdges(content: string, start: number, end: number): Span {
  for (let changed = true; changed && end > start;) {
    changed = false;
    while (end > start && isSpace(content[end - 1])) { end--; changed = true; }
    while (end > start && isSpace(content[start])) { start++; changed = true; }
    const tail = (TRAILING_BY_LAST.get(content[end - 1]) ?? []).find((w) => end - w.length >= start && content.startsWith(w, end - w.length) &&
      !(w.length === 1 && end - 2 >= start && WORDS_ENDING_IN_LINK_CHAR.has(content.slice(end - 2, end))));
    if (tail && end - tail.length > start) { end -= tail.length; changed = true; continue; }
    if (tail) { end = start; break; }
    const lead = leadingLength(content, start, end);
    if (lead > 0) { start += lead; changed = true; }
  }
  return { start, end: Math.max(start, end) };
}

function leadingLength(content: string, start: number, end: number): number {
  // Periods first: 今年以来 must go whole, not as 今年 leaving 以来.
  const head = content.slice(start, Math.min(end, start + 16));
  for (const pattern of PERIOD_PATTERNS) {
    const m = pattern.exec(head);
    if (m && m.index === 0 && m[0].length > 0) return m[0].length + (head.startsWith('以来', m[0].length) ? 2 : 0);
  }
  const word = (LEADING_BY_FIRST.get(content[start]) ?? []).find((w) => content.startsWith(w, start) && start + w.length <= end);
  if (word) return word.length;
  if (content[start] === '等') return 1;
  return 0;
}


export type { Mention };
