// Shared by csv/tsv/table tests: hand-built documents, a writer harness, and running the built CLI.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { reportDocumentSchema, type Metric, type ReportDocument, type SectionNode } from '../src/model/schema.js';
import { csvWriter, tsvWriter, type CsvOptions } from '../src/cli/writers/delimitedWriter.js';
import { loadRenderer } from '../src/output/renderDocument.js';
import { plainDecimal } from '../src/output/metricRows.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const FIXTURES = readdirSync(join(ROOT, 'fixtures'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => `fixtures/${f}`);

/** The CLI tests run dist/: fail with a clear message instead of testing a stale or missing build. */
export function requireBuild(): void {
  for (const f of ['dist/cli/main.js', 'dist/cli/tableCommand.js', 'dist/cli/writers/delimitedWriter.js']) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` before these tests`);
  }
}

export interface CliResult {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string | undefined> = {}): CliResult {
  const r = spawnSync(process.execPath, ['bin/reportx.js', ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

/** `reportx parse FILES --format json`, parsed. */
export function jsonDocuments(files: string[]): ReportDocument[] {
  const r = runCli(['parse', ...files, '--format', 'json', '--quiet']);
  if (r.status !== 0) throw new Error(`parse --format json exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout.toString('utf8')) as ReportDocument[];
}

/** Everything the csv/tsv writer writes for these documents, each rendered by the same format, as text. */
export async function written(
  format: 'csv' | 'tsv',
  options: CsvOptions & { escapeFormulas?: boolean },
  docs: ReportDocument[],
): Promise<string> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const writer = format === 'csv' ? csvWriter(stream, options) : tsvWriter(stream, options);
  const render = await loadRenderer({ format, columns: options.columns, escapeFormulas: options.escapeFormulas });
  for (const d of docs) await writer.write(render(d), d.source.path ?? '-');
  await writer.end();
  return Buffer.concat(chunks).toString('utf8');
}

/** Sentences that break naive CSV/TSV: commas, both kinds of quotes, tabs, LF, CRLF, lone CR, backslashes. */
export const HARD_SENTENCES = [
  '全年办理法律援助案件1203件，同比增长12.5%, 其中"刑事案件"95件。',
  '调解成功率达“99.78%”，\t位居全市第一。',
  '接待群众咨询5000人次；\n线上答复62人次。',
  '化解矛盾纠纷412起，\r\n涉及金额1688.29万元\r（含“追索劳动报酬”）。',
  '路径 C:\\法援\\2024\\n 不是换行，\\t 也不是制表符。',
];

function metric(
  id: string,
  fields: Partial<Metric> & Pick<Metric, 'raw' | 'value' | 'unit' | 'indicator'>,
  sentence: string,
  offset: number,
): Metric {
  const start = offset + Math.max(0, sentence.indexOf(fields.raw));
  return {
    id,
    span: { start, end: start + fields.raw.length },
    kind: 'count',
    approx: null,
    change: null,
    target: false,
    indicatorSpan: null,
    indicatorKey: null,
    indicatorName: null,
    period: null,
    sectionId: null,
    sentence: { start: offset, end: offset + sentence.length, text: sentence },
    ...fields,
  };
}

const SECTIONS: SectionNode[] = [
  {
    id: 's1',
    depth: 1,
    marker: '一、',
    ordinal: 1,
    title: '2024年工作回顾',
    kind: 'review',
    span: { start: 0, end: 500 },
    children: [
      {
        id: 's1.1',
        depth: 2,
        marker: '（一）',
        ordinal: 1,
        title: '法律援助, "应援尽援"',
        kind: 'review',
        span: { start: 10, end: 200 },
        children: [],
      },
      {
        id: 's1.2',
        depth: 2,
        marker: '（二）',
        ordinal: 2,
        title: '人民调解',
        kind: 'review',
        span: { start: 200, end: 500 },
        children: [],
      },
    ],
  },
  {
    id: 's2',
    depth: 1,
    marker: '二、',
    ordinal: 2,
    title: '2025年工作打算',
    kind: 'plan',
    span: { start: 500, end: 900 },
    children: [],
  },
];

/** A small valid document whose metrics exercise every column and every awkward character. */
export function sampleDocument(path: string | null = 'reports/崇川区司法局,2024.txt'): ReportDocument {
  const [s0, s1, s2, s3, s4] = HARD_SENTENCES;
  const doc: ReportDocument = {
    source: {
      path,
      encoding: 'gb18030',
      encodingConfidence: 1,
      format: 'text',
      characters: 900,
      sha256: 'a'.repeat(64),
      generator: 'reportx 0.1.0',
    },
    meta: {
      organization: '崇川区司法局',
      year: 2024,
      reportType: 'review+plan',
      title: '2024年工作总结',
      publishedAt: null,
      documentNumber: null,
    },
    sections: SECTIONS,
    metrics: [
      metric(
        'm1',
        {
          raw: '1203件',
          value: 1203,
          unit: '件',
          indicator: '法律援助案件',
          indicatorKey: 'justice.legal_aid.cases',
          indicatorName: '法律援助案件数',
          sectionId: 's1.1',
          period: '全年',
        },
        s0,
        20,
      ),
      metric(
        'm2',
        {
          raw: '12.5%',
          value: 12.5,
          unit: '%',
          kind: 'percent',
          change: 'up',
          indicator: '同比增长',
          sectionId: 's1.1',
        },
        s0,
        20,
      ),
      metric(
        'm3',
        { raw: '99.78%', value: 99.78, unit: '%', kind: 'percent', indicator: '调解成功率', sectionId: 's1.2' },
        s1,
        210,
      ),
      metric(
        'm4',
        { raw: '5000人次', value: 5000, unit: '人次', indicator: null, approx: 'about', sectionId: null },
        s2,
        300,
      ),
      metric(
        'm5',
        {
          raw: '1688.29万元',
          value: 16882900,
          unit: '元',
          kind: 'amount',
          indicator: '涉及金额',
          sectionId: 's1.2',
          period: '1-9月\t（含\n追加）',
        },
        s3,
        350,
      ),
      metric(
        'm6',
        {
          raw: '1.2万亿亿元',
          value: 1.2e21,
          unit: '元',
          kind: 'amount',
          indicator: '路径\\n',
          sectionId: 's2',
          target: true,
        },
        s4,
        600,
      ),
      metric(
        'm7',
        {
          raw: '0.0000001%',
          value: 1e-7,
          unit: '%',
          kind: 'percent',
          approx: 'more_than',
          indicator: '极小比例',
          sectionId: 'missing-id',
        },
        s4,
        600,
      ),
    ],
    warnings: [],
  };
  return reportDocumentSchema.parse(doc);
}

/** A second report, to exercise several documents in one output. */
export function secondDocument(): ReportDocument {
  const text = '嵊泗县全年受理法律援助案件97件，公证58件。';
  return reportDocumentSchema.parse({
    source: {
      path: 'reports/嵊泗.txt',
      encoding: 'utf-8',
      encodingConfidence: 1,
      format: 'text',
      characters: text.length,
      sha256: 'b'.repeat(64),
      generator: 'reportx 0.1.0',
    },
    meta: {
      organization: null,
      year: 2022,
      reportType: 'review',
      title: null,
      publishedAt: null,
      documentNumber: null,
    },
    sections: [],
    metrics: [
      metric('m1', { raw: '97件', value: 97, unit: '件', indicator: '法律援助案件' }, text, 0),
      metric('m2', { raw: '58件', value: 58, unit: '件', indicator: '公证' }, text, 0),
    ],
    warnings: [],
  } satisfies ReportDocument);
}

/**
 * A report whose text cells start like spreadsheet formulas (=, +, -, @, tab, CR, and quotes before
 * them), and a negative number, which must stay a number.
 */
export function formulaDocument(): ReportDocument {
  const text = '=HYPERLINK("http://x.invalid","点击")全年办理案件12件，同比减少3件。';
  return reportDocumentSchema.parse({
    source: {
      path: '@reports/=cmd.txt',
      encoding: 'utf-8',
      encodingConfidence: 1,
      format: 'text',
      characters: text.length,
      sha256: 'c'.repeat(64),
      generator: 'reportx 0.1.0',
    },
    meta: {
      organization: '+某县司法局',
      year: 2024,
      reportType: 'review',
      title: null,
      publishedAt: null,
      documentNumber: null,
    },
    sections: [],
    metrics: [
      metric('m1', { raw: '12件', value: 12, unit: '件', indicator: '-办理案件', period: '\t全年' }, text, 0),
      metric(
        'm2',
        { raw: '3件', value: -3, unit: '件', indicator: "'=已引号", change: 'down', period: '\r本月' },
        text,
        0,
      ),
      metric('m3', { raw: '3件', value: 3, unit: '件', indicator: "'普通引号" }, text, 0),
    ],
    warnings: [],
  } satisfies ReportDocument);
}

/**
 * What each metric column must say, computed from a document independently of src/output:
 * the section path by searching the tree, numbers as plain decimals, null as ''.
 */
export function expectedRecords(doc: ReportDocument): Record<string, string>[] {
  const pathTo = (id: string | null): SectionNode[] | null => {
    if (id === null) return null;
    const search = (nodes: SectionNode[], above: SectionNode[]): SectionNode[] | null => {
      for (const n of nodes) {
        if (n.id === id) return [...above, n];
        const found = search(n.children, [...above, n]);
        if (found) return found;
      }
      return null;
    };
    return search(doc.sections, []);
  };
  const s = (v: string | number | boolean | null) =>
    v === null ? '' : typeof v === 'number' ? plainDecimal(v) : String(v);
  return doc.metrics.map((m) => {
    const path = pathTo(m.sectionId);
    return {
      file: s(doc.source.path),
      organization: s(doc.meta.organization),
      year: s(doc.meta.year),
      reportType: doc.meta.reportType,
      sectionPath: path ? path.map((n) => n.title).join(' > ') : '',
      sectionKind: path ? path[path.length - 1].kind : '',
      indicator: s(m.indicator),
      indicatorKey: s(m.indicatorKey),
      indicatorName: s(m.indicatorName),
      raw: m.raw,
      value: s(m.value),
      unit: m.unit,
      kind: m.kind,
      approx: s(m.approx),
      change: s(m.change),
      target: s(m.target),
      period: s(m.period),
      sentence: m.sentence.text,
      start: String(m.span.start),
      end: String(m.span.end),
    };
  });
}
