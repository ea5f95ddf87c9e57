// The documentation says what the tool does today: the figures docs/check.md shows are what
// `check --gold fixtures/` prints, every exit status is in the README's table, and no example
// command line leaves a ** glob to the shell (which expands it without recursing).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as exitCodes from '../src/cli/exitCodes.js';

const ROOT = join(import.meta.dirname, '..');
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
const DOCS = ['README.md', 'docs/check.md', 'docs/scale.md', 'docs/spreadsheets.md'];

describe('the documentation', () => {
  it('docs/check.md shows the figures check --gold fixtures/ prints today', () => {
    const command = '$ reportx check --gold fixtures/ --min-f1 0.9\n';
    const doc = read('docs/check.md');
    const start = doc.indexOf(command) + command.length;
    const shown = doc.slice(start, doc.indexOf('```', start));
    const r = spawnSync(process.execPath, ['bin/reportx.js', 'check', '--gold', 'fixtures/', '--min-f1', '0.9'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(shown, 'update the block in docs/check.md').toBe(r.stdout);
  });

  it("the README's exit status table lists every status the CLI uses", () => {
    const readme = read('README.md');
    const table = readme.slice(readme.indexOf('### Exit status'), readme.indexOf('Bad input never stops'));
    for (const [name, code] of Object.entries(exitCodes)) {
      if (typeof code !== 'number' || name === 'EXIT_SIGNAL_BASE') continue;
      expect(table, `${name} = ${code}`).toContain(`| \`${code}\` |`);
    }
    expect(table).toContain('`130`, `143`');
  });

  it('example command lines quote ** globs', () => {
    for (const file of DOCS) {
      for (const line of read(file).split('\n')) {
        if (!/^\s*(\$ )?(npx )?reportx /.test(line) || !line.includes('**')) continue;
        expect(line, file).toMatch(/'[^'\s]*\*\*[^']*'|"[^"\s]*\*\*[^"]*"/);
      }
    }
  });
});
