// `reportx check`: the comparison on hand-built documents, its printed form, and the command run
// (1) in-process on a copy of fixtures/ with a small stand-in pipeline, so that metric and
// section scenarios are exercised whatever the real pipeline finds today, and (2) as the built
// CLI with the real pipeline, on a temporary copy of fixtures/ whose expected files are
// regenerated first and then mutated, so the tests hold while the extraction changes.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Metric, ReportDocument, SectionNode } from '../src/model/schema.js';
import {
  compareDocuments,
  deepEqual,
  flattenSections,
  matchMetrics,
  type DocumentChange,
} from '../src/check/compareDocuments.js';
import {
  checkReportJson,
  describeChange,
  formatFileResult,
  formatSummary,
  show,
  styler,
  type CheckFileResult,
} from '../src/check/formatReport.js';
import { expectedContent } from '../src/cli/checkCommand.js';
import { main } from '../src/cli/main.js';

// A stand-in for the extraction pipeline in the in-process tests: every "N件/次/名/个/人次/%"
// is a metric, every line starting "一、" … a depth-1 section. Deterministic and schema-valid.
vi.mock('../src/parseReport.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/parseReport.js')>();
  return {
    ...real,
    parseReport(text: string, options?: Parameters<typeof real.parseReport>[1]) {
      const base = real.parseReport(text, options);
      const sections: SectionNode[] = [];
      for (const m of text.matchAll(/^([一二三四五六七八九十]+、)([^\n。；]*)/gm)) {
        const start = m.index;
        const prev = sections.at(-1);
        if (prev) prev.span.end = start;
        sections.push({
          id: `s${sections.length + 1}`,
          depth: 1,
          marker: m[1],
          ordinal: sections.length + 1,
          title: m[2].trim(),
          kind: 'review',
          span: { start, end: text.length },
          children: [],
        });
      }
      const metrics: Metric[] = [];
      for (const m of text.matchAll(/(\d+(?:\.\d+)?)(人次|件|次|名|个|%)/g)) {
        const start = m.index;
        const end = start + m[0].length;
        const sStart = Math.max(text.lastIndexOf('。', start - 1), text.lastIndexOf('\n', start - 1)) + 1;
        const stops = ['。', '\n'].map((c) => text.indexOf(c, end)).filter((i) => i >= 0);
        const sEnd = stops.length ? Math.min(...stops) + 1 : text.length;
        const section = sections.filter((s) => s.span.start <= start && start < s.span.end).at(-1);
        const percent = m[2] === '%';
        metrics.push({
          id: `m${metrics.length + 1}`,
          span: { start, end },
          raw: m[0],
          value: Number(m[1]),
          unit: m[2],
          kind: percent ? 'percent' : 'count',
          approx: null,
          change: null,
          target: false,
          indicator: null,
          indicatorSpan: null,
          indicatorKey: null,
          indicatorName: null,
          period: null,
          sectionId: section?.id ?? null,
          sentence: { start: sStart, end: sEnd, text: text.slice(sStart, sEnd) },
        });
      }
      return { ...base, sections, metrics };
    },
  };
});

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'fixtures');
const TXT = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const stem = (f: string) => f.replace(/\.txt$/, '');

// --- hand-built documents -----------------------------------------------------------------------

const SENTENCE = '全年接收行政复议182件，同比增长12%。';

function metric(raw: string, start: number, over: Partial<Metric> = {}): Metric {
  return {
    id: 'm1',
    span: { start, end: start + raw.length },
    raw,
    value: parseFloat(raw),
    unit: raw.endsWith('%') ? '%' : '件',
    kind: raw.endsWith('%') ? 'percent' : 'count',
    approx: null,
    change: null,
    target: false,
    indicator: '行政复议',
    indicatorSpan: null,
    indicatorKey: null,
    indicatorName: null,
    period: null,
    sectionId: 's1',
    sentence: { start: 100, end: 100 + SENTENCE.length, text: SENTENCE },
    ...over,
  };
}

