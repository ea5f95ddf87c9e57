import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { APPROX_CHARS, NUMERAL_CHARS, chineseDigitValue, parseChineseNumber } from '../src/text/chineseNumber.js';

// Exact equality wherever the value is exactly representable; toBeCloseTo only for repeating
// fractions (1/3 and friends).
const exact: Array<[string, number]> = [
  // Arabic
  ['182', 182],
  ['0', 0],
  ['1,100.9', 1100.9],
  ['1,234', 1234],
  ['1,050,000,000', 1050000000],
  ['10,000.233', 10000.233],
  ['.23456000', 0.23456],
  ['-.5', -0.5],
  ['+7', 7],
  ['-12e-1', -1.2],
  ['2e5', 200000],
  ['-127.32e13', -1.2732e15],
  ['2.7890e-1', 0.2789],
  ['2^5', 32],
  ['2^-1', 0.5],
  ['１６', 16],
  ['３', 3],
  ['１２．５', 12.5],
  ['  42  ', 42],
  // Arabic with Chinese scale
  ['1.2亿', 120000000],
  ['38.5万', 385000],
  ['3万', 30000],
  ['1,100.9亿', 110090000000],
  ['1,100万', 11000000],
  ['8000千', 8000000],
  ['7 萬5 千4 百', 75400],
  ['5萬4千6百', 54600],
  ['1000  万', 10000000],
  ['4.78万亿', 4780000000000],
  ['1688.29万', 16882900],
  // Naive float scaling gets these wrong (2.3 * 1e8 = 229999999.99999997)
  ['2.3亿', 230000000],
  ['4.35亿', 435000000],
  ['1.1亿', 110000000],
  ['0.07万', 700],
  ['1.005万', 10050],
  ['二点三亿', 230000000],
  ['1.5千万', 15000000],
  ['10万万', 1000000000],
  ['3万4000', 34000],
  ['1千零20', 1020],
  ['2千零30万', 20300000],
  ['负10000', -10000],
  ['负1.1', -1.1],
  // Chinese integers
  ['两千', 2000],
  ['两百', 200],
  ['两', 2],
  ['十', 10],
  ['十二', 12],
  ['一十二', 12],
  ['零', 0],
  ['一百零一', 101],
  ['一千零十二', 1012],
  ['一百零十万', 1100000],
  ['零十', 10],
  ['四千零五万', 40050000],
  ['四万万', 400000000],
  ['二十万亿', 20000000000000],
  ['三百五十一万亿', 351000000000000],
  ['一万五千亿', 1500000000000],
  ['五兆六十二亿四万五千二', 5006200045200],
  ['四十九兆九千五百九十二億', 49959200000000],
  ['四千五百六十九万八千三百一十一亿四千八百七十二万五千三百八十二', 4569831148725382],
  ['拾亿零六万零五百零六', 1000060506],
  ['负四百零五亿零四百零四万', -40504040000],
  ['百三', 130],
  ['千三', 1300],
  ['半百', 50],
  ['五十打', 600],
  // Trailing digit after a unit counts in the next lower unit
  ['九十二万四', 924000],
  ['壹千六', 1600],
  ['二百五', 250],
  ['一万三', 13000],
  ['两千四百五', 2450],
  ['五亿零六', 500000006],
  ['2千5', 2500],
  ['1万5', 15000],
  ['3万400', 30400],
  ['3万零5', 30005],
  // Financial and traditional characters
  ['肆佰陸拾', 460],
  ['壹佰伍拾', 150],
  ['十万柒仟捌佰伍拾肆', 107854],
  ['貳拾參', 23],
  ['兩千兩百貳拾二', 2222],
  ['倆千两百贰拾二', 2222],
  ['四億五千六百四十二萬零壹十五', 456420015],
  ['負三十二', -32],
  ['负三十二', -32],
  // Digit by digit
  ['二〇二四', 2024],
  ['二○二四', 2024],
  ['一九九八', 1998],
  ['二 〇 二 四', 2024],
  // Decimals
  ['五点五', 5.5],
  ['零点五', 0.5],
  ['一千六百八十八点二九', 1688.29],
  ['四百億點零五零', 40000000000.05],
  ['两千万点五五四四', 20000000.5544],
  ['两千点零', 2000],
  ['一千六点五', 1600.5],
  ['四百 点 五', 400.5],
  ['负六点六', -6.6],
  ['一点五亿', 150000000],
  ['一千六百八十八点二九万', 16882900],
  // Spaces and approximation words
  ['八千 三百 八十五 万 二千 三百 二十六 点三三', 83852326.33],
  ['八千 三百 八十五 萬 二千 三百 二十六 點三三', 83852326.33],
  ['一百 五 十 二', 152],
  ['十 余 万', 100000],
  ['十 余 萬', 100000],
  ['五百 余万', 5000000],
  ['五百 余萬', 5000000],
  ['3万余', 30000],
  ['500余万', 5000000],
  ['一千多万', 10000000],
  ['二十几万', 200000],
  ['一百零几万', 1000000],
  ['一百 二 十 几亿', 12000000000],
  ['壹百 二 十 幾億', 12000000000],
  ['十多', 10],
  // Fractions that are exact in binary or rounded once
  ['万分之十', 0.001],
  ['壹萬分之肆', 0.0004],
  ['一千分之一', 0.001],
  ['一百分之二', 0.02],
  ['百分之五', 0.05],
  ['二十五分之一千零拾肆', 40.56],
  ['一百分之十万零六百五十一', 1006.51],
  ['16/5', 3.2],
  ['-3/2', -1.5],
  ['1 3/5', 1.6],
  ['4 6/3', 6],
  ['负一又二分之一', -1.5],
  ['二分 之一', 0.5],
  ['五 分之 壹', 0.2],
  ['16分之2225', 139.0625],
  ['三分之零', 0],
  ['一百万又五十万分之二十五', 1000000.00005],
];

