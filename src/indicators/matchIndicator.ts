// Which catalogue indicator a metric measures, read from its indicator phrase and its context:
// the subject (行政复议) from the phrase, else from its sentence before it, else from its section
// titles; the event (受理, 办结 …) nearest the number within the phrase's clause; the measure from
// the metric's kind and unit and the phrase's measure words (率, 占); the variant from its change
// flag. Anything else the phrase says must be filler, or the metric gets no key: a phrase that
// adds a qualifier (刑事 before 案件, 民营经济 before 增加值) names another quantity, and a
// wrong key is worse than none.
import type { Change, MetricKind, Span } from '../model/schema.js';
import { CharSet, SENTENCE_REACH } from '../text/chars.js';
import { BULLETIN_TOPICS } from '../text/bulletinTopics.js';
import { tagWords } from '../text/segmenter.js';
import type { Catalog, Indicator } from './compileCatalog.js';
import { findForms, type FoundForm } from './findForms.js';

export interface MetricFacts {
  span: Span;
  kind: MetricKind;
  unit: string;
  change: Change;
  indicatorSpan: Span | null;
  sentence: Span;
}

export interface MatchContext {
  /** The normalised text (half-width, simplified), offsets as in the source. */
  text: string;
  /** Titles of the sections holding the metric, innermost first. */
  sectionTitles: readonly string[];
}

/** Ends a clause: where the event of a clause stops counting for the next one. */
const CLAUSE_END = new CharSet(',，;；:：。!！?？\n');
const SENTENCE_END = new CharSet('。!！?？\n');
/** Words joining two names in one phrase. */
const COORDINATION = /[和及与、]/;
/** How many sentences back a paragraph's subject is looked for. */
const PARAGRAPH_REACH = 3;
/** A comparison with a named year (较2019年, 比2020年): not the change over the year before. */
const COMPARED_YEAR = /[较比与](?:19|20)\d\d年/;

/** What a place name ends with (平昌县, 城关镇, 东城街道). */
const PLACE_SUFFIXES = ['县', '区', '市', '省', '镇', '乡', '州', '旗', '村', '盟', '街道'];
/** What a date holds (2023年, 1-9月, 一季度). */
const DATE_WORDS = ['年', '月', '季度'];
/** The characters of a bare numeral. */
const NUMERAL_CHARACTERS = '0123456789.一二三四五六七八九十百千万亿两零〇';
/** What joins the two ends of a range of months or years (1-9月). */
const RANGE_MARKS = '-~';
/** The words jieba's dictionary tags uj and ul (a test checks the dictionary says so). */
export const PARTICLES = ['的', '了'];

/**
 * What a phrase may hold besides catalogue forms, by part of speech: a place with its suffix
 * (平昌县, 城关镇), a date (2023年, 1-9月), a bare numeral, 的. Any other word (其他 included)
 * (jieba's guesses, tagged x, included) qualifies the subject, so the phrase names something else.
 */
const NEUTRAL_WORD: Record<string, (word: string) => boolean> = {
  ns: (w) => PLACE_SUFFIXES.some((s) => w.endsWith(s)),
  t: (w) => DATE_WORDS.some((d) => w.includes(d)),
  // jieba reads a date in digits as numerals (m): 2021 and 年 of 2021年, 1-9 and 月 of 1-9月.
  m: (w) =>
    DATE_WORDS.includes(w) ||
    (w !== '' && [...w].every((c) => NUMERAL_CHARACTERS.includes(c) || RANGE_MARKS.includes(c))),
  uj: () => true,
  ul: () => true,
};

/** The last characters of place suffixes: 县, 区 … 道 (of 街道). */
const PLACE_ENDS = `[${PLACE_SUFFIXES.map((w) => w.at(-1)).join('')}]`;
const ENDS_AS_NEUTRAL = new RegExp(`(?:${PLACE_ENDS}|[${NUMERAL_CHARACTERS}${PARTICLES.join('')}])$`);
const HOLDS_PLACE_END = new RegExp(PLACE_ENDS);
const HOLDS_DATE_WORD = new RegExp(DATE_WORDS.join('|'));
const ONLY_NUMERALS_AND_PARTICLES = new RegExp(`^[${NUMERAL_CHARACTERS}${PARTICLES.join('')}]+$`);

