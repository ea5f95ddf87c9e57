// Bytes → text. Reports come as UTF-8 (with or without a BOM), UTF-16 (with or without one),
// GBK/GB18030 from older Windows tools, Big5 from Hong Kong, Macau and Taiwan, and now and then
// something else; web pages (src/decode/html.ts) have their text extracted. Anything that is not
// text (empty, binary, undecodable) is refused with a reason.
//
// Decoding itself is Node's own: buffer.isUtf8 (and a plain loop, src/decode/utf8.ts) for UTF-8, WHATWG
// TextDecoder for the rest (Node ships with full ICU, so gbk/gb18030/big5/shift_jis/… are built
// in). Valid UTF-8 — nearly every report — takes the native fast path and never reaches the
// detector; only other bytes are given to jschardet (src/decode/detectEncoding.ts), on at most
// their first 64 KB.

import { isUtf8 } from 'node:buffer';
import { decodeWellFormedUtf8 } from './utf8.js';
import type { Warning } from '../model/schema.js';
import { proseWarning } from './chineseProse.js';
import { detectLegacyEncoding, detectUtf16 } from './detectEncoding.js';
import { declaredCharset, type HtmlToText, isHtml } from './html.js';

export type Decoded =
  | {
      ok: true;
      /** The text reportx parses: the decoded file, or for a page the text extracted from it. */
      text: string;
      /** What the bytes were read as (a TextDecoder encoding name). */
      encoding: string;
      /**
       * 0–1: how sure the encoding is. 1 for a byte-order mark, valid UTF-8, a forced encoding or
       * a page's declared charset; the detector's confidence for a guess.
       */
      confidence: number;
      /** `html` when the text was extracted from a web page. */
      format: 'text' | 'html';
      /** Why the text may be wrong: not-chinese-text. */
      warnings: Warning[];
    }
  | { ok: false; reason: string };

export interface DecodeOptions {
  /** Force a decoder instead of detecting one: any label TextDecoder accepts (gbk, gb18030, big5, utf-16le, …). */
  encoding?: string;
  /** The file's name: `.html`/`.htm` is read as a web page (content is sniffed too). */
  path?: string | null;
  /**
   * Extracts a page's text (`await loadHtmlToText()`, html.ts): needed only when `isHtml(path,
   * bytes)`, loaded by the caller then, so that text files never load the HTML parser.
   */
  htmlToText?: HtmlToText;
}

/** Above this share of undecodable or control characters the input is not text. */
const MAX_BAD_RATIO = 0.02;
/**
 * Input that is not valid UTF-8 is still taken as UTF-8 (damaged in a few places, the bad bytes
 * becoming U+FFFD) when it has at least this many well-formed non-ASCII characters per bad
 * sequence. GBK text read as UTF-8 has several bad sequences per good one, so the two never meet;
 * decoding a damaged UTF-8 file as GB18030 instead would turn all of it into mojibake.
 */
const MIN_GOOD_PER_BAD_UTF8 = 100;

/** U+FFFD or a control character other than \t \n \v \f \r (C0, DEL and C1). */
const BAD_CHAR = /[\x00-\x08\x0E-\x1F\x7F-\x9F\uFFFD]/g;

/** True when TextDecoder accepts `name` as an encoding label (case-insensitive, WHATWG names). */
export function isSupportedEncoding(name: string): boolean {
  return makeDecoder(name) !== null;
}

type Read = { ok: true; text: string; encoding: string; confidence: number } | { ok: false; reason: string };

