// Sentence spans: a sentence ends after 。 ! ? (full-width forms are normalised) or at a line
// break. Semicolons end clauses, not sentences.
import type { Span } from '../model/schema.js';

const NEWLINE = 0x0a,
  SPACE = 0x20,
  TAB = 0x09;
/** The characters that end a sentence. */
const SENTENCE_ENDS = ['。', '!', '?', '\n'];

/**
 * The sentences of `content` within `range` (default: all of it). A range that starts and ends at
 * line starts gives exactly the whole text's sentences that stand in it: every line break ends one.
 */
export function sentenceSpans(content: string, range?: Span): Span[] {
  if (!range) return sentencesOf(content, 0);
  // The range as a string of its own (a slice shares the text's characters): a search for an end
  // stops at the range's end instead of running on through the rest of a long text.
  return sentencesOf(content.slice(range.start, range.end), range.start);
}

/** The sentences of `text`, their offsets moved by `offset`. */
function sentencesOf(text: string, offset: number): Span[] {
  const spans: Span[] = [];
  const n = text.length;
  // Where each kind of end stands next, found by indexOf: a native search runs two to three times
  // faster than reading every character here. Each cursor only moves forward, so the pass stays
  // linear in the text.
  const next = SENTENCE_ENDS.map((c) => text.indexOf(c));
  let start = 0;
  for (;;) {
    // The nearest end, or the end of the text (read as a line break) when none is left.
    let i = n;
    let which = -1;
    for (let k = 0; k < next.length; k++) {
      if (next[k] >= 0 && next[k] < i) {
        i = next[k];
        which = k;
      }
    }
    const end = i === n || text.charCodeAt(i) === NEWLINE ? i : i + 1;
    let s = start;
    while (s < end && (text.charCodeAt(s) === SPACE || text.charCodeAt(s) === TAB)) s++;
    if (end > s) spans.push({ start: offset + s, end: offset + end });
    if (which < 0) return spans;
    start = i + 1;
    next[which] = text.indexOf(SENTENCE_ENDS[which], i + 1);
  }
}

/** The sentence containing an offset (binary search over ordered, disjoint spans). */
export function sentenceAt(spans: Span[], offset: number): Span | null {
  let lo = 0,
    hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else if (spans[mid].start > offset) hi = mid - 1;
    else return spans[mid];
  }
  return null;
}
