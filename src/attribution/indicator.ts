// The indicator: the phrase that names what a metric counts or rates. Either the noun phrase
// right after the number (落实62条整改措施) or the phrase before it within the clause
// (接收行政复议182件), cleaned of link verbs, time words and frames by the tables in
// indicatorWords.ts, and cut at word boundaries found by segmentation.
import type { Span } from '../model/schema.js';
import type { Mention } from '../mentions/metricMentions.js';
import { PERIOD_PATTERNS } from './qualifierWords.js';
import { cutWords, tagWords } from '../text/segmenter.js';
import { CharSet, isDigitCode, isHan, UNIT_SHARING_JOINERS } from '../text/chars.js';
import {
  ATTRIBUTIVE_VERBS,
  BENCHMARK_WORDS,
  COMPARISON_FRAME,
  PURPOSE_VERBS,
  CONJUNCTIONS,
  ENUMERATION_LEAD,
  RANK_GENERIC,
  RANK_VERBS,
  RANKED_PLACE,
  FOLLOWING_STOP_WORDS,
  HEAD_NOUNS,
  CATEGORY_VERBS,
  NOMINAL_VERBS,
  WORDS_ENDING_IN_LINK_CHAR,
  CLAUSE_DELIMITERS,
  LEADING_WORDS,
  MAX_INDICATOR_LENGTH,
  RATE_TERM,
  RESTART_AFTER_WORDS,
  STOP_TAGS,
  TRAILING_WORDS,
} from './indicatorWords.js';
import { indexByFirst, indexByLast, lastIndexOfChar, mayEndAt, mayStartAt } from '../text/wordIndex.js';

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
/** CLAUSE_DELIMITERS as a test on character codes, for the loops that walk a clause. */
const DELIMITERS = new CharSet(CLAUSE_DELIMITERS);
const DIRECTION_CHARS = '高低多少快慢';
const IS = '是'.charCodeAt(0);
const BE = '为'.charCodeAt(0);
/** The end of the last 任务是/目标为 in the text, or -1. */
function goalStatementEnd(text: string): number {
  // By character code: the walk covers the whole phrase and makes no string per character.
  for (let at = text.length - 1; at >= 2; at--) {
    const code = text.charCodeAt(at);
    if ((code === IS || code === BE) && (text.startsWith('任务', at - 2) || text.startsWith('目标', at - 2)))
      return at + 1;
  }
  return -1;
}

/** The word tables indexed by the character a word must end (or start) with: a lookup, not a scan. */
const TRAILING_BY_LAST = indexByLast(TRAILING_WORDS, (w) => w);
const LEADING_BY_FIRST = indexByFirst(LEADING_WORDS, (w) => w);
const BARE_NUMBER_AT_END = /\d[\d.,]*(?:余|多)?[万亿千百]?$/;
/** A space or tab at `i`, read by code (no string made). */
const isSpaceAt = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return code === 0x20 || code === 0x09;
};

