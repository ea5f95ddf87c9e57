// Reads one complete numeral as written in Chinese reports: 两千, 1.2亿, 四万万, 拾亿零六万零五百零六,
// 二〇二四, 负三十二, 五百余万, 一百分之二, 十壹又十四分之壹, 16/5, -12e-1 …
//
// The text scanner calls this for every candidate span, so the reader is one left-to-right pass
// over char codes with table lookups: no regular expressions, no substrings, no per-call objects.
// Parser state lives in module variables (JS is single-threaded and nothing here re-enters).
//
// Grammar, informally:
//   numeral  = sign? ( part | part 又 fraction | arabic-int <space> fraction | fraction )
//   fraction = part 分之 sign? part   (denominator first)   |   part / part
//   part     = integer [点 digits] [scale…]  |  arabic-decimal [scale…]  |  digit-run
//   integer  = digits and units read with section accumulation (see readPart)

// ---- character tables --------------------------------------------------------------------------

/** Digit characters, including financial (大写) and traditional forms. */
const DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  // U+25CB WHITE CIRCLE: typed for 〇 so often in years (二○二四年) that refusing it loses real data.
  '○': 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  貳: 2,
  貮: 2,
  三: 3,
  叁: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

/** 两 means 2 before a unit but is never written digit by digit (二〇二二, not 两〇两两). */
const LIANG = '两兩倆';

/** Units as powers of ten. Big units (≥ 万) close a section; small ones build it. */
const UNITS: Readonly<Record<string, number>> = {
  十: 1,
  拾: 1,
  百: 2,
  佰: 2,
  千: 3,
  仟: 3,
  万: 4,
  萬: 4,
  亿: 8,
  億: 8,
  兆: 12,
};

/** Every character that can appear inside a Chinese numeral, for the text scanner. */
export const NUMERAL_CHARS: string = Object.keys(DIGITS).join('') + LIANG + Object.keys(UNITS).join('') + '点點负負';

/**
 * "About" words accepted inside a numeral and ignored for its value (十余万, 3万余, 一千多万,
 * 二十几亿). Kept out of NUMERAL_CHARS because on their own they are ordinary words.
 */
export const APPROX_CHARS = '余餘多几幾';

const NONE = 0,
  DIGIT = 1,
  TWO = 2,
  ZERO = 3,
  SMALL = 4,
  BIG = 5,
  POINT = 6,
  NEG = 7,
  PLUS = 8,
  APPROX = 9,
  SOME = 10,
  YOU = 11,
  FEN = 12,
  ZHI = 13,
  SLASH = 14,
  SPACE = 15,
  ARABIC = 16,
  DOT = 17,
  COMMA = 18,
  EXP = 19,
  POW = 20,
  HALF = 21,
  DOZEN = 22;

// Indexed by UTF-16 code unit; 128 KB once, against a Map lookup per character per call.
const KIND = new Uint8Array(0x10000);
const VAL = new Uint8Array(0x10000);
const mark = (chars: string, kind: number, value = 0): void => {
  for (const ch of chars) {
    KIND[ch.charCodeAt(0)] = kind;
    VAL[ch.charCodeAt(0)] = value;
  }
};
for (const [ch, v] of Object.entries(DIGITS)) mark(ch, v === 0 ? ZERO : DIGIT, v);
mark(LIANG, TWO, 2);
for (const [ch, e] of Object.entries(UNITS)) mark(ch, e >= 4 ? BIG : SMALL, e);
for (let d = 0; d < 10; d++) {
  mark(String(d), ARABIC, d);
  mark(String.fromCharCode(0xff10 + d), ARABIC, d);
}
mark('点點', POINT);
mark('负負-－−', NEG);
mark('+＋', PLUS);
mark('余餘多', APPROX);
mark('几幾', SOME);
mark('又', YOU);
mark('分', FEN);
mark('之', ZHI);
mark('/／', SLASH);
mark(' \t\n\r\u00a0\u3000', SPACE);
mark('.．', DOT);
mark(',', COMMA); // not '，': in Chinese prose that is a clause break, never a thousands separator
mark('eE', EXP);
mark('^', POW);
mark('半', HALF); // 半百 = 50
mark('打', DOZEN); // 一打 = 12

/** Value of a single Chinese digit character (三, 叁, 两, 〇 …), else undefined. */
export function chineseDigitValue(ch: string): number | undefined {
  if (ch.length !== 1) return undefined;
  const k = KIND[ch.charCodeAt(0)];
  return k === DIGIT || k === TWO || k === ZERO ? VAL[ch.charCodeAt(0)] : undefined;
}

