// Output that cannot be written is not a bad input: one plain line, exit 3 (EXIT_OUTPUT), the
// batch stopped, no temporary file left, and standard output in a file ends with whole records.
// A full disk is a real one: a 192 KB tmpfs (mounting needs root; without it those tests are
// skipped and say why).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'reportx.js');
const FIXTURES = readdirSync(join(ROOT, 'fixtures'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => join(ROOT, 'fixtures', f));

let dir: string;
const mounts: string[] = [];
let cannotMount = '';

/** A tmpfs of `size` at a new directory under `dir`, or null (and why, in cannotMount). */
function tmpfs(name: string, options: string): string | null {
  const at = join(dir, name);
  mkdirSync(at);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', at], { stdio: 'pipe' });
  } catch (err) {
    cannotMount = `cannot mount a tmpfs here (${String((err as { stderr?: Buffer }).stderr ?? err).trim()}): run as root to test a full disk`;
    return null;
  }
  mounts.push(at);
  return at;
}

let full: string | null = null;
let readOnly: string | null = null;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reportx-outfail-'));
  // Every fixture twice, under other names: 10 documents, far more than 64 KB of output.
  for (const copy of ['a', 'b'])
    for (const f of FIXTURES) writeFileSync(join(dir, `${copy}_${f.split('/').at(-1)}`), readFileSync(f));
  full = tmpfs('full', 'size=192k');
  readOnly = tmpfs('ro', 'size=64k,ro');
  if (cannotMount) console.warn(`output-failures: skipping the full-disk tests: ${cannotMount}`);
});

afterAll(() => {
  for (const m of mounts) spawnSync('umount', [m]);
  rmSync(dir, { recursive: true, force: true });
});

const inputs = () =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));

function reportx(args: string[], stdout: 'pipe' | number = 'pipe') {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    stdio: ['ignore', stdout, 'pipe'],
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return r;
}

function tempFilesUnder(path: string): string[] {
  return readdirSync(path, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('.reportx-tmp-'));
}

describe('output that cannot be written', () => {
  it('--out naming a file: exit 3 and one line, before any input is parsed', () => {
    writeFileSync(join(dir, 'a-file'), 'x');
    const r = reportx(['parse', '--out', join(dir, 'a-file'), ...inputs()]);
    expect(r.status).toBe(3);
    expect(r.stderr).toBe(
      `reportx: cannot write ${join(dir, 'a-file')}: not a directory (a file is in the way); stopped\n`,
    );
  });

  it('a closed pipe (| head -c 100): exit 3, nothing on stderr — no stack trace', () => {
    const command = [process.execPath, CLI, 'parse', '--format', 'ndjson', ...inputs()].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('bash', ['-c', `${command} | head -c 100 > /dev/null; echo "status \${PIPESTATUS[0]}"`], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stdout).toBe('status 3\n');
    expect(r.stderr).toBe('');
  });

  it('disk full under --out: exit 3 naming the file, the batch stopped, no temporary file, whole files only', (ctx) => {
    if (!full) return ctx.skip(cannotMount);
    const out = join(full, 'out');
    const r = reportx(['parse', '--out', out, ...inputs()]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^reportx: cannot write \S+\.json: no space left on device; stopped\n$/);
    expect(tempFilesUnder(full)).toEqual([]);
    const written = readdirSync(out);
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(10);
    for (const f of written) expect(JSON.parse(readFileSync(join(out, f), 'utf8')).source.path).toContain(dir);
    rmSync(out, { recursive: true });
  });

  it.each(['ndjson', 'csv'])(
    'disk full with standard output in a file (--format %s): exit 3, the file ends with a whole record',
    (format, ctx) => {
      if (!full) return ctx.skip(cannotMount);
      const path = join(full, `out.${format}`);
      const fd = openSync(path, 'w');
      const r = reportx(['parse', '--format', format, '-j', '1', ...inputs()], fd);
      closeSync(fd);
      expect(r.status).toBe(3);
      expect(r.stderr).toBe('reportx: cannot write standard output: no space left on device; stopped\n');
      const bytes = readFileSync(path);
      // Valid UTF-8 (nothing cut mid-character), ending at a record's end.
      expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes).endsWith('\n')).toBe(true);
      const lines = bytes.toString('utf8').trimEnd().split('\n');
      if (format === 'ndjson') for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
      // Something was written before the disk filled (a document or a header and rows).
      expect(bytes.length).toBeGreaterThan(0);
      expect(lines.length).toBeGreaterThanOrEqual(1);
      rmSync(path);
    },
  );

  it('a read-only file system: exit 3 before parsing, whether --out exists or not', (ctx) => {
    if (!readOnly) return ctx.skip(cannotMount);
    for (const out of [readOnly, join(readOnly, 'new')]) {
      const r = reportx(['parse', '--out', out, ...inputs()]);
      expect(r.status).toBe(3);
      expect(r.stderr).toBe(`reportx: cannot write ${out}: read-only file system; stopped\n`);
    }
  });

  it('check --update into a read-only --expected directory: exit 3, no stack trace', (ctx) => {
    if (!readOnly) return ctx.skip(cannotMount);
    const r = reportx(['check', '--update', '--expected', readOnly, FIXTURES[0]]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^reportx: cannot write \S+expected\.json: read-only file system; stopped\n$/);
  });
});
