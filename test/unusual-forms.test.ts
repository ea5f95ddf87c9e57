// Quantities written in unusual forms (issue 11, class 6 and the bulletins' forms), and numbers that
// look like quantities but name a package, a rate's base or a structure (class 7). One rule a test;
// the sentences are our own.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../src/index.js';

const metrics = (text: string) =>
  parseReport(text).metrics.map((m) => ({
    raw: m.raw,
    value: m.value,
    unit: m.unit,
    kind: m.kind,
    approx: m.approx,
    change: m.change,
    target: m.target,
    indicator: m.indicator,
  }));
const raws = (text: string) => parseReport(text).metrics.map((m) => m.raw);

describe('number forms', () => {
  it('a middle dot typed between digits is the decimal point', () => {
    expect(metrics('全年社会消费品零售总额增长4·3%。')).toMatchObject([
      { raw: '4·3%', value: 4.3, unit: '%', kind: 'percent', change: 'up' },
    ]);
  });

  it('个千分点 is a tenth of a percentage point', () => {
    expect(metrics('人口出生率为6.02‰,比上年回落0.85个千分点。')).toMatchObject([
      { raw: '6.02‰', value: 0.602, unit: '%' },
      { raw: '0.85个千分点', value: 0.085, unit: '个百分点', kind: 'pp', change: 'down' },
    ]);
  });

  it('a list of bare numbers shares the unit of its last item, and each item keeps its sign', () => {
    expect(metrics('农业、工业和服务业分别拉动全县经济增长0.36、-1.92和3.05个百分点。')).toMatchObject([
      { raw: '0.36', value: 0.36, unit: '个百分点', kind: 'pp' },
      { raw: '-1.92', value: -1.92, unit: '个百分点', kind: 'pp', change: 'down' },
      { raw: '3.05个百分点', value: 3.05, unit: '个百分点', kind: 'pp' },
    ]);
  });

  it('a range written with a run of dashes is two numbers sharing the unit', () => {
    expect(metrics('每个服务站配备协管员2---4人/站。')).toMatchObject([
      { raw: '2', value: 2, unit: '人/站' },
      { raw: '4人/站', value: 4, unit: '人/站' },
    ]);
  });

  it('a two-part ratio per hundred is recorded per one; a sex ratio per hundred likewise', () => {
    expect(metrics('出生人口男女比例为107.2:100。')).toMatchObject([{ value: 1.072, unit: ':1', kind: 'ratio' }]);
    expect(metrics('常住人口性别比为103.5。')).toMatchObject([{ value: 1.035, unit: ':1', kind: 'ratio' }]);
  });

  it('a bare change right after a ratio is the ratio changing', () => {
    const found = metrics('城乡居民收入比为2.12,比上年缩小0.05。');
    expect(found).toMatchObject([
      { raw: '2.12', value: 2.12, unit: ':1' },
      { raw: '0.05', value: 0.05, unit: ':1', kind: 'ratio', change: 'down', indicator: '城乡居民收入比' },
    ]);
  });

  it('a share written as a fraction is a rough percentage', () => {
    expect(metrics('林地面积约占全县1/4。')).toMatchObject([
      { raw: '1/4', value: 25, unit: '%', kind: 'percent', approx: 'about' },
    ]);
  });

  it('a sum in 万 with no unit takes the unit its indicator implies', () => {
    expect(metrics('全县常住人口40多万,城镇化率52.1%。')[0]).toMatchObject({
      raw: '40多万',
      value: 400000,
      unit: '人',
      kind: 'count',
      approx: 'more_than',
    });
    expect(metrics('到2026年,参加体检人数达15万以上。')[0]).toMatchObject({
      raw: '15万',
      value: 150000,
      unit: '人',
      approx: 'more_than',
    });
    // a mark passed (突破…大关) is not what is counted
    expect(metrics('全县旅客吞吐量突破150万大关。')).toMatchObject([
      { raw: '150万', value: 1500000, unit: '人次', indicator: '旅客吞吐量' },
    ]);
    // without such an indicator it stays a bare number
    expect(raws('综合得分提高到12万。')).toEqual([]);
  });
});

