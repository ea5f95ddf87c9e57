// Encodings other than UTF-8 and GB18030, measured on the fixtures converted with iconv-lite (and
// OpenCC for the traditional-character copies Big5 needs) and on short slices of them: Big5 is
// read as Big5, UTF-16 without a byte-order mark as UTF-16, and text that is not Chinese
// (Shift-JIS Japanese, Latin-1 French, a wrong forced encoding) is decoded with a warning. The
// confidence is recorded in the document.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { decodeBytes } from '../src/decode/decodeBytes.js';
import { parseBytes } from '../src/cli/parseFile.js';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'fixtures');
const names = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const texts = names.map((n) => readFileSync(join(FIXTURES, n), 'utf8'));
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const bytes = (text: string, encoding: string) => new Uint8Array(iconv.encode(text, encoding));

// Written for these tests (not third-party text).
const JAPANESE =
  '本日は晴天なり。私たちの町では、来月から新しい図書館が開館する予定です。市の担当者によると、蔵書数は約十二万冊で、子ども向けの読み聞かせ会も毎週開かれるということです。';
const FRENCH =
  "Le conseil municipal s'est réuni mardi soir pour examiner le budget de l'année prochaine. Les élus ont approuvé à l'unanimité la rénovation de l'école élémentaire.";

describe('Big5', () => {
  it.each(names.map((n, i) => [n, i] as const))('%s in traditional characters, as Big5, is read as Big5', (_n, i) => {
    // Characters Big5 lacks become '?' in iconv-lite: compare with what Big5 can hold.
    const big5 = bytes(toTraditional(texts[i]), 'big5');
    const decoded = decodeBytes(big5);
    expect(decoded).toMatchObject({ ok: true, encoding: 'big5', warnings: [] });
    if (!decoded.ok) return;
    expect(decoded.text).toBe(new TextDecoder('big5').decode(big5));
    expect(decoded.text).toMatch(/司法局/);
    expect(decoded.confidence).toBeGreaterThan(0.5);
    // and it parses to the same metrics as the same text given as UTF-8
    const viaBig5 = parseBytes('a.txt', big5);
    const viaUtf8 = parseBytes('a.txt', new Uint8Array(Buffer.from(decoded.text)));
    expect(viaBig5.ok && viaBig5.document.metrics).toEqual(viaUtf8.ok && viaUtf8.document.metrics);
  });

  it('short slices (8 to 150 bytes) of every fixture are told from GB18030: all from 25 characters, 95% below', () => {
    let tried = 0;
    const misses: string[] = [];
    for (const text of texts) {
      for (const length of [4, 10, 25, 75]) {
        for (let k = 0; k < 8; k++) {
          const start = Math.floor(((text.length - length) * k) / 8);
          const slice = text.slice(start, start + length);
          if (!/\p{Script=Han}/u.test(slice)) continue;
          const traditional = toTraditional(slice);
          const big5 = decodeBytes(bytes(traditional, 'big5'));
          const gb = decodeBytes(bytes(slice, 'gb18030'));
          tried += 2;
          if (big5.ok && big5.encoding === 'big5' && gb.ok && gb.encoding === 'gb18030') continue;
          if (length >= 25)
            throw new Error(`${slice}: Big5 read as ${big5.ok && big5.encoding}, GB as ${gb.ok && gb.encoding}`);
          misses.push(slice);
        }
      }
    }
    expect(tried).toBeGreaterThan(300);
    // Measured: one miss in 312 (複議監督, four characters).
    expect(misses.length / tried, misses.join(' ')).toBeLessThan(0.05);
  });
});

describe('UTF-16 without a byte-order mark', () => {
  it.each(names.map((n, i) => [n, i] as const))('%s as UTF-16LE and UTF-16BE', (_n, i) => {
    for (const encoding of ['utf-16le', 'utf-16be']) {
      const decoded = decodeBytes(bytes(texts[i], encoding));
      expect(decoded).toMatchObject({ ok: true, encoding, text: texts[i], warnings: [] });
      expect(decoded.ok && decoded.confidence).toBeGreaterThan(0.95);
    }
  });

  it('short Chinese text with no ASCII (no NUL byte at all) and with ASCII', () => {
    for (const text of ['上高县司法局', '全年办理法律援助案件1203件。', '调解成功率达99.78%']) {
      expect(decodeBytes(bytes(text, 'utf-16le'))).toMatchObject({ ok: true, encoding: 'utf-16le', text });
      expect(decodeBytes(bytes(text, 'utf-16be'))).toMatchObject({ ok: true, encoding: 'utf-16be', text });
    }
  });

  it('binary with NUL bytes is still refused', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(decodeBytes(png)).toEqual({ ok: false, reason: 'binary file (contains NUL bytes)' });
  });
});