/** The phrase after the number, when a noun follows it directly: 9次案卷联审, 4个律所和… */
export function followingPhrase(ctx: IndicatorContext): (Span & { verbLed: boolean }) | null {
  const { content } = ctx;
  let at = ctx.after;
  if (content[at] === '的') at++;
  if (content[at] === '“' || content[at] === '《') {
    const close = content.indexOf(content[at] === '“' ? '”' : '》', at + 1);
    // 12批“2040”重点隐患清单: a quoted code is no name.
    if (close > at + 1 && close - at <= MAX_INDICATOR_LENGTH + 1 && !/\d/.test(content.slice(at + 1, close)))
      return { start: at + 1, end: close, verbLed: false };
    return null;
  }
  const first = nounRun(ctx, at, true);
  if (!first) return null;
  let length = first.length;
  // 5个村(社区)省级民主法治示范村, 14个村(社区)、…: a bracket after the noun glosses it; a noun
  // after the bracket is still the same phrase.
  const bracketEnd = glossAfter(content, at + length, ctx.upperBound);
  if (bracketEnd > 0) {
    const more = nounRun(ctx, bracketEnd, false);
    const whole = bracketEnd - at + (more?.length ?? 0);
    if (whole <= MAX_INDICATOR_LENGTH) length = whole;
  }
  // 六起涉及虚假宣传的违法案件: a relative clause ending in 的 modifies the noun after it.
  let verbLed = first.verbLed;
  // 633人行政执法证和监督证年审: nouns coordinated by 和/与/及 with no number after are one phrase.
  if (COORDINATORS.has(content[at + length]) && !verbLed) {
    const more = nounRun(ctx, at + length + 1, false);
    if (more && length + 1 + more.length <= MAX_INDICATOR_LENGTH) length += 1 + more.length;
  }
  // A possessive 的 (街道(开发区)的行政执法现场) ends the phrase; a relative clause's does not
  // (打击非法集资的专项行动): it opens with a verb, or a head noun follows it.
  if (content[at + length] === '的') {
    const head = nounRun(ctx, at + length + 1, false);
    const headText = head ? content.slice(at + length + 1, at + length + 1 + head.length) : '';
    if (head && (verbLed || HEAD_NOUNS.has(headText.slice(-2)))) {
      verbLed = false;
      const whole = length + 1 + head.length;
      if (whole <= MAX_INDICATOR_LENGTH) length = whole;
      else return { start: at + length + 1, end: at + length + 1 + head.length, verbLed: false };
    }
  }
  // 15个区县排名第10位: segmentation may glue the ranking verb to the noun (排名第/i).
  const phrase = content.slice(at, at + length);
  const rankAt = rankVerbAt(phrase, true);
  if (rankAt === 0) return null;
  if (rankAt > 0) length = rankAt;
  // 引进1名具有法律职业资格(A证)工作人员: 具有… describes what is counted; the quality is its name.
  const lead = first.firstWord;
  if (ATTRIBUTIVE_VERBS.has(lead) && length > lead.length + 1) {
    return { start: at + lead.length, end: at + Math.min(length, MAX_INDICATOR_LENGTH), verbLed: false };
  }
  return { start: at, end: at + Math.min(length, MAX_INDICATOR_LENGTH), verbLed };
}

/**
 * The noun phrase starting at `at`: words up to a stop (a verb after a noun, a particle, a
 * preposition, a conjunction, punctuation), except that a verb or two between nouns still belong
 * to it when they lead to a head noun (文化站提升项目, 法治为民办实事项目, 涉VOC排放企业).
 */
function nounRun(
  ctx: IndicatorContext,
  at: number,
  verbMayLead: boolean,
): { length: number; firstWord: string; verbLed: boolean } | null {
  const { content } = ctx;
  if (!isHan(content[at])) return null;
  let end = at;
  while (
    end < ctx.upperBound &&
    end - at < 24 &&
    !DELIMITERS.has(content.charCodeAt(end)) &&
    !isDigitCode(content.charCodeAt(end))
  )
    end++;
  const words = tagWords(content.slice(at, end));
  let length = 0;
  let sawNoun = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const latin = i > 0 && !isHan(w.word[0]) && /^[A-Za-z]+$/.test(w.word);
    const stop =
      (!latin &&
        ((STOP_TAGS.has(w.tag) && !NOMINAL_VERBS.has(w.word)) || w.tag.startsWith('u') || !isHan(w.word[0]))) ||
      (w.tag === 'c' && CONJUNCTIONS.has(w.word)) ||
      FOLLOWING_STOP_WORDS.has(w.word);
    if (stop && sawNoun) {
      const head = headNounAhead(words, i);
      if (head > 0) {
        for (let j = i; j < head; j++) length += words[j].word.length;
        i = head - 1;
        continue;
      }
      break;
    }
    // A verb may lead (12个学习专题) but not follow a noun (35家单位联合聘请).
    if (stop && (w.tag !== 'v' || !verbMayLead)) break;
    if (!stop) sawNoun = true;
    length += w.word.length;
    if (length >= MAX_INDICATOR_LENGTH) break;
  }
  if (!sawNoun || length === 0) return null;
  return { length, firstWord: words[0].word, verbLed: words[0].tag === 'v' && !NOMINAL_VERBS.has(words[0].word) };
}

/**
 * When the words from `from` on reach a head noun (项目, 企业, 干部…) within three words, none of
 * them a particle, preposition, conjunction, number or mark, the index just after that head; else -1.
 */
function headNounAhead(words: readonly { word: string; tag: string }[], from: number): number {
  for (let j = from; j < Math.min(words.length, from + 4); j++) {
    const w = words[j];
    if (HEAD_NOUNS.has(w.word)) return j > from ? j + 1 : -1;
    if (!isHan(w.word[0]) || /^[upcmqy]/.test(w.tag) || FOLLOWING_STOP_WORDS.has(w.word) || w.word === '已') return -1;
  }
  return -1;
}

