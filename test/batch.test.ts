// Batches on worker threads: results come back in input order whatever order they finish in,
// --jobs 2 writes exactly what --jobs 1 writes, a failed file adds no partial line to a stream,
// and the progress/summary lines on standard error. The CLI and the pool run dist/ (the worker is
// dist/bundle/parseWorker.js, bundled from dist/cli/parseWorker.js): `npm test` builds it first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import iconv from 'iconv-lite';
import { inOrder, parseBatch } from '../src/cli/batch.js';
import { ParsePool } from '../src/cli/workerPool.js';
import { LARGE_BATCH, startProgress, summaryLine } from '../src/cli/progress.js';
import type { FileResult } from '../src/cli/parseFile.js';
import { loadRenderer, type RenderSpec } from '../src/output/renderDocument.js';
import { reportDocumentSchema } from '../src/model/schema.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'reportx.js');
const FIXTURES = readdirSync(join(ROOT, 'fixtures'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join(ROOT, 'fixtures', f));

let dir: string;
/** Fixtures and bad files interleaved, so that failures sit between successes. */
let mixed: string[];

function reportx(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, errLines: r.stderr.split('\n').filter(Boolean) };
}

/** A result without the parts that name the run rather than the file. */
const comparable = (r: FileResult) =>
  r.ok ? { ok: true, path: r.path, document: r.document } : { ok: false, path: r.path, reason: r.reason };

async function collect(files: string[], jobs: number): Promise<FileResult[]> {
  const out: FileResult[] = [];
  for await (const r of parseBatch(files, { jobs })) out.push(r);
  return out;
}

