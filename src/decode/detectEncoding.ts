// Which legacy encoding bytes that are not UTF-8 are in. UTF-16 without a byte-order mark is
// recognised here (by how many of its characters would be common Chinese ones or ASCII); every
// other encoding is left to jschardet, a maintained port of Mozilla's universal charset
// detector (chardet), limited to the encodings a report may come in. Measured on the fixtures
// converted with iconv-lite and on slices of them (README, "Encodings"): jschardet told GB18030 from
// Big5 in every sample from 8 bytes up and recognised Shift-JIS and Latin-1 text, where chardet
// (the other well-kept detector on npm) missed every 8-byte sample.
import { createRequire } from 'node:module';
import { isCommonHan } from './commonHan.js';

type Jschardet = typeof import('jschardet');
let jschardet: Jschardet | null = null;

/**
 * jschardet and its language models (1.2 MB of code) are loaded on first use, synchronously (its
 * CommonJS build): valid UTF-8, nearly every report, never needs them, and a cold start does not
 * pay for them. Kept outside the command line's bundle (scripts/bundle.mjs) for the same reason.
 */
function detector(): Jschardet['chardet'] {
  jschardet ??= createRequire(import.meta.url)('jschardet') as Jschardet;
  return jschardet.chardet;
}

/** jschardet reads at most this much from the start of a file: enough, and bounded for large files. */
const DETECT_BYTES = 64 * 1024;

/** The encodings jschardet may answer (its names) and the TextDecoder label each one stands for. */
const CANDIDATES: Record<string, string> = {
  gb18030: 'gb18030',
  big5hkscs: 'big5',
  cp932: 'shift_jis',
  shift_jis_2004: 'shift_jis',
  euc_jis_2004: 'euc-jp',
  euc_kr: 'euc-kr',
  cp949: 'euc-kr',
  cp1252: 'windows-1252',
  'iso8859-1': 'windows-1252',
  'iso8859-15': 'iso-8859-15',
};

export interface Detected {
  /** A TextDecoder label. */
  encoding: string;
  /** 0–1: how sure the detector is. */
  confidence: number;
  /** All the bytes decoded as `encoding`, when detecting it took that decoding already. */
  text?: string;
}

/** A Chinese reading is taken over the detector's non-Chinese guess when this share of its non-ASCII characters is common Chinese. */
const MIN_CHINESE_SHARE = 0.9;

/**
 * The encoding of bytes that are neither UTF-8 nor UTF-16: jschardet's guess among the legacy
 * encodings, on up to 64 KB from the first non-ASCII byte (a long ASCII start says nothing). When
 * the bytes read as GB18030 or Big5 are nearly all common Chinese characters and punctuation, and
 * more so than read as the guess, that reading wins: a few Chinese words in mostly ASCII text,
 * which the detector takes for Latin-1, or a few characters too short for it to tell GB18030
 * from Big5 (an ideographic space). reportx reads Chinese reports.
 */
export function detectLegacyEncoding(bytes: Uint8Array): Detected | null {
  let from = 0;
  while (from < bytes.length && bytes[from] < 0x80) from++;
  if (from === bytes.length) from = 0;
  const sample = bytes.subarray(from, from + DETECT_BYTES);
  const plain = plainlyChinese(sample);
  if (plain) return from + sample.length === bytes.length ? withWholeText(plain, bytes, from) : plain.detected;
  const result = detector().detect(sample, {
    includeEncodings: Object.keys(CANDIDATES),
    compatNames: false,
    maxBytes: DETECT_BYTES,
  });
  const encoding = result.encoding === null ? undefined : CANDIDATES[result.encoding];
  const guess = encoding === undefined ? null : { encoding, confidence: round(result.confidence) };
  // Accented letters inside Latin words (réuni, élus): the guess is right, whatever the bytes
  // would make in Chinese.
  const latin = guess !== null && /^(?:windows-125|iso-8859)/.test(guess.encoding);
  if (latin && inLatinWords(new TextDecoder(guess.encoding).decode(sample)) >= 0.5) return guess;
  let best = guess;
  let bestShare = guess === null ? 0 : chineseShare(new TextDecoder(guess.encoding).decode(sample)).share;
  // Overruling a non-Chinese guess takes two characters at least: one Latin-1 letter and the
  // ASCII letter after it can make one common character (é + l → 閡).
  const minCharacters = guess?.encoding === 'gb18030' || guess?.encoding === 'big5' ? 1 : 2;
  for (const chinese of ['gb18030', 'big5']) {
    if (chinese === guess?.encoding) continue;
    const { share, characters } = chineseShare(new TextDecoder(chinese).decode(sample));
    if (share >= MIN_CHINESE_SHARE && share > bestShare && characters >= minCharacters) {
      best = { encoding: chinese, confidence: round(share) };
      bestShare = share;
    }
  }
  return best;
}

/**
 * Enough text, nearly all common Chinese characters in one of GB18030 and Big5 and clearly not
 * in the other: a Chinese report, read without the detector (whose language models cost ~50 MB of
 * memory and most of the time of a non-UTF-8 file). Short or doubtful samples go to the detector.
 */
