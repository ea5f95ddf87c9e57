// `parse --out DIR`: one NAME.json per input, written atomically; a failed file leaves nothing.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportDocumentSchema } from '../src/model/schema.js';
import { writeFileAtomic } from '../src/cli/writers/jsonWriters.js';

const cli = (args: string[]) => spawnSync(process.execPath, ['bin/reportx.js', ...args], { encoding: 'utf8' });

describe('parse --out DIR', () => {
  it('writes one valid NAME.json per input, equal to the --format json output, and no temporary files', () => {
    const out = mkdtempSync(join(tmpdir(), 'reportx-out-'));
    const run = cli(['parse', '--out', out, 'fixtures/000_d8fa31b0e3316016.txt', 'fixtures/004_d8ae6b6d6877ebbc.txt']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(readdirSync(out).sort()).toEqual(['000_d8fa31b0e3316016.json', '004_d8ae6b6d6877ebbc.json']);
    const written = JSON.parse(readFileSync(join(out, '004_d8ae6b6d6877ebbc.json'), 'utf8'));
    expect(reportDocumentSchema.safeParse(written).success).toBe(true);
    const printed = JSON.parse(cli(['parse', 'fixtures/004_d8ae6b6d6877ebbc.txt']).stdout)[0];
    expect(written).toEqual(printed);
    expect(written.metrics.length).toBeGreaterThan(50);
  });

  it('a bad input among good ones gets a stderr line and no file; the good ones are still written', () => {
    const out = mkdtempSync(join(tmpdir(), 'reportx-out-'));
    const bad = join(out, 'binary.txt');
    writeFileSync(bad, Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]));
    const run = cli(['parse', '--out', join(out, 'json'), bad, 'fixtures/003_aa401952f7047378.txt']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${bad}: binary file`);
    expect(readdirSync(join(out, 'json'))).toEqual(['003_aa401952f7047378.json']);
  });

  it('replaces an existing file whole, through a temporary file that does not survive', async () => {
    const out = mkdtempSync(join(tmpdir(), 'reportx-out-'));
    const target = join(out, 'a.json');
    writeFileSync(target, 'x'.repeat(100_000));
    await writeFileAtomic(target, '{"short":true}\n');
    expect(readFileSync(target, 'utf8')).toBe('{"short":true}\n');
    expect(readdirSync(out)).toEqual(['a.json']);
  });

  it('two inputs with the same base name do not overwrite each other', () => {
    const out = mkdtempSync(join(tmpdir(), 'reportx-out-'));
    const dir = mkdtempSync(join(tmpdir(), 'reportx-in-'));
    writeFileSync(join(dir, '000_d8fa31b0e3316016.txt'), readFileSync('fixtures/001_390b52e8e87f76ce.txt'));
    const run = cli([
      'parse',
      '--out',
      out,
      'fixtures/000_d8fa31b0e3316016.txt',
      join(dir, '000_d8fa31b0e3316016.txt'),
    ]);
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['000_d8fa31b0e3316016-2.json', '000_d8fa31b0e3316016.json']);
  });
});
