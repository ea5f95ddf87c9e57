// Stage 5: attribution. Each mention gets its qualifiers, indicator, period, section and sentence.
import type { Metric, SectionKind, Span } from '../model/schema.js';
import type { Mention } from '../mentions/metricMentions.js';
import { sectionAt, type SectionTreeResult } from '../structure/sectionTree.js';
import { sentenceAt } from '../structure/sentences.js';
import { tableCellAt, type TableCell } from '../structure/tables.js';
import { isHan, UNIT_SHARING_JOINERS } from '../text/chars.js';
import { FUNDING_VERBS } from './indicatorWords.js';
import {
  followingPhrase,
  isRankFrame,
  purposeClause,
  precedingPhrase,
  previousClausePhrase,
  rankPhrase,
  stripEdges,
  type IndicatorContext,
} from './indicator.js';
import {
  anyBetween,
  approxAfter,
  approxBefore,
  benchmarkChange,
  changeOf,
  isTarget,
  periodBefore,
  periodsIn,
  planOpenerOffsets,
} from './qualifiers.js';

/**
 * A sentence is read at most this far either side of a metric: real sentences are shorter, and
 * text with no full stops (a scraped table, a pathological file) must not make each metric cost
 * the length of the file.
 */
const SENTENCE_REACH = 200;

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
}

/** The source text of a span without the noise blanked in `content` (##paidbegin## inside a word). */
function textWithoutNoise(source: string, content: string, span: Span): string | null {
  let text = '';
  for (let i = span.start; i < span.end; i++) if (!(content[i] === ' ' && source[i] !== ' ')) text += source[i];
  return text.trim() || null;
}

