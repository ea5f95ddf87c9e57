// The CLI on bad input: each bad file is one `reportx: PATH: REASON` line on stderr and the batch
// goes on (exit 1); a command line with nothing to parse is a usage error (exit 2).
// These tests run the built CLI: `npm test` (or `npm run build`) builds dist/ first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describeReadError, parseFile } from '../src/cli/parseFile.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'reportx.js');
const FIXTURE = join(ROOT, 'fixtures', '000_d8fa31b0e3316016.txt');
const FIXTURE_TEXT = readFileSync(FIXTURE, 'utf8');
const isRoot = process.getuid?.() === 0;

let dir: string;
const p = (...parts: string[]) => join(dir, ...parts);

function reportx(args: string[], input?: string | Uint8Array) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    input: input ?? '',
    encoding: 'utf8',
    timeout: 20_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, errLines: r.stderr.split('\n').filter(Boolean) };
}

/** The documents on stdout (default --format json: one JSON array). */
function documents(stdout: string): { source: { path: string | null; encoding: string } }[] {
  return JSON.parse(stdout);
}

beforeAll(() => {
  // The CLI runs dist/: refuse to test a build older than the sources these tests are about.
  for (const f of ['decode/decodeBytes', 'cli/inputs', 'cli/parseFile']) {
    const built = join(ROOT, 'dist', `${f}.js`);
    if (!existsSync(built) || statSync(built).mtimeMs < statSync(join(ROOT, 'src', `${f}.ts`)).mtimeMs) {
      throw new Error(`dist/${f}.js is missing or older than src/${f}.ts: run npm run build (npm test does)`);
    }
  }
  dir = mkdtempSync(join(tmpdir(), 'reportx-cli-bad-'));
  copyFileSync(FIXTURE, p('good.txt'));
  writeFileSync(p('good-gbk.txt'), iconv.encode(FIXTURE_TEXT, 'gbk'));
  writeFileSync(
    p('binary.bin'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
  );
  writeFileSync(p('empty.txt'), '');
  writeFileSync(p('blank.txt'), ' \r\n\t\u3000\n');
  mkdirSync(p('folder'));
  copyFileSync(FIXTURE, p('folder', 'inside.txt'));
  symlinkSync('loop-b.txt', p('loop-a.txt'));
  symlinkSync('loop-a.txt', p('loop-b.txt'));
  writeFileSync(p('locked.txt'), FIXTURE_TEXT);
  chmodSync(p('locked.txt'), 0o000);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('one bad file', () => {
  it.each([
    ['binary.bin', 'binary file (contains NUL bytes)'],
    ['empty.txt', 'empty file'],
    ['blank.txt', 'empty file'],
    ['missing.txt', 'no such file'],
    ['good.txt/child.txt', 'no such file (a parent in the path is not a directory)'],
    ['loop-a.txt', 'symbolic link loop'],
  ])('%s → "%s", exit 1, an empty document list', (name, reason) => {
    const r = reportx(['parse', name]);
    expect(r.errLines).toEqual([`reportx: ${name}: ${reason}`]);
    expect(r.status).toBe(1);
    expect(documents(r.stdout)).toEqual([]);
  });

  it.skipIf(isRoot)('an unreadable file → permission denied (chmod 000; root reads it anyway)', () => {
    const r = reportx(['parse', 'locked.txt']);
    expect(r.errLines).toEqual(['reportx: locked.txt: permission denied']);
    expect(r.status).toBe(1);
  });

  it('empty standard input', () => {
    const r = reportx(['parse', '-'], '');
    expect(r.errLines).toEqual(['reportx: -: empty file']);
    expect(r.status).toBe(1);
  });
});

describe('nothing left to parse is a usage error (exit 2)', () => {
  it('a directory, with a glob suggested', () => {
    const r = reportx(['parse', 'folder']);
    expect(r.errLines).toEqual([
      "reportx: folder: is a directory (to parse the reports in it, pass a glob such as 'folder/*.txt' or 'folder/**/*.txt')",
      'reportx: no input file',
    ]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('a glob that matches nothing', () => {
    const r = reportx(['parse', 'nothing/*.txt', '*.pdf']);
    expect(r.errLines).toEqual([
      'reportx: nothing/*.txt: no file matched',
      'reportx: *.pdf: no file matched',
      'reportx: no input file',
    ]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('an unknown option', () => {
    const r = reportx(['parse', '--no-such-option', 'good.txt']);
    expect(r.stderr).toContain("unknown option '--no-such-option'");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
  });

  it('an unknown --encoding, reported before any input is looked at', () => {
    const r = reportx(['parse', '--encoding', 'klingon', 'good.txt', 'nothing/*.txt']);
    expect(r.errLines).toEqual(['reportx: unknown encoding: klingon']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
  });
});

describe('good and bad files together', () => {
  it('prints the good documents, one stderr line per bad input, exit 1', () => {
    const r = reportx([
      'parse',
      'good.txt',
      'binary.bin',
      'folder',
      'missing.txt',
      'empty.txt',
      'good-gbk.txt',
      'loop-a.txt',
      'none/*.txt',
      'folder/*.txt',
    ]);
    expect(r.status).toBe(1);
    const docs = documents(r.stdout);
    expect(docs.map((d) => [d.source.path, d.source.encoding])).toEqual([
      ['good.txt', 'utf-8'],
      ['good-gbk.txt', 'gb18030'],
      ['folder/inside.txt', 'utf-8'],
    ]);
    // input problems first, then read failures in input order
    expect(r.errLines).toEqual([
      "reportx: folder: is a directory (to parse the reports in it, pass a glob such as 'folder/*.txt' or 'folder/**/*.txt')",
      'reportx: none/*.txt: no file matched',
      'reportx: binary.bin: binary file (contains NUL bytes)',
      'reportx: missing.txt: no such file',
      'reportx: empty.txt: empty file',
      'reportx: loop-a.txt: symbolic link loop',
    ]);
  });

  it('ndjson: one valid JSON line per good file', () => {
    const r = reportx(['parse', '--format', 'ndjson', 'binary.bin', 'good.txt', 'missing.txt']);
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines.map((l) => JSON.parse(l).source.path)).toEqual(['good.txt']);
    expect(r.errLines).toEqual([
      'reportx: binary.bin: binary file (contains NUL bytes)',
      'reportx: missing.txt: no such file',
    ]);
  });

  it('all good → exit 0 and nothing on stderr', () => {
    const r = reportx(['parse', '--quiet', 'good.txt', 'good-gbk.txt', './good.txt']);
    expect(r.errLines).toEqual([]);
    expect(r.status).toBe(0);
    expect(documents(r.stdout).map((d) => d.source.path)).toEqual(['good.txt', 'good-gbk.txt']);
  });

  it('--encoding forces the decoder for every file', () => {
    const r = reportx(['parse', '--encoding', 'GBK', 'good-gbk.txt']);
    expect(r.status).toBe(0);
    expect(documents(r.stdout)[0].source.encoding).toBe('gbk');
    const wrong = reportx(['parse', '--encoding', 'utf-8', 'good-gbk.txt']);
    expect(wrong.errLines).toEqual(['reportx: good-gbk.txt: not utf-8 text (undecodable bytes)']);
    expect(wrong.status).toBe(1);
  });
});

describe('read errors → one reason', () => {
  async function readError(path: string): Promise<unknown> {
    try {
      await readFile(path);
    } catch (err) {
      return err;
    }
    throw new Error(`${path} was readable`);
  }

  it('maps real errors from the file system', async () => {
    const cases: [string, string, string][] = [
      [p('missing.txt'), 'ENOENT', 'no such file'],
      [p('good.txt', 'child.txt'), 'ENOTDIR', 'no such file (a parent in the path is not a directory)'],
      [p('folder'), 'EISDIR', 'is a directory'],
      [p('loop-a.txt'), 'ELOOP', 'symbolic link loop'],
      [p('x'.repeat(5000)), 'ENAMETOOLONG', 'file name too long'],
    ];
    for (const [path, code, reason] of cases) {
      const err = await readError(path);
      expect((err as NodeJS.ErrnoException).code).toBe(code);
      expect(describeReadError(err)).toBe(reason);
      expect(await parseFile(path)).toEqual({ ok: false, path, reason });
    }
  });

  it('maps permission errors (an EACCES/EPERM as the file system raises them)', () => {
    const eacces = Object.assign(new Error(`EACCES: permission denied, open '${p('locked.txt')}'`), {
      code: 'EACCES',
      errno: -13,
      syscall: 'open',
    });
    const eperm = Object.assign(new Error('EPERM: operation not permitted, open'), { code: 'EPERM' });
    expect(describeReadError(eacces)).toBe('permission denied');
    expect(describeReadError(eperm)).toBe('permission denied');
  });

  it("other errors keep Node's description without repeating the path", () => {
    const eio = Object.assign(new Error("EXDEV: cross-device link not permitted, open '/a/b'"), { code: 'EXDEV' });
    expect(describeReadError(eio)).toBe('cannot read: cross-device link not permitted');
    expect(describeReadError('weird')).toBe('cannot read: weird');
  });

  it.skipIf(isRoot)('parseFile on a chmod 000 file', async () => {
    expect(await parseFile(p('locked.txt'))).toEqual({ ok: false, path: p('locked.txt'), reason: 'permission denied' });
  });

  it('parseFile on good and GBK files', async () => {
    for (const [name, encoding] of [
      ['good.txt', 'utf-8'],
      ['good-gbk.txt', 'gb18030'],
    ]) {
      const r = await parseFile(p(name));
      expect(r.ok && r.document.source.encoding).toBe(encoding);
      expect(r.ok && r.document.source.characters).toBe(FIXTURE_TEXT.length);
    }
  });
});
