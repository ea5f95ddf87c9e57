// Stage 5: attribution. Each mention gets its qualifiers, indicator, period, section and sentence.
import type { Metric, SectionKind, Span } from '../model/schema.js';
import type { Mention } from '../mentions/metricMentions.js';
import { sectionAt, type SectionTreeResult } from '../structure/sectionTree.js';
import { sentenceAt } from '../structure/sentences.js';
import { tableCellAt, type TableCell } from '../structure/tables.js';
import { isDigit, isHan, UNIT_SHARING_JOINERS, SENTENCE_REACH } from '../text/chars.js';
import {
  BARE_CHANGE_PHRASE,
  BARE_DELTA_PHRASE,
  BARE_MEASURE_NOUN,
  FUNDING_VERBS,
  MAX_INDICATOR_LENGTH,
  REPEAT_PREFIX,
} from './indicatorWords.js';
import { IMPROVEMENT_WORDS, LESS_IS_BETTER } from './qualifierWords.js';
import {
  followingPhrase,
  isRankFrame,
  namedCategory,
  predicateAfter,
  purposeClause,
  precedingPhrase,
  previousClausePhrase,
  listedNames,
  stripEdges,
  truncate,
  rankBeforeScope,
  rankPhrase,
  totalSubject,
  type IndicatorContext,
} from './indicator.js';
import {
  anyBetween,
  approxAfter,
  approxBefore,
  benchmarkChange,
  changeOf,
  isGoalFigure,
  isTarget,
  periodBefore,
  periodsIn,
  planOpenerOffsets,
} from './qualifiers.js';

function clip(sentence: Span, m: Mention): Span {
  return {
    start: Math.max(sentence.start, m.start - SENTENCE_REACH),
    end: Math.min(sentence.end, m.end + SENTENCE_REACH),
  };
}

export interface AttributionInput {
  source: string;
  content: string;
  mentions: Mention[];
  sentences: Span[];
  tree: Pick<SectionTreeResult, 'flat' | 'parentOf'>;
  /** Kind of text outside any section (a plan document's preamble is plan). */
  documentKind: SectionKind;
  /**
   * The year the plan sections plan for (a plan's own year; the year after a review's), or null:
   * in a plan section, a sentence dated before it reports a result (2023年…新增就业14562人).
   */
  planYear?: number | null;
  /** The data cells of the text's tables, in text order, each with the header that names it. */
  tableCells?: TableCell[];
  /**
   * The part of the text the mentions are in (parseReport reads a long text a part at a time),
   * from a line start to a line start: no sentence or paragraph runs across its edges. Default: all.
   */
  part?: Span;
  /** Metrics of the text before the part (their ids go on from it). */
  metricsBefore?: number;
}

/**
 * The source text of a span, or null when it holds nothing but spaces and blanked noise
 * (##paidbegin##). settleIndicator makes the final text exact.
 */
function textWithoutNoise(source: string, content: string, span: Span): string | null {
  return content.slice(span.start, span.end).trim() ? source.slice(span.start, span.end) : null;
}

