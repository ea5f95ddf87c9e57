// Numbered headings and the section tree (GUIDE.md, "headings"): every marker style, depth decided
// per document like a nested list, titles up to the first 。/；/line end, section kinds, ids, spans
// and numbering warnings.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../src/index.js';
import type { ReportDocument, SectionNode } from '../src/index.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

function flatten(sections: SectionNode[]): SectionNode[] {
  return sections.flatMap((s) => [s, ...flatten(s.children)]);
}
const rows = (doc: ReportDocument) => flatten(doc.sections).map((s) => [s.id, s.depth, s.marker, s.title]);

function expectSpansNest(sections: SectionNode[], parent?: SectionNode) {
  let previousEnd = parent ? parent.span.start : 0;
  for (const s of sections) {
    expect(s.span.start, `${s.id} starts after its previous sibling`).toBeGreaterThanOrEqual(previousEnd);
    expect(s.span.end).toBeGreaterThan(s.span.start);
    if (parent) {
      expect(s.span.start, `${s.id} inside ${parent.id}`).toBeGreaterThanOrEqual(parent.span.start);
      expect(s.span.end, `${s.id} inside ${parent.id}`).toBeLessThanOrEqual(parent.span.end);
    }
    previousEnd = s.span.end;
    expectSpansNest(s.children, s);
  }
}

describe('marker styles and depth', () => {
  const text = [
    '一、工作开展情况',
    '（一）强化党建引领。全年召开支委会12次。',
    '(二)推进依法行政；完善制度建设',
    '1.加强学习。组织集中培训3次。',
    '2、规范执法',
    '3．严格审查',
    '（1）开展督察。',
    '(2)推进改革',
    '①完善制度。',
    '②健全机制',
    '二、下一步打算',
    '一是加强队伍建设。组织业务培训。二是完善工作机制。三是推进数字化改革；提升水平。',
  ].join('\n');
  const doc = parseReport(text);

  it('finds every style, nested as a list: 一、 > (一) > 1. > (1) > ① and 一、 > 一是', () => {
    expect(rows(doc)).toEqual([
      ['s1', 1, '一、', '工作开展情况'],
      ['s1.1', 2, '（一）', '强化党建引领'],
      ['s1.2', 2, '(二)', '推进依法行政'],
      ['s1.2.1', 3, '1.', '加强学习'],
      ['s1.2.2', 3, '2、', '规范执法'],
      ['s1.2.3', 3, '3．', '严格审查'],
      ['s1.2.3.1', 4, '（1）', '开展督察'],
      ['s1.2.3.2', 4, '(2)', '推进改革'],
      ['s1.2.3.2.1', 5, '①', '完善制度'],
      ['s1.2.3.2.2', 5, '②', '健全机制'],
      ['s2', 1, '二、', '下一步打算'],
      ['s2.1', 2, '一是', '加强队伍建设'],
      ['s2.2', 2, '二是', '完善工作机制'],
      ['s2.3', 2, '三是', '推进数字化改革'],
    ]);
  });
  it('ordinals: 一 → 1, （二） → 2, 3． → 3, ② → 2, 三是 → 3', () => {
    const flat = flatten(doc.sections);
    expect(flat.map((s) => s.ordinal)).toEqual([1, 1, 2, 1, 2, 3, 1, 2, 1, 2, 2, 1, 2, 3]);
  });
  it('a section span starts at its marker and covers its children; siblings do not overlap', () => {
    const [s1, s2] = doc.sections;
    expect(s1.span).toEqual({ start: 0, end: text.indexOf('\n二、') });
    expect(s2.span).toEqual({ start: text.indexOf('二、'), end: text.length });
    expect(s1.children[0].span).toEqual({ start: text.indexOf('（一）'), end: text.indexOf('\n(二)') });
    // inline items end where the next item starts
    expect(s2.children[0].span).toEqual({ start: text.indexOf('一是'), end: text.indexOf('二是') });
    expectSpansNest(doc.sections);
  });
  it('metrics get the innermost section as sectionId', () => {
    expect(doc.metrics.map((m) => [m.raw, m.sectionId])).toEqual([
      ['12次', 's1.1'],
      ['3次', 's1.2.1'],
    ]);
  });
  it('no numbering warnings for an orderly document', () => {
    expect(doc.warnings).toEqual([]);
  });
});

