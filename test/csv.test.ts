import { describe, expect, it, beforeAll } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvWriter } from '../src/cli/writers/delimitedWriter.js';
import { loadRenderer } from '../src/output/renderDocument.js';
import { escapeFormula, unescapeFormula } from '../src/output/delimited.js';
import fc from 'fast-check';
import { METRIC_COLUMNS, parseColumns, plainDecimal, formatCell, indexSections } from '../src/output/metricRows.js';
import type { ReportDocument } from '../src/model/schema.js';
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

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Parses CSV the way a spreadsheet would: header row → objects; the BOM must be handled by the
 * caller. The quote that neutralises a formula is taken off again (unescapeFormula).
 */
function readCsv(text: string): { header: string[]; records: Record<string, string>[] } {
  const rows = (parse(text, { relax_column_count: false }) as string[][]).map((r) => r.map(unescapeFormula));
  const [header, ...body] = rows;
  return { header, records: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

/** Every metric of every document, in order, as its expected record. */
const expectedAll = (docs: ReportDocument[]) => docs.flatMap(expectedRecords);

describe('metric rows', () => {
  it('writes numbers as plain decimals that read back exactly', () => {
    for (const n of [
      0,
      -0,
      1,
      -3,
      12.5,
      99.78,
      1688.29e4,
      1.2e21,
      1.5e-7,
      1e-7,
      -2.5e22,
      123456789012345680000,
      Number.MAX_SAFE_INTEGER,
      5e-324,
      1.7976931348623157e308,
    ]) {
      const text = plainDecimal(n);
      expect(text).toMatch(/^-?\d+(\.\d+)?$/);
      expect(Number(text)).toBe(n === 0 ? 0 : n);
    }
    expect(plainDecimal(1.2e21)).toBe('1200000000000000000000');
    expect(plainDecimal(1e-7)).toBe('0.0000001');
    expect(plainDecimal(-0)).toBe('0');
  });

  it('formats booleans as true/false and null as an empty cell', () => {
    expect([formatCell(true), formatCell(false), formatCell(null), formatCell('中文')]).toEqual([
      'true',
      'false',
      '',
      '中文',
    ]);
  });

  it('finds the path and kind of nested sections', () => {
    const index = indexSections(sampleDocument().sections);
    expect(index.get('s1.1')).toEqual({ titles: ['2024年工作回顾', '法律援助, "应援尽援"'], kind: 'review' });
    expect(index.get('s2')).toEqual({ titles: ['2025年工作打算'], kind: 'plan' });
    expect(index.size).toBe(4);
  });

  it('parses --columns: order kept, case and spaces forgiven, unknown names listed with the valid ones', () => {
    expect(parseColumns('value,indicator, SECTIONPATH ')).toEqual({
      ok: true,
      columns: ['value', 'indicator', 'sectionPath'],
    });
    const bad = parseColumns('value,foo,bar');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.reason).toContain('"foo", "bar"');
      for (const c of METRIC_COLUMNS) expect(bad.reason).toContain(c);
    }
    expect(parseColumns('value,value').ok).toBe(false);
    expect(parseColumns('value,,unit').ok).toBe(false);
    expect(parseColumns('').ok).toBe(false);
  });
});