function section(id: string, marker: string, title: string, start: number, children: SectionNode[] = []): SectionNode {
  return {
    id,
    depth: id.split('.').length,
    marker,
    ordinal: 1,
    title,
    kind: 'review',
    span: { start, end: start + 50 },
    children,
  };
}

function doc(over: Partial<ReportDocument> = {}): ReportDocument {
  return {
    source: {
      path: '/home/ci/work/fixtures/a.txt',
      encoding: 'utf-8',
      characters: 500,
      sha256: 'a'.repeat(64),
      generator: 'reportx 0.1.0',
    },
    meta: {
      organization: '上高县司法局',
      year: 2024,
      reportType: 'review',
      title: null,
      publishedAt: null,
      documentNumber: null,
    },
    sections: [section('s1', '一、', '工作开展情况', 50, [section('s1.1', '（一）', '加强队伍建设', 80)])],
    metrics: [metric('182件', 106), metric('12%', 115, { id: 'm2', indicator: '同比' })],
    warnings: [],
    ...over,
  };
}

describe('compareDocuments', () => {
  it('finds nothing between a document and itself, or a copy from another directory', () => {
    expect(compareDocuments(doc(), doc())).toEqual([]);
    const moved = doc();
    moved.source.path = 'C/other/place/a.txt';
    expect(compareDocuments(doc(), moved)).toEqual([]);
  });

  it('reports a changed metric value with both values, matched by span and raw', () => {
    const actual = doc();
    actual.metrics[0].value = 183;
    const changes = compareDocuments(doc(), actual);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      item: 'metric',
      op: 'changed',
      fields: [{ field: 'value', expected: 182, actual: 183 }],
    });
  });

  it('reports several fields of one metric in one change, in field order', () => {
    const actual = doc();
    Object.assign(actual.metrics[1], { unit: '个百分点', kind: 'pp', change: 'up', target: true, indicator: '增长' });
    const [change] = compareDocuments(doc(), actual);
    expect(change.item === 'metric' && change.op === 'changed' && change.fields.map((f) => f.field)).toEqual([
      'unit',
      'kind',
      'change',
      'target',
      'indicator',
    ]);
  });

  it('reports a metric missing from the expected document as added, and one missing from the output as removed', () => {
    const expected = doc();
    expected.metrics.splice(0, 1);
    expect(compareDocuments(expected, doc())).toEqual([{ item: 'metric', op: 'added', metric: doc().metrics[0] }]);
    expect(compareDocuments(doc(), expected)).toEqual([{ item: 'metric', op: 'removed', metric: doc().metrics[0] }]);
  });

  it('does not compare ids, so an added metric does not make the later ones changed', () => {
    const actual = doc();
    actual.metrics.unshift(metric('3件', 60, { id: 'm1' }));
    actual.metrics.forEach((m, i) => (m.id = `m${i + 1}`));
    const changes = compareDocuments(doc(), actual);
    expect(changes.map((c) => `${c.item} ${c.op}`)).toEqual(['metric added']);
  });

  it('matches a metric that moved by its raw text at the nearest position and reports the span', () => {
    const expected = doc({ metrics: [metric('5件', 10), metric('5件', 40, { id: 'm2' })] });
    const actual = doc({ metrics: [metric('5件', 12), metric('5件', 42, { id: 'm2' })] });
    const changes = compareDocuments(expected, actual);
    expect(changes).toHaveLength(2);
    expect(changes.map((c) => c.item === 'metric' && c.op === 'changed' && c.fields)).toEqual([
      [{ field: 'span', expected: { start: 10, end: 12 }, actual: { start: 12, end: 14 } }],
      [{ field: 'span', expected: { start: 40, end: 42 }, actual: { start: 42, end: 44 } }],
    ]);
  });

  it('pairs a metric whose raw grew with the overlapping one and reports raw and span', () => {
    const expected = doc({ metrics: [metric('182件', 106)] });
    const actual = doc({ metrics: [metric('182余件', 106, { approx: 'more_than' })] });
    const [change] = compareDocuments(expected, actual);
    expect(change).toMatchObject({ item: 'metric', op: 'changed' });
    expect(change.item === 'metric' && change.op === 'changed' && change.fields.map((f) => f.field)).toEqual([
      'span',
      'raw',
      'approx',
    ]);
  });

  it('lists metric changes in document order', () => {
    const expected = doc({ metrics: [metric('1件', 10), metric('2件', 20), metric('3件', 30)] });
    const actual = doc({ metrics: [metric('1件', 10, { value: 9 }), metric('3件', 30), metric('4件', 40)] });
    expect(
      compareDocuments(expected, actual).map(
        (c) => `${c.op} ${c.item === 'metric' && ('metric' in c ? c.metric.raw : c.expected.raw)}`,
      ),
    ).toEqual(['changed 1件', 'removed 2件', 'added 4件']);
  });

  it('reports a retitled section, an added and a removed one', () => {
    const actual = doc();
    actual.sections[0].title = '工作完成情况';
    let changes = compareDocuments(doc(), actual);
    expect(changes).toEqual([
      {
        item: 'section',
        op: 'changed',
        expected: flattenSections(doc().sections)[0],
        actual: flattenSections(actual.sections)[0],
        fields: [{ field: 'title', expected: '工作开展情况', actual: '工作完成情况' }],
      },
    ]);

    const more = doc();
    more.sections.push(section('s2', '二、', '下一步计划', 300));
    changes = compareDocuments(doc(), more);
    expect(changes).toMatchObject([{ item: 'section', op: 'added', section: { marker: '二、', title: '下一步计划' } }]);
    changes = compareDocuments(more, doc());
    expect(changes).toMatchObject([{ item: 'section', op: 'removed', section: { marker: '二、' } }]);
  });

  it('reports a metric that moved to another section through the section matching, not the id', () => {
    // A section added before s1 renumbers it s2: its metrics did not move.
    const renumbered = doc();
    renumbered.sections = [
      section('s1', '1.', '总体情况', 10),
      section('s2', '一、', '工作开展情况', 50, [section('s2.1', '（一）', '加强队伍建设', 80)]),
    ];
    renumbered.metrics.forEach((m) => (m.sectionId = 's2'));
    expect(compareDocuments(doc(), renumbered).map((c) => `${c.item} ${c.op}`)).toEqual(['section added']);

    const moved = doc();
    moved.metrics[0].sectionId = 's1.1';
    const [change] = compareDocuments(doc(), moved);
    expect(change).toMatchObject({
      item: 'metric',
      op: 'changed',
      fields: [{ field: 'section', expected: 's1 一、工作开展情况', actual: 's1.1 （一）加强队伍建设' }],
    });
  });

  it('reports meta, source and warning changes', () => {
    const actual = doc();
    actual.meta.year = 2023;
    actual.source.sha256 = 'b'.repeat(64);
    actual.source.path = '/x/b.txt';
    actual.warnings.push({ code: 'numbering-gap', message: '（二） follows （四）', span: { start: 5, end: 8 } });
    const changes = compareDocuments(doc(), actual);
    expect(changes).toEqual([
      { item: 'source', op: 'changed', field: 'path', expected: 'a.txt', actual: 'b.txt' },
      { item: 'source', op: 'changed', field: 'sha256', expected: 'a'.repeat(64), actual: 'b'.repeat(64) },
      { item: 'meta', op: 'changed', field: 'year', expected: 2024, actual: 2023 },
      { item: 'warning', op: 'added', warning: actual.warnings[0] },
    ]);
    expect(compareDocuments(actual, doc()).at(-1)).toMatchObject({ item: 'warning', op: 'removed' });
  });

  it('when the source text changed, reports that and leaves offsets out, comparing sentences by their text', () => {
    const shifted = doc();
    shifted.source.sha256 = 'b'.repeat(64);
    shifted.source.characters += 1;
    for (const m of shifted.metrics) {
      m.span = { start: m.span.start + 1, end: m.span.end + 1 };
      m.sentence = { ...m.sentence, start: m.sentence.start + 1, end: m.sentence.end + 1 };
    }
    shifted.sections[0].span = { start: 51, end: 101 };
    shifted.metrics[1].sentence.text = '同比增长12%。';
    expect(
      compareDocuments(doc(), shifted).map((c) => (c.item === 'metric' && c.op === 'changed' ? c.fields : c)),
    ).toEqual([
      { item: 'source', op: 'changed', field: 'characters', expected: 500, actual: 501 },
      { item: 'source', op: 'changed', field: 'sha256', expected: 'a'.repeat(64), actual: 'b'.repeat(64) },
      [{ field: 'sentence', expected: SENTENCE, actual: '同比增长12%。' }],
    ]);
  });

  it('ignores volatile fields (tool version, timing) but compares fields it does not know', () => {
    const expected = {
      ...doc(),
      version: '0.1.0',
      timing: { ms: 3 },
      source: { ...doc().source, parsedAt: 'yesterday' },
    } as ReportDocument;
    const actual = {
      ...doc(),
      version: '0.2.0',
      timing: { ms: 9 },
      source: { ...doc().source, parsedAt: 'today' },
      language: 'zh',
    } as ReportDocument;
    expect(compareDocuments(expected, actual)).toEqual([
      { item: 'document', op: 'changed', field: 'language', expected: undefined, actual: 'zh' },
    ]);
    const withConfidence = doc();
    (withConfidence.metrics[0] as Metric & { confidence: number }).confidence = 0.9;
    expect(compareDocuments(doc(), withConfidence)).toMatchObject([
      { item: 'metric', op: 'changed', fields: [{ field: 'confidence', expected: undefined, actual: 0.9 }] },
    ]);
  });

  it('matchMetrics pairs exact matches first, then same raw by distance, then overlaps', () => {
    const exp = [metric('5件', 10), metric('5件', 100), metric('7名', 200)];
    const act = [metric('5件', 101), metric('5件', 10), metric('17名', 199)];
    expect(matchMetrics(exp, act)).toEqual({
      pairs: [
        [0, 1],
        [1, 0],
        [2, 2],
      ],
      unpairedExpected: [],
      unpairedActual: [],
    });
    expect(matchMetrics(exp, [])).toEqual({ pairs: [], unpairedExpected: [0, 1, 2], unpairedActual: [] });
  });

  it('deepEqual treats a missing key as undefined and compares arrays by position', () => {
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual([1, { x: [2] }], [1, { x: [2] }])).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
  });
});