/** 与 is left out: mostly a preposition after a count (2家单位与经开区签订). */
const COORDINATORS = new Set(['和', '及']);

/** The end of a short bracket right at `at` with no figure inside (村(社区), 资格(A证)), or -1. */
function glossAfter(content: string, at: number, upperBound: number): number {
  if (content[at] !== '(') return -1;
  const close = content.indexOf(')', at + 1);
  if (close < 0 || close >= upperBound || close - at > 10 || /[\d,;。]/.test(content.slice(at + 1, close))) return -1;
  return close + 1;
}

/**
 * The predicate after a share, to the clause end (92%认为服务质量较好, 100%接入监管平台), when it
 * opens with a verb, holds no figure and fits an indicator: it names what the share is of.
 */
export function predicateAfter(ctx: IndicatorContext, from = ctx.after): Span | null {
  const { content } = ctx;
  if (!isHan(content[from])) return null;
  let end = from;
  while (end < ctx.upperBound && end - from <= MAX_INDICATOR_LENGTH && !DELIMITERS.has(content.charCodeAt(end))) end++;
  if (end - from < 2 || end - from > MAX_INDICATOR_LENGTH || /\d/.test(content.slice(from, end))) return null;
  const first = tagWords(content.slice(from, end))[0];
  if (!first?.tag.startsWith('v') || LINK_VERBS.has(first.word)) return null;
  return { start: from, end };
}
const CATEGORY_VERB_STARTS = new Set(CATEGORY_VERBS.map((w) => w[0]));
const LINK_VERBS = new Set(['为', '是', '达', '达到', '占', '有', '比', '较']);

/**
 * 3家医院被确定为省级胸痛中心: after the noun counted, a verb of naming (被评为, 入选) gives the
 * category the count is of. The span of that category, or null.
 */
export function namedCategory(ctx: IndicatorContext, nounEnd: number): Span | null {
  const { content } = ctx;
  if (!CATEGORY_VERB_STARTS.has(content[nounEnd])) return null;
  const verb = CATEGORY_VERBS.find((w) => content.startsWith(w, nounEnd));
  if (!verb) return null;
  const start = nounEnd + verb.length;
  let end = start;
  while (end < ctx.upperBound && end - start <= MAX_INDICATOR_LENGTH && !DELIMITERS.has(content.charCodeAt(end))) end++;
  if (end - start < 2 || end - start > MAX_INDICATOR_LENGTH || /\d/.test(content.slice(start, end))) return null;
  return stripEdges(content, start, end);
}

/** 投入N万元，用于… : the clause after a sum, when it says what the money is for. */
export function purposeClause(ctx: IndicatorContext): Span | null {
  const { content } = ctx;
  if (content[ctx.after] !== ',') return null;
  const start = ctx.after + 1;
  if (!startsWithWord(content, start, PURPOSE_VERBS)) return null;
  let end = start;
  while (end < ctx.upperBound && !DELIMITERS.has(content.charCodeAt(end))) end++;
  // A clause with a number of its own reports something else (完成年度投资计划的81%).
  if (/\d/.test(content.slice(start, end))) return null;
  return cleanPhrase(content, content.startsWith('用于', start) ? start + 2 : start, end);
}

function startsWithWord(text: string, at: number, words: readonly string[]): boolean {
  return words.some((w) => text.startsWith(w, at));
}

/** The phrase before the number within its clause, cleaned; null when nothing is left. */
export function precedingPhrase(ctx: IndicatorContext): Span | null {
  const start = clauseStart(ctx.content, ctx.before, ctx.lowerBound);
  const phrase = cleanPhrase(ctx.content, start, ctx.before);
  const glossed = ctx.content[start - 1] === ')' ? beforeGloss(ctx, start - 1, phrase === null) : null;
  if (glossed) return glossed;
  if (phrase || ctx.content[start - 1] !== '(' || start - 1 <= ctx.lowerBound) return phrase;
  // 高于全省平均增幅(11%): a bracketed figure measures what stands right before the brackets,
  // the benchmark itself when there is one.
  const outerStart = clauseStart(ctx.content, start - 1, ctx.lowerBound);
  const benchmark = benchmarkAt(ctx.content.slice(outerStart, start - 1));
  const named = outerStart + benchmark + BENCHMARK_WORD_LENGTH;
  // Taken as written: 全省平均增幅 names the figure, though 增幅 alone would be stripped as a change word.
  if (benchmark >= 0 && start - 1 - named >= 2) return { start: named, end: start - 1 };
  return cleanPhrase(ctx.content, outerStart, start - 1);
}

