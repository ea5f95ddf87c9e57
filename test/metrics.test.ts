// Metric extraction, field by field, as /work/shared/eval/GUIDE.md defines it: value (scaled to
// the base unit), unit, kind, approx, change, target, indicator and period, plus the span
// invariant (text.slice(span.start, span.end) === raw) on every metric of every document parsed.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../src/index.js';
import type { Approx, Change, Metric, MetricKind, ReportDocument } from '../src/index.js';

interface Expected {
  raw: string;
  value: number;
  unit: string;
  kind: MetricKind;
  approx?: Approx;
  change?: Change;
  target?: boolean;
  /** Matched by the scorer's rule: one contains the other and the parser's is at most 16 chars. */
  indicator?: string;
  period?: string | null;
}

/** A review section: what was done. */
const review = (body: string) => `一、工作开展情况\n${body}\n`;
/** A plan section after a review section. */
const plan = (body: string) => `一、工作开展情况\n各项工作有序推进。\n二、下一步工作打算\n${body}\n`;

function parse(text: string): ReportDocument {
  const doc = parseReport(text);
  for (const m of doc.metrics) expect(text.slice(m.span.start, m.span.end), `span of ${m.id}`).toBe(m.raw);
  return doc;
}

/** The metric whose raw starts where `raw` stands inside the (unique) `anchor`. */
function metricAt(doc: ReportDocument, text: string, anchor: string, raw: string): Metric | undefined {
  const at = text.indexOf(anchor);
  expect(at, `anchor «${anchor}» not in text`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(anchor, at + 1), `anchor «${anchor}» not unique`).toBe(-1);
  const start = at + anchor.indexOf(raw);
  return doc.metrics.find((m) => m.span.start === start && m.raw === raw);
}

function expectIndicator(actual: string | null, expected: string) {
  const ok = actual !== null && actual.length <= 16 && (actual.includes(expected) || expected.includes(actual));
  expect(ok, `indicator «${actual}» does not match «${expected}» (containment either way, ≤16 chars)`).toBe(true);
}

function expectMetricIn(doc: ReportDocument, text: string, anchor: string, e: Expected): Metric {
  const m = metricAt(doc, text, anchor, e.raw);
  expect(m, `no metric ${e.raw} in «${anchor}»; got [${doc.metrics.map((x) => x.raw).join(' ')}]`).toBeDefined();
  const got = m!;
  expect({ unit: got.unit, kind: got.kind, approx: got.approx, change: got.change, target: got.target }).toEqual({
    unit: e.unit,
    kind: e.kind,
    approx: e.approx ?? null,
    change: e.change ?? null,
    target: e.target ?? false,
  });
  if (Number.isInteger(e.value)) expect(got.value).toBe(e.value);
  else expect(got.value).toBeCloseTo(e.value, 9);
  if (e.indicator !== undefined) expectIndicator(got.indicator, e.indicator);
  if (e.period !== undefined) expect(got.period).toBe(e.period);
  return got;
}

function expectMetric(text: string, anchor: string, e: Expected): Metric {
  return expectMetricIn(parse(text), text, anchor, e);
}