describe('formatReport', () => {
  const changed = (): DocumentChange[] => {
    const actual = doc();
    actual.metrics[0].value = 183;
    actual.metrics.push(
      metric('9名', 300, {
        id: 'm3',
        unit: '名',
        indicator: '调解员',
        sentence: { start: 290, end: 305, text: '新招聘专职人民调解员9名，充实队伍。' },
      }),
    );
    actual.meta.year = 2023;
    return compareDocuments(doc(), actual);
  };

  it('prints a file line, one line per change with the words around the metric, and no colour when off', () => {
    const result: CheckFileResult = {
      file: 'fixtures/a.txt',
      expected: 'fixtures/a.expected.json',
      status: 'changed',
      changes: changed(),
    };
    const lines = formatFileResult(result, styler(false));
    expect(lines).toEqual([
      'changed  fixtures/a.txt: 3 changes',
      '    ~ meta year 2024 → 2023',
      '    ~ metric 182件 @106: value 182 → 183  「全年接收行政复议182件，同比增长12%。」',
      '    + metric 9名 @300 (count 9 名, indicator "调解员")  「新招聘专职人民调解员9名，充实队伍。」',
    ]);
    expect(lines.join('\n')).not.toMatch(/\x1b\[/);
  });

  it('colours when asked', () => {
    const lines = formatFileResult(
      { file: 'a.txt', expected: 'a.expected.json', status: 'changed', changes: changed() },
      styler(true),
    );
    expect(lines.join('\n')).toMatch(/\x1b\[\d+m/);
  });

  it('cuts a long sentence around the metric', () => {
    const text = '一二三四五六七八九十'.repeat(5) + '182件' + '甲乙丙丁戊己庚辛壬癸'.repeat(5);
    const m = metric('182件', 1050, { sentence: { start: 1000, end: 1000 + text.length, text } });
    const line = describeChange({ item: 'metric', op: 'removed', metric: m });
    expect(line).toBe(
      '- metric 182件 @1050 (count 182 件, indicator "行政复议")  「…五六七八九十一二三四五六七八九十182件甲乙丙丁戊己庚辛壬癸…」',
    );
  });

  it('cuts a long section title', () => {
    const long = section('s1', '一是', '建立健全合审“全流程”联动机制，积极主动发挥合法性审核机构作用', 7);
    expect(describeChange({ item: 'section', op: 'added', section: flattenSections([long])[0] })).toBe(
      '+ section 一是建立健全合审“全流程”联动机制，积极主动发挥合法… @7 (depth 1, review)',
    );
  });

  it('shows values as a person reads them', () => {
    expect([
      show(undefined),
      show(null),
      show(3),
      show(true),
      show('件'),
      show({ start: 1, end: 4 }),
      show(['a']),
    ]).toEqual(['(none)', 'null', '3', 'true', '"件"', '1–4', '["a"]']);
  });

  it('sums up, and reports as JSON', () => {
    const results: CheckFileResult[] = [
      { file: 'a.txt', expected: 'a.expected.json', status: 'ok', changes: [] },
      { file: 'b.txt', expected: 'b.expected.json', status: 'changed', changes: changed() },
      { file: 'c.txt', expected: 'c.expected.json', status: 'error', changes: [], error: 'no such file' },
    ];
    expect(formatSummary(results, false)).toBe('3 files: 1 ok, 1 changed, 1 error');
    expect(formatSummary([results[0], { ...results[1], status: 'updated' }], true)).toBe(
      '2 files: 1 unchanged, 1 updated',
    );
    const json = checkReportJson(results, false);
    expect(json.summary).toEqual({ files: 3, ok: 1, changed: 1, error: 1, created: 0, updated: 0 });
    expect(json.files[2]).toEqual({
      file: 'c.txt',
      expected: 'c.expected.json',
      status: 'error',
      error: 'no such file',
      changes: [],
    });
    expect(JSON.parse(JSON.stringify(json)).files[1].changes[1]).toMatchObject({
      item: 'metric',
      op: 'changed',
      fields: [{ field: 'value', expected: 182, actual: 183 }],
    });
  });

  it('writes expected files with the basename of the source path only', () => {
    expect(JSON.parse(expectedContent(doc())).source.path).toBe('a.txt');
    expect(JSON.parse(expectedContent(doc({ source: { ...doc().source, path: null } }))).source.path).toBe(null);
  });
});

// --- the command, in-process with the stand-in pipeline -----------------------------------------

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function check(...args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const capture =
    (append: (s: string) => void) =>
    (chunk: unknown, ...rest: unknown[]) => {
      append(String(chunk));
      const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      cb?.();
      return true;
    };
  const out = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation(capture((s) => (stdout += s)) as typeof process.stdout.write);
  const err = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation(capture((s) => (stderr += s)) as typeof process.stderr.write);
  try {
    const code = await main(['node', 'reportx', 'check', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

function copyFixtures(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reportx-check-'));
  for (const f of TXT) cpSync(join(FIXTURES, f), join(dir, f));
  return dir;
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as ReportDocument;
const writeJson = (path: string, value: unknown) => writeFileSync(path, JSON.stringify(value, null, 2) + '\n');

describe('reportx check (in-process, stand-in pipeline)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = copyFixtures();
    const r = await check(dir, '--update');
    expect(r.code, r.stdout + r.stderr).toBe(0);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const first = () => {
    const name = TXT.find((f) => readJson(join(dir, `${stem(f)}.expected.json`)).metrics.length > 1)!;
    return { name, path: join(dir, `${stem(name)}.expected.json`) };
  };

  it('an untouched fixture set exits 0', async () => {
    const r = await check(dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${TXT.length} files: ${TXT.length} ok`);
  });

  it('an edited expected value exits 1 and names the file, the metric and both values', async () => {
    const { name, path } = first();
    const expected = readJson(path);
    const m = expected.metrics[1];
    const was = m.value;
    m.value = was + 1;
    writeJson(path, expected);
    const r = await check(dir);
    expect(r.code).toBe(1);
    const line = r.stdout.split('\n').find((l) => l.includes(`metric ${m.raw}`))!;
    expect(r.stdout).toContain(`changed  ${join(dir, name)}: 1 change`);
    expect(line).toContain(`value ${was + 1} → ${was}`);
    expect(r.stdout).toMatch(/1 changed/);
  });

  it('a metric deleted from the expected file is reported as added; --update restores a clean run', async () => {
    const { name, path } = first();
    const expected = readJson(path);
    const [gone] = expected.metrics.splice(1, 1);
    writeJson(path, expected);
    let r = await check(dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`+ metric ${gone.raw} @${gone.span.start}`);

    r = await check(dir, '--update');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`updated  ${join(dir, name)}: 1 change → ${path}`);
    expect(r.stdout).not.toContain('+ metric');
    expect(r.stdout).toContain(`${TXT.length} files: ${TXT.length - 1} unchanged, 1 updated`);
    r = await check(dir);
    expect(r.code).toBe(0);
  });

  it('a retitled and a deleted section are reported', async () => {
    const name = TXT.find((f) => readJson(join(dir, `${stem(f)}.expected.json`)).sections.length > 1)!;
    const path = join(dir, `${stem(name)}.expected.json`);
    const expected = readJson(path);
    const title = expected.sections[0].title;
    expected.sections[0].title = '别的标题';
    const [gone] = expected.sections.splice(1, 1);
    writeJson(path, expected);
    const r = await check(dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `~ section ${expected.sections[0].marker}别的标题 @${expected.sections[0].span.start}: title "别的标题" → "${title}"`,
    );
    expect(r.stdout).toContain(`+ section ${gone.marker}${gone.title}`);
  });

  it('--json reports every file with its status and changes', async () => {
    const { path } = first();
    const expected = readJson(path);
    expected.metrics[0].unit = '元';
    writeJson(path, expected);
    const r = await check(dir, '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toMatchObject({ files: TXT.length, ok: TXT.length - 1, changed: 1 });
    const changedFile = report.files.find((f: { status: string }) => f.status === 'changed');
    expect(changedFile.changes[0]).toMatchObject({
      item: 'metric',
      op: 'changed',
      fields: [{ field: 'unit', expected: '元' }],
    });
  });
});

// --- the built CLI with the real pipeline --------------------------------------------------------

function cli(args: string[], env: Record<string, string | undefined> = {}) {
  const r = spawnSync(process.execPath, ['bin/reportx.js', ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('reportx check (built CLI, real pipeline)', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist/cli/checkCommand.js')))
      throw new Error('dist/ is missing: run `npm run build` first');
  });
  beforeEach(() => {
    dir = copyFixtures();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const expectedOf = (f: string) => join(dir, `${stem(f)}.expected.json`);
  const update = () => {
    const r = cli(['check', dir, '--update']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    return r;
  };

  it('a missing expected file exits 2 with a message; --update creates them; then a clean run exits 0', () => {
    let r = cli(['check', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, TXT[0])}: no expected file ${expectedOf(TXT[0])}`);
    expect(r.stderr).toContain('--update');

    r = update();
    expect(r.stdout.match(/^created /gm)).toHaveLength(TXT.length);
    for (const f of TXT) expect(readJson(expectedOf(f)).source.path).toBe(f);
    expect(readdirSync(dir).filter((f) => f.includes('reportx-tmp'))).toEqual([]);

    r = cli(['check', dir]);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout.match(/^ok /gm)).toHaveLength(TXT.length);
    expect(r.stdout).toContain(`${TXT.length} files: ${TXT.length} ok`);

    rmSync(expectedOf(TXT[2]));
    r = cli(['check', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`no expected file ${expectedOf(TXT[2])}`);
    expect(r.stdout).toBe('');
  });

  it('an edited expected value exits 1 naming the file, the field and both values; --update restores a clean run', () => {
    update();
    const name = TXT.find((f) => readJson(expectedOf(f)).metrics.length > 0);
    const file = name ?? TXT[1];
    const expected = readJson(expectedOf(file));
    let want: string[];
    if (name) {
      const m = expected.metrics[0];
      want = [`metric ${m.raw}`, `value ${m.value + 1000} → ${m.value}`];
      m.value += 1000;
    } else {
      // The pipeline finds no metric yet: a meta value stands in.
      want = [`meta year 1999 → ${expected.meta.year}`];
      expected.meta.year = 1999;
    }
    writeJson(expectedOf(file), expected);
    let r = cli(['check', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`changed  ${join(dir, file)}: 1 change`);
    for (const w of want) expect(r.stdout).toContain(w);
    expect(r.stdout).toContain(`${TXT.length} files: ${TXT.length - 1} ok, 1 changed`);

    r = cli(['check', dir, '--update']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`updated  ${join(dir, file)}: 1 change → ${expectedOf(file)}`);
    expect(cli(['check', dir]).code).toBe(0);
  });

  it('a metric deleted from the expected file is reported as added', (ctx) => {
    update();
    const name = TXT.find((f) => readJson(expectedOf(f)).metrics.length > 0);
    if (!name) ctx.skip(); // the in-process suite covers this until the pipeline finds metrics
    const expected = readJson(expectedOf(name!));
    const [gone] = expected.metrics.splice(0, 1);
    writeJson(expectedOf(name!), expected);
    const r = cli(['check', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`+ metric ${gone.raw} @${gone.span.start}`);
  });

  it('an unreadable expected file is an error for that file (exit 1); --update replaces it', () => {
    update();
    writeFileSync(expectedOf(TXT[0]), '{ not json');
    let r = cli(['check', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^error +${escapeText(join(dir, TXT[0]))}: .*not valid JSON`, 'm'));
    r = cli(['check', dir, '--update']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`updated  ${join(dir, TXT[0])}`);
  });

  it('--expected DIR keeps the expected files apart; files and globs select fixtures', () => {
    const exp = join(dir, 'expected');
    let r = cli(['check', join(dir, TXT[0]), join(dir, TXT[1]), '--expected', exp, '--update']);
    expect(r.code).toBe(0);
    expect(readdirSync(exp).sort()).toEqual([`${stem(TXT[0])}.expected.json`, `${stem(TXT[1])}.expected.json`]);
    r = cli(['check', `${dir}/${TXT[0].slice(0, 3)}*`, '--expected', exp]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('1 file: 1 ok');
  });

  it('colours only on request: FORCE_COLOR colours, NO_COLOR and a pipe do not', () => {
    update();
    const expected = readJson(expectedOf(TXT[0]));
    expected.meta.year = 1999;
    writeJson(expectedOf(TXT[0]), expected);
    expect(cli(['check', dir]).stdout).not.toMatch(/\x1b\[/);
    expect(cli(['check', dir], { FORCE_COLOR: '1' }).stdout).toMatch(/\x1b\[\d+m/);
    expect(cli(['check', dir], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toMatch(/\x1b\[/);
  });

  it('usage errors exit 2: no fixtures, no such path, options that need --gold', () => {
    const empty = mkdtempSync(join(tmpdir(), 'reportx-empty-'));
    try {
      let r = cli(['check', empty]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('no fixtures found');
      r = cli(['check', join(empty, 'nope')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('no such file or directory');
      r = cli(['check', dir, '--min-f1', '0.5']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--min-f1 goes with --gold');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

function escapeText(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

afterAll(() => vi.restoreAllMocks());
