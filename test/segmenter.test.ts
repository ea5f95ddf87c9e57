// Segmentation through src/text/segmenter.ts: the per-document memo gives exactly what
// jieba gives, serves a repeated text from memory, and keeps nothing once the document is done.
import { describe, expect, it } from 'vitest';
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