describe('counts', () => {
  it('Arabic number with a measure word: 接收行政复议182件', () => {
    expectMetric(review('今年以来，共接收行政复议182件，审结175件。'), '接收行政复议182件', {
      raw: '182件',
      value: 182,
      unit: '件',
      kind: 'count',
      indicator: '行政复议',
      period: '今年以来',
    });
  });
  it('Chinese numeral with a measure word: 三次, 两名, 三个乡镇 (raw 三个), 五个专项活动', () => {
    const text = review('开展执法检查三次。新招聘两名专职调解员。在三个乡镇开展试点。组织五个专项活动。');
    const doc = parse(text);
    expectMetricIn(doc, text, '执法检查三次', {
      raw: '三次',
      value: 3,
      unit: '次',
      kind: 'count',
      indicator: '执法检查',
    });
    expectMetricIn(doc, text, '两名专职', {
      raw: '两名',
      value: 2,
      unit: '名',
      kind: 'count',
      indicator: '专职调解员',
    });
    expectMetricIn(doc, text, '三个乡镇', { raw: '三个', value: 3, unit: '个', kind: 'count', indicator: '乡镇' });
    expectMetricIn(doc, text, '五个专项', { raw: '五个', value: 5, unit: '个', kind: 'count', indicator: '专项活动' });
    expect(doc.metrics).toHaveLength(4);
  });
  it('余 stays in raw: 全年走访群众3300余人次 (indicator keeps the verb)', () => {
    expectMetric(review('全年走访群众3300余人次，收集意见建议46条。'), '3300余人次', {
      raw: '3300余人次',
      value: 3300,
      unit: '人次',
      kind: 'count',
      approx: 'more_than',
      indicator: '走访群众',
      period: '全年',
    });
  });
  it('the thing counted after the number is the indicator: 落实62条整改措施, 招聘第二批16名专职人民调解员', () => {
    const text = review('针对巡察反馈问题，落实62条整改措施。招聘第二批16名专职人民调解员。召开支委会12次。');
    const doc = parse(text);
    expectMetricIn(doc, text, '62条', { raw: '62条', value: 62, unit: '条', kind: 'count', indicator: '整改措施' });
    expectMetricIn(doc, text, '16名', {
      raw: '16名',
      value: 16,
      unit: '名',
      kind: 'count',
      indicator: '专职人民调解员',
    });
    expectMetricIn(doc, text, '12次', { raw: '12次', value: 12, unit: '次', kind: 'count', indicator: '支委会' });
  });
  it('N大类 / N大 before a noun: 3大类 unit 大类, 六大执法领域 unit 大', () => {
    const text = review('梳理行政执法事项3大类。执法监督覆盖六大执法领域。');
    const doc = parse(text);
    expectMetricIn(doc, text, '3大类', { raw: '3大类', value: 3, unit: '大类', kind: 'count' });
    expectMetricIn(doc, text, '六大执法', { raw: '六大', value: 6, unit: '大', kind: 'count' });
  });
  // fixed: with words before N大, the indicator is taken from before the number
  // (执法监督覆盖) although the thing counted (执法领域) follows it.
  it('执法监督覆盖六大执法领域: indicator is the thing counted after the number (执法领域)', () => {
    const text = review('梳理行政执法事项3大类。执法监督覆盖六大执法领域。');
    expectMetric(text, '六大执法', { raw: '六大', value: 6, unit: '大', kind: 'count', indicator: '执法领域' });
  });
  it('a scale is applied: 38.5万件 → 385000 件', () => {
    expectMetric(review('全年办理政务服务业务38.5万件。'), '38.5万件', {
      raw: '38.5万件',
      value: 385000,
      unit: '件',
      kind: 'count',
      indicator: '政务服务业务',
    });
  });
  it('the base of a rate is not a scale: 每万人拥有律师数2.1名 → 2.1 名', () => {
    expectMetric(review('全县每万人拥有律师数2.1名。'), '2.1名', {
      raw: '2.1名',
      value: 2.1,
      unit: '名',
      kind: 'count',
      indicator: '律师数',
    });
  });
  it('an award class is not a rank; the count after it is a count', () => {
    const text = review('获评全省法治宣传优秀案例二等奖。获一等奖1个、二等奖2个。');
    const doc = parse(text);
    expect(doc.metrics.map((m) => m.raw)).toEqual(['1个', '2个']);
    expect(doc.metrics.every((m) => m.kind === 'count')).toBe(true);
  });
});