/**
 * Whether a piece could be all neutral words, judged without segmenting it (most pieces, 增加值,
 * 满意度 or 县直单位, plainly cannot; segmenting each cost a twentieth of all parsing). Words
 * outside jieba's dictionary are tagged x, m or eng, so without a date word every word of the
 * piece must be a place, a numeral or a particle: the piece then ends as one of those does, and
 * holds a place suffix unless it is numerals and particles alone.
 */
function mayBeNeutral(piece: string): boolean {
  if (HOLDS_DATE_WORD.test(piece)) return true;
  return ENDS_AS_NEUTRAL.test(piece) && (HOLDS_PLACE_END.test(piece) || ONLY_NUMERALS_AND_PARTICLES.test(piece));
}

export function matchIndicator(catalog: Catalog, given: MetricFacts, ctx: MatchContext): Indicator | null {
  const { text } = ctx;
  const { phrase, phraseForms, changeInForm } = withoutTopicLabel(text, readPhrase(catalog, text, given));
  const metric = changeInForm ? { ...given, change: null } : given;
  const rest = phraseRest(text, phrase, phraseForms);
  if (rest === 'content') return null;

  const scope = subjectScope(text, metric.sentence.start);
  const clause = clauseStart(text, Math.min(phrase.start, metric.span.start), metric.sentence.start);
  const clauseForms = findForms(catalog, text, clause, metric.span.start);
  // A share (第一产业增加值…占地区生产总值的比重为12.3%) is a share of what stands before 占; the
  // phrase names its base.
  const share = clauseForms.find((f) => f.role === 'share');
  const shareOf = share
    ? lastSubject(catalog, text, findForms(catalog, text, metric.sentence.start, share.start), scope)
    : null;
  // A subject from outside the phrase needs a phrase saying nothing of its own (两年 in
  // 两年平均增长 after a GDP figure names another quantity).
  const subject =
    shareOf ??
    lastSubject(catalog, text, phraseForms, scope) ??
    (rest === 'empty'
      ? (lastSubject(
          catalog,
          text,
          findForms(catalog, text, metric.sentence.start, Math.min(phrase.start, metric.span.start)),
          scope,
        ) ??
        previousSentenceSubject(catalog, text, metric.sentence.start) ??
        sectionSubject(catalog, ctx.sectionTitles))
      : null);
  if (!subject) return null;
  // A sentence that lists several quantities and then their numbers (二氧化硫、…、PM2.5平均浓度分别为
  // 11、…、33) gives each number no phrase of its own: which one is which is not read here.
  // …and a phrase coordinating several (城镇和农村居民人均可支配收入分别增长5.2%、7.4%) names each
  // number's subject only through the order of the list.
  if (
    COORDINATION.test(text.slice(phrase.start, phrase.end)) &&
    text.slice(phrase.start, metric.span.start).includes('分别')
  )
    return null;
  if (subject.end >= 0 && subject.end <= phrase.start && text.slice(subject.end, metric.span.start).includes('分别'))
    return null;

  const event = nearestEvent(catalog, text, metric, phrase, clause);
  // A subject only the sentence before or a section title names needs the clause to say what
  // happened to it.
  if (subject.distant && !event) return null;
  // A rate is named by a rate word in the phrase, or by the subject's own name (城镇化率) wherever
  // it was found (…城镇化率43.6%,比上年末提高0.7个百分点).
  const rateLike =
    phraseForms.some((f) => f.role === 'rate') ||
    endsWithRate(catalog, phraseForms) ||
    (rest === 'empty' && catalog.rateWords.some((w) => subject.form.endsWith(w)));
  const shareLike = share !== undefined;
  const baseIds = share
    ? clauseForms.filter((f) => f.role === 'subject' && f.start > share.start).map((f) => f.id)
    : [];
  // A change against a benchmark other than the year before (较2019年, 低于省控线) is not the year's change.
  const otherBase =
    clauseForms.some((f) => f.role === 'otherBase') || COMPARED_YEAR.test(text.slice(clause, metric.span.start));
  // …99359元，高于全市平均水平12645元; 年均投入500万元: an amount or a count after such a base is a
  // gap or an average, not the quantity itself (a rate's level there is the benchmark's: 低于4.5%的控制目标).
  // (较2019年同期51微克/立方米 is the same quantity in another year, and keeps its key.)
  if ((metric.kind === 'amount' || metric.kind === 'count') && clauseForms.some((f) => f.role === 'otherBase'))
    return null;

  const candidates = (catalog.bySubject.get(subject.id) ?? []).filter(
    (ind) =>
      measureFits(ind, metric, rateLike, shareLike) &&
      eventFits(ind, event) &&
      (ind.base === null || baseIds.length === 0 || baseIds.includes(ind.base)) &&
      (ind.requires === null || ind.requires.some((w) => text.slice(scope, metric.span.start).includes(w))) &&
      !(otherBase && ind.variant !== 'level'),
  );
  // An entry naming the event outranks one that takes any.
  const named = candidates.filter((ind) => ind.events !== null);
  const best = named.length > 0 ? named : candidates;
  return best.length === 1 ? best[0] : null;
}

