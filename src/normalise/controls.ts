// Control characters in report text are noise: a terminal escape sequence pasted into a page
// (`\x1b[31m`) would otherwise leave `[31m` behind, read as a metric of 31 metres. Each sequence,
// and each other C0/C1 control character except tab, line feed, carriage return and form feed
// (line breaks, see charMap.ts), is found here and blanked to spaces like any other noise.
import type { Span, Warning } from '../model/schema.js';

/**
 * ECMA-48 sequences first (CSI with its parameters, OSC/DCS/… strings up to BEL or ST, two-byte
 * escapes; the C1 CSI too), then any single control character left.
 */
const CONTROL_SEQUENCE =
  /\x1b\[[0-?]*[ -/]*[@-~]?|\x9b[0-?]*[ -/]*[@-~]?|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?|\x1b[ -/]*[0-~]?|[\x00-\x08\x0B\x0E-\x1F\x7F-\x9F]/g;
const ANY_CONTROL = /[\x00-\x08\x0B\x0E-\x1F\x7F-\x9F]/;

export interface ControlNoise {
  spans: Span[];
  warnings: Warning[];
}

export function findControls(text: string): ControlNoise {
  if (!ANY_CONTROL.test(text)) return { spans: [], warnings: [] };
  const spans: Span[] = [];
  let characters = 0;
  for (const m of text.matchAll(CONTROL_SEQUENCE)) {
    spans.push({ start: m.index, end: m.index + m[0].length });
    characters += m[0].length;
  }
  const first = spans[0];
  const sample = JSON.stringify(text.slice(first.start, Math.min(first.end, first.start + 20)));
  const warnings: Warning[] = [
    {
      code: 'control-characters',
      message: `${characters} character${characters === 1 ? '' : 's'} of control codes blanked (${spans.length} sequence${spans.length === 1 ? '' : 's'}, the first ${sample})`,
      span: first,
    },
  ];
  return { spans, warnings };
}
