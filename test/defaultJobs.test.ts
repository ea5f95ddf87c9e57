// How the default --jobs is decided (src/cli/batch.ts, src/cli/spareCores.ts): by the batch's
// size, read from real files, and by the cores found idle since the command line started.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUTO_POOL_BYTES, chooseJobs, SHARED_CORE_POOL_BYTES } from '../src/cli/batch.js';
import { maxJobs } from '../src/cli/jobs.js';
import { SPARE_CORES_AFTER_MS, SpareCores, watchFromStart } from '../src/cli/spareCores.js';

let dir: string;

/** `count` files of `each` bytes. */
function files(name: string, count: number, each: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const path = join(dir, `${name}-${i}.txt`);
    writeFileSync(path, Buffer.alloc(each, 0x41));
    return path;
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reportx-jobs-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the default --jobs', () => {
  const MB = 1024 * 1024;
  const cores = maxJobs();

  it('is one thread for a batch under AUTO_POOL_BYTES', async () => {
    expect(await chooseJobs(files('small', 3, AUTO_POOL_BYTES / 4), undefined)).toBe(1);
  });

  it('leaves a core to V8 below SHARED_CORE_POOL_BYTES (one thread on 2 cores)', async () => {
    const medium = files('medium', 3, Math.ceil((AUTO_POOL_BYTES + MB) / 3));
    expect(await chooseJobs(medium, undefined)).toBe(Math.max(1, cores - 1));
  });

  it('takes every core from SHARED_CORE_POOL_BYTES', async () => {
    const large = files('large', 4, SHARED_CORE_POOL_BYTES / 4);
    expect(await chooseJobs(large, undefined)).toBe(cores);
  });

  it('is one thread for one file, and --jobs is taken as given (capped at the cores)', async () => {
    expect(await chooseJobs(files('one', 1, SHARED_CORE_POOL_BYTES), undefined)).toBe(1);
    expect(await chooseJobs(files('given', 2, 10), 1)).toBe(1);
    expect(await chooseJobs(files('given', 2, 10), 64)).toBe(cores);
  });
});

describe('the idle cores a default batch measures', () => {
  it('are measured from the command line start for the first batch, so it decides at once', async () => {
    watchFromStart();
    const until = performance.now() + SPARE_CORES_AFTER_MS + 10;
    while (performance.now() < until) {
      // busy, as the command line is while it starts
    }
    const first = new SpareCores();
    expect(first.ready()).toBe(true);
    expect(first.free()).toBeGreaterThanOrEqual(0);
    expect(first.free()).toBeLessThanOrEqual(maxJobs() + 0.5);
    // A later batch measures from its own start.
    expect(new SpareCores().ready()).toBe(false);
  });
});