/**
 * The phrase and the forms in it. A phrase that starts or stops inside a catalogue form (人出庭应诉率
 * of 负责人出庭应诉率; 人口自然 of 人口自然增长率, cut at the change word 增长) is read to the form's
 * edges; when such a form reaches the number, its change word was part of the name, and the metric
 * is a level.
 */
function readPhrase(
  catalog: Catalog,
  text: string,
  metric: MetricFacts,
): { phrase: Span; phraseForms: readonly FoundForm[]; changeInForm: boolean } {
  let span = metric.indicatorSpan ?? { start: metric.span.start, end: metric.span.start };
  // A phrase that is a bracketed gloss right before the number (审结行政复议案(含结转)2755件) is
  // not what is counted, unless it names a subject (生产总值(GDP)): the words before the bracket are.
  if (
    text[span.start - 1] === '(' &&
    /^\)\s*$/.test(text.slice(span.end, metric.span.start)) &&
    !findForms(catalog, text, span.start, span.end).some((f) => f.role === 'subject')
  ) {
    const open = span.start - 1;
    span = { start: clauseStart(text, open, metric.sentence.start), end: open };
  }
  if (span.end > metric.span.start)
    return { phrase: span, phraseForms: findForms(catalog, text, span.start, span.end), changeInForm: false };
  const from = clauseStart(text, span.start, metric.sentence.start);
  const forms = findForms(catalog, text, from, metric.span.start).filter(
    (f) => f.end > span.start && f.start < span.end,
  );
  // The phrase widened to its forms' edges (a loop: no arrays spread into Math.min for every metric).
  let start = span.start;
  let end = span.end;
  for (const f of forms) {
    if (f.start < start) start = f.start;
    if (f.end > end) end = f.end;
  }
  const reachesNumber = end > span.end && /^[\s为是达]*$/.test(text.slice(end, metric.span.start));
  return { phrase: { start, end }, phraseForms: forms, changeInForm: reachesNumber && metric.change !== null };
}

/**
 * A bulletin's section topic written as a label at the start of its first line (人口年末常住人口…,
 * 国民经济全年实现地区生产总值…, the line break after it lost) is not part of what is measured: the
 * phrase starts after it, unless a form runs on past it (工业增加值 is a subject, 工业 no label).
 */
function withoutTopicLabel<T extends { phrase: Span; phraseForms: readonly FoundForm[] }>(text: string, read: T): T {
  const { phrase, phraseForms } = read;
  if (phrase.start > 0 && text[phrase.start - 1] !== '\n') return read;
  let label = 0;
  for (const topic of BULLETIN_TOPICS)
    if (topic.length > label && text.startsWith(topic, phrase.start)) label = topic.length;
  const end = phrase.start + label;
  if (label === 0 || end >= phrase.end || phraseForms.some((f) => f.start < end && f.end > end)) return read;
  return { ...read, phrase: { start: end, end: phrase.end }, phraseForms: phraseForms.filter((f) => f.start >= end) };
}

