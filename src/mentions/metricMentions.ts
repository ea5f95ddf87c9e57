// Stage 4: mentions. Numbers become metric mentions when a unit, percent sign, money word or
// rank form makes them a quantity; the exclusion tables drop names, ordinals and articles.
import type { Approx, MetricKind, Warning } from '../model/schema.js';
import {
  AFTER_NOT_COUNT,
  BEFORE_NOT_COUNT,
  COUNT_TRIGGERS,
  MEETING_WORDS,
  MONEY_CONTEXT,
  PHASE_AFTER,
  PLACED_FIRST,
  ORDINAL_NOUNS,
  RANK_CONTEXT,
  THRESHOLD_WORDS,
  ACTION_BEFORE_THRESHOLD,
  PACKAGE_NOUNS,
  PACKAGE_NOUN_REACH,
  PACKAGE_UNITS,
  PACKAGE_NOT_AFTER,
  RATE_BASE_BEFORE,
  RATIO_CHANGE_VERBS,
  SECOND_ROUND,
  SURVEY_AFTER_RATE,
  endsWithAny,
  insideFixedPhrase,
  insideShortQuote,
  isHan,
  startsWithAny,
} from './exclusions.js';
import { nextNumberToken, type NumberToken } from './numberTokens.js';
import {
  CharSet,
  clauseBefore,
  isAsciiLetter,
  isAsciiLetterCode,
  isDigit,
  UNIT_SHARING_JOINERS,
} from '../text/chars.js';
import {
  CHINESE_NUMERAL_UNITS,
  DAY_COUNT_CUES,
  ELECTRICITY_UNIT,
  DAY_UNIT,
  AGE_CUES,
  PER_HUNDRED_RATIOS,
  IMPLIED_UNITS,
  IMPLIED_UNIT_AFTER,
  IMPLIED_UNIT_VERBS,
  INNER_MORE_THAN,
  PERIOD_AFTER_UNIT,
  PERIOD_YEAR_ENDINGS,
  PERIOD_YEAR_WORD,
  RANK_MOVES,
  LATIN_UNIT,
  PER_UNIT,
  TENTHS_ALLOWED_AFTER,
  WORD_START_UNITS,
  scaleAt,
  unitAt,
  type UnitRule,
} from './units.js';

export interface Mention {
  /** The raw span: number, inner 余/多, scale and unit (no leading 近/约/超). */
  start: number;
  end: number;
  value: number;
  unit: string;
  kind: MetricKind;
  /** Set by 余/多 inside the raw; words around it are read later. */
  approx: Approx;
  numberStart: number;
  numberEnd: number;
  /** What the number was multiplied by (万 → 1e4, ‰ → 0.1), for a range partner sharing the unit. */
  factor: number;
}

const ORDINAL_MARK = '第'.charCodeAt(0);
const RATE_BASE_MARK = RATE_BASE_BEFORE.charCodeAt(0);
const PLUS = 0x2b;
const SPACE = 0x20;
const SLASH = 0x2f;

/**
 * content.lastIndexOf('第', at) >= at - reach, read over those characters only: lastIndexOf
 * searched back to the start of the text whenever no 第 stood near.
 */
function ordinalWithin(content: string, at: number, reach: number): boolean {
  if (at - reach < 0) return true; // lastIndexOf's -1 passes too
  for (let i = at; i >= at - reach; i--) if (content.charCodeAt(i) === ORDINAL_MARK) return true;
  return false;
}

/** INNER_MORE_THAN (one character each) by character code: looked for after every number. */
const MORE_THAN = new CharSet(INNER_MORE_THAN);

/** Drops binary noise from scaling (2.3 × 1e8); integers and unscaled values pass as they are. */
const round = (x: number) => (Number.isInteger(x) ? x : Number(x.toPrecision(12)));

/**
 * A stretch of the text read on its own (parseReport reads a long text a part at a time), from a
 * line start to a line start: no number runs over a line break. `mentionBefore` is the last
 * mention of the text before it, which a mention's reading looks back at (its scale, a list).
 */
