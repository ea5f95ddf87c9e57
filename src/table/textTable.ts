// The cross-report table for a terminal: columns aligned by display width (a CJK character takes
// two cells), emphasis through chalk. Pure: the caller decides whether colour is on.
import { Chalk, type ChalkInstance } from 'chalk';
import { terminalSafe } from '../text/terminalText.js';

/** Wide (W) and full-width (F) ranges of Unicode East Asian Width; everything else is one cell. */
const WIDE_RANGES: readonly [number, number][] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f3],
  [0x26f5, 0x26f5],
  [0x26fa, 0x26fa],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff],
  [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f202],
  [0x1f210, 0x1f23b],
  [0x1f240, 0x1f248],
  [0x1f250, 0x1f251],
  [0x1f260, 0x1f265],
  [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f900, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

function isWide(cp: number): boolean {
  if (cp < 0x1100) return false;
  let lo = 0;
  let hi = WIDE_RANGES.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = WIDE_RANGES[mid];
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}\u200b]/u;
const ANSI = /\u001b\[[0-9;]*m/g;

/** Terminal cells a string occupies: wide/full-width characters 2, combining marks and ANSI codes 0. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(ANSI, '')) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || ZERO_WIDTH.test(ch)) continue;
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}

/** Cuts text to at most `max` cells, ending in … when cut. */
export function truncateToWidth(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  let out = '';
  let width = 0;
  for (const ch of text) {
    const w = displayWidth(ch);
    if (width + w > max - 1) break;
    out += ch;
    width += w;
  }
  return out + '…';
}

export interface TextTableOptions {
  /** ANSI emphasis (bold header, dim placeholders); off when not a TTY or NO_COLOR is set. */
  color?: boolean;
  /** Which columns hold numbers: right-aligned, `-` when empty. */
  numeric: (column: number) => boolean;
  /** Widest a text column may get before its fields are cut with … (default 40). */
  maxTextWidth?: number;
}

/** Placeholder for an empty numeric cell. */
const EMPTY = '-';
const GAP = '  ';

/** Records (the first one the header) as an aligned table for a terminal. */
export function renderTextTable(records: readonly (readonly string[])[], options: TextTableOptions): string {
  if (records.length === 0) return '';
  const c: ChalkInstance = new Chalk({ level: options.color ? 1 : 0 });
  const maxText = options.maxTextWidth ?? 40;
  const { numeric } = options;
  // Plain text of every field first, so widths are measured without colour codes; report text and
  // file names reach the terminal escaped (src/text/terminalText.ts).
  const [header, ...body] = records.map((r, row) =>
    r.map((raw, i) => {
      const f = terminalSafe(raw);
      if (!numeric(i)) return truncateToWidth(f, maxText);
      return row > 0 && f === '' ? EMPTY : f;
    }),
  );
  const widths = header.map((h) => displayWidth(h));
  for (const r of body) r.forEach((f, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(f))));
  const pad = (text: string, width: number, right: boolean) => {
    const space = ' '.repeat(Math.max(0, width - displayWidth(text)));
    return right ? space + text : text + space;
  };
  const lines = [
    header
      .map((h, i) => c.bold(pad(h, widths[i], numeric(i))))
      .join(GAP)
      .trimEnd(),
    c.dim(widths.map((w) => '─'.repeat(w)).join(GAP)),
  ];
  for (const r of body) {
    const fields = r.map((f, i) => {
      const padded = pad(f, widths[i], numeric(i));
      return numeric(i) && f === EMPTY ? c.dim(padded) : padded;
    });
    lines.push(fields.join(GAP).trimEnd());
  }
  return lines.join('\n') + '\n';
}
