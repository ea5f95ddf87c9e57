// Document metadata on the openings real reports have: the reporting body named with an unknown
// district, a masked name, an autonomous county, a bare 县司法局 with its place named once, the
// superior body that guides the author, and a title whose year differs from years in the opening.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../src/index.js';

const meta = (text: string) => parseReport(text).meta;

describe('organization', () => {
  it('a district segmentation does not know, after its city: 绍兴市柯桥区司法局 in a speaker line', () => {
    expect(
      meta('绍兴市柯桥区司法局局长 金伟梁\n一、近年来所做工作及主要成效\n近年来，我局推进公共法律服务。').organization,
    ).toBe('绍兴市柯桥区司法局');
  });
  it('a verb before a provincial body is not a place: 工作获省司法厅批示 names no author', () => {
    expect(meta('相关工作获省司法厅批示肯定。\n一、工作情况\n我局开展普法。').organization).toBeNull();
  });
  it('a masked name keeps every placeholder character: **县司法局', () => {
    expect(meta('司法局2020年上半年工作总结\n2020年来，**县司法局扎实推进依法治县工作。').organization).toBe(
      '**县司法局',
    );
  });
  it('依法治县 does not make 法治县 a place: the body stays as the text names it', () => {
    expect(meta('2020年，县司法局扎实推进依法治县工作，依法治县成效明显。').organization).toBe('县司法局');
  });
  it('an autonomous county is named whole: 麻阳苗族自治县司法局', () => {
    expect(meta('麻阳苗族自治县司法局2022年上半年工作总结\n一、依法治县统筹协调作用发挥明显').organization).toBe(
      '麻阳苗族自治县司法局',
    );
  });
  it('the body that guides the author is not the author (在市司法局的有力指导下)', () => {
    expect(
      meta('2022年上半年，在县委的正确领导下，在市司法局的有力指导下，我们围绕中心工作。').organization,
    ).toBeNull();
  });
  it('a bare 县司法局 is completed with the only county the text names', () => {
    expect(meta('2020年，县司法局高度重视人民调解工作，组织定安县各调委会排查纠纷。').organization).toBe(
      '定安县司法局',
    );
  });
});

describe('organization, continued', () => {
  it('a branch office is the body that reports: xx市生态环境局xx分局', () => {
    expect(meta('xx市生态环境局xx分局2024年工作总结和2025年工作设想\n2024年，我局推进治污。')).toMatchObject({
      organization: 'xx市生态环境局xx分局',
      reportType: 'review+plan',
      year: 2024,
    });
  });
  it('a conjunction does not make a branch: 岳阳县司法局和公安分局', () => {
    expect(meta('岳阳县司法局和公安分局联合开展普法。').organization).toBe('岳阳县司法局');
  });
  it('a verb before 市 is not a place name (推动市住建局)', () => {
    expect(meta('今年以来，住建局以创建文明城市为抓手，推动市住建局工作。').organization).toBeNull();
  });
  it('a title that opens with a body named without its place keeps it as written', () => {
    expect(meta('市场监督局2024年第三季度工作总结\n一、第三季度工作开展情况').organization).toBe('市场监督局');
  });
  it('卫生计生委 is a body', () => {
    expect(meta('绍兴市卫生计生委关于印发2016年绍兴市卫生计生工作总结的通知').organization).toBe('绍兴市卫生计生委');
  });
});

describe('year', () => {
  it('a review names the year it reviews first, before any year it compares with', () => {
    expect(meta('我市城镇新增就业再创新高\n2021年，全市城镇新增就业50801人，比2019年增长12.15%。').year).toBe(2021);
  });
  it('the title decides over a span of years in the opening', () => {
    const text =
      '镇海区司法局2022年工作总结和2023年工作要点\n2022年，区司法局获评2016-2020年全省普法先进集体。\n一、2022年工作总结\n二、2023年工作要点';
    expect(meta(text)).toMatchObject({ year: 2022, reportType: 'review+plan', organization: '镇海区司法局' });
  });
});