export interface TextPart {
  start: number;
  end: number;
  mentionBefore: Mention | undefined;
}

/**
 * Finds metric mentions in `content` (normalised, noise blanked), in `part` of it (default: all).
 * Units are recorded as written in `source`, which has the same length.
 */
export function findMentions(
  content: string,
  source: string,
  warnings: Warning[] = [],
  part: TextPart = { start: 0, end: content.length, mentionBefore: undefined },
): Mention[] {
  const mentions: Mention[] = [];
  const lastKept = () => mentions.at(-1) ?? part.mentionBefore;
  // Bare numbers just before, each joined to the next (0.42、-3.15和2.73个百分点): they share its unit.
  let waiting: NumberToken[] = [];
  for (
    let token = nextNumberToken(content, part.start);
    token && token.start < part.end;
    token = nextNumberToken(content, token.end)
  ) {
    // The scale and unit of the last mention (1688.29万元) are not numbers of their own.
    if (token.start < (lastKept()?.end ?? 0)) continue;
    if (token.form === 'unreadable') {
      // Only runs long enough to look like a quantity gone wrong; phone and ID numbers are not reported.
      if (token.end - token.start > 24)
        warnings.push({
          code: 'unreadable-number',
          message: `a run of ${token.end - token.start} digits is not read as a number`,
          span: { start: token.start, end: token.end },
        });
      waiting = [];
      continue;
    }
    const mention = readMention(content, source, token, lastKept());
    if (mention === 'excluded') {
      waiting = [];
      continue;
    }
    if (mention === null) {
      const last = waiting.at(-1);
      if (last && joined(content, last.end, token.start) && waiting.length < 12) waiting.push(token);
      else waiting = [token];
      continue;
    }
    // Spans never overlap: a mention reaching back (第 before the number) into the last one is dropped.
    if (mention.start < (lastKept()?.end ?? 0)) continue;
    // (Most mentions have no bare numbers waiting: nothing to share, nothing to allocate.)
    if (waiting.length > 0) mentions.push(...shareUnit(content, waiting, mention));
    waiting = [];
    mentions.push(mention);
  }
  return mentions;
}