export function attributeMetrics(input: AttributionInput): Metric[] {
  const { source, content, mentions, sentences } = input;
  const part = input.part ?? { start: 0, end: content.length };
  const metricsBefore = input.metricsBefore ?? 0;
  const metrics: Metric[] = [];
  const planOpeners = planOpenerOffsets(content, part);
  let previous: { mention: Mention; metric: Metric; sentence: Span } | null = null;
  let paragraphStart = part.start;
  // The first line break not yet passed, found by indexOf (a native search) rather than a
  // character loop; each break is found once: linear in the text.
  let nextBreak = content.indexOf('\n', part.start);
  // Periods are found once per sentence; mentions come in order, so one sentence is cached at a time.
  let periods = null as { sentence: Span; spans: Span[] } | null;
  /** The bare 增速 of growth rates named after what was counted before them, by where the rate starts. */
  const bareRatePhrases = new Map<number, Span>();
  for (const m of mentions) {
    // Mentions come in order, so the paragraph start moves forward only.
    for (; nextBreak >= 0 && nextBreak < m.start; nextBreak = content.indexOf('\n', nextBreak + 1))
      paragraphStart = nextBreak + 1;
    const fullSentence = sentenceAt(sentences, m.start) ?? { start: m.start, end: m.end };
    const sentence = clip(fullSentence, m);
    const before = approxBefore(content, m);
    const after = approxAfter(content, m);
    const section = sectionAt(input.tree, m.start);
    const inPlan = (section?.kind ?? input.documentKind) === 'plan';
    const sameSentence = previous && previous.sentence.start === fullSentence.start ? previous : null;

    const change = changeFor(content, m, before.start);
    const ctx: IndicatorContext = {
      content,
      lowerBound: Math.max(sentence.start, sameSentence ? sameSentence.mention.end : 0),
      before: before.start,
      after: after.end,
      upperBound: sentence.end,
    };
    // A rank reads its own clause back to the ranking verb (综合指数在15个区县排名第10位), or
    // continues a list of ranks (…第4、营商环境第6), or ranks the figure its bracket follows
    // (增长7.1%(全省排名第12名)), or names what stands before its scope (增幅全市第7名).
    const ranked = m.kind === 'rank' ? rankIndicator(content, ctx, sentence.start, sameSentence) : null;
    // 完成年目标任务4000人, 目标值(90%): a goal's figure measures what the sentence last measured in its unit.
    const goalOf = isGoalFigure(content.slice(Math.max(sentence.start, before.start - 12), before.start))
      ? lastInSentence(metrics, sentence, (x) => x.unit === m.unit)
      : null;
    let indicatorSpan =
      goalOf?.indicatorSpan ??
      ranked ??
      (m.kind === 'rank'
        ? isRankFrame(content, ctx, sentence.start)
          ? null
          : /^(?:倒数)?第/.test(content.slice(m.start, m.start + 3))
            ? rankBeforeScope(ctx, sentence.start)
            : chooseIndicator(ctx, m)
        : chooseIndicator(ctx, m));
    // 20家企业100%接入平台: a share of what the count before it counted is named by its predicate.
    if (
      m.kind === 'percent' &&
      sameSentence &&
      indicatorSpan &&
      sameSpan(indicatorSpan, sameSentence.metric.indicatorSpan)
    )
      indicatorSpan = predicateAfter(ctx) ?? indicatorSpan;
    // 完成年目标任务4000人的103%: the share is of what the clause completes, named before the figure.
    if (
      !indicatorSpan &&
      m.kind === 'percent' &&
      sameSentence &&
      content.slice(sameSentence.mention.end, before.start) === '的'
    )
      indicatorSpan = precedingPhrase({ ...ctx, lowerBound: sentence.start, before: sameSentence.mention.start });
    // Nothing of its own: a total names what the sentence's first clause names; a rate, the rate
    // term of the clause before (占投诉总数比重最大，达81.67%). Only then the metric before.
    if (!indicatorSpan && m.kind !== 'rank')
      indicatorSpan =
        totalSubject(ctx, sentence.start) ??
        (m.kind === 'percent' || m.kind === 'pp' ? previousClausePhrase(ctx, sentence.start, true, true) : null);
    let indicator = indicatorSpan ? textWithoutNoise(source, content, indicatorSpan) : null;
    // 城乡收入比为1.85,比上年缩小0.04: a ratio's bare change names the ratio stated before it.
    if (m.kind === 'ratio' && change) {
      const ratio = lastInSentence(metrics, sentence, (x) => x.kind === 'ratio' && x.unit === m.unit && !x.change);
      if (ratio) {
        indicatorSpan = ratio.indicatorSpan;
        indicator = ratio.indicator;
      }
    }
    // A cell of a scraped table is named by its header (the grid: src/structure/tables.ts).
    const cell = input.tableCells ? tableCellAt(input.tableCells, m.start) : null;
    if (cell?.header) {
      indicatorSpan = cell.header;
      indicator = textWithoutNoise(source, content, cell.header);
    }
    // 固定资产投资总额56.4亿元，全市排名第7位，增速-4.7%: a bare 增速 names no quantity of its own, nor
    // does a count's or an amount's bare word after a figure (namesNothingAfter).
    if (
      indicator &&
      sameSentence &&
      ((m.kind === 'percent' && change && BARE_CHANGE_PHRASE.test(indicator)) ||
        ((m.kind === 'count' || m.kind === 'amount') &&
          namesNothingAfter(content, indicator, indicatorSpan, sameSentence, m)))
    ) {
      if (m.kind === 'percent' && indicatorSpan) bareRatePhrases.set(m.start, indicatorSpan);
      indicator = null;
      indicatorSpan = null;
    }
    if (!indicator && sameSentence) {
      // A rank with nothing of its own ranks the figure that ends the clause before it, within its
      // item of a ;-list (固定资产投资总额56.4亿元，全市排名第7位；), else what the sentence last rated or
      // ranked (增速高于…，位居第1位), not the count before it in its own clause (在46个区县排名第31位).
      // …and a growth rate what the sentence last counted (收入累计完成455,490万元，完成预算的57.8%，增长19.9%).
      const source =
        m.kind === 'rank'
          ? (figureOfClauseBefore(content, metrics, sentence, m.start) ??
            lastInSentence(metrics, sentence, isRated) ??
            sameSentence.metric)
          : m.kind === 'percent' && change
            ? (lastInSentence(metrics, sentence, isCounted) ?? sameSentence.metric)
            : sameSentence.metric;
      indicator = source.indicator;
      indicatorSpan = source.indicatorSpan;
      // …增速3.1%，全市排名第12位: a rank of a growth rate named only 增速 ranks the rate, named so.
      const rate = m.kind === 'rank' ? bareRatePhrases.get(source.span.start) : undefined;
      if (rate) {
        indicatorSpan = rate;
        indicator = textWithoutNoise(input.source, content, rate);
      }
    }
    // 全县常住人口中，男性人口28.07万人，占50.79%: a bare 占 is a share of the whole the sentence
    // opens with, or of the total its 其中 parts (受理案件120件，其中调解结案80件，占66.7%).
    if (m.kind === 'percent' && indicator?.trim() === '占') {
      const whole = shareWhole(content, metrics, sentence, m.start);
      if (whole) {
        indicatorSpan = whole;
        indicator = textWithoutNoise(source, content, whole);
      }
    }
    if (!indicator) {
      indicatorSpan =
        previousClausePhrase(ctx, sentence.start, m.kind !== 'count' && m.kind !== 'amount') ??
        labelLineBefore(content, m);
      indicator = indicatorSpan ? textWithoutNoise(source, content, indicatorSpan) : null;
    }
    if (periods?.sentence.start !== fullSentence.start) {
      periods = {
        sentence: fullSentence,
        spans: periodsIn(content, {
          start: fullSentence.start,
          end: Math.min(fullSentence.end, fullSentence.start + 4000),
        }),
      };
    }
    const period = periodBefore(periods.spans, before.start);
    // 增速-4.7%: a negative rise is a fall.
    const rising = lessIsBetter(content, before.start, change, indicator);
    const direction = rising === 'up' && m.value < 0 ? 'down' : rising;
    const metric: Metric = {
      id: `m${metricsBefore + metrics.length + 1}`,
      span: { start: m.start, end: m.end },
      raw: source.slice(m.start, m.end),
      value: m.value,
      unit: m.unit,
      kind: m.kind,
      approx: m.approx ?? before.approx ?? after.approx,
      change: direction,
      target: isTarget(
        content,
        sentence,
        m.start,
        inPlan,
        anyBetween(planOpeners, paragraphStart, m.start),
        input.planYear ?? null,
        m.kind === 'percent',
      ),
      indicator,
      indicatorSpan: indicator ? indicatorSpan : null,
      // Filled by the next stage (src/indicators).
      indicatorKey: null,
      indicatorName: null,
      period: period ? source.slice(period.start, period.end) : null,
      sectionId: section?.id ?? null,
      sentence: { start: sentence.start, end: sentence.end, text: source.slice(sentence.start, sentence.end) },
    };
    metrics.push(metric);
    previous = { mention: m, metric, sentence: fullSentence };
  }
  // A change stated once holds for the whole group (分别下降2.16和1.66个百分点).
  for (const group of sharedUnitGroups(content, metrics, true)) {
    const change = group.find((m) => m.change)?.change ?? null;
    for (const m of group) {
      m.change ??= change;
      // 分别拉动0.42、-3.15和2.73个百分点: a negative member of a rise falls.
      if (m.value < 0 && m.change === 'up') m.change = 'down';
    }
  }
  // A list after 分别 may change unit on the way (11微克/立方米、…、1.2毫克/立方米): names go by position.
  for (const run of sharedUnitGroups(content, metrics, false))
    nameRespectively(source, content, run, metrics, metricsBefore);
  shareWithAdjacent(metrics);
  for (const m of metrics) settleIndicator(source, content, m);
  return metrics;
}

