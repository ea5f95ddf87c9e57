// Measure words that also start ordinary words: a unit only when nothing joins them (通 vs 通过).
import { describe, expect, it } from 'vitest';
import { parseReport } from '../src/index.js';

const metrics = (text: string) =>
  parseReport(text).metrics.map((m) => ({ raw: m.raw, value: m.value, unit: m.unit, indicator: m.indicator }));

describe('measure words that start words', () => {
  it('通 counts calls, 通过 is a verb', () => {
    expect(metrics('12348热线接听来电4.6万通。')).toMatchObject([{ raw: '4.6万通', value: 46000, unit: '通' }]);
    expect(metrics('议题12个通过审议。')).toMatchObject([{ raw: '12个', value: 12, unit: '个' }]);
    expect(metrics('其中3通过复核。')).toEqual([]);
  });

  it('分 is a score, 分钟 a duration and 分别 a word', () => {
    expect(metrics('测评得分98.5分。')).toMatchObject([{ raw: '98.5分', value: 98.5, unit: '分' }]);
    expect(metrics('平均用时3分钟。')).toEqual([]);
  });

  it('至少 stands between a thing and its number but is not its name', () => {
    const [m] = metrics('实现每个村法律明白人至少2名。');
    expect(m).toMatchObject({ raw: '2名', value: 2 });
    expect(m.indicator).toContain('法律明白人');
    expect(m.indicator).not.toContain('至少');
  });
});

describe('metric units in Latin letters', () => {
  it('80m, 21.66km, 5MW, 120m² are quantities; 3mg, 5G and PM2.5 are not read as m, G or a bare 2.5', () => {
    const doc = parseReport(
      '完成主坝隧洞80m开挖，总长21.66km，装机5MW，剂量3mg，建设5G基站20个，PM2.5浓度32微克/立方米，办公面积120m²。',
    );
    expect(doc.metrics.map((m) => [m.raw, m.value, m.unit])).toEqual([
      ['80m', 80, 'm'],
      ['21.66km', 21.66, 'km'],
      ['5MW', 5, 'MW'],
      ['20个', 20, '个'],
      ['32微克/立方米', 32, '微克/立方米'],
      ['120m²', 120, 'm²'],
    ]);
  });
});