/** A mention; null for a bare number (no unit: maybe a range's first half); 'excluded' for a non-metric. */
function readMention(
  content: string,
  source: string,
  token: NumberToken,
  lastKept: Mention | undefined,
): Mention | null | 'excluded' {
  if (token.form === 'fraction')
    return excluded(content, token, token.end)
      ? 'excluded'
      : {
          start: token.start,
          end: token.end,
          value: token.value,
          unit: '%',
          kind: 'percent',
          approx: null,
          numberStart: token.start,
          numberEnd: token.end,
          factor: 1,
        };
  // The character before the number, read once by code (every number comes here; content[i]
  // would make a new string of a Chinese character).
  const before = content.charCodeAt(token.start - 1);
  if (before === ORDINAL_MARK) return readRank(content, token);
  // 按每十万名人口计, 每万人: the base of a rate.
  if (before === RATE_BASE_MARK) return 'excluded';
  // G20, 5+2, 1+2+X: names and formulae.
  if (isAsciiLetterCode(before) || before === PLUS) return 'excluded';

  let at = token.end;
  let approx: Approx = null;
  let factor = 1;
  while (content.charCodeAt(at) === SPACE && at - token.end < 4) at++;
  if (MORE_THAN.at(content, at) && !unitAt(content, at)) {
    approx = 'more_than';
    at++;
  }
  const scale = token.form === 'arabic' || approx ? scaleAt(content, at) : null;
  if (scale) {
    factor = scale.factor;
    at += scale.text.length;
  }
  if (!approx && MORE_THAN.at(content, at)) {
    approx = 'more_than';
    at++;
  }

  let found = unitAt(content, at);
  if (found && LATIN_UNIT.test(found.rule.text) && /[A-Za-z0-9]/.test(content[found.end] ?? '')) found = null;
  const rule = found && tenthsAllowed(content, found) ? found.rule : null;
  if (!found || !rule) {
    const ratio = readRatio(content, token, lastKept);
    if (ratio) return ratio;
    const share = readSlashFraction(content, token);
    if (share) return share;
    const implied = readImpliedUnit(content, token, at, factor, approx);
    if (implied) return implied;
    const big = readBigCount(content, token, at, factor);
    if (big) return excluded(content, token, big.end) ? 'excluded' : big;
    const money = readBareMoney(content, token, at, factor, approx);
    if (money) return money;
    return content[at] === '+' ? 'excluded' : null;
  }
  let end = found.end;
  let unit = rule.base ?? source.slice(at, end);
  if (rule.kind === 'count' && startsWithAny(content, end, PERIOD_AFTER_UNIT)) return 'excluded';
  if (
    rule.kind === 'count' &&
    content.startsWith(PERIOD_YEAR_WORD, end) &&
    (!isHan(content[end + 2]) || startsWithAny(content, end + 2, PERIOD_YEAR_ENDINGS))
  )
    return 'excluded';
  if (rule.text === DAY_UNIT && !countsDays(content, token, lastKept)) return null;
  if (rule.text === '岁' && !AGE_CUES.some((cue) => clauseBefore(content, token.start, 12, ',。;').includes(cue)))
    return 'excluded';
  // 后退9位, 前进3位: a move in a ranking, counted in places.
  if (rule.text === '位' && endsWithAny(content, token.start, RANK_MOVES)) {
    return {
      start: token.start,
      end,
      value: token.value,
      unit: '名次',
      kind: 'rank',
      approx,
      numberStart: token.start,
      numberEnd: token.end,
      factor: 1,
    };
  }
  // 1.66万元/床位, 5批次/千人: a per-unit stays part of the unit.
  if (rule.kind === 'amount' || rule.kind === 'count') {
    // (PER_UNIT starts with a slash: most units have none after them, and nothing is sliced.)
    const per = content.charCodeAt(end) === SLASH ? PER_UNIT.exec(content.slice(end, end + 8)) : null;
    if (per) {
      unit += source.slice(end, end + per[0].length);
      end += per[0].length;
    }
  }
  if (token.bareScale && !bareScaleIsQuantity(content, token, approx)) return 'excluded';
  if (token.form === 'chinese' && rule.kind === 'count' && !chineseCountAllowed(content, token, rule.text, lastKept))
    return 'excluded';
  if (excluded(content, token, end)) return 'excluded';
  if (rule.kind === 'percent' && startsWithAny(content, end, SURVEY_AFTER_RATE)) return 'excluded';
  if (rule.kind === 'count' && content[end] === '+') return 'excluded';
  if (
    rule.kind === 'count' &&
    (endsWithAny(content, token.start, BEFORE_NOT_COUNT) || startsWithAny(content, end, AFTER_NOT_COUNT))
  )
    return 'excluded';
  if (
    rule.text === '期' &&
    token.form === 'chinese' &&
    (startsWithAny(content, end, PHASE_AFTER) || content[token.start - 1] === '(')
  )
    return 'excluded';
  if (
    rule.text === '次' &&
    (startsWithAny(content, end, MEETING_WORDS) ||
      content[token.start - 1] === '届' ||
      // 县十六届人大五次会议: a session of a congress named a few characters before
      (content.startsWith('会议', end) && clauseBefore(content, token.start, 6, ',。;').includes('届')))
  )
    return 'excluded';
  // 二次转办, 二次供水: second-round, not a count (two times is 两次).
  if (
    rule.text === '次' &&
    content.startsWith(SECOND_ROUND, token.start) &&
    end === token.start + 2 &&
    isHan(content[end])
  )
    return 'excluded';
  if (PACKAGE_UNITS.includes(rule.text) && namesPackage(content, token, end)) return 'excluded';
  // 第六、七次会议: the second of a list of ordinals.
  if (
    content[token.start - 1] === '、' &&
    ordinalWithin(content, token.start, 5) &&
    !/[,。;]/.test(content.slice(Math.max(0, token.start - 5), token.start))
  )
    return 'excluded';
  if (rule.text === ELECTRICITY_UNIT && !clauseBefore(content, token.start, 12, ',。;').includes('电')) return null;
  // 五个一工程, 三个一批: a slogan counting slogans.
  if (token.form === 'chinese' && rule.text === '个' && '一二两三'.includes(content[end]) && !isDigit(content[end + 1]))
    return 'excluded';
  // 500人以上民营企业: the phrase says which enterprises, it does not count them. (90%以上的案件 is a share.)
  const threshold = rule.kind === 'count' ? startsWithAny(content, end, THRESHOLD_WORDS) : null;
  if (
    threshold &&
    isHan(content[end + threshold.length]) &&
    !endsWithAny(content, token.start, ACTION_BEFORE_THRESHOLD)
  )
    return 'excluded';
  factor *= tenthsFactor(rule.text, token.value) ?? rule.factor ?? 1;
  let value = token.value * factor;
  if (rule.text === '成' && content[end] === '半') {
    value += 5;
    end++;
  }
  // -22.2%, 负3.9%: a signed rate (not the second half of a range such as 3-5%).
  let start = token.start;
  const sign = content[start - 1];
  if (
    (rule.kind === 'percent' || rule.kind === 'pp') &&
    (sign === '负' || (sign === '-' && !isDigit(content[start - 2]) && content[start - 2] !== '.'))
  ) {
    value = -value;
    start--;
  }
  return {
    start,
    end,
    value: round(value),
    unit,
    kind: rule.kind,
    approx,
    numberStart: token.start,
    numberEnd: token.end,
    factor,
  };
}