describe('csv writer', () => {
  const docs = [sampleDocument(), secondDocument(), formulaDocument()];

  it('round-trips awkward sentences through a CSV parser, Chinese intact', async () => {
    const text = await written('csv', {}, docs);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const { header, records } = readCsv(text.slice(1));
    expect(header).toEqual([...METRIC_COLUMNS]);
    expect(records).toEqual(expectedAll(docs));
    expect(records.map((r) => r.sentence)).toEqual(expect.arrayContaining(HARD_SENTENCES));
  });

  it('neutralises text cells that start like a formula (OWASP), numbers stay numbers; off with escapeFormulas: false', async () => {
    const columns = ['file', 'organization', 'indicator', 'value', 'period', 'sentence'] as const;
    const text = await written('csv', { bom: false, columns: [...columns] }, [formulaDocument()]);
    const rows = parse(text) as string[][];
    expect(rows[1]).toEqual([
      "'@reports/=cmd.txt",
      "'+某县司法局",
      "'-办理案件",
      '12',
      "'\t全年",
      `'${formulaDocument().metrics[0].sentence.text}`,
    ]);
    // A negative number is a number: no quote, and it reads back as -3.
    expect(rows[2][3]).toBe('-3');
    // Text already starting with a quote before a formula character gets one more; other quotes are left alone.
    expect(rows[2][2]).toBe("''=已引号");
    expect(rows[3][2]).toBe("'普通引号");
    expect(rows[2][4]).toBe("'\r本月");
    // Every cell a spreadsheet reads starts with something other than = + - @ tab CR, unless it is a number.
    for (const row of rows.slice(1))
      for (const cell of row) expect(/^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell)).toBe(false);

    const raw = parse(
      await written('csv', { bom: false, columns: [...columns], escapeFormulas: false }, [formulaDocument()]),
    ) as string[][];
    expect(raw[1].slice(0, 3)).toEqual(['@reports/=cmd.txt', '+某县司法局', '-办理案件']);
  });

  it('unescapeFormula inverts the escaping for any text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '1', '.', '中', 'a')).map((a) => a.join('')),
        (s) => {
          expect(unescapeFormula(escapeFormula(s))).toBe(s);
          expect(escapeFormula(s)).not.toMatch(/^[=+@\t\r]/);
        },
      ),
    );
  });

  it('quotes per RFC 4180: CRLF records; commas, quotes, CR and LF inside quoted fields', async () => {
    const text = await written('csv', { bom: false, columns: ['sentence'] }, [sampleDocument()]);
    expect(text.startsWith('sentence\r\n')).toBe(true);
    expect(text).toContain('"接待群众咨询5000人次；\n线上答复62人次。"\r\n');
    expect(text).toContain('"全年办理法律援助案件1203件，同比增长12.5%, 其中""刑事案件""95件。"\r\n');
    expect(text).toContain('"化解矛盾纠纷412起，\r\n涉及金额1688.29万元\r（含“追索劳动报酬”）。"\r\n');
  });

  it('leaves the BOM out with bom: false', async () => {
    const text = await written('csv', { bom: false }, docs);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(readCsv(text).records).toEqual(expectedAll(docs));
  });

  it('writes the chosen columns in the chosen order', async () => {
    const text = await written('csv', { bom: false, columns: ['value', 'indicator', 'target'] }, [sampleDocument()]);
    const { header, records } = readCsv(text);
    expect(header).toEqual(['value', 'indicator', 'target']);
    expect(records.map((r) => r.value)).toEqual([
      '1203',
      '12.5',
      '99.78',
      '5000',
      '16882900',
      '1200000000000000000000',
      '0.0000001',
    ]);
    expect(records[3].indicator).toBe('');
    expect(records[5].target).toBe('true');
  });

  it('computes section path and kind from sectionId; an unknown or null id gives empty cells', async () => {
    const text = await written('csv', { bom: false, columns: ['sectionPath', 'sectionKind'] }, [sampleDocument()]);
    const { records } = readCsv(text);
    expect(records[0]).toEqual({ sectionPath: '2024年工作回顾 > 法律援助, "应援尽援"', sectionKind: 'review' });
    expect(records[3]).toEqual({ sectionPath: '', sectionKind: '' });
    expect(records[5]).toEqual({ sectionPath: '2025年工作打算', sectionKind: 'plan' });
    expect(records[6]).toEqual({ sectionPath: '', sectionKind: '' });
  });

  it('writes a header even with no documents or no metrics', async () => {
    const none = await written('csv', {}, []);
    expect(none).toBe('\uFEFF' + METRIC_COLUMNS.join(',') + '\r\n');
    const empty = { ...sampleDocument(), metrics: [] };
    expect(await written('csv', { bom: false }, [empty, empty])).toBe(METRIC_COLUMNS.join(',') + '\r\n');
  });

  it('streams: a document is written out before the next one is handed over', async () => {
    const { PassThrough } = await import('node:stream');
    const stream = new PassThrough();
    let seen = '';
    stream.on('data', (c: Buffer) => {
      seen += c.toString('utf8');
    });
    const writer = csvWriter(stream, { bom: false });
    const render = await loadRenderer({ format: 'csv' });
    await writer.write(render(sampleDocument()), 'a.txt');
    expect(readCsv(seen).records).toHaveLength(7);
    await writer.write(render(secondDocument()), 'b.txt');
    expect(readCsv(seen).records).toHaveLength(9);
    await writer.end();
  });
});

