// CSV injection (OWASP): text from a report that starts like a formula must not run when the CSV
// or TSV is opened in a spreadsheet. Real files through the built command line.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { requireBuild, runCli } from './tabularHelpers.js';

const REPORT = [
  '=HYPERLINK("http://x.invalid","点击")',
  '-全年办理案件12件。',
  '@SUM(1+1)调解成功率达95%。',
  '+受理法律援助案件97件，同比减少3件。',
  '',
].join('\n');

const FORMULA = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

describe('CSV injection', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    requireBuild();
    dir = mkdtempSync(join(tmpdir(), 'reportx-csv-injection-'));
    file = join(dir, '=cmd.txt');
    writeFileSync(file, REPORT);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cells = (text: string, delimiter = ',') =>
    (parse(text.replace(/^\uFEFF/, ''), { delimiter, quote: delimiter === ',' ? '"' : false }) as string[][]).flat();

  it('parse --format csv and tsv: no text cell starts like a formula; numbers stay plain', () => {
    for (const [format, delimiter] of [
      ['csv', ','],
      ['tsv', '\t'],
    ] as const) {
      const r = runCli(['parse', file, '--format', format, '--columns', 'indicator,raw,value,sentence']);
      expect(r.status).toBe(0);
      const all = cells(r.stdout.toString('utf8'), delimiter);
      const risky = all.filter((c) => FORMULA.test(c) && !NUMBER.test(c));
      expect(risky, format).toEqual([]);
      // The text is kept, behind a quote.
      expect(all).toContain("'-全年办理案件12件。");
      expect(all).toContain("'@SUM(1+1)调解成功率达95%。");
      expect(all).toEqual(expect.arrayContaining(['12', '95', '97']));
    }
  });

  it('--no-csv-escape writes the text as it is', () => {
    const r = runCli(['parse', file, '--format', 'csv', '--no-csv-escape', '--columns', 'sentence']);
    expect(r.status).toBe(0);
    const all = cells(r.stdout.toString('utf8'));
    expect(all).toContain('-全年办理案件12件。');
  });

  it('table --format csv: wide and long layouts neutralise every text cell', () => {
    const r = runCli(['table', file, '--format', 'csv', '--unkeyed']);
    expect(r.status).toBe(0);
    const rows = parse(r.stdout.toString('utf8').replace(/^\uFEFF/, '')) as string[][];
    expect(rows[1][0]).toContain('=cmd.txt');
    expect(rows.flat().filter((c) => FORMULA.test(c) && !NUMBER.test(c))).toEqual([]);
    const long = runCli(['table', file, '--format', 'csv', '--layout', 'long', '--unkeyed']);
    expect(
      (parse(long.stdout.toString('utf8').replace(/^\uFEFF/, '')) as string[][])
        .flat()
        .filter((c) => FORMULA.test(c) && !NUMBER.test(c)),
    ).toEqual([]);
    const off = runCli(['table', file, '--format', 'csv', '--no-csv-escape', '--layout', 'long', '--unkeyed']);
    expect((parse(off.stdout.toString('utf8').replace(/^\uFEFF/, '')) as string[][]).flat()).toContain(
      '-全年办理案件12件。',
    );
  });
});