/**
 * The indicator is exactly the source text of its span, at most MAX_INDICATOR_LENGTH characters:
 * the span loses whitespace at its edges and, when noise (##paidbegin##) was blanked inside it,
 * everything up to the noise (the head noun is at the end); a longer span keeps its end.
 */
function settleIndicator(source: string, content: string, m: Metric): void {
  const span = m.indicatorSpan;
  let start = span?.start ?? 0;
  let end = span?.end ?? 0;
  // charCodeAt: no string is made for each character of the span.
  for (let i = end - 1; i >= start; i--) {
    if (content.charCodeAt(i) === 0x20 && !/\s/.test(source[i])) {
      start = i + 1;
      break;
    }
  }
  while (start < end && /\s/.test(source[start])) start++;
  while (end > start && /\s/.test(source[end - 1])) end--;
  if (end - start > MAX_INDICATOR_LENGTH) ({ start, end } = truncate({ start, end }, content.slice(start, end)));
  if (!span || end <= start) {
    m.indicator = null;
    m.indicatorSpan = null;
    return;
  }
  m.indicatorSpan = { start, end };
  m.indicator = source.slice(start, end);
}

/**
 * Ranks and ratios are levels, except a move in a ranking (后退9位); rates also change against a
 * benchmark (低于省控线0.84个百分点).
 */
