import { describe, expect, it, beforeAll } from 'vitest';
import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import { groupKey, normaliseIndicator } from '../src/table/groupKey.js';
import { cellSum, cellText, columnLabels, pivotDocuments, tableRecords } from '../src/table/pivot.js';
import { displayWidth, renderTextTable, truncateToWidth } from '../src/table/textTable.js';
import { plainDecimal } from '../src/output/metricRows.js';
import { reportDocumentSchema, type Metric, type ReportDocument } from '../src/model/schema.js';
import { unescapeTsvField } from '../src/output/delimited.js';
import { FIXTURES, jsonDocuments, requireBuild, runCli } from './tabularHelpers.js';

type M = Pick<Metric, 'indicator' | 'value' | 'unit'> & Partial<Metric>;

function report(org: string | null, year: number | null, path: string | null, metrics: M[]): ReportDocument {
  const sentence = '共办理法律援助案件1203件，“调解成功率”达99.78%，\t同比增长\n12%。';
  return reportDocumentSchema.parse({
    source: {
      path,
      encoding: 'utf-8',
      encodingConfidence: 1,
      format: 'text',
      characters: 100,
      sha256: 'c'.repeat(64),
      generator: 'reportx 0.1.0',
    },
    meta: { organization: org, year, reportType: 'review', title: null, publishedAt: null, documentNumber: null },
    sections: [],
    metrics: metrics.map((m, i) => ({
      id: `m${i + 1}`,
      span: { start: 0, end: 1 },
      raw: `${m.value}${m.unit}`,
      kind: 'count',
      approx: null,
      change: null,
      target: false,
      indicatorSpan: null,
      indicatorKey: null,
      indicatorName: null,
      period: null,
      sectionId: null,
      sentence: { start: 0, end: sentence.length, text: sentence },
      ...m,
    })),
    warnings: [],
  } satisfies ReportDocument);
}

const A = report('崇川区司法局', 2024, 'in/a.txt', [
  { indicator: '法律援助案件', value: 1000, unit: '件' },
  { indicator: '法律援助案件', value: 203, unit: '件' },
  { indicator: '调解成功率', value: 99.78, unit: '%', kind: 'percent' },
  { indicator: '调解成功率', value: 98, unit: '%', kind: 'percent' },
  { indicator: '公证', value: 58, unit: '件' },
  { indicator: '公证', value: 12, unit: '人次' },
  { indicator: '法律援助案件', value: 1500, unit: '件', target: true },
  { indicator: null, value: 7, unit: '个' },
]);
const B = report(null, 2022, 'in/嵊泗.txt', [
  { indicator: '“法律援助案件”数', value: 97, unit: '件' },
  { indicator: '调解 成功率', value: 95, unit: '%', kind: 'percent' },
  { indicator: '法律明白人', value: 89, unit: '名' },
]);
const C = report('上高县司法局', null, null, [
  { indicator: 'ＡＢ类案件数量', value: 3, unit: '件' },
  { indicator: '法律援助案件', value: 0.1, unit: '件' },
  { indicator: '法律援助案件', value: 0.2, unit: '件' },
]);

describe('groupKey', () => {
  it('normalises full-width forms, whitespace, quotation marks and a trailing 数/量', () => {
    expect(normaliseIndicator('“法律援助案件”数')).toBe('法律援助案件');
    expect(normaliseIndicator('调解 成功率')).toBe('调解成功率');
    expect(normaliseIndicator('村（社区）')).toBe('村(社区)');
    expect(normaliseIndicator('ＡＢ类案件数量')).toBe('AB类案件');
    expect(normaliseIndicator('案件总数')).toBe('案件');
    expect(normaliseIndicator('受援人数')).toBe('受援人');
    expect(normaliseIndicator('数量')).toBe('数量');
    expect(normaliseIndicator('《民法典》宣讲\u3000活动')).toBe('民法典宣讲活动');
    expect(groupKey('出庭应诉率')).toBe(groupKey('出庭应诉率'));
  });
});

