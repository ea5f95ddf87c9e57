// Word tables indexed by the character their words end (or start) with: a look-up at one point of
// the text tries only the words that can stand there, still in table order, so the first word
// found is the one a scan of the whole table finds. The tables themselves stay plain lists.

/** A table's entries grouped by one character of their word (a UTF-16 code: no string is made to look it up). */
export interface WordIndex<T> {
  all: readonly T[];
  wordOf: (e: T) => string;
  byChar: Map<number, T[]>;
  /** The length of the longest word. */
  longest: number;
}

const NONE: readonly never[] = [];

function indexBy<T>(entries: readonly T[], wordOf: (e: T) => string, at: (w: string) => number): WordIndex<T> {
  const byChar = new Map<number, T[]>();
  let longest = 0;
  for (const e of entries) {
    const word = wordOf(e);
    const code = word.charCodeAt(at(word));
    byChar.set(code, [...(byChar.get(code) ?? []), e]);
    longest = Math.max(longest, word.length);
  }
  return { all: entries, wordOf, byChar, longest };
}

/** Entries by the last character of their word. */
export const indexByLast = <T>(entries: readonly T[], wordOf: (e: T) => string): WordIndex<T> =>
  indexBy(entries, wordOf, (w) => w.length - 1);

/** Entries by the first character of their word. */
export const indexByFirst = <T>(entries: readonly T[], wordOf: (e: T) => string): WordIndex<T> =>
  indexBy(entries, wordOf, () => 0);

/**
 * The entries whose word may end at `end` of `text`, in table order: every entry for which
 * `text.startsWith(word, end - word.length)` holds is among them, so callers keep that test. Near
 * the start of the text all are returned: there startsWith reads a negative position as 0.
 */
export function mayEndAt<T>(index: WordIndex<T>, text: string, end: number): readonly T[] {
  if (end < index.longest) return index.all;
  return index.byChar.get(text.charCodeAt(end - 1)) ?? NONE;
}

/** The first entry, in table order, whose word ends exactly at `end` of `text`; undefined when none does. */
export function firstEndingAt<T>(index: WordIndex<T>, text: string, end: number): T | undefined {
  for (const e of mayEndAt(index, text, end)) {
    const word = index.wordOf(e);
    if (text.startsWith(word, end - word.length)) return e;
  }
  return undefined;
}

/**
 * The entries whose word may start at `at` of `text` (`text.startsWith(word, at)`), in table order.
 * Callers keep that test.
 */
export function mayStartAt<T>(index: WordIndex<T>, text: string, at: number): readonly T[] {
  if (at < 0) return index.all;
  return index.byChar.get(text.charCodeAt(at)) ?? NONE;
}

/**
 * `text.lastIndexOf(char)` for one character, as a walk over codes: V8 runs lastIndexOf outside
 * compiled code, a dear call for the short phrases read here.
 */
export function lastIndexOfChar(text: string, char: string): number {
  const code = char.charCodeAt(0);
  let i = text.length - 1;
  while (i >= 0 && text.charCodeAt(i) !== code) i--;
  return i;
}

/**
 * One pattern matching any of the words: a single pass over the text where `words.some((w) =>
 * text.includes(w))` makes one per word.
 */
export const anyWord = (words: readonly string[], flags = '') =>
  new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), flags);
