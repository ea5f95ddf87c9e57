import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { outputNames } from '../src/cli/outputNames.js';

const names = (inputs: string[]) => {
  const r = outputNames(inputs);
  if (!r.ok) throw new Error(r.reason);
  return inputs.map((i) => r.names.get(i));
};

describe('outputNames (--out DIR)', () => {
  it('files of one directory keep their base names', () => {
    expect(names(['reports/a.txt', 'reports/b.txt'])).toEqual(['a.json', 'b.json']);
    expect(names(['reports/a.txt'])).toEqual(['a.json']);
  });

  it('mirrors the paths below the deepest common directory', () => {
    expect(names(['reports/2023/x.txt', 'reports/2024/q1/x.txt'])).toEqual([
      join('2023', 'x.json'),
      join('2024', 'q1', 'x.json'),
    ]);
    expect(names(['./r/a.txt', resolve('r/sub/b')])).toEqual(['a.json', join('sub', 'b.json')]);
  });

  it('standard input is stdin.json; a file that would also be stdin.json is a conflict', () => {
    expect(names(['-', 'r/a.txt'])).toEqual(['stdin.json', 'a.json']);
    const r = outputNames(['-', 'r/stdin.txt']);
    expect(r.ok).toBe(false);
  });

  it('the same stem with two extensions is a conflict naming both inputs', () => {
    const r = outputNames(['r/x.txt', 'r/y.txt', 'r/x.md']);
    expect(r).toEqual({
      ok: false,
      reason: '--out: r/x.txt and r/x.md would both be written to x.json; rename one, or parse them in two runs',
    });
  });
});
