// `parse --out DIR`: one NAME.json per input, written atomically; a failed file leaves nothing.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportDocumentSchema } from '../src/model/schema.js';
import { writeFileAtomic } from '../src/cli/writers/atomicFile.js';

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
    const good = join(out, '003_aa401952f7047378.txt');
    writeFileSync(good, readFileSync('fixtures/003_aa401952f7047378.txt'));
    const run = cli(['parse', '--out', join(out, 'json'), bad, good]);
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

  it('two inputs with the same base name: their relative paths are mirrored, whatever their order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reportx-in-'));
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b', 'deeper'), { recursive: true });
    writeFileSync(join(dir, 'a', 'x.txt'), readFileSync('fixtures/000_d8fa31b0e3316016.txt'));
    writeFileSync(join(dir, 'b', 'deeper', 'x.txt'), readFileSync('fixtures/001_390b52e8e87f76ce.txt'));
    const inputs = [join(dir, 'a', 'x.txt'), join(dir, 'b', 'deeper', 'x.txt')];
    const runs = [inputs, [...inputs].reverse()].map((order) => {
      const out = mkdtempSync(join(tmpdir(), 'reportx-out-'));
      const run = cli(['parse', '--out', out, ...order]);
      expect(run.status, run.stderr).toBe(0);
      const a = JSON.parse(readFileSync(join(out, 'a', 'x.json'), 'utf8'));
      const b = JSON.parse(readFileSync(join(out, 'b', 'deeper', 'x.json'), 'utf8'));
      expect(readdirSync(out).sort()).toEqual(['a', 'b']);
      return [a.source.path, a.meta.organization, b.source.path, b.meta.organization];
    });
    expect(runs[0]).toEqual([inputs[0], '上高县司法局', inputs[1], '嵊泗县司法局']);
    expect(runs[1]).toEqual(runs[0]);
  });

  it('inputs that would still share a name (x.txt, x.md) are refused before anything is parsed (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reportx-in-'));
    writeFileSync(join(dir, 'x.txt'), readFileSync('fixtures/000_d8fa31b0e3316016.txt'));
    writeFileSync(join(dir, 'x.md'), readFileSync('fixtures/001_390b52e8e87f76ce.txt'));
    const out = join(dir, 'out');
    const run = cli(['parse', '--out', out, join(dir, 'x.txt'), join(dir, 'x.md')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `reportx: --out: ${join(dir, 'x.txt')} and ${join(dir, 'x.md')} would both be written to x.json; rename one, or parse them in two runs\n`,
    );
    expect(existsSync(out)).toBe(false);
  });
});
