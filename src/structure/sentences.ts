// Sentence spans: a sentence ends after 。 ! ? (full-width forms are normalised) or at a line
// break. Semicolons end clauses, not sentences.
import type { Span } from '../document/schema.js';

const SENTENCE_END = new Set(['。', '!', '?', '\n']);

export function sentenceSpans(content: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i <= content.length; i++) {
    if (i < content.length && !SENTENCE_END.has(content[i])) continue;
    const end = i < content.length && content[i] !== '\n' ? i + 1 : i;
    let s = start;
    while (s < end && /\s/.test(content[s])) s++;
    if (end > s) spans.push({ start: s, end });
    start = i + 1;
  }
  return spans;
}

/** The sentence containing an offset (binary search over ordered, disjoint spans). */
export function sentenceAt(spans: Span[], offset: number): Span | null {
  let lo = 0, hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else if (spans[mid].start > offset) hi = mid - 1;
    else return spans[mid];
  }
  return null;
}
