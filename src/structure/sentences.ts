// Sentence spans: a sentence ends after 。 ! ? (full-width forms are normalised) or at a line
// break. Semicolons end clauses, not sentences.
import type { Span } from '../model/schema.js';

const FULL_STOP = 0x3002,
  BANG = 0x21,
  QUESTION = 0x3f,
  NEWLINE = 0x0a,
  SPACE = 0x20,
  TAB = 0x09;

export function sentenceSpans(content: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const n = content.length;
  for (let i = 0; i <= n; i++) {
    const code = i < n ? content.charCodeAt(i) : NEWLINE;
    if (code !== FULL_STOP && code !== BANG && code !== QUESTION && code !== NEWLINE) continue;
    const end = code === NEWLINE ? i : i + 1;
    let s = start;
    while (s < end && (content.charCodeAt(s) === SPACE || content.charCodeAt(s) === TAB)) s++;
    if (end > s) spans.push({ start: s, end });
    start = i + 1;
  }
  return spans;
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