function changeFor(content: string, m: Mention, before: number): Metric['change'] {
  // 比上年缩小0.04 after a ratio: the ratio's change (its level, 收入比为1.85, has no change word).
  if (m.kind === 'ratio') return m.unit === ':1' ? changeOf(content, before, false) : null;
  if (m.kind === 'rank' && /^(?:倒数)?第/.test(content.slice(m.start, m.start + 3))) return null;
  const change = changeOf(content, before, m.kind === 'count' || m.kind === 'rank');
  if (change || m.kind === 'rank') return change;
  return benchmarkChange(content, before, m.kind === 'pp' || m.kind === 'percent');
}

function rankIndicator(
  content: string,
  ctx: IndicatorContext,
  sentenceStart: number,
  previous: { mention: Mention; metric: Metric } | null,
): Span | null {
  if (previous?.metric.kind === 'rank') {
    const between = content.slice(previous.mention.end, ctx.before);
    if (between[0] === '、' && !/[,;。:()\d]/.test(between)) {
      const item = stripEdges(content, previous.mention.end + 1, ctx.before);
      if (item.end - item.start >= 2) return item;
    }
  }
  if (
    previous &&
    content[previous.mention.end] === '(' &&
    !/[,;。:()]/.test(content.slice(previous.mention.end + 1, ctx.before))
  )
    return previous.metric.indicatorSpan;
  return rankPhrase(ctx, sentenceStart);
}

/** 综合指数同比改善6.3%: an improvement of an index or a concentration is a fall. */
function lessIsBetter(
  content: string,
  before: number,
  change: Metric['change'],
  indicator: string | null,
): Metric['change'] {
  if (change !== 'up' || !indicator || !LESS_IS_BETTER.test(indicator)) return change;
  const end = content[before - 1] === '了' ? before - 1 : before;
  return IMPROVEMENT_WORDS.some((w) => content.startsWith(w, end - w.length)) ? 'down' : change;
}

const sameSpan = (a: Span, b: Span | null) => b !== null && a.start === b.start && a.end === b.end;
/** 已全部完工, 均已投用: a state reached, right after the noun counted. */
const STATE_AFTER_NOUN = /^(?:均?已)/;

/** From `from` to the end of its clause, when that holds no figure. */
function clauseEndFrom(ctx: IndicatorContext, from: number): Span | null {
  let end = from;
  while (end < ctx.upperBound && end - from <= MAX_INDICATOR_LENGTH && !CLAUSE_END.test(ctx.content[end])) end++;
  if (end === from || /\d/.test(ctx.content.slice(from, end))) return null;
  return { start: from, end };
}
const CLAUSE_END = /[,;:。!?()、\n]/;

const isCounted = (m: Metric) => m.kind === 'count' || m.kind === 'amount';
const isRated = (m: Metric) => !isCounted(m);

/**
 * The last metric with an indicator in the (clipped) sentence that passes `test`: a search over
 * at most the metrics of SENTENCE_REACH characters.
 */