/** 优良天数272天, and 比上年增加29天 right after it: days counted, not a time span. */
function countsDays(content: string, token: NumberToken, lastKept: Mention | undefined): boolean {
  const clause = clauseBefore(content, token.start, 12, ',。;');
  if (DAY_COUNT_CUES.some((cue) => clause.includes(cue))) return true;
  return (
    lastKept !== undefined &&
    token.start - lastKept.end <= 12 &&
    content[lastKept.end - 1] === DAY_UNIT &&
    !/[。;]/.test(content.slice(lastKept.end, token.start))
  );
}

/** 九成以上, 八五折 and 98.5分 are quantities; 成本, 折合, 一成不变 and 3分钟 are words. */
function tenthsAllowed(content: string, found: { rule: UnitRule; end: number }): boolean {
  if (!WORD_START_UNITS.has(found.rule.text)) return true;
  return !isHan(content[found.end]) || startsWithAny(content, found.end, TENTHS_ALLOWED_AFTER) !== null;
}

/** 9.5折 is 95%, but 75折 is 75%: two digits already read as a percentage. */
function tenthsFactor(unit: string, value: number): number | undefined {
  if (unit === '折') return value < 10 ? 10 : 1;
  return undefined;
}

function excluded(content: string, token: NumberToken, end: number): boolean {
  return (
    insideFixedPhrase(content, token.start, end) ||
    (token.form !== 'arabic' && insideShortQuote(content, token.start, end))
  );
}

/** 三个, 两名, 四期 count; 一个 is usually an article; 三类 and 千家万户 name categories. */
function chineseCountAllowed(
  content: string,
  token: NumberToken,
  unit: string,
  lastKept: Mention | undefined,
): boolean {
  if (!CHINESE_NUMERAL_UNITS.has(unit)) return false;
  if (token.value === 1 && token.end - token.start === 1) {
    // 配备两名公证员、一名后备公证: 一名 continues a list of counts. (一个平台…、一套流程 does not.)
    if (content[token.start - 1] === '、' && lastKept && continuesList(content, lastKept.end, token.start)) return true;
    const clause = clauseBefore(content, token.start, 4, ',。;');
    return COUNT_TRIGGERS.some((w) => clause.includes(w));
  }
  return true;
}

/** 近千条, 上万人 and 千余人 are quantities; 千家万户, 百姓 and 万元 after a number are not. */
function bareScaleIsQuantity(content: string, token: NumberToken, approx: Approx): boolean {
  const before = content[token.start - 1];
  return approx !== null || before === '近' || before === '约' || before === '上' || before === '逾' || before === '超';
}