describe('depth is decided per document', () => {
  it('a document whose outermost style is （一） gets depth 1 for it', () => {
    const doc = parseReport(
      '（一）工作完成情况\n1.强化执法监督。全年办理案件20件。\n2.加强普法宣传\n（二）明年工作思路\n1.深化改革。力争培训500人次。',
    );
    expect(rows(doc)).toEqual([
      ['s1', 1, '（一）', '工作完成情况'],
      ['s1.1', 2, '1.', '强化执法监督'],
      ['s1.2', 2, '2.', '加强普法宣传'],
      ['s2', 1, '（二）', '明年工作思路'],
      ['s2.1', 2, '1.', '深化改革'],
    ]);
  });
  it('(1) as the outermost style, ① inside it', () => {
    const doc = parseReport('(1)强化监督\n①完善制度。\n②健全机制\n(2)推进改革\n①优化流程');
    expect(rows(doc)).toEqual([
      ['s1', 1, '(1)', '强化监督'],
      ['s1.1', 2, '①', '完善制度'],
      ['s1.2', 2, '②', '健全机制'],
      ['s2', 1, '(2)', '推进改革'],
      ['s2.1', 2, '①', '优化流程'],
    ]);
  });
  it('the same style keeps its depth when it reappears after a deeper one', () => {
    const doc = parseReport('一、主要工作\n(一)法治建设\n1.完善制度\n(二)公共服务\n二、下一步打算\n(一)深化改革');
    expect(flatten(doc.sections).map((s) => [s.marker, s.depth])).toEqual([
      ['一、', 1],
      ['(一)', 2],
      ['1.', 3],
      ['(二)', 2],
      ['二、', 1],
      ['(一)', 2],
    ]);
  });
  it('leading spaces and tabs before a marker are allowed; the title is trimmed', () => {
    const doc = parseReport('一、 工作开展情况\n  （一） 强化学习。\n\t1. 加强培训');
    expect(rows(doc)).toEqual([
      ['s1', 1, '一、', '工作开展情况'],
      ['s1.1', 2, '（一）', '强化学习'],
      ['s1.1.1', 3, '1.', '加强培训'],
    ]);
  });
});

describe('inline 一是 / 二是 items', () => {
  it('at line start and inside a paragraph after 。', () => {
    const doc = parseReport(
      '一、工作完成情况\n一是强化学习。组织学习12次。二是规范管理。三是优化服务；提升水平。\n二、存在的问题\n一是人员不足。二是经费紧张。',
    );
    expect(rows(doc)).toEqual([
      ['s1', 1, '一、', '工作完成情况'],
      ['s1.1', 2, '一是', '强化学习'],
      ['s1.2', 2, '二是', '规范管理'],
      ['s1.3', 2, '三是', '优化服务'],
      ['s2', 1, '二、', '存在的问题'],
      ['s2.1', 2, '一是', '人员不足'],
      ['s2.2', 2, '二是', '经费紧张'],
    ]);
    expect(doc.metrics.map((m) => [m.raw, m.sectionId])).toEqual([['12次', 's1.1']]);
  });
});