function lastInSentence(metrics: Metric[], sentence: Span, test: (m: Metric) => boolean): Metric | null {
  for (let i = metrics.length - 1; i >= 0 && metrics[i].span.start >= sentence.start; i--) {
    if (metrics[i].indicator && test(metrics[i])) return metrics[i];
  }
  return null;
}

/**
 * A count's or an amount's phrase that names nothing of its own after the figure before it in the
 * sentence, which then names it: a bare change (新增6个), one character (简易案件12起罚1300元), a bare measure noun (拆除违法建设31处、
 * 面积1367平方米), or the verb of that figure's phrase again, in its unit (新增发放优待证1057张，累计发放22800张).
 */
function namesNothingAfter(
  content: string,
  phrase: string,
  span: Span | null,
  before: { mention: Mention; metric: Metric },
  m: Mention,
): boolean {
  const words = phrase.trim();
  // Most phrases are longer than the short words below: turned away before anything is read.
  if (words.length > MAX_BARE_LENGTH) return false;
  // 农民合作社769个，新增6个: a bare change of a count in the unit of the count before it.
  if (BARE_DELTA_PHRASE.test(words)) return m.kind === 'count' && before.metric.unit === m.unit;
  const named = before.metric.indicator ?? '';
  // …of what was counted before it; not a second measure of it (涉及人数9501人，涉及金额7377.98万元).
  if (BARE_MEASURE_NOUN.test(words)) return !MEASURE_ENDING.test(named);
  // One character right between the figure before and this one: its verb (12起罚1300元), not a
  // noun the figure counts (4个村; segmentation tags a character alone unreliably).
  if (words.length === 1) return content.slice(before.mention.end, m.start).trim() === words;
  // 累计发放: an action repeated over a longer time, on the same thing in the same unit.
  return (
    before.metric.unit === m.unit &&
    words.length >= 2 &&
    named !== words &&
    named.includes(words) &&
    repeatedBefore(content, span)
  );
}
/** The longest phrase that may name nothing of its own (a verb, 总面积, 总金额). */
const MAX_BARE_LENGTH = 4;
/** Whether a word of repetition (累计, 共计, 再…) stands right before the phrase: 累计发放22800张. */
function repeatedBefore(content: string, span: Span | null): boolean {
  return span !== null && REPEAT_PREFIX.test(content.slice(Math.max(0, span.start - 2), span.start));
}

/** An indicator naming a measure of something rather than the thing (涉及人数, 投入资金). */
const MEASURE_ENDING = /(?:人数|金额|面积|数量|件数|户数|资金|总额|人次)$/;

/** The whole a bare 占 in the sentence measures against: see its use. */
function shareWhole(content: string, metrics: Metric[], sentence: Span, at: number): Span | null {
  const frame = WHOLE_FRAME.exec(content.slice(sentence.start, at));
  if (frame) {
    const start = sentence.start + frame[0].indexOf(frame[1]);
    return { start, end: start + frame[1].length };
  }
  const parts = content.lastIndexOf('其中', at);
  if (parts < sentence.start) return null;
  return (
    lastInSentence(metrics, { start: sentence.start, end: parts }, (x) => x.span.end <= parts)?.indicatorSpan ?? null
  );
}
/** A sentence that opens with the whole its parts are of: 全县常住人口中，… */
const WHOLE_FRAME = /^\s*([\u4e00-\u9fa5]{2,14}?)中[,:]/;

/**
 * A table flattened one cell a line (粮食总产量\n\n162817吨\n\n0.5): a figure alone on its line is
 * named by the label on the line before it, blank lines between; a label is short, holds no digit
 * and no sentence punctuation. 其中: before it marks a part and is not the name.
 */
function labelLineBefore(content: string, m: Mention): Span | null {
  const lineStart = content.lastIndexOf('\n', m.start - 1) + 1;
  const lineEnd = content.indexOf('\n', m.end);
  if (content.slice(lineStart, m.start).trim() || content.slice(m.end, lineEnd < 0 ? content.length : lineEnd).trim())
    return null;
  let end = lineStart - 1;
  while (end > 0 && /\s/.test(content[end - 1])) end--;
  if (end <= 0 || lineStart - 1 - end > 3) return null;
  const start = content.lastIndexOf('\n', end - 1) + 1;
  const label = stripEdges(content, start, end);
  const text = content.slice(label.start, label.end).replace(/^(?:其中)?[:\s]*/, '');
  if (
    !text ||
    text.length > MAX_LABEL_LENGTH ||
    !/[\u4e00-\u9fa5]/.test(text) ||
    /[\d。,;!?]/.test(text) ||
    HEADING_START.test(text)
  )
    return null;
  return { start: label.end - text.length, end: label.end };
}
const MAX_LABEL_LENGTH = 16;
/** A numbered heading's marker (一、, (二)): a heading is no cell's label. */
const HEADING_START = /^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))/;

