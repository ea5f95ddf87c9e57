import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { decodeBytes, isSupportedEncoding } from '../src/decode/decodeBytes.js';
import { parseBytes } from '../src/cli/parseFile.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const fixtureNames = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const fixtureText = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const TEXT = fixtureText('000_d8fa31b0e3316016.txt');

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const withBom = (bom: number[], body: Uint8Array) => new Uint8Array(Buffer.concat([Buffer.from(bom), body]));

function expectText(bytes: Uint8Array, text: string, encoding: string, options: { encoding?: string } = {}) {
  const decoded = decodeBytes(bytes, options);
  expect(decoded).toMatchObject({ ok: true, text, encoding, format: 'text' });
  return decoded.ok ? decoded : null;
}

function expectFailure(bytes: Uint8Array, reason: string, options: { encoding?: string } = {}) {
  expect(decodeBytes(bytes, options)).toEqual({ ok: false, reason });
}

/** Deterministic bytes (xorshift32), so a failure can be reproduced. */
function randomBytes(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

describe('Node has the decoders reportx relies on', () => {
  it('TextDecoder knows gb18030 and gbk (full ICU) and round-trips iconv-lite bytes', () => {
    expect(new TextDecoder('gb18030').encoding).toBe('gb18030');
    expect(new TextDecoder('gbk').encoding).toBe('gbk');
    const sample = '上高县司法局２０２４年工作总结€䶮𠮷';
    expect(new TextDecoder('gb18030').decode(iconv.encode(sample, 'gb18030'))).toBe(sample);
  });
});

describe('decodeBytes: detection', () => {
  it('UTF-8 without a BOM', () => {
    expectText(utf8(TEXT), TEXT, 'utf-8');
  });

  it('UTF-8 with a BOM: the BOM is not part of the text', () => {
    expectText(withBom([0xef, 0xbb, 0xbf], utf8(TEXT)), TEXT, 'utf-8');
  });

  it('UTF-16LE with a BOM', () => {
    expectText(withBom([0xff, 0xfe], Buffer.from(TEXT, 'utf16le')), TEXT, 'utf-16le');
  });

  it('UTF-16BE with a BOM', () => {
    expectText(withBom([0xfe, 0xff], Buffer.from(TEXT, 'utf16le').swap16()), TEXT, 'utf-16be');
  });

  it('GBK bytes are decoded as GB18030 (a superset)', () => {
    const bytes = iconv.encode(TEXT, 'gbk');
    expect(bytes.length).toBeLessThan(Buffer.byteLength(TEXT)); // really 2-byte GBK, not UTF-8
    expectText(new Uint8Array(bytes), TEXT, 'gb18030');
  });

  it('GB18030 bytes, including characters outside GBK (4-byte sequences)', () => {
    const text = `${TEXT}\n生僻字：䶮、𠮷、㐀。\n`;
    const bytes = iconv.encode(text, 'gb18030');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expectText(new Uint8Array(bytes), text, 'gb18030');
  });

  it('GB18030 text that is mostly ASCII with one Chinese word', () => {
    const text = `${'Report 2024, section 1. '.repeat(400)}总结\n`;
    expectText(new Uint8Array(iconv.encode(text, 'gb18030')), text, 'gb18030');
  });

  it('CRLF text is kept exactly: \\r\\n stays and offsets index into it', () => {
    const crlf = TEXT.replace(/\n/g, '\r\n');
    expect(crlf).not.toBe(TEXT);
    for (const [bytes, encoding] of [
      [utf8(crlf), 'utf-8'],
      [new Uint8Array(iconv.encode(crlf, 'gb18030')), 'gb18030'],
      [withBom([0xff, 0xfe], Buffer.from(crlf, 'utf16le')), 'utf-16le'],
    ] as const) {
      const decoded = decodeBytes(bytes);
      expect(decoded).toMatchObject({ ok: true, text: crlf, encoding });
      if (!decoded.ok) continue;
      const at = decoded.text.indexOf('二、');
      expect(at).toBe(crlf.indexOf('二、'));
      expect(decoded.text.slice(at - 2, at)).toBe('\r\n');
    }
  });

  it('UTF-8 cut off in the middle of its last character stays UTF-8', () => {
    const bytes = utf8(TEXT + '完');
    const cut = bytes.subarray(0, bytes.length - 1);
    expectText(cut, TEXT + '\uFFFD', 'utf-8');
  });

  it('UTF-8 with a stray byte in the middle stays UTF-8 (not GB18030 mojibake)', () => {
    const good = utf8(TEXT);
    const half = TEXT.length >> 1;
    const cutAt = Buffer.byteLength(TEXT.slice(0, half));
    const bytes = new Uint8Array(Buffer.concat([good.subarray(0, cutAt), Buffer.from([0xa0]), good.subarray(cutAt)]));
    expectText(bytes, `${TEXT.slice(0, half)}\uFFFD${TEXT.slice(half)}`, 'utf-8');
  });

  it('long inputs: damage far from the start, or GBK after a long ASCII start, are still told apart', () => {
    const long = TEXT.repeat(30); // ~270 KB of UTF-8
    const good = utf8(long);
    const cutAt = Buffer.byteLength(long.slice(0, TEXT.length * 20));
    const damaged = new Uint8Array(Buffer.concat([good.subarray(0, cutAt), Buffer.from([0xff]), good.subarray(cutAt)]));
    expectText(damaged, `${long.slice(0, TEXT.length * 20)}\uFFFD${long.slice(TEXT.length * 20)}`, 'utf-8');

    const asciiThenChinese = `${'Work report, part one.\n'.repeat(4000)}${TEXT}`;
    expectText(new Uint8Array(iconv.encode(asciiThenChinese, 'gbk')), asciiThenChinese, 'gb18030');
  });
});

describe('decodeBytes: forced encoding', () => {
  it('decodes with the forced decoder and records its canonical name', () => {
    const big5Text = '臺北市政府工作報告：全年辦理案件一千餘件。';
    const big5 = new Uint8Array(iconv.encode(big5Text, 'big5'));
    expectText(big5, big5Text, 'big5', { encoding: 'big5' });
    // a forced encoding is sure
    expect(decodeBytes(big5, { encoding: 'big5' })).toMatchObject({ confidence: 1, warnings: [] });

    expectText(new Uint8Array(iconv.encode(TEXT, 'gbk')), TEXT, 'gbk', { encoding: 'GBK' });
    expectText(new Uint8Array(iconv.encode(TEXT, 'gb18030')), TEXT, 'gb18030', { encoding: 'gb18030' });
    expectText(new Uint8Array(Buffer.from(TEXT, 'utf16le')), TEXT, 'utf-16le', { encoding: 'utf-16le' });
    expectText(withBom([0xff, 0xfe], Buffer.from(TEXT, 'utf16le')), TEXT, 'utf-16le', { encoding: 'utf-16le' });
    expectText(withBom([0xef, 0xbb, 0xbf], utf8(TEXT)), TEXT, 'utf-8', { encoding: 'utf8' });
  });

  it('a forced encoding that does not fit the bytes is reported, not guessed around', () => {
    expectFailure(new Uint8Array(iconv.encode(TEXT, 'gbk')), 'not utf-8 text (undecodable bytes)', {
      encoding: 'utf-8',
    });
  });

  it('an unknown label is refused', () => {
    expectFailure(utf8(TEXT), 'unknown encoding: klingon', { encoding: 'klingon' });
    for (const name of ['utf-8', 'UTF8', 'gbk', 'GB2312', 'gb18030', 'big5', 'utf-16le', 'utf-16be', 'latin1']) {
      expect(isSupportedEncoding(name), name).toBe(true);
    }
    for (const name of ['klingon', '', 'utf-32', 'x-user-defined', 'replacement']) {
      expect(isSupportedEncoding(name), name).toBe(false);
    }
  });
});

describe('decodeBytes: not text', () => {
  it('empty input', () => {
    expectFailure(new Uint8Array(0), 'empty file');
  });

  it('whitespace only, in any encoding, and a lone BOM', () => {
    const blank = ' \t\r\n\u3000\r\n  ';
    expectFailure(utf8(blank), 'empty file');
    expectFailure(new Uint8Array(iconv.encode(blank, 'gb18030')), 'empty file');
    expectFailure(withBom([0xff, 0xfe], Buffer.from(blank, 'utf16le')), 'empty file');
    expectFailure(new Uint8Array([0xef, 0xbb, 0xbf]), 'empty file');
    expectFailure(new Uint8Array([0xfe, 0xff]), 'empty file');
  });

  it('NUL bytes outside UTF-16', () => {
    expectFailure(utf8(`${TEXT}\0${TEXT}`), 'binary file (contains NUL bytes)');
    expectFailure(utf8(`${TEXT}\0`), 'binary file (contains NUL bytes)', { encoding: 'gbk' });
  });

  it('NUL bytes are normal in UTF-16, a NUL character is not', () => {
    const ascii = 'Annual report\r\n';
    expectText(withBom([0xff, 0xfe], Buffer.from(ascii, 'utf16le')), ascii, 'utf-16le');
    expectFailure(withBom([0xff, 0xfe], Buffer.from(`${ascii}\0`, 'utf16le')), 'binary file (contains NUL bytes)');
  });

  it('random binary', () => {
    expectFailure(randomBytes(4096), 'binary file (contains NUL bytes)');
    const noNul = randomBytes(4096, 12345).map((b) => (b === 0 ? 1 : b));
    expectFailure(noNul, 'not text (undecodable bytes)');
    // a PNG header and chunk, as a real binary file starts
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expectFailure(png, 'binary file (contains NUL bytes)');
  });

  it('text full of control characters', () => {
    expectFailure(utf8('\x1b[1m\x07\x08\x1b[0m'.repeat(50) + TEXT.slice(0, 100)), 'not text (undecodable bytes)');
    // a few are tolerated in a long text
    const text = `${TEXT}\x0c${TEXT}\x1a`;
    expectText(utf8(text), text, 'utf-8');
  });
});

describe('decodeBytes: speed', () => {
  const target = 50 * 1024 * 1024;
  let big = TEXT;
  while (Buffer.byteLength(big) < target) big += big;

  it('50 MB of UTF-8 and of GB18030 decode in linear time', () => {
    for (const [bytes, encoding] of [
      [utf8(big), 'utf-8'],
      [new Uint8Array(iconv.encode(big, 'gb18030')), 'gb18030'],
    ] as const) {
      const started = performance.now();
      const decoded = decodeBytes(bytes);
      const ms = performance.now() - started;
      expect(decoded.ok && decoded.encoding).toBe(encoding);
      expect(decoded.ok && decoded.text.length).toBe(big.length);
      expect(ms, `${encoding}: ${ms.toFixed(0)} ms`).toBeLessThan(5000);
    }
  });

  it('50 MB of binary is refused quickly', () => {
    const bytes = randomBytes(target).map((b) => (b === 0 ? 1 : b));
    const started = performance.now();
    expect(decodeBytes(bytes)).toEqual({ ok: false, reason: 'not text (undecodable bytes)' });
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('GB18030 copies of the fixtures', () => {
  it.each(fixtureNames)('%s decodes to the same text and parses to the same document', (name) => {
    const text = fixtureText(name);
    const original = readFileSync(join(FIXTURES, name));
    const gb = iconv.encode(text, 'gb18030');
    expect(Buffer.compare(gb, original)).not.toBe(0);

    expectText(new Uint8Array(gb), text, 'gb18030');
    expectText(new Uint8Array(original), text, 'utf-8');

    const fromUtf8 = parseBytes(name, original);
    const fromGb = parseBytes(name, gb);
    expect(fromUtf8.ok, !fromUtf8.ok ? fromUtf8.reason : '').toBe(true);
    expect(fromGb.ok, !fromGb.ok ? fromGb.reason : '').toBe(true);
    if (!fromUtf8.ok || !fromGb.ok) return;
    expect(fromGb.document.metrics).toEqual(fromUtf8.document.metrics);
    expect(fromGb.document.sections).toEqual(fromUtf8.document.sections);
    expect(fromGb.document.source.encoding).toBe('gb18030');
    expect(fromGb.document.source.characters).toBe(fromUtf8.document.source.characters);
  });
});
