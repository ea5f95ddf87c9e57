// Every document names the reportx that wrote it (source.generator), and --version agrees, so CI
// can pin the tool an output came from.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../src/index.js';
import { reportDocumentSchema } from '../src/model/schema.js';

const ROOT = join(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const cli = (args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin', 'reportx.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('the tool version', () => {
  it('parse output records source.generator "reportx VERSION", as --version prints it', () => {
    const printed = cli(['--version']);
    expect(printed.stdout).toBe(`${version}\n`);
    const doc = JSON.parse(cli(['parse', '--format', 'ndjson', 'fixtures/000_d8fa31b0e3316016.txt']).stdout);
    expect(doc.source.generator).toBe(`reportx ${version}`);
  });

  it('the library records it too, and the schema requires it', () => {
    const doc = parseReport('一、工作开展情况\n全年办理案件12件。', { path: null });
    expect(doc.source.generator).toBe(`reportx ${version}`);
    const { generator: _, ...source } = doc.source;
    expect(reportDocumentSchema.safeParse({ ...doc, source }).success).toBe(false);
  });
});
