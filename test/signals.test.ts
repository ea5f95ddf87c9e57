// SIGINT (Ctrl-C) and SIGTERM stop a batch cleanly: exit 128 + the signal (130, 143) instead of
// dying by the signal, no *.reportx-tmp-* file left in --out, and standard output in a file ends
// with a whole record. Real processes, signalled while they write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'reportx.js');
const FIXTURES = readdirSync(join(ROOT, 'fixtures'))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => join(ROOT, 'fixtures', f));

let dir: string;
const batch: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reportx-signals-'));
  for (let i = 0; i < 40; i++)
    for (const f of FIXTURES) {
      const to = join(dir, `r${String(i).padStart(2, '0')}_${f.split('/').at(-1)}`);
      copyFileSync(f, to);
      batch.push(to);
    }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts reportx, sends `signal` once `started()` holds, and resolves with how it ended. */
async function interrupt(args: string[], stdout: 'ignore' | number, started: () => boolean, signal: NodeJS.Signals) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', stdout, 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => {
    stderr += c;
  });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, sig) => resolve({ code, signal: sig })),
  );
  let running = true;
  void ended.then(() => {
    running = false;
  });
  while (running && !started()) await sleep(10);
  expect(running, 'the batch ended before it could be interrupted').toBe(true);
  child.kill(signal);
  return { ...(await ended), stderr };
}

describe('stopped by a signal', () => {
  it('SIGTERM during --out: exit 143, no temporary file, every file written whole', async () => {
    const out = join(dir, 'out');
    const r = await interrupt(
      ['parse', '-q', '-j', '2', '--out', out, ...batch],
      'ignore',
      () => existsSync(out) && readdirSync(out).some((f) => f.endsWith('.json')),
      'SIGTERM',
    );
    expect(r).toEqual({ code: 143, signal: null, stderr: '' });
    const written = readdirSync(out);
    expect(written.filter((f) => f.includes('.reportx-tmp-'))).toEqual([]);
    expect(written.length).toBeLessThan(batch.length);
    for (const f of written) expect(JSON.parse(readFileSync(join(out, f), 'utf8')).metrics.length).toBeGreaterThan(0);
  });

  it('SIGINT with standard output in a file: exit 130, the file ends with a whole ndjson line', async () => {
    const path = join(dir, 'out.ndjson');
    const fd = openSync(path, 'w');
    const r = await interrupt(
      ['parse', '-q', '-j', '1', '--format', 'ndjson', ...batch],
      fd,
      () => statSync(path).size > 0,
      'SIGINT',
    );
    closeSync(fd);
    expect(r).toEqual({ code: 130, signal: null, stderr: '' });
    const text = readFileSync(path, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n');
    expect(lines.length).toBeLessThan(batch.length);
    for (const l of lines) expect(() => JSON.parse(l)).not.toThrow();
  });
});
