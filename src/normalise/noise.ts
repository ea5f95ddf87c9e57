// Text that is not report content: paywall markers, the scraped web page's header fields and
// footer links, a trailing empty 附件 line. Found on the normalised text; returned as spans so the
// later stages can blank them out without moving any offset.
import type { Span, Warning } from '../model/schema.js';

/** A field label that marks a line as web-page chrome, not report text. */
const PAGE_FIELD_LABELS = [
  '访问次数',
  '浏览次数',
  '阅读次数',
  '点击数',
  '点击率',
  '字体大小',
  '字号',
  '信息来源',
  '来源:',
  '作者:',
  '发布时间',
  '发布日期',
  '发文日期',
  '成文日期',
  '索引号',
  '主题分类',
  '发文机关',
  '发布机构',
  '文号:',
  '打印本页',
  '关闭窗口',
  '分享到',
  '扫一扫',
  '上一篇',
  '下一篇',
  '相关链接',
  '版权所有',
  '【打印】',
  '【关闭】',
  '主动公开',
  '依申请公开',
  '不予公开',
];

/** Markers such as ##paidbegin## that scrapers leave inside the text, even mid-word. */
const INLINE_MARKER = /##[a-z_]{2,20}##/gi;
/**
 * A footnote's number glued to the word it notes, as a page's superscript comes out as text
 * (地区生产总值[2]394.6亿元, 常住人口[4]55.27万人): between the word and its figure it would part them.
 */
const FOOTNOTE_MARKER = /(?<=[\u4e00-\u9fa5])\[\d{1,2}\](?=[\d\u4e00-\u9fa5,;:。、])/g;

export interface NoiseResult {
  spans: Span[];
  /** Where the page header ends: meta reads what is before it. */
  headerEnd: number;
  warnings: Warning[];
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    lines.push({ start, end, text: text.slice(start, end) });
    if (nl < 0) return lines;
    start = nl + 1;
  }
}

/** Any of PAGE_FIELD_LABELS, as one search (a line is read once, not once a label). */
const FIELD_LABEL = new RegExp(
  PAGE_FIELD_LABELS.map((label) => label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
);

const isFieldLine = (line: string) => line.length <= 80 && FIELD_LABEL.test(line);

/** A short line with no sentence punctuation, like 县司法局 or 计划总结 in a page header. */
const isHeaderish = (line: string) => line.trim().length <= 40 && !/[。;!?]/.test(line) && !/[,，]/.test(line);

export function findNoise(text: string): NoiseResult {
  const spans: Span[] = [];
  const warnings: Warning[] = [];
  const note = (span: Span, what: string) => {
    spans.push(span);
    warnings.push({
      code: 'noise-removed',
      message: `${what}: ${JSON.stringify(text.slice(span.start, Math.min(span.end, span.start + 40)))}`,
      span,
    });
  };

  // Most texts have no ## at all: found by a plain search before the pattern runs over the text.
  if (text.includes('##'))
    for (const m of text.matchAll(INLINE_MARKER))
      note({ start: m.index, end: m.index + m[0].length }, 'scraper marker');

  if (text.includes('['))
    for (const m of text.matchAll(FOOTNOTE_MARKER))
      note({ start: m.index, end: m.index + m[0].length }, 'footnote mark');

  const lines = splitLines(text);
  // The page header: leading short lines, counted as a header only when one of them is a field line.
  let headerEnd = 0;
  let lastHeaderLine = -1;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text;
    if (t.trim() === '') continue;
    if (!isHeaderish(t) && !isFieldLine(t)) break;
    if (isFieldLine(t)) lastHeaderLine = i;
  }
  if (lastHeaderLine >= 0) {
    for (let i = 0; i <= lastHeaderLine; i++)
      if (lines[i].text.trim()) note({ start: lines[i].start, end: lines[i].end }, 'page header');
    headerEnd = lines[lastHeaderLine].end;
  }
  // Footer chrome anywhere after the header, and a trailing bare 附件 line.
  for (let i = lastHeaderLine + 1; i < lines.length; i++) {
    if (isFieldLine(lines[i].text) && isHeaderish(lines[i].text))
      note({ start: lines[i].start, end: lines[i].end }, 'page footer');
  }
  const last = [...lines].reverse().find((l) => l.text.trim() !== '');
  if (last && /^\s*附件\s*[:：]?\s*$/.test(last.text))
    note({ start: last.start, end: last.end }, 'empty attachment line');

  spans.sort((a, b) => a.start - b.start);
  return { spans, headerEnd, warnings };
}

/** The text with every noise span replaced by spaces: same length, offsets unchanged. */
export function blankSpans(text: string, spans: Span[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at) continue;
    out += text.slice(at, s.start) + ' '.repeat(s.end - s.start);
    at = s.end;
  }
  return out + text.slice(at);
}