describe('pivot', () => {
  const table = pivotDocuments([A, B, C]);
  const row = (indicator: string, target = false) =>
    table.rows.find((r) => r.key === groupKey(indicator) && r.target === target)!;

  it('labels columns by organization and year, else the file name', () => {
    expect(table.columns.map((c) => c.label)).toEqual(['崇川区司法局 2024', '嵊泗.txt', '上高县司法局']);
  });

  it('makes one row per indicator, merging spellings that normalise alike; goals get their own row', () => {
    expect(table.rows.map((r) => [r.indicator, r.target])).toEqual([
      ['法律援助案件', false],
      ['调解成功率', false],
      ['公证', false],
      ['法律援助案件', true],
      ['法律明白人', false],
      ['ＡＢ类案件数量', false],
    ]);
    expect(row('法律援助案件').variants).toEqual(['法律援助案件', '“法律援助案件”数']);
    expect(table.omitted).toBe(1);
  });

  it('sums counts of one unit, lists everything else', () => {
    const legalAid = row('法律援助案件');
    expect(legalAid.unit).toBe('件');
    expect(legalAid.cells.map((c) => cellText(c, legalAid.unit))).toEqual(['1203', '97', '0.3']);
    const rate = row('调解成功率');
    expect(rate.unit).toBe('%');
    expect(rate.cells.map((c) => cellText(c, rate.unit))).toEqual(['99.78; 98', '95', '']);
    const notary = row('公证');
    expect(notary.unit).toBeNull();
    expect(notary.cells.map((c) => cellText(c, notary.unit))).toEqual(['58件; 12人次', '', '']);
    expect(cellText(row('法律援助案件', true).cells[0], '件')).toBe('1500');
    expect(cellSum([])).toBeNull();
  });

  it('groups by any key function: the hook for a canonical indicator list', () => {
    const canonical: Record<string, string> = { 法律援助案件: 'legal-aid', 公证: 'legal-aid' };
    const t = pivotDocuments([A, B], { keyOf: (i) => canonical[groupKey(i)] ?? groupKey(i) });
    const merged = t.rows.find((r) => r.key === 'legal-aid' && !r.target)!;
    expect(merged.cells[0].map((v) => v.value)).toEqual([1000, 203, 58, 12]);
    expect(cellText(merged.cells[0], merged.unit)).toBe('1000件; 203件; 58件; 12人次');
  });

  it('disambiguates repeated labels with the file name, then a number', () => {
    const cols = [
      { organization: '甲局', year: 2024, file: 'x/1.txt' },
      { organization: '甲局', year: 2024, file: 'y/2.txt' },
      { organization: null, year: null, file: 'a/r.txt' },
      { organization: null, year: null, file: 'b/r.txt' },
      { organization: '乙局', year: 2023, file: null },
    ];
    expect(columnLabels(cols)).toEqual(['甲局 2024 (1.txt)', '甲局 2024 (2.txt)', 'r.txt #1', 'r.txt #2', '乙局 2023']);
  });

  it('turns into records: header, then indicator/target/unit and one cell per report', () => {
    const records = tableRecords(table);
    expect(records[0]).toEqual(['indicator', 'target', 'unit', '崇川区司法局 2024', '嵊泗.txt', '上高县司法局']);
    expect(records[1]).toEqual(['法律援助案件', 'false', '件', '1203', '97', '0.3']);
    expect(records).toHaveLength(1 + table.rows.length);
  });
});

describe('text table', () => {
  const table = pivotDocuments([A, B, C]);

  it('measures display width: CJK and full-width count two, ANSI codes none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('法律援助')).toBe(8);
    expect(displayWidth('（Ａ）1')).toBe(7);
    expect(displayWidth('\u001b[1m中\u001b[22m')).toBe(2);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(truncateToWidth('法律援助案件', 7)).toBe('法律援…');
    expect(displayWidth(truncateToWidth('法律援助案件', 7))).toBeLessThanOrEqual(7);
  });

  it('aligns every column by display width', () => {
    const text = renderTextTable(table, { color: false });
    expect(text).not.toContain('\u001b[');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(2 + table.rows.length);
    // The dash rule gives each column's start; every header and body cell edge must line up with it.
    const rule = lines[1];
    const starts = [0, ...[...rule.matchAll(/ {2}─/g)].map((m) => m.index! + 2)];
    expect(starts).toHaveLength(2 + table.columns.length);
    const columnAt = (line: string, col: number) => {
      // Display position of each character.
      let pos = 0;
      const cells: string[] = [];
      for (const ch of line) {
        cells[pos] = ch;
        pos += displayWidth(ch);
      }
      return cells[col];
    };
    for (const line of [lines[0], ...lines.slice(2)]) {
      // A column gap (two spaces) ends right before each column start.
      for (const s of starts.slice(1)) {
        expect(columnAt(line, s - 1)).toBe(' ');
      }
    }
    // Right-aligned numbers end at the same display column.
    const end = displayWidth(lines[0]);
    for (const line of lines.slice(2)) expect(displayWidth(line)).toBe(end);
    expect(text).toContain('法律援助案件 (target)');
  });

  it('uses ANSI emphasis only when colour is on', () => {
    expect(renderTextTable(table, { color: true })).toContain('\u001b[1m');
  });
});

/** What a table cell must say, computed straight from the JSON of one report. */
function expectedCell(metrics: Metric[], rowUnit: string): string {
  if (metrics.length === 0) return '';
  const suffix = (m: Metric) => (rowUnit === '' ? m.unit : '');
  if (metrics.every((m) => m.kind === 'count' && m.unit === metrics[0].unit)) {
    const sum = metrics.reduce((s, m) => s + m.value, 0);
    return plainDecimal(Number(sum.toPrecision(15))) + suffix(metrics[0]);
  }
  return metrics.map((m) => plainDecimal(m.value) + suffix(m)).join('; ');
}

