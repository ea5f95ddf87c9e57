// Character classes every stage uses, in one place.

/**
 * A set of characters (UTF-16 code units) as a table of their codes: a hot loop looks codes up
 * (text.charCodeAt) instead of making a string of every character it reads, as text[i] does for
 * a Chinese character. A position outside the text (a code of NaN) is in no set.
 */
export class CharSet {
  private readonly member = new Uint8Array(0x10000);
  constructor(chars: Iterable<string>) {
    for (const ch of chars) {
      if (ch.length !== 1) throw new Error(`CharSet: ${ch} is not one UTF-16 code unit`);
      this.member[ch.charCodeAt(0)] = 1;
    }
  }
  /** Whether the character at i of `text` is in the set. */
  at(text: string, i: number): boolean {
    return this.member[text.charCodeAt(i)] === 1;
  }
  /** Whether the character of this code is in the set (a code past a text's end, NaN, is not). */
  has(code: number): boolean {
    return this.member[code] === 1;
  }
}

/** CJK unified ideographs: a word character, never punctuation. */
export const isHan = (c: string | undefined) => c !== undefined && c >= '\u4e00' && c <= '\u9fff';

export const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** isDigit for a UTF-16 code (text.charCodeAt), which makes no string. */
export const isDigitCode = (code: number) => code >= 0x30 && code <= 0x39;

export const isAsciiLetter = (c: string | undefined) =>
  c !== undefined && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));

/** isAsciiLetter by character code (text.charCodeAt: NaN outside the text is no letter). */
export const isAsciiLetterCode = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;

/**
 * Up to `reach` characters before `at`, cut after the last of the given clause breaks: the clause
 * a number stands in, read backwards. Bounded, so text without breaks costs no more per number.
 */
export function clauseBefore(content: string, at: number, reach: number, breaks: string): string {
  // Read backwards from `at` by character code, one slice at the end (this runs for most numbers,
  // several times): the stretch is the one content.slice(Math.max(0, at - reach), at) gives.
  const from = Math.min(Math.max(0, at - reach), content.length);
  const to = at < 0 ? Math.max(content.length + at, 0) : Math.min(at, content.length);
  for (let i = to - 1; i >= from; i--) {
    const c = content.charCodeAt(i);
    for (let k = 0; k < breaks.length; k++) if (breaks.charCodeAt(k) === c) return content.slice(i + 1, to);
  }
  return content.slice(from, to);
}

/**
 * What may stand between the halves of a range or the members of a list sharing one unit:
 * 0.3-2公里, 2.16和1.66个百分点, 3件、5件. Mentions share the unit across it; attribution shares
 * the indicator and change.
 */
export const UNIT_SHARING_JOINERS = ['-', '~', '至', '到', '和', '、', '与', '及', '或'];

/**
 * A sentence is read at most this far either side of a metric, by attribution and by the
 * indicators stage alike: real sentences are shorter, and text with no full stops (a scraped
 * table, a pathological file of 200,000 metrics in one sentence) must not make each metric cost
 * the length of the file.
 */
export const SENTENCE_REACH = 200;
