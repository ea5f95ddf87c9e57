// Finds the numbers in a text: Arabic (1,234 / 1 167 / 1688.29), Chinese numeral runs (三, 两,
// 一千六百八十八点二九) and rate fractions (百分之三十, 万分之十). One left-to-right pass; runs
// are capped so a million digits or a million 一 cost linear time and yield nothing.
import { CharSet, isDigitCode } from '../text/chars.js';
import { NUMERAL_CHARS, parseChineseNumber } from '../text/chineseNumber.js';

export interface NumberToken {
  start: number;
  end: number;
  value: number;
  /**
   * 'arabic' | 'chinese' numeral, a 'fraction' such as 万分之十 (value already a percentage), or
   * 'unreadable': a run of digits too long to be a quantity (value NaN), reported as a warning.
   */
  form: 'arabic' | 'chinese' | 'fraction' | 'unreadable';
  /** A Chinese numeral that is only a scale word (千, 万): 近千条 reads it, 千家万户 does not. */
  bareScale: boolean;
}

const MAX_ARABIC = 24;
/** A middle dot typed for the decimal point (增长2·6%): read as one only between digits. */
const DECIMAL_DOTS = ['.', '\u00b7', '\u30fb', '\u2027', '\u2219'];
const MAX_CHINESE = 32;
const SCALE_ONLY = ['百', '千', '万', '亿', '佰', '仟', '兆'];
const FRACTION_BASE = [...SCALE_ONLY, '十', '拾'];

/** Financial digits are everyday words alone (陆部, 拾起, 伍仁); only longer numerals use them. */
const FINANCIAL = [...'壹贰貳叁參肆伍陆陸柒捌玖拾佰仟'];

const NUMERALS = new CharSet(NUMERAL_CHARS);
const DIGITS = new CharSet('0123456789');
const DOTS = new CharSet(DECIMAL_DOTS);
const SCALES = new CharSet(SCALE_ONLY);
const FRACTION_BASES = new CharSet(FRACTION_BASE);
const FINANCIALS = new CharSet(FINANCIAL);
/** Every character that can start a number. */
const STARTS_NUMBER = new CharSet([...NUMERAL_CHARS, ...'0123456789.']);

const SPACE = 0x20;
const DOT = 0x2e;

/**
 * The first number at or after `from`, or null when none is left; the next one is read from its
 * end. (A function the caller loops over, not a generator: resuming a generator for every number
 * cost a third of the scan.)
 */
export function nextNumberToken(text: string, from: number): NumberToken | null {
  const n = text.length;
  let i = from;
  while (i < n) {
    if (!STARTS_NUMBER.at(text, i)) {
      i++;
      continue;
    }
    if (DIGITS.at(text, i) || (text.charCodeAt(i) === DOT && DIGITS.at(text, i + 1) && !DIGITS.at(text, i - 1))) {
      const token = readArabic(text, i);
      return (
        token ?? {
          start: i,
          end: skipRun(text, i, isDigitOrSeparator),
          value: NaN,
          form: 'unreadable',
          bareScale: false,
        }
      );
    }
    if (NUMERALS.at(text, i)) {
      const fraction = readFraction(text, i);
      if (fraction) return fraction;
      const token = readChinese(text, i);
      if (token) return token;
      i = skipRun(text, i, (t, j) => NUMERALS.at(t, j));
      continue;
    }
    i++;
  }
  return null;
}

function isDigitOrSeparator(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return isDigitCode(c) || c === DOT || c === 0x2c;
}

function skipRun(text: string, i: number, inRun: (text: string, j: number) => boolean): number {
  let j = i + 1;
  while (j < text.length && inRun(text, j)) j++;
  return j;
}

