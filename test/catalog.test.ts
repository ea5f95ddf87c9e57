// The catalogue of indicators: every entry's example phrases are its tests (each must get the
// entry's key, each counter-example none of its keys), the build's compiled copy is current, and
// a user's catalogue overrides and adds entries by key.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseReport } from '../src/parseReport.js';
import { loadCatalog, parseCatalogText, readCatalogSources } from '../src/indicators/catalogFiles.js';
import { type Catalog, CatalogError, compileCatalog } from '../src/indicators/compileCatalog.js';

const sources = readCatalogSources();
const catalog = compileCatalog(sources);

/** `text with [the metric] → variant` → the text, the metric's offset and raw, and the variant. */
function readExample(example: string): { text: string; start: number; raw: string; variant: string } {
  const [marked, variant = 'level'] = example.split('→').map((s) => s.trim());
  const start = marked.indexOf('[');
  const end = marked.indexOf(']');
  return {
    text: marked.slice(0, start) + marked.slice(start + 1, end) + marked.slice(end + 1),
    start,
    raw: marked.slice(start + 1, end),
    variant,
  };
}

function keyOfExample(example: string, using: Catalog = catalog): string | null {
  const { text, start, raw } = readExample(example);
  const metric = parseReport(text, { catalog: using }).metrics.find((m) => m.span.start === start);
  expect(metric?.raw, `「${text}」 has the metric ${raw}`).toBe(raw);
  return metric!.indicatorKey;
}

describe('every catalogue entry', () => {
  const entries = sources.flatMap((file) => file.entries);
  it('has at least one example', () => {
    expect(entries.filter((e) => e.examples.length === 0).map((e) => e.key)).toEqual([]);
  });
  for (const entry of entries) {
    it(`${entry.key}: its examples get its keys, its counter-examples none of them`, () => {
      // An entry for a list of subjects makes one key per subject: an example gets one of them.
      const made = catalog.indicators.filter((i) => i.entryKey === entry.key);
      for (const example of entry.examples) {
        const variant = readExample(example).variant;
        expect(entry.variants, `${entry.key} has the variant of 「${example}」`).toContain(variant);
        const keys = made.filter((i) => i.variant === variant).map((i) => i.key);
        expect(keys, example).toContain(keyOfExample(example));
      }
      for (const counter of entry.counterExamples) {
        const key = keyOfExample(counter);
        expect(
          made.map((i) => i.key),
          `${counter} got ${key}`,
        ).not.toContain(key);
      }
    });
  }
});

describe('the catalogue', () => {
  it('is compiled by the build as it stands in catalog/', () => {
    const compiled = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'dist', 'catalog.json'), 'utf8'));
    expect(compiled).toEqual(sources);
  });

  it('gives a change, a rate or a share never the key of a level', () => {
    const levelOnly = (example: string) => keyOfExample(example);
    expect(levelOnly('全县地区生产总值比上年增长[6.8%]。')).toBe('economy.gdp.change');
    expect(levelOnly('全县户籍人口比上年增加[1200人]。')).toBe('population.registered.delta');
    expect(levelOnly('城镇化率比上年提高[1.1个百分点]。')).toBe('population.urbanization_rate.pp');
    expect(levelOnly('民营经济增加值占地区生产总值的比重为[58.2%]。')).toBe('economy.private_economy.gdp_share');
    // A share of a subject with no share entry gets nothing, not the amount's key.
    expect(levelOnly('社会消费品零售总额占全市的比重为[12.4%]。')).toBeNull();
  });

  it('keeps the key of a goal', () => {
    const doc = parseReport('力争全年地区生产总值增长7%。', { catalog });
    expect(doc.metrics[0]).toMatchObject({ target: true, indicatorKey: 'economy.gdp.change' });
  });

  it('gives no key where the phrase qualifies the subject or the clause compares with another base', () => {
    expect(keyOfExample('受理法律援助案件220件,其中刑事案件[118件]。')).toBeNull();
    expect(keyOfExample('按常住人口计算,地区生产总值两年平均增长[5.1%]。')).toBeNull();
    expect(keyOfExample('城镇新增就业人数较2019年增长[12.2%]。')).toBeNull();
  });

  it('reads the subject from the section title only with an event in the clause', () => {
    const text = '一、社区矫正工作\n全年累计接收86人,开展走访40次。\n';
    const [received, visits] = parseReport(text, { catalog }).metrics;
    expect(received.indicatorKey).toBe('justice.community_correction.received');
    expect(visits.indicatorKey).toBeNull();
  });
});

