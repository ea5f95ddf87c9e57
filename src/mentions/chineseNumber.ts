// PLACEHOLDER while the numeral module is written.
export function parseChineseNumber(text: string): number | null {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : null;
}