export function attributeMetrics(input: AttributionInput): Metric[] {
  const { source, content, mentions, sentences } = input;
  const metrics: Metric[] = [];
  const planOpeners = planOpenerOffsets(content);
  let previous: { mention: Mention; metric: Metric; sentence: Span } | null = null;
  let paragraphStart = 0;
  let scanned = 0;
  // Periods are found once per sentence; mentions come in order, so one sentence is cached at a time.
  let periods = null as { sentence: Span; spans: Span[] } | null;
  for (const m of mentions) {
    // Mentions come in order, so the paragraph start moves forward only: linear in the text.
    for (; scanned < m.start; scanned++) if (content.charCodeAt(scanned) === 0x0a) paragraphStart = scanned + 1;
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
    // A rank reads its own clause back to the ranking verb (综合指数在15个区县排名第10位).
    const ranked = m.kind === 'rank' ? rankPhrase(ctx, sentence.start) : null;
    let indicatorSpan =
      ranked ?? (m.kind === 'rank' && isRankFrame(content, ctx, sentence.start) ? null : chooseIndicator(ctx, m));
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
    if (!indicator && sameSentence) {
      // A rank with nothing of its own ranks what the sentence last rated or ranked (增速高于…，位居第1位),
      // not the count before it (在46个区县排名第31位).
      // …and a growth rate what the sentence last counted (收入累计完成455,490万元，完成预算的57.8%，增长19.9%).
      const source =
        m.kind === 'rank'
          ? (lastInSentence(metrics, sentence, isRated) ?? sameSentence.metric)
          : m.kind === 'percent' && change
            ? (lastInSentence(metrics, sentence, isCounted) ?? sameSentence.metric)
            : sameSentence.metric;
      indicator = source.indicator;
      indicatorSpan = source.indicatorSpan;
    }
    if (!indicator) {
      indicatorSpan = previousClausePhrase(ctx, sentence.start, m.kind !== 'count' && m.kind !== 'amount');
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
    const metric: Metric = {
      id: `m${metrics.length + 1}`,
      span: { start: m.start, end: m.end },
      raw: source.slice(m.start, m.end),
      value: m.value,
      unit: m.unit,
      kind: m.kind,
      approx: m.approx ?? before.approx ?? after.approx,
      change,
      target: isTarget(
        content,
        sentence,
        m.start,
        inPlan,
        anyBetween(planOpeners, paragraphStart, m.start),
        input.planYear ?? null,
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
  for (const group of sharedUnitGroups(content, metrics)) distributeOverGroup(source, content, group);
  shareWithAdjacent(metrics);
  return metrics;
}

/**
 * Ranks and ratios are levels, except a move in a ranking (后退9位); rates also change against a
 * benchmark (低于省控线0.84个百分点).
 */
function changeFor(content: string, m: Mention, before: number): Metric['change'] {
  // 比上年缩小0.04 after a ratio: the ratio's change (its level, 收入比为1.85, has no change word).
  if (m.kind === 'ratio') return m.unit === ':1' ? changeOf(content, before, false) : null;
  if (m.kind === 'rank' && content[m.start] === '第') return null;
  const change = changeOf(content, before, m.kind === 'count' || m.kind === 'rank');
  if (change || m.kind === 'rank') return change;
  return benchmarkChange(content, before, m.kind === 'pp' || m.kind === 'percent');
}

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
function sharedUnitGroups(content: string, metrics: Metric[]): Metric[][] {
  const groups: Metric[][] = [];
  let run: Metric[] = [];
  for (const m of metrics) {
    const last = run.at(-1);
    if (
      last &&
      last.unit === m.unit &&
      UNIT_SHARING_JOINERS.includes(content.slice(last.span.end, m.span.start).trim())
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
 * A change stated once holds for the whole group (分别下降2.16和1.66个百分点), and after 分别 the
 * names listed before it go to the members in order (刑事案件发案率、治安案件发案率分别…).
 */
function distributeOverGroup(source: string, content: string, group: Metric[]): void {
  const change = group.find((m) => m.change)?.change ?? null;
  for (const m of group) {
    m.change ??= change;
    // 分别拉动0.42、-3.15和2.73个百分点: a negative member of a rise falls.
    if (m.value < 0 && m.change === 'up') m.change = 'down';
  }
  const first = group[0].span.start;
  const lead = content.slice(Math.max(0, first - 60), first);
  const respectively = lead.lastIndexOf('分别');
  if (respectively < 0) return;
  const clauseStart = Math.max(...[',', ';', '。', ':', '\n'].map((d) => lead.lastIndexOf(d, respectively))) + 1;
  const offset = first - lead.length;
  const names: Span[] = [];
  const pattern = /[^、和与及]+/g;
  for (const part of lead.slice(clauseStart, respectively).matchAll(pattern)) {
    const text = part[0].trim();
    if (!text) continue;
    const start = offset + clauseStart + part.index + part[0].indexOf(text);
    // 全市刑事、治安案件同比分别…: the scope and the comparison belong to no one name.
    const name = stripEdges(content, start, start + text.length);
    if (name.end > name.start) names.push(name);
  }
  if (names.length !== group.length) return;
  group.forEach((m, i) => {
    m.indicatorSpan = names[i];
    m.indicator = textWithoutNoise(source, content, names[i]);
  });
}

/**
 * Counts take the noun phrase after them when there is one (落实62条整改措施), and so does a
 * count closing an enumeration (海洋渔业、市场监督等六大执法领域). Rates take the phrase before
 * them, or after 的 when nothing precedes (30%的公证事项).
 */
function chooseIndicator(ctx: IndicatorContext, m: Mention): Span | null {
  const preceding = precedingPhrase(ctx);
  // 投入1721万元，开展环卫一期工程建设: money named only by a funding verb is named by its use.
  if (m.kind === 'amount' && (!preceding || FUNDING_VERBS.has(ctx.content.slice(preceding.start, preceding.end)))) {
    const use = purposeClause(ctx);
    if (use) return use;
  }
  const isCount = m.kind === 'count' || m.kind === 'amount';
  if (!isCount && (preceding || ctx.content[ctx.after] !== '的')) return preceding;
  const following = followingPhrase(ctx);
  if (!following) return preceding ?? nounAfterMeasureWord(ctx);
  const enumerated = ctx.content[ctx.before - 1] === '等';
  if (!preceding || enumerated || !following.verbLed || preceding.end - preceding.start <= 2) {
    return { start: following.start, end: following.end };
  }
  return preceding;
}

/** When segmentation finds no noun (三个片区内 → 片/q 区内/s), the two characters after a measure word. */
function nounAfterMeasureWord(ctx: IndicatorContext): Span | null {
  const { content, after } = ctx;
  return isHan(content[after]) && isHan(content[after + 1]) ? { start: after, end: after + 2 } : null;
}
