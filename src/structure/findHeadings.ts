// Finds numbered headings: line-initial markers (一、 (一) 1. (1) ①) and the inline 一是/二是
// items that may start a line or sit inside a paragraph.
import { INLINE_ITEM_PRECEDERS, MARKER_RULES, TITLE_TERMINATORS, type HeadingStyle } from './headingMarkers.js';
import { ordinalValue } from './ordinal.js';
import { CharSet } from '../text/chars.js';

export interface Heading {
  style: HeadingStyle;
  /** Offset of the marker's first character. */
  start: number;
  markerEnd: number;
  titleEnd: number;
  ordinal: number;
}

export function findHeadings(content: string): Heading[] {
  const headings: Heading[] = [];
  const lastOrdinal = new Map<HeadingStyle, number>();
  const runIn: RunInCursor = { next: -1, length: 0 };
  const glued = gluedFirstHeading(content);
  if (glued) {
    headings.push(glued);
    lastOrdinal.set(glued.style, glued.ordinal);
    splitEmbedded(content, glued, lastOrdinal, headings);
  }
  let lineStart = 0;
  // The next 是 at or after the current line: one cursor moving forward through the whole text,
  // so lines without 是 cost nothing and the search stays linear in the document's length.
  let nextShi = content.indexOf('是');
  let nextPipe = content.indexOf('|');
  let secondPipe = -1;
  while (lineStart <= content.length) {
    const nl = content.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? content.length : nl;
    let at = lineStart;
    while (at < lineEnd && (content[at] === ' ' || content[at] === '\t')) at++;
    // 一、食品烟酒 | 0.1 |: a row of a scraped table (two cell separators), not a heading. One cursor
    // moves forward through the pipes, as for 是 below.
    if (nextPipe >= 0 && nextPipe < lineStart) nextPipe = content.indexOf('|', lineStart);
    if (nextPipe >= 0 && nextPipe < lineEnd && secondPipe < nextPipe) secondPipe = content.indexOf('|', nextPipe + 1);
    const tableRow = nextPipe >= 0 && nextPipe < lineEnd && secondPipe > nextPipe && secondPipe < lineEnd;
    const lineHeading = tableRow ? null : matchAt(content, at, 'line');
    if (lineHeading) {
      headings.push(lineHeading);
      lastOrdinal.set(lineHeading.style, lineHeading.ordinal);
      if (lineHeading.style !== 'cn-shi') splitEmbedded(content, lineHeading, lastOrdinal, headings);
    }
    findRunInHeadings(content, lineHeading ? lineHeading.markerEnd : at, lineEnd, lastOrdinal, headings, runIn);
    const expected = lineHeading?.style === 'cn-shi' ? lineHeading.ordinal + 1 : 1;
    while (nextShi >= 0 && nextShi < lineStart) nextShi = content.indexOf('是', nextShi + 1);
    if (nextShi >= 0 && nextShi < lineEnd)
      findInlineItems(content, lineHeading ? lineHeading.markerEnd : at, lineEnd, expected, headings);
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  // Run-in headings and inline 一是 items of one line were found in two passes.
  headings.sort((a, b) => a.start - b.start);
  // A title never runs into the next heading (“大广角”一是做实…).
  for (let i = 0; i + 1 < headings.length; i++)
    headings[i].titleEnd = Math.min(headings[i].titleEnd, Math.max(headings[i].markerEnd, headings[i + 1].start));
  return headings;
}

/**
 * Headings run into a paragraph after a sentence end (一、…明显。1、做好…。2、压实…): a marker
 * of a line style counts there only when it continues its sequence, or starts one that goes on
 * (a 1 whose 2 follows the same way), so a stray 1. in prose is not a heading.
 */
function findRunInHeadings(
  content: string,
  from: number,
  to: number,
  lastOrdinal: Map<HeadingStyle, number>,
  out: Heading[],
  cursor: RunInCursor,
): void {
  // One native search for a sentence end followed by what could start a marker, not a loop over
  // every character. The search may run past this line; its find is kept for the lines after, so
  // the whole document is searched once (lines without a candidate cost nothing).
  for (;;) {
    if (cursor.next < from) {
      RUN_IN_CANDIDATE.lastIndex = from;
      const m = RUN_IN_CANDIDATE.exec(content);
      cursor.next = m ? m.index : Infinity;
      cursor.length = m ? m[0].length : 0;
    }
    if (cursor.next >= to) return;
    const at = cursor.next + cursor.length;
    from = cursor.next + 1;
    cursor.next = -1;
    if (at >= to) return;
    const h = matchAt(content, at, 'line');
    if (!h || h.style === 'cn-shi') continue;
    const continues = lastOrdinal.get(h.style) === h.ordinal - 1;
    const nested =
      !continues &&
      h.ordinal === 1 &&
      !secondFollows(content, h, to) &&
      (nestedFollows(content, h, false) || opensParent(content, h, out.at(-1)));
    if (!continues && !nested && !(h.ordinal === 1 && secondFollows(content, h, to))) continue;
    out.push(h);
    lastOrdinal.set(h.style, h.ordinal);
    splitEmbedded(content, h, lastOrdinal, out, nested);
  }
}

/**
 * Text whose line breaks were lost runs a heading into the next one's marker with nothing between
 * (一、2023年工作完成情况(一)重点工程进展情况1、杨柳水库…。): a deeper marker numbered 1 inside a
 * title, whose 2 follows later, ends the title and starts a heading of its own.
 */
function splitEmbedded(
  content: string,
  h: Heading,
  lastOrdinal: Map<HeadingStyle, number>,
  out: Heading[],
  /** The heading was taken on its nesting (一、X(一)Y。): its first inner marker counts without a 2. */
  nested = false,
): void {
  for (let parent = h; ; ) {
    // Only a heading-length stretch of the title is searched, so the pass stays linear.
    const from = parent.markerEnd + 1;
    const m = EMBEDDED_FIRST.exec(content.slice(from, Math.min(parent.titleEnd, from + EMBEDDED_REACH)));
    if (!m) return;
    const at = from + m.index;
    const inner = matchAt(content, at, 'line');
    if (!inner || inner.style === parent.style || inner.style === 'cn-shi') return;
    // A sequence already open goes on (…水平5.深入学习 after 4.); a new one needs its 2 to follow.
    const continues = lastOrdinal.get(inner.style) === inner.ordinal - 1;
    const trusted = nested && parent === h && inner.ordinal === 1;
    if (!continues && !trusted && !(inner.ordinal === 1 && secondFollows(content, inner, content.length))) return;
    parent.titleEnd = at;
    out.push(inner);
    lastOrdinal.set(inner.style, inner.ordinal);
    parent = inner;
  }
}

/**
 * A first heading whose nesting shows it is one (一、X(一)Y… or 一、X1、Y…), even when its item 2
 * never follows (a short or cut-off text): the marker numbered 1 holds a deeper marker numbered 1
 * in its title (and, with `needSecond`, that one's 2 follows).
 */
function nestedFollows(content: string, h: Heading, needSecond: boolean): boolean {
  const from = h.markerEnd + 1;
  const m = EMBEDDED_FIRST.exec(content.slice(from, Math.min(h.titleEnd, from + EMBEDDED_REACH)));
  if (!m) return false;
  const inner = matchAt(content, from + m.index, 'line');
  return (
    inner !== null &&
    inner.style !== h.style &&
    inner.style !== 'cn-shi' &&
    inner.ordinal === 1 &&
    (!needSecond || secondFollows(content, inner, content.length))
  );
}

/** 二、法治建设纵深推进。1、加大审查力度。: a deeper 1 opening the text right after a heading's title. */
function opensParent(content: string, h: Heading, parent: Heading | undefined): boolean {
  if (!parent || parent.style === h.style || parent.style === 'cn-shi' || parent.titleEnd >= h.start) return false;
  return content.slice(parent.titleEnd, h.start).trim() === '。';
}

/**
 * A title glued to the text loses its line break (…年度工作总结及来年工作打算一、今年工作回顾1、…):
 * the first 一、 right after a title word, before any other heading and near the start, counts when
 * its nesting shows it.
 */
function gluedFirstHeading(content: string): Heading | null {
  const m = GLUED_FIRST.exec(content.slice(0, GLUED_REACH));
  // On the first line only: a line-start heading before it would have been found as one.
  if (!m || content.lastIndexOf('\n', m.index) >= 0) return null;
  const h = matchAt(content, m.index + m[0].length - 2, 'line');
  return h && h.ordinal === 1 && nestedFollows(content, h, true) ? h : null;
}
const GLUED_FIRST = /(?:总结|计划|打算|报告|要点|思路|安排|情况)一、/;
const GLUED_REACH = 200;

/** A numbered marker right after a title's last character (and a space): (一), 1、, 1., (1), ①. */
const EMBEDDED_FIRST =
  /(?<=[\u4e00-\u9fa5”)] ?)(?:\([一二三四五六七八九十]{1,3}\)|\(\d{1,2}\)|\d{1,2}[、.](?![\d%])|[\u2460-\u2473])/;