/**
 * The phrase before a bracket gloss that closes at `close`: 改变原处理意见(含撤销、变更)12件,
 * 建成卫生院(分院)15所, 发案率(按每十万人口计)下降3.5%, 地区生产总值(GDP)951435万元. A gloss that
 * lists what is included (含…, 包括…) or says how it is counted (按…计) leaves the name before it; a
 * short one is kept with it (卫生院(分院)). Used when nothing after the bracket names the metric, or
 * when the gloss lists inclusions (直接纠正(含撤销…)行政机关决定46件 → 直接纠正).
 */
function beforeGloss(ctx: IndicatorContext, close: number, nothingAfter: boolean): Span | null {
  const { content } = ctx;
  const open = content.lastIndexOf('(', close);
  if (open <= 0 || close - open > 40) return null;
  const gloss = content.slice(open + 1, close);
  const inclusive = GLOSS_OPENERS.test(gloss);
  if (!nothingAfter && !inclusive) return null;
  const start = clauseStart(content, open, Math.max(0, open - 40));
  const name = cleanPhrase(content, start, open);
  if (!name) return null;
  if (!inclusive && close + 1 - name.start <= MAX_INDICATOR_LENGTH && !/\d/.test(gloss))
    return { start: name.start, end: close + 1 };
  return name;
}
const GLOSS_OPENERS = /^(?:含|包括|包含|不含|其中|按|以|注)/;

/** The clause before the one holding the metric (位列全市第五 → 部门满意率较上年度有显著进步). */
export function previousClausePhrase(
  ctx: IndicatorContext,
  sentenceStart: number,
  preferRate: boolean,
  rateOnly = false,
): Span | null {
  const end = clauseStart(ctx.content, ctx.before, sentenceStart) - 1;
  if (end <= sentenceStart) return null;
  let start = clauseStart(ctx.content, end, sentenceStart);
  // 居民消费价格指数(CPI)101.2，比上年上涨1.2%: a bracket closing right before the clause's bare
  // figure glosses the name before it, which names the clause.
  if (ctx.content[start - 1] === ')' && /^\s*[\d.,]+\s*$/.test(ctx.content.slice(start, end))) {
    const open = ctx.content.lastIndexOf('(', start - 1);
    if (open > sentenceStart) start = clauseStart(ctx.content, open, sentenceStart);
  }
  if (rateOnly) {
    // The clause's own figure ends its name: 第一产业增加值占地区生产总值的比重为13.15%.
    const digit = ctx.content.slice(start, end).search(/\d/);
    const named = digit >= 0 ? start + digit : end;
    if (!RATE_TERM.test(ctx.content.slice(start, named))) return null;
    return cleanPhrase(ctx.content, start, named);
  }
  if (preferRate) {
    const span = stripEdges(ctx.content, start, end);
    const m = RATE_TERM.exec(ctx.content.slice(span.start, span.end));
    if (m) return { start: span.start + m.index, end: span.start + m.index + m[0].length };
  }
  return cleanPhrase(ctx.content, start, end);
}

/**
 * 向上争取省级补助项目5个，危桥改造项目11个，共计16个: a total whose clause holds only the total
 * word sums what the sentence's first clause names. Null when the clause holds more.
 */
export function totalSubject(ctx: IndicatorContext, sentenceStart: number): Span | null {
  const { content } = ctx;
  // Every total word ends in 计 or 共: most metrics are turned away without reading the clause.
  const last = content[ctx.before - 1];
  if (last !== '计' && last !== '共') return null;
  const start = clauseStart(content, ctx.before, sentenceStart);
  if (start <= sentenceStart || !TOTAL_WORDS.has(content.slice(start, ctx.before).trim())) return null;
  let end = sentenceStart;
  while (end < start && !DELIMITERS.has(content.charCodeAt(end)) && !isDigitCode(content.charCodeAt(end))) end++;
  return cleanPhrase(content, sentenceStart, end);
}
const TOTAL_WORDS = new Set(['共计', '合计', '总计', '共', '一共', '累计', '总共']);

function clauseStart(content: string, from: number, lowerBound: number, delimiters: CharSet = DELIMITERS): number {
  let i = from;
  while (i > lowerBound && !delimiters.has(content.charCodeAt(i - 1))) i--;
  return i;
}

