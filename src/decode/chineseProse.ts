// Does decoded text look like Chinese prose? A wrong guess of the encoding still "decodes":
// Big5 read as GB18030 gives rare characters, Shift-JIS gives kana, Latin-1 gives letters. The
// decode stage warns when the text does not look like what reportx reads, so that a wrong
// encoding never passes silently.
import type { Warning } from '../model/schema.js';
import { isAsciiLetterCode } from '../text/chars.js';
import { isCommonHan } from './commonHan.js';

/** Enough of the text to judge (the start of a long file). */
const SAMPLE = 64 * 1024;
/** Below this many letters the text is too short to judge. */
const MIN_LETTERS = 8;

export interface ProseCounts {
  /** Letters of any script (Han, kana, Hangul, Latin, …). */
  letters: number;
  han: number;
  commonHan: number;
  kana: number;
  hangul: number;
}

/**
 * The letters of the start of `text`, by script. With `common: false` common characters are not
 * told apart (commonHan counts every Chinese character): text read as UTF-8 or UTF-16 cannot be
 * the mojibake of a wrong legacy encoding, and this spares a cold start the table (~10 ms).
 */
export function proseCounts(text: string, common = true): ProseCounts {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const counts: ProseCounts = { letters: 0, han: 0, commonHan: 0, kana: 0, hangul: 0 };
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code < 0x80) {
      if (isAsciiLetterCode(code)) counts.letters++;
    } else if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) {
      counts.letters++;
      counts.han++;
      if (!common || isCommonHan(code)) counts.commonHan++;
    } else if (code >= 0x3040 && code <= 0x30ff) {
      counts.letters++;
      counts.kana++;
    } else if ((code >= 0xac00 && code <= 0xd7a3) || (code >= 0x1100 && code <= 0x11ff)) {
      counts.letters++;
      counts.hangul++;
    } else if (isOtherLetter(code)) counts.letters++;
  }
  return counts;
}

/** Latin (accented), Greek, Cyrillic, Hebrew, Arabic and Thai letters: plain ranges, no Unicode property regex (costly to compile at start-up). */
function isOtherLetter(code: number): boolean {
  return (
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
    (code >= 0x370 && code <= 0x52f) ||
    (code >= 0x5d0 && code <= 0x6ff) ||
    (code >= 0xe01 && code <= 0xe4e)
  );
}

/**
 * Why the text does not look like Chinese prose, or null when it does (or is too short to say):
 * fewer than 30% of its letters Chinese characters, kana or Hangul among them, or fewer than 80%
 * of its Chinese characters common ones (real reports: over 97%; mojibake: far fewer).
 */
export function notChineseReason(counts: ProseCounts): string | null {
  const { letters, han, commonHan, kana, hangul } = counts;
  if (letters < MIN_LETTERS) return null;
  const pct = (x: number) => `${Math.round(100 * x)}%`;
  if (kana > 0.05 * letters) return `${pct(kana / letters)} of its letters are Japanese kana`;
  if (hangul > 0.05 * letters) return `${pct(hangul / letters)} of its letters are Korean Hangul`;
  if (han < 0.3 * letters) return `only ${pct(han / letters)} of its letters are Chinese characters`;
  if (commonHan < 0.8 * han) return `only ${pct(commonHan / han)} of its Chinese characters are common ones`;
  return null;
}

/** The warning for text that does not look like Chinese prose, or null. */
export function proseWarning(text: string, encoding: string): Warning | null {
  const reason = notChineseReason(proseCounts(text, !encoding.startsWith('utf-')));
  if (reason === null) return null;
  return {
    code: 'not-chinese-text',
    message: `the text read as ${encoding} does not look like Chinese prose (${reason}): a wrong encoding? (--encoding forces one)`,
    span: null,
  };
}
