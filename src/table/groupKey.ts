// Which unkeyed metrics share a column of `reportx table --unkeyed`: metrics the catalogue gave no
// key (src/indicators) are grouped by their indicator phrase after the plain-string
// normalisation below, and by unit.

/** Quotation and title marks that wrap a name without changing it: “法律明白人” = 法律明白人. */
const WRAPPING_MARKS = /[“”‘’"'「」『』《》〈〉]/g;
/** Whitespace of any width, including the ideographic space U+3000. */
const WHITESPACE = /\s+/g;
/** A trailing 数 / 量 / 数量 / 件数 … names the count of the thing: 调解案件数 = 调解案件. */
const COUNT_SUFFIX = /(?:数量|总数|总量|数|量)$/;

/**
 * Plain-string normalisation of an indicator: Unicode NFKC (full-width letters, digits and
 * brackets become half-width: （社区） → (社区), １００ → 100), no whitespace, no quotation or
 * title marks, no trailing 数/量/数量/总数/总量 (kept when nothing else would be left).
 */
export function normaliseIndicator(indicator: string): string {
  const s = indicator.normalize('NFKC').replace(WHITESPACE, '').replace(WRAPPING_MARKS, '');
  const stripped = s.replace(COUNT_SUFFIX, '');
  return stripped === '' ? s : stripped;
}

/** The row key of an indicator in the cross-report table. */
export function groupKey(indicator: string): string {
  return normaliseIndicator(indicator);
}
