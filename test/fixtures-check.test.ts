// The repository's own fixtures: `reportx check fixtures/` must pass, so a change to the
// extraction that alters what comes out of a fixture fails `npm test` with a readable diff.
// When the change is intended, regenerate the expected files and review their diff:
//   npm run build && node bin/reportx.js check fixtures/ --update
import { expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

it('reportx check fixtures/ passes', () => {
  const r = spawnSync(process.execPath, ['bin/reportx.js', 'check', 'fixtures/'], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const hint =
    '\nIf this change to the output is intended: node bin/reportx.js check fixtures/ --update, and review the diff.';
  expect(r.status, `${r.stdout}${r.stderr}${hint}`).toBe(0);
});