describe('percentages and rates', () => {
  it('99.78% and full-width 100％', () => {
    const text = review('全年矛盾纠纷调处成功率99.78%，群众满意率100％。');
    const doc = parse(text);
    expectMetricIn(doc, text, '99.78%', {
      raw: '99.78%',
      value: 99.78,
      unit: '%',
      kind: 'percent',
      indicator: '调处成功率',
    });
    expectMetricIn(doc, text, '100％', {
      raw: '100％',
      value: 100,
      unit: '%',
      kind: 'percent',
      indicator: '群众满意率',
    });
  });
  it('万分之十 → 0.1 %', () => {
    expectMetric(review('刑满释放人员重新犯罪率控制在万分之十以内。'), '万分之十', {
      raw: '万分之十',
      value: 0.1,
      unit: '%',
      kind: 'percent',
      indicator: '重新犯罪率',
    });
  });
  it('万分之十以上 → raw 万分之十, more_than', () => {
    expectMetric(review('刑满释放人员重新犯罪率同比下降万分之十以上。'), '万分之十', {
      raw: '万分之十',
      value: 0.1,
      unit: '%',
      kind: 'percent',
      approx: 'more_than',
      change: 'down',
      indicator: '重新犯罪率',
    });
  });
  it('0.93‰ → 0.093 %', () => {
    expectMetric(review('社区矫正对象再犯罪率为0.93‰。'), '0.93‰', {
      raw: '0.93‰',
      value: 0.093,
      unit: '%',
      kind: 'percent',
      indicator: '再犯罪率',
    });
  });
  it('3.85/10万 → 0.00385 %', () => {
    expectMetric(review('全县命案发案率3.85/10万。'), '3.85/10万', {
      raw: '3.85/10万',
      value: 0.00385,
      unit: '%',
      kind: 'percent',
      indicator: '命案发案率',
    });
  });
  it('a share takes the "of what" phrase: 占咨询总量的59.9%', () => {
    expectMetric(review('婚姻家庭类咨询占咨询总量的59.9%。'), '59.9%', {
      raw: '59.9%',
      value: 59.9,
      unit: '%',
      kind: 'percent',
      indicator: '咨询总量',
    });
  });
});

describe('money', () => {
  it('1688.29万元 → 16882900 元', () => {
    expectMetric(review('全年累计投入资金1688.29万元。'), '1688.29万元', {
      raw: '1688.29万元',
      value: 16882900,
      unit: '元',
      kind: 'amount',
      indicator: '投入资金',
    });
  });
  it('1.66万元/床位 → 16600 元/床位, kind amount', () => {
    expectMetric(review('对民办养老机构给予建设补贴1.66万元/床位。'), '1.66万元/床位', {
      raw: '1.66万元/床位',
      value: 16600,
      unit: '元/床位',
      kind: 'amount',
      indicator: '建设补贴',
    });
  });
  it('亿元, 余万元 with a thousands separator, 左右', () => {
    const text = review('完成固定资产投资20.4亿元。挽回经济损失3,260余万元。项目总投资1500万元左右。');
    const doc = parse(text);
    expectMetricIn(doc, text, '20.4亿元', {
      raw: '20.4亿元',
      value: 2040000000,
      unit: '元',
      kind: 'amount',
      indicator: '固定资产投资',
    });
    expectMetricIn(doc, text, '3,260余万元', {
      raw: '3,260余万元',
      value: 32600000,
      unit: '元',
      kind: 'amount',
      approx: 'more_than',
      indicator: '经济损失',
    });
    expectMetricIn(doc, text, '1500万元', {
      raw: '1500万元',
      value: 15000000,
      unit: '元',
      kind: 'amount',
      approx: 'about',
      indicator: '项目总投资',
    });
  });
});

describe('ranks, percentage points, ratios', () => {
  it('全市第3名 → raw 第3名, 名次', () => {
    expectMetric(review('年度综合考核获全市第3名。'), '第3名', {
      raw: '第3名',
      value: 3,
      unit: '名次',
      kind: 'rank',
      indicator: '综合考核',
    });
  });
  it('位列全市第五 → raw 第五, value 5', () => {
    expectMetric(review('法治建设考核位列全市第五。'), '第五', {
      raw: '第五',
      value: 5,
      unit: '名次',
      kind: 'rank',
      indicator: '法治建设考核',
    });
  });
  it('全省第29名', () => {
    expectMetric(review('法治政府建设考核位列全省第29名。'), '第29名', {
      raw: '第29名',
      value: 29,
      unit: '名次',
      kind: 'rank',
    });
  });
  it('下降2.2个百分点 → pp, change down', () => {
    expectMetric(review('信访总量同比下降2.2个百分点。'), '2.2个百分点', {
      raw: '2.2个百分点',
      value: 2.2,
      unit: '个百分点',
      kind: 'pp',
      change: 'down',
      indicator: '信访总量',
    });
  });
  it('提高2.1个百分点 → pp, change up', () => {
    expectMetric(review('居民法治素养水平提高2.1个百分点。'), '2.1个百分点', {
      raw: '2.1个百分点',
      value: 2.1,
      unit: '个百分点',
      kind: 'pp',
      change: 'up',
      indicator: '法治素养水平',
    });
  });
  it('1.04:1 → ratio, unit :1', () => {
    expectMetric(review('城乡居民收入比1.04:1。'), '1.04:1', {
      raw: '1.04:1',
      value: 1.04,
      unit: ':1',
      kind: 'ratio',
      indicator: '收入比',
    });
  });
  it('收入比2.026 is a ratio though it has no unit', () => {
    expectMetric(review('城乡居民收入比2.026。'), '2.026', {
      raw: '2.026',
      value: 2.026,
      unit: ':1',
      kind: 'ratio',
      indicator: '收入比',
    });
  });
});