const approx: Array<[string, number]> = [
  ['三分之一', 1 / 3],
  ['３分之一百五十七', 157 / 3],
  ['负3分之负一百五十七', 157 / 3],
  ['十壹又十四分之壹', 11 + 1 / 14],
  ['三 百 五 又 三 分之 一', 350 + 1 / 3],
  ['四千二分之三', 3 / 4200],
  ['1.1^+23', 1.1 ** 23],
  ['-1.1^--23', -(1.1 ** 23)],
];

const nulls: string[] = [
  '',
  '   ',
  '一切',
  '四川',
  '万一',
  '收拾',
  '陆地',
  '这是我的队伍',
  '万',
  '万万',
  '萬萬',
  '两两',
  '点',
  '五点',
  '点五',
  '分之',
  '三分之',
  '分之三',
  '三分',
  '又',
  '一又',
  '一又二',
  '三/',
  '/3',
  '0/0',
  '零分之三',
  '几',
  '几万',
  '几十',
  '半',
  '十百',
  '二十三十',
  '一万二万',
  '亿万',
  '二三十',
  '二〇万',
  '一百五零',
  '1,2',
  '1234,567',
  '1,23,456',
  '5.',
  '.',
  '1e',
  '1e+',
  '3五',
  '三5',
  '1 234',
  '三十二-',
  '--5',
  '三十 余 五',
  '十余点五',
  '两百点两',
  '二十%',
  '40k',
  '-2.5 m',
  '１，２３４',
];

