// `reportx table`: the wide layout (a row per report, a column per canonical key, one value per
// cell, never a sum) and the long layout (a row per keyed metric), as pure functions on hand-built
// documents and through the CLI on the fixtures, checked cell by cell against their JSON.
import { describe, expect, it, beforeAll } from 'vitest';
import { parse } from 'csv-parse/sync';
import { groupKey, normaliseIndicator } from '../src/table/groupKey.js';
import { monthsCovered } from '../src/table/periodCoverage.js';
import { chooseCandidate, compareCandidates } from '../src/table/cellChoice.js';
import { convertValue } from '../src/table/unitConversion.js';
import {
  LONG_COLUMNS,
  WIDE_REPORT_COLUMNS,
  WideTableBuilder,
  longRecords,
  wideRecords,
} from '../src/table/reportTable.js';
import { displayWidth, renderTextTable, truncateToWidth } from '../src/table/textTable.js';
import { plainDecimal } from '../src/output/metricRows.js';
import { reportDocumentSchema, type Metric, type ReportDocument } from '../src/model/schema.js';
import { unescapeTsvField } from '../src/output/delimited.js';
import { FIXTURES, jsonDocuments, requireBuild, runCli } from './tabularHelpers.js';

type M = Pick<Metric, 'value' | 'unit'> &
  Partial<Metric> & { indicatorKey?: string | null; indicatorName?: string | null };

let position = 0;
function report(org: string | null, year: number | null, path: string | null, metrics: M[]): ReportDocument {
  const sentence = '共办理法律援助案件1203件，“调解成功率”达99.78%，同比增长12%。';
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
    metrics: metrics.map((m, i) => {
      const start = position++;
      return {
        id: `m${i + 1}`,
        span: { start, end: start + 1 },
        raw: `${m.value}${m.unit}`,
        kind: 'count',
        approx: null,
        change: null,
        target: false,
        indicator: null,
        indicatorKey: null,
        indicatorName: null,
        indicatorSpan: null,
        period: null,
        sectionId: null,
        sentence: { start: 0, end: sentence.length, text: sentence },
        ...m,
      };
    }),
    warnings: [],
  } satisfies ReportDocument);
}

const LEGAL_AID = { indicatorKey: 'justice.legal_aid.cases', indicatorName: '法律援助案件数' };
const SUCCESS = {
  indicatorKey: 'justice.mediation.success_rate',
  indicatorName: '人民调解成功率',
  kind: 'percent' as const,
};
const A = report('崇川区司法局', 2024, 'in/a.txt', [
  { ...LEGAL_AID, indicator: '法律援助案件', value: 1000, unit: '件', period: '1-9月' },
  { ...LEGAL_AID, indicator: '法律援助案件', value: 1203, unit: '件', period: '全年' },
  { ...LEGAL_AID, indicator: '法律援助案件', value: 1500, unit: '件', target: true },
  { ...SUCCESS, indicator: '调解成功率', value: 99.78, unit: '%' },
  { ...SUCCESS, indicator: '调解成功率', value: 98, unit: '%' },
  { indicator: '公证', value: 58, unit: '件' },
  { indicator: null, value: 7, unit: '个' },
]);
const B = report(null, 2022, 'in/嵊泗.txt', [
  { ...LEGAL_AID, indicator: '法援案件', value: 97, unit: '宗' },
  { ...SUCCESS, indicator: '调处成功率', value: 95, unit: '%' },
  { indicator: '“公证”数', value: 12, unit: '件' },
  { indicator: '公证', value: 3, unit: '人次' },
]);
const C = report('上高县司法局', null, null, [
  { ...LEGAL_AID, indicator: '法律援助案件', value: 1600, unit: '件', target: true, period: '全年' },
  { ...LEGAL_AID, indicator: '法律援助', value: 40, unit: '人次' },
]);
const describeKey = (key: string) =>
  key === LEGAL_AID.indicatorKey
    ? { name: '法律援助案件数', unit: '件', equivalentUnits: ['件', '宗', '起'] }
    : key === SUCCESS.indicatorKey
      ? { name: '人民调解成功率', unit: '%' }
      : undefined;

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

describe('period coverage', () => {
  it('reads the months a period covers', () => {
    expect(monthsCovered('全年')).toBe(12);
    expect(monthsCovered('1-9月')).toBe(9);
    expect(monthsCovered('1至10月')).toBe(10);
    expect(monthsCovered('截至9月底')).toBe(9);
    expect(monthsCovered('截至十一月底')).toBe(11);
    expect(monthsCovered('上半年')).toBe(6);
    expect(monthsCovered('前三季度')).toBe(9);
    expect(monthsCovered('一季度')).toBe(3);
    expect(monthsCovered('今年以来')).toBe(12);
    expect(monthsCovered(null)).toBeNull();
    expect(monthsCovered('近期')).toBeNull();
  });
});

