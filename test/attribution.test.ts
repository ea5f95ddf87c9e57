// Attribution on sentences of reports nobody tuned to (issue 11): the scope of a goal word, lists
// read with 分别, indicators when the metric's own phrase is empty, the category a predicate names,
// ranks without a ranking verb, change direction, and the indicator invariants. One invented
// sentence per rule, written for these tests; each shows the general cause, not a report's wording.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../src/index.js';
import type { Change, Metric, ReportDocument } from '../src/index.js';

/** A review section: what was done. */
const review = (body: string) => `一、工作开展情况\n${body}\n`;

function parse(text: string): ReportDocument {
  const doc = parseReport(text);
  for (const m of doc.metrics) expect(text.slice(m.span.start, m.span.end), `span of ${m.id}`).toBe(m.raw);
  return doc;
}

/** The scorer's rule (GUIDE.md): the parser's phrase holds the gold one, or is its end or half of it. */
function indicatorMatches(actual: string | null, gold: string): boolean {
  if (actual === null || actual.length === 0 || actual.length > 16) return false;
  if (actual.includes(gold)) return true;
  return gold.includes(actual) && actual.length >= 2 && (gold.endsWith(actual) || 2 * actual.length >= gold.length);
}

function metric(doc: ReportDocument, text: string, anchor: string, raw: string): Metric {
  const at = text.indexOf(anchor);
  expect(at, `anchor «${anchor}»`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(anchor, at + 1), `anchor «${anchor}» not unique`).toBe(-1);
  const start = at + anchor.indexOf(raw);
  const m = doc.metrics.find((x) => x.span.start === start && x.raw === raw);
  expect(m, `no ${raw} in «${anchor}»; got [${doc.metrics.map((x) => x.raw).join(' ')}]`).toBeDefined();
  return m!;
}

interface Want {
  indicator?: string;
  target?: boolean;
  change?: Change;
  value?: number;
}

/** Each [anchor, raw, expected fields] of one text. */
function expectAll(body: string, rows: Array<[string, string, Want]>) {
  const text = review(body);
  const doc = parse(text);
  for (const [anchor, raw, want] of rows) {
    const m = metric(doc, text, anchor, raw);
    if (want.indicator !== undefined)
      expect(
        indicatorMatches(m.indicator, want.indicator),
        `${raw}: indicator «${m.indicator}», want «${want.indicator}»`,
      ).toBe(true);
    if (want.target !== undefined) expect(m.target, `${raw}: target`).toBe(want.target);
    if (want.change !== undefined) expect(m.change, `${raw}: change`).toBe(want.change);
    if (want.value !== undefined) expect(m.value, `${raw}: value`).toBe(want.value);
  }
  return doc;
}

describe('a goal word governs its own clause', () => {
  it('计划 reaches its own figure; 实际 opens a result, and so does 完成…的N%', () => {
    expectAll('今年计划改造老旧小区12个，实际改造老旧小区13个，完成投资3.4亿元，完成年度计划的108.3%。', [
      ['改造老旧小区12个', '12个', { target: true }],
      ['改造老旧小区13个', '13个', { target: false }],
      ['3.4亿元', '3.4亿元', { target: false }],
      ['108.3%', '108.3%', { target: false }],
    ]);
  });
  it('预计 with a forecast in words reaches no figure after it', () => {
    expectAll('村级集体收入增长9.1%，预计考核结果良好(按36个村统计，收入合计1520.6万元，增长10.4%)。', [
      ['36个', '36个', { target: false }],
      ['1520.6万元', '1520.6万元', { target: false }],
      ['增长10.4%', '10.4%', { target: false }],
    ]);
  });
  it('较…目标 is the benchmark of a comparison: a change, not a goal', () => {
    expectAll('城市生活垃圾无害化处理率98.4%，较省定目标高出3.4个百分点。', [
      ['3.4个百分点', '3.4个百分点', { target: false, change: 'up', indicator: '城市生活垃圾无害化处理率' }],
    ]);
  });
  it('计划, 拟 and 需 before a verb, 任务是, and a goal level in brackets are goals', () => {
    expectAll(
      '全镇计划启动安置房8栋，目前8栋已封顶。拟争取中央预算内资金0.6亿元，企业需投入自有资金2.1亿元。' +
        '年度帮扶任务是培训农民工500人次。全县森林覆盖率达到61.3%，已超过了市定的目标值(60%)。',
      [
        ['安置房8栋', '8栋', { target: true }],
        ['目前8栋', '8栋', { target: false }],
        ['0.6亿元', '0.6亿元', { target: true }],
        ['2.1亿元', '2.1亿元', { target: true }],
        ['500人次', '500人次', { target: true }],
        ['61.3%', '61.3%', { target: false }],
        ['(60%)', '60%', { target: true, indicator: '森林覆盖率' }],
      ],
    );
  });
  it('a goal figure after 目标任务 is a goal; the share completed of it is not', () => {
    expectAll('全年新增城镇就业4120人，完成年目标任务4000人的103%。完成全年目标任务96.5%。', [
      ['4000人', '4000人', { target: true, indicator: '新增城镇就业' }],
      ['103%', '103%', { target: false }],
      ['96.5%', '96.5%', { target: false }],
    ]);
  });
});
