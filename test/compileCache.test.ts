// bin/compileCache.js: the command line's bundle loaded with V8's code cache. A cache must never
// change what runs: a missing, damaged or unwritable one falls back to compiling from source.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const { loadWithCodeCache, nodeFlags } = createRequire(import.meta.url)('../bin/compileCache.js') as {
  nodeFlags(execArgv: string[]): string[];
  loadWithCodeCache(
    bundle: string,
    command: string,
    env: Record<string, string | undefined>,
  ): { exports: { answer(): string }; cache: 'none' | 'used' | 'rejected'; saveCache(): void };
};

let dir: string;
let bundle: string;
let cacheDir: string;
const env = () => ({ REPORTX_COMPILE_CACHE: cacheDir });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'reportx-cache-'));
  bundle = join(dir, 'bundle.cjs');
  cacheDir = join(dir, 'cache');
  writeFileSync(bundle, "'use strict'; exports.answer = () => require('node:path').basename('/a/42');");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cacheFiles = () => readdirSync(cacheDir).filter((f) => f.endsWith('.v8cache'));

describe('the code cache of the bundle', () => {
  it('is written after a run without one and used by the next', () => {
    const first = loadWithCodeCache(bundle, 'parse', env());
    expect(first.cache).toBe('none');
    expect(first.exports.answer()).toBe('42');
    first.saveCache();
    expect(cacheFiles()).toEqual([expect.stringMatching(/^parse-[0-9a-f]{8}-[0-9a-f]{16}\.v8cache$/)]);
    const second = loadWithCodeCache(bundle, 'parse', env());
    expect(second.cache).toBe('used');
    expect(second.exports.answer()).toBe('42');
  });

  it('is one per command, and a rebuilt bundle replaces its command’s old one', () => {
    loadWithCodeCache(bundle, 'parse', env()).saveCache();
    loadWithCodeCache(bundle, 'table', env()).saveCache();
    const before = cacheFiles();
    expect(before).toHaveLength(2);
    writeFileSync(bundle, "'use strict'; exports.answer = () => 'rebuilt';");
    const rebuilt = loadWithCodeCache(bundle, 'parse', env());
    expect(rebuilt.cache).toBe('none');
    expect(rebuilt.exports.answer()).toBe('rebuilt');
    rebuilt.saveCache();
    const after = cacheFiles();
    expect(after).toHaveLength(2);
    expect(after.filter((f) => f.startsWith('table-'))).toEqual(before.filter((f) => f.startsWith('table-')));
    expect(after.filter((f) => f.startsWith('parse-'))).not.toEqual(before.filter((f) => f.startsWith('parse-')));
  });

  it('a bundle at another path (another install or checkout) keeps a cache of its own', () => {
    const elsewhere = join(dir, 'elsewhere.cjs');
    writeFileSync(elsewhere, "'use strict'; exports.answer = () => 'elsewhere';");
    loadWithCodeCache(bundle, 'parse', env()).saveCache();
    loadWithCodeCache(elsewhere, 'parse', env()).saveCache();
    expect(cacheFiles()).toHaveLength(2);
    expect(loadWithCodeCache(bundle, 'parse', env()).cache).toBe('used');
    expect(loadWithCodeCache(elsewhere, 'parse', env()).exports.answer()).toBe('elsewhere');
  });

  it('keeps at most 16 files, the least recently written removed first', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const other = join(dir, `other${i}.cjs`);
      writeFileSync(other, `'use strict'; exports.answer = () => '${i}';`);
      loadWithCodeCache(other, 'parse', env()).saveCache();
      // Written one second apart, so that the order does not rest on the clock's resolution.
      for (const f of cacheFiles().filter((f) => !seen.has(f))) {
        seen.add(f);
        utimesSync(join(cacheDir, f), 1_000_000 + i, 1_000_000 + i);
      }
    }
    expect(cacheFiles()).toHaveLength(16);
    expect(loadWithCodeCache(join(dir, 'other19.cjs'), 'parse', env()).cache).toBe('used');
    expect(loadWithCodeCache(join(dir, 'other4.cjs'), 'parse', env()).cache).toBe('used');
    expect(loadWithCodeCache(join(dir, 'other3.cjs'), 'parse', env()).cache).toBe('none');
  });

  it('a damaged cache is not given to V8: compiled from source and written again', () => {
    loadWithCodeCache(bundle, 'parse', env()).saveCache();
    const [name] = cacheFiles();
    const bytes = readFileSync(join(cacheDir, name));
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(join(cacheDir, name), bytes);
    const damaged = loadWithCodeCache(bundle, 'parse', env());
    expect(damaged.cache).toBe('none');
    expect(damaged.exports.answer()).toBe('42');
    damaged.saveCache();
    expect(loadWithCodeCache(bundle, 'parse', env()).cache).toBe('used');
  });

  it('a cache that cannot be written is skipped; REPORTX_COMPILE_CACHE=0 turns it off', () => {
    writeFileSync(cacheDir, 'a file where the directory would be');
    const unwritable = loadWithCodeCache(bundle, 'parse', env());
    expect(() => unwritable.saveCache()).not.toThrow();
    expect(unwritable.exports.answer()).toBe('42');
    rmSync(cacheDir);
    const off = loadWithCodeCache(bundle, 'parse', { REPORTX_COMPILE_CACHE: '0', XDG_CACHE_HOME: cacheDir });
    off.saveCache();
    expect(off.cache).toBe('none');
    expect(() => readdirSync(cacheDir)).toThrow();
  });

  it('is kept per set of Node flags, the code of node -e or -p left out', () => {
    expect(nodeFlags(['--cpu-prof', '-e', 'main()', '--max-old-space-size=512'])).toEqual([
      '--cpu-prof',
      '-e',
      '--max-old-space-size=512',
    ]);
    expect(nodeFlags(['--eval=main()', '-p', '1 + 1'])).toEqual(['-p']);
  });

  it('a cache directory others may write to is not used', () => {
    loadWithCodeCache(bundle, 'parse', env()).saveCache();
    chmodSync(cacheDir, 0o777);
    const shared = loadWithCodeCache(bundle, 'parse', env());
    expect(shared.cache).toBe('none');
    expect(shared.exports.answer()).toBe('42');
    chmodSync(cacheDir, 0o700);
    expect(loadWithCodeCache(bundle, 'parse', env()).cache).toBe('used');
  });

  it('the command line prints the same with its cache as without', () => {
    const run = (setting: string) =>
      spawnSync(process.execPath, ['bin/reportx.js', 'parse', '-f', 'ndjson', 'fixtures/000_d8fa31b0e3316016.txt'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, REPORTX_COMPILE_CACHE: setting },
      });
    const without = run('0');
    const writing = run(cacheDir);
    expect(cacheFiles()).toHaveLength(1);
    const using = run(cacheDir);
    expect(without.status).toBe(0);
    expect(without.stdout).not.toBe('');
    expect(writing.stdout).toBe(without.stdout);
    expect(using.stdout).toBe(without.stdout);
    expect(using.stderr).toBe('');
  });
});
