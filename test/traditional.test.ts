// Traditional characters are normalised one to one by OpenCC's character table, generated into
// src/normalise/traditionalChars.ts; the committed table must be what the generator writes.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { normaliseChars } from '../src/normalise/charMap.js';

describe('traditional → simplified character table', () => {
  it('is up to date with opencc-js (scripts/generate-traditional-chars.mjs --check)', () => {
    expect(() =>
      execFileSync('node', ['scripts/generate-traditional-chars.mjs', '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  });
  it('maps report vocabulary one to one and leaves simplified text and offsets alone', () => {
    const traditional = '整體罪案率亦下跌1.3%，分別較二○二一年減少一宗；補助標準提高幅度達30%。';
    const normal = normaliseChars(traditional);
    expect(normal.length).toBe(traditional.length);
    expect(normal).toBe('整体罪案率亦下跌1.3%,分别较二○二一年减少一宗;补助标准提高幅度达30%。');
    // Simplified text is unchanged apart from punctuation; 著 (著作) is a simplified character too.
    expect(normaliseChars('整体罪案率下降1.3%，著作权登记件数')).toBe('整体罪案率下降1.3%,著作权登记件数');
  });
});