/**
 * What the forms leave of the phrase: nothing, only neutral words (places, dates, numerals), or
 * content that qualifies the subject.
 */
function phraseRest(text: string, phrase: Span, forms: readonly FoundForm[]): 'empty' | 'neutral' | 'content' {
  let at = phrase.start;
  const pieces: string[] = [];
  for (const f of forms) {
    if (f.start > at) pieces.push(text.slice(at, f.start));
    at = f.end;
  }
  if (phrase.end > at) pieces.push(text.slice(at, phrase.end));
  let rest: 'empty' | 'neutral' = 'empty';
  for (const piece of pieces) {
    const words = piece.replace(/[\s\p{P}\p{S}]+/gu, '');
    if (words === '') continue;
    if (!mayBeNeutral(words)) return 'content';
    if (!tagWords(words).every((w) => NEUTRAL_WORD[w.tag]?.(w.word) ?? false)) return 'content';
    rest = 'neutral';
  }
  return rest;
}

/**
 * Where words that make a subject another one (民营经济 … 第一产业增加值) are looked for: the
 * sentence, and the one before it when this one opens with 其中 (its parts).
 */
function subjectScope(text: string, sentenceStart: number): number {
  if (!/^\s*其中/.test(text.slice(sentenceStart, sentenceStart + 6))) return sentenceStart;
  return sentenceStartBefore(text, sentenceStart - 1);
}

/** Where the sentence holding the character before `end` starts, read at most SENTENCE_REACH back. */
function sentenceStartBefore(text: string, end: number): number {
  const floor = Math.max(0, end - SENTENCE_REACH);
  let i = end;
  while (i > floor && !SENTENCE_END.at(text, i - 1)) i--;
  return i;
}

interface FoundSubject {
  id: string;
  /** Found in the sentence before or a section title, not the metric's own sentence. */
  distant: boolean;
  /** Where its form ends in the metric's sentence (-1 when distant). */
  end: number;
  /** The form as found (lower case). */
  form: string;
}

function lastOf<T>(list: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i])) return list[i];
  return undefined;
}

function isExcluded(catalog: Catalog, text: string, form: FoundForm, scope: number): boolean {
  const rule = catalog.excludes.get(form.id);
  if (!rule) return false;
  return (
    rule.before.some((w) => text.startsWith(w, form.start - w.length)) ||
    rule.inSentence.some((w) => {
      const at = text.indexOf(w, Math.max(scope, form.start - SENTENCE_REACH));
      return at >= 0 && at < form.start;
    })
  );
}

/** The head subject: the last one named, unless a word before it makes it another. */
function lastSubject(catalog: Catalog, text: string, forms: readonly FoundForm[], scope: number): FoundSubject | null {
  const subject = lastOf(forms, (f) => f.role === 'subject');
  if (!subject || isExcluded(catalog, text, subject, scope)) return null;
  return { id: subject.id, distant: false, end: subject.end, form: subject.text };
}

/**
 * The subject of the nearest sentence before that names one, within the paragraph and at most
 * PARAGRAPH_REACH sentences back: a paragraph goes on about it (受理行政复议案件130件。审结案件中
 * 维持43件…。直接纠错率20.5%).
 */
function previousSentenceSubject(catalog: Catalog, text: string, sentenceStart: number): FoundSubject | null {
  let end = sentenceStart;
  for (let n = 0; n < PARAGRAPH_REACH && end > 0 && text[end - 1] !== '\n'; n++) {
    const start = sentenceStartBefore(text, end - 1);
    const found = lastSubject(catalog, text, findForms(catalog, text, start, end), start);
    if (found) return { ...found, distant: true, end: -1 };
    end = start;
  }
  return null;
}

