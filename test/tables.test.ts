// Scraped tables read as a grid (issue 11, class 1): a cell is named by its column header, or by
// its row header when the column header only says how it measures; bare cells are not metrics;
// table rows are never headings. Tables in our own words.
import { describe, expect, it } from 'vitest';
import { parseReport } from '../src/index.js';
import { findTableCells } from '../src/structure/tables.js';

const named = (text: string) => parseReport(text).metrics.map((m) => [m.raw, m.indicator]);

describe('pipe tables', () => {
  it('with a trailing pipe: each cell takes its column header; 0 with no unit is no metric', () => {
    const text = [
      '二、咨询接待情况',
      '全年接待来访群众64人次,分类如下:',
      '类别  | 劳动争议  | 婚姻家庭  | 邻里纠纷  |',
      '人次  | 40人次  | 24人次  | 0  |',
      '占比  | 62.5%  | 37.5%  | 0  |',
    ].join('\n');
    expect(named(text)).toEqual([
      ['64人次', '接待来访群众'],
      ['40人次', '劳动争议'],
      ['24人次', '婚姻家庭'],
      ['62.5%', '劳动争议'],
      ['37.5%', '婚姻家庭'],
    ]);
  });

  it('with outer pipes and a markdown rule: a measuring column header gives way to the row header', () => {
    const text = '| 项目 | 件数 | 增幅 |\n|:---|---:|---|\n| 行政调解 | 58件 | 12.4% |\n| 人民调解 | 306件 | 3.1% |';
    expect(named(text)).toEqual([
      ['58件', '行政调解'],
      ['12.4%', '行政调解'],
      ['306件', '人民调解'],
      ['3.1%', '人民调解'],
    ]);
  });

  it('a table row that starts like a heading (一、食品 | 2.1 |) is not a heading', () => {
    const doc = parseReport('指 标 | 涨 幅 |\n一、食品 | 2.1 |\n二、衣着 | -0.3 |\n三、居住 | 0.4 |');
    expect(doc.sections).toEqual([]);
  });

  it('the indicator is always source text at its span', () => {
    const text = '类别 | 甲类 | 乙类\n数量 | 7家 | 9家';
    const doc = parseReport(text);
    for (const m of doc.metrics) expect(text.slice(m.indicatorSpan!.start, m.indicatorSpan!.end)).toBe(m.indicator);
    expect(named(text)).toEqual([
      ['7家', '甲类'],
      ['9家', '乙类'],
    ]);
  });
});

describe('whitespace-aligned columns', () => {
  it('rows of three or more columns aligned by runs of spaces', () => {
    expect(named('指标    本年    上年\n新增就业    860人    790人\n发放贷款    1200万元    980万元')).toEqual([
      ['860人', '新增就业'],
      ['790人', '新增就业'],
      ['1200万元', '发放贷款'],
      ['980万元', '发放贷款'],
    ]);
  });

  it('prose with a double space, or rows that do not agree on their columns, is no table', () => {
    expect(findTableCells('全年办结案件  120件,  同比增长5%。\n全年受理案件  130件,  同比增长6%。')).toEqual([]);
    expect(findTableCells('甲    乙    丙\n办结    12件')).toEqual([]);
  });
});

describe('a table flattened one cell a line', () => {
  it('a figure alone on its line is named by the label line before it; 其中: is no part of the name', () => {
    expect(named('主要农产品产量\n\n粮食总产量\n\n16.3万吨\n\n0.5\n\n其中:谷物\n\n9.8万吨\n\n-9.7\n')).toEqual([
      ['16.3万吨', '粮食总产量'],
      ['9.8万吨', '谷物'],
    ]);
  });
  it('a heading is no label, nor is the line before a figure that is not alone on its line', () => {
    expect(named('一、案件办理情况\n\n128件\n全年办结案件\n\n共计120件。')).toEqual([
      ['128件', null],
      ['120件', null],
    ]);
  });
});
