// Bytes → text. Reports come as UTF-8 (with or without a BOM), UTF-16 with a BOM, or GBK/GB18030
// from older Windows tools; anything else (empty, binary, undecodable) is refused with a reason.
//
// All decoding is Node's own rather than a library's: buffer.isUtf8 and Buffer#toString for
// UTF-8, WHATWG TextDecoder for the rest (Node ships with full ICU, so gbk/gb18030/big5/… are
// built in, no dependency to keep up to date). The work happens in native code — the only
// JS-level scans below are indexOf and regex searches, so a 50 MB file decodes in linear time
// without per-byte JavaScript loops.

import { isUtf8 } from 'node:buffer';
import { decodeWellFormedUtf8 } from './utf8.js';

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

export interface DecodeOptions {
  /** Force a decoder instead of detecting one: any label TextDecoder accepts (gbk, gb18030, big5, utf-16le, …). */
  encoding?: string;
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

export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };

  if (options.encoding !== undefined) {
    const decoder = makeDecoder(options.encoding);
    if (!decoder) return { ok: false, reason: `unknown encoding: ${options.encoding}` };
    // TextDecoder drops a BOM that matches the forced UTF-8/UTF-16 decoder, as detection does.
    return checked(bytes, decoder.decode(bytes), decoder.encoding, `not ${decoder.encoding} text (undecodable bytes)`);
  }

  const bom = detectBom(bytes);
  if (bom) {
    const text = new TextDecoder(bom.encoding, { ignoreBOM: true }).decode(bytes.subarray(bom.length));
    return checked(bytes, text, bom.encoding);
  }

  // NUL bytes never occur in UTF-8 or GBK text; checked before any decoding, so binary files fail fast.
  if (bytes.indexOf(0) !== -1) return { ok: false, reason: 'binary file (contains NUL bytes)' };

  // buffer.isUtf8 validates in native code (SIMD) at several GB/s; well-formed bytes are then
  // decoded without validating again (src/decode/utf8.ts).
  if (isUtf8(bytes)) return checked(bytes, decodeWellFormedUtf8(bytes), 'utf-8');
  // not well-formed UTF-8: a damaged UTF-8 file, or GBK/GB18030
  const damagedUtf8 = looksLikeDamagedUtf8(bytes);
  if (damagedUtf8 !== null) return checked(bytes, damagedUtf8, 'utf-8');

  const gb18030 = makeDecoder('gb18030');
  if (!gb18030)
    return { ok: false, reason: 'not UTF-8, and this Node has no GB18030 decoder (built without full ICU)' };
  return checked(bytes, gb18030.decode(bytes), 'gb18030');
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
function looksLikeDamagedUtf8(bytes: Uint8Array): string | null {
  // A file cut off in the middle of its last character: well-formed up to there.
  if (isUtf8(bytes.subarray(0, incompleteTailStart(bytes)))) return new TextDecoder('utf-8').decode(bytes);
  // Lenient decoding of bytes full of bad sequences is slow (GBK, binary): look at the start
  // first, where GBK text fails at once. One more bad sequence is allowed there, for a character
  // cut at the sample's end.
  const SAMPLE = 4 * 1024;
  if (bytes.length > SAMPLE && fewBadSequences(bytes.subarray(0, SAMPLE), 1) === null) return null;
  return fewBadSequences(bytes, 0);
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
  undecodable = 'not text (undecodable bytes)',
): Decoded {
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
  return { ok: true, text, encoding };
}