const PLAIN_MIN_CHARACTERS = 50;
const PLAIN_MIN_SHARE = 0.95;
const PLAIN_MAX_OTHER_SHARE = 0.8;

function plainlyChinese(sample: Uint8Array): { detected: Detected; sampleText: string } | null {
  const gbText = new TextDecoder('gb18030').decode(sample);
  const big5Text = new TextDecoder('big5').decode(sample);
  const gb = chineseShare(gbText);
  const big5 = chineseShare(big5Text);
  for (const [encoding, text, one, other] of [
    ['gb18030', gbText, gb, big5],
    ['big5', big5Text, big5, gb],
  ] as const) {
    if (one.characters >= PLAIN_MIN_CHARACTERS && one.share >= PLAIN_MIN_SHARE && other.share <= PLAIN_MAX_OTHER_SHARE)
      return { detected: { encoding, confidence: round(one.share) }, sampleText: text };
  }
  return null;
}

/**
 * The detection of a sample that runs to the end of `bytes`, with the whole text: the sample's
 * decoding after the ASCII bytes before it (each one character in GB18030 and Big5, whatever
 * follows). A report under 64 KB is then decoded once, not twice (~10% of decoding a GB18030 file).
 */
function withWholeText(
  plain: { detected: Detected; sampleText: string },
  bytes: Uint8Array,
  sampleFrom: number,
): Detected {
  const ascii = new TextDecoder(plain.detected.encoding).decode(bytes.subarray(0, sampleFrom));
  return { ...plain.detected, text: ascii + plain.sampleText };
}

/** The share of common Chinese characters and CJK punctuation among the non-ASCII characters (0 when there are none), and their number. */
function chineseShare(text: string): { share: number; characters: number } {
  let nonAscii = 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (isCjkPunctuation(c) || isCommonHan(c)) good++;
  }
  return { share: nonAscii === 0 ? 0 : good / nonAscii, characters: good };
}

/** The share of non-ASCII characters that are accented Latin letters next to an ASCII letter. */
function inLatinWords(text: string): number {
  let nonAscii = 0;
  let inWords = 0;
  const asciiLetter = (i: number) => i >= 0 && i < text.length && /[A-Za-z]/.test(text[i]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    nonAscii++;
    if (c >= 0xc0 && c <= 0x17f && c !== 0xd7 && c !== 0xf7 && (asciiLetter(i - 1) || asciiLetter(i + 1))) inWords++;
  }
  return nonAscii === 0 ? 0 : inWords / nonAscii;
}

/** CJK symbols and punctuation, full-width forms, and the general punctuation Chinese text uses (“”‘’—…). */
function isCjkPunctuation(c: number): boolean {
  return (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff5e) || (c >= 0x2010 && c <= 0x2027);
}

/** How much UTF-16 must look like text: the share of common Chinese characters and ASCII. */
const MIN_UTF16_SHARE = 0.9;

/**
 * UTF-16 without a byte-order mark: the byte order under which the text is mostly common Chinese
 * characters, ASCII, and CJK or full-width punctuation, with that share as the confidence; null
 * when neither order gives text. (GBK or Big5 bytes read as UTF-16 give Hangul, private-use and
 * rare characters; ASCII read as UTF-16 gives arbitrary ideographs, rarely common ones.)
 */
export function detectUtf16(bytes: Uint8Array): Detected | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const sample = bytes.length > DETECT_BYTES ? bytes.subarray(0, DETECT_BYTES) : bytes;
  let best: Detected | null = null;
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const share = utf16TextShare(sample, encoding === 'utf-16le', MIN_UTF16_SHARE);
    if (share >= MIN_UTF16_SHARE && (best === null || share > best.confidence))
      best = { encoding, confidence: round(share) };
  }
  return best;
}

/**
 * The share of text characters among the UTF-16 code units of `sample` (an even number of bytes),
 * as decoding it would give: read from the bytes, never decoded, and given up as soon as it can no
 * longer reach `atLeast` (then a share below it). Most bytes tried here are GB18030 or Big5,
 * which fail within a few hundred units; decoding them twice and counting every unit took ~14%
 * of decoding the bench corpus. The decoder would drop a leading U+FEFF and turn a lone surrogate
 * into U+FFFD: neither is a text character, so the count is the same.
 */
function utf16TextShare(sample: Uint8Array, littleEndian: boolean, atLeast: number): number {
  const [low, high] = littleEndian ? [0, 1] : [1, 0];
  const unit = (i: number) => sample[2 * i + low] | (sample[2 * i + high] << 8);
  const units = sample.length >> 1;
  const first = units > 0 && unit(0) === 0xfeff ? 1 : 0;
  const length = units - first;
  if (length === 0) return 0;
  let bad = 0;
  for (let i = first; i < units; i++) {
    if (isTextUnit(unit(i))) continue;
    bad++;
    const best = (length - bad) / length;
    if (best < atLeast) return best;
  }
  return (length - bad) / length;
}

/** Printable ASCII, a line break or tab, CJK or full-width punctuation, a common Chinese character. */
function isTextUnit(c: number): boolean {
  return (c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09 || isCjkPunctuation(c) || isCommonHan(c);
}

const round = (x: number) => Math.round(x * 1000) / 1000;