describe('text that is not Chinese prose is decoded with a warning', () => {
  it('Shift-JIS Japanese', () => {
    const decoded = decodeBytes(bytes(JAPANESE, 'shift_jis'));
    expect(decoded).toMatchObject({ ok: true, encoding: 'shift_jis', text: JAPANESE });
    expect(decoded.ok && decoded.warnings.map((w) => w.code)).toEqual(['not-chinese-text']);
    expect(decoded.ok && decoded.warnings[0].message).toMatch(/kana/);
  });

  it('Latin-1 French', () => {
    const decoded = decodeBytes(bytes(FRENCH, 'latin1'));
    expect(decoded).toMatchObject({ ok: true, text: FRENCH });
    expect(decoded.ok && decoded.warnings.map((w) => w.code)).toEqual(['not-chinese-text']);
  });

  it('a wrong forced encoding: Big5 read as GB18030, GBK read as Big5', () => {
    const big5 = bytes(toTraditional(texts[0]), 'big5');
    const asGb = decodeBytes(big5, { encoding: 'gb18030' });
    expect(asGb.ok && asGb.warnings.map((w) => w.code)).toEqual(['not-chinese-text']);
    const asBig5 = decodeBytes(bytes(texts[0], 'gbk'), { encoding: 'big5' });
    expect(asBig5.ok && asBig5.warnings.map((w) => w.code)).toEqual(['not-chinese-text']);
  });

  it('real reports, simplified and traditional, get no warning', () => {
    for (const text of texts) {
      expect(
        decodeBytes(new Uint8Array(Buffer.from(text))).ok && decodeBytes(new Uint8Array(Buffer.from(text))),
      ).toMatchObject({ warnings: [] });
      expect(decodeBytes(new Uint8Array(Buffer.from(toTraditional(text))))).toMatchObject({ warnings: [] });
    }
  });
});

describe('the document records the encoding, its confidence and the warning', () => {
  it('through the command line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reportx-enc-'));
    try {
      writeFileSync(join(dir, 'big5.txt'), bytes(toTraditional(texts[1]), 'big5'));
      writeFileSync(join(dir, 'utf8.txt'), texts[1]);
      writeFileSync(join(dir, 'sjis.txt'), bytes(JAPANESE, 'shift_jis'));
      const r = spawnSync(
        process.execPath,
        [join(ROOT, 'bin/reportx.js'), 'parse', '--quiet', 'big5.txt', 'utf8.txt', 'sjis.txt'],
        { cwd: dir, encoding: 'utf8' },
      );
      expect(r.status, r.stderr).toBe(0);
      const [big5, utf8, sjis] = JSON.parse(r.stdout);
      expect(big5.source).toMatchObject({ encoding: 'big5', format: 'text' });
      expect(big5.source.encodingConfidence).toBeGreaterThan(0.5);
      expect(big5.source.encodingConfidence).toBeLessThan(1);
      expect(big5.metrics.map((m: { value: number }) => m.value)).toEqual(
        utf8.metrics.map((m: { value: number }) => m.value),
      );
      expect(utf8.source).toMatchObject({ encoding: 'utf-8', encodingConfidence: 1, format: 'text' });
      expect(sjis.source.encoding).toBe('shift_jis');
      expect(sjis.warnings[0]).toMatchObject({ code: 'not-chinese-text', span: null });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the fast path', () => {
  it('valid UTF-8 never loads the detector', () => {
    const script = `
      import { createRequire } from 'node:module';
      const { decodeBytes } = await import(${JSON.stringify(join(ROOT, 'dist/decode/decodeBytes.js'))});
      const d = decodeBytes(new TextEncoder().encode(${JSON.stringify(texts[0])}));
      const loaded = Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('jschardet'));
      console.log(JSON.stringify({ encoding: d.encoding, loaded }));
      decodeBytes(new Uint8Array(Buffer.from(${JSON.stringify(texts[0])}, 'latin1').map((b) => b | 0x80)));
      console.log(Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('jschardet')));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const [first, second] = r.stdout.trim().split('\n');
    expect(JSON.parse(first)).toEqual({ encoding: 'utf-8', loaded: false });
    expect(second).toBe('true');
  });

  it('a report plainly in GB18030 or Big5 is read without the detector; a short one goes to it', () => {
    const script = `
      import { createRequire } from 'node:module';
      import iconv from 'iconv-lite';
      const { decodeBytes } = await import(${JSON.stringify(join(ROOT, 'dist/decode/decodeBytes.js'))});
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('jschardet'));
      const text = ${JSON.stringify(texts[0])};
      const gb = decodeBytes(new Uint8Array(iconv.encode(text, 'gb18030')));
      const big5 = decodeBytes(new Uint8Array(iconv.encode(${JSON.stringify(OpenCC.Converter({ from: 'cn', to: 'tw' })(texts[0]))}, 'big5')));
      const before = loaded();
      const short = decodeBytes(new Uint8Array(iconv.encode('行政复议', 'gb18030')));
      console.log(JSON.stringify({ gb: [gb.encoding, gb.text === text], big5: big5.encoding, before, short: short.encoding, after: loaded() }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: ROOT });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      gb: ['gb18030', true],
      big5: 'big5',
      before: false,
      short: 'gb18030',
      after: true,
    });
  });
});