function cleanPhrase(content: string, start: number, end: number): Span | null {
  let span = stripEdges(content, start, end);
  if (span.end <= span.start) return null;
  let text = content.slice(span.start, span.end);
  // What stands between the halves of a range or pair (0.3-2公里, 2.16和1.66个百分点) names nothing,
  // and neither does a bare 占比 (调委会280个，占比85.9%): the sentence's indicator holds.
  if (onlyJoiners(text) || text === '占比') return null;
  // 比年目标任务4%低0.63个百分点: a bare direction left after the benchmark's figure names nothing.
  if (text.length === 1 && DIRECTION_CHARS.includes(text)) return null;

  // 城镇登记失业率低于省控线: the benchmark is not what is measured.
  const benchmark = benchmarkAt(text);
  if (benchmark >= 0) {
    span = stripEdges(content, span.start, span.start + benchmark);
    if (span.end <= span.start) return null;
    text = content.slice(span.start, span.end);
  }
  // A share is named subject+占+base (餐饮服务投诉占投诉总数), without the 的比重 that follows the base.
  // Only a phrase holding 占 can be a share: the pattern is not tried on the others.
  const share = text.includes('占') ? /占(.{2,16}?)的?(?:比重|比例)?$/.exec(text) : null;
  if (share && share.index + 1 + share[1].length <= text.length) {
    const end = span.start + share.index + 1 + share[1].length;
    const base = { start: span.start + share.index + 1, end };
    if (share.index === 0) return base;
    const whole = stripEdges(content, span.start, end);
    return whole.end - whole.start <= MAX_INDICATOR_LENGTH ? whole : truncate(whole, content.slice(whole.start, end));
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
  // 社区矫正对象累计接收568人: a bare verb after 累计 leaves what is counted before it.
  if (restart > 0 && restart < text.length && text.length - restart > 2) {
    span = stripEdges(content, span.start + restart, span.end);
    text = content.slice(span.start, span.end);
  }
  // 建设任务是新增托位300个: what a goal statement sets follows its 任务是/目标为.
  const goal = goalStatementEnd(text);
  if (goal > 0 && text.length - goal >= 2) {
    span = stripEdges(content, span.start + goal, span.end);
    text = content.slice(span.start, span.end);
  }
  // 涉及我区的行政案件 → 行政案件: what is counted follows the last 的.
  const de = lastIndexOfChar(text, '的');
  if (de >= 0 && text.length - de - 1 >= 2) {
    span = { start: span.start + de + 1, end: span.end };
    text = content.slice(span.start, span.end);
  }
  if (span.end <= span.start) return null;
  return truncate(span, text);
}

const JOINERS = new CharSet(UNIT_SHARING_JOINERS);
/** Whether every character is a joiner: a loop over codes rather than a spread of the text into strings. */
function onlyJoiners(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!JOINERS.has(text.charCodeAt(i))) return false;
  return true;
}

/** Every benchmark word (高于, 低于, …) has two characters. */
const BENCHMARK_WORD_LENGTH = 2;

const BENCHMARK_BY_FIRST = indexByFirst(BENCHMARK_WORDS, (w) => w);

/**
 * Where a comparison with a benchmark starts in the phrase (within its last 16 characters), or -1:
 * the latest start of any benchmark word there, found walking back over those 16 characters
 * rather than by a search of the whole phrase per word.
 */
function benchmarkAt(text: string): number {
  for (let at = text.length - 1; at >= 0 && text.length - at <= 16; at--) {
    for (const word of mayStartAt(BENCHMARK_BY_FIRST, text, at)) if (text.startsWith(word, at)) return at;
  }
  return -1;
}

/**
 * The indicator of a rank: the phrase before the ranking verb, without the scope it ranks in
 * (综合指数在15个区县排名 → 综合指数); null when only a generic word (得分) is left.
 */