beforeAll(() => {
  for (const f of [
    'cli/batch',
    'cli/workerPool',
    'cli/parseWorker',
    'cli/parseFile',
    'cli/parseCommand',
    'cli/progress',
  ]) {
    const built = join(ROOT, 'dist', `${f}.js`);
    if (!existsSync(built) || statSync(built).mtimeMs < statSync(join(ROOT, 'src', `${f}.ts`)).mtimeMs) {
      throw new Error(`dist/${f}.js is missing or older than src/${f}.ts: run npm run build (npm test does)`);
    }
  }
  dir = mkdtempSync(join(tmpdir(), 'reportx-batch-'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
  writeFileSync(join(dir, 'gbk.txt'), iconv.encode(readFileText(FIXTURES[1]), 'gb18030'));
  mkdirSync(join(dir, 'reports'));
  FIXTURES.forEach((f, i) => copyFileSync(f, join(dir, 'reports', `${i}.txt`)));
  const bad = [join(dir, 'empty.txt'), join(dir, 'missing.txt'), join(dir, 'binary.bin')];
  mixed = [];
  FIXTURES.forEach((f, i) => {
    mixed.push(f);
    if (i < bad.length) mixed.push(bad[i]);
  });
  mixed.push(join(dir, 'gbk.txt'), join(dir, 'reports', '0.txt'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function readFileText(path: string): string {
  return readFileSync(path, 'utf8');
}

describe('inOrder', () => {
  it('yields results in input order when they finish in any order', async () => {
    const items = Array.from({ length: 200 }, (_, i) => i);
    const delays = items.map((i) => (i * 7919) % 13);
    const out: number[] = [];
    for await (const r of inOrder(items, 6, (i) => new Promise<number>((res) => setTimeout(() => res(i), delays[i]))))
      out.push(r);
    expect(out).toEqual(items);
  });

  it('never has more than `window` results started and not yet yielded (flat memory for any number of files)', async () => {
    const n = 10_000;
    const window = 8;
    let started = 0;
    let yielded = 0;
    let most = 0;
    const items = Array.from({ length: n }, (_, i) => i);
    for await (const r of inOrder(items, window, async (i) => {
      started++;
      most = Math.max(most, started - yielded);
      await Promise.resolve();
      return i;
    })) {
      expect(r).toBe(yielded);
      yielded++;
    }
    expect(yielded).toBe(n);
    expect(most).toBeLessThanOrEqual(window);
  });

  it('starts nothing more once the consumer stops', async () => {
    let started = 0;
    const items = Array.from({ length: 100 }, (_, i) => i);
    for await (const r of inOrder(items, 4, async (i) => {
      started++;
      return i;
    }))
      if (r === 10) break;
    expect(started).toBeLessThanOrEqual(15);
  });

  it('refuses a window below 1', async () => {
    await expect(inOrder([1], 0, async (i) => i).next()).rejects.toThrow(RangeError);
  });
});

describe('parseBatch in this thread (--jobs 1)', () => {
  it("lets the event loop turn between files, so nextTick and I/O callbacks (the output stream's) run during the batch", async () => {
    let ticksRun = 0;
    const seen: number[] = [];
    for await (const r of parseBatch(FIXTURES.slice(0, 4), { jobs: 1 })) {
      expect(r.ok).toBe(true);
      seen.push(ticksRun);
      process.nextTick(() => {
        ticksRun++;
      });
    }
    // Each file's tick ran before a later file was yielded, not all of them at the end.
    expect(seen).toEqual([0, 1, 2, 3]);
  });
});

describe('parseBatch on worker threads', () => {
  it('keeps input order with --jobs 2 and 3, fixtures and bad files mixed, and matches --jobs 1', async () => {
    const one = await collect(mixed, 1);
    expect(one.map((r) => r.path)).toEqual(mixed);
    expect(one.filter((r) => !r.ok).map((r) => r.path)).toEqual([
      join(dir, 'empty.txt'),
      join(dir, 'missing.txt'),
      join(dir, 'binary.bin'),
    ]);
    for (const jobs of [2, 3]) {
      const many = await collect(mixed, jobs);
      expect(many.map((r) => r.path)).toEqual(mixed);
      expect(many.map(comparable)).toEqual(one.map(comparable));
    }
  });

  it('returns documents that still validate after crossing the thread boundary', async () => {
    const results = await collect(FIXTURES, 2);
    for (const r of results) {
      expect(r.ok).toBe(true);
      if (r.ok) expect(reportDocumentSchema.safeParse(r.document).success).toBe(true);
    }
  });

  it('renders in the thread that parsed: the same text for every format and column choice, in order', async () => {
    const docs = await collect(mixed, 1);
    const specs: RenderSpec[] = [
      { format: 'ndjson' },
      { format: 'json' },
      { format: 'csv', columns: ['indicator', 'value', 'sentence'] },
      { format: 'tsv' },
    ];
    for (const spec of specs) {
      const render = await loadRenderer(spec);
      const expected = docs.map((r) =>
        r.ok ? { ok: true, path: r.path, text: render(r.document), metrics: r.document.metrics.length } : r,
      );
      for (const jobs of [1, 2]) {
        const rendered = [];
        // A worker's text arrives as UTF-8 bytes (moved to this thread, not copied).
        for await (const r of parseBatch(mixed, { jobs, render: spec })) {
          rendered.push(
            r.ok
              ? {
                  ok: true,
                  path: r.path,
                  text: typeof r.output === 'string' ? r.output : new TextDecoder().decode(r.output),
                  metrics: r.metrics,
                }
              : r,
          );
        }
        expect(rendered).toEqual(expected);
      }
    }
    // ndjson text is the document itself.
    const first = docs.find((r) => r.ok)!;
    if (first.ok)
      expect(JSON.parse((await loadRenderer({ format: 'ndjson' }))(first.document))).toEqual(first.document);
  });

  it('keeps order over a larger batch (each fixture many times, every 7th missing)', async () => {
    const files = Array.from({ length: 60 }, (_, i) =>
      i % 7 === 3 ? join(dir, `gone-${i}.txt`) : FIXTURES[i % FIXTURES.length],
    );
    const results = await collect(files, 2);
    expect(results.map((r) => r.path)).toEqual(files);
    expect(results.map((r) => r.ok)).toEqual(files.map((f) => !f.includes('gone-')));
  });

  it('the worker pool alone gives what this thread gives, file for file', async () => {
    const pool = new ParsePool({ threads: 2 });
    try {
      const pooled = (await Promise.all(mixed.map((f) => pool.run({ path: f })))) as FileResult[];
      const own = await collect(mixed, 1);
      expect(pooled.map(comparable)).toEqual(own.map(comparable));
    } finally {
      await pool.destroy();
    }
  });

  it('a pool takes no files until its workers have started and loaded the dictionary, then several per worker', async () => {
    const pool = new ParsePool({ threads: 2 });
    try {
      expect(pool.capacity).toBe(0);
      await pool.ready;
      expect(pool.capacity).toBeGreaterThanOrEqual(2 * 2);
    } finally {
      await pool.destroy();
    }
  });

  it('a pool that is torn down fails the files it was running instead of throwing', async () => {
    const pool = new ParsePool({ threads: 1 });
    const pending = FIXTURES.map((f) => pool.run({ path: f }));
    await pool.destroy();
    const results = await Promise.all(pending);
    for (const r of results) if (!r.ok) expect(r.reason).toMatch(/^internal error: /);
  });

  it('refuses a job count that is not a whole number ≥ 1', async () => {
    await expect(collect(FIXTURES, 0)).rejects.toThrow(RangeError);
    await expect(collect(FIXTURES, 1.5)).rejects.toThrow(RangeError);
  });
});

describe('reportx parse --jobs', () => {
  const rel = () => mixed.map((f) => relative(dir, f));

  it.each(['ndjson', 'json', 'csv', 'tsv'])(
    '--format %s: --jobs 2 writes byte for byte what --jobs 1 writes',
    (format) => {
      const one = reportx(['parse', '--jobs', '1', '--format', format, ...rel()]);
      const two = reportx(['parse', '--jobs', '2', '--format', format, ...rel()]);
      expect(one.status).toBe(1);
      expect(two.status).toBe(1);
      expect(two.stdout).toBe(one.stdout);
      // The failures are reported in input order too.
      expect(two.errLines).toEqual(one.errLines);
      expect(two.errLines).toEqual([
        'reportx: empty.txt: empty file',
        'reportx: missing.txt: no such file',
        'reportx: binary.bin: binary file (contains NUL bytes)',
      ]);
    },
  );

  it('ndjson: one whole document per line, in input order; failed files contribute no line', () => {
    const r = reportx(['parse', '-j', '2', '-f', 'ndjson', ...rel()]);
    expect(r.stdout.endsWith('\n')).toBe(true);
    const lines = r.stdout.slice(0, -1).split('\n');
    const docs = lines.map((l) => JSON.parse(l));
    const good = rel().filter((f) => !/empty|missing|binary/.test(f));
    expect(docs.map((d) => d.source.path)).toEqual(good);
    for (const d of docs) expect(reportDocumentSchema.safeParse(d).success).toBe(true);
  });

  it('csv: a failed file adds no row, every record is whole', () => {
    const good = reportx(['parse', '-j', '2', '-f', 'csv', '--no-bom', ...FIXTURES]);
    const bad = reportx([
      'parse',
      '-j',
      '2',
      '-f',
      'csv',
      '--no-bom',
      ...FIXTURES.flatMap((f) => [f, join(dir, 'binary.bin'), join(dir, 'missing.txt')]),
    ]);
    expect(good.status).toBe(0);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe(good.stdout);
  });

  it('--out DIR with --jobs 2 writes one file per good input', () => {
    const out = join(dir, 'out');
    const r = reportx(['parse', '-j', '2', '--out', out, 'reports/*.txt']);
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(FIXTURES.map((_, i) => `${i}.json`).sort());
  });

  it.each([['0'], ['-1'], ['1.5'], ['two'], ['']])('--jobs %j is a usage error (exit 2)', (n) => {
    const r = reportx(['parse', '--jobs', n, FIXTURES[0]]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--jobs/);
  });

  it('more jobs than files, and standard input among the files, still work', () => {
    const r = spawnSync(process.execPath, [CLI, 'parse', '-j', '8', '-f', 'ndjson', FIXTURES[0], '-', FIXTURES[1]], {
      cwd: dir,
      encoding: 'utf8',
      input: readFileText(FIXTURES[2]),
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    const paths = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).source.path);
    expect(paths).toEqual([FIXTURES[0], null, FIXTURES[1]]);
  });

  it('a batch that ends before its workers are ready never aborts the process (Node 20 fatal error on terminating a loading worker)', () => {
    // Each run parses its files on this thread while the workers load; their teardown once raced
    // the loading about once in a dozen runs on a busy machine (exit 134, FATAL ERROR:
    // v8::Module::IsGraphAsync); a race, so this catches it only sometimes.
    const few = Array.from({ length: 60 }, (_, i) => join(dir, `early-${i}.txt`));
    few.forEach((f, i) => copyFileSync(FIXTURES[i % FIXTURES.length], f));
    for (let run = 0; run < 10; run++) {
      const r = reportx(['parse', '-q', '-j', '2', '-f', 'ndjson', ...few]);
      expect(r.status, `run ${run}: ${r.stderr}`).toBe(0);
      expect(r.stdout.trim().split('\n')).toHaveLength(few.length);
    }
  });

  it('a small batch on a pipe prints no progress and no summary; --quiet prints none for a large one', () => {
    const small = reportx(['parse', '-f', 'ndjson', ...FIXTURES]);
    expect(small.stderr).toBe('');
    const many = Array.from({ length: LARGE_BATCH }, (_, i) => join(dir, `copy-${i}.txt`));
    many.forEach((f, i) => copyFileSync(FIXTURES[i % FIXTURES.length], f));
    const quiet = reportx(['parse', '-q', '-j', '2', '-f', 'ndjson', ...many]);
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe('');
    const loud = reportx(['parse', '-j', '2', '-f', 'ndjson', ...many]);
    expect(loud.errLines).toHaveLength(1);
    expect(loud.errLines[0]).toMatch(
      new RegExp(`^reportx: ${LARGE_BATCH} files parsed, 0 failed, \\d+ metrics, \\d+\\.\\d s`),
    );
  });
});

describe('progress', () => {
  /** A fake terminal that records what is written to it. */
  function terminal(tty: boolean) {
    const stream = new PassThrough() as PassThrough & {
      isTTY?: boolean;
      columns?: number;
      cursorTo?: unknown;
      clearLine?: unknown;
      moveCursor?: unknown;
      clearScreenDown?: unknown;
    };
    let text = '';
    stream.on('data', (c) => {
      text += c;
    });
    if (tty) {
      stream.isTTY = true;
      stream.columns = 120;
      stream.cursorTo = (_x: number, _y?: unknown, cb?: () => void) => {
        cb?.();
        return true;
      };
      stream.clearLine = (_d: number, cb?: () => void) => {
        cb?.();
        return true;
      };
      stream.moveCursor = (_x: number, _y: number, cb?: () => void) => {
        cb?.();
        return true;
      };
      stream.clearScreenDown = (cb?: () => void) => {
        cb?.();
        return true;
      };
    }
    return { stream: stream as unknown as NodeJS.WriteStream, text: () => text };
  }

  const ok = (metrics: number) => ({ ok: true as const, metrics });

  it('the summary line names files parsed, failed, metrics and time', () => {
    expect(summaryLine({ parsed: 9988, failed: 12, metrics: 152031, seconds: 38.25 })).toBe(
      'reportx: 9988 files parsed, 12 failed, 152031 metrics, 38.3 s (261 files/s)',
    );
    expect(summaryLine({ parsed: 1, failed: 0, metrics: 1, seconds: 0 })).toBe(
      'reportx: 1 file parsed, 0 failed, 1 metric, 0.0 s',
    );
  });

  it('a large batch on a terminal draws a bar, prints notes above it and ends with the summary', async () => {
    const t = terminal(true);
    const p = await startProgress({ total: LARGE_BATCH, stream: t.stream });
    for (let i = 0; i < LARGE_BATCH; i++) {
      if (i === 3) p.note('reportx: bad.txt: empty file\n');
      p.done(i === 3 ? { ok: false, path: 'bad.txt', reason: 'empty file' } : ok(2));
    }
    p.finish(1);
    p.stop();
    expect(t.text()).toContain('files');
    expect(t.text()).toContain('reportx: bad.txt: empty file\n');
    expect(t.text()).toMatch(
      new RegExp(`reportx: ${LARGE_BATCH - 1} files parsed, 1 failed, ${2 * (LARGE_BATCH - 1)} metrics, `),
    );
  });

  it('--quiet prints nothing but the notes, even on a terminal', async () => {
    const t = terminal(true);
    const p = await startProgress({ total: 500, stream: t.stream, quiet: true });
    p.done(ok(1));
    p.note('reportx: a.txt: empty file\n');
    p.finish(1);
    expect(t.text()).toBe('reportx: a.txt: empty file\n');
  });

  it('a small batch: a summary on a terminal, nothing on a pipe', async () => {
    const tty = terminal(true);
    const p = await startProgress({ total: 2, stream: tty.stream });
    p.done(ok(3));
    p.done(ok(4));
    p.finish(0);
    expect(tty.text()).toMatch(/^reportx: 2 files parsed, 0 failed, 7 metrics, \d+\.\d s/);
    const pipe = terminal(false);
    const q = await startProgress({ total: 2, stream: pipe.stream });
    q.done(ok(3));
    q.finish(0);
    expect(pipe.text()).toBe('');
  });
});