describe('approximation words', () => {
  // Words before the number (近 约 超 …) and after the unit (以上 左右) are not in raw; 余/多 are.
  const cases: Array<[string, string, string, number, string, Approx]> = [
    ['全年受理案件近200件。', '200件', '200件', 200, '件', 'nearly'],
    ['全年服务群众约5000人次。', '5000人次', '5000人次', 5000, '人次', 'about'],
    ['全年办理公证超300件。', '300件', '300件', 300, '件', 'more_than'],
    ['累计化解纠纷1200余件。', '1200余件', '1200余件', 1200, '件', 'more_than'],
    ['组织培训人员300多人。', '300多人', '300多人', 300, '人', 'more_than'],
    ['接待来访群众1000人次以上。', '1000人次', '1000人次', 1000, '人次', 'more_than'],
    ['培训调解员200人次左右。', '200人次', '200人次', 200, '人次', 'about'],
    ['累计服务群众将近8000人次。', '8000人次', '8000人次', 8000, '人次', 'nearly'],
    ['全区矛盾纠纷化解率接近99%。', '99%', '99%', 99, '%', 'nearly'],
    ['共建成调解组织大约60个。', '60个', '60个', 60, '个', 'about'],
    ['法律援助受援人数逾2000人。', '2000人', '2000人', 2000, '人', 'more_than'],
    ['累计接待来访群众超过3000人次。', '3000人次', '3000人次', 3000, '人次', 'more_than'],
  ];
  it.each(cases)('%s → raw %s', (body, anchor, raw, value, unit, approx) => {
    const kind: MetricKind = unit === '%' ? 'percent' : 'count';
    expectMetric(review(body), anchor, { raw, value, unit, kind, approx });
  });
});

describe('ranges, separators, spaces', () => {
  it('0.3-2公里 is two metrics, each with the unit', () => {
    const text = review('公共法律服务站点覆盖半径0.3-2公里。');
    const doc = parse(text);
    expect(doc.metrics.map((m) => [m.raw, m.value, m.unit])).toEqual([
      ['0.3', 0.3, '公里'],
      ['2公里', 2, '公里'],
    ]);
    expectIndicator(doc.metrics[0].indicator, '覆盖半径');
  });
  it('2.16和1.66个百分点 is two pp metrics', () => {
    const text = review('刑事案件发案率、治安案件发案率分别下降2.16和1.66个百分点。');
    const doc = parse(text);
    expect(doc.metrics.map((m) => [m.raw, m.value, m.unit, m.kind])).toEqual([
      ['2.16', 2.16, '个百分点', 'pp'],
      ['1.66个百分点', 1.66, '个百分点', 'pp'],
    ]);
    expect(doc.metrics[0].change).toBe('down');
  });
  it('thousands separators stay in raw: 1,234件 → 1234', () => {
    expectMetric(review('共调解矛盾纠纷1,234件。'), '1,234件', {
      raw: '1,234件',
      value: 1234,
      unit: '件',
      kind: 'count',
      indicator: '矛盾纠纷',
    });
  });
  it('spaces stay in raw, not in the value: 1 167宗 → 1167; 89 件 → 89', () => {
    const text = review('累计调处纠纷1 167宗。本月新受理申请89 件。');
    const doc = parse(text);
    expectMetricIn(doc, text, '1 167宗', {
      raw: '1 167宗',
      value: 1167,
      unit: '宗',
      kind: 'count',
      indicator: '调处纠纷',
    });
    expectMetricIn(doc, text, '89 件', { raw: '89 件', value: 89, unit: '件', kind: 'count' });
  });
});

