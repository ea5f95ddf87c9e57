import { TRADITIONAL_TO_SIMPLIFIED } from './traditionalChars.js';

// A one-to-one character mapping, so the normalised text has exactly the length of the source
// and every offset found in it points at the same character in the source.

/**
 * Every traditional character OpenCC maps to one simplified character (generated, see
 * scripts/generate-traditional-chars.mjs): traditional reports then meet the same rules and the
 * same segmentation dictionary as simplified ones. Text a metric reports (raw, unit, indicator) is
 * always copied from the source as written.
 */
const SINGLE: Map<number, number> = new Map();
for (let i = 0; i + 1 < TRADITIONAL_TO_SIMPLIFIED.length; i += 2) {
  SINGLE.set(TRADITIONAL_TO_SIMPLIFIED.charCodeAt(i), TRADITIONAL_TO_SIMPLIFIED.charCodeAt(i + 1));
}

const EXTRA: Map<number, number> = new Map([
  [0x3000, 0x20], // ideographic space
  [0x00a0, 0x20], // no-break space
  [0x000d, 0x0a], // CR (alone or in CRLF) reads as a line break
  [0x000c, 0x0a], // form feed
  [0x2028, 0x0a], // line separator
  [0x2029, 0x0a], // paragraph separator
  [0xfe6a, 0x25], // small percent sign ﹪
  [0x2215, 0x2f], // division slash ∕
  [0x2236, 0x3a], // ratio ∶
  [0xfe50, 0x2c], // small comma ﹐
  [0x2014, 0x2d], // em dash, as in 2023—2025年
  [0x2013, 0x2d], // en dash
  [0x2012, 0x2d], // figure dash
  [0x2212, 0x2d], // minus sign
  [0x301c, 0x7e], // wave dash 〜
  [0xff5e, 0x7e], // fullwidth tilde ～ (also covered below)
  [0x3007, 0x3007], // 〇 stays: it is a numeral digit
]);

/** Every UTF-16 code unit's normal form, built once: a table lookup per character. */
const TABLE = (() => {
  const table = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) table[code] = code;
  for (let code = 0xff01; code <= 0xff5e; code++) table[code] = code - 0xfee0; // full-width ASCII
  for (const [from, to] of EXTRA) table[from] = to;
  for (const [from, to] of SINGLE) table[from] = to;
  return table;
})();

/** Returns a string of the same length in which each character is replaced by its normal form. */
export function normaliseChars(text: string): string {
  // One native conversion each way and a tight loop over UTF-16 code units in between.
  let buffer = Buffer.from(text, 'utf16le');
  if (buffer.byteOffset % 2 !== 0) buffer = Buffer.from(buffer); // a Uint16Array view needs an even offset
  const units = new Uint16Array(buffer.buffer, buffer.byteOffset, buffer.length >> 1);
  let changed = false;
  for (let i = 0; i < units.length; i++) {
    const mapped = TABLE[units[i]];
    if (mapped !== units[i]) {
      units[i] = mapped;
      changed = true;
    }
  }
  return changed ? buffer.toString('utf16le') : text;
}