describe('units', () => {
  it('岁 where an age is reported; an age band is not a quantity', () => {
    expect(metrics('全市人均预期寿命达79.6岁。')).toMatchObject([{ raw: '79.6岁', value: 79.6, unit: '岁' }]);
    expect(raws('其中0-14岁、15-59岁人口占比上升。')).toEqual([]);
    expect(raws('为65岁以上老人免费体检。')).toEqual([]);
  });

  it('担, 路 and 根 at the end of a phrase; 担任, 3路公交 and 根据 are words', () => {
    expect(metrics('全年收购蚕茧2.4万担。')).toMatchObject([{ raw: '2.4万担', value: 24000, unit: '担' }]);
    expect(metrics('新接入监控信号1,260路。')).toMatchObject([{ raw: '1,260路', value: 1260, unit: '路' }]);
    expect(metrics('生产预应力管桩12.3万根。')).toMatchObject([{ raw: '12.3万根', value: 123000, unit: '根' }]);
    expect(raws('开通3路公交。其中2担任组长。')).toEqual([]);
  });

  it('家次 after a Chinese numeral, and a place noun as its own classifier', () => {
    expect(metrics('检查各类经营场所两千多家次。')).toMatchObject([
      { raw: '两千多家次', value: 2000, unit: '家次', approx: 'more_than' },
    ]);
    expect(metrics('另有6乡镇文化站完成提档。')).toMatchObject([{ raw: '6乡镇', value: 6, unit: '乡镇' }]);
  });

  it('N以上 after a verb of action counts those acted on, not a size threshold', () => {
    expect(metrics('共选派12名以上青年干部驻村。')).toMatchObject([{ raw: '12名', value: 12, approx: 'more_than' }]);
    expect(raws('走访200人以上企业。')).toEqual(['200人']);
    expect(raws('服务500人以上企业。')).toEqual([]);
  });
});

describe('not metrics', () => {
  it('a structure of three parts is not a ratio', () => {
    expect(raws('三次产业结构比为9.8:42.6:47.6,人均生产总值6.2万元。')).toEqual(['6.2万元']);
  });

  it('a numbered package of measures is a name', () => {
    expect(raws('印发稳就业十八条措施,推进城乡建设三大行动,全力整治五大突出问题顽瘴痼疾。')).toEqual([]);
    expect(raws('全镇森林防火四项指标保持为零。')).toEqual([]);
    // in digits after a verb, or in a list of counts, the items are counted
    expect(raws('落实45条整改措施,涉及20项任务、60项指标。')).toEqual(['45条', '20项', '60项']);
  });

  it('the base of a rate is not a quantity', () => {
    expect(raws('交通事故死亡率(按每十万名常住人口计)下降2.1%。')).toEqual(['2.1%']);
  });

  it('a rate naming a survey is part of its name', () => {
    expect(raws('据全市1%人口变动抽样调查,出生率为7.1‰。')).toEqual(['7.1‰']);
  });

  it('二次 before a verb means second-round', () => {
    expect(raws('对二次交办的信访件办结26件。')).toEqual(['26件']);
  });

  it('a session of a congress is an ordinal', () => {
    expect(raws('完成了县十七届人大四次会议确定的目标。')).toEqual([]);
  });

  it('a fixed phrase broken by a line break still hides its number', () => {
    expect(raws('编制“十四\n五”规划纲要。')).toEqual([]);
  });
});

describe('marks a scraped page leaves in the text', () => {
  it('a footnote number glued to a word does not part it from its figure, and is said as removed', () => {
    const doc = parseReport('初步核算,全年地区生产总值[2]394.6亿元,比上年增长8.1%。年末常住人口[4]55.27万人。');
    expect(doc.metrics.map((m) => [m.raw, m.indicator, m.indicatorKey])).toEqual([
      ['394.6亿元', '地区生产总值', 'economy.gdp'],
      ['8.1%', '地区生产总值', 'economy.gdp.change'],
      ['55.27万人', '常住人口', 'population.resident'],
    ]);
    expect(doc.warnings.filter((w) => w.code === 'noise-removed').map((w) => w.span)).toEqual([
      { start: 13, end: 16 },
      { start: 40, end: 43 },
    ]);
  });
  it('a bracketed year of a document number is no footnote', () => {
    expect(parseReport('依据[2023]15号文件,全年办理12件。').warnings).toEqual([]);
  });
});