describe('traditional characters', () => {
  const text = review(
    '本局受理行政復議182件，調解率達99.78%，辦理公證3萬余件，新建調解組織12個，調處糾紛1 167宗，走訪農戶350戶。',
  );
  it('values, units as written (個 宗 戶) and indicators', () => {
    const doc = parse(text);
    expectMetricIn(doc, text, '復議182件', {
      raw: '182件',
      value: 182,
      unit: '件',
      kind: 'count',
      indicator: '行政復議',
    });
    expectMetricIn(doc, text, '99.78%', {
      raw: '99.78%',
      value: 99.78,
      unit: '%',
      kind: 'percent',
      indicator: '調解率',
    });
    expectMetricIn(doc, text, '3萬余件', {
      raw: '3萬余件',
      value: 30000,
      unit: '件',
      kind: 'count',
      approx: 'more_than',
      indicator: '公證',
    });
    expectMetricIn(doc, text, '12個', { raw: '12個', value: 12, unit: '個', kind: 'count', indicator: '調解組織' });
    expectMetricIn(doc, text, '1 167宗', { raw: '1 167宗', value: 1167, unit: '宗', kind: 'count', indicator: '糾紛' });
    expectMetricIn(doc, text, '350戶', { raw: '350戶', value: 350, unit: '戶', kind: 'count', indicator: '農戶' });
    expect(doc.metrics).toHaveLength(6);
  });
});

describe('target', () => {
  it('a metric in a plan section is a target', () => {
    expectMetric(plan('计划组织调解员培训20场。'), '20场', {
      raw: '20场',
      value: 20,
      unit: '场',
      kind: 'count',
      target: true,
      indicator: '调解员培训',
    });
  });
  it('a result reported inside a plan section is not: 今年公证处引进了1名公证员', () => {
    expectMetric(plan('今年公证处引进了1名公证员，明年继续充实队伍。'), '1名', {
      raw: '1名',
      value: 1,
      unit: '名',
      kind: 'count',
      target: false,
      indicator: '公证员',
    });
  });
  it('a plan stated inside a review section is a target: 力争, 确保, 预计, 有望, 目标, 能达到', () => {
    const text = review(
      '力争全年办理案件500件。预计年底完成调解800件。确保结案率100%。有望新增执业律师20名。全年目标完成培训300人次。今年调解成功率能达到97%。',
    );
    const doc = parse(text);
    for (const raw of ['500件', '800件', '100%', '20名', '300人次', '97%']) {
      const m = doc.metrics.find((x) => x.raw === raw);
      expect(m, raw).toBeDefined();
      expect(m!.target, raw).toBe(true);
      expect(m!.sectionId, raw).toBe('s1');
    }
  });
  it('a plain result in a review section is not a target', () => {
    expectMetric(review('全年办理法律援助案件156件。'), '156件', {
      raw: '156件',
      value: 156,
      unit: '件',
      kind: 'count',
      target: false,
    });
  });
  // fixed: 争取 is treated as a target word, but 争取资金X万元 in a review section reports
  // funds secured (a result); the GUIDE's target words are 力争 确保 目标 预计 能达到 有望.
  it('争取上级资金1688.29万元 in a review section is a result, not a target', () => {
    expectMetric(review('全年共争取上级资金1688.29万元。'), '1688.29万元', {
      raw: '1688.29万元',
      value: 16882900,
      unit: '元',
      kind: 'amount',
      target: false,
      indicator: '上级资金',
    });
  });
});

