// Running out of memory fails only the file that needed it: a large file is parsed in a worker
// of its own with a heap limit (batch.ts, workerPool.ts), never on the main thread, so the rest
// of the batch is parsed and printed. Before, with a small heap, one such file aborted the whole
// process (exit 134) even with -j 2. The heap is made small with node --max-old-space-size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'reportx.js');
const SMALL = join(ROOT, 'fixtures', '000_d8fa31b0e3316016.txt');
const OTHER = join(ROOT, 'fixtures', '001_390b52e8e87f76ce.txt');

let dir: string;
let big: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reportx-memory-'));
  // 48 MB of report text (under --max-size's 64 MB): its text alone takes ~32 MB of heap in each
  // of three forms (source, normal, content) and its metrics several times that, far more than a
  // 128 MB heap. (A 20 MB file fits since its bytes are dropped once decoded and large documents
  // are rendered in pieces.)
  const text = readFileSync(SMALL, 'utf8');
  big = join(dir, 'big.txt');
  writeFileSync(big, text.repeat(Math.ceil((48 * 1024 * 1024) / Buffer.byteLength(text))));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('out of memory', () => {
  it.each(['1', '2'])('with a 128 MB heap and -j %s, the large file fails alone; the others are printed', (jobs) => {
    const r = spawnSync(
      process.execPath,
      ['--max-old-space-size=128', CLI, 'parse', '-j', jobs, '--format', 'ndjson', SMALL, big, OTHER],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.signal).toBe(null);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^reportx: ${big}: out of memory \\(a worker may use \\d+ MB, as much as the main thread: node --max-old-space-size=MB raises both\\); split the file, or refuse such files with --max-size$`,
        ),
      ),
    ]);
    const paths = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).source.path);
    expect(paths).toEqual([SMALL, OTHER]);
  });

  it('with standard output in a file, nothing of the large file is left in it', () => {
    // The worker streams the large file's output as it is made (workerStream.ts) and runs out of
    // memory on the way: what it had sent is kept out of the file (spool.ts), and the next file's
    // record follows the first one's.
    const out = join(dir, 'out.ndjson');
    const fd = openSync(out, 'w');
    const r = spawnSync(
      process.execPath,
      ['--max-old-space-size=128', CLI, 'parse', '-j', '1', '--format', 'ndjson', SMALL, big, OTHER],
      { encoding: 'utf8', timeout: 120_000, stdio: ['ignore', fd, 'pipe'] },
    );
    closeSync(fd);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/out of memory/);
    const lines = readFileSync(out, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l).source.path)).toEqual([SMALL, OTHER]);
  });
});