// ---- exact decimal scaling ---------------------------------------------------------------------

const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
  1e21, 1e22,
]; // every one exactly representable

/**
 * mant × 10^exp with a single rounding. Decimals are carried as an integer mantissa plus a power of
 * ten, so 2.3亿 is 23 × 10⁷ = 230000000 exactly, where 2.3 * 1e8 would be 229999999.99999997
 * (and 1.005万 10049.999999999998). With an exact integer mantissa and |exp| ≤ 22 both operands
 * are exact, so
 * the one multiplication or division is correctly rounded, the same result as parseFloat.
 */
function scaled(mant: number, exp: number): number {
  if (exp >= 0) return mant * (exp <= 22 ? POW10[exp] : 10 ** exp);
  return mant / (exp >= -22 ? POW10[-exp] : 10 ** -exp);
}

// ---- reader state ------------------------------------------------------------------------------

let src = '';
let pos = 0;
let end = 0;
/** readPart consumed a leading bare 万/亿 as 1万/1亿: only valid as a denominator (万分之十). */
let bareBig = false;
/** readPart stopped at "<arabic int> <space> <digit>", the mixed-number form 1 3/5. */
let spacedMixed = false;
/** Results of readArabic. */
let aMant = 0;
let aExp = 0;
let aInt = false;

function skipSpace(): boolean {
  const start = pos;
  while (pos < end && KIND[src.charCodeAt(pos)] === SPACE) pos++;
  return pos > start;
}

/**
 * digits[,ddd…][.digits][e±n | ^±…n], leaving mantissa and power of ten in aMant/aExp; aInt says
 * it is a plain integer that may take a Chinese unit after it (3万4000, 1千零20).
 */
function readArabic(): boolean {
  let mant = 0,
    fd = 0,
    n = 0,
    group = 0,
    grouped = false;
  for (; pos < end; pos++) {
    const c = src.charCodeAt(pos),
      k = KIND[c];
    if (k === ARABIC) {
      mant = mant * 10 + VAL[c];
      n++;
      group++;
    } else if (k === COMMA) {
      // Separators must group by threes, or "1,2" (a list) would read as 12.
      if (group === 0 || group > 3 || (grouped && group !== 3)) return false;
      grouped = true;
      group = 0;
    } else break;
  }
  if (grouped && group !== 3) return false;
  aInt = true;
  if (pos < end && KIND[src.charCodeAt(pos)] === DOT) {
    pos++;
    for (; pos < end && KIND[src.charCodeAt(pos)] === ARABIC; pos++, fd++) mant = mant * 10 + VAL[src.charCodeAt(pos)];
    if (fd === 0) return false;
    aInt = false;
  }
  if (n + fd === 0) return false;
  aMant = mant;
  aExp = -fd;
  const k = pos < end ? KIND[src.charCodeAt(pos)] : NONE;
  if (k !== EXP && k !== POW) return true;
  // Exponents: 2e5, -12e-1, and Recognizers-Text's power forms 2^-1, -1.1^--23 (signs compound).
  pos++;
  let neg = false,
    e = 0,
    digits = 0;
  while (pos < end && (KIND[src.charCodeAt(pos)] === NEG || KIND[src.charCodeAt(pos)] === PLUS)) {
    if (KIND[src.charCodeAt(pos)] === NEG) neg = !neg;
    pos++;
    if (k === EXP) break; // 'e' takes at most one sign
  }
  for (; pos < end && KIND[src.charCodeAt(pos)] === ARABIC; pos++, digits++) e = e * 10 + VAL[src.charCodeAt(pos)];
  if (digits === 0) return false;
  aInt = false;
  if (neg) e = -e;
  if (k === EXP) aExp += e;
  else {
    aMant = scaled(mant, -fd) ** e;
    aExp = 0;
  }
  return true;
}

/** After a decimal (1.2, 一点五): multiplying units only, 1.2亿 / 4.78万亿 / 1.5千万, and one 余. */
function scaleTail(mant: number, exp: number): number {
  let approx = false;
  for (;;) {
    skipSpace();
    if (pos >= end) break;
    const k = KIND[src.charCodeAt(pos)];
    if (k === SMALL || k === BIG) exp += VAL[src.charCodeAt(pos)];
    else if (k === APPROX && !approx) approx = true;
    else break;
    pos++;
  }
  return scaled(mant, exp);
}

// Kind of the pending digit in readPart.
const D_NONE = 0,
  D_CN = 1,
  D_ARABIC = 2,
  D_SOME = 3,
  D_HALF = 4;