function readArabic(text: string, start: number): NumberToken | null {
  let j = start;
  let digits = '';
  let seenDot = false;
  let intDigits = 0;
  while (j < text.length) {
    if (DIGITS.at(text, j)) {
      digits += text[j];
      if (!seenDot) intDigits++;
      j++;
      continue;
    }
    if (
      DOTS.at(text, j) &&
      !seenDot &&
      DIGITS.at(text, j + 1) &&
      (text.charCodeAt(j) === DOT || DIGITS.at(text, j - 1))
    ) {
      seenDot = true;
      digits += '.';
      j++;
      continue;
    }
    // 1,234 and 1 167: a separator counts only before a group of exactly three digits.
    const c = text.charCodeAt(j);
    if ((c === 0x2c || c === SPACE) && !seenDot && intDigits > 0 && isGroupOfThree(text, j + 1)) {
      if (c === SPACE && (intDigits > 3 || text.charCodeAt(start - 1) === SPACE)) break;
      j++;
      continue;
    }
    break;
  }
  if (digits.length > MAX_ARABIC || DIGITS.at(text, j)) return null;
  const value = Number(digits);
  if (!Number.isFinite(value)) return null;
  return { start, end: j, value, form: 'arabic', bareScale: false };
}

function isGroupOfThree(text: string, at: number): boolean {
  return DIGITS.at(text, at) && DIGITS.at(text, at + 1) && DIGITS.at(text, at + 2) && !DIGITS.at(text, at + 3);
}

function readChinese(text: string, start: number): NumberToken | null {
  if (start > 0 && NUMERALS.at(text, start - 1)) return null;
  let end = start;
  // Spaces may sit inside a numeral (一 百 五 十, 四点 五) when a numeral character follows.
  while (
    end < text.length &&
    end - start <= MAX_CHINESE &&
    (NUMERALS.at(text, end) ||
      (text.charCodeAt(end) === SPACE && NUMERALS.at(text, skipSpaces(text, end)) && skipSpaces(text, end) - end <= 4))
  )
    end++;
  if (end - start > MAX_CHINESE) return null;
  // 点 and 零 end words (重点, 三点要求) more often than they end numbers.
  while (end > start && (text[end - 1] === '点' || text[end - 1] === '點' || text[end - 1] === '零')) end--;
  // The longest prefix that reads as a numeral: 十四五 yields 十四, whose lack of a unit then
  // leaves it out.
  for (let e = end; e > start; e--) {
    if (text.charCodeAt(e - 1) === SPACE) continue;
    if (e - start === 1 && FINANCIALS.at(text, start)) return null;
    const value = readScale(text.slice(start, e));
    if (value === null) continue;
    let bareScale = true;
    for (let k = start; k < e; k++) if (!SCALES.at(text, k)) bareScale = false;
    return { start, end: e, value, form: 'chinese', bareScale };
  }
  return null;
}

/**
 * 百分之三十, 万分之十, 千万分之六, 百 分 之 2: a fraction whose base is a power of ten of at least a
 * hundred is a rate; its value becomes a percentage.
 */
function readFraction(text: string, start: number): NumberToken | null {
  let baseEnd = start;
  while (baseEnd < text.length && baseEnd - start < 8 && FRACTION_BASES.at(text, baseEnd)) baseEnd++;
  if (baseEnd === start) return null;
  let at = skipSpaces(text, baseEnd);
  if (text[at] !== '分') return null;
  at = skipSpaces(text, at + 1);
  if (text[at] !== '之') return null;
  const base = readScale(text.slice(start, baseEnd));
  if (base === null || base < 100 || !Number.isInteger(Math.log10(base))) return null;
  const from = skipSpaces(text, at + 1);
  let end = from;
  while (
    end < text.length &&
    end - from <= MAX_CHINESE &&
    (NUMERALS.at(text, end) ||
      isDigitOrSeparator(text, end) ||
      (text.charCodeAt(end) === SPACE && (NUMERALS.at(text, end + 1) || DIGITS.at(text, end + 1))))
  )
    end++;
  // The longest numerator that reads: 百分之七十百分位 → 七十.
  for (let e = end; e > from; e--) {
    if (text[e - 1] === ' ' || text[e - 1] === '点' || text[e - 1] === '.') continue;
    const numerator = parseChineseNumber(text.slice(from, e));
    if (numerator === null) continue;
    return {
      start,
      end: e,
      value: Number(((numerator * 100) / base).toPrecision(12)),
      form: 'fraction',
      bareScale: false,
    };
  }
  return null;
}

/** A numeral, reading a bare scale word as one of it: 万 → 10000 (上万人, 万分之十). */
function readScale(written: string): number | null {
  return parseChineseNumber(written) ?? (SCALES.at(written, 0) ? parseChineseNumber('一' + written) : null);
}

function skipSpaces(text: string, at: number): number {
  while (text.charCodeAt(at) === SPACE) at++;
  return at;
}