describe('headings run into a paragraph after 。', () => {
  it('1、 2、 3、 items inside a section paragraph, numbered in sequence', () => {
    const doc = parseReport(
      '一、依法治县统筹协调作用发挥明显。1、做好法治政府建设统筹谋划。拟出台2个方案。2、压实主体责任。今年3月听取汇报。3、提升法治意识。\n二、法治政府建设纵深推进。1、加大规范性文件监督管理力度。审查文件15件。2、规范行政复议。',
    );
    expect(rows(doc)).toEqual([
      ['s1', 1, '一、', '依法治县统筹协调作用发挥明显'],
      ['s1.1', 2, '1、', '做好法治政府建设统筹谋划'],
      ['s1.2', 2, '2、', '压实主体责任'],
      ['s1.3', 2, '3、', '提升法治意识'],
      ['s2', 1, '二、', '法治政府建设纵深推进'],
      ['s2.1', 2, '1、', '加大规范性文件监督管理力度'],
      ['s2.2', 2, '2、', '规范行政复议'],
    ]);
    expect(doc.metrics.map((m) => [m.raw, m.sectionId])).toEqual([
      ['2个', 's1.1'],
      ['15件', 's2.1'],
    ]);
  });
  it('after the colon of 现总结如下: as well', () => {
    const doc = parseReport(
      '各项工作有序推进。现总结汇报如下:1、杨柳水库除险保安工程。总投资2821万元。2、农村平安饮水工程。',
    );
    expect(rows(doc)).toEqual([
      ['s1', 1, '1、', '杨柳水库除险保安工程'],
      ['s2', 1, '2、', '农村平安饮水工程'],
    ]);
  });
  it('an inline 一是 item never holds a numbered heading: 三是… then 三、 closes the item', () => {
    const doc = parseReport('三是加强制度建设。\n三、发挥职能作用\n一是抓好矛盾纠纷排查。二是搞好法制宣传。');
    expect(rows(doc)).toEqual([
      ['s1', 1, '三是', '加强制度建设'],
      ['s2', 1, '三、', '发挥职能作用'],
      ['s2.1', 2, '一是', '抓好矛盾纠纷排查'],
      ['s2.2', 2, '二是', '搞好法制宣传'],
    ]);
  });
  it('a lone 1. after 。 with no 2. to follow is prose, not a heading', () => {
    const doc = parseReport('一、主要工作\n全年办结案件。1.5万元补助已发放。3、4月份完成验收。');
    expect(rows(doc)).toEqual([['s1', 1, '一、', '主要工作']]);
  });
});

describe('things that are not headings', () => {
  it('a decimal amount at line start (1.2亿元), a year, a month, 统一是 in prose, a marker with no title', () => {
    const text = [
      '一、主要工作',
      '1.2亿元专项资金已经拨付到位。',
      '2023年以来成效明显。',
      '10月底完成全部任务。',
      '3.85/10万的发案率低于全省平均。',
      '全面推进执法标准统一是关键。统一是基本要求。',
      '二、',
      '三、存在的问题',
    ].join('\n');
    const doc = parseReport(text);
    expect(rows(doc)).toEqual([
      ['s1', 1, '一、', '主要工作'],
      ['s2', 1, '三、', '存在的问题'],
    ]);
    expect(doc.metrics.map((m) => m.raw)).toEqual(['1.2亿元', '3.85/10万']);
    // 二、 with no title is not a heading, so 三、 follows 一、
    expect(doc.warnings.map((w) => w.code)).toEqual(['numbering-gap']);
  });
});

describe('section kind', () => {
  it('review / plan / other from the heading words, inherited by children', () => {
    const doc = parseReport(
      [
        '一、2023年工作完成情况',
        '（一）强化学习。',
        '二、存在的问题和不足',
        '（一）队伍力量薄弱。',
        '三、2024年工作思路',
        '（一）深化改革。',
        '四、明年工作安排',
        '五、工作开展情况',
        '六、下一步打算',
        '一是加强队伍建设。',
      ].join('\n'),
    );
    expect(flatten(doc.sections).map((s) => [s.id, s.kind])).toEqual([
      ['s1', 'review'],
      ['s1.1', 'review'],
      ['s2', 'other'],
      ['s2.1', 'other'],
      ['s3', 'plan'],
      ['s3.1', 'plan'],
      ['s4', 'plan'],
      ['s5', 'review'],
      ['s6', 'plan'],
      ['s6.1', 'plan'],
    ]);
  });
  it('metrics inherit the plan kind of their section as target', () => {
    const doc = parseReport(
      '一、工作开展情况\n全年办理案件200件。\n二、下一步工作打算\n（一）深化改革\n计划组织培训20场。',
    );
    expect(doc.metrics.map((m) => [m.raw, m.sectionId, m.target])).toEqual([
      ['200件', 's1', false],
      ['20场', 's2.1', true],
    ]);
  });
});

