// The numbered-heading styles, as data. Patterns run on the normalised text (half-width
// brackets and digits), anchored at the position being tested.

export type HeadingStyle = 'cn-comma' | 'cn-paren' | 'arabic-dot' | 'arabic-paren' | 'circled' | 'cn-shi';

export interface MarkerRule {
  style: HeadingStyle;
  /** Sticky pattern; group 1 is the ordinal as written. */
  pattern: RegExp;
  /** 'line': only at the start of a line; 'inline': also inside a paragraph after a clause end. */
  position: 'line' | 'inline';
}

const CN = '[一二三四五六七八九十]{1,3}';

export const MARKER_RULES: MarkerRule[] = [
  { style: 'cn-comma', pattern: new RegExp(`(${CN})、`, 'y'), position: 'line' },
  { style: 'cn-paren', pattern: new RegExp(`\\((${CN})\\)`, 'y'), position: 'line' },
  { style: 'arabic-paren', pattern: /\((\d{1,2})\)/y, position: 'line' },
  // 1. 1、 (1． is normalised to 1.) but not a decimal such as 1.2亿.
  { style: 'arabic-dot', pattern: /(\d{1,2})[.、](?![\d%])/y, position: 'line' },
  { style: 'circled', pattern: /([\u2460-\u2473])/y, position: 'line' },
  { style: 'cn-shi', pattern: new RegExp(`(${CN})是`, 'y'), position: 'inline' },
];

/** Characters after which an inline 一是/二是 item may start inside a paragraph. */
export const INLINE_ITEM_PRECEDERS = new Set(['。', ';', ':', '!', '?', ',', ' ', '\n', '”']);

/** Title ends at the first of these (or the line end). */
export const TITLE_TERMINATORS = new Set(['。', ';', '\n']);
