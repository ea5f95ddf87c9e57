// bin/reportx.js runs the esbuild bundle in dist/bundle/ (scripts/bundle.mjs), made from the tsc
// output in dist/. The CLI tests spawn bin/reportx.js, so a bundle older than dist/ would test old
// code: refuse it, and check that the bundle and the unbundled build answer alike.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const BUNDLE = join(ROOT, 'dist', 'bundle', 'reportx.cjs');
const FIXTURE = join('fixtures', '000_d8fa31b0e3316016.txt');

function builtFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === 'bundle'
        ? []
        : builtFiles(join(dir, e.name))
      : e.name.endsWith('.js')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('the bundle bin/reportx.js runs', () => {
  it('is at least as new as every file of dist/ it is made from', () => {
    const bundled = statSync(BUNDLE).mtimeMs;
    const newer = builtFiles(join(ROOT, 'dist')).filter((f) => statSync(f).mtimeMs > bundled);
    expect(newer, 'dist/bundle/ is older than these: run npm run build (npm test does)').toEqual([]);
  });

  it('makes no import(): run from V8’s code cache (bin/compileCache.js), Node 20 loses a script’s import callback', () => {
    expect(readFileSync(BUNDLE, 'utf8')).not.toMatch(/\bimport\(\s*["'`]/);
  });

  it('prints what the unbundled build prints', () => {
    const run = (script: string[]) =>
      spawnSync(process.execPath, [...script, 'parse', '-f', 'ndjson', FIXTURE], { cwd: ROOT, encoding: 'utf8' });
    const bundled = run(['bin/reportx.js']);
    const unbundled = run([
      '--input-type=module',
      '-e',
      "import { main } from './dist/cli/main.js'; process.exitCode = await main(['node', 'reportx', ...process.argv.slice(1)]);",
      '--',
    ]);
    expect(bundled.status).toBe(0);
    expect(bundled.stdout).not.toBe('');
    expect(unbundled.stderr).toBe('');
    expect(bundled.stdout).toBe(unbundled.stdout);
  });
});