describe('reportx parse --format csv', () => {
  // JSON is produced right before each format run (not once in beforeAll) so both come from the
  // same build even while dist/ is being rebuilt.
  beforeAll(requireBuild);

  it('gives back exactly the metrics of the JSON output, for all fixtures at once, with BOM', () => {
    const json = jsonDocuments(FIXTURES);
    const r = runCli(['parse', ...FIXTURES, '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stdout.subarray(0, 3).equals(BOM)).toBe(true);
    const { header, records } = readCsv(r.stdout.subarray(3).toString('utf8'));
    expect(header).toEqual([...METRIC_COLUMNS]);
    expect(records).toHaveLength(json.reduce((n, d) => n + d.metrics.length, 0));
    expect(records).toEqual(expectedAll(json));
    // Values compare as numbers, not only as text.
    expect(records.map((r) => Number(r.value))).toEqual(json.flatMap((d) => d.metrics.map((m) => m.value)));
  });

  it.each(FIXTURES)('round-trips %s without BOM', (fixture) => {
    const [doc] = jsonDocuments([fixture]);
    const r = runCli(['parse', fixture, '--format', 'csv', '--no-bom']);
    expect(r.status).toBe(0);
    expect(r.stdout.subarray(0, 3).equals(BOM)).toBe(false);
    expect(doc.source.path).toBe(fixture);
    const { records } = readCsv(r.stdout.toString('utf8'));
    expect(records).toHaveLength(doc.metrics.length);
    expect(records).toEqual(expectedRecords(doc));
    expect(records.map((x) => x.sentence)).toEqual(doc.metrics.map((m) => m.sentence.text));
  });

  it('picks columns with --columns', () => {
    const json = jsonDocuments(FIXTURES);
    const r = runCli(['parse', ...FIXTURES, '--format', 'csv', '--no-bom', '--columns', 'indicator,value,file']);
    expect(r.status).toBe(0);
    const { header, records } = readCsv(r.stdout.toString('utf8'));
    expect(header).toEqual(['indicator', 'value', 'file']);
    expect(records).toEqual(expectedAll(json).map((e) => ({ indicator: e.indicator, value: e.value, file: e.file })));
  });

  it('refuses an unknown column with exit 2, listing the valid ones, before reading any file', () => {
    const r = runCli(['parse', 'no-such-file.txt', '--format', 'csv', '--columns', 'indicator,valeu']);
    expect(r.status).toBe(2);
    expect(r.stdout.length).toBe(0);
    expect(r.stderr).toContain('"valeu"');
    expect(r.stderr).toContain(METRIC_COLUMNS.join(', '));
    expect(r.stderr).not.toContain('no such file');
  });

  it('refuses --columns with JSON and --out with csv (exit 2)', () => {
    expect(runCli(['parse', FIXTURES[0], '--columns', 'value']).status).toBe(2);
    const out = runCli(['parse', FIXTURES[0], '--format', 'csv', '--out', 'tmp-never-created']);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain('--out');
  });
});
