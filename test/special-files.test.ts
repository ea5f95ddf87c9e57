// Only regular files and - are read, up to --max-size: a FIFO, /dev/zero or /dev/urandom on the
// command line gets a reason (it used to hang the batch, or grow memory without bound), and a
// file too large says so in plain words (it used to be "internal error: Invalid string length").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeParseError } from '../src/cli/parseFile.js';
import { formatSize, parseSize } from '../src/cli/readInput.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'reportx.js');
const FIXTURE = join(ROOT, 'fixtures', '000_d8fa31b0e3316016.txt');

let dir: string;
const p = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reportx-special-'));
  copyFileSync(FIXTURE, p('good.txt'));
  execFileSync('mkfifo', [p('fifo')]);
  // Sparse: 200 MB long, no disk used; refused by its size before a byte is read.
  writeFileSync(p('huge.txt'), '');
  truncateSync(p('huge.txt'), 200 * 1024 * 1024);
  writeFileSync(p('two-mb.txt'), '各项工作推进成效明显a\n'.repeat((2 * 1024 * 1024) / 32));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function reportx(args: string[], stdin: 'ignore' | number = 'ignore') {
  // A hang (the FIFO) would end here with r.error = ETIMEDOUT.
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    stdio: [stdin, 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, lines: r.stderr.split('\n').filter(Boolean) };
}

const NOT_REGULAR = 'reportx reads regular files, and a stream as - on standard input';

describe('special files on the command line', () => {
  it('a FIFO, /dev/zero and /dev/urandom each get a reason; the good file is parsed (exit 1)', () => {
    const r = reportx(['parse', '--format', 'ndjson', p('fifo'), '/dev/zero', '/dev/urandom', p('good.txt')]);
    expect(r.status).toBe(1);
    expect(r.lines).toEqual([
      `reportx: ${p('fifo')}: not a regular file but a FIFO, or named pipe: ${NOT_REGULAR}`,
      `reportx: /dev/zero: not a regular file but a character device: ${NOT_REGULAR}`,
      `reportx: /dev/urandom: not a regular file but a character device: ${NOT_REGULAR}`,
    ]);
    expect(JSON.parse(r.stdout).meta.organization).toBe('上高县司法局');
  });

  it('a 200 MB file is too large, in plain words naming the limit and --max-size', () => {
    const r = reportx(['parse', p('huge.txt')]);
    expect(r.status).toBe(1);
    expect(r.lines).toEqual([
      `reportx: ${p('huge.txt')}: file too large: 200 MB, over the --max-size limit of 64 MB (--max-size 200M would take it)`,
    ]);
  });

  it('--max-size sets the limit; standard input stops being read once over it (- < /dev/zero)', () => {
    const small = reportx(['parse', '--max-size', '1M', p('two-mb.txt'), p('good.txt')]);
    expect(small.status).toBe(1);
    expect(small.lines).toEqual([
      `reportx: ${p('two-mb.txt')}: file too large: 2 MB, over the --max-size limit of 1 MB (--max-size 2M would take it)`,
    ]);
    expect(JSON.parse(small.stdout)).toHaveLength(1);
    expect(reportx(['parse', '--max-size', '3M', p('two-mb.txt')]).status).toBe(0);
    const zero = openSync('/dev/zero', 'r');
    const r = reportx(['parse', '--max-size', '1M', '-'], zero);
    closeSync(zero);
    expect(r.status).toBe(1);
    expect(r.lines).toEqual([
      'reportx: -: file too large: more than 1 MB, over the --max-size limit of 1 MB (raise it with --max-size)',
    ]);
  });

  it('a --max-size that is not a size is a usage error', () => {
    const r = reportx(['parse', '--max-size', 'lots', p('good.txt')]);
    expect(r.status).toBe(2);
    expect(r.lines[0]).toContain("option '--max-size <size>' argument 'lots' is invalid");
  });

  it('sizes read and written in units of 1024', () => {
    expect([parseSize('64M'), parseSize('200MB'), parseSize('1g'), parseSize('4096'), parseSize('1.5k')]).toEqual([
      64 * 1024 ** 2,
      200 * 1024 ** 2,
      1024 ** 3,
      4096,
      1536,
    ]);
    expect([parseSize('0'), parseSize('-1M'), parseSize('M'), parseSize('12 TB')]).toEqual([null, null, null, null]);
    expect([formatSize(512), formatSize(1536), formatSize(64 * 1024 ** 2)]).toEqual(['512 bytes', '1.5 KB', '64 MB']);
  });

  it("V8's string limit on a huge document is its size, not a bug", () => {
    expect(describeParseError(new RangeError('Invalid string length'))).toBe(
      'file too large to parse as one document (Invalid string length): split it, or lower --max-size to refuse such files',
    );
    expect(describeParseError(new TypeError('x is undefined'))).toBe(
      'internal error: x is undefined (please report this bug)',
    );
  });
});

describe('--jobs', () => {
  it('more jobs than the machine can use are capped, and the cap is said', () => {
    const r = reportx(['parse', '-j', '64', p('good.txt')]);
    expect(r.status).toBe(0);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(
      /^reportx: --jobs 64 is more than this machine can use \(\d+ cores, \d+ GB of memory\): parsing on \d+$/,
    );
    expect(reportx(['parse', '-q', '-j', '64', p('good.txt')]).lines).toEqual([]);
  });
});
