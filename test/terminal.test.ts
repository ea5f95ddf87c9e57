// The CLI as a person runs it: in a terminal, with the progress bar and colours on. Each command
// runs under a pseudo-terminal made by util-linux's `script` (stdin, stdout and stderr all on the
// pty), a real process on real files. A batch of 50+ files in a terminal once crashed on the
// bundled progress-bar import while every pipe-based test passed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inTerminal as inTerminalAt, requireTerminal } from './terminalHelpers.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'reportx.js');
const FIXTURES = readdirSync(join(ROOT, 'fixtures'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => join(ROOT, 'fixtures', f));
// A CSI sequence: colours (ESC [ … m) and the bar's cursor moves.
const ESC = '\u001b[';

let dir: string;
const inTerminal = (args: string[], redirect = '') => inTerminalAt(args, dir, redirect);
let batch: string[];

/** Runs `node bin/reportx.js ARGS` in a pseudo-terminal; `redirect` is shell text after it (e.g. `> out`). */

beforeAll(() => {
  requireTerminal();
  if (!existsSync(join(ROOT, 'dist', 'bundle', 'reportx.cjs')))
    throw new Error('dist/ is missing: run npm run build (npm test does)');
  dir = mkdtempSync(join(tmpdir(), 'reportx-tty-'));
  batch = [];
  for (let i = 0; i < 12; i++) {
    for (const f of FIXTURES) {
      const to = join(dir, `r${String(i).padStart(2, '0')}_${f.split('/').at(-1)}`);
      copyFileSync(f, to);
      batch.push(to);
    }
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('in a terminal', () => {
  it('parse: 60 files with the progress bar on stderr, every document out, a summary line', () => {
    expect(batch.length).toBe(60);
    const r = inTerminal(['parse', '--format', 'ndjson', ...batch], '> out.ndjson');
    expect(r.status, r.screen).toBe(0);
    const lines = readFileSync(join(dir, 'out.ndjson'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(60);
    expect(lines.map((l) => (JSON.parse(l) as { source: { path: string } }).source.path)).toEqual(batch);
    expect(r.screen).toContain('60/60 files'); // the bar was drawn
    expect(r.screen).toMatch(/reportx: 60 files parsed, 0 failed, \d+ metrics/);
    expect(r.screen).not.toMatch(/TypeError|internal error|at .*\.js:\d+/);
  });

  it('parse: 60 files on one thread too, and the bar on a failing batch', () => {
    const r = inTerminal(
      ['parse', '-j', '1', '--format', 'ndjson', ...batch, join(dir, 'missing.txt')],
      '> out1.ndjson',
    );
    expect(r.status, r.screen).toBe(1);
    expect(readFileSync(join(dir, 'out1.ndjson'), 'utf8').trim().split('\n')).toHaveLength(60);
    expect(r.screen).toContain('missing.txt');
    expect(r.screen).toMatch(/60 files parsed, 1 failed/);
  });

  it('parse to the terminal itself: JSON on screen, no bar under 50 files', () => {
    const r = inTerminal(['parse', '--format', 'ndjson', FIXTURES[0]]);
    expect(r.status, r.screen).toBe(0);
    expect(r.screen).toContain('"organization":"上高县司法局"');
    expect(r.screen).not.toContain('files |');
  });

  it('parse: an --out that cannot be written stops the batch with one line and exit 3, the bar gone', () => {
    const r = inTerminal(['parse', '--out', CLI, ...batch]);
    expect(r.status, r.screen).toBe(3);
    expect(r.screen.trim()).toBe(`reportx: cannot write ${CLI}: not a directory (a file is in the way); stopped`);
  });

  it('table: an aligned, coloured text table, a row per report', () => {
    const r = inTerminal(['table', ...FIXTURES]);
    expect(r.status, r.screen).toBe(0);
    expect(r.screen).toMatch(/file[^\n]*organization[^\n]*year[^\n]*reportType/);
    expect(r.screen).toContain('上高县司法局');
    expect(r.screen).toContain(ESC); // colours on
    expect(r.screen).not.toMatch(/TypeError|internal error/);
  });

  it('check: coloured statuses and the summary', () => {
    const r = inTerminal(['check', join(ROOT, 'fixtures')]);
    expect(r.status, r.screen).toBe(0);
    expect(r.screen).toMatch(/ok[^\n]*fixtures\/000_d8fa31b0e3316016\.txt/);
    expect(r.screen).toContain('5 files: 5 ok');
    expect(r.screen).toContain(ESC);
  });

  it('check --gold: the scorer figures', () => {
    const r = inTerminal(['check', '--gold', join(ROOT, 'fixtures')]);
    expect(r.status, r.screen).toBe(0);
    expect(r.screen).toMatch(/strict \(span\+value\+unit\+kind\) P +\d/);
    expect(r.screen).toContain('concepts cross-report pairs');
  });
});
