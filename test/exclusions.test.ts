// Everything GUIDE.md excludes yields no metric: years, months, dates, times and periods; ordinals
// naming a batch, meeting or session; enumerations and headings; numbers inside names, slogans and
// fixed phrases; identifiers; 一个/一次 as an article; a bare number with no unit. Each case puts the
// excluded phrase in a sentence beside a genuine metric (when there is one) and asserts the exact
// list of metrics, so a parser that extracts nothing at all cannot pass.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../src/index.js';
import type { ReportDocument } from '../src/index.js';

const review = (body: string) => `一、工作开展情况\n${body}\n`;

function parse(text: string): ReportDocument {
  const doc = parseReport(text);
  for (const m of doc.metrics) expect(text.slice(m.span.start, m.span.end), `span of ${m.id}`).toBe(m.raw);
  return doc;
}

/** [excluded phrase, sentence containing it, the metrics (raw) the sentence does have] */
type Case = [string, string, string[]];

function expectExcluded([phrase, sentence, metrics]: Case) {
  const text = review(sentence);
  const doc = parse(text);
  const at = text.indexOf(phrase);
  expect(at, `«${phrase}» not in the sentence`).toBeGreaterThanOrEqual(0);
  const overlapping = doc.metrics.filter((m) => m.span.start < at + phrase.length && m.span.end > at);
  expect(
    overlapping.map((m) => m.raw),
    `metric taken from «${phrase}»`,
  ).toEqual([]);
  expect(doc.metrics.map((m) => m.raw)).toEqual(metrics);
}

describe('years, months, dates, times, periods', () => {
  const cases: Case[] = [
    ['2024年', '2024年共办理各类案件182件。', ['182件']],
    ['3月', '3月，召开全县司法行政工作推进会2次。', ['2次']],
    ['9月底', '截至9月底，累计调解矛盾纠纷356件。', ['356件']],
    ['1-9月', '1-9月，受理法律援助案件156件。', ['156件']],
    ['2023-05-12 11:37', '发布时间：2023-05-12 11:37，信息来源：县司法局。', []],
    ['(2023—2025年)', '印发《法治政府建设实施方案(2023—2025年)》。', []],
    ['75周年', '开展庆祝新中国成立75周年主题普法活动6场。', ['6场']],
    ['24 小时', '开通24 小时法律服务热线，接听来电1200个。', ['1200个']],
    ['2个工作日内', '对符合条件的申请在2个工作日内办结，全年办结38件。', ['38件']],
  ];
  it.each(cases)('%s', (...c) => expectExcluded(c));
});

describe('ordinals naming a batch, meeting or session', () => {
  const cases: Case[] = [
    ['第二批', '招聘第二批16名专职人民调解员。', ['16名']],
    ['第四次全体会议', '传达学习市委第四次全体会议精神。', []],
    ['第九批', '公布第九批法治宣传教育示范基地名单。', []],
    ['二十届三中全会', '组织学习二十届三中全会精神专题培训5场。', ['5场']],
    ['第一议题', '严格落实第一议题制度，开展集中学习24次。', ['24次']],
    ['第一道防线', '筑牢矛盾纠纷化解第一道防线。', []],
    ['二届六次全会', '认真传达县委二届六次全会精神。', []],
  ];
  it.each(cases)('%s', (...c) => expectExcluded(c));
});

describe('enumerations and headings', () => {
  it('一、 (一) 1. (1) ① 一是 are headings, not metrics', () => {
    const text =
      '一、工作开展情况\n（一）强化学习\n1.加强培训\n(1)组织学习\n①专题学习\n一是开展学习12次。二是建立制度。';
    const doc = parse(text);
    expect(doc.metrics.map((m) => m.raw)).toEqual(['12次']);
  });
});