describe('parseChineseNumber', () => {
  it.each(exact)('%s → %d', (text, want) => {
    expect(parseChineseNumber(text)).toBe(want);
  });

  it.each(approx)('%s ≈ %d', (text, want) => {
    expect(parseChineseNumber(text)).toBeCloseTo(want, 12);
  });

  it.each(nulls.map((t) => [t]))('%j → null', (text) => {
    expect(parseChineseNumber(text)).toBeNull();
  });

  // Libraries this module replaces get these wrong: nzh reads 两千 as 0 and
  // chinese-numbers-converter reads 一千六百八十八点二九 as 2509.
  it.each([
    ['两千', 2000],
    ['两千五百', 2500],
    ['一千六百八十八点二九', 1688.29],
    ['九十二万四', 924000],
  ] as Array<[string, number]>)('known library failure %s → %d', (text, want) => {
    expect(parseChineseNumber(text)).toBe(want);
  });

  it('reads every integer written the standard way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(parseChineseNumber(toChinese(n))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads Arabic decimals like Number(), with or without thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 6 }), (m, fd) => {
        const text = (m / 10 ** fd).toFixed(fd);
        expect(parseChineseNumber(text)).toBe(Number(text));
        const [int, frac] = text.split('.');
        const grouped = Number(int).toLocaleString('en-US') + (frac ? '.' + frac : '');
        expect(parseChineseNumber(grouped)).toBe(Number(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('scales decimals by 万 and 亿 exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 1, max: 4 }), (m, fd) => {
        const text = `${Math.floor(m / 10 ** fd)}.${String(m % 10 ** fd).padStart(fd, '0')}`;
        expect(parseChineseNumber(text + '万')).toBe(m * 10 ** (4 - fd));
        expect(parseChineseNumber(text + '亿')).toBe(m * 10 ** (8 - fd));
      }),
      { numRuns: 2000 },
    );
  });

  it('is linear in the length of its input', () => {
    const long = '一'.repeat(200_000);
    const start = performance.now();
    expect(parseChineseNumber(long)).not.toBeNull(); // a digit-by-digit run, huge but a number
    expect(parseChineseNumber(long + '切')).toBeNull();
    expect(parseChineseNumber('十'.repeat(200_000))).toBeNull();
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('NUMERAL_CHARS', () => {
  it.each([...'〇零一二两兩三四五六七八九十百千万萬亿億兆壹贰貳叁參肆伍陆陸柒捌玖拾佰仟点點负負'].map((c) => [c]))(
    'contains %s',
    (ch) => {
      expect(NUMERAL_CHARS).toContain(ch);
    },
  );

  it.each([...'0123456789.,余多几又分之打半切川'].map((c) => [c]))('does not contain %s', (ch) => {
    expect(NUMERAL_CHARS).not.toContain(ch);
  });

  it('has no duplicates and every character parses as part of some numeral', () => {
    expect(new Set(NUMERAL_CHARS).size).toBe(NUMERAL_CHARS.length);
    for (const ch of NUMERAL_CHARS) {
      const inContext =
        chineseDigitValue(ch) !== undefined
          ? ch
          : '点點'.includes(ch)
            ? `一${ch}五`
            : '负負'.includes(ch)
              ? `${ch}五`
              : `一${ch}`;
      expect(parseChineseNumber(inContext), inContext).not.toBeNull();
    }
  });

  it('APPROX_CHARS are the words ignored inside a numeral', () => {
    expect([...APPROX_CHARS].sort()).toEqual([...'余餘多几幾'].sort());
  });
});

describe('chineseDigitValue', () => {
  it.each([
    ['〇', 0],
    ['零', 0],
    ['一', 1],
    ['壹', 1],
    ['两', 2],
    ['兩', 2],
    ['贰', 2],
    ['三', 3],
    ['叁', 3],
    ['參', 3],
    ['肆', 4],
    ['伍', 5],
    ['陆', 6],
    ['陸', 6],
    ['柒', 7],
    ['捌', 8],
    ['玖', 9],
    ['九', 9],
  ] as Array<[string, number]>)('%s → %d', (ch, want) => {
    expect(chineseDigitValue(ch)).toBe(want);
  });

  it.each([['十'], ['万'], ['点'], ['3'], ['一二'], ['']])('%j → undefined', (ch) => {
    expect(chineseDigitValue(ch)).toBeUndefined();
  });
});

/** Standard formatting (零 for gaps, 一十 inside, 十 at the start), independent of the parser. */
function toChinese(n: number): string {
  const digits = '零一二三四五六七八九';
  if (n === 0) return '零';
  const group = (g: number): string => {
    // Below 10⁴, with 零 for inner gaps.
    let out = '';
    let gap = false;
    for (const [unit, name] of [
      [1000, '千'],
      [100, '百'],
      [10, '十'],
      [1, ''],
    ] as const) {
      const d = Math.floor(g / unit) % 10;
      if (d === 0) {
        gap = out !== '';
        continue;
      }
      if (gap) out += '零';
      gap = false;
      out += digits[d] + name;
    }
    return out;
  };
  // 万 and 亿 groups; 万亿 for 10¹² and up keeps within Number.MAX_SAFE_INTEGER.
  const parts: Array<[number, string]> = [
    [Math.floor(n / 1e12), '万亿'],
    [Math.floor(n / 1e8) % 1e4, '亿'],
    [Math.floor(n / 1e4) % 1e4, '万'],
    [n % 1e4, ''],
  ];
  let out = '';
  let pendingZero = false;
  for (const [g, name] of parts) {
    if (g === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (out && (pendingZero || g < 1000)) out += '零';
    pendingZero = false;
    out += group(g) + name;
  }
  return out.startsWith('一十') ? out.slice(1) : out;
}
