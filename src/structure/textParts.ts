// A long text's parts, read one at a time by the stages from mentions on (parseReport.ts). Each
// part runs from a line start to a line start, so no sentence, paragraph or number runs across
// its edges: the parts' metrics are exactly the whole text's.
import type { Span } from '../model/schema.js';

/**
 * Parts of at least `size` characters (the last may be shorter), each ending just after a line
 * break; a text without one after `size` characters is one part from there to its end.
 */
export function textParts(content: string, size: number): Span[] {
  if (!(size >= 1)) throw new RangeError(`part size must be at least 1 character, got ${size}`);
  const parts: Span[] = [];
  let start = 0;
  do {
    const lineBreak = start + size >= content.length ? -1 : content.indexOf('\n', start + size - 1);
    const end = lineBreak < 0 ? content.length : lineBreak + 1;
    parts.push({ start, end });
    start = end;
  } while (start < content.length);
  return parts;
}