/** Whether the only break between the last count and this one is a single 、 (one list). */
function continuesList(content: string, from: number, to: number): boolean {
  if (to - from > 20) return false;
  const between = content.slice(from, to);
  return between.indexOf('、') === between.length - 1 && !/[,;。:!?\n]/.test(between);
}

/** 第3名, 全省第29名, 位列全市第五; 第二批 and 第一议题 are ordinals, not ranks. */
function readRank(content: string, token: NumberToken): Mention | 'excluded' {
  const start = token.start - 1;
  let end = token.end;
  const place = content[end] === '名' || content[end] === '位' ? content[end] : null;
  // 把尽职尽责摆在工作的第一位: putting something first is an idiom, not a ranking.
  const clause = clauseBefore(content, start, 16, ',。;');
  if (place && PLACED_FIRST.some((w) => clause.includes(w))) return 'excluded';
  if (place && !startsWithAny(content, end, ['名单', '位置', '位于'])) end++;
  else {
    if (startsWithAny(content, end, ORDINAL_NOUNS)) return 'excluded';
    // 居全省各县(市、区)第一: a bracketed aside does not end the clause.
    const near = clause.replace(/\([^()]*\)/g, '').slice(-8);
    // 位居全省县域经济第4、营商环境第6: a list of ranks goes on after the first.
    if (
      !RANK_CONTEXT.some((w) => near.includes(w)) &&
      !RANK_LIST_BEFORE.test(clause) &&
      !RANKING_VERB_IN_CLAUSE.test(clause)
    )
      return 'excluded';
    // 排名全省第一全国第四: another rank may follow at once.
    if (isHan(content[end]) && !startsWithAny(content, end, ['的', '和', '与', '位', ...RANK_CONTEXT]))
      return 'excluded';
  }
  if (!Number.isInteger(token.value) || token.value <= 0) return 'excluded';
  // 列全市倒数第二: a rank from the bottom is negative (GUIDE), and 倒数 is part of raw.
  const fromBottom = content.startsWith('倒数', start - 2);
  return {
    start: fromBottom ? start - 2 : start,
    end,
    value: fromBottom ? -token.value : token.value,
    unit: '名次',
    kind: 'rank',
    approx: null,
    numberStart: token.start,
    numberEnd: token.end,
    factor: 1,
  };
}

/** 位居全国百强县投资潜力第3: a two-character ranking verb anywhere in the clause places it. */
const RANKING_VERB_IN_CLAUSE = /位居|位列|名列|排名|排位/;
/** A rank listed after another in the same clause: …第4、营商环境 (before 第6). */
const RANK_LIST_BEFORE = /第[\d一二三四五六七八九十]+[名位]?、[^、,;。]{1,10}$/;

/** Words that state a ratio (收入比为2.026), and words ending in 比 that compare instead (同比). */
const RATIO_WORDS = ['比为', '比是', '比达', '比'];
const COMPARISON_WORDS = ['同比', '环比', '对比', '相比', '占比'];

/** A ratio mention (a function of its own: a closure made for every number without a unit cost an allocation each). */
function ratioMention(token: NumberToken, end: number, value: number): Mention {
  return {
    start: token.start,
    end,
    value: round(value),
    unit: ':1',
    kind: 'ratio',
    approx: null,
    numberStart: token.start,
    numberEnd: token.end,
    factor: 1,
  };
}

/**
 * 1.04:1, 104.6:100 (→ 1.046), and 收入比2.026 (a ratio stated as one number); its change stated
 * bare right after it (比上年缩小0.04). A structure of three or more parts (11.6:40.2:48.2) is not a
 * metric.
 */
