// Segmentation through src/text/segmenter.ts: the per-document memo gives exactly what
// jieba gives, serves a repeated text from memory, and keeps nothing once the document is done.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { PARTICLES } from '../src/indicators/matchIndicator.js';
import { cutWords, tagWords, withSegmentationMemo } from '../src/text/segmenter.js';

const TEXT = '全年共办理行政复议案件182件';

describe('withSegmentationMemo', () => {
  it('segments as jieba does, each distinct text once', () => {
    const plainTags = tagWords(TEXT);
    const plainCut = cutWords(TEXT);
    expect(plainTags.map((w) => w.word).join('')).toBe(TEXT);
    withSegmentationMemo(() => {
      const first = tagWords(TEXT);
      expect(first).toEqual(plainTags);
      expect(tagWords(TEXT)).toBe(first);
      expect(cutWords(TEXT)).toEqual(plainCut);
      expect(cutWords(TEXT)).toBe(cutWords(TEXT));
    });
  });

  it('keeps nothing after the call, and returns what the call returns', () => {
    let inside: readonly unknown[] = [];
    const result = withSegmentationMemo(() => {
      inside = tagWords(TEXT);
      return 42;
    });
    expect(result).toBe(42);
    expect(tagWords(TEXT)).not.toBe(inside);
    expect(tagWords(TEXT)).not.toBe(tagWords(TEXT));
  });
});

// The indicators stage reads most phrase pieces without segmenting them (matchIndicator.ts,
// mayBeNeutral): it counts on these two facts about jieba's tagging.
describe('tags the indicators stage relies on', () => {
  it('the dictionary tags uj and ul only PARTICLES', () => {
    const require = createRequire(import.meta.url);
    const dict = readFileSync(require.resolve('@node-rs/jieba/dict.txt'), 'utf8');
    const particles = dict
      .split('\n')
      .map((line) => line.split(' '))
      .filter((fields) => fields[2] === 'uj' || fields[2] === 'ul')
      .map((fields) => fields[0]);
    expect(particles.sort()).toEqual([...PARTICLES].sort());
  });

  it('a word outside the dictionary is tagged x', () => {
    expect(tagWords('鑫淼')).toEqual([{ word: '鑫淼', tag: 'x' }]);
  });
});