/** Closes the integer reading; a unit-less run of ≥ 2 digits is a digit-by-digit number (二〇二四). */
function integerValue(
  total: number,
  section: number,
  digit: number,
  dk: number,
  zero: boolean,
  lastUnit: number,
  run: number,
  runLen: number,
  runTwo: boolean,
): number {
  if (runLen > 1) return runTwo ? NaN : run;
  // 九十二万四, 两千四百五: a digit straight after a unit counts in the next unit down. After 零
  // (五亿零六) it is plain units.
  if (dk === D_CN && !zero && lastUnit > 0) digit *= POW10[lastUnit - 1];
  return total + section + (dk === D_NONE || dk === D_HALF ? 0 : digit);
}

/**
 * One number without sign or fraction, from pos. Stops at the first character it has no use for
 * (分, 又, /, a sign, anything foreign) and returns NaN if what it read is malformed.
 *
 * Section accumulation: small units (十百千) add digit × unit to `section`; a big unit (万亿兆)
 * moves the section into `total`. A big unit larger than any before it multiplies everything so
 * far (四千五百六十九万八千三百一十一亿 = 45698311 × 10⁸), one that directly follows another big
 * unit compounds with it (二十万亿, 四万万), and a smaller one adds a lower section.
 */
function readPart(allowBare: boolean): number {
  bareBig = false;
  spacedMixed = false;
  let total = 0,
    section = 0;
  let digit = 0,
    dk = D_NONE; // digit waiting for its unit
  let lastUnit = 0; // power of the latest unit, for the trailing-digit rule
  let sectionUnit = 99; // latest small unit in this section: they must fall (no 十百)
  let lastBig = 99,
    maxBig = 0,
    prevBig = 0; // prevBig: power of a big unit just read, else 0
  let zero = false,
    units = false,
    any = false,
    approx = false,
    tokens = 0;
  let run = 0,
    runLen = 0,
    runTwo = false; // digits before any unit, for 二〇二四

  for (; ; tokens++) {
    const spaced = skipSpace();
    if (pos >= end) break;
    const c = src.charCodeAt(pos),
      k = KIND[c];
    if (spaced && dk === D_ARABIC && k === ARABIC) {
      spacedMixed = true;
      break;
    }
    if (approx && k !== BIG) break; // 十余万 / 3万余: after 余 only a bigger unit may follow
    if (dk === D_HALF && k !== SMALL && k !== BIG) return NaN;
    if (k !== BIG) prevBig = 0;

    if (k === DIGIT || k === TWO) {
      if (units) {
        if (dk !== D_NONE) return NaN;
      } else {
        if (dk !== D_NONE && dk !== D_CN) return NaN;
        run = run * 10 + VAL[c];
        runLen++;
        runTwo ||= k === TWO;
      }
      digit = VAL[c];
      dk = D_CN;
      any = true;
    } else if (k === ZERO) {
      if (units) {
        if (dk !== D_NONE) return NaN;
        zero = true;
      } else {
        if (dk !== D_NONE && dk !== D_CN) return NaN;
        run *= 10;
        runLen++;
      }
      any = true;
    } else if (k === ARABIC || k === DOT) {
      const start = pos;
      if (dk !== D_NONE || runLen > 0 || !readArabic()) return NaN;
      if (!aInt) return tokens > 0 ? NaN : scaleTail(aMant, aExp);
      // After a unit, one Arabic digit reads like a Chinese one (2千5 = 2500, as 两千五); longer
      // ones are the whole lower section (3万4000).
      digit = aMant;
      dk = units && pos - start === 1 ? D_CN : D_ARABIC;
      any = true;
      continue; // readArabic already moved pos
    } else if (k === SMALL) {
      const e = VAL[c];
      if (runLen > 1 || dk === D_SOME || sectionUnit <= e) return NaN;
      section += (dk === D_NONE ? 1 : digit) * POW10[e]; // bare 十/百/千 means one of it
      sectionUnit = lastUnit = e;
      dk = D_NONE;
      zero = false;
      units = any = true;
      runLen = 0;
    } else if (k === BIG) {
      const e = VAL[c];
      if (runLen > 1) return NaN;
      if (dk !== D_NONE) section += digit;
      if (!any) {
        if (!allowBare || tokens > 0) return NaN; // 万一, 几万
        section = 1;
        bareBig = any = true;
      }
      if (prevBig) {
        if (e < prevBig) return NaN; // 亿万 is not a number
        total *= POW10[e];
        lastBig += e;
        if (lastBig > maxBig) maxBig = lastBig;
      } else if (e > maxBig) {
        total = (total + section) * POW10[e];
        lastBig = maxBig = e;
      } else if (e < lastBig) {
        total += section * POW10[e];
        lastBig = e;
      } else return NaN;
      section = 0;
      sectionUnit = 99;
      lastUnit = lastBig;
      prevBig = e;
      dk = D_NONE;
      zero = false;
      units = true;
      runLen = 0;
    } else if (k === POINT) {
      if (!any || dk === D_SOME) return NaN;
      const int = integerValue(total, section, digit, dk, zero, lastUnit, run, runLen, runTwo);
      pos++;
      let frac = 0,
        fd = 0;
      for (;;) {
        skipSpace();
        if (pos >= end) break;
        const d = src.charCodeAt(pos),
          dkind = KIND[d];
        // 两 is no decimal digit: 两百点两 is two numbers to Recognizers-Text and to readers.
        if (dkind !== DIGIT && dkind !== ZERO && dkind !== ARABIC) break;
        frac = frac * 10 + VAL[d];
        fd++;
        pos++;
      }
      if (fd === 0) return NaN;
      const mant = fd <= 15 ? int * POW10[fd] + frac : NaN;
      return Number.isSafeInteger(mant) ? scaleTail(mant, -fd) : scaleTail(int + scaled(frac, -fd), 0);
    } else if (k === APPROX) {
      if (!any || dk === D_SOME) return NaN;
      approx = true;
    } else if (k === SOME) {
      // 几 is an unknown digit: 二十几万 ≈ 200000, but 几十 / 几万 have no value to give.
      if (dk !== D_NONE || runLen > 0) return NaN;
      digit = 0;
      dk = D_SOME;
    } else if (k === HALF) {
      if (tokens > 0) return NaN;
      digit = 0.5;
      dk = D_HALF;
    } else if (k === DOZEN) {
      if (!any || dk === D_SOME) return NaN;
      pos++;
      return 12 * integerValue(total, section, digit, dk, zero, lastUnit, run, runLen, runTwo);
    } else break;
    pos++;
  }
  if (!any) return NaN;
  return integerValue(total, section, digit, dk, zero, lastUnit, run, runLen, runTwo);
}

