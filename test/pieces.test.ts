// Large documents are rendered and written in pieces (Render.pieces, writeOutput) so that their
// text never stands whole in memory; the pieces must add up to exactly what the whole renderer
// gives, in every format. And UTF-8 is decoded by a loop of our own (src/decode/utf8.ts), which
// must give what Node's decoder gives.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../src/parseReport.js';
import { RENDER_FORMATS, loadRenderer } from '../src/output/renderDocument.js';
import { decodeWellFormedUtf8, decodeWellFormedUtf8ByLoop } from '../src/decode/utf8.js';
import type { ReportDocument } from '../src/model/schema.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const texts = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));

describe('rendering in pieces', () => {
  // All fixtures as one document: several hundred metrics, so arrays come in many pieces.
  const large = parseReport(texts.join('\n\n'), { path: 'all.txt' });
  const documents: [string, ReportDocument][] = [
    ['one fixture', parseReport(texts[0], { path: 'one.txt' })],
    ['all fixtures as one document', large],
    ['no metrics, no sections', parseReport('只有一句话。', { path: null })],
  ];

  it.each(RENDER_FORMATS)('%s: the pieces joined are the whole rendering', async (format) => {
    const render = await loadRenderer({ format });
    expect(large.metrics.length).toBeGreaterThan(100);
    for (const [name, document] of documents) {
      const pieces = [...render.pieces(document)];
      expect(pieces.join(''), name).toBe(render(document));
      if (document === large && format !== 'csv' && format !== 'tsv') expect(pieces.length).toBeGreaterThan(10);
    }
  });
});

describe('decoding UTF-8', () => {
  it('gives what Buffer#toString gives: fixtures, ASCII, two-, three- and four-byte characters', () => {
    const samples = [...texts, 'plain ASCII\r\n', 'é ü ñ', '𠀀𪚥😀 and 司法局', ''];
    for (const text of samples) {
      const bytes = Buffer.from(text, 'utf8');
      // Node's transcoder, and the loop for a Node without ICU.
      for (const decode of [decodeWellFormedUtf8, decodeWellFormedUtf8ByLoop]) {
        expect(decode(bytes)).toBe(bytes.toString('utf8'));
        // A view into a larger buffer, at an odd offset.
        const padded = Buffer.concat([Buffer.from('x'), bytes, Buffer.from('y')]);
        expect(decode(padded.subarray(1, 1 + bytes.length))).toBe(text);
      }
    }
  });
});