const EMBEDDED_REACH = 60;

/** Where the next run-in candidate stands (-1: not searched yet) and its length. */
interface RunInCursor {
  next: number;
  length: number;
}

/** A run-in heading follows a sentence end, or the colon of 现总结如下:一、… */
const RUN_IN_PRECEDERS = new Set(['。', ':', ';', '!', '?', ')']);

/** A sentence end, spaces, and a character a run-in marker can start with (digit, 一…十, (, ①…⑳). */
const RUN_IN_CANDIDATE = new RegExp(
  `[${[...RUN_IN_PRECEDERS].join('')}] *(?=[0-9一二三四五六七八九十(\u2460-\u2473])`,
  'g',
);

const SECOND_REACH = 3000;

/** Whether the marker numbered 2 of the same style follows a sentence end later in the paragraph. */
function secondFollows(content: string, first: Heading, to: number): boolean {
  const marker = content.slice(first.start, first.markerEnd);
  const second = marker.replace(/1|一|①/, (c) => (c === '1' ? '2' : c === '一' ? '二' : '②'));
  // Looked for within the paragraph and at most SECOND_REACH characters on: linear in the text.
  const window = content.slice(first.markerEnd, Math.min(to, first.markerEnd + SECOND_REACH));
  for (let at = window.indexOf(second); at >= 0; at = window.indexOf(second, at + 1)) {
    let before = at - 1;
    while (before > 0 && window[before] === ' ') before--;
    // After a sentence end, or at a line start (the 2 of a list whose 1 ran into a title).
    if (before >= 0 && (RUN_IN_PRECEDERS.has(window[before]) || window[before] === '\n')) return true;
  }
  return false;
}

