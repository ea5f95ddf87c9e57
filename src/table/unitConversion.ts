// Units that measure the same thing in different sizes, so that one column of the wide table
// holds one unit: 公顷 → 亩 × 15. Scales such as 万 and 亿 are already applied by the mentions
// stage (1688.29万元 → 16882900 元); what is left is a choice of unit, listed here as data.
// Equivalent measure words (件/宗/起 for cases) are not conversions: the catalogue names them as
// one unit of its entry, and they convert with factor 1 only for that entry.

/** [unit, base unit of its family, how many base units one of it is]. */
const UNIT_FACTORS: readonly [string, string, number][] = [
  // area
  ['亩', '亩', 1],
  ['公顷', '亩', 15],
  ['平方公里', '亩', 1500],
  ['平方千米', '亩', 1500],
  ['平方米', '亩', 0.0015],
  ['㎡', '亩', 0.0015],
  // mass
  ['吨', '吨', 1],
  ['公斤', '吨', 0.001],
  ['千克', '吨', 0.001],
  ['斤', '吨', 0.0005],
  ['担', '吨', 0.05],
  // length
  ['公里', '公里', 1],
  ['千米', '公里', 1],
  ['km', '公里', 1],
  ['米', '公里', 0.001],
  ['m', '公里', 0.001],
  // energy
  ['千瓦时', '千瓦时', 1],
  ['度', '千瓦时', 1],
];

const FAMILY = new Map(UNIT_FACTORS.map(([unit, base, factor]) => [unit, { base, factor }]));

/**
 * `value` in `unit` expressed in `target`, or null when the two are not the same measure.
 * `equivalent` lists units the caller treats as the same (an entry's 件/宗/起).
 */
export function convertValue(
  value: number,
  unit: string,
  target: string,
  equivalent: readonly string[] = [],
): number | null {
  if (unit === target) return value;
  if (equivalent.includes(unit) && equivalent.includes(target)) return value;
  const from = FAMILY.get(unit);
  const to = FAMILY.get(target);
  if (!from || !to || from.base !== to.base) return null;
  // Round away binary noise (15 × 0.1): 15 significant digits are more than any report states.
  return Number(((value * from.factor) / to.factor).toPrecision(15));
}
