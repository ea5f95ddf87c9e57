// Stage 2: normalise. Length-preserving, so an offset in any of these strings is an offset in
// the source text.
import type { Span, Warning } from '../model/schema.js';
import { normaliseChars } from './charMap.js';
import { blankSpans, findNoise } from './noise.js';
import { findControls } from './controls.js';

export interface NormalisedText {
  /** The source as decoded. */
  source: string;
  /** One-to-one normal forms: half-width ASCII, simplified key characters, \r as \n, control characters blanked. */
  normal: string;
  /** `normal` with noise (markers, page header and footer) blanked to spaces. */
  content: string;
  noise: Span[];
  headerEnd: number;
  warnings: Warning[];
}

export function normaliseText(source: string): NormalisedText {
  // Control characters are blanked already in `normal`, so that no stage (meta reads `normal`)
  // sees an escape sequence.
  const controls = findControls(source);
  const normal = blankSpans(normaliseChars(source), controls.spans);
  const { spans, headerEnd, warnings } = findNoise(normal);
  return {
    source,
    normal,
    content: blankSpans(normal, spans),
    noise: [...controls.spans, ...spans].sort((a, b) => a.start - b.start),
    headerEnd,
    warnings: [...controls.warnings, ...warnings],
  };
}