function matchAt(content: string, at: number, where: 'line' | 'inline'): Heading | null {
  for (const rule of MARKER_RULES) {
    if (where === 'inline' && rule.position !== 'inline') continue;
    rule.pattern.lastIndex = at;
    const m = rule.pattern.exec(content);
    if (!m) continue;
    const markerEnd = at + m[0].length;
    // A marker needs a title: 一、 at the end of a line is not a heading.
    if (markerEnd >= content.length || content[markerEnd] === '\n') continue;
    return {
      style: rule.style,
      start: at,
      markerEnd,
      titleEnd: titleEnd(content, markerEnd),
      ordinal: ordinalValue(m[1]),
    };
  }
  return null;
}

/** TITLE_TERMINATORS by character code: a title is read a character at a time without making strings of them. */
const TITLE_END = new CharSet(TITLE_TERMINATORS);

function titleEnd(content: string, from: number): number {
  let i = from;
  while (i < content.length && !TITLE_END.at(content, i)) i++;
  return i;
}

/** 一是 … 二是 … inside a paragraph: after a clause end, and numbered in sequence. */
function findInlineItems(content: string, from: number, to: number, expected: number, out: Heading[]): void {
  for (let i = content.indexOf('是', from); i >= 0 && i < to; i = content.indexOf('是', i + 1)) {
    // (Called only for lines holding a 是, so these searches end within the line.)
    let s = i;
    while (s > from && s > i - 3 && '一二三四五六七八九十'.includes(content[s - 1])) s--;
    if (s === i) continue;
    const before = s === 0 ? '\n' : content[s - 1];
    if (s !== from && !INLINE_ITEM_PRECEDERS.has(before)) continue;
    if (s === from && from > 0 && content[from - 1] !== '\n' && !INLINE_ITEM_PRECEDERS.has(before)) continue;
    const item = matchAt(content, s, 'inline');
    if (!item) continue;
    // After a comma only a continuing sequence counts (一是…，二是…), so prose like 统一是 never does.
    if (before === ',' && item.ordinal !== expected) continue;
    if (item.ordinal !== expected && item.ordinal !== 1 && before !== '。' && s !== from) continue;
    out.push(item);
    expected = item.ordinal + 1;
  }
}
