// Properties of parseReport over generated text (fast-check): it never throws, its output always
// validates against the schema, and every metric's span slices the source to exactly its raw
// text. Two kinds of input: arbitrary strings (any code point, any UTF-16 code unit, lone
// surrogates included) and strings assembled from report-like fragments (numerals, units,
// heading markers, punctuation, scraper markers), which reach far deeper into the pipeline.
// Runs are few enough to keep the suite fast; FC_RUNS=2000 npx vitest run test/properties.test.ts
// searches harder, and a failure prints the seed and the shrunk input to replay it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseReport } from '../src/parseReport.js';
import { reportDocumentSchema, type ReportDocument } from '../src/model/schema.js';

const RUNS = Number(process.env.FC_RUNS ?? 150);

/** Every property at once, so each generated text is parsed only once. */
function checkDocument(text: string): void {
  let doc: ReportDocument;
  try {
    doc = parseReport(text);
  } catch (err) {
    throw new Error(`parseReport threw on ${JSON.stringify(text)}: ${(err as Error)?.stack ?? err}`);
  }
  const check = reportDocumentSchema.safeParse(doc);
  if (!check.success) {
    const issue = check.error.issues[0];
    throw new Error(`schema: ${issue.path.join('.') || '(root)'}: ${issue.message} for ${JSON.stringify(text)}`);
  }
  let previousEnd = 0;
  for (const m of doc.metrics) {
    const sliced = text.slice(m.span.start, m.span.end);
    if (sliced !== m.raw) {
      throw new Error(
        `metric ${m.id}: text.slice(${m.span.start}, ${m.span.end}) is ${JSON.stringify(sliced)}, raw is ${JSON.stringify(m.raw)}, in ${JSON.stringify(text)}`,
      );
    }
    // Metric spans never overlap (3万多亩/全省第一 once gave 亩/全省第 and 第一 over it).
    if (m.span.start < previousEnd) {
      throw new Error(
        `metric ${m.id} (${m.raw}) starts at ${m.span.start}, inside the metric before it, in ${JSON.stringify(text)}`,
      );
    }
    previousEnd = m.span.end;
    // The indicator is its span's text exactly (no character dropped), and at most 16 characters.
    if ((m.indicator === null) !== (m.indicatorSpan === null)) {
      throw new Error(
        `metric ${m.id}: indicator ${JSON.stringify(m.indicator)} with span ${JSON.stringify(m.indicatorSpan)}`,
      );
    }
    if (m.indicator !== null && m.indicatorSpan !== null) {
      const named = text.slice(m.indicatorSpan.start, m.indicatorSpan.end);
      if (named !== m.indicator) {
        throw new Error(
          `metric ${m.id}: indicator ${JSON.stringify(m.indicator)} but its span slices ${JSON.stringify(named)}, in ${JSON.stringify(text)}`,
        );
      }
      if (m.indicator.length > 16 || m.indicator.length === 0) {
        throw new Error(`metric ${m.id}: indicator ${JSON.stringify(m.indicator)} is not 1–16 characters`);
      }
    }
  }
}

const CHINESE_DIGITS = [
  '零',
  '〇',
  '一',
  '二',
  '两',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '百',
  '千',
  '万',
  '亿',
  '点',
  '半',
  '几',
  '壹',
  '贰',
  '拾',
  '佰',
];
const UNITS = [
  '件',
  '人次',
  '人',
  '次',
  '个',
  '家',
  '场',
  '%',
  '％',
  '‰',
  '万元',
  '亿元',
  '元',
  '万',
  '亿',
  '个百分点',
  '百分点',
  '名',
  '位',
  '倍',
  '户',
  '项',
  ':1',
  '：1',
  '余',
  '多',
  '近',
  '约',
  '超过',
  '同比增长',
  '下降',
  '提升',
  '排名第',
  '全省第',
  '倒数第',
  '亩',
  '/全省第一',
  '分别',
  '(含',
  ')',
];
const HEADINGS = [
  '一、',
  '二、',
  '十一、',
  '（一）',
  '（二）',
  '(三)',
  '1.',
  '2.',
  '12.',
  '１．',
  '(1)',
  '（2）',
  '①',
  '②',
  '一是',
  '二是',
  '三是',
  '第一，',
  '首先，',
];
const PUNCTUATION = [
  '，',
  '。',
  '；',
  '：',
  '、',
  '！',
  '？',
  ',',
  '.',
  ';',
  ':',
  '“',
  '”',
  '"',
  '（',
  '）',
  '(',
  ')',
  '【',
  '】',
  '《',
  '》',
  '-',
  '—',
  '～',
  '~',
  '/',
  '·',
  '…',
];
const WHITESPACE = ['\n', '\r\n', '\r', ' ', '\u3000', '\t', '\n\n', '\u00a0', '\ufeff'];
const WORDS = [
  '全年',
  '共办理',
  '法律援助案件',
  '受理',
  '调解',
  '纠纷',
  '成功率',
  '达到',
  '完成',
  '计划',
  '2025年',
  '2024年',
  '截至9月底',
  '1-9月',
  '累计',
  '群众',
  '满意度',
  '工作',
  '开展',
  '培训',
  '司法局',
  '工作总结',
  '工作计划',
  '下一步',
  '今年以来',
  '其中',
  '比',
  '为',
  '的',
  '个',
  '社区',
  '和',
  '、',
  '占',
  '比重',
  '共计',
  '计划',
  '拟',
  '实际',
  '目标值(',
  '综合指数',
  '改善',
  '或',
  '当中，',
  '涉及',
  '被评为',
  '已全部',
];
const NOISE = ['##paidbegin##', '##paidend##', '##', '#', '浏览次数：', '发布时间：2024-12-30', '【打印】', '附件'];