describe('organization and kinds on scraped pages', () => {
  it('a bare body is completed with its place as the source spells it (宿松縣)', () => {
    expect(meta('宿松縣委通報考核結果，縣司法局取得第一名，宿松縣各單位參加。').organization).toBe('宿松縣司法局');
  });
  it('a place guess must read as a place: 积极与区直部门 yields no 极与区', () => {
    expect(
      meta('第一篇:区司法局人民调解工作总结\n2018年，我区人民调解工作积极与区直部门协作，积极与区法院对接。')
        .organization,
    ).toBe('区司法局');
  });
  it('a masked place completes a bare 我局 (XX区 … 我局 … 市司法局)', () => {
    expect(
      meta('XX区矛盾纠纷多。在区委的领导下和市司法局的业务指导下，XX区司法行政工作稳步推进，我局充分发挥作用。')
        .organization,
    ).toBe('XX区司法局');
  });
  it('a generic title body is not an organization (司法局2023年度工作总结)', () => {
    expect(meta('司法局2023年度工作总结\n一、工作情况').organization).toBeNull();
  });
  it('an inline 一是 item mentioning 工作要点 does not make a plan section or a review+plan report', () => {
    const doc = parseReport(
      '井研县司法局2019年工作总结\n2019年，全县司法行政工作稳步推进。\n一是将依法治县工作要点下达至各单位。二是出具合法性审查意见书160份。',
    );
    expect(doc.meta.reportType).toBe('review');
    expect(doc.metrics.map((m) => [m.raw, m.target])).toEqual([['160份', false]]);
  });
  it('the year after the first heading when none comes before it', () => {
    expect(meta('县司法局突出五项重点\n一是以干部学法用法为重点。2021年来，全县举办法治讲座80余场次。').year).toBe(
      2021,
    );
  });
});

describe('plans named in titles and openers', () => {
  it('an implementation plan (实施方案) is a plan; its goals are targets', () => {
    const doc = parseReport(
      '某县人民政府关于印发《某县市场监管现代化实施方案》的通知\n一、主要任务\n食品抽检合格率达到95%。',
    );
    expect(doc.meta.reportType).toBe('plan');
    expect(doc.metrics.map((m) => [m.raw, m.target])).toEqual([['95%', true]]);
  });
  it('工作总结及下一步工作重点 in a run-on title opens no plans in the review that follows', () => {
    const doc = parseReport(
      '民政局2020年上半年工作总结及下一步工作重点今年以来，我局在市民政局的业务指导下，发放低保金73.9万元。',
    );
    expect(doc.meta.organization).toBeNull();
    expect(doc.metrics.map((m) => [m.raw, m.target])).toEqual([['73.9万元', false]]);
  });
  it('2023年重点工作完成情况 is a review heading, 2024年工作重点 a plan heading', () => {
    const doc = parseReport('一、2023年重点工作完成情况\n新建村法治公园3个。\n二、2024年工作重点\n新建村法治公园5个。');
    expect(doc.sections.map((s) => s.kind)).toEqual(['review', 'plan']);
    expect(doc.metrics.map((m) => [m.raw, m.target])).toEqual([
      ['3个', false],
      ['5个', true],
    ]);
  });
});

