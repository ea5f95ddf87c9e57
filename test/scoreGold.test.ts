// `reportx check --gold`: the port of shared/eval/score.mjs, on small hand-built cases and against
// score.mjs itself, both on predictions made from the bundled gold (perturbed in known ways, so
// every rule has something to decide whatever the pipeline finds today) and on the real output.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  f1,
  flattenHeadings,
  goldSpan,
  halfwidth,
  indicatorMatch,
  loadGoldDir,
  parseGoldFile,
  scoreGold,
  scoreHeadings,
  scoreMetrics,
  type GoldDocument,
  type GoldSummary,
  type HeadingLike,
  type PredictedMetric,
  type ScoredDocument,
} from '../src/check/scoreGold.js';
import { goldReportLines } from '../src/check/formatReport.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCORER = join(ROOT, '..', 'shared', 'eval', 'score.mjs');

function run(file: string, args: string[]) {
  const r = spawnSync(process.execPath, [file, ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const scoreMjs = (args: string[]) => run(SCORER, args);
const reportx = (args: string[]) => run('bin/reportx.js', args);

/** Counts equal exactly, rates to 1e-9, key for key. */
function expectSameFigures(actual: unknown, expected: unknown, path = 'summary'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    if (/\.(documents|gold|predicted|found)$/.test(path)) expect(actual, path).toBe(expected);
    else expect(Math.abs((actual as number) - expected), path).toBeLessThanOrEqual(1e-9);
    return;
  }
  expect(actual !== null && typeof actual === 'object', path).toBe(true);
  expect(Object.keys(actual as object), path).toEqual(Object.keys(expected as object));
  for (const k of Object.keys(expected as object))
    expectSameFigures((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${path}.${k}`);
}

const gold = (
  text: string,
  metrics: Partial<GoldDocument['metrics'][number]>[],
  headings: GoldDocument['headings'] = [],
): GoldDocument => ({
  file: 'a.txt',
  goldFile: 'a.gold.json',
  text,
  meta: { organization: '某局', year: 2024, reportType: 'review' },
  headings,
  metrics: metrics.map((m) => ({
    anchor: '',
    raw: '',
    value: 0,
    unit: '件',
    kind: 'count',
    approx: null,
    change: null,
    target: false,
    indicator: null,
    ...m,
  })),
});
const pred = (start: number, raw: string, over: Partial<PredictedMetric> = {}): PredictedMetric => ({
  span: { start, end: start + raw.length },
  raw,
  value: parseFloat(raw),
  unit: '件',
  kind: 'count',
  approx: null,
  change: null,
  target: false,
  indicator: null,
  ...over,
});

describe('scoreGold rules', () => {
  it('halfwidth folds fullwidth forms and drops whitespace', () => {
    expect(halfwidth('（一）　Ａ b')).toBe('(一)Ab');
    expect(halfwidth(null)).toBe('');
  });

  it('a gold metric stands at indexOf(anchor) + anchor.indexOf(raw), or nowhere', () => {
    const text = '共5件。接收行政复议5件，办结4件。';
    expect(goldSpan(text, { anchor: '行政复议5件', raw: '5件' })).toEqual({ start: 10, end: 12 });
    expect(goldSpan(text, { anchor: '没有', raw: '5件' })).toBeNull();
    expect(goldSpan(text, { anchor: '行政复议5件', raw: '6件' })).toBeNull();
  });

  it('each gold metric takes the free prediction overlapping it most; unfound anchors are left out', () => {
    const text = '接收行政复议182件，办结175件，调解成功率99.78%。';
    const g = gold(text, [
      { anchor: '复议182件', raw: '182件', value: 182, indicator: '行政复议' },
      { anchor: '办结175件', raw: '175件', value: 175, indicator: '办结' },
      { anchor: '成功率99.78%', raw: '99.78%', value: 99.78, unit: '%', kind: 'percent', indicator: '调解成功率' },
      { anchor: 'not in text', raw: 'x', value: 1 },
    ]);
    const preds = [
      pred(6, '182', { value: 182, indicator: '行政复议' }), // overlaps 3 of 4: found, strict wrong? value ok, unit ok
      pred(7, '82件', { value: 82 }), // overlaps 3: loses the tie to the earlier prediction
      pred(13, '175件', { value: 175, indicator: '一个很长很长很长很长很长很长的指标名称' }),
      pred(0, '接收', { value: 1 }),
    ];
    const { t, missed, spurious, wrong } = scoreMetrics(g, preds);
    expect(t).toMatchObject({
      gold: 3,
      pred: 4,
      found: 2,
      value: 2,
      unit: 2,
      kind: 2,
      full: 2,
      indicator: 1,
      complete: 1,
    });
    expect(missed.map((m) => m.raw)).toEqual(['99.78%']);
    expect(spurious.map((p) => p.raw)).toEqual(['82件', '接收']);
    expect(wrong).toEqual([]);
  });

  it('indicators match when the prediction holds the gold, or is a part of it that still names the thing', () => {
    expect(indicatorMatch('行政复议', '复议')).toBe(true); // the gold's end: its head
    expect(indicatorMatch('复议', '接收行政复议')).toBe(true);
    expect(indicatorMatch('党的创新理论', '创新理论')).toBe(true);
    expect(indicatorMatch('法律援助案件', '法律援助')).toBe(true); // half of it
    expect(indicatorMatch('PM2.5', 'PM')).toBe(false); // a fragment
    expect(indicatorMatch('省级民主法治示范司法所', '省级')).toBe(false);
    expect(indicatorMatch('省级民主法治示范村', '村')).toBe(false); // one character
    expect(indicatorMatch('复议', '')).toBe(false);
    expect(indicatorMatch('复议', '复议'.repeat(9))).toBe(false);
    expect(indicatorMatch('复议', null)).toBe(false);
  });

  it('headings match in order on marker and the first six title characters, depth counted apart', () => {
    const goldH = [
      { depth: 1, marker: '一、', title: '工作开展情况和成效' },
      { depth: 2, marker: '(一)', title: '加强队伍建设' },
      { depth: 2, marker: '(二)', title: '优化法治环境' },
    ];
    const predH: HeadingLike[] = [
      { depth: 1, marker: '（二）', title: '优化法治环境' }, // before (一): skipped by the in-order walk
      { depth: 1, marker: '一、', title: '工作开展情况以及' },
      { depth: 3, marker: '（一）', title: '加强 队伍建设' },
    ];
    expect(scoreHeadings(goldH, predH)).toEqual({ tp: 2, fp: 1, fn: 1, depthOk: 1, missed: [goldH[2]] });
  });

  it('flattens a section tree to its headings in document order', () => {
    const doc: ScoredDocument = {
      sections: [
        { marker: '一、', title: 'a', children: [{ marker: '(一)', title: 'b', children: [] }] },
        { marker: '二、', title: 'c' },
      ],
    };
    expect(flattenHeadings(doc).map((h) => h.title)).toEqual(['a', 'b', 'c']);
    expect(flattenHeadings({ headings: [{ marker: 'x' }], sections: [] })).toEqual([{ marker: 'x' }]);
  });

  it('concept pairs: metrics of two documents with the same key against the same gold concept', () => {
    const a = gold('接收行政复议5件，办结4件。', [
      { anchor: '复议5件', raw: '5件', value: 5, concept: '行政复议·收案数' },
      { anchor: '办结4件', raw: '4件', value: 4, concept: '行政复议·办结数' },
    ]);
    const b = { ...a, file: 'b.txt', goldFile: 'b.gold.json' };
    const keyed = (k1: string | null, k2: string | null): ScoredDocument => ({
      metrics: [pred(6, '5件', { value: 5, indicatorKey: k1 }), pred(10, '4件', { value: 4, indicatorKey: k2 })],
    });
    // Perfect: each concept's two metrics share a key, the keys differ.
    let c = scoreGold([a, b], () => keyed('r', 'c')).summary.concepts!;
    expect(c).toMatchObject({
      p: 1,
      r: 1,
      goldPairs: 2,
      predPairs: 2,
      sharedMetrics: 4,
      keyedShared: 1,
      concepts: 2,
      sharedConcepts: 2,
    });
    // One key for both: every cross pair predicted, half of them right.
    c = scoreGold([a, b], () => keyed('x', 'x')).summary.concepts!;
    expect(c).toMatchObject({ p: 0.5, r: 1, predPairs: 4 });
    // No keys: nothing predicted; an empty string is no key.
    c = scoreGold([a, b], () => keyed(null, '')).summary.concepts!;
    expect(c).toMatchObject({ p: 0, r: 0, predPairs: 0, keyedShared: 0 });
    // No concepts in the gold: no concept figure.
    expect(
      scoreGold([gold('接收5件。', [{ anchor: '5件', raw: '5件', value: 5 }])], () => undefined).summary.concepts,
    ).toBeUndefined();
  });

  it('F1 is 0 where undefined', () => {
    expect(f1(0, 0, 0)).toEqual({ p: 0, r: 0, f1: 0 });
    expect(f1(1, 1, 0)).toEqual({ p: 0.5, r: 1, f1: 2 / 3 });
  });

  it('sums over documents; a document without output scores as no predictions', () => {
    const g = gold(
      '接收行政复议182件。',
      [{ anchor: '复议182件', raw: '182件', value: 182 }],
      [{ depth: 1, marker: '一、', title: 't' }],
    );
    const none = scoreGold([g], () => undefined);
    expect(none.files[0].output).toBe(false);
    expect(none.summary.metrics).toMatchObject({ gold: 1, predicted: 0, found: 0 });
    expect(goldReportLines(none, false)[0]).toBe('a.txt: no output');
    const perfect = scoreGold([g, { ...g, file: 'b.txt' }], () => ({
      meta: { organization: '某局', year: 2024, reportType: 'review' },
      sections: [{ depth: 1, marker: '一、', title: 't' }],
      metrics: [pred(6, '182件', { value: 182 })],
    }));
    expect(perfect.summary.metrics.strict).toEqual({ p: 1, r: 1, f1: 1 });
    expect(perfect.summary.headings).toEqual({ p: 1, r: 1, f1: 1, depth: 1 });
    expect(perfect.summary.meta).toEqual({ organization: 1, year: 1, reportType: 1 });
    expect(perfect.summary.documents).toBe(2);
  });

  it('rejects a gold file that is not one, naming it', () => {
    expect(() => parseGoldFile('x.gold.json', '{')).toThrow(/x\.gold\.json: not valid JSON/);
    expect(() => parseGoldFile('x.gold.json', '{"file":"x.txt","metrics":[{"anchor":"a"}]}')).toThrow(
      /x\.gold\.json: not a gold file: metrics\.0\.raw/,
    );
  });
});

describe('the same figures as score.mjs', () => {
  let tmp: string;
  let golds: GoldDocument[];
  beforeAll(async () => {
    if (!existsSync(SCORER))
      throw new Error(`${SCORER} is missing: the shared/ directory must sit beside the repository`);
    if (!existsSync(join(ROOT, 'dist/cli/checkCommand.js')))
      throw new Error('dist/ is missing: run `npm run build` first');
    tmp = mkdtempSync(join(tmpdir(), 'reportx-score-'));
    golds = await loadGoldDir(join(ROOT, 'fixtures'), (bytes) => new TextDecoder().decode(bytes));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('bundles the dev gold in fixtures/, valid by score.mjs --check-gold', () => {
    expect(golds.length).toBeGreaterThanOrEqual(5);
    const r = scoreMjs(['--gold', 'fixtures', '--check-gold']);
    expect(r.stdout.trim(), r.stdout).toBe(`gold ok: ${golds.length} file(s)`);
  });

  it('on predictions made from the gold, perturbed in known ways (in-process port)', () => {
    // Every kind of miss: dropped, shifted, wrong value/unit/kind, wrong optional fields, spurious;
    // headings dropped, fullwidth, re-depthed; meta half right; the last document has no output.
    const docs = golds.slice(0, -1).map((g, d) => {
      const metrics: PredictedMetric[] = [];
      g.metrics.forEach((m, i) => {
        const span = goldSpan(g.text, m);
        if (!span || i % 9 === 1) return;
        const p: PredictedMetric = {
          span: { ...span },
          raw: m.raw,
          value: m.value,
          unit: m.unit,
          kind: m.kind,
          approx: m.approx ?? null,
          change: m.change ?? null,
          target: m.target ?? false,
          indicator: m.indicator ?? null,
        };
        if (i % 9 === 2) p.value = m.value + 1;
        if (i % 9 === 3) p.unit = m.unit + '次';
        if (i % 9 === 4) p.kind = m.kind === 'count' ? 'amount' : 'count';
        if (i % 9 === 5) {
          p.approx = m.approx ? null : 'about';
          p.target = !m.target;
        }
        if (i % 9 === 6) p.indicator = i % 2 ? `${m.indicator}的总数量以及其他很多东西` : String(m.indicator).slice(1);
        if (i % 9 === 7) p.span = { start: span.start + 1, end: span.end + 2 };
        if (i % 9 === 8) p.change = m.change ? null : 'up';
        metrics.push(p);
        if (i % 13 === 0) metrics.push({ ...p, span: { start: span.end + 40, end: span.end + 42 }, raw: 'xx' });
      });
      const sections: HeadingLike[] = [];
      const stack: HeadingLike[][] = [sections];
      (g.headings ?? []).forEach((h, i) => {
        if (i % 5 === 4) return;
        const node: HeadingLike = {
          depth: i % 4 === 3 ? h.depth + 1 : h.depth,
          marker: i % 3 === 0 ? h.marker.replace('(', '（').replace(')', '）') : h.marker,
          title: i % 6 === 1 ? ` ${h.title}等` : h.title,
          children: [],
        };
        while (stack.length > h.depth) stack.pop();
        (stack.at(-1) ?? sections).push(node);
        stack.push(node.children as HeadingLike[]);
      });
      const meta = {
        organization: d % 2 ? g.meta?.organization : 'XX局',
        year: g.meta?.year,
        reportType: d % 3 ? g.meta?.reportType : 'plan',
      };
      return { source: { path: `/somewhere/else/${g.file}` }, meta, sections, metrics };
    });
    const file = join(tmp, 'perturbed.ndjson');
    writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
    const byFile = new Map(docs.map((d) => [d.source.path.split('/').at(-1)!, d as ScoredDocument]));
    const ours = scoreGold(golds, (f) => byFile.get(f));
    expect(ours.summary.metrics.found).toBeGreaterThan(0);
    expect(ours.summary.metrics.strict.f1).toBeGreaterThan(0.3);
    expect(ours.summary.metrics.strict.f1).toBeLessThan(1);

    const json = scoreMjs(['--gold', 'fixtures', '--pred', file, '--json']);
    expect(json.code, json.stderr).toBe(0);
    expectSameFigures(ours.summary, JSON.parse(json.stdout) as GoldSummary);

    const text = scoreMjs(['--gold', 'fixtures', '--pred', file, '--verbose']);
    expect(goldReportLines(ours, true)).toEqual(text.stdout.trimEnd().split('\n'));
    expect(goldReportLines(ours, false)).toEqual(
      scoreMjs(['--gold', 'fixtures', '--pred', file]).stdout.trimEnd().split('\n'),
    );
  });

  it('on the real output: `reportx check --gold fixtures` prints what score.mjs prints for `reportx parse`', () => {
    const parsed = reportx(['parse', '--format', 'ndjson', ...golds.map((g) => `fixtures/${g.file}`)]);
    expect(parsed.code, parsed.stderr).toBe(0);
    const file = join(tmp, 'output.ndjson');
    writeFileSync(file, parsed.stdout);

    const theirs = scoreMjs(['--gold', 'fixtures', '--pred', file, '--json']);
    const ours = reportx(['check', '--gold', 'fixtures', '--json']);
    expect(theirs.code, theirs.stderr).toBe(0);
    expect(ours.code, ours.stderr).toBe(0);
    expectSameFigures(JSON.parse(ours.stdout), JSON.parse(theirs.stdout));

    // And in-process on the same documents.
    const docs = parsed.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ScoredDocument & { source: { path: string } });
    const byFile = new Map(docs.map((d) => [d.source.path.split('/').at(-1)!, d]));
    expectSameFigures(scoreGold(golds, (f) => byFile.get(f)).summary, JSON.parse(theirs.stdout));

    for (const flags of [[], ['--verbose']]) {
      const a = reportx(['check', '--gold', 'fixtures', ...flags]);
      const b = scoreMjs(['--gold', 'fixtures', '--pred', file, ...flags]);
      expect(a.stdout).toBe(b.stdout);
    }
  });

  it('several --gold folders are scored as one set, as score.mjs does', () => {
    const parsed = reportx(['parse', '--format', 'ndjson', ...golds.map((g) => `fixtures/${g.file}`)]);
    const file = join(tmp, 'twice.ndjson');
    writeFileSync(file, parsed.stdout);
    const ours = reportx(['check', '--gold', 'fixtures', '--gold', '../shared/corpus/dev', '--verbose']);
    const theirs = scoreMjs(['--gold', 'fixtures', '--gold', '../shared/corpus/dev', '--pred', file, '--verbose']);
    expect(ours.code, ours.stderr).toBe(0);
    expect(ours.stdout).toContain(`documents ${2 * golds.length};`);
    expect(ours.stdout).toBe(theirs.stdout);
  });

  it('--min-f1 fails below the strict F1 and passes at or under it', () => {
    const figures = JSON.parse(reportx(['check', '--gold', 'fixtures', '--json']).stdout) as GoldSummary;
    const strict = figures.metrics.strict.f1;
    const pass = reportx(['check', '--gold', 'fixtures', '--min-f1', String(Math.max(0, strict - 0.01))]);
    expect(pass.code, pass.stderr).toBe(0);
    if (strict < 1) {
      const fail = reportx(['check', '--gold', 'fixtures', '--min-f1', '1']);
      expect(fail.code).toBe(1);
      expect(fail.stderr).toContain(`strict metric F1 ${strict.toFixed(3)} is below --min-f1 1`);
    }
    const bad = reportx(['check', '--gold', 'fixtures', '--min-f1', 'high']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--min-f1 takes a number from 0 to 1');
  });

  it('usage errors exit 2: no gold files, FILES or --update with --gold', () => {
    let r = reportx(['check', '--gold', tmp]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no gold files');
    r = reportx(['check', 'fixtures', '--gold', 'fixtures']);
    expect(r.code).toBe(2);
    r = reportx(['check', '--gold', 'fixtures', '--update']);
    expect(r.code).toBe(2);
  });
});