/**
 * Bytes → text: the encoding (forced, from a byte-order mark, valid UTF-8, a page's declared
 * charset, UTF-16 without a mark, else the detector's guess), then for a web page its text; and a
 * warning when the result does not look like Chinese prose.
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const html = isHtml(options.path, bytes);
  const read = readText(bytes, options.encoding, html);
  if (!read.ok) return read;
  let text = read.text;
  if (html) {
    if (!options.htmlToText) return { ok: false, reason: 'a web page, but the HTML reader was not loaded (a bug)' };
    text = options.htmlToText(read.text);
    if (!/\S/.test(text)) return { ok: false, reason: 'empty page (no text in the HTML)' };
  }
  const warning = proseWarning(text, read.encoding);
  return {
    ok: true,
    text,
    encoding: read.encoding,
    confidence: read.confidence,
    format: html ? 'html' : 'text',
    warnings: warning ? [warning] : [],
  };
}

function readText(bytes: Uint8Array, forced: string | undefined, html: boolean): Read {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };

  if (forced !== undefined) {
    const decoder = makeDecoder(forced);
    if (!decoder) return { ok: false, reason: `unknown encoding: ${forced}` };
    // TextDecoder drops a BOM that matches the forced UTF-8/UTF-16 decoder, as detection does.
    return checked(
      bytes,
      decoder.decode(bytes),
      decoder.encoding,
      1,
      `not ${decoder.encoding} text (undecodable bytes)`,
    );
  }

  const bom = detectBom(bytes);
  if (bom) {
    const text = new TextDecoder(bom.encoding, { ignoreBOM: true }).decode(bytes.subarray(bom.length));
    return checked(bytes, text, bom.encoding, 1);
  }

  // NUL bytes never occur in UTF-8 or GBK text, only in UTF-16 (every ASCII character has one);
  // checked before any other decoding, so binary files fail fast.
  if (bytes.indexOf(0) !== -1) {
    const utf16 = detectUtf16(bytes);
    if (utf16) return checked(bytes, new TextDecoder(utf16.encoding).decode(bytes), utf16.encoding, utf16.confidence);
    return { ok: false, reason: 'binary file (contains NUL bytes)' };
  }

  // buffer.isUtf8 validates in native code (SIMD) at several GB/s; well-formed bytes are then
  // decoded without validating again (src/decode/utf8.ts). Valid UTF-8 with any non-ASCII in it
  // is never an accident, so it wins even over a page's declared charset (scrapers re-save pages as UTF-8).
  if (isUtf8(bytes)) return checked(bytes, decodeWellFormedUtf8(bytes), 'utf-8', 1);
  // not well-formed UTF-8: a damaged UTF-8 file, or another encoding
  const damagedUtf8 = looksLikeDamagedUtf8(bytes);
  if (damagedUtf8 !== null) return checked(bytes, damagedUtf8.text, 'utf-8', damagedUtf8.confidence);

  if (html) {
    const declared = declaredCharset(bytes);
    const decoder = declared === null ? null : makeDecoder(declared);
    if (decoder) return checked(bytes, decoder.decode(bytes), decoder.encoding, 1);
  }

  const utf16 = detectUtf16(bytes);
  if (utf16) return checked(bytes, new TextDecoder(utf16.encoding).decode(bytes), utf16.encoding, utf16.confidence);

  const detected = detectLegacyEncoding(bytes) ?? { encoding: 'gb18030', confidence: 0 };
  const decoder = makeDecoder(detected.encoding);
  if (!decoder)
    return {
      ok: false,
      reason: `not UTF-8, and this Node has no ${detected.encoding} decoder (built without full ICU)`,
    };
  return checked(bytes, detected.text ?? decoder.decode(bytes), decoder.encoding, detected.confidence);
}

function makeDecoder(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label);
  } catch {
    return null; // RangeError ERR_ENCODING_NOT_SUPPORTED, or an ICU-less Node
  }
}

function detectBom(b: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * The lenient UTF-8 decoding of bytes that failed the strict check, when the damage is small: a
 * file cut off in the middle of its last character, or a few stray bytes among many well-formed
 * multi-byte characters. Null when the bytes look like another encoding.
 */
function looksLikeDamagedUtf8(bytes: Uint8Array): { text: string; confidence: number } | null {
  // A file cut off in the middle of its last character: well-formed up to there.
  if (isUtf8(bytes.subarray(0, incompleteTailStart(bytes))))
    return { text: new TextDecoder('utf-8').decode(bytes), confidence: 1 };
  // Lenient decoding of bytes full of bad sequences is slow (GBK, binary): look at the start
  // first, where GBK text fails at once. One more bad sequence is allowed there, for a character
  // cut at the sample's end.
  const SAMPLE = 4 * 1024;
  if (bytes.length > SAMPLE && fewBadSequences(bytes.subarray(0, SAMPLE), 1) === null) return null;
  const text = fewBadSequences(bytes, 0);
  // A few bad sequences among many good characters: nearly sure.
  return text === null ? null : { text, confidence: 0.99 };
}

/**
 * Where an unfinished multi-byte sequence at the very end starts (bytes.length if there is none):
 * the last lead byte within the final three bytes, when the bytes after it are too few for it.
 */
function incompleteTailStart(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= Math.max(0, bytes.length - 3); i--) {
    const b = bytes[i];
    if (b < 0x80) break; // ASCII: nothing unfinished
    if (b >= 0xc0) {
      const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return bytes.length - i < needed ? i : bytes.length;
    }
  }
  return bytes.length;
}

/** The lenient UTF-8 decoding, if it has at most 1 bad sequence per MIN_GOOD_PER_BAD_UTF8 good characters (+ slack). */
function fewBadSequences(bytes: Uint8Array, slack: number): string | null {
  const text = new TextDecoder('utf-8').decode(bytes);
  // Each well-formed non-ASCII character takes 1–2 more bytes than UTF-16 code units (CJK: 3
  // bytes, 1 unit); each bad byte becomes one U+FFFD (1 byte → 1 unit). So this estimates the
  // number of good non-ASCII characters, Chinese text being mostly 3-byte characters.
  const good = (bytes.length - text.length) / 2;
  const allowed = Math.floor(good / MIN_GOOD_PER_BAD_UTF8) + slack;
  if (allowed < 1) return null;
  let bad = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) {
    if (++bad > allowed) return null;
  }
  return text;
}

/** The decoded text, or why it is not text: blank, or too many undecodable/control characters. */
function checked(
  bytes: Uint8Array,
  text: string,
  encoding: string,
  confidence: number,
  undecodable = 'not text (undecodable bytes)',
): Read {
  if (!/\S/.test(text)) return { ok: false, reason: 'empty file' };
  // In UTF-16 a NUL byte is ordinary (every ASCII character has one); a NUL character is not.
  if (encoding.startsWith('utf-16') ? text.includes('\0') : bytes.indexOf(0) !== -1) {
    return { ok: false, reason: 'binary file (contains NUL bytes)' };
  }
  const limit = Math.floor(text.length * MAX_BAD_RATIO);
  let bad = 0;
  BAD_CHAR.lastIndex = 0;
  while (BAD_CHAR.exec(text) !== null) {
    if (++bad > limit) return { ok: false, reason: undecodable };
  }
  return { ok: true, text, encoding, confidence };
}