// Issue 11, section L: openings the parser has not seen (sentences in our own words).
describe('organization named only in the opening, short forms, 我市 + body', () => {
  it('a district segmentation does not know, opening its clause: 2021年,青檀湾区司法局…', () => {
    expect(meta('2021年,青檀湾区司法局围绕中心工作,开展法治宣传40余场。').organization).toBe('青檀湾区司法局');
  });
  it('X卫生健康委 is a body; a site label line (计划总结) is not the title', () => {
    const doc = parseReport(
      '计划总结\n某市卫生健康委关于印发2025年全市卫生健康工作要点的通知\n到2025年底,全市建成社区医院12家。',
    );
    expect(doc.meta).toMatchObject({ organization: '某市卫生健康委', reportType: 'plan', year: 2025 });
    expect(doc.meta.title).toContain('卫生健康委');
    expect(doc.metrics.map((m) => [m.raw, m.target])).toEqual([['12家', true]]);
  });
  it('我市 + body is the body at its level: 市地方税务局; a year in Chinese numerals with typed zeros', () => {
    expect(meta('二00五年以来,我市地方税务局在城乡推行网上申报,共建成办税厅12个。')).toMatchObject({
      organization: '市地方税务局',
      year: 2005,
    });
  });
  it('a 卫健委 in a title glued to the text, not the verb before a later mention (纳入市卫健委)', () => {
    const doc = parseReport(
      '区卫健委2023年工作总结和2024年工作计划2023年,我委各项工作稳步推进。一是提升基层能力。将6个村卫生室列入区卫健委重点项目。',
    );
    expect(doc.meta).toMatchObject({ organization: '区卫健委', reportType: 'review+plan', year: 2023 });
  });
  it('a bare body with no place named anywhere stays as the text names it (县交通运输局)', () => {
    expect(meta('今年以来,县交通运输局抓好农村公路建设,新建公路12公里。').organization).toBe('县交通运输局');
  });
  it('a bare 区司法局 is completed with a place segmentation cuts into place words (坪/山区)', () => {
    expect(meta('2021年,区司法局推进普法。印发《坪山区普法规划》,制定《坪山区调解工作办法》。').organization).toBe(
      '坪山区司法局',
    );
  });
  it('the body the author speaks for (我代表…人民政府, 受…委托) is the author', () => {
    expect(meta('我受市人民政府委托,现将全市环境质量情况报告如下。').organization).toBe('市人民政府');
  });
  it('a kind of report implies its body: a 统计公报 is the statistics bureau of the place in its title', () => {
    expect(meta('2023年青溪县国民经济和社会发展统计公报\n全年地区生产总值增长5.1%。').organization).toBe(
      '青溪县统计局',
    );
  });
});

describe('year and report type from openings', () => {
  it('a year with a space before 年 (2022 年) is a year', () => {
    expect(meta('今年以来,各项工作进展顺利。\n一、2022 年工作总结\n新建站点6个。').year).toBe(2022);
  });
  it('二〇二三年 is a year', () => {
    expect(meta('二〇二一年,本局共办理群众来信1 020件。').year).toBe(2021);
  });
  it('the day a report was given (2024年1月9日在…会议上) is not the year of its work', () => {
    expect(meta('政府工作报告\n2024年1月9日在县人民代表大会上\n一、2023年工作回顾\n全年生产总值增长6%。').year).toBe(
      2023,
    );
  });
  it('an opening announcing a review and next year’s plan makes review+plan, with only review headings', () => {
    const doc = parseReport(
      '今年以来,我局紧盯年度目标,各项工作进展顺利。现将全年工作总结及明年工作打算报告如下:\n一、主要工作\n二、存在不足',
    );
    expect(doc.meta.reportType).toBe('review+plan');
  });
  it('a government work report reviews and plans', () => {
    expect(meta('各位代表:\n现在,我代表县人民政府,向大会报告工作。\n一、过去一年工作回顾').reportType).toBe(
      'review+plan',
    );
  });
});

describe('government work reports, autonomous areas and zones', () => {
  it('a 政府工作报告 titled with the year it is given in reviews the year before', () => {
    const text =
      '2023年长阳土家族自治县政府工作报告\n各位代表:\n现在,我代表县人民政府向大会报告工作。\n一、过去一年工作回顾';
    expect(meta(text)).toMatchObject({ year: 2022, reportType: 'review+plan' });
  });
  it('a plan drawn from a 政府工作报告 keeps the title’s year', () => {
    expect(meta('2023年政府工作报告重点工作任务分工方案\n一、工作目标\n二、工作要求').year).toBe(2023);
  });
  it('a bare 县人民政府 takes the autonomous county the text names most, read whole', () => {
    const text =
      '各位代表:\n现在,我代表县人民政府向大会报告工作。新晃侗族自治县经济稳步发展,新晃侗族自治县人民安居乐业。\n一、工作回顾';
    expect(meta(text).organization).toBe('新晃侗族自治县人民政府');
  });
  it('an autonomous county of several peoples is named whole', () => {
    expect(meta('2023年,双江拉祜族佤族布朗族傣族自治县司法局扎实推进各项工作。').organization).toBe(
      '双江拉祜族佤族布朗族傣族自治县司法局',
    );
  });
  it('a zone bracketed between the place and the body is part of its name', () => {
    expect(meta('2023年,长沙县(长沙经开区)司法局扎实推进各项工作。').organization).toBe('长沙县(长沙经开区)司法局');
    expect(meta('珠海市金湾区(经济技术开发区)市场监督管理局第三季度工作情况\n一、主要工作').organization).toBe(
      '珠海市金湾区(经济技术开发区)市场监督管理局',
    );
  });
});

