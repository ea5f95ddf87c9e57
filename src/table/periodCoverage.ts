// How much of a year a metric's period covers, to choose among several metrics of one key in a
// report: 全年 beats 1-9月, which beats 上半年. Read from the period phrase attribution found
// (`metric.period`: 截至9月底, 1-9月, 今年以来, 全年, 上半年, 一季度 …).
import { parseChineseNumber } from '../text/chineseNumber.js';

/** Phrases that name a whole year (or a whole period of work): as wide as a period gets. */
const WHOLE_YEAR = /全年|年度|本年|去年|上年|一年来|今年|十四五|五年/;
/** Named parts of a year and the months they cover. */
const NAMED_PARTS: readonly [RegExp, number][] = [
  [/前三季度|三季度末/, 9],
  [/上半年|半年|二季度末/, 6],
  [/一季度|第一季度/, 3],
];
/** 1-9月, 1至9月, 1—9月: a range of months, up to its last. */
const MONTH_RANGE =
  /(\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:-|—|–|~|～|至|到)\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月/;
/** 截至9月底, 截止10月, 9月底前: from the start of the year up to that month. */
const UP_TO_MONTH = /(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:底|末|份|中旬|上旬|下旬)?/;

const monthNumber = (text: string): number | null => {
  const n = /^\d+$/.test(text) ? Number(text) : parseChineseNumber(text);
  return n !== null && n >= 1 && n <= 12 ? n : null;
};

/**
 * Months of the year the period covers: 12 for a whole year, N for 1-N月 or 截至N月底, the named
 * parts' months; null when the phrase says nothing measurable (今年以来 without a month). A metric
 * with no period at all reports on the report's own span, taken as the whole year by the caller.
 */
export function monthsCovered(period: string | null): number | null {
  if (period === null) return null;
  const range = MONTH_RANGE.exec(period);
  if (range) {
    const from = monthNumber(range[1]);
    const to = monthNumber(range[2]);
    if (from !== null && to !== null && to >= from) return to - from + 1;
  }
  for (const [pattern, months] of NAMED_PARTS) if (pattern.test(period)) return months;
  const upTo = UP_TO_MONTH.exec(period);
  if (upTo) {
    const month = monthNumber(upTo[1]);
    if (month !== null) return month;
  }
  if (WHOLE_YEAR.test(period)) return 12;
  return null;
}
