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
  it('the rate a requirement sets is a goal; the result beside it and a count after 标准的 are not', () => {
    expectAll('全县常规免疫疫苗接种率95.47%，达到国家要求的90%以上。严格执行收费标准的3家企业均已整改。', [
      ['95.47%', '95.47%', { target: false }],
      ['要求的90%', '90%', { target: true }],
      ['3家', '3家', { target: false }],
    ]);
  });
  it('较…目标 is the benchmark of a comparison: a change, not a goal', () => {
    expectAll('城市生活垃圾无害化处理率98.4%，较省定目标高出3.4个百分点。', [
      ['3.4个百分点', '3.4个百分点', { target: false, change: 'up', indicator: '城市生活垃圾无害化处理率' }],
    ]);
  });
  it('需 states a need clause by clause, and 需 + verb before who is in need names a category', () => {
    expectAll(
      '今年全区受洪涝影响群众2.6万人,其中因灾需转移安置人员3200人;倒塌房屋41间。' +
        '乡镇需筹集配套资金0.3亿元,已拨付0.2亿元,新建堤防12公里。',
      [
        ['2.6万人', '2.6万人', { target: false }],
        ['3200人', '3200人', { target: false }],
        ['41间', '41间', { target: false }],
        ['0.3亿元', '0.3亿元', { target: true }],
        ['0.2亿元', '0.2亿元', { target: false }],
        ['12公里', '12公里', { target: false }],
      ],
    );
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
        ['500人次', '500人次', { target: true, indicator: '培训农民工' }],
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

describe('the noun counted, behind a modifier or named by the predicate', () => {
  it('past a relative clause in 的, a bracket, Latin letters with 涉, and a verb leading to a head noun', () => {
    expectAll(
      '全年查处五起涉及无证经营的违法案件，组织两次整治噪声扰民的专项行动，' +
        '抽查8家涉NOx排放企业，把16个社区(村)卫生室改造项目列入计划，印发7期“0571”风险提示单。',
      [
        ['五起', '五起', { indicator: '违法案件' }],
        ['两次', '两次', { indicator: '专项行动' }],
        ['8家', '8家', { indicator: '涉NOx排放企业' }],
        ['16个', '16个', { indicator: '卫生室改造项目' }],
        ['7期', '7期', { indicator: '印发' }],
      ],
    );
  });
  it('a bracket after the noun stays with it: 11个村(居)', () => {
    expectAll('走访11个村(居)、5个企业。', [['11个', '11个', { indicator: '村(居)' }]]);
  });
  it('nouns coordinated by 和 with no number after are one phrase', () => {
    expectAll('完成412人执法证和检查证年检。', [['412人', '412人', { indicator: '执法证和检查证年检' }]]);
  });
  it('被评为 names the category; a state reached with 已 names which are counted', () => {
    expectAll('全县4所学校被评为省级文明校园。全镇重点项目共12个，其中9个项目已全面竣工。', [
      ['4所', '4所', { indicator: '省级文明校园' }],
      ['9个', '9个', { indicator: '已全面竣工' }],
    ]);
  });
  it('a share names what it is of by its predicate: 100%接入, N%认为…, N%的X予以Y', () => {
    expectAll(
      '全区35家养老机构100%接入消防物联网。问卷结果表明，参与调查的居民中，88%认为社区环境明显改善。30%的申请事项实行告知承诺。',
      [
        ['100%', '100%', { indicator: '接入消防物联网' }],
        ['88%', '88%', { indicator: '认为社区环境明显改善' }],
        ['30%', '30%', { indicator: '申请事项实行告知承诺' }],
      ],
    );
  });
});

describe('分别 and the list it distributes', () => {
  it('the list stands in the clause before 分别', () => {
    expectAll('今年投诉主要涉及物业管理、噪声污染、占道经营等问题，分别占投诉总数的31.2%、22.5%、9.8%。', [
      ['31.2%', '31.2%', { indicator: '物业管理' }],
      ['22.5%', '22.5%', { indicator: '噪声污染' }],
      ['9.8%', '9.8%', { indicator: '占道经营' }],
    ]);
  });
  it('a comparison frame between the list and 分别 is skipped', () => {
    expectAll('全县交通事故起数、受伤人数，与去年同期相比分别下降12.4%和8.6%。', [
      ['12.4%', '12.4%', { indicator: '交通事故起数', change: 'down' }],
      ['8.6%', '8.6%', { indicator: '受伤人数', change: 'down' }],
    ]);
  });
  it('elliptical coordination: the short names get the whole coordination, or the head they share', () => {
    expectAll(
      '城区、郊区供水管网漏损率分别下降0.8和1.1个百分点。盗窃类、诈骗类、电信网络诈骗类警情分别下降9%、7%、5%。' +
        '城市、农村常住居民家庭人均医疗保健支出占消费支出的比重分别提高0.4和0.6个百分点。',
      [
        ['0.8', '0.8', { indicator: '城区、郊区供水管网漏损率', change: 'down' }],
        ['1.1个百分点', '1.1个百分点', { indicator: '郊区供水管网漏损率' }],
        ['9%', '9%', { indicator: '盗窃类、诈骗类、电信网络诈骗类警情' }],
        ['0.4', '0.4', { indicator: '城市常住居民家庭人均医疗保健支出占消费支出的比重', change: 'up' }],
      ],
    );
  });
  it('with no list named, the figures stated just before are listed; a comma lists after 分别', () => {
    expectAll('全年发生火灾事故23起，受伤4人，较上年分别下降8%，20%。', [
      ['8%', '8%', { indicator: '火灾事故', change: 'down' }],
      ['20%', '20%', { indicator: '受伤', change: 'down' }],
    ]);
  });
  it('a list may change unit on the way; names go by position', () => {
    expectAll('二氧化氮、臭氧、一氧化碳平均浓度分别为21微克/立方米、96微克/立方米、0.9毫克/立方米。', [
      ['21微克/立方米', '21微克/立方米', { indicator: '二氧化氮' }],
      ['96微克/立方米', '96微克/立方米', { indicator: '臭氧' }],
      ['0.9毫克/立方米', '0.9毫克/立方米', { indicator: '一氧化碳' }],
    ]);
  });
});

describe('a metric with no phrase of its own is not named after the metric before it', () => {
  it('the phrase before a bracket gloss: 含…, 按…计, and a short gloss kept with its name', () => {
    expectAll(
      '全年办结行政复议案件64件，其中纠正(含撤销、变更)9件。新建村级幸福院(站)7个。全市入室盗窃发案率(按每万户计)下降6.2%。' +
        '全县完成地区生产总值(GDP)128.5亿元。',
      [
        ['9件', '9件', { indicator: '纠正' }],
        ['7个', '7个', { indicator: '村级幸福院(站)' }],
        ['6.2%', '6.2%', { indicator: '入室盗窃发案率', change: 'down' }],
        ['128.5亿元', '128.5亿元', { indicator: '地区生产总值' }],
      ],
    );
  });
  it('a gloss listing inclusions leaves the name before it even when a noun follows the bracket', () => {
    expectAll('依法撤销(含确认违法)行政行为11件。', [['11件', '11件', { indicator: '依法撤销' }]]);
  });
  it('a total (共计, 合计) names what the first clause of its sentence names', () => {
    expectAll('新增省级示范社区3个，市级示范社区8个，共计11个。', [
      ['11个', '11个', { indicator: '新增省级示范社区' }],
    ]);
  });
  it('a rate with nothing before it takes the rate term of the clause before', () => {
    expectAll('全年接到群众求助210件，其中涉及邻里纠纷的求助为120件，占求助总数比重最高，为57.1%。', [
      ['57.1%', '57.1%', { indicator: '占求助总数比重' }],
    ]);
  });
  it('a share is named subject+占+base, its 的比重 left out', () => {
    expectAll('服务业增加值占全县生产总值的比重为48.6%。', [
      ['48.6%', '48.6%', { indicator: '服务业增加值占全县生产总值' }],
      ['48.6%', '48.6%', { indicator: '服务业增加值' }],
    ]);
  });
});

describe('a bare 新增 or 增速 names what the figure before it counts', () => {
  it('新增 in the unit of the count before it; 新增就业 names its own', () => {
    expectAll('全县农民合作社769个，新增6个；家庭农场472家，新增8家。全年新增就业1200人，新增6个。', [
      ['新增6个；', '6个', { indicator: '农民合作社' }],
      ['8家', '8家', { indicator: '家庭农场' }],
      ['1200人', '1200人', { indicator: '新增就业' }],
      ['新增6个。', '6个', { indicator: '新增' }],
    ]);
  });
});

describe('a figure whose own words name nothing takes the thing the figure before it counts', () => {
  it('a one-character verb between two figures, a bare measure noun, an action repeated with 累计', () => {
    expectAll(
      '全年办理行政执法案件26起(简易案件12起罚1300元、一般案件3起罚2700元)。拆除违法建设31处、面积1367平方米。' +
        '新增发放优待证1057张,累计发放22800张。',
      [
        ['12起', '12起', { indicator: '简易案件' }],
        ['1300元', '1300元', { indicator: '简易案件' }],
        ['2700元', '2700元', { indicator: '一般案件' }],
        ['1367平方米', '1367平方米', { indicator: '拆除违法建设' }],
        ['22800张', '22800张', { indicator: '优待证' }],
      ],
    );
  });
  it('not a noun the figure counts, nor a second measure of what was counted, nor an action not repeated', () => {
    expectAll(
      '全镇共有12个镇、4个乡。调解纠纷2571宗,涉及人数9501人,涉及金额7377.98万元。收到复议申请8件,受理前调撤1件,受理7件。',
      [
        ['4个乡', '4个', { indicator: '乡' }],
        ['7377.98万元', '7377.98万元', { indicator: '金额' }],
        ['受理7件', '7件', { indicator: '受理' }],
      ],
    );
  });
});

describe('ranks without a ranking verb, in lists, in brackets and from the bottom', () => {
  it('what stands before the scope names the rank; a later rank of the same kind shares it', () => {
    expectAll('全年实现农业增加值3.3亿元，增长4.1%，增速全市第3名，预计全省丘陵县第15名。', [
      ['第3名', '第3名', { indicator: '增速' }],
      ['第15名', '第15名', { indicator: '增速', target: true }],
    ]);
  });
  it('with no subject before the ranking verb, what follows its scope is ranked', () => {
    expectAll('入选全国县域旅游百强，位列全国百强县文旅融合指数第7。', [['第7', '第7', { indicator: '文旅融合指数' }]]);
  });
  it('a rank in brackets right after a figure ranks what that figure measures', () => {
    expectAll('农村居民人均可支配收入19870元，增长6.6%(全市排名第4名)。', [
      ['第4名', '第4名', { indicator: '农村居民人均可支配收入' }],
    ]);
  });
  it('a list of ranks: each item names its own', () => {
    expectAll('位列全省县域综合实力第8、生态环境质量第2、数字经济第11。', [
      ['第2', '第2', { indicator: '生态环境质量' }],
      ['第11', '第11', { indicator: '数字经济' }],
    ]);
  });
  it('a rank with no words of its own ranks the figure ending the clause before it, in its item of a ;-list', () => {
    expectAll(
      '规上工业增加值增速5.2%，全市排名第11位；固定资产投资总额56.4亿元，全市排名第7位，增速-4.7%；' +
        '社会消费品零售总额29.8亿元，全市排名第3位，增速-6.3%。',
      [
        ['第11位', '第11位', { indicator: '规上工业增加值增速' }],
        ['第7位', '第7位', { indicator: '固定资产投资总额' }],
        ['增速-4.7%', '-4.7%', { indicator: '固定资产投资总额' }],
        ['第3位', '第3位', { indicator: '社会消费品零售总额' }],
        ['增速-6.3%', '-6.3%', { indicator: '社会消费品零售总额' }],
      ],
    );
  });
  it('a rank after a growth rate named only 增速 ranks the rate; a negative rise falls', () => {
    expectAll('固定资产投资总额56.4亿元，全市排名第7位，增速-4.7%，全市排名第12位。', [
      ['第7位', '第7位', { indicator: '固定资产投资总额' }],
      ['-4.7%', '-4.7%', { indicator: '固定资产投资总额', change: 'down' }],
      ['第12位', '第12位', { indicator: '增速' }],
    ]);
  });
  it('倒数第N is a rank from the bottom: raw 倒数第N, value −N; a body ranked is not what is ranked', () => {
    const doc = expectAll('在全市营商环境评价中，市局列全市倒数第三。', [
      ['倒数第三', '倒数第三', { indicator: '营商环境评价', value: -3 }],
    ]);
    expect(doc.metrics.map((m) => [m.raw, m.kind, m.unit])).toEqual([['倒数第三', 'rank', '名次']]);
  });
});

describe('change direction', () => {
  it('an amount right after a benchmark is the gap, up or down; after 的 it may be the benchmark’s own', () => {
    expectAll('人均地区生产总值99359元，高于全市平均水平12645元。补助标准高于省定标准的500元。', [
      ['99359元', '99359元', { change: null }],
      ['12645元', '12645元', { change: 'up' }],
      ['500元', '500元', { change: null }],
    ]);
  });
  it('改善 of an index or a concentration is a fall; of anything else a rise', () => {
    expectAll('全市水质综合指数同比改善4.2%，二氧化氮浓度改善7.5%，群众满意度同比改善1.3%。', [
      ['4.2%', '4.2%', { change: 'down', indicator: '水质综合指数' }],
      ['7.5%', '7.5%', { change: 'down', indicator: '二氧化氮浓度' }],
      ['1.3%', '1.3%', { change: 'up' }],
    ]);
  });
  it('压减 is a fall, and names nothing', () => {
    expectAll('全年发文数量压减18%。', [['18%', '18%', { change: 'down', indicator: '发文数量' }]]);
  });
  it('a change verb covers the figure after 或, whatever its unit', () => {
    expectAll('全年涉毒案件小幅下降3.4%或21宗。', [
      ['3.4%', '3.4%', { change: 'down', indicator: '涉毒案件' }],
      ['21宗', '21宗', { change: 'down', indicator: '涉毒案件' }],
    ]);
  });
});

describe('indicator invariants', () => {
  it('the indicator is its span text exactly: a full-width space inside it stays', () => {
    const text = review('全年接待来访　群众320人次。');
    const m = parse(text).metrics[0];
    expect(m.indicator).not.toBeNull();
    expect(text.slice(m.indicatorSpan!.start, m.indicatorSpan!.end)).toBe(m.indicator);
    expect(m.indicator).toContain('群众');
  });
  it('a long phrase is cut to 16 characters, keeping its end', () => {
    const text = review('城镇和农村常住居民家庭人均生活消费支出占可支配收入的比重分别下降0.6和0.9个百分点。');
    for (const m of parse(text).metrics) {
      expect(m.indicator!.length).toBeLessThanOrEqual(16);
      expect(text.slice(m.indicatorSpan!.start, m.indicatorSpan!.end)).toBe(m.indicator);
    }
  });
  it('metric spans never overlap: a rank after a slash is not part of the unit before it', () => {
    const text = review('全县油茶种植面积达5万多亩/全省第一。');
    const doc = parse(text);
    expect(doc.metrics.map((m) => [m.raw, m.unit])).toEqual([
      ['5万多亩', '亩'],
      ['第一', '名次'],
    ]);
  });
});

describe('a bare 占 and the whole it measures against', () => {
  it('the whole the sentence opens with, or the total its 其中 parts; with neither it stays', () => {
    expectAll(
      '全县常住人口中，男性人口28.07万人，占50.79%。全年受理案件120件，其中调解结案80件，占66.7%。办结60件，占50%。',
      [
        ['占50.79%', '50.79%', { indicator: '全县常住人口' }],
        ['占66.7%', '66.7%', { indicator: '受理案件' }],
        ['占50%', '50%', { indicator: '占' }],
      ],
    );
  });
});

describe('a figure that is not a metric between a name and its change', () => {
  it('a bracket closing before a bare index glosses the name before it (居民消费价格指数(CPI)101.2)', () => {
    expectAll('全年居民消费价格指数(CPI)101.2，比上年上涨1.2%。', [
      ['1.2%', '1.2%', { indicator: '居民消费价格指数', change: 'up' }],
    ]);
  });
});

describe('comparison frames and named rates', () => {
  it('a frame against a year end (比上年末, 相比2022年末) names nothing; 比上年新增 is a change', () => {
    expectAll(
      '年末户籍人口41.2万人，比上年末减少0.3万人。全区共有托育机构58家，相比2022年末增加9家。全县常住人口12.4万人，比上年新增820人。',
      [
        ['0.3万人', '0.3万人', { indicator: '户籍人口', change: 'down' }],
        ['9家', '9家', { indicator: '托育机构', change: 'up' }],
        ['820人', '820人', { indicator: '常住人口', change: 'up' }],
      ],
    );
  });
  it('a rate named 增长率 is a level unless a comparison precedes it', () => {
    expectAll('全县人口自然增长率1.8‰。网上办件量同比增长率35%。', [
      ['1.8‰', '1.8‰', { indicator: '人口自然增长率', change: null }],
      ['35%', '35%', { change: 'up' }],
    ]);
  });
  it('a benchmark figure, then a bare direction: the rate of the clause before', () => {
    expectAll('城镇调查失业率控制在4.6%，比省控目标5.5%低0.9个百分点。', [
      ['0.9个百分点', '0.9个百分点', { indicator: '城镇调查失业率', change: 'down', target: false }],
      ['5.5%', '5.5%', { target: true }],
    ]);
  });
  it('a base figure inside a comparison measures what the clause measures', () => {
    expectAll(
      '二氧化硫平均浓度为9微克/立方米，较上年同期12微克/立方米下降25%；优良天数比例为88.1%，总体较上年同期86.3%上升1.8个百分点。',
      [
        ['12微克/立方米', '12微克/立方米', { indicator: '二氧化硫平均浓度' }],
        ['86.3%', '86.3%', { indicator: '优良天数比例' }],
        ['1.8个百分点', '1.8个百分点', { indicator: '优良天数比例', change: 'up' }],
      ],
    );
  });
});