/**
 * The last metric with an indicator in the clauses before the one holding `at`, back to the start
 * of its item of a ;-list (or the sentence): what a rank with no words of its own ranks.
 */
function figureOfClauseBefore(content: string, metrics: Metric[], sentence: Span, at: number): Metric | null {
  let clauseStart = at;
  while (clauseStart > sentence.start && content[clauseStart - 1] !== ',' && content[clauseStart - 1] !== ';')
    clauseStart--;
  if (clauseStart === sentence.start || content[clauseStart - 1] !== ',') return null;
  let itemStart = clauseStart - 1;
  while (itemStart > sentence.start && content[itemStart - 1] !== ';') itemStart--;
  const figure = lastInSentence(metrics, { start: itemStart, end: clauseStart }, () => true);
  return figure && figure.span.end <= clauseStart ? figure : null;
}

/** 全市14035户25559人享受城乡低保: a count written right against the next one counts the same thing. */
function shareWithAdjacent(metrics: Metric[]): void {
  for (let i = metrics.length - 2; i >= 0; i--) {
    const [m, next] = [metrics[i], metrics[i + 1]];
    if (m.indicator === null && next.indicator !== null && m.span.end === next.span.start && m.kind === next.kind) {
      m.indicator = next.indicator;
      m.indicatorSpan = next.indicatorSpan;
    }
  }
}

/** Runs of metrics joined only by a joiner: one range or one list stated once. */
function sharedUnitGroups(content: string, metrics: Metric[], sameUnit: boolean): Metric[][] {
  const groups: Metric[][] = [];
  let run: Metric[] = [];
  for (const m of metrics) {
    const last = run.at(-1);
    // Joiners are short: a long stretch between two metrics is never read.
    const between = last && m.span.start - last.span.end <= 4 ? content.slice(last.span.end, m.span.start).trim() : '';
    if (
      last &&
      between &&
      // 下降1.2%或86宗: a change verb covers the figure after 或 whatever its unit.
      (!sameUnit || last.unit === m.unit || between === '或') &&
      (UNIT_SHARING_JOINERS.includes(between) ||
        // 分别下降5%,44%: after 分别 a comma lists too.
        (between === ',' && content.slice(Math.max(0, run[0].span.start - 6), run[0].span.start).includes('分别')))
    )
      run.push(m);
    else {
      if (run.length > 1) groups.push(run);
      run = [m];
    }
  }
  if (run.length > 1) groups.push(run);
  return groups;
}

/**
 * After 分别 the names listed before it go to the members in order (刑事案件发案率、治安案件发案率分别…). When the
 * 分别 clause lists none, the list is in the clause before it (…集中在A、B、C等方面，分别占…),
 * past a comparison frame (A、B，与近五年均值相比分别下降…), or else it is the metrics stated just
 * before, each with its own name (事故19起，死亡5人，较去年同期分别下降5%、44%).
 */
