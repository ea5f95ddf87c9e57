import { describe, expect, it, beforeAll } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { escapeTsvField, unescapeFormula, unescapeTsvField } from '../src/output/delimited.js';
import { METRIC_COLUMNS } from '../src/output/metricRows.js';
import {
  FIXTURES,
  HARD_SENTENCES,
  formulaDocument,
  expectedRecords,
  jsonDocuments,
  requireBuild,
  runCli,
  sampleDocument,
  secondDocument,
  written,
} from './tabularHelpers.js';

/** Opens TSV with a parser: tab-separated, no quoting, every record on one line; then unescapes (TSV escapes, then the formula quote). */
function readTsv(text: string): { header: string[]; records: Record<string, string>[] } {
  const rows = parse(text, {
    delimiter: '\t',
    quote: false,
    record_delimiter: '\n',
    relax_column_count: false,
  }) as string[][];
  const [header, ...body] = rows.map((r) => r.map((f) => unescapeFormula(unescapeTsvField(f))));
  return { header, records: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

describe('tsv escaping', () => {
  it('escapes backslash, tab, LF and CR and nothing else', () => {
    expect(escapeTsvField('a\tb\nc\rd\\e，“引号”"quote"')).toBe('a\\tb\\nc\\rd\\\\e，“引号”"quote"');
    expect(unescapeTsvField('a\\tb\\nc\\rd\\\\e')).toBe('a\tb\nc\rd\\e');
    // A literal backslash-n in the text stays a backslash and an n.
    expect(unescapeTsvField(escapeTsvField('C:\\new\\table'))).toBe('C:\\new\\table');
  });

  it('round-trips any string, and the escaped form has no tab or line break', () => {
    const chars = fc.constantFrom('\\', '\t', '\n', '\r', 'n', 't', 'r', '中', '，', '"', '“', ' ', 'a');
    fc.assert(
      fc.property(
        fc.array(chars).map((a) => a.join('')),
        fc.string({ unit: 'grapheme' }),
        (a, b) => {
          for (const s of [a, b, a + b]) {
            const e = escapeTsvField(s);
            expect(e).not.toMatch(/[\t\n\r]/);
            expect(unescapeTsvField(e)).toBe(s);
          }
        },
      ),
    );
  });
});

describe('tsv writer', () => {
  const docs = [sampleDocument(), secondDocument(), formulaDocument()];

  it('opens in a parser to exactly the metrics, one line per record, no BOM', async () => {
    const text = await written('tsv', {}, docs);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(1 + 12);
    // The formula report's cells carry the neutralising quote (before the TSV escape of a tab).
    expect(lines[10].split('\t')).toEqual(
      expect.arrayContaining(["'@reports/=cmd.txt", "'+某县司法局", "'-办理案件", "'\\t全年"]),
    );
    for (const line of lines) expect(line.split('\t')).toHaveLength(METRIC_COLUMNS.length);
    const { header, records } = readTsv(text);
    expect(header).toEqual([...METRIC_COLUMNS]);
    expect(records).toEqual(docs.flatMap(expectedRecords));
    expect(records.map((r) => r.sentence)).toEqual(expect.arrayContaining(HARD_SENTENCES));
  });

  it('writes the chosen columns, and a header alone when there is nothing', async () => {
    const text = await written('tsv', { columns: ['period', 'raw'] }, [sampleDocument()]);
    expect(text.split('\n')[0]).toBe('period\traw');
    expect(readTsv(text).records[4]).toEqual({ period: '1-9月\t（含\n追加）', raw: '1688.29万元' });
    expect(text).toContain('1-9月\\t（含\\n追加）\t1688.29万元\n');
    expect(await written('tsv', {}, [])).toBe(METRIC_COLUMNS.join('\t') + '\n');
  });
});

describe('reportx parse --format tsv', () => {
  // JSON is produced right before each format run (not once in beforeAll) so both come from the
  // same build even while dist/ is being rebuilt.
  beforeAll(requireBuild);

  it('gives back exactly the metrics of the JSON output for all fixtures', () => {
    const json = jsonDocuments(FIXTURES);
    const r = runCli(['parse', ...FIXTURES, '--format', 'tsv']);
    expect(r.status).toBe(0);
    expect(r.stdout[0]).not.toBe(0xef);
    const { header, records } = readTsv(r.stdout.toString('utf8'));
    expect(header).toEqual([...METRIC_COLUMNS]);
    expect(records).toHaveLength(json.reduce((n, d) => n + d.metrics.length, 0));
    expect(records).toEqual(json.flatMap(expectedRecords));
  });

  it.each(FIXTURES)('opens %s to the same metrics as its JSON', (fixture) => {
    const [doc] = jsonDocuments([fixture]);
    const r = runCli(['parse', fixture, '--format', 'tsv', '--columns', 'sentence,value,indicator']);
    expect(r.status).toBe(0);
    const { records } = readTsv(r.stdout.toString('utf8'));
    expect(records).toEqual(
      expectedRecords(doc).map((e) => ({ sentence: e.sentence, value: e.value, indicator: e.indicator })),
    );
  });

  it('refuses an unknown column with exit 2', () => {
    const r = runCli(['parse', ...FIXTURES, '--format', 'tsv', '--columns', 'nope']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('valid columns: file, organization');
  });
});