export function rankPhrase(ctx: IndicatorContext, sentenceStart: number): Span | null {
  const { content } = ctx;
  const start = rankClauseStart(content, ctx.before, sentenceStart);
  const text = content.slice(start, ctx.before);
  const cut = rankVerbAt(text);
  if (cut < 0) return null;
  const scope = text.lastIndexOf('在', cut);
  const subject = stripEdges(content, start, start + (scope >= 0 ? scope : cut));
  const subjectText = content.slice(subject.start, subject.end);
  // 在全市综合考核中排名第一, 荔湾区在2023年度法治广州建设考评中排名第三: with no subject but a
  // place, the ranking itself is named inside the 在…中 phrase.
  const nameless = subject.end <= subject.start || RANKED_PLACE.test(subjectText);
  const insideText = text.slice(scope + 1, cut);
  const inside = scope >= 0 && nameless && !RANKING_SCOPE.test(insideText) ? LOCATIVE_END.exec(insideText) : null;
  let span = inside ? stripEdges(content, start + scope + 1, start + scope + 1 + inside.index) : subject;
  // 位居全国百强县投资潜力第3: with no subject, what follows the ranking's scope is ranked.
  if (nameless && !inside) {
    const verb = RANK_VERBS.find((v) => text.startsWith(v, cut)) ?? '';
    const after = text.slice(cut + verb.length);
    const ranking = AFTER_VERB_SCOPE.exec(after);
    if (ranking && after.length - ranking[0].length >= 2)
      span = stripEdges(content, start + cut + verb.length + ranking[0].length, ctx.before);
  }
  const phrase = content.slice(span.start, span.end);
  if (span.end <= span.start || RANK_GENERIC.has(phrase) || RANKED_PLACE.test(phrase)) return null;
  return cleanPhrase(content, span.start, span.end);
}

/**
 * A rank with no ranking verb: what stands before its scope, as written (增幅全市第7名 → 增幅;
 * 营商环境第6). Null when nothing but the scope is there.
 */
export function rankBeforeScope(ctx: IndicatorContext, sentenceStart: number): Span | null {
  const { content } = ctx;
  const start = rankClauseStart(content, ctx.before, Math.max(sentenceStart, ctx.lowerBound));
  const text = content.slice(start, ctx.before);
  const scope = RANK_SCOPE.exec(text);
  let end = scope ? start + scope.index : ctx.before;
  while (end > start && isSpaceAt(content, end - 1)) end--;
  let from = start;
  for (let lead = leadingLength(content, from, end); lead > 0; lead = leadingLength(content, from, end)) from += lead;
  if (end - from < 2 || /[\d()]/.test(content.slice(from, end))) return null;
  return truncate({ start: from, end }, content.slice(from, end));
}
const RANK_SCOPE = /(?:全国|全省|全市|全区|全县|全州|全盟|全旗|同级|同类|本市|本省)[^,;。]*$/;

/** After a ranking verb, the scope ranked in: 全国百强县, 全省同类城市, 全市. */
const AFTER_VERB_SCOPE =
  /^(?:全国|全省|全市|全区|全县|全州|同级|同类)(?:[^第,;。]{0,8}?(?:县|市|区|省|城市|单位|部门)(?:中)?)?/;

const LOCATIVE_END = /[中里上内]?$/;
/** 在西咸渭46个区县 / 在全省同级单位中: who is ranked against, not what is ranked. */
const RANKING_SCOPE = /\d+个|[省市区县州旗乡镇]$|(?:区县|县区|县市|地市|市州|单位|部门|城市|地区)[中里内]?$/;

/** Whether the metric's clause places it with a ranking verb (位居全市第二). */
export function isRankFrame(content: string, ctx: IndicatorContext, sentenceStart: number): boolean {
  return rankVerbAt(content.slice(rankClauseStart(content, ctx.before, sentenceStart), ctx.before)) >= 0;
}

/** A ranking's clause runs back to a comma or stop: 、 and brackets inside its scope (各县(市、区)) do not end it. */
const rankClauseStart = (content: string, from: number, lowerBound: number) =>
  clauseStart(content, from, lowerBound, RANK_CLAUSE_DELIMITERS);
const RANK_CLAUSE_DELIMITERS = new CharSet([',', ';', ':', '。', '!', '?', '\n']);

/** The first ranking verb in the text, or -1. */
function rankVerbAt(text: string, placing = false): number {
  let cut = -1;
  for (const verb of RANK_VERBS) {
    let at = text.indexOf(verb);
    // Inside a noun phrase a one-character verb ranks only before a place in the ranking (排第, 居全省):
    // 排 in 排放企业 is no ranking.
    while (placing && verb.length === 1 && at >= 0 && !RANK_PLACE_AFTER.test(text.slice(at + 1, at + 2)))
      at = text.indexOf(verb, at + 1);
    if (at >= 0 && (cut < 0 || at < cut)) cut = at;
  }
  return cut;
}
const RANK_PLACE_AFTER = /^(?:第|前|全|首|末|倒|$)/;

const CLOSING_MARKS: Record<string, string> = { '”': '“', '》': '《', ')': '(', '」': '「' };