describe('a statistical bulletin without its title', () => {
  const body = (headings: string[]) =>
    `2023年,全县经济稳中向好。\n${headings.map((h, i) => `${'一二三四'[i]}、${h}\n初步核算,全年东平县地区生产总值增长5.1%。`).join('\n')}`;
  it('is known by headings that are a bulletin’s topics: the statistics bureau of its place', () => {
    expect(meta(body(['综 合', '农 业', '工业和建筑业'])).organization).toBe('东平县统计局');
  });
  it('two such headings are not enough', () => {
    expect(meta(body(['综 合', '农 业', '主要工作'])).organization).toBeNull();
  });
});

describe('a bare body completed with its place as the text writes it', () => {
  it('a city of three characters is read whole, not as the two before its level (马鞍山市, not 鞍山市)', () => {
    const text =
      '——2019年1月6日在马鞍山市第十六届人民代表大会第二次会议上\n各位代表:\n现在,我代表市人民政府,向大会报告政府工作。';
    expect(meta(text).organization).toBe('马鞍山市人民政府');
  });
  it('the city written before a district is part of its name; a province is not', () => {
    const text = '——在珠海市斗门区第五届人民代表大会上\n各位代表:\n我代表区人民政府,向大会作政府工作报告。';
    expect(meta(text).organization).toBe('珠海市斗门区人民政府');
    const province = '——在广东省珠海市第九届人民代表大会上\n各位代表:\n我代表市人民政府,向大会作政府工作报告。';
    expect(meta(province).organization).toBe('珠海市人民政府');
  });
});

describe('a body named in a document title', () => {
  it('issued the document, and is not the author (根据《…县人民政府办公室关于…》要求,现将县教育体育局…)', () => {
    const text =
      '2020县教育体育局年终工作总结报告\n根据《中共**县委办公室 **县人民政府办公室关于印发考核办法的通知》要求,现将**县教育体育局2020年度工作总结报告如下。';
    expect(meta(text).organization).toBe('**县教育体育局');
  });
});

describe('a body put together from the place and a kind of report', () => {
  it('is written in the text’s own script (瓜州縣統計局), and a place named like a level keeps its level (瓜州县)', () => {
    expect(meta('2023年瓜州縣國民經濟和社會發展統計公報\n2023年,全縣經濟運行穩中有進。').organization).toBe(
      '瓜州縣統計局',
    );
    expect(meta('2023年瓜州县国民经济和社会发展统计公报\n2023年,全县经济运行稳中有进。').organization).toBe(
      '瓜州县统计局',
    );
  });
  it('the words that hand over a report are no place (现将县城管局…报告如下)', () => {
    expect(
      meta('据相关要求,现将县城管局2025年度工作总结报告如下。\n2025年,县城管局统筹推进各项工作。').organization,
    ).toBe('县城管局');
  });
});

describe('a kind of area segmentation takes for a place', () => {
  it('山区 is no place: a name cut apart before it is read whole (重庆市/璧/山区), 坪山区 still found', () => {
    expect(meta('2021年,重庆市璧山区司法局扎实推进各项工作。').organization).toBe('重庆市璧山区司法局');
    expect(meta('2021年,坪山区司法局扎实推进各项工作。').organization).toBe('坪山区司法局');
    expect(meta('在我市山区林业局的指导下,工作推进。').organization).toBeNull();
  });
});
