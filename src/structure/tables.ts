// Scraped tables read as a grid: `a | b | c |` rows (with or without outer pipes, with or without
// a markdown |---| rule) or columns aligned with tabs or runs of spaces. Each data cell gets the
// header that names it: its column header, or its row header when the column header only says
// how the cell measures (数量, 占比). The indicator must be source text with a span, so a combined
// header (食品安全件数) is never made: it is not a substring of the source.
import type { Span } from '../model/schema.js';
import {
  ALIGNED_SEPARATOR,
  MAX_ROW_LENGTH,
  MEASURE_HEADERS,
  MIN_ALIGNED_CELLS,
  PROSE_PUNCTUATION,
  RULE_CELL,
} from './tableHeaders.js';

export interface TableCell {
  start: number;
  end: number;
  /** The header naming the cell, trimmed; null when there is none. */
  header: Span | null;
}

interface Row {
  kind: 'pipe' | 'aligned';
  cells: Span[];
  rule: boolean;
}

/** Every data cell of every table in the text, in text order. */
export function findTableCells(content: string): TableCell[] {
  const out: TableCell[] = [];
  let block: Row[] = [];
  // The next pipe at or after the line: one cursor moving forward, so the search stays linear.
  let nextPipe = content.indexOf('|');
  for (let lineStart = 0; lineStart <= content.length; ) {
    const nl = content.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? content.length : nl;
    if (nextPipe >= 0 && nextPipe < lineStart) nextPipe = content.indexOf('|', lineStart);
    const piped = nextPipe >= 0 && nextPipe < lineEnd;
    const row = lineEnd - lineStart <= MAX_ROW_LENGTH ? splitRow(content, lineStart, lineEnd, piped) : null;
    if (row && (block.length === 0 || block[0].kind === row.kind)) block.push(row);
    else {
      readBlock(content, block, out);
      block = row ? [row] : [];
    }
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  readBlock(content, block, out);
  return out;
}

/** The cell holding `at`, or null: a binary search over the cells. */
export function tableCellAt(cells: TableCell[], at: number): TableCell | null {
  let lo = 0;
  let hi = cells.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cells[mid].end <= at) lo = mid + 1;
    else if (cells[mid].start > at) hi = mid - 1;
    else return cells[mid];
  }
  return null;
}

function splitRow(content: string, from: number, to: number, piped: boolean): Row | null {
  if (piped) {
    const cells: Span[] = [];
    for (let s = from; s <= to; ) {
      let e = s;
      while (e < to && content[e] !== '|') e++;
      cells.push(trim(content, s, e));
      s = e + 1;
    }
    // | a | b |: the empty cells outside the outer pipes are not cells.
    if (cells.length && cells[0].start === cells[0].end) cells.shift();
    if (cells.length && cells.at(-1)!.start === cells.at(-1)!.end) cells.pop();
    if (cells.length < 2) return null;
    const rule = cells.every((c) => RULE_CELL.test(content.slice(c.start, c.end)));
    return { kind: 'pipe', cells, rule };
  }
  const line = content.slice(from, to);
  // Sentences are prose, however they are spaced: an aligned row holds no 。 ; or clause comma.
  if (PROSE_PUNCTUATION.test(line)) return null;
  const cells: Span[] = [];
  let s = 0;
  ALIGNED_SEPARATOR.lastIndex = 0;
  for (let m = ALIGNED_SEPARATOR.exec(line); m; m = ALIGNED_SEPARATOR.exec(line)) {
    if (m.index > s) cells.push(trim(content, from + s, from + m.index));
    s = m.index + m[0].length;
  }
  if (s < line.length) cells.push(trim(content, from + s, to));
  const real = cells.filter((c) => c.end > c.start);
  return real.length >= MIN_ALIGNED_CELLS ? { kind: 'aligned', cells: real, rule: false } : null;
}

function trim(content: string, start: number, end: number): Span {
  while (start < end && (content[start] === ' ' || content[start] === '\t')) start++;
  while (end > start && (content[end - 1] === ' ' || content[end - 1] === '\t')) end--;
  return { start, end };
}

/**
 * A block of two or more rows of one kind: the first row with two named cells is the header, the
 * rows after it hold data. Aligned rows must agree on their number of cells.
 */
function readBlock(content: string, block: Row[], out: TableCell[]): void {
  const rows = block.filter((r) => !r.rule);
  if (rows.length < 2) return;
  const headerAt = rows.findIndex((r) => r.cells.filter((c) => c.end > c.start).length >= 2);
  if (headerAt < 0 || headerAt === rows.length - 1) return;
  const header = rows[headerAt];
  if (header.kind === 'aligned' && rows.slice(headerAt).some((r) => r.cells.length !== header.cells.length)) return;
  for (const row of rows.slice(headerAt + 1)) {
    const rowHeader = row.cells[0].end > row.cells[0].start ? row.cells[0] : null;
    row.cells.forEach((cell, i) => {
      if (i === 0 || cell.end === cell.start) return;
      const column = header.cells[i] && header.cells[i].end > header.cells[i].start ? header.cells[i] : null;
      const measures =
        column !== null && MEASURE_HEADERS.has(content.slice(column.start, column.end).replace(/\s/g, ''));
      out.push({ start: cell.start, end: cell.end, header: measures && rowHeader ? rowHeader : (column ?? rowHeader) });
    });
  }
}