function readRatio(content: string, token: NumberToken, lastKept: Mention | undefined): Mention | 'excluded' | null {
  if (token.form !== 'arabic') return null;
  if (content[token.start - 1] === ':' && isDigit(content[token.start - 2])) return 'excluded';
  if (content[token.end] === ':' && isDigit(content[token.end + 1])) {
    let end = token.end + 1;
    while (isDigit(content[end]) || (content[end] === '.' && isDigit(content[end + 1]))) end++;
    if (content[end] === ':' && isDigit(content[end + 1])) return 'excluded';
    if (isDigit(content[end]) || isAsciiLetter(content[end])) return null;
    const base = Number(content.slice(token.end + 1, end));
    if (base === 1 || base === 100) return ratioMention(token, end, token.value / base);
    return null;
  }
  const before = endsWithAny(content, token.start, RATIO_WORDS);
  if (
    before &&
    !endsWithAny(content, token.start, COMPARISON_WORDS) &&
    isHan(content[token.start - before.length - 1])
  ) {
    if (isHan(content[token.end]) || isDigit(content[token.end])) return null;
    const perHundred =
      token.value > 10 && PER_HUNDRED_RATIOS.some((w) => clauseBefore(content, token.start, 8, ',。;').includes(w));
    return ratioMention(token, token.end, perHundred ? token.value / 100 : token.value);
  }
  // 城乡收入比为1.85,比上年缩小0.04: the ratio's change, in the same sentence, with no unit of its own.
  if (
    lastKept?.unit === ':1' &&
    token.start - lastKept.end <= 16 &&
    endsWithAny(content, token.start, RATIO_CHANGE_VERBS) &&
    !/[。;\n]/.test(content.slice(lastKept.end, token.start)) &&
    !isHan(content[token.end]) &&
    !isDigit(content[token.end])
  )
    return ratioMention(token, token.end, token.value);
  return null;
}

/** 约占全市1/5: a share written as a fraction, a rough percentage. */
function readSlashFraction(content: string, token: NumberToken): Mention | null {
  if (token.form !== 'arabic' || content[token.end] !== '/' || !Number.isInteger(token.value)) return null;
  if (content[token.start - 1] === '/' || content[token.start - 1] === '.') return null;
  let end = token.end + 1;
  while (isDigit(content[end]) && end - token.end <= 2) end++;
  if (end === token.end + 1 || isDigit(content[end]) || '/.-:'.includes(content[end] ?? '')) return null;
  if (isAsciiLetter(content[end]) || scaleAt(content, end)) return null;
  const base = Number(content.slice(token.end + 1, end));
  if (base < 2 || base > 20 || token.value < 1 || token.value >= base) return null;
  return {
    start: token.start,
    end,
    value: round((token.value * 100) / base),
    unit: '%',
    kind: 'percent',
    approx: 'about',
    numberStart: token.start,
    numberEnd: token.end,
    factor: 1,
  };
}

/** 户籍人口60多万 → 人: a sum in 万/亿 with no unit, whose indicator implies one (IMPLIED_UNITS). */
function readImpliedUnit(
  content: string,
  token: NumberToken,
  at: number,
  factor: number,
  approx: Approx,
): Mention | null {
  if (factor < 1e4 || isAsciiLetter(content[at]) || isDigit(content[at])) return null;
  if (isHan(content[at]) && !startsWithAny(content, at, IMPLIED_UNIT_AFTER)) return null;
  const clause = clauseBefore(content, token.start, 12, ',。;:、(');
  for (const { words, unit } of IMPLIED_UNITS)
    for (const word of words)
      for (const verb of IMPLIED_UNIT_VERBS)
        if (clause.endsWith(word + verb))
          return {
            start: token.start,
            end: at,
            value: round(token.value * factor),
            unit,
            kind: 'count',
            approx,
            numberStart: token.start,
            numberEnd: token.end,
            factor,
          };
  return null;
}

/**
 * 二十条措施, 20项创新举措, 五大行动: a numbered package of measures, a programme's name. Such names
 * are written in Chinese numerals, or in digits right after the name they belong to (高质量发展30项措施);
 * after a verb (落实62条整改措施) or in a list (34项任务、86项指标) digits count.
 */