describe('numbers inside names, slogans and fixed phrases', () => {
  const cases: Case[] = [
    ['十四五', '围绕十四五规划完成重点项目8个。', ['8个']],
    ['八五普法', '深化八五普法，开展宣传活动120场。', ['120场']],
    ['“三清单”', '落实“三清单”制度，梳理事项230项。', ['230项']],
    ['“四个意识”', '增强“四个意识”、坚定“四个自信”、做到“两个维护”。', []],
    ['两个维护', '坚决做到两个维护。', []],
    ['一岗双责', '严格落实一岗双责。', []],
    ['一企一警', '推行一企一警机制，覆盖企业56家。', ['56家']],
    ['五措并举', '坚持五措并举，推进矛盾纠纷化解。', []],
    ['一规划两方案', '编制一规划两方案。', []],
    ['5+2就业之家', '建成5+2就业之家3个。', ['3个']],
    ['1+2+X', '构建1+2+X调解工作模式。', []],
    ['12348法网', '依托12348法网解答法律咨询860次。', ['860次']],
    ['12345政务热线', '办理12345政务热线工单420件。', ['420件']],
    ['“四率”', '“四率”均达100%。', ['100%']],
    ['A证', '新增取得A证人员15名。', ['15名']],
    ['五大职能', '扎实履行“一个统抓、五大职能”。', []],
    ['两条底线', '守住不发生规模性返贫两条底线，帮扶脱贫户1200户。', ['1200户']],
    // A project's phase is a name; sessions held are a count.
    ['二期', '福利中心二期完成部分装修，举办培训班三期。', ['三期']],
    ['(二期)', '推进公墓新建项目(二期)，新增床位80张。', ['80张']],
    ['二期', '养老服务中心二期专项债项目落地。', []],
    // A page's own furniture and a programme's name.
    ['精选5篇', '法律援助总结(精选5篇)。全年受理案件232件。', ['232件']],
    ['8篇(第6/7页)', '司法局2023年度工作总结-8篇(第6/7页)。', []],
    ['10件实事', '将法律援助列为为民办10件实事项目。', []],
    ['4篇', '林业工作总结范文(4篇)。造林1200亩。', ['1200亩']],
    ['5篇', '交通运输局2018年工作总结5篇【篇一】。', []],
    ['七次', '推动市委审计委员会第六、七次会议顺利召开，全年召开会议7次。', ['7次']],
    ['第一位', '把尽职尽责摆在工作的第一位。', []],
    ['三大产业', '三大产业凸显特色。', []],
    ['38度', '夏季气温38度，年发电量3.4亿度。', ['3.4亿度']],
  ];
  it.each(cases)('%s', (...c) => expectExcluded(c));
});

describe('identifiers', () => {
  const cases: Case[] = [
    ['0795-1234567', '法律咨询电话：0795-1234567。', []],
    ['〔2024〕12号', '根据《关于印发工作要点的通知》（赣司字〔2024〕12号）要求，开展专项检查3次。', ['3次']],
    ['人民路128号', '办公地址：人民路128号。', []],
  ];
  it.each(cases)('%s', (...c) => expectExcluded(c));
});

describe('articles and bare numbers', () => {
  const cases: Case[] = [
    ['一个', '打造一个综合性公共法律服务中心。', []],
    ['一次', '深入推进最多跑一次改革。', []],
    ['4.74', '区域法治建设综合指数4.74。', []],
    ['二等奖', '获评全省法治宣传优秀案例二等奖。', []],
  ];
  it.each(cases)('%s', (...c) => expectExcluded(c));

  it('but 收入比2.026 is a ratio', () => {
    const text = review('城乡居民收入比2.026。');
    const doc = parse(text);
    expect(doc.metrics.map((m) => [m.raw, m.value, m.unit, m.kind])).toEqual([['2.026', 2.026, ':1', 'ratio']]);
  });
  it('and 各打造一个…中心 (one each) is a count, not an article', () => {
    const text = review('在三个片区各打造一个法治保障中心。');
    const doc = parse(text);
    expect(doc.metrics.map((m) => [m.raw, m.value, m.unit, m.kind])).toEqual([
      ['三个', 3, '个', 'count'],
      ['一个', 1, '个', 'count'],
    ]);
  });
});

describe('a dense paragraph: only the real metrics', () => {
  it('exclusions and metrics mixed in one paragraph', () => {
    const text = review(
      '2024年，我局深入学习贯彻二十届三中全会精神，严格落实第一议题制度，围绕十四五规划和八五普法，' +
        '全年办理法律援助案件156件，其中1-9月办理120件，调解成功率99.78%，群众满意率100％，' +
        '招聘第二批16名专职人民调解员，依托12348法网解答咨询860次，做到两个维护、落实一岗双责。',
    );
    const doc = parse(text);
    expect(doc.metrics.map((m) => m.raw)).toEqual(['156件', '120件', '99.78%', '100％', '16名', '860次']);
  });
});

describe('defects found and fixed (regression tests)', () => {
  const text = review('对照《法治政府建设实施纲要(2023—2025年)》梳理年度任务45项。');
  // fixed: the indicator starts with the closing title bracket (》梳理年度任务); an
  // indicator is a phrase verbatim from the text, not a fragment with punctuation.
  it('an indicator carries no punctuation from a document title (》)', () => {
    const doc = parse(text);
    const m = doc.metrics.find((x) => x.raw === '45项');
    expect(m).toBeDefined();
    expect(m!.indicator).not.toMatch(/[《》()（）“”、，。]/);
  });
  // fixed: period is read from inside a document title ((2023—2025年) → 2025年); the
  // sentence itself states no period.
  it('a year inside a document title is not the sentence period', () => {
    const doc = parse(text);
    const m = doc.metrics.find((x) => x.raw === '45项');
    expect(m).toBeDefined();
    expect(m!.period).toBeNull();
  });
});
