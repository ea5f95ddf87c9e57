// --files-from LIST: the paths to parse, one a line, taken literally (spaces, glob characters),
// from a file or (with -) from standard input, after any FILES given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'reportx.js');
const FIXTURE = (n: string) => join(ROOT, 'fixtures', n);

let dir: string;
const p = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reportx-files-from-'));
  copyFileSync(FIXTURE('000_d8fa31b0e3316016.txt'), p('with space.txt'));
  copyFileSync(FIXTURE('001_390b52e8e87f76ce.txt'), p('report[1].txt'));
  copyFileSync(FIXTURE('002_eb45ee97858f8be6.txt'), p('plain.txt'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function reportx(args: string[], input = '') {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, input, encoding: 'utf8', timeout: 30_000 });
  if (r.error) throw r.error;
  return r;
}

const paths = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).source.path);

describe('--files-from', () => {
  it('reads a list file (CRLF, blank lines, spaces and brackets kept literally), after the FILES given', () => {
    writeFileSync(p('list.txt'), `with space.txt\r\n\r\nreport[1].txt\n${p('missing.txt')}\n`);
    const r = reportx(['parse', '--format', 'ndjson', 'plain.txt', '--files-from', 'list.txt']);
    expect(r.stderr).toBe(`reportx: ${p('missing.txt')}: no such file\n`);
    expect(r.status).toBe(1);
    expect(paths(r.stdout)).toEqual(['plain.txt', 'with space.txt', 'report[1].txt']);
  });

  it('- reads the list from standard input, which then cannot be an input too', () => {
    const r = reportx(['parse', '--format', 'ndjson', '--files-from', '-'], 'plain.txt\nwith space.txt\n');
    expect(r.status, r.stderr).toBe(0);
    expect(paths(r.stdout)).toEqual(['plain.txt', 'with space.txt']);
    const both = reportx(['parse', '--files-from', '-', '-'], 'plain.txt\n');
    expect(both.status).toBe(2);
    expect(both.stderr).toBe(
      'reportx: --files-from - reads the list from standard input, so - cannot also be an input\n',
    );
  });

  it('a missing list, an empty one, or no input at all is a usage error (exit 2)', () => {
    expect(reportx(['parse', '--files-from', 'nope.txt']).stderr).toBe(
      'reportx: --files-from nope.txt: no such file\n',
    );
    writeFileSync(p('empty.txt'), '\n');
    const empty = reportx(['parse', '--files-from', 'empty.txt']);
    expect([empty.status, empty.stderr]).toEqual([2, 'reportx: no input file\n']);
    const none = reportx(['parse']);
    expect([none.status, none.stderr]).toEqual([2, 'reportx: no input: give files, globs, - or --files-from LIST\n']);
  });
});