describe('one value per cell', () => {
  const c = (target: boolean, period: string | null, start: number) => ({ target, period, start });
  it('prefers a result to a goal, then the widest period, then the first stated', () => {
    expect(chooseCandidate([c(true, '全年', 0), c(false, '1-9月', 5)])).toEqual(c(false, '1-9月', 5));
    expect(chooseCandidate([c(false, '1-9月', 0), c(false, '全年', 5)])).toEqual(c(false, '全年', 5));
    expect(chooseCandidate([c(false, '上半年', 0), c(false, null, 9)])).toEqual(c(false, null, 9));
    expect(chooseCandidate([c(false, null, 3), c(false, '全年', 8)])).toEqual(c(false, null, 3));
    expect(compareCandidates(c(false, null, 1), c(false, null, 2))).toBeLessThan(0);
    expect(chooseCandidate([])).toBeUndefined();
  });
});

describe('unit conversion', () => {
  it('converts units of one measure, and measure words only where the caller names them as one', () => {
    expect(convertValue(2, '公顷', '亩')).toBe(30);
    expect(convertValue(3000, '亩', '公顷')).toBe(200);
    expect(convertValue(1.8, '万担', '吨')).toBeNull();
    expect(convertValue(18000, '担', '吨')).toBe(900);
    expect(convertValue(5, '宗', '件')).toBeNull();
    expect(convertValue(5, '宗', '件', ['件', '宗', '起'])).toBe(5);
    expect(convertValue(5, '人次', '件', ['件', '宗', '起'])).toBeNull();
    expect(convertValue(7, '件', '件')).toBe(7);
  });
});

describe('wide layout', () => {
  const table = (() => {
    const b = new WideTableBuilder({ describeKey });
    for (const d of [A, B, C]) b.add(d);
    return b.result();
  })();
  const cell = (report: number, key: string) =>
    table.reports[report].cells.get(table.columns.findIndex((c) => c.key === key));

  it('has one row per report and one column per key, named by the catalogue with its unit', () => {
    expect(table.reports.map((r) => [r.file, r.organization, r.year])).toEqual([
      ['in/a.txt', '崇川区司法局', 2024],
      ['in/嵊泗.txt', null, 2022],
      [null, '上高县司法局', null],
    ]);
    expect(table.columns).toEqual([
      { key: 'justice.legal_aid.cases', name: '法律援助案件数', unit: '件' },
      { key: 'justice.mediation.success_rate', name: '人民调解成功率', unit: '%' },
    ]);
  });

  it('takes one metric per cell by the rule and never adds two up', () => {
    expect(cell(0, LEGAL_AID.indicatorKey)).toMatchObject({ value: 1203, metricId: 'm2', target: false });
    expect(cell(0, SUCCESS.indicatorKey)).toMatchObject({ value: 99.78, metricId: 'm4' });
    // 97宗 in a column of 件: the catalogue names 件/宗/起 as one unit.
    expect(cell(1, LEGAL_AID.indicatorKey)).toMatchObject({ value: 97 });
    // Only a goal: the goal stands, flagged; 40人次 cannot go in a column of 件.
    expect(cell(2, LEGAL_AID.indicatorKey)).toMatchObject({ value: 1600, target: true });
    expect(cell(2, SUCCESS.indicatorKey)).toBeUndefined();
    expect(table.unconvertible).toBe(1);
    expect(table.unkeyed).toBe(4);
  });

  it('as records: report columns, then a plain decimal per cell, empty where nothing', () => {
    const records = wideRecords(table);
    expect(records[0]).toEqual([...WIDE_REPORT_COLUMNS, '法律援助案件数 (件)', '人民调解成功率 (%)']);
    expect(records.slice(1)).toEqual([
      ['in/a.txt', '崇川区司法局', '2024', 'review', '1203', '99.78'],
      ['in/嵊泗.txt', '', '2022', 'review', '97', '95'],
      ['stdin', '上高县司法局', '', 'review', '1600', ''],
    ]);
    expect(wideRecords(table, 'key')[0].slice(4)).toEqual([
      'justice.legal_aid.cases',
      'justice.mediation.success_rate',
    ]);
  });

  it('with unkeyed: a column per phrase and unit, spellings normalised alike sharing one', () => {
    const b = new WideTableBuilder({ describeKey, unkeyed: true });
    for (const d of [A, B, C]) b.add(d);
    const t = b.result();
    const headers = wideRecords(t)[0].slice(4);
    expect(headers).toEqual([
      '法律援助案件数 (件)',
      '人民调解成功率 (%)',
      '[unkeyed] 公证 (件)',
      '[unkeyed] 公证 (人次)',
    ]);
    expect(
      wideRecords(t)
        .slice(1)
        .map((r) => r.slice(6)),
    ).toEqual([
      ['58', ''],
      ['12', '3'],
      ['', ''],
    ]);
    expect(t.unkeyed).toBe(1); // the metric with no indicator at all
  });

  it('keeps only columns with a value in at least minReports reports', () => {
    const b = new WideTableBuilder({ describeKey });
    for (const d of [A, B, C]) b.add(d);
    expect(b.result(3).columns.map((c) => c.key)).toEqual(['justice.legal_aid.cases']);
  });
});