function nameRespectively(
  source: string,
  content: string,
  group: Metric[],
  metrics: Metric[],
  metricsBefore: number,
): void {
  const first = group[0].span.start;
  const lead = content.slice(Math.max(0, first - 80), first);
  const respectively = lead.lastIndexOf('分别');
  if (respectively < 0) return;
  const offset = first - lead.length;
  let clauseEnd = offset + respectively;
  let names: Span[] = [];
  for (let tries = 0; tries < 3 && clauseEnd > offset; tries++) {
    const clauseStart =
      offset + Math.max(...LIST_CLAUSE_BREAKS.map((d) => lead.lastIndexOf(d, clauseEnd - offset - 1))) + 1;
    if (clauseStart < offset || (clauseStart === offset && offset > 0)) break;
    names = listedNames(content, { start: clauseStart, end: clauseEnd });
    if (names.length === group.length) break;
    // Only a comparison frame, or nothing, may stand between the list and 分别.
    const clause = content.slice(clauseStart, clauseEnd).trim();
    if (clause && !COMPARISON_ONLY.test(clause)) break;
    clauseEnd = clauseStart - 1;
  }
  if (names.length === group.length) {
    group.forEach((m, i) => {
      m.indicatorSpan = names[i];
      m.indicator = textWithoutNoise(source, content, names[i]);
    });
    return;
  }
  // The metrics right before the group, in the same sentence, one per member.
  // Metric ids are m1, m2, … in order, from the part's first: the index without a search.
  const at = Number(group[0].id.slice(1)) - 1 - metricsBefore;
  const before = metrics.slice(Math.max(0, at - group.length), at);
  if (
    before.length === group.length &&
    before.every((m) => m.indicator && m.sentence.start === group[0].sentence.start && m.kind !== group[0].kind)
  ) {
    group.forEach((m, i) => {
      m.indicatorSpan = before[i].indicatorSpan;
      m.indicator = before[i].indicator;
    });
  }
}
const LIST_CLAUSE_BREAKS = [',', ';', '。', ':', '\n'];
/** A clause that only compares (与近五年均值相比, 较去年同期, 同比): no list of its own. */
const COMPARISON_ONLY = /^(?:[与同和较比跟][^,;。]{0,12}?(?:相比|相较|同期)?|同比|环比|(?:较|比)[^,;。]{0,10})$/;

/**
 * Counts take the noun phrase after them when there is one (落实62条整改措施), and so does a
 * count closing an enumeration (海洋渔业、市场监督等六大执法领域). Rates take the phrase before
 * them, or after 的 when nothing precedes (30%的公证事项).
 */
function chooseIndicator(ctx: IndicatorContext, m: Mention): Span | null {
  // The phrase before is read when first needed, then kept: a count named by the noun after it
  // never needs it, and it is the dearer of the two readings.
  let preceding: Span | null | undefined;
  const phraseBefore = () => {
    if (preceding === undefined) preceding = precedingPhrase(ctx);
    return preceding;
  };
  // 投入1721万元，开展环卫一期工程建设: money named only by a funding verb is named by its use.
  const use = m.kind === 'amount' ? purposeClause(ctx) : null;
  if (use) {
    const named = phraseBefore();
    if (!named || FUNDING_VERBS.has(ctx.content.slice(named.start, named.end))) return use;
  }
  const isCount = m.kind === 'count' || m.kind === 'amount';
  if (!isCount && phraseBefore()) return phraseBefore();
  if (!isCount && ctx.content[ctx.after] !== '的') return predicateAfter(ctx);
  const read = followingPhrase(ctx);
  // 简易案件12起罚1300元: one character that leads straight to another figure is its verb, no noun.
  const following = read && read.end - read.start === 1 && isDigit(ctx.content[read.end]) ? null : read;
  if (!following) return phraseBefore() ?? nounAfterMeasureWord(ctx);
  // 30%的公证事项予以容缺受理: the predicate says which part of the things the share is of.
  if (!isCount) {
    const predicate = predicateAfter(ctx, following.end);
    if (predicate && predicate.end - following.start <= MAX_INDICATOR_LENGTH)
      return { start: following.start, end: predicate.end };
    return { start: following.start, end: following.end };
  }
  // 3家医院被确定为省级胸痛中心: the category is named by the predicate.
  const category = namedCategory(ctx, following.end);
  if (category) return category;
  // 8个工程已全部完工: after a bare noun, a state reached names which of them are counted.
  if (
    following.end - following.start <= 2 &&
    STATE_AFTER_NOUN.test(ctx.content.slice(following.end, following.end + 2))
  ) {
    const state = clauseEndFrom(ctx, following.end);
    if (state && state.end - following.start <= MAX_INDICATOR_LENGTH) return { start: following.start, end: state.end };
  }
  const enumerated = ctx.content[ctx.before - 1] === '等';
  if (enumerated || !following.verbLed) return { start: following.start, end: following.end };
  const named = phraseBefore();
  if (!named || named.end - named.start <= 2) return { start: following.start, end: following.end };
  return named;
}

/** When segmentation finds no noun (三个片区内 → 片/q 区内/s), the two characters after a measure word. */
function nounAfterMeasureWord(ctx: IndicatorContext): Span | null {
  const { content, after } = ctx;
  // 51微克/立方米下降5.8%: two characters that lead to another figure are its verb, not a noun.
  if (isDigit(content[after + 2])) return null;
  return isHan(content[after]) && isHan(content[after + 1]) ? { start: after, end: after + 2 } : null;
}