describe('a user catalogue', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reportx-catalog-'));
  const file = join(dir, 'mine.yaml');
  writeFileSync(
    file,
    [
      'domain: mine',
      'subjects:',
      '  hotline: { name: 12348热线, forms: [12348热线, 12348法律服务热线] }',
      'events:',
      '  answered: { name: 接听, forms: [接听, 接听来电] }',
      'entries:',
      '  - key: justice.reconsideration.received',
      '    name: 行政复议新收案件',
      '    subject: reconsideration',
      '    events: [received]',
      '    measure: count',
      '    unit: 件',
      '    units: [件]',
      '    definition: 新收的行政复议案件',
      "    examples: ['全年接收行政复议案件[40件]。']",
      '  - key: justice.hotline.calls',
      '    name: 12348热线接听量',
      '    subject: hotline',
      '    events: [answered]',
      '    measure: count',
      '    unit: 人次',
      '    definition: 12348公共法律服务热线接听的来电',
      "    examples: ['12348热线全年接听来电[3200人次]。']",
      '',
    ].join('\n'),
  );

  it('overrides one entry by key and adds another', () => {
    const mine = loadCatalog([file]);
    const doc = parseReport('全年接收行政复议案件40件,同比上升5%;12348热线全年接听来电3200人次。', { catalog: mine });
    expect(doc.metrics.map((m) => [m.raw, m.indicatorKey, m.indicatorName])).toEqual([
      ['40件', 'justice.reconsideration.received', '行政复议新收案件'],
      // The override has no change variant any more: the growth gets no key.
      ['5%', null, null],
      ['3200人次', 'justice.hotline.calls', '12348热线接听量'],
    ]);
    // The bundled catalogue is unchanged.
    expect(loadCatalog().byKey.get('justice.reconsideration.received')?.name).toBe('行政复议收案数');
  });

  it("the README's example loads, and an entry without units takes its own unit only", () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    const yaml = /```yaml\n(domain: [\s\S]*?)```/.exec(readme)?.[1];
    expect(yaml, 'a YAML catalogue example in README.md').toBeDefined();
    const example = join(dir, 'readme.yaml');
    writeFileSync(example, yaml!);
    const doc = parseReport('2024年,全县开展人民调解员培训6期,培训人民调解员410人次。', {
      catalog: loadCatalog([example]),
    });
    expect(doc.metrics.map((m) => [m.raw, m.indicatorKey])).toEqual([
      ['6期', null], // the sessions are not the trainees: 期 is not the entry's 人次
      ['410人次', 'justice.mediator_training.trainees'],
    ]);
  });

  it('is refused with the field at fault', () => {
    expect(() => parseCatalogText('domain: x\nentries:\n  - key: Bad Key\n', 'x.yaml')).toThrow(
      /x\.yaml: entries\.0\.key/,
    );
    expect(() =>
      compileCatalog([
        ...sources,
        parseCatalogText(
          'domain: x\nentries:\n  - { key: x.y, name: y, subject: nowhere, measure: count, unit: 件, definition: d }\n',
          'x.yaml',
        ),
      ]),
    ).toThrow(CatalogError);
    // One form naming two events would make a phrase's reading depend on the order of the files.
    const clash = parseCatalogText('domain: x\nevents:\n  taken: { name: 收, forms: [受理] }\n', 'x.yaml');
    expect(() => compileCatalog([...sources, clash])).toThrow(
      /"受理" is a form of both event received and event taken/,
    );
  });
});