describe('numbering warnings', () => {
  it('a repeat and a gap, each pointing at its marker', () => {
    const text = '一、第一部分\n二、第二部分\n二、重复部分\n五、跳号部分\n（一）小节\n（三）小节';
    const doc = parseReport(text);
    expect(doc.warnings.map((w) => [w.code, text.slice(w.span!.start, w.span!.end)])).toEqual([
      ['numbering-repeat', '二、'],
      ['numbering-gap', '五、'],
      ['numbering-gap', '（三）'],
    ]);
    expect(doc.warnings[1].message).toContain('2');
    expect(doc.sections.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4']);
  });
  it('numbering restarting at 1 under a new parent is not a gap', () => {
    const doc = parseReport('一、甲\n（一）子一\n（二）子二\n二、乙\n（一）子一\n（二）子二');
    expect(doc.warnings).toEqual([]);
  });
  it('fixture 003 jumps from 9. to 11.: one numbering-gap warning at 11.', () => {
    const text = readFileSync(join(FIXTURES, '003_aa401952f7047378.txt'), 'utf8');
    const doc = parseReport(text);
    const gaps = doc.warnings.filter((w) => w.code === 'numbering-gap');
    expect(gaps).toHaveLength(1);
    expect(text.slice(gaps[0].span!.start, gaps[0].span!.end)).toBe('11.');
    expect(gaps[0].message).toMatch(/9/);
    expect(doc.warnings.filter((w) => w.code === 'numbering-repeat')).toEqual([]);
  });
});

describe('fixtures: headings equal the gold annotation', () => {
  const golds = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.gold.json'))
    .sort();
  it('there are five annotated fixtures', () => expect(golds).toHaveLength(5));
  it.each(golds)('%s', (goldFile) => {
    const gold = JSON.parse(readFileSync(join(FIXTURES, goldFile), 'utf8'));
    const text = readFileSync(join(FIXTURES, gold.file), 'utf8');
    const doc = parseReport(text);
    const flat = flatten(doc.sections);
    expect(flat.map((s) => ({ depth: s.depth, marker: s.marker, title: s.title }))).toEqual(gold.headings);
    for (const s of flat) expect(text.slice(s.span.start, s.span.start + s.marker.length)).toBe(s.marker);
    expectSpansNest(doc.sections);
  });
  it('fixture 003 (a plan): every section is a plan section and every metric a target', () => {
    const doc = parseReport(readFileSync(join(FIXTURES, '003_aa401952f7047378.txt'), 'utf8'));
    expect(doc.meta.reportType).toBe('plan');
    expect(new Set(flatten(doc.sections).map((s) => s.kind))).toEqual(new Set(['plan']));
    expect(doc.metrics.length).toBeGreaterThan(0);
    expect(doc.metrics.every((m) => m.target)).toBe(true);
  });
});

describe('headings whose line breaks were lost', () => {
  it('a title running into a deeper marker numbered 1, whose 2 follows, ends there', () => {
    const doc = parseReport(
      '现总结汇报如下:一、2023年工作完成情况(一)重点工程进展情况1、杨柳水库除险保安工程。总投资为2821万元。2、农村平安饮水工程。(二)其他工作。二、存在问题。',
    );
    expect(rows(doc)).toEqual([
      ['s1', 1, '一、', '2023年工作完成情况'],
      ['s1.1', 2, '(一)', '重点工程进展情况'],
      ['s1.1.1', 3, '1、', '杨柳水库除险保安工程'],
      ['s1.1.2', 3, '2、', '农村平安饮水工程'],
      ['s1.2', 2, '(二)', '其他工作'],
      ['s2', 1, '二、', '存在问题'],
    ]);
  });
  it('a (一) with no (二) after it stays inside the title (二、推进(一)站式服务)', () => {
    const doc = parseReport('一、建立“1+N”机制。\n二、推进(一)站式服务');
    expect(rows(doc)).toEqual([
      ['s1', 1, '一、', '建立“1+N”机制'],
      ['s2', 1, '二、', '推进(一)站式服务'],
    ]);
  });
});

describe('a report whose line breaks were all lost', () => {
  it('numbered items continue into titles, after a closing bracket, and 一是 after a closing quote', () => {
    const text =
      '现将工作总结如下。一、把握政治方向1.坚持党的领导。组织学习12次。2.推进党组织建设。(责任部门:政治处)二、加大法治建设力度3.深入学习。4.抓实重点任务。(一)“高站位”构建“大广角”一是做实述法。二是做实旁听。(二)“抓关键”聚焦法治政府。';
    const doc = parseReport(text);
    expect(rows(doc)).toEqual([
      ['s1', 1, '一、', '把握政治方向'],
      ['s1.1', 2, '1.', '坚持党的领导'],
      ['s1.2', 2, '2.', '推进党组织建设'],
      ['s2', 1, '二、', '加大法治建设力度'],
      ['s2.1', 2, '3.', '深入学习'],
      ['s2.2', 2, '4.', '抓实重点任务'],
      // A new style met inside 4. nests under it, as the per-document depth rule says.
      ['s2.2.1', 3, '(一)', '“高站位”构建“大广角”'],
      ['s2.2.1.1', 4, '一是', '做实述法'],
      ['s2.2.1.2', 4, '二是', '做实旁听'],
      ['s2.2.2', 3, '(二)', '“抓关键”聚焦法治政府'],
    ]);
    expect(doc.metrics.map((m) => [m.raw, m.sectionId])).toEqual([['12次', 's1.1']]);
  });
});

// Issue 11, class 13: headings whose line breaks were lost, in short or cut-off texts (own words).
describe('run-in headings shown by their nesting', () => {
  const heads = (text: string) => flatten(parseReport(text).sections).map((s) => [s.depth, s.marker, s.title]);

  it('一、X(一)Y after 。 is a heading even when no 二、 follows', () => {
    expect(
      heads(
        '本年度各项工作有序推进。一、主要成效(一)服务能力提升。新建站点4个。(二)队伍建设加强。一是完善制度。二是强化培训。',
      ),
    ).toEqual([
      [1, '一、', '主要成效'],
      [2, '(一)', '服务能力提升'],
      [2, '(二)', '队伍建设加强'],
      [3, '一是', '完善制度'],
      [3, '二是', '强化培训'],
    ]);
  });

  it('a cut-off text with a single 一、 holding a single (一)', () => {
    expect(heads('情况如下。 一、2023 年工作回顾 (一)基层治理持续加强。新增网格员30名。')).toEqual([
      [1, '一、', '2023 年工作回顾'],
      [2, '(一)', '基层治理持续加强'],
    ]);
  });

  it('a first 一、 glued to the title, whose inner 1、 goes on to 2、', () => {
    expect(
      heads('某区民政局年度工作总结及来年工作计划一、全年工作回顾1、兜底保障有力。发放救助金85万元。2、养老服务提质。'),
    ).toEqual([
      [1, '一、', '全年工作回顾'],
      [2, '1、', '兜底保障有力'],
      [2, '2、', '养老服务提质'],
    ]);
  });

  it('a deeper 1、 opening the text right after a heading title is a heading, with no 2、 after it', () => {
    expect(
      heads('一、队伍建设\n全年培训3次。\n二、执法监督加强。1、规范执法程序。全年抽查案卷40件。\n三、下步打算'),
    ).toEqual([
      [1, '一、', '队伍建设'],
      [1, '二、', '执法监督加强'],
      [2, '1、', '规范执法程序'],
      [1, '三、', '下步打算'],
    ]);
  });

  it('without nesting, a lone 一、 in prose stays prose', () => {
    expect(heads('全年工作稳步推进。一、是基础更牢。全年办结案件15件。')).toEqual([]);
    expect(heads('本局工作总结一、工作回顾。全年办理案件12件。')).toEqual([]);
  });
});