function namesPackage(content: string, token: NumberToken, end: number): boolean {
  const clause = clauseBefore(content, token.start, 4, ',。;');
  if (COUNT_TRIGGERS.some((w) => clause.includes(w))) return false;
  if (
    token.form === 'arabic' &&
    (!isHan(content[token.start - 1]) || endsWithAny(content, token.start, PACKAGE_NOT_AFTER))
  )
    return false;
  for (let k = end; k <= end + PACKAGE_NOUN_REACH && isHan(content[k]); k++)
    if (startsWithAny(content, k, PACKAGE_NOUNS)) return true;
  return false;
}

/**
 * 累计完成投资920万, 纳税200万: a sum in 万/亿 with its 元 left out, where the clause names money
 * and nothing follows the scale.
 */
function readBareMoney(
  content: string,
  token: NumberToken,
  at: number,
  factor: number,
  approx: Approx,
): Mention | null {
  if (factor < 1e4 || token.form !== 'arabic' || isHan(content[at]) || isAsciiLetter(content[at])) return null;
  const clause = clauseBefore(content, token.start, 10, ',。;:、');
  if (!MONEY_CONTEXT.some((w) => clause.endsWith(w) || clause.endsWith(w + '达') || clause.endsWith(w + '为')))
    return null;
  return {
    start: token.start,
    end: at,
    value: round(token.value * factor),
    unit: '元',
    kind: 'amount',
    approx,
    numberStart: token.start,
    numberEnd: token.end,
    factor,
  };
}

/** 3大类 is in the unit table; 六大执法领域 counts with unit 大 when a noun follows. */
function readBigCount(content: string, token: NumberToken, at: number, factor: number): Mention | null {
  if (content[at] !== '大' || factor !== 1 || !isHan(content[at + 1])) return null;
  if (
    startsWithAny(content, at + 1, ['会', '精神', '以来', '代表', '报告', '召开', '期间', '胜利', '提升', '幅', '力'])
  )
    return null;
  if (token.value < 2 || token.value > 20 || !Number.isInteger(token.value)) return null;
  if (namesPackage(content, token, at + 1)) return null;
  return {
    start: token.start,
    end: at + 1,
    value: token.value,
    unit: '大',
    kind: 'count',
    approx: null,
    numberStart: token.start,
    numberEnd: token.end,
    factor: 1,
  };
}

/** The bare numbers of `waiting` joined to the mention, each given its unit (a range, a list). */
function shareUnit(content: string, waiting: NumberToken[], mention: Mention): Mention[] {
  let first = waiting.length;
  let next = mention.numberStart;
  while (first > 0 && joined(content, waiting[first - 1].end, next)) {
    next = waiting[first - 1].start;
    first--;
  }
  const shared: Mention[] = [];
  for (const partner of waiting.slice(first)) {
    if (partner.form !== 'arabic' && partner.form !== 'chinese') return [];
    // 分别拉动0.42、-3.15和2.73个百分点: a list item keeps its sign (a range's 3-5% has none).
    const signed =
      (mention.kind === 'percent' || mention.kind === 'pp') &&
      content[partner.start - 1] === '-' &&
      UNIT_SHARING_JOINERS.includes(content[partner.start - 2] ?? '') &&
      content[partner.start - 2] !== '-';
    shared.push({
      ...mention,
      start: signed ? partner.start - 1 : partner.start,
      end: partner.end,
      value: round((signed ? -1 : 1) * partner.value * mention.factor),
      approx: null,
      numberStart: partner.start,
      numberEnd: partner.end,
    });
  }
  return shared;
}

/**
 * Whether the text between two numbers joins them into a range or a list sharing a unit: a joiner
 * (30%和 20%: spaces change nothing), a run of dashes (3---5人), or a joiner and a minus sign (、-3.15).
 */
function joined(content: string, from: number, to: number): boolean {
  if (to - from > 6) return false;
  let between = content.slice(from, to).trim();
  if (between.length > 1 && /^-+$/.test(between)) return true;
  if (between.length > 1 && between.endsWith('-')) between = between.slice(0, -1).trim();
  return UNIT_SHARING_JOINERS.includes(between);
}
