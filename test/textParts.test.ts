// A long text is read a part at a time from mentions on (parseReport.ts, textParts.ts): its
// metrics must be exactly those of the text read whole, whatever the part size. Each part starts
// at a line start; what a part looks back at (the last mention before it, the last metrics before
// it) is handed over, and tables are found in the whole text.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PART_CHARACTERS, parseReport, parseReportInParts } from '../src/parseReport.js';
import { textParts } from '../src/structure/textParts.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => [f, readFileSync(join(FIXTURES, f), 'utf8')] as const);

const inParts = (text: string, partCharacters: number) => JSON.stringify(parseReport(text, { partCharacters }));
const whole = (text: string) => JSON.stringify(parseReport(text, { partCharacters: Number.MAX_SAFE_INTEGER }));

describe('textParts', () => {
  it('covers the text with parts that end just after a line break (the last at the end)', () => {
    const text = fixtures[0][1];
    for (const size of [1, 7, 100, 5000]) {
      const parts = textParts(text, size);
      expect(parts[0].start).toBe(0);
      expect(parts.at(-1)!.end).toBe(text.length);
      for (let i = 0; i < parts.length; i++) {
        if (i > 0) expect(parts[i].start).toBe(parts[i - 1].end);
        if (i < parts.length - 1) {
          expect(text[parts[i].end - 1]).toBe('\n');
          expect(parts[i].end - parts[i].start).toBeGreaterThanOrEqual(size);
        }
      }
    }
  });

  it('gives one part for a text shorter than a part, an empty one for an empty text, and refuses a size below 1', () => {
    expect(textParts('一行\n两行', 100)).toEqual([{ start: 0, end: 5 }]);
    expect(textParts('', 100)).toEqual([{ start: 0, end: 0 }]);
    expect(() => textParts('x', 0)).toThrow(RangeError);
  });

  it('keeps a line longer than a part whole', () => {
    expect(textParts('很长的一行没有换行\n短', 2)).toEqual([
      { start: 0, end: 10 },
      { start: 10, end: 11 },
    ]);
  });
});

describe('a text read a part at a time', () => {
  it.each([1, 97, 4096])('gives every fixture the metrics of the whole text, with parts of %i characters', (size) => {
    for (const [name, text] of fixtures) expect(inParts(text, size), name).toBe(whole(text));
  });

  it('reads every fixture in one part by default (a report is shorter than PART_CHARACTERS)', () => {
    for (const [, text] of fixtures) {
      expect(text.length).toBeLessThan(PART_CHARACTERS);
      const report = parseReportInParts(text);
      expect(report.nextMetrics()).not.toBeNull();
      expect(report.nextMetrics()).toBeNull();
    }
  });

  it('hands a part the last metrics before it: a part (其中) of a total on the line before has no key of its own', () => {
    const text = '全年办理法律援助案件1200件\n其中办理法律援助案件300件';
    const metrics = parseReport(text, { partCharacters: 1 }).metrics;
    expect(metrics.map((m) => [m.raw, m.indicatorKey])).toEqual([
      ['1200件', 'justice.legal_aid.cases'],
      ['300件', null],
    ]);
    expect(inParts(text, 1)).toBe(whole(text));
  });

  it('hands a part the last mention before it: a day count continues the one on the line before', () => {
    const text = '全年空气优良天数318天,\n同比增加9天。';
    expect(parseReport(text, { partCharacters: 1 }).metrics.map((m) => m.raw)).toEqual(['318天', '9天']);
    expect(inParts(text, 1)).toBe(whole(text));
  });

  it('names the cells of a table split between parts by its header', () => {
    const text = '项目 | 数量 | 增长\n受理案件 | 120件 | 5%\n办结案件 | 118件 | 6%\n';
    expect(inParts(text, 1)).toBe(whole(text));
    expect(parseReport(text, { partCharacters: 1 }).metrics.map((m) => m.indicator)).toEqual([
      '受理案件',
      '受理案件',
      '办结案件',
      '办结案件',
    ]);
  });

  it('numbers metrics on from part to part, and gives the warnings once every part is read', () => {
    const text = fixtures.map(([, t]) => t).join('\n');
    const report = parseReportInParts(text, { partCharacters: 2000 });
    const ids: string[] = [];
    let parts = 0;
    for (let part = report.nextMetrics(); part; part = report.nextMetrics()) {
      parts++;
      ids.push(...part.map((m) => m.id));
      if (parts === 1) expect(() => report.warnings()).toThrow(/before every part was read/);
    }
    expect(parts).toBeGreaterThan(10);
    expect(ids).toEqual(ids.map((_, i) => `m${i + 1}`));
    expect(report.warnings()).toEqual(parseReport(text).warnings);
  });
});