/** Offset of the last closing mark (” 》 ) 」) that has no opening mark before it in the text, or -1. */
const ANY_CLOSING = /[”》)」]/;

/** CLOSING_MARKS by character code: the walk below makes no string per character. */
const OPENING_FOR = new Map(Object.entries(CLOSING_MARKS).map(([close, open]) => [close.charCodeAt(0), open]));

function lastUnopenedClose(text: string): number {
  if (!ANY_CLOSING.test(text)) return -1;
  for (let i = text.length - 1; i >= 0; i--) {
    const open = OPENING_FOR.get(text.charCodeAt(i));
    if (open && text.lastIndexOf(open, i) < 0) return i;
  }
  return -1;
}

/** Offset just after the last 共/累计/其中 word that is not at the very end. */
function lastRestart(words: readonly string[]): number {
  let offset = 0,
    restart = 0;
  for (const w of words) {
    offset += w.length;
    if (RESTART_AFTER_WORDS.has(w)) restart = offset;
  }
  return restart;
}

/**
 * The names listed in `span` (A、B和C): each item cleaned; the first item loses the words that lead
 * into the list (集中在住房保障 → 住房保障), the last its closing 等/等方面. Elliptical coordination
 * (城镇、农村居民人均消费支出…) gives the short items the whole coordination, or when that is too
 * long the head they share with the last.
 */
export function listedNames(content: string, span: Span): Span[] {
  const names: Span[] = [];
  const text = content.slice(span.start, span.end);
  for (const part of listItems(text)) {
    const raw = part.text.trim();
    if (!raw) continue;
    const start = span.start + part.index + part.text.indexOf(raw);
    let end = start + raw.length;
    const etc = raw.lastIndexOf('等');
    if (etc > 0 && raw.length - etc <= 4) end = start + etc;
    names.push(stripEdges(content, start, end));
  }
  if (names.length < 2 || names.some((n) => n.end <= n.start)) return [];
  const first = names[0];
  const firstWords = tagWords(content.slice(first.start, first.end));
  // 主要集中在住房保障: the words up to the last verb or preposition lead into the list.
  let lead = 0;
  let offset = 0;
  for (const w of firstWords) {
    offset += w.word.length;
    if (/^[vpd]/.test(w.tag) && offset < first.end - first.start) lead = offset;
  }
  if (lead > 0) names[0] = { start: first.start + lead, end: first.end };
  const last = names[names.length - 1];
  const lastText = content.slice(last.start, last.end);
  const shortItems = names.slice(0, -1).every((n) => n.end - n.start <= 3);
  if (shortItems && lastText.length >= 5) {
    // 城镇、农村居民…: modifiers of one length are parallel, and the head follows the last one's;
    // otherwise only the last word is surely shared (新生儿、婴儿和5岁以下儿童死亡率 → 死亡率).
    // 刑事类、治安类、打架斗殴类警情: a suffix the short items share ends the last one's modifier too.
    const length = names[0].end - names[0].start;
    const words = cutWords(lastText);
    const boundaries = new Set(words.map((_, i) => words.slice(0, i + 1).join('').length));
    const suffix = commonSuffix(names.slice(0, -1).map((n) => content.slice(n.start, n.end)));
    const suffixAt = suffix ? lastText.indexOf(suffix) : -1;
    const afterSuffix = suffixAt >= 0 && boundaries.has(suffixAt + suffix.length) ? suffixAt + suffix.length : 0;
    // 城镇、农村居民…: two-character modifiers of one length are parallel even inside a word (农村居民).
    const parallel =
      names.slice(0, -1).every((n) => n.end - n.start === length) && (boundaries.has(length) || length <= 2);
    const headStart = afterSuffix || (parallel ? length : lastText.length - (words.at(-1)?.length ?? 0));
    // When parallel modifiers and their head fit an indicator, the whole coordination is the short
    // items' name as written; otherwise the shared head, cut keeping its end.
    const whole = { start: names[0].start, end: last.end };
    if ((parallel || afterSuffix) && whole.end - whole.start <= MAX_INDICATOR_LENGTH) {
      for (let i = 0; i < names.length - 1; i++) names[i] = whole;
    } else if (lastText.length - headStart >= 2) {
      const head = truncate({ start: last.start + headStart, end: last.end }, lastText.slice(headStart));
      for (let i = 0; i < names.length - 1; i++) names[i] = head;
    }
  }
  return names.map((n) => truncate(n, content.slice(n.start, n.end)));
}