const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 10 ** 9 }).map(String) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 999 }))
      .map(([a, b]) => `${a}.${b}`),
  },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'0123456789,.，．'), maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc.string({ unit: fc.constantFrom('０', '１', '２', '５', '９'), minLength: 1, maxLength: 5 }),
  },
  {
    weight: 3,
    arbitrary: fc.array(fc.constantFrom(...CHINESE_DIGITS), { minLength: 1, maxLength: 6 }).map((a) => a.join('')),
  },
  { weight: 3, arbitrary: fc.constantFrom(...UNITS) },
  { weight: 2, arbitrary: fc.constantFrom(...HEADINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...PUNCTUATION) },
  { weight: 2, arbitrary: fc.constantFrom(...WHITESPACE) },
  { weight: 1, arbitrary: fc.constantFrom(...NOISE) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);

/** Report-like text: fragments, often with a heading marker at the start of a line. */
const reportLike = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fragment },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom(...HEADINGS), fc.array(fragment, { maxLength: 6 }))
          .map(([h, f]) => `\n${h}${f.join('')}`),
      },
    ),
    { maxLength: 80, size: 'medium' },
  )
  .map((parts) => parts.join(''));

/** A realistic sentence with a metric in it, pieces shuffled in and around it. */
const metricSentence = fc
  .tuple(
    fc.constantFrom(...WORDS),
    fc.constantFrom('', '共', '累计', '全年'),
    fc.oneof(
      fc.integer({ min: 0, max: 99999 }).map(String),
      fc.array(fc.constantFrom(...CHINESE_DIGITS), { minLength: 1, maxLength: 4 }).map((a) => a.join('')),
    ),
    fc.constantFrom('', '余', '多'),
    fc.constantFrom(...UNITS),
    fc.constantFrom(...PUNCTUATION),
  )
  .map((parts) => parts.join(''));
const reportLines = fc.array(fc.oneof(metricSentence, reportLike), { maxLength: 30 }).map((ls) => ls.join(''));

const params = { numRuns: RUNS };

describe('parseReport on arbitrary strings', () => {
  it('any code points: never throws, validates, metric spans slice to raw', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), checkDocument), params);
  });

  it('any UTF-16 code units, lone surrogates included', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 300 }),
        checkDocument,
      ),
      params,
    );
  });

  it('graphemes, combining marks and emoji', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), checkDocument), params);
  });
});

describe('parseReport on report-like text', () => {
  it('fragments: numerals, digits, units, heading markers, punctuation, ##paidbegin##', () => {
    fc.assert(fc.property(reportLike, checkDocument), params);
  });

  it('sentences that state metrics, among fragments', () => {
    fc.assert(fc.property(reportLines, checkDocument), params);
  });

  // Regression (found by scripts/safety.mjs): the inline 一是 search once scanned to the end of the
  // document for every line, so 200k lines took ~20 s. No time limit of its own: the suite's 30 s
  // test timeout is the hang check, speed is measured by the benchmark.
  it('many short lines without 是 parse in linear time', () => {
    const text = '一、工作开展情况\n全年办理案件12件。\n'.repeat(100_000);
    const doc = parseReport(text);
    expect(doc.metrics).toHaveLength(100_000);
  });

  it('a known report-like example parses with its metrics', () => {
    const text =
      '2024年工作总结\n一、工作开展情况\n（一）法律援助\n一是全年共办理法律援助案件120余件，同比增长12.5%。二是调解纠纷3400次，成功率达98%。\n二、2025年工作计划\n1.力争培训人员1000人次。';
    checkDocument(text);
    expect(parseReport(text).metrics.length).toBeGreaterThan(0);
  });
});