/** Checks a parsed table (records incl. header) against the JSON documents it was made from. */
function checkAgainstJson(records: string[][], json: ReportDocument[]) {
  const [header, ...rows] = records;
  expect(header.slice(0, 3)).toEqual(['indicator', 'target', 'unit']);
  expect(header).toHaveLength(3 + json.length);
  expect(new Set(header).size).toBe(header.length);
  json.forEach((d, i) => {
    const label = header[3 + i];
    expect(label.includes(d.meta.organization ?? basename(d.source.path ?? 'stdin'))).toBe(true);
  });
  // (row key, target) → the metrics of each report that belong there.
  const groups = new Map<string, Metric[][]>();
  json.forEach((d, i) => {
    for (const m of d.metrics) {
      if (m.indicator === null || m.indicator.trim() === '') continue;
      const id = `${groupKey(m.indicator)}|${m.target}`;
      if (!groups.has(id))
        groups.set(
          id,
          json.map(() => []),
        );
      groups.get(id)![i].push(m);
    }
  });
  expect(rows).toHaveLength(groups.size);
  const seen = new Set<string>();
  for (const row of rows) {
    const [indicator, target, unit, ...cells] = row;
    const id = `${groupKey(indicator)}|${target}`;
    expect(seen.has(id)).toBe(false);
    seen.add(id);
    const perReport = groups.get(id)!;
    expect(perReport).toBeDefined();
    const all = perReport.flat();
    expect(all.some((m) => m.indicator === indicator)).toBe(true);
    const units = new Set(all.map((m) => m.unit));
    expect(unit).toBe(units.size === 1 ? [...units][0] : '');
    expect(cells).toEqual(perReport.map((ms) => expectedCell(ms, unit)));
  }
}

describe('reportx table', () => {
  // JSON is produced right before each format run (not once in beforeAll) so both come from the
  // same build even while dist/ is being rebuilt.
  beforeAll(requireBuild);

  it('--format csv: cells agree with the JSON of each fixture', () => {
    const json = jsonDocuments(FIXTURES);
    const r = runCli(['table', ...FIXTURES, '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stdout.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    checkAgainstJson(parse(r.stdout.subarray(3).toString('utf8')) as string[][], json);
  });

  it('--format tsv --no-bom: the same table', () => {
    const json = jsonDocuments(FIXTURES);
    const r = runCli(['table', ...FIXTURES, '--format', 'tsv', '--no-bom']);
    expect(r.status).toBe(0);
    const records = (parse(r.stdout.toString('utf8'), { delimiter: '\t', quote: false }) as string[][]).map((row) =>
      row.map(unescapeTsvField),
    );
    checkAgainstJson(records, json);
  });

  it('writes CSV when standard output is not a terminal, and never colour there', () => {
    const r = runCli(['table', ...FIXTURES]);
    expect(r.status).toBe(0);
    expect(r.stdout.toString('utf8').startsWith('\uFEFFindicator,target,unit,')).toBe(true);
    const text = runCli(['table', ...FIXTURES, '--format', 'text'], { FORCE_COLOR: '1' });
    expect(text.status).toBe(0);
    expect(text.stdout.toString('utf8')).not.toContain('\u001b[');
    expect(text.stdout.toString('utf8').split('\n')[0]).toMatch(/^indicator +unit/);
  });

  it('keeps rows found in at least --min-reports reports', () => {
    const all = parse(
      runCli(['table', ...FIXTURES, '--format', 'csv', '--no-bom']).stdout.toString('utf8'),
    ) as string[][];
    const shared = parse(
      runCli(['table', ...FIXTURES, '--format', 'csv', '--no-bom', '--min-reports', '2']).stdout.toString('utf8'),
    ) as string[][];
    const coverage = (row: string[]) => row.slice(3).filter((c) => c !== '').length;
    expect(shared.slice(1)).toEqual(all.slice(1).filter((row) => coverage(row) >= 2));
  });

  it('refuses a bad --min-reports, format or encoding and a missing file list (exit 2)', () => {
    expect(runCli(['table', ...FIXTURES, '--min-reports', '0']).status).toBe(2);
    expect(runCli(['table', ...FIXTURES, '--format', 'xlsx']).status).toBe(2);
    expect(runCli(['table']).status).toBe(2);
    expect(runCli(['table', ...FIXTURES, '--encoding', 'no-such-encoding']).status).toBe(2);
  });

  it('exits 1 for an unreadable file but still prints the table of the others', () => {
    const r = runCli(['table', FIXTURES[0], 'no-such-file.txt', '--format', 'csv', '--no-bom']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no-such-file.txt');
    expect((parse(r.stdout.toString('utf8')) as string[][])[0]).toHaveLength(4);
  });
});
