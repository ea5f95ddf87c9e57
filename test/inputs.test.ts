import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandInputs } from '../src/cli/inputs.js';

let dir: string;
const p = (...parts: string[]) => join(dir, ...parts);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reportx-inputs-'));
  mkdirSync(p('reports', 'sub'), { recursive: true });
  for (const name of ['b.txt', 'a.txt', 'c.txt', 'notes.md']) writeFileSync(p('reports', name), `${name}\n`);
  writeFileSync(p('reports', 'sub', 'd.txt'), 'd\n');
  writeFileSync(p('report[1].txt'), 'literal\n');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('expandInputs', () => {
  it('keeps the order given; a glob expands sorted in place', async () => {
    const { files, problems } = await expandInputs([
      p('reports', 'c.txt'),
      p('reports', '*.txt'),
      p('reports', 'sub', 'd.txt'),
    ]);
    expect(problems).toEqual([]);
    expect(files).toEqual([
      p('reports', 'c.txt'),
      p('reports', 'a.txt'),
      p('reports', 'b.txt'),
      p('reports', 'sub', 'd.txt'),
    ]);
  });

  it('dedupes repeated paths, other spellings of the same file and globs overlapping them', async () => {
    const { files } = await expandInputs([
      p('reports', 'a.txt'),
      join(dir, 'reports', '.', 'a.txt'),
      `${dir}/reports/sub/../a.txt`,
      p('reports', 'a.txt'),
      p('reports', '{a,b}.txt'),
    ]);
    expect(files).toEqual([p('reports', 'a.txt'), p('reports', 'b.txt')]);
  });

  it('dedupes a symbolic link and the file it points to', async () => {
    const link = p('link-to-a.txt');
    symlinkSync(p('reports', 'a.txt'), link);
    try {
      const { files } = await expandInputs([p('reports', 'a.txt'), link]);
      expect(files).toEqual([p('reports', 'a.txt')]);
    } finally {
      rmSync(link);
    }
  });

  it('a glob that matches nothing is a problem; the rest goes on', async () => {
    const { files, problems } = await expandInputs([p('reports', '*.pdf'), p('reports', 'a.txt')]);
    expect(files).toEqual([p('reports', 'a.txt')]);
    expect(problems).toEqual([{ pattern: p('reports', '*.pdf'), reason: 'no file matched' }]);
  });

  it('a glob that matches only directories matches no file', async () => {
    const { files, problems } = await expandInputs([p('re*')]);
    expect(files).toEqual([p('report[1].txt')]);
    expect(problems).toEqual([]);
    const onlyDirs = await expandInputs([p('reports', 's*')]);
    expect(onlyDirs).toEqual({ files: [], problems: [{ pattern: p('reports', 's*'), reason: 'no file matched' }] });
  });

  it('a directory is a problem that suggests a glob', async () => {
    const { files, problems } = await expandInputs([p('reports') + '/', p('reports', 'a.txt')]);
    expect(files).toEqual([p('reports', 'a.txt')]);
    expect(problems).toHaveLength(1);
    expect(problems[0].pattern).toBe(p('reports') + '/');
    expect(problems[0].reason).toMatch(/^is a directory/);
    expect(problems[0].reason).toContain(`'${p('reports')}/*.txt'`);
  });

  it('passes missing plain paths and - through, for reading to report', async () => {
    const { files, problems } = await expandInputs([p('missing.txt'), '-', '-']);
    expect(files).toEqual([p('missing.txt'), '-']);
    expect(problems).toEqual([]);
  });

  it('an existing file whose name looks like a glob is taken literally', async () => {
    const { files, problems } = await expandInputs([p('report[1].txt')]);
    expect(files).toEqual([p('report[1].txt')]);
    expect(problems).toEqual([]);
  });
});

describe('expandInputs: symbolic links inside a globbed directory', () => {
  let tree: string;
  beforeAll(() => {
    tree = p('tree');
    mkdirSync(join(tree, 'sub'), { recursive: true });
    writeFileSync(join(tree, 'real.txt'), 'real\n');
    writeFileSync(join(tree, 'sub', 'deep.txt'), 'deep\n');
    symlinkSync('loop-b.txt', join(tree, 'loop-a.txt')); // a → b → a
    symlinkSync('loop-a.txt', join(tree, 'loop-b.txt'));
    symlinkSync('nowhere.txt', join(tree, 'dangling.txt'));
    symlinkSync('real.txt', join(tree, 'alias.txt'));
    symlinkSync('sub', join(tree, 'dir-link.txt'));
    // two links back up the tree: following them makes ** walk 2^40 paths
    symlinkSync('..', join(tree, 'sub', 'up1'));
    symlinkSync('..', join(tree, 'sub', 'up2'));
    execFileSync('mkfifo', [join(tree, 'pipe.txt')]);
  });

  it('** neither hangs nor throws, and lists each file once', async () => {
    const started = Date.now();
    const { files, problems } = await expandInputs([join(tree, '**', '*.txt')]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(problems).toEqual([]);
    // loop and dangling links are kept so that reading them says why; alias.txt is real.txt,
    // the link to a directory and the FIFO are not files
    expect(files).toEqual([
      join(tree, 'alias.txt'),
      join(tree, 'dangling.txt'),
      join(tree, 'loop-a.txt'),
      join(tree, 'loop-b.txt'),
      join(tree, 'sub', 'deep.txt'),
    ]);
  });

  it('a loop link given as a plain path is passed through', async () => {
    const { files, problems } = await expandInputs([join(tree, 'loop-a.txt')]);
    expect(files).toEqual([join(tree, 'loop-a.txt')]);
    expect(problems).toEqual([]);
  });
});
