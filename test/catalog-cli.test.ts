// `--catalog FILE` on parse, table and check (also in the worker threads), and `reportx catalog`
// with and without --unmatched, run as real processes.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';

const ROOT = join(import.meta.dirname, '..');
const cli = (args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin', 'reportx.js'), ...args], { encoding: 'utf8', cwd: ROOT });

const dir = mkdtempSync(join(tmpdir(), 'reportx-catalog-cli-'));
const userCatalog = join(dir, 'hotline.yaml');
writeFileSync(
  userCatalog,
  `domain: hotline
subjects:
  hotline: { name: 12348热线, forms: [12348热线, 12348法律服务热线] }
events:
  answered: { name: 接听, forms: [接听, 接听来电] }
entries:
  - key: justice.hotline.calls
    name: 12348热线接听量
    subject: hotline
    events: [answered]
    measure: count
    unit: 人次
    definition: 12348热线接听的来电
    examples: ['12348热线全年接听来电[3200人次]。']
`,
);
// Twenty reports long enough that a two-job batch hands some to its worker thread once it has
// started (the main thread parses the first ones meanwhile).
const filler = '开展普法宣传,走访企业,印发资料。\n'.repeat(3000);
const reports = Array.from({ length: 20 }, (_, i) => {
  const file = join(dir, `r${i}.txt`);
  writeFileSync(
    file,
    `某县司法局${i}年工作总结\n全年12348热线接听来电${100 + i}人次,受理法律援助案件${30 + i}件。\n${filler}`,
  );
  return file;
});

describe('--catalog', () => {
  it('keys metrics with a user entry on every thread of a parse batch', () => {
    const r = cli(['parse', '-q', '-j', '2', '-f', 'ndjson', '--catalog', userCatalog, ...reports]);
    expect(r.status, r.stderr).toBe(0);
    const docs = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(docs).toHaveLength(20);
    for (const doc of docs)
      expect(doc.metrics.map((m: { indicatorKey: string | null }) => m.indicatorKey)).toEqual([
        'justice.hotline.calls',
        'justice.legal_aid.cases',
      ]);
  });

  it('leaves the same metric unkeyed without it', () => {
    const r = cli(['parse', '-f', 'ndjson', reports[0]]);
    expect(JSON.parse(r.stdout).metrics.map((m: { indicatorKey: string | null }) => m.indicatorKey)).toEqual([
      null,
      'justice.legal_aid.cases',
    ]);
  });

  it('refuses a file that does not fit the format, naming the field, with exit status 2', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'domain: x\nentries:\n  - key: NotDotted\n');
    const r = cli(['parse', '--catalog', bad, reports[0]]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--catalog: .*bad\.yaml: entries\.0\.key/);
    expect(r.stdout).toBe('');
  });

  it('is taken by check --gold and table as well', () => {
    const table = cli(['table', '-f', 'csv', '--catalog', userCatalog, reports[0]]);
    expect(table.status, table.stderr).toBe(0);
    const check = cli(['check', '--gold', 'fixtures', '--catalog', userCatalog]);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toMatch(/^concepts cross-report pairs/m);
  });
});

describe('reportx catalog', () => {
  it('lists every indicator with its key, name and unit, user entries included', () => {
    const r = cli(['catalog', '-f', 'csv', '--catalog', userCatalog]);
    expect(r.status, r.stderr).toBe(0);
    const rows: Record<string, string>[] = parseCsv(r.stdout, { columns: true, bom: true });
    const byKey = new Map(rows.map((row) => [row.key, row]));
    expect(byKey.get('justice.reconsideration.received')).toMatchObject({ name: '行政复议收案数', unit: '件' });
    expect(byKey.get('economy.gdp.change')).toMatchObject({ unit: '%', variant: 'change' });
    expect(byKey.get('justice.hotline.calls')).toMatchObject({ name: '12348热线接听量', domain: 'hotline' });
  });

  it('--unmatched counts the phrases no entry keyed, with a sentence each', () => {
    const r = cli(['catalog', '--unmatched', '-f', 'csv', ...reports.slice(0, 3)]);
    expect(r.status, r.stderr).toBe(0);
    const rows: Record<string, string>[] = parseCsv(r.stdout, { columns: true, bom: true });
    expect(rows[0]).toMatchObject({ count: '3', reports: '3' });
    expect(rows[0].indicator).toContain('12348热线');
    expect(rows[0].example).toContain('接听来电100人次');
    // The keyed one is not listed.
    expect(rows.some((row) => row.indicator.includes('法律援助'))).toBe(false);
  });
});
