// The same rules must serve any bureau, not just the justice bureaus of the fixtures. Short,
// realistic passages in the style of a 公安局, 民政局, 生态环境局 and 卫健委 work summary and a
// 统计公报, one in traditional characters and one with CRLF line endings and full-width digits and
// punctuation. Each asserts the metrics it must yield (value, unit, kind, qualifiers, indicator by
// the scorer's containment rule) and that nothing else is extracted.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../src/index.js';
import type { Approx, Change, Metric, MetricKind, ReportDocument, SectionNode } from '../src/index.js';

interface Row {
  anchor: string;
  raw: string;
  value: number;
  unit: string;
  kind: MetricKind;
  /** by containment either way, parser's ≤16 chars; omitted where a defect test covers it */
  indicator?: string;
  approx?: Approx;
  change?: Change;
  target?: boolean;
}

function parse(text: string): ReportDocument {
  const doc = parseReport(text);
  for (const m of doc.metrics) expect(text.slice(m.span.start, m.span.end), `span of ${m.id}`).toBe(m.raw);
  return doc;
}

function startOf(text: string, anchor: string, raw: string): number {
  const at = text.indexOf(anchor);
  expect(at, `anchor «${anchor}»`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(anchor, at + 1), `anchor «${anchor}» not unique`).toBe(-1);
  return at + anchor.indexOf(raw);
}

function find(doc: ReportDocument, text: string, anchor: string, raw: string): Metric | undefined {
  const start = startOf(text, anchor, raw);
  return doc.metrics.find((m) => m.span.start === start && m.raw === raw);
}

function indicatorOk(actual: string | null, expected: string): boolean {
  return actual !== null && actual.length <= 16 && (actual.includes(expected) || expected.includes(actual));
}

function expectRows(text: string, rows: Row[]) {
  const doc = parse(text);
  for (const r of rows) {
    const m = find(doc, text, r.anchor, r.raw);
    expect(m, `${r.raw} in «${r.anchor}»; got [${doc.metrics.map((x) => x.raw).join(' ')}]`).toBeDefined();
    expect(
      { raw: m!.raw, unit: m!.unit, kind: m!.kind, approx: m!.approx, change: m!.change, target: m!.target },
      r.anchor,
    ).toEqual({
      raw: r.raw,
      unit: r.unit,
      kind: r.kind,
      approx: r.approx ?? null,
      change: r.change ?? null,
      target: r.target ?? false,
    });
    if (Number.isInteger(r.value)) expect(m!.value, r.anchor).toBe(r.value);
    else expect(m!.value, r.anchor).toBeCloseTo(r.value, 9);
    if (r.indicator)
      expect(
        indicatorOk(m!.indicator, r.indicator),
        `${r.anchor}: indicator «${m!.indicator}» vs «${r.indicator}»`,
      ).toBe(true);
  }
}

/** Nothing beyond the expected rows (and the positions named in `alsoAllowed`, defects pending). */
function expectNoSpurious(text: string, rows: Row[], alsoAllowed: Array<[string, string]> = []) {
  const doc = parse(text);
  const allowed = new Set([
    ...rows.map((r) => startOf(text, r.anchor, r.raw)),
    ...alsoAllowed.map(([a, r]) => startOf(text, a, r)),
  ]);
  const spurious = doc.metrics.filter((m) => !allowed.has(m.span.start));
  expect(spurious.map((m) => m.raw)).toEqual([]);
}

const flatten = (ss: SectionNode[]): SectionNode[] => ss.flatMap((s) => [s, ...flatten(s.children)]);
const outline = (doc: ReportDocument) => flatten(doc.sections).map((s) => `${s.id} ${s.marker}${s.title} ${s.kind}`);