describe('long layout', () => {
  it('one record per keyed metric (every metric with unkeyed), key and name beside the phrase', () => {
    const records = [...longRecords(A, { describeKey })];
    expect(records).toHaveLength(5);
    const at = (r: string[], col: (typeof LONG_COLUMNS)[number]) => r[LONG_COLUMNS.indexOf(col)];
    expect(records.map((r) => [at(r, 'indicatorKey'), at(r, 'value'), at(r, 'target'), at(r, 'period')])).toEqual([
      ['justice.legal_aid.cases', '1000', 'false', '1-9月'],
      ['justice.legal_aid.cases', '1203', 'false', '全年'],
      ['justice.legal_aid.cases', '1500', 'true', ''],
      ['justice.mediation.success_rate', '99.78', 'false', ''],
      ['justice.mediation.success_rate', '98', 'false', ''],
    ]);
    expect(at(records[0], 'indicatorName')).toBe('法律援助案件数');
    expect([...longRecords(A, { unkeyed: true })]).toHaveLength(A.metrics.length);
  });
});

describe('text table', () => {
  const records = wideRecords(
    (() => {
      const b = new WideTableBuilder({ describeKey });
      for (const d of [A, B, C]) b.add(d);
      return b.result();
    })(),
  );

  it('measures display width: CJK and full-width count two, ANSI codes none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('法律援助')).toBe(8);
    expect(displayWidth('（Ａ）1')).toBe(7);
    expect(displayWidth('\u001b[1m中\u001b[22m')).toBe(2);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(truncateToWidth('法律援助案件', 7)).toBe('法律援…');
    expect(displayWidth(truncateToWidth('法律援助案件', 7))).toBeLessThanOrEqual(7);
  });

  it('aligns every column by display width, numbers to the right, empty cells as -', () => {
    const text = renderTextTable(records, { color: false, numeric: (i) => i >= WIDE_REPORT_COLUMNS.length });
    expect(text).not.toContain('\u001b[');
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + records.length);
    const rule = lines[1];
    const starts = [0, ...[...rule.matchAll(/ {2}─/g)].map((m) => m.index! + 2)];
    expect(starts).toHaveLength(records[0].length);
    const charAt = (line: string, col: number) => {
      let pos = 0;
      const cells: string[] = [];
      for (const ch of line) {
        cells[pos] = ch;
        pos += displayWidth(ch);
      }
      return cells[col];
    };
    for (const line of [lines[0], ...lines.slice(2)])
      for (const s of starts.slice(1)) expect(charAt(line, s - 1)).toBe(' ');
    // The last column is numeric: every line ends at the same display column.
    const end = displayWidth(lines[0]);
    for (const line of lines.slice(2)) expect(displayWidth(line)).toBe(end);
    expect(lines[4].trimEnd().endsWith('-')).toBe(true);
  });

  it('uses ANSI emphasis only when colour is on', () => {
    expect(renderTextTable(records, { color: true, numeric: () => false })).toContain('\u001b[1m');
  });
});

type KeyedMetric = Metric & { indicatorKey?: string | null; indicatorName?: string | null };

/** Checks a wide table (records incl. header, --header key) against the JSON documents it was made from. */
function checkWideAgainstJson(records: string[][], json: ReportDocument[]) {
  const [header, ...rows] = records;
  expect(header.slice(0, 4)).toEqual([...WIDE_REPORT_COLUMNS]);
  const keys = header.slice(4);
  expect(keys.length).toBeGreaterThan(3); // the catalogue keys some of the fixtures' metrics
  expect(new Set(keys).size).toBe(keys.length);
  expect(rows).toHaveLength(json.length);
  const expectedKeys = new Set(
    json.flatMap((d) => d.metrics.map((m) => (m as KeyedMetric).indicatorKey).filter((k): k is string => !!k)),
  );
  expect(new Set(keys)).toEqual(expectedKeys);
  json.forEach((d, i) => {
    const row = rows[i];
    expect(row[0]).toBe(d.source.path);
    expect(row[1]).toBe(d.meta.organization ?? '');
    keys.forEach((key, k) => {
      const metrics = d.metrics.filter((m) => (m as KeyedMetric).indicatorKey === key);
      const cellText = row[4 + k];
      if (metrics.length === 0) return expect(cellText, `${d.source.path} ${key}`).toBe('');
      // One of the report's metrics of that key, never a sum; a result whenever there is one.
      const candidates = metrics.some((m) => !m.target) ? metrics.filter((m) => !m.target) : metrics;
      const same = candidates.filter((m) => plainDecimal(m.value) === cellText);
      expect(
        same.length,
        `${d.source.path} ${key}: ${cellText} among ${candidates.map((m) => m.value)}`,
      ).toBeGreaterThan(0);
    });
  });
}