function sectionSubject(catalog: Catalog, titles: readonly string[]): FoundSubject | null {
  for (const title of titles) {
    const found = lastOf(findForms(catalog, title, 0, title.length), (f) => f.role === 'subject');
    if (found && !isExcluded(catalog, title, found, 0))
      return { id: found.id, distant: true, end: -1, form: found.text };
  }
  return null;
}

function clauseStart(text: string, from: number, floor: number): number {
  let i = from;
  while (i > floor && !CLAUSE_END.at(text, i - 1)) i--;
  return i;
}

/**
 * The event of a phrase after the number (9次案卷联审), else the one nearest before the number,
 * from the start of the clause holding the phrase (a change carried from the clause before,
 * 新受理…151件,同比增长…, reads that clause). A bracketed gloss (纠错(含撤销、确认违法)29件) is
 * not the clause's event.
 */
function nearestEvent(
  catalog: Catalog,
  text: string,
  metric: MetricFacts,
  phrase: Span,
  clause: number,
): string | null {
  if (phrase.start >= metric.span.end) {
    const inPhrase = findForms(catalog, text, phrase.start, phrase.end).find((f) => f.role === 'event');
    if (inPhrase) return inPhrase.id;
  }
  const events = findForms(catalog, text, clause, metric.span.start).filter((f) => f.role === 'event');
  return lastOf(events, (f) => !inBrackets(text, f.end, metric.span.start))?.id ?? null;
}

/** Whether a bracket open at `at` closes before `end`: the word is a gloss on what stands before it. */
function inBrackets(text: string, at: number, end: number): boolean {
  let depth = 0;
  for (let i = at; i < end; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') {
      if (depth === 0) return true;
      depth--;
    }
  }
  return false;
}

/** A subject or event form ending in a rate word (城镇化率, 优良天数比例) names a rate by itself. */
function endsWithRate(catalog: Catalog, forms: readonly FoundForm[]): boolean {
  const last = lastOf(forms, (f) => f.role === 'subject' || f.role === 'event');
  return last !== undefined && catalog.rateWords.some((w) => last.text.endsWith(w));
}

function eventFits(ind: Indicator, event: string | null): boolean {
  if (ind.events === null) return true;
  return event === null ? ind.events.includes('none') : ind.events.includes(event);
}

/** Whether the metric's kind, unit and change flag fit the indicator's measure and variant. */
function measureFits(ind: Indicator, m: MetricFacts, rateLike: boolean, shareLike: boolean): boolean {
  const changed = m.change !== null;
  const plain = !rateLike && !shareLike;
  switch (ind.measure) {
    case 'count':
    case 'amount': {
      const levelKind = ind.measure === 'count' ? 'count' : 'amount';
      // Without a list of measure words, the entry's own unit is the only one: a 培训人次 entry
      // never keys the 5期 of the training sessions.
      const unitOk = ind.units ? ind.units.includes(m.unit) : ind.unit === m.unit;
      if (ind.variant === 'level') return m.kind === levelKind && !changed && unitOk && plain;
      if (ind.variant === 'delta') return m.kind === levelKind && changed && unitOk && plain;
      if (ind.variant === 'change') return m.kind === 'percent' && changed && plain;
      return false;
    }
    case 'rate':
    case 'share': {
      const marked = ind.measure === 'rate' ? rateLike && !shareLike : shareLike;
      if (ind.variant === 'level') return m.kind === 'percent' && !changed && marked;
      if (ind.variant === 'change') return m.kind === 'percent' && changed && marked;
      if (ind.variant === 'pp') return m.kind === 'pp' && marked;
      return false;
    }
    case 'index':
      if (ind.variant === 'level') return m.kind === 'percent' && !changed && !shareLike;
      if (ind.variant === 'change') return m.kind === 'percent' && changed && !shareLike;
      if (ind.variant === 'pp') return m.kind === 'pp';
      return false;
    case 'rank':
      return m.kind === 'rank' && ind.variant === 'level';
    case 'ratio':
      return m.kind === 'ratio' && ind.variant === 'level';
  }
}