// ---------------------------------------------------------------------------------------------
describe('公安局 work summary', () => {
  const text = [
    'XX县公安局2024年工作总结',
    '一、主要工作成效',
    '（一）严打刑事犯罪。全年共立刑事案件1236起，破获刑事案件865起，抓获犯罪嫌疑人412名，刑事案件发案数同比下降12.5%。',
    '（二）强化交通管理。查处酒驾醉驾违法行为356起，查扣非法营运车辆48辆，道路交通事故死亡人数下降3.2个百分点。',
    '二、2025年工作打算',
    '力争命案现案破案率保持100%，群众安全感满意度提升至98%以上。',
  ].join('\n');
  const rows: Row[] = [
    { anchor: '立刑事案件1236起', raw: '1236起', value: 1236, unit: '起', kind: 'count', indicator: '刑事案件' },
    { anchor: '破获刑事案件865起', raw: '865起', value: 865, unit: '起', kind: 'count', indicator: '破获刑事案件' },
    { anchor: '412名', raw: '412名', value: 412, unit: '名', kind: 'count', indicator: '犯罪嫌疑人' },
    {
      anchor: '12.5%',
      raw: '12.5%',
      value: 12.5,
      unit: '%',
      kind: 'percent',
      change: 'down',
      indicator: '刑事案件发案数',
    },
    { anchor: '356起', raw: '356起', value: 356, unit: '起', kind: 'count' },
    { anchor: '48辆', raw: '48辆', value: 48, unit: '辆', kind: 'count', indicator: '非法营运车辆' },
    {
      anchor: '3.2个百分点',
      raw: '3.2个百分点',
      value: 3.2,
      unit: '个百分点',
      kind: 'pp',
      change: 'down',
      indicator: '道路交通事故死亡人数',
    },
    { anchor: '100%', raw: '100%', value: 100, unit: '%', kind: 'percent', target: true, indicator: '命案现案破案率' },
    {
      anchor: '98%',
      raw: '98%',
      value: 98,
      unit: '%',
      kind: 'percent',
      target: true,
      approx: 'more_than',
      indicator: '群众安全感满意度',
    },
  ];
  it('metrics', () => expectRows(text, rows));
  it('nothing spurious (2024年, 2025年, heading numbers)', () => expectNoSpurious(text, rows));
  it('sections and meta', () => {
    const doc = parse(text);
    expect(outline(doc)).toEqual([
      's1 一、主要工作成效 review',
      's1.1 （一）严打刑事犯罪 review',
      's1.2 （二）强化交通管理 review',
      's2 二、2025年工作打算 plan',
    ]);
    expect(doc.meta).toMatchObject({ organization: 'XX县公安局', year: 2024, reportType: 'review+plan' });
  });
  // fixed: the indicator drops the final 为 of 违法行为 (actual «查处酒驾醉驾违法行»).
  it('查处酒驾醉驾违法行为356起: indicator 酒驾醉驾违法行为', () => {
    expectRows(text, [
      { anchor: '356起', raw: '356起', value: 356, unit: '起', kind: 'count', indicator: '酒驾醉驾违法行为' },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
describe('民政局 work summary', () => {
  const text = [
    'XX市民政局2023年工作总结',
    '一、工作开展情况',
    '1.兜底保障。全市共有城乡低保对象12580户，发放低保资金8650.5万元，特困人员供养标准提高到每人每月1200元。',
    '2.养老服务。新增养老床位860张，对民办养老机构给予建设补贴1.66万元/床位，全市养老机构入住率约65%。',
    '3.社会事务。办理婚姻登记4 326对，全市殡葬火化率达99.6%。',
  ].join('\n');
  const rows: Row[] = [
    { anchor: '12580户', raw: '12580户', value: 12580, unit: '户', kind: 'count', indicator: '城乡低保对象' },
    { anchor: '8650.5万元', raw: '8650.5万元', value: 86505000, unit: '元', kind: 'amount', indicator: '低保资金' },
    { anchor: '1200元', raw: '1200元', value: 1200, unit: '元', kind: 'amount', indicator: '供养标准' },
    { anchor: '860张', raw: '860张', value: 860, unit: '张', kind: 'count', indicator: '养老床位' },
    {
      anchor: '1.66万元/床位',
      raw: '1.66万元/床位',
      value: 16600,
      unit: '元/床位',
      kind: 'amount',
      indicator: '建设补贴',
    },
    { anchor: '65%', raw: '65%', value: 65, unit: '%', kind: 'percent', approx: 'about', indicator: '养老机构入住率' },
    { anchor: '4 326对', raw: '4 326对', value: 4326, unit: '对', kind: 'count', indicator: '婚姻登记' },
    { anchor: '99.6%', raw: '99.6%', value: 99.6, unit: '%', kind: 'percent', indicator: '殡葬火化率' },
  ];
  it('metrics', () => expectRows(text, rows));
  it('nothing spurious', () => expectNoSpurious(text, rows));
  it('sections and meta', () => {
    const doc = parse(text);
    expect(outline(doc)).toEqual([
      's1 一、工作开展情况 review',
      's1.1 1.兜底保障 review',
      's1.2 2.养老服务 review',
      's1.3 3.社会事务 review',
    ]);
    expect(doc.meta).toMatchObject({ organization: 'XX市民政局', year: 2023, reportType: 'review' });
  });
});

// ---------------------------------------------------------------------------------------------
describe('生态环境局 work summary', () => {
  const text = [
    'XX市生态环境局2024年工作总结',
    '一、污染防治攻坚成效',
    '（一）大气污染防治。全市空气质量优良天数比例达到87.4%，PM2.5平均浓度为32微克/立方米，同比下降5.9%。',
    '（二）水和土壤污染防治。完成农村生活污水治理村庄126个，整治黑臭水体18条，新建污水管网46.5公里，规范处置危险废物2.3万吨，修复受污染耕地1.2万亩。',
    '（三）环境执法。立案查处环境违法案件213宗，罚没款1,056.8万元。',
    '二、下一步工作计划',
    '确保全市空气质量优良天数比例不低于88%，新增污水管网30公里。',
  ].join('\n');
  const rows: Row[] = [
    { anchor: '87.4%', raw: '87.4%', value: 87.4, unit: '%', kind: 'percent', indicator: '空气质量优良天数比例' },
    {
      anchor: '32微克/立方米',
      raw: '32微克/立方米',
      value: 32,
      unit: '微克/立方米',
      kind: 'count',
      indicator: 'PM2.5平均浓度',
    },
    { anchor: '5.9%', raw: '5.9%', value: 5.9, unit: '%', kind: 'percent', change: 'down', indicator: 'PM2.5平均浓度' },
    { anchor: '126个', raw: '126个', value: 126, unit: '个', kind: 'count', indicator: '村庄' },
    { anchor: '18条', raw: '18条', value: 18, unit: '条', kind: 'count', indicator: '黑臭水体' },
    { anchor: '46.5公里', raw: '46.5公里', value: 46.5, unit: '公里', kind: 'count', indicator: '污水管网' },
    { anchor: '2.3万吨', raw: '2.3万吨', value: 23000, unit: '吨', kind: 'count', indicator: '危险废物' },
    { anchor: '1.2万亩', raw: '1.2万亩', value: 12000, unit: '亩', kind: 'count', indicator: '受污染耕地' },
    { anchor: '213宗', raw: '213宗', value: 213, unit: '宗', kind: 'count', indicator: '环境违法案件' },
    { anchor: '1,056.8万元', raw: '1,056.8万元', value: 10568000, unit: '元', kind: 'amount', indicator: '罚没款' },
    {
      anchor: '88%',
      raw: '88%',
      value: 88,
      unit: '%',
      kind: 'percent',
      target: true,
      approx: 'more_than',
      indicator: '空气质量优良天数比例',
    },
    { anchor: '30公里', raw: '30公里', value: 30, unit: '公里', kind: 'count', target: true, indicator: '污水管网' },
  ];
  it('metrics', () => expectRows(text, rows));
  it('nothing spurious (PM2.5 is a name, not 2.5)', () => expectNoSpurious(text, rows));
  it('sections', () => {
    const doc = parse(text);
    expect(outline(doc)).toEqual([
      's1 一、污染防治攻坚成效 review',
      's1.1 （一）大气污染防治 review',
      's1.2 （二）水和土壤污染防治 review',
      's1.3 （三）环境执法 review',
      's2 二、下一步工作计划 plan',
    ]);
    expect(doc.metrics.filter((m) => m.target).map((m) => m.sectionId)).toEqual(['s2', 's2']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('卫健委 work summary', () => {
  const text = [
    'XX市卫生健康委员会2023年工作总结',
    '一、主要工作完成情况',
    '1、医疗服务能力。全市新增医疗床位1 200张，每千人口执业医师数达3.2人，新建村卫生室面积合计约8600平方米。',
    '2、妇幼健康。孕产妇死亡率控制在8.5/10万，婴儿死亡率为2.36‰，适龄儿童免疫规划疫苗接种率保持在95%以上。',
    '3、疾病防控。全年累计接种新冠疫苗156.8万人次，服务常住人口86.3万人，居民健康素养水平提高2.1个百分点。',
    '二、下一步工作思路',
    '确保每个乡镇至少建成1家标准化卫生院，力争家庭医生签约服务覆盖率达到75%。',
  ].join('\n');
  const rows: Row[] = [
    { anchor: '1 200张', raw: '1 200张', value: 1200, unit: '张', kind: 'count', indicator: '医疗床位' },
    { anchor: '3.2人', raw: '3.2人', value: 3.2, unit: '人', kind: 'count', indicator: '执业医师数' },
    {
      anchor: '8600平方米',
      raw: '8600平方米',
      value: 8600,
      unit: '平方米',
      kind: 'count',
      approx: 'about',
      indicator: '村卫生室面积',
    },
    { anchor: '8.5/10万', raw: '8.5/10万', value: 0.0085, unit: '%', kind: 'percent', indicator: '孕产妇死亡率' },
    { anchor: '2.36‰', raw: '2.36‰', value: 0.236, unit: '%', kind: 'percent', indicator: '婴儿死亡率' },
    { anchor: '95%', raw: '95%', value: 95, unit: '%', kind: 'percent', approx: 'more_than', indicator: '疫苗接种率' },
    {
      anchor: '156.8万人次',
      raw: '156.8万人次',
      value: 1568000,
      unit: '人次',
      kind: 'count',
      indicator: '接种新冠疫苗',
    },
    { anchor: '86.3万人', raw: '86.3万人', value: 863000, unit: '人', kind: 'count', indicator: '常住人口' },
    {
      anchor: '2.1个百分点',
      raw: '2.1个百分点',
      value: 2.1,
      unit: '个百分点',
      kind: 'pp',
      change: 'up',
      indicator: '居民健康素养水平',
    },
    { anchor: '1家', raw: '1家', value: 1, unit: '家', kind: 'count', target: true, indicator: '标准化卫生院' },
    {
      anchor: '75%',
      raw: '75%',
      value: 75,
      unit: '%',
      kind: 'percent',
      target: true,
      indicator: '家庭医生签约服务覆盖率',
    },
  ];
  it('metrics', () => expectRows(text, rows));
  it('nothing spurious (每千人口, /10万 and 每个乡镇 are not metrics of their own)', () =>
    expectNoSpurious(text, rows));
  it('sections and meta', () => {
    const doc = parse(text);
    expect(outline(doc)).toEqual([
      's1 一、主要工作完成情况 review',
      's1.1 1、医疗服务能力 review',
      's1.2 2、妇幼健康 review',
      's1.3 3、疾病防控 review',
      's2 二、下一步工作思路 plan',
    ]);
    expect(doc.meta).toMatchObject({ organization: 'XX市卫生健康委员会', year: 2023, reportType: 'review+plan' });
  });
});

// ---------------------------------------------------------------------------------------------
describe('统计公报', () => {
  const text = [
    'XX县2023年国民经济和社会发展统计公报',
    '一、综合',
    '年末全县户籍总人口52.36万人，其中城镇人口28.1万人。全年地区生产总值286.5亿元，比上年增长6.2%。',
    '二、农业和工业',
    '全年粮食播种面积42.8万亩，粮食总产量18.6万吨，比上年增加0.8万吨。年末全县共有规模以上工业企业156家。',
    '三、人民生活',
    '城镇居民人均可支配收入45210元，城乡居民收入比2.026，比上年缩小0.05。',
  ].join('\n');
  const rows: Row[] = [
    { anchor: '52.36万人', raw: '52.36万人', value: 523600, unit: '人', kind: 'count', indicator: '户籍总人口' },
    { anchor: '28.1万人', raw: '28.1万人', value: 281000, unit: '人', kind: 'count', indicator: '城镇人口' },
    {
      anchor: '286.5亿元',
      raw: '286.5亿元',
      value: 28650000000,
      unit: '元',
      kind: 'amount',
      indicator: '地区生产总值',
    },
    { anchor: '6.2%', raw: '6.2%', value: 6.2, unit: '%', kind: 'percent', change: 'up', indicator: '地区生产总值' },
    { anchor: '42.8万亩', raw: '42.8万亩', value: 428000, unit: '亩', kind: 'count', indicator: '粮食播种面积' },
    { anchor: '18.6万吨', raw: '18.6万吨', value: 186000, unit: '吨', kind: 'count', indicator: '粮食总产量' },
    {
      anchor: '0.8万吨',
      raw: '0.8万吨',
      value: 8000,
      unit: '吨',
      kind: 'count',
      change: 'up',
      indicator: '粮食总产量',
    },
    { anchor: '156家', raw: '156家', value: 156, unit: '家', kind: 'count', indicator: '规模以上工业企业' },
    { anchor: '45210元', raw: '45210元', value: 45210, unit: '元', kind: 'amount', indicator: '人均可支配收入' },
    { anchor: '2.026', raw: '2.026', value: 2.026, unit: ':1', kind: 'ratio', indicator: '收入比' },
    // the guide: a bare change right after a ratio is the ratio's change
    { anchor: '缩小0.05', raw: '0.05', value: 0.05, unit: ':1', kind: 'ratio', change: 'down' },
  ];
  it('metrics', () => expectRows(text, rows));
  it('nothing spurious', () => expectNoSpurious(text, rows));
  it('period 全年 on the level stated for the whole year', () => {
    const doc = parse(text);
    expect(find(doc, text, '286.5亿元', '286.5亿元')!.period).toBe('全年');
    expect(find(doc, text, '42.8万亩', '42.8万亩')!.period).toBe('全年');
  });
  // fixed: 比上年增长6.2% gets period «上年», the comparison base, instead of the period
  // its sentence states (全年).
  it('比上年增长6.2% / 比上年增加0.8万吨: the period is 全年, not the comparison base 上年', () => {
    const doc = parse(text);
    expect(find(doc, text, '6.2%', '6.2%')!.period).toBe('全年');
    expect(find(doc, text, '0.8万吨', '0.8万吨')!.period).toBe('全年');
  });
});

// ---------------------------------------------------------------------------------------------
describe('traditional characters', () => {
  const text = [
    'XX區民政局2024年工作總結',
    '一、主要工作',
    '本局受理行政復議案件182件，調解率達99.78%。全年發放救助資金1,260.5萬元，惠及困難群眾3200餘戶，新建養老機構床位350張。',
    '二、下一步打算',
    '力爭全區養老機構護理型床位佔比達到60%以上。',
  ].join('\n');
  const rows: Row[] = [
    { anchor: '182件', raw: '182件', value: 182, unit: '件', kind: 'count', indicator: '行政復議' },
    { anchor: '99.78%', raw: '99.78%', value: 99.78, unit: '%', kind: 'percent', indicator: '調解率' },
    { anchor: '1,260.5萬元', raw: '1,260.5萬元', value: 12605000, unit: '元', kind: 'amount', indicator: '救助資金' },
    {
      anchor: '3200餘戶',
      raw: '3200餘戶',
      value: 3200,
      unit: '戶',
      kind: 'count',
      approx: 'more_than',
      indicator: '困難群眾',
    },
    { anchor: '350張', raw: '350張', value: 350, unit: '張', kind: 'count', indicator: '養老機構床位' },
    {
      anchor: '60%',
      raw: '60%',
      value: 60,
      unit: '%',
      kind: 'percent',
      approx: 'more_than',
      target: true,
      indicator: '護理型床位佔比',
    },
  ];
  it('metrics (餘 is 余, 萬 is 万; units kept as written: 戶 張)', () => expectRows(text, rows));
  it('nothing spurious', () => expectNoSpurious(text, rows));
  it('sections and meta', () => {
    const doc = parse(text);
    expect(outline(doc)).toEqual(['s1 一、主要工作 review', 's2 二、下一步打算 plan']);
    expect(doc.meta).toMatchObject({ organization: 'XX區民政局', year: 2024, reportType: 'review+plan' });
  });
  it('traditional section keywords: 工作開展情況 review, 下一步工作計劃 plan', () => {
    const doc = parse('一、工作開展情況\n受理行政復議案件182件。\n二、下一步工作計劃\n力爭辦理案件200件。');
    expect(doc.sections.map((s) => s.kind)).toEqual(['review', 'plan']);
    expect(doc.metrics.map((m) => [m.raw, m.target])).toEqual([
      ['182件', false],
      ['200件', true],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
describe('CRLF line endings with full-width digits and punctuation', () => {
  const text = [
    '一、工作开展情况',
    '（一）法律援助。全年办理法律援助案件１２３件，挽回经济损失３５６．８万元，受援群众满意率１００％。',
    '（二）人民调解。调解纠纷１，２３４件，调解成功率９８．５％。',
    '二、下一步打算',
    '力争法律援助案件达到１５０件。',
    '',
  ].join('\r\n');
  const rows: Row[] = [
    { anchor: '１２３件', raw: '１２３件', value: 123, unit: '件', kind: 'count', indicator: '法律援助案件' },
    {
      anchor: '３５６．８万元',
      raw: '３５６．８万元',
      value: 3568000,
      unit: '元',
      kind: 'amount',
      indicator: '经济损失',
    },
    { anchor: '１００％', raw: '１００％', value: 100, unit: '%', kind: 'percent', indicator: '受援群众满意率' },
    { anchor: '１，２３４件', raw: '１，２３４件', value: 1234, unit: '件', kind: 'count', indicator: '调解纠纷' },
    { anchor: '９８．５％', raw: '９８．５％', value: 98.5, unit: '%', kind: 'percent', indicator: '调解成功率' },
    {
      anchor: '１５０件',
      raw: '１５０件',
      value: 150,
      unit: '件',
      kind: 'count',
      target: true,
      indicator: '法律援助案件',
    },
  ];
  it('metrics: offsets are into the original text, raw as written', () => expectRows(text, rows));
  it('nothing spurious', () => expectNoSpurious(text, rows));
  it('headings: titles carry no \\r, spans end before the line break', () => {
    const doc = parse(text);
    expect(outline(doc)).toEqual([
      's1 一、工作开展情况 review',
      's1.1 （一）法律援助 review',
      's1.2 （二）人民调解 review',
      's2 二、下一步打算 plan',
    ]);
    const [s1, s2] = doc.sections;
    expect(s1.span).toEqual({ start: 0, end: text.indexOf('\r\n二、') });
    expect(s1.children[0].span).toEqual({ start: text.indexOf('（一）'), end: text.indexOf('\r\n（二）') });
    expect(s2.span).toEqual({ start: text.indexOf('二、'), end: text.length - 2 });
    expect(doc.metrics.map((m) => m.sectionId)).toEqual(['s1.1', 's1.1', 's1.1', 's1.2', 's1.2', 's2']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('公安局 half-year summary with inline items', () => {
  const text = [
    '某县公安局2022年上半年工作总结',
    '一是开展夏季治安打击整治行动，出动警力1.2万人次，检查重点场所860家次，整改隐患230处。二是接处警4.5万起，同比增长8%，有效警情1.1万起。',
  ].join('\n');
  const rows: Row[] = [
    { anchor: '1.2万人次', raw: '1.2万人次', value: 12000, unit: '人次', kind: 'count', indicator: '出动警力' },
    // 家次: a per-occasion measure word is one unit, not 家 followed by 次.
    { anchor: '860家次', raw: '860家次', value: 860, unit: '家次', kind: 'count', indicator: '检查重点场所' },
    { anchor: '230处', raw: '230处', value: 230, unit: '处', kind: 'count', indicator: '整改隐患' },
    { anchor: '4.5万起', raw: '4.5万起', value: 45000, unit: '起', kind: 'count', indicator: '接处警' },
    { anchor: '8%', raw: '8%', value: 8, unit: '%', kind: 'percent', change: 'up', indicator: '接处警' },
    { anchor: '1.1万起', raw: '1.1万起', value: 11000, unit: '起', kind: 'count', indicator: '有效警情' },
  ];
  it('metrics', () => expectRows(text, rows));
  it('nothing spurious', () => expectNoSpurious(text, rows));
  it('the inline marker 二是 is not part of an indicator, and 有 of 有效 is not stripped as a verb', () => {
    const doc = parse(text);
    expect(doc.metrics.find((m) => m.raw === '4.5万起')?.indicator).toBe('接处警');
    expect(doc.metrics.find((m) => m.raw === '1.1万起')?.indicator).toBe('有效警情');
  });
});

// ---------------------------------------------------------------------------------------------
describe('人社局 plan with a result of the year before', () => {
  const text = [
    '区人力资源和社会保障局2024年工作计划',
    '一、稳定和扩大就业。全年实现城镇新增就业1.5万人以上，城镇登记失业率控制在3.5%以内。',
    '二、回顾。2023年我局全年新增就业14,562人，完成年度目标的121.4%。',
  ].join('\n');
  const rows: Row[] = [
    {
      anchor: '1.5万人',
      raw: '1.5万人',
      value: 15000,
      unit: '人',
      kind: 'count',
      approx: 'more_than',
      target: true,
      indicator: '城镇新增就业',
    },
    { anchor: '3.5%', raw: '3.5%', value: 3.5, unit: '%', kind: 'percent', target: true, indicator: '城镇登记失业率' },
    // Dated before the year planned: a result, even in a plan.
    { anchor: '14,562人', raw: '14,562人', value: 14562, unit: '人', kind: 'count', indicator: '新增就业' },
    { anchor: '121.4%', raw: '121.4%', value: 121.4, unit: '%', kind: 'percent', indicator: '完成年度目标' },
  ];
  it('metrics', () => expectRows(text, rows));
  it('nothing spurious', () => expectNoSpurious(text, rows));
  it('indicators drop 控制在 and a trailing 的', () => {
    const doc = parse(text);
    expect(doc.metrics.find((m) => m.raw === '3.5%')?.indicator).toBe('城镇登记失业率');
    expect(doc.metrics.find((m) => m.raw === '121.4%')?.indicator).toBe('完成年度目标');
  });
  it('a title naming its body without a place keeps it as written', () => {
    expect(parse(text).meta).toMatchObject({ organization: '区人力资源和社会保障局', year: 2024, reportType: 'plan' });
  });
});

describe('卫生健康局: a bare number before a rate is not its indicator', () => {
  const text = '县卫生健康局2023年工作总结\n全年总诊疗人次186.5万，同比增长6.8%；出院患者4.2万人次。';
  it('总诊疗人次186.5万，同比增长6.8%: indicator 总诊疗人次', () => {
    const doc = parse(text);
    expect(doc.metrics.map((m) => m.raw)).toEqual(['6.8%', '4.2万人次']);
    expect(doc.metrics[0].indicator).toBe('总诊疗人次');
  });
});

describe('司法局: a change stated against last year, and its growth rate', () => {
  const text = '某区司法局2023年工作总结\n全年办理法律援助案件一百二十件，较去年同期增加20件，增幅达15%。';
  const rows: Row[] = [
    { anchor: '一百二十件', raw: '一百二十件', value: 120, unit: '件', kind: 'count', indicator: '法律援助案件' },
    // The comparison frame names nothing: the indicator is the sentence's, and 增加 makes it a change.
    { anchor: '增加20件', raw: '20件', value: 20, unit: '件', kind: 'count', change: 'up', indicator: '法律援助案件' },
    // 增幅达15%: a growth rate linked by 达 is a change too.
    { anchor: '15%', raw: '15%', value: 15, unit: '%', kind: 'percent', change: 'up', indicator: '法律援助案件' },
  ];
  it('metrics', () => expectRows(text, rows));
  it('nothing spurious', () => expectNoSpurious(text, rows));
});

describe('a scraped page: navigation trail, title and fields in the header', () => {
  const text = [
    '首页 > 政务公开 > 规划计划',
    'XX市生态环境局2023年工作总结',
    '发布时间:2024-01-15 09:30 信息来源:市生态环境局 浏览次数:1234',
    '2023年，全市PM2.5平均浓度为32微克/立方米，同比下降5.9%。',
    '二、2024年工作计划',
    '确保PM2.5浓度控制在30微克/立方米以内。',
  ].join('\n');
  it('the trail is not the title; 工作总结 with a plan heading is review+plan', () => {
    const doc = parse(text);
    expect(doc.meta).toMatchObject({
      title: 'XX市生态环境局2023年工作总结',
      organization: 'XX市生态环境局',
      year: 2023,
      reportType: 'review+plan',
      publishedAt: '2024-01-15 09:30',
    });
  });
  it('the review paragraph before the only (plan) heading reports results', () => {
    const doc = parse(text);
    expect(doc.metrics.map((m) => [m.raw, m.target])).toEqual([
      ['32微克/立方米', false],
      ['5.9%', false],
      ['30微克/立方米', true],
    ]);
  });
});

describe('comparisons, benchmarks, rankings and goals met (人社局, 生态环境局, 卫健委 styles)', () => {
  const text = [
    '2021年，全市城镇新增就业50801人，比2019年增长12.15%，完成省民生工程目标任务的130.26%，市民生工程目标任务的127%；失业人员再就业12089人。',
    '城镇登记失业率3.1%，低于省控线0.84个百分点。建筑业增加值增长8%，高于全市GDP增速1.5个百分点。',
    '空气质量综合指数为4.35，同比改善1.8%，综合指数在本市15个区县排名第10位，同比去年后退9位。全区空气质量优良天数达272天，比上年增加29天；群众来访3天内办结。',
    '公立医院综合改革效果评价得分列全省地市第一。全市刑事、治安案件同比分别下降8.37%、28.30%。药品采购成本平均降幅5.6%。',
    '招引8家企业落户，预计年产值4亿元，但3家达到纳统标准的企业年内申报难。统筹部署59项年度重点工作任务。',
  ].join('\n');
  const rows: Row[] = [
    { anchor: '50801人', raw: '50801人', value: 50801, unit: '人', kind: 'count', indicator: '城镇新增就业' },
    {
      anchor: '12.15%',
      raw: '12.15%',
      value: 12.15,
      unit: '%',
      kind: 'percent',
      change: 'up',
      indicator: '城镇新增就业',
    },
    // Measured against a goal: a result, and it does not make the rest of the sentence a goal.
    { anchor: '130.26%', raw: '130.26%', value: 130.26, unit: '%', kind: 'percent', indicator: '目标任务' },
    { anchor: '127%', raw: '127%', value: 127, unit: '%', kind: 'percent', indicator: '目标任务' },
    { anchor: '12089人', raw: '12089人', value: 12089, unit: '人', kind: 'count', indicator: '失业人员再就业' },
    { anchor: '3.1%', raw: '3.1%', value: 3.1, unit: '%', kind: 'percent', indicator: '城镇登记失业率' },
    {
      anchor: '0.84个百分点',
      raw: '0.84个百分点',
      value: 0.84,
      unit: '个百分点',
      kind: 'pp',
      change: 'down',
      indicator: '城镇登记失业率',
    },
    { anchor: '增长8%', raw: '8%', value: 8, unit: '%', kind: 'percent', change: 'up', indicator: '建筑业增加值' },
    {
      anchor: '1.5个百分点',
      raw: '1.5个百分点',
      value: 1.5,
      unit: '个百分点',
      kind: 'pp',
      change: 'up',
      indicator: '建筑业增加值',
    },
    {
      anchor: '改善1.8%',
      raw: '1.8%',
      value: 1.8,
      unit: '%',
      kind: 'percent',
      change: 'up',
      indicator: '空气质量综合指数',
    },
    { anchor: '15个区县', raw: '15个', value: 15, unit: '个', kind: 'count' },
    { anchor: '第10位', raw: '第10位', value: 10, unit: '名次', kind: 'rank', indicator: '综合指数' },
    { anchor: '后退9位', raw: '9位', value: 9, unit: '名次', kind: 'rank', change: 'down', indicator: '综合指数' },
    { anchor: '272天', raw: '272天', value: 272, unit: '天', kind: 'count', indicator: '空气质量优良天数' },
    { anchor: '29天', raw: '29天', value: 29, unit: '天', kind: 'count', change: 'up', indicator: '空气质量优良天数' },
    { anchor: '地市第一', raw: '第一', value: 1, unit: '名次', kind: 'rank', indicator: '公立医院综合改革效果评价' },
    { anchor: '8.37%', raw: '8.37%', value: 8.37, unit: '%', kind: 'percent', change: 'down', indicator: '刑事案件' },
    { anchor: '28.30%', raw: '28.30%', value: 28.3, unit: '%', kind: 'percent', change: 'down', indicator: '治安案件' },
    { anchor: '5.6%', raw: '5.6%', value: 5.6, unit: '%', kind: 'percent', change: 'down', indicator: '药品采购成本' },
    { anchor: '8家', raw: '8家', value: 8, unit: '家', kind: 'count', indicator: '企业' },
    { anchor: '4亿元', raw: '4亿元', value: 400000000, unit: '元', kind: 'amount', target: true, indicator: '年产值' },
    // 但 ends the reach of 预计.
    { anchor: '但3家', raw: '3家', value: 3, unit: '家', kind: 'count' },
    // 年度 before a noun qualifies what is counted; it is not a period.
    { anchor: '59项', raw: '59项', value: 59, unit: '项', kind: 'count', indicator: '年度重点工作任务' },
  ];
  it('metrics', () => expectRows(text, rows));
  // 3天内办结 is a time limit, not days counted.
  it('nothing spurious (3天内, 4.35 without a unit)', () => expectNoSpurious(text, rows));
});

describe('司法局: a ranking scope in brackets, area in ㎡, an expectation stated after the number', () => {
  const text =
    '我区已创成2家省级司法所，数量居全省各县(市、区)第一；各所办公用房面积均达120㎡以上。龙镇村等4个村有望被司法部命名为示范村。';
  const rows: Row[] = [
    { anchor: '2家', raw: '2家', value: 2, unit: '家', kind: 'count', indicator: '省级司法所' },
    // 、 inside (市、区) neither hides the ranking verb 居 nor ends the rank's clause.
    { anchor: '第一', raw: '第一', value: 1, unit: '名次', kind: 'rank', indicator: '数量' },
    {
      anchor: '120㎡',
      raw: '120㎡',
      value: 120,
      unit: '㎡',
      kind: 'count',
      approx: 'more_than',
      indicator: '办公用房面积',
    },
    // 有望 after the count: an expectation, not a result.
    { anchor: '4个村', raw: '4个', value: 4, unit: '个', kind: 'count', target: true, indicator: '村' },
  ];
  it('metrics', () => expectRows(text, rows));
  it('nothing spurious', () => expectNoSpurious(text, rows));
});

describe('司法局: 累计 before a bare verb, a ranking named inside 在…中, a share with nothing named', () => {
  const text =
    '社区矫正对象累计接收568人。在全市综合考核中排名第一。综合指数在本省46个区县排名第31位。其中村(居)调委会280个，占比85.9%。';
  const rows: Row[] = [
    { anchor: '568人', raw: '568人', value: 568, unit: '人', kind: 'count', indicator: '社区矫正对象' },
    { anchor: '排名第一', raw: '第一', value: 1, unit: '名次', kind: 'rank', indicator: '综合考核' },
    { anchor: '46个', raw: '46个', value: 46, unit: '个', kind: 'count' },
    // The places ranked against are a scope, not the indicator.
    { anchor: '第31位', raw: '第31位', value: 31, unit: '名次', kind: 'rank', indicator: '综合指数' },
    { anchor: '280个', raw: '280个', value: 280, unit: '个', kind: 'count', indicator: '调委会' },
    { anchor: '85.9%', raw: '85.9%', value: 85.9, unit: '%', kind: 'percent', indicator: '调委会' },
  ];
  it('metrics', () => expectRows(text, rows));
  it('nothing spurious', () => expectNoSpurious(text, rows));
});

describe('growth rates and management by objectives', () => {
  const text = '受理法律援助案件94件，同比增长率470%。宿松县司法局取得目标管理绩效考核第一名。';
  const rows: Row[] = [
    { anchor: '94件', raw: '94件', value: 94, unit: '件', kind: 'count', indicator: '法律援助案件' },
    // 同比增长率 before the number: a change, and it names nothing of its own.
    { anchor: '470%', raw: '470%', value: 470, unit: '%', kind: 'percent', change: 'up', indicator: '法律援助案件' },
    // 目标管理 is a kind of appraisal, not a goal.
    { anchor: '第一名', raw: '第一名', value: 1, unit: '名次', kind: 'rank', indicator: '目标管理绩效考核' },
  ];
  it('metrics', () => expectRows(text, rows));
  it('nothing spurious', () => expectNoSpurious(text, rows));
});

describe('plans inside a review: auxiliaries, quotas, what is already done, and where a goal stops', () => {
  const text = [
    '主要任务是：计划完成各类水利工程1911件，其中水毁修复64件。全县共完成人工造林17015.5亩(任务14815亩)。拟新建垃圾中转站17座。',
    '今年计划投资800万元，11月份已完成投资640万元。已按计划完成建设项目10个。制定学习计划12项。开展模拟法庭等活动70余场。',
    '预计全年实现财政收入4006万元；固定资产总投资52600万元。确保隐患消除，风险可控；组织开展应急演练9次。',
    '投入1721万元，开展环卫一期工程建设。较全省总体增速高1.87个百分点，人均消费较全省低174.19元。接待游客突破20万人次。保洁标准为8.5元/平方米/年。',
  ].join('\n');
  const rows: Row[] = [
    {
      anchor: '1911件',
      raw: '1911件',
      value: 1911,
      unit: '件',
      kind: 'count',
      target: true,
      indicator: '各类水利工程',
    },
    { anchor: '64件', raw: '64件', value: 64, unit: '件', kind: 'count', target: true, indicator: '水毁修复' },
    { anchor: '17015.5亩', raw: '17015.5亩', value: 17015.5, unit: '亩', kind: 'count', indicator: '人工造林' },
    { anchor: '14815亩', raw: '14815亩', value: 14815, unit: '亩', kind: 'count', target: true },
    { anchor: '17座', raw: '17座', value: 17, unit: '座', kind: 'count', target: true, indicator: '垃圾中转站' },
    { anchor: '800万元', raw: '800万元', value: 8000000, unit: '元', kind: 'amount', target: true },
    { anchor: '640万元', raw: '640万元', value: 6400000, unit: '元', kind: 'amount', indicator: '完成投资' },
    // 按计划: according to plan, done. 学习计划 is a noun; 模拟 holds no 拟.
    { anchor: '10个', raw: '10个', value: 10, unit: '个', kind: 'count', indicator: '建设项目' },
    { anchor: '12项', raw: '12项', value: 12, unit: '项', kind: 'count' },
    { anchor: '70余场', raw: '70余场', value: 70, unit: '场', kind: 'count', approx: 'more_than' },
    // 预计 carries over a ; that follows a number it governs.
    {
      anchor: '4006万元',
      raw: '4006万元',
      value: 40060000,
      unit: '元',
      kind: 'amount',
      target: true,
      indicator: '财政收入',
    },
    {
      anchor: '52600万元',
      raw: '52600万元',
      value: 526000000,
      unit: '元',
      kind: 'amount',
      target: true,
      indicator: '固定资产总投资',
    },
    // …but not over a ; that closes a goal stated without a number.
    { anchor: '9次', raw: '9次', value: 9, unit: '次', kind: 'count', indicator: '应急演练' },
    { anchor: '1721万元', raw: '1721万元', value: 17210000, unit: '元', kind: 'amount', indicator: '环卫一期工程建设' },
    { anchor: '1.87个百分点', raw: '1.87个百分点', value: 1.87, unit: '个百分点', kind: 'pp', change: 'up' },
    {
      anchor: '174.19元',
      raw: '174.19元',
      value: 174.19,
      unit: '元',
      kind: 'amount',
      change: 'down',
      indicator: '人均消费',
    },
    {
      anchor: '20万人次',
      raw: '20万人次',
      value: 200000,
      unit: '人次',
      kind: 'count',
      approx: 'more_than',
      indicator: '接待游客',
    },
    {
      anchor: '8.5元/平方米/年',
      raw: '8.5元/平方米/年',
      value: 8.5,
      unit: '元/平方米/年',
      kind: 'amount',
      indicator: '保洁标准',
    },
  ];
  it('metrics', () => expectRows(text, rows));
  it('nothing spurious', () => expectNoSpurious(text, rows));
});

describe('a sum in 万 with its 元 left out, where the clause names money', () => {
  const text = '累计完成投资920万。招引企业落户，纳税200万。常住人口25.6万。';
  const rows: Row[] = [
    { anchor: '920万', raw: '920万', value: 9200000, unit: '元', kind: 'amount', indicator: '完成投资' },
    { anchor: '200万', raw: '200万', value: 2000000, unit: '元', kind: 'amount', indicator: '纳税' },
    // 人口25.6万 names people, not money: the guide gives it the unit its indicator implies.
    { anchor: '25.6万', raw: '25.6万', value: 256000, unit: '人', kind: 'count', indicator: '常住人口' },
  ];
  it('metrics', () => expectRows(text, rows));
  it('nothing spurious', () => expectNoSpurious(text, rows));
});

describe('traditional characters throughout (a Hong Kong annual report style)', () => {
  const text = [
    '行劫及爆竊案分別下跌22.7%和15.1%。整體罪案率亦下跌1.3%。刑事案件總數比09年下降約7.5%。',
    '樓宇火警召喚較二○二一年上升6.7%(即29 157宗)。三級火警比二○二一年的六宗減少一宗。',
    '破案率為近10年平均破案率的1.65倍。而85%的受訪者表示滿意。補助標準提高幅度達30%。',
  ].join('\n');
  const rows: Row[] = [
    // 分別 and 下跌: a change shared by a pair, named one by one.
    { anchor: '22.7%', raw: '22.7%', value: 22.7, unit: '%', kind: 'percent', change: 'down', indicator: '行劫' },
    { anchor: '15.1%', raw: '15.1%', value: 15.1, unit: '%', kind: 'percent', change: 'down', indicator: '爆竊案' },
    { anchor: '1.3%', raw: '1.3%', value: 1.3, unit: '%', kind: 'percent', change: 'down', indicator: '整體罪案率' },
    // 比09年 and 較二○二一年: comparison bases written with two digits or Chinese digits name nothing.
    {
      anchor: '7.5%',
      raw: '7.5%',
      value: 7.5,
      unit: '%',
      kind: 'percent',
      approx: 'about',
      change: 'down',
      indicator: '刑事案件總數',
    },
    { anchor: '6.7%', raw: '6.7%', value: 6.7, unit: '%', kind: 'percent', change: 'up', indicator: '樓宇火警召喚' },
    { anchor: '29 157宗', raw: '29 157宗', value: 29157, unit: '宗', kind: 'count', indicator: '樓宇火警召喚' },
    { anchor: '六宗', raw: '六宗', value: 6, unit: '宗', kind: 'count', indicator: '三級火警' },
    // 一 after a change verb counts.
    { anchor: '減少一宗', raw: '一宗', value: 1, unit: '宗', kind: 'count', change: 'down', indicator: '三級火警' },
    { anchor: '1.65倍', raw: '1.65倍', value: 1.65, unit: '倍', kind: 'ratio' },
    { anchor: '85%', raw: '85%', value: 85, unit: '%', kind: 'percent', indicator: '受訪者' },
    { anchor: '30%', raw: '30%', value: 30, unit: '%', kind: 'percent', change: 'up', indicator: '補助標準' },
  ];
  it('metrics', () => expectRows(text, rows));
  it('nothing spurious', () => expectNoSpurious(text, rows));
});

describe('sentence-level inheritance: growth of a sum, bracketed benchmarks, adjacent counts', () => {
  const text = [
    '全州地方一般公共预算收入累计完成455,490万元，完成预算的57.8%，增长19.9%，高于全省平均增幅(11%)8.9个百分点。',
    '调解率99%，同比提高2个百分点，纠纷同比减少23件。全市14035户25559人享受城乡低保。',
  ].join('\n');
  const rows: Row[] = [
    {
      anchor: '455,490万元',
      raw: '455,490万元',
      value: 4554900000,
      unit: '元',
      kind: 'amount',
      indicator: '地方一般公共预算收入',
    },
    { anchor: '57.8%', raw: '57.8%', value: 57.8, unit: '%', kind: 'percent', indicator: '完成预算' },
    // A growth rate with nothing of its own grows what the sentence last summed, not the share before it.
    {
      anchor: '19.9%',
      raw: '19.9%',
      value: 19.9,
      unit: '%',
      kind: 'percent',
      change: 'up',
      indicator: '地方一般公共预算收入',
    },
    // A bracketed figure is the benchmark's own level, not a difference.
    { anchor: '(11%)', raw: '11%', value: 11, unit: '%', kind: 'percent', indicator: '全省平均增幅' },
    { anchor: '8.9个百分点', raw: '8.9个百分点', value: 8.9, unit: '个百分点', kind: 'pp' },
    { anchor: '99%', raw: '99%', value: 99, unit: '%', kind: 'percent', indicator: '调解率' },
    // 同比提高: 提高 is the change, not a comparison ending in 高.
    {
      anchor: '2个百分点',
      raw: '2个百分点',
      value: 2,
      unit: '个百分点',
      kind: 'pp',
      change: 'up',
      indicator: '调解率',
    },
    { anchor: '23件', raw: '23件', value: 23, unit: '件', kind: 'count', change: 'down', indicator: '纠纷' },
    // 14035户25559人: written against each other, both count who receives 城乡低保.
    { anchor: '14035户', raw: '14035户', value: 14035, unit: '户', kind: 'count', indicator: '享受城乡低保' },
    { anchor: '25559人', raw: '25559人', value: 25559, unit: '人', kind: 'count', indicator: '享受城乡低保' },
  ];
  it('metrics', () => expectRows(text, rows));
  it('nothing spurious', () => expectNoSpurious(text, rows));
});

describe('lower bounds written before the number', () => {
  const text = '开展普法活动不少于50场，群众满意率不低于95%，接待群众至少300人次。';
  const rows: Row[] = [
    { anchor: '50场', raw: '50场', value: 50, unit: '场', kind: 'count', approx: 'more_than', indicator: '普法活动' },
    { anchor: '95%', raw: '95%', value: 95, unit: '%', kind: 'percent', approx: 'more_than', indicator: '群众满意率' },
    {
      anchor: '300人次',
      raw: '300人次',
      value: 300,
      unit: '人次',
      kind: 'count',
      approx: 'more_than',
      indicator: '接待群众',
    },
  ];
  it('metrics', () => expectRows(text, rows));
  it('nothing spurious', () => expectNoSpurious(text, rows));
});

describe('pairs with spaces, per-units on counts, start-of-period phrases', () => {
  const text = '补助标准提高幅度分别达30%和 20%。食品抽检5批次/千人以上。从7月份开始，为243户发放救助金。';
  const rows: Row[] = [
    { anchor: '30%', raw: '30%', value: 30, unit: '%', kind: 'percent', change: 'up', indicator: '补助标准' },
    // 和 with a space after it still joins a pair: the change is shared.
    { anchor: '20%', raw: '20%', value: 20, unit: '%', kind: 'percent', change: 'up', indicator: '补助标准' },
    {
      anchor: '5批次/千人',
      raw: '5批次/千人',
      value: 5,
      unit: '批次/千人',
      kind: 'count',
      approx: 'more_than',
      indicator: '食品抽检',
    },
    // 从7月份开始 is when, not what.
    { anchor: '243户', raw: '243户', value: 243, unit: '户', kind: 'count', indicator: '救助金' },
  ];
  it('metrics', () => expectRows(text, rows));
  it('nothing spurious', () => expectNoSpurious(text, rows));
});

describe('信访 and 民政 forms: 件人次, a year-on-year frame with 与, sums with 元 left out, ranks in a row', () => {
  const text =
    '到省信访局信访量13件人次，与上年同期上升200%。挽回经济损失900余万。支出低保金3347万，月人均300元。在法治政府评估中排名全省第一全国第四。优选2个综合地区。';
  const rows: Row[] = [
    { anchor: '13件人次', raw: '13件人次', value: 13, unit: '件人次', kind: 'count', indicator: '信访量' },
    { anchor: '200%', raw: '200%', value: 200, unit: '%', kind: 'percent', change: 'up', indicator: '信访量' },
    {
      anchor: '900余万',
      raw: '900余万',
      value: 9000000,
      unit: '元',
      kind: 'amount',
      approx: 'more_than',
      indicator: '挽回经济损失',
    },
    { anchor: '3347万', raw: '3347万', value: 33470000, unit: '元', kind: 'amount', indicator: '低保金' },
    { anchor: '300元', raw: '300元', value: 300, unit: '元', kind: 'amount', indicator: '人均' },
    { anchor: '全省第一', raw: '第一', value: 1, unit: '名次', kind: 'rank', indicator: '法治政府评估' },
    { anchor: '全国第四', raw: '第四', value: 4, unit: '名次', kind: 'rank', indicator: '法治政府评估' },
    { anchor: '2个', raw: '2个', value: 2, unit: '个', kind: 'count', indicator: '综合地区' },
  ];
  it('metrics', () => expectRows(text, rows));
  it('nothing spurious', () => expectNoSpurious(text, rows));
});

describe('a place that ranks, and the ranking named inside 在…中', () => {
  const text = '荔湾区在2023年度法治广州建设考评中排名第三，获评优秀等次。';
  it('荔湾区在2023年度法治广州建设考评中排名第三: indicator 法治广州建设考评', () => {
    const doc = parse(text);
    expect(doc.metrics.map((m) => [m.raw, m.kind, m.indicator])).toEqual([['第三', 'rank', '法治广州建设考评']]);
  });
});