describe('reportx table', () => {
  beforeAll(requireBuild);

  it("wide CSV (the default off a terminal): one value per cell, each one of the JSON's metrics of that key", () => {
    const json = jsonDocuments(FIXTURES);
    const r = runCli(['table', ...FIXTURES, '--header', 'key']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    checkWideAgainstJson(parse(r.stdout.subarray(3).toString('utf8')) as string[][], json);
  });

  it('wide TSV --no-bom: the same table', () => {
    const json = jsonDocuments(FIXTURES);
    const r = runCli(['table', ...FIXTURES, '--format', 'tsv', '--header', 'key']);
    expect(r.status).toBe(0);
    const records = (parse(r.stdout.toString('utf8'), { delimiter: '\t', quote: false }) as string[][]).map((row) =>
      row.map(unescapeTsvField),
    );
    checkWideAgainstJson(records, json);
  });

  it('long CSV round-trips through a CSV parser: one row per keyed metric, fields as in the JSON', () => {
    const json = jsonDocuments(FIXTURES);
    const r = runCli(['table', ...FIXTURES, '--layout', 'long', '--format', 'csv', '--no-bom']);
    expect(r.status, r.stderr).toBe(0);
    const [header, ...rows] = parse(r.stdout.toString('utf8')) as string[][];
    expect(header).toEqual([...LONG_COLUMNS]);
    const keyed = json.flatMap((d) =>
      d.metrics.filter((m) => (m as KeyedMetric).indicatorKey).map((m) => ({ d, m: m as KeyedMetric })),
    );
    expect(rows).toHaveLength(keyed.length);
    const col = (name: (typeof LONG_COLUMNS)[number]) => LONG_COLUMNS.indexOf(name);
    rows.forEach((row, i) => {
      const { d, m } = keyed[i];
      expect(row[col('file')]).toBe(d.source.path);
      expect(row[col('indicatorKey')]).toBe(m.indicatorKey);
      expect(row[col('indicatorName')]).toBe(m.indicatorName);
      expect(Number(row[col('value')])).toBe(m.value);
      expect(row[col('raw')]).toBe(m.raw);
      expect(row[col('sentence')]).toBe(m.sentence.text);
      expect(row[col('target')]).toBe(String(m.target));
    });
  });

  it('text on request, never coloured off a terminal; notes what it left out', () => {
    const text = runCli(['table', ...FIXTURES, '--format', 'text'], { FORCE_COLOR: '1' });
    expect(text.status).toBe(0);
    expect(text.stdout.toString('utf8')).not.toContain('\u001b[');
    expect(text.stdout.toString('utf8').split('\n')[0]).toMatch(/^file +organization +year +reportType/);
    expect(text.stderr).toMatch(/metrics with no canonical key left out/);
  });

  it('keeps columns with a value in at least --min-reports reports', () => {
    const csv = (extra: string[]) =>
      parse(
        runCli(['table', ...FIXTURES, '--no-bom', '--header', 'key', ...extra]).stdout.toString('utf8'),
      ) as string[][];
    const all = csv([]);
    const shared = csv(['--min-reports', '2']);
    const coverage = (k: number) => all.slice(1).filter((row) => row[k] !== '').length;
    expect(shared[0].slice(4)).toEqual(all[0].slice(4).filter((_, k) => coverage(4 + k) >= 2));
  });

  it('refuses a bad --min-reports, layout, format or encoding and a missing file list (exit 2)', () => {
    expect(runCli(['table', ...FIXTURES, '--min-reports', '0']).status).toBe(2);
    expect(runCli(['table', ...FIXTURES, '--layout', 'tall']).status).toBe(2);
    expect(runCli(['table', ...FIXTURES, '--format', 'xlsx']).status).toBe(2);
    expect(runCli(['table']).status).toBe(2);
    expect(runCli(['table', ...FIXTURES, '--encoding', 'no-such-encoding']).status).toBe(2);
  });

  it('exits 1 for an unreadable file but still prints the table of the others', () => {
    const r = runCli(['table', FIXTURES[0], 'no-such-file.txt', '--format', 'csv', '--no-bom']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('no-such-file.txt');
    expect((parse(r.stdout.toString('utf8')) as string[][]).slice(1)).toHaveLength(1);
  });
});
