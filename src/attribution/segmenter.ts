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

/** Words with their part of speech, in order; concatenated they give back `text`. */
export function tagWords(text: string): TaggedWord[] {
  if (text === '') return [];
  return instance().tag(text, true).map(({ word, tag }) => ({ word, tag }));
}

/** Words only, without parts of speech: about three times cheaper than tagWords. */
export function cutWords(text: string): string[] {
  if (text === '') return [];
  return instance().cut(text, true);
}
