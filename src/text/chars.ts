// Character classes every stage uses, in one place.

/** CJK unified ideographs: a word character, never punctuation. */
export const isHan = (c: string | undefined) => c !== undefined && c >= '\u4e00' && c <= '\u9fff';

export const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

export const isAsciiLetter = (c: string | undefined) =>
  c !== undefined && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));

/**
 * Up to `reach` characters before `at`, cut after the last of the given clause breaks: the clause
 * a number stands in, read backwards. Bounded, so text without breaks costs no more per number.
 */
export function clauseBefore(content: string, at: number, reach: number, breaks: string): string {
  // Backwards to the nearest break, by character code: the same cut as the latest of a lastIndexOf
  // per break, without a search (and a string) per break and character.
  const from = Math.max(0, at - reach);
  let start = at;
  for (; start > from; start--) {
    const code = content.charCodeAt(start - 1);
    let isBreak = false;
    for (let b = 0; b < breaks.length; b++) if (breaks.charCodeAt(b) === code) isBreak = true;
    if (isBreak) break;
  }
  return content.slice(start, at);
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
