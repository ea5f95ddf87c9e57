import { parseChineseNumber } from '../text/chineseNumber.js';

/** The number a heading marker's ordinal stands for: 三 → 3, 12 → 12, ③ → 3. */
export function ordinalValue(written: string): number {
  const code = written.charCodeAt(0);
  if (written.length === 1 && code >= 0x2460 && code <= 0x2473) return code - 0x2460 + 1;
  return parseChineseNumber(written) ?? 0;
}