/** The items of A、B和C: split at 、 and at 和/与/及 where segmentation finds them as words (not in 涉及). */
function listItems(text: string): { text: string; index: number }[] {
  const items: { text: string; index: number }[] = [];
  let index = 0;
  for (const part of text.split('、')) {
    let start = 0;
    let offset = 0;
    for (const word of /[和与及]/.test(part) ? cutWords(part) : [part]) {
      if (LIST_CONJUNCTIONS.has(word)) {
        items.push({ text: part.slice(start, offset), index: index + start });
        start = offset + word.length;
      }
      offset += word.length;
    }
    items.push({ text: part.slice(start), index: index + start });
    index += part.length + 1;
  }
  return items;
}
const LIST_CONJUNCTIONS = new Set(['和', '与', '及', '以及']);

function commonSuffix(texts: string[]): string {
  let suffix = texts[0] ?? '';
  for (const t of texts) while (suffix && !t.endsWith(suffix)) suffix = suffix.slice(1);
  return suffix;
}

/** Cut to at most MAX_INDICATOR_LENGTH characters, keeping the end, at a word boundary. */
export function truncate(span: Span, text: string): Span {
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
export function stripEdges(content: string, start: number, end: number): Span {
  for (let changed = true; changed && end > start; ) {
    changed = false;
    while (end > start && isSpaceAt(content, end - 1)) {
      end--;
      changed = true;
    }
    while (end > start && isSpaceAt(content, start)) {
      start++;
      changed = true;
    }
    // A bare number before this one (总诊疗人次186.5万,同比增长6.8%) is a value, not a name.
    const tailText = content.slice(Math.max(start, end - 24), end);
    const bare = BARE_NUMBER_AT_END.exec(tailText) ?? COMPARISON_FRAME.exec(tailText);
    if (bare && end - bare[0].length > start) {
      end -= bare[0].length;
      changed = true;
      continue;
    }
    if (bare) {
      end = start;
      break;
    }
    const tail = mayEndAt(TRAILING_BY_LAST, content, end).find(
      (w) =>
        end - w.length >= start &&
        content.startsWith(w, end - w.length) &&
        !(w.length === 1 && end - 2 >= start && WORDS_ENDING_IN_LINK_CHAR.has(content.slice(end - 2, end))),
    );
    if (tail && end - tail.length > start) {
      end -= tail.length;
      changed = true;
      continue;
    }
    if (tail) {
      end = start;
      break;
    }
    const lead = leadingLength(content, start, end);
    if (lead > 0) {
      start += lead;
      changed = true;
    }
  }
  return { start, end: Math.max(start, end) };
}

/**
 * The period patterns anchored where they are tried (sticky): a phrase's head is read at its start
 * only, so the search need not go on through the rest of the head when the start does not match.
 * The first match at 0 is the one the unanchored search found there.
 */
const STICKY_PERIOD_PATTERNS = PERIOD_PATTERNS.map(({ pattern, holds }) => ({
  pattern: new RegExp(pattern.source, 'y'),
  holds,
}));

function leadingLength(content: string, start: number, end: number): number {
  // Periods first: 今年以来 must go whole, not as 今年 leaving 以来.
  const head = content.slice(start, Math.min(end, start + 16));
  for (const { pattern, holds } of STICKY_PERIOD_PATTERNS) {
    if (holds && !head.includes(holds)) continue;
    pattern.lastIndex = 0;
    const m = pattern.exec(head);
    if (m && m[0].length > 0) return m[0].length + (head.startsWith('以来', m[0].length) ? 2 : 0);
  }
  const enumeration = ENUMERATION_LEAD.exec(head);
  if (enumeration) return enumeration[0].length;
  const word = mayStartAt(LEADING_BY_FIRST, content, start).find(
    (w) => content.startsWith(w, start) && start + w.length <= end,
  );
  if (word && (word.length > 1 || standsAlone(content, start, end))) return word.length;
  if (content[start] === '等') return 1;
  return 0;
}

/**
 * Whether the character at `start` is a word of its own: 有 in 有接访群众 is a verb to strip, in
 * 有效警情 it begins the indicator (likewise 并/并购, 共/共享, 均/均衡, 已/已婚).
 */
function standsAlone(content: string, start: number, end: number): boolean {
  return cutWords(content.slice(start, Math.min(end, start + 8)))[0]?.length === 1;
}

export type { Mention };