describe('change', () => {
  const cases: Array<[string, string, number, string, MetricKind, Change]> = [
    ['刑事案件发案数上升30%。', '30%', 30, '%', 'percent', 'up'],
    ['财政收入增长8.5%。', '8.5%', 8.5, '%', 'percent', 'up'],
    ['执业律师数量增加5家。', '5家', 5, '家', 'count', 'up'],
    ['信访量同比下降15%。', '15%', 15, '%', 'percent', 'down'],
    ['信访案件减少12件。', '12件', 12, '件', 'count', 'down'],
    ['行政诉讼败诉率降低3%。', '3%', 3, '%', 'percent', 'down'],
    ['群众满意率提升至90%。', '90%', 90, '%', 'percent', null],
    ['结案率提高到95%。', '95%', 95, '%', 'percent', null],
    ['调解成功率达到98%。', '98%', 98, '%', 'percent', null],
  ];
  it.each(cases)('%s → change %s', (body, raw, value, unit, kind, change) => {
    expectMetric(review(body), raw, { raw, value, unit, kind, change });
  });
});

describe('period', () => {
  it('截至9月底, 1-9月, 今年以来', () => {
    const text = review('截至9月底，共办理案件320件。1-9月，受理法律援助案件156件。今年以来，开展普法活动45场次。');
    const doc = parse(text);
    expectMetricIn(doc, text, '320件', { raw: '320件', value: 320, unit: '件', kind: 'count', period: '截至9月底' });
    expectMetricIn(doc, text, '156件', {
      raw: '156件',
      value: 156,
      unit: '件',
      kind: 'count',
      period: '1-9月',
      indicator: '法律援助案件',
    });
    expectMetricIn(doc, text, '45场次', {
      raw: '45场次',
      value: 45,
      unit: '场次',
      kind: 'count',
      period: '今年以来',
      indicator: '开展普法活动',
    });
    expect(doc.metrics).toHaveLength(3);
  });
  it('no period stated → null', () => {
    expectMetric(review('新建村级调解室15个。'), '15个', {
      raw: '15个',
      value: 15,
      unit: '个',
      kind: 'count',
      period: null,
    });
  });
});

describe('metric records', () => {
  it('ids m1…mN in document order, sentence and sectionId filled in', () => {
    const text = plan('力争办理案件500件，调解成功率达到98%以上。');
    const doc = parse(text);
    expect(doc.metrics.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(doc.metrics.map((m) => m.sectionId)).toEqual(['s2', 's2']);
    for (const m of doc.metrics) {
      expect(text.slice(m.sentence.start, m.sentence.end)).toBe(m.sentence.text);
      expect(m.sentence.start <= m.span.start && m.span.end <= m.sentence.end).toBe(true);
      if (m.indicatorSpan) expect(text.slice(m.indicatorSpan.start, m.indicatorSpan.end)).toBe(m.indicator);
    }
    expect(doc.metrics[1]).toMatchObject({ raw: '98%', approx: 'more_than', target: true, kind: 'percent' });
  });
});

describe('defects found and fixed (regression tests)', () => {
  // fixed: in a pair sharing a change verb (分别下降X和Y个百分点) only the first gets change.
  it('分别下降2.16和1.66个百分点: the second is also a change (down)', () => {
    const text = review('刑事案件发案率、治安案件发案率分别下降2.16和1.66个百分点。');
    expectMetric(text, '1.66个百分点', {
      raw: '1.66个百分点',
      value: 1.66,
      unit: '个百分点',
      kind: 'pp',
      change: 'down',
    });
  });
  // fixed: both members of 甲、乙分别…X和Y get the second name (治安案件发案率).
  it('分别下降2.16和1.66个百分点: 2.16 belongs to 刑事案件发案率', () => {
    const text = review('刑事案件发案率、治安案件发案率分别下降2.16和1.66个百分点。');
    expectMetric(text, '2.16和', {
      raw: '2.16',
      value: 2.16,
      unit: '个百分点',
      kind: 'pp',
      change: 'down',
      indicator: '刑事案件发案率',
    });
  });
  // fixed: the second member of a range gets indicator "-" (the range dash).
  it('0.3-2公里: the range end 2公里 has the same indicator (覆盖半径)', () => {
    const text = review('公共法律服务站点覆盖半径0.3-2公里。');
    expectMetric(text, '2公里', { raw: '2公里', value: 2, unit: '公里', kind: 'count', indicator: '覆盖半径' });
  });
});
