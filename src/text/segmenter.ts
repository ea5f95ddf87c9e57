// The one place that knows about word segmentation. @node-rs/jieba loads its dictionary once,
// lazily, on first use (0.2 s), so documents without metrics never pay for it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface TaggedWord {
  word: string;
  /** jieba's part-of-speech tag: n noun, v verb, d adverb, p preposition, c conjunction, f locality… */
  tag: string;
}

interface JiebaLike {
  tag(sentence: string, hmm?: boolean): { word: string; tag: string }[];
  cut(sentence: string, hmm?: boolean): string[];
}

let jieba: JiebaLike | null = null;

function instance(): JiebaLike {
  if (!jieba) {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): JiebaLike } };
    // The package's own dictionary file, read here rather than through '@node-rs/jieba/dict': that
    // module also reads idf.txt (6 MB, keyword extraction, unused here) and keeps both buffers for
    // the life of the thread, where this one is dropped once jieba has built its tables.
    jieba = Jieba.withDict(readFileSync(require.resolve('@node-rs/jieba/dict.txt')));
  }
  return jieba;
}

/** Loads the dictionary now rather than on first use (a worker thread does, before it is handed files). */
export function loadSegmenter(): void {
  instance();
}

/**
 * Segmentations already made while parsing the current document (see withSegmentationMemo), by
 * text. Null outside one: nothing is kept between documents.
 */
let memo: { tagged: Map<string, readonly TaggedWord[]>; cut: Map<string, readonly string[]> } | null = null;

/**
 * Runs `parse` with each distinct text segmented once. The attribution and metadata stages ask
 * for the same few characters again and again (measured on the benchmark corpus: half of the
 * ~33 calls per report repeat an earlier one of the same report); segmentation is a pure function
 * of the text, so the repeats are served from memory. The memory lives for this call only; a call
 * inside another uses the outer call's (parseReport reads each part of a long text in a call of
 * its own, which the CLI's call around a whole document takes in).
 */
export function withSegmentationMemo<T>(parse: () => T): T {
  if (memo) return parse();
  memo = { tagged: new Map(), cut: new Map() };
  try {
    return parse();
  } finally {
    memo = null;
  }
}

/** Words with their part of speech, in order; concatenated they give back `text`. Shared: do not modify. */
export function tagWords(text: string): readonly TaggedWord[] {
  if (text === '') return [];
  const known = memo?.tagged.get(text);
  if (known) return known;
  const words: readonly TaggedWord[] = instance()
    .tag(text, true)
    .map(({ word, tag }) => ({ word, tag }));
  memo?.tagged.set(text, words);
  return words;
}

/** Words only, without parts of speech: about three times cheaper than tagWords. Shared: do not modify. */
export function cutWords(text: string): readonly string[] {
  if (text === '') return [];
  const known = memo?.cut.get(text);
  if (known) return known;
  const words: readonly string[] = instance().cut(text, true);
  memo?.cut.set(text, words);
  return words;
}