/** One optional sign; true when negative. */
function readSign(): boolean {
  skipSpace();
  if (pos >= end) return false;
  const k = KIND[src.charCodeAt(pos)];
  if (k === NEG || k === PLUS) pos++;
  return k === NEG;
}

/** With pos on 分 or /, reads the other side. 分之 names the denominator first (三分之一 = 1/3). */
function readFraction(first: number, firstBare: boolean): number {
  const slash = KIND[src.charCodeAt(pos)] === SLASH;
  pos++;
  if (slash) {
    if (firstBare) return NaN;
  } else {
    skipSpace();
    if (pos >= end || KIND[src.charCodeAt(pos)] !== ZHI) return NaN;
    pos++;
  }
  const neg = readSign();
  let second = readPart(false);
  if (neg) second = -second;
  const den = slash ? second : first;
  return den === 0 ? NaN : (slash ? first : second) / den;
}

/**
 * The value of `text` if the whole of it (after trimming) is one numeral, else null.
 * 两千 → 2000, 1.2亿 → 120000000, 九十二万四 → 924000, 二〇二四 → 2024, 五百余万 → 5000000,
 * 万分之十 → 0.001, 十壹又十四分之壹 → 11.0714…, 16/5 → 3.2, 一切 → null.
 */
export function parseChineseNumber(text: string): number | null {
  src = text;
  pos = 0;
  end = text.length;
  while (end > 0 && KIND[text.charCodeAt(end - 1)] === SPACE) end--;
  skipSpace();
  if (pos >= end) return null;
  const neg = readSign();
  let value = readPart(true);
  if (Number.isNaN(value)) return null;
  const bare = bareBig;
  skipSpace();
  if (pos < end) {
    const k = KIND[src.charCodeAt(pos)];
    if (k === FEN || k === SLASH) value = readFraction(value, bare);
    else if (k === YOU || spacedMixed) {
      // Mixed number: 一又二分之一, 1 3/5. The part after 又 must be a fraction.
      if (bare) return null;
      if (k === YOU) pos++;
      const first = readPart(true),
        firstBare = bareBig;
      skipSpace();
      if (Number.isNaN(first) || pos >= end) return null;
      const k2 = KIND[src.charCodeAt(pos)];
      if (k2 !== FEN && k2 !== SLASH) return null;
      value += readFraction(first, firstBare);
    } else return null;
    if (Number.isNaN(value)) return null;
    skipSpace();
    if (pos < end) return null;
  } else if (bare) return null; // 万, 万万
  return neg ? -value : value;
}
