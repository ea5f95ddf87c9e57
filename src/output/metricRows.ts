// One flat row per metric: the shape shared by every tabular output (CSV, TSV, `table`, …).
// Pure functions over a ReportDocument; no I/O and no knowledge of any file format.
import type { Metric, ReportDocument, SectionKind, SectionNode } from '../model/schema.js';

/** Every column, in the stable default order. `--columns` picks and orders a subset of these. */
export const METRIC_COLUMNS = [
  'file',
  'organization',
  'year',
  'reportType',
  'sectionPath',
  'sectionKind',
  'indicator',
  'indicatorKey',
  'indicatorName',
  'raw',
  'value',
  'unit',
  'kind',
  'approx',
  'change',
  'target',
  'period',
  'sentence',
  'start',
  'end',
] as const;

export type MetricColumn = (typeof METRIC_COLUMNS)[number];

/** A cell before formatting: null is "no value" (an empty cell), never the string "null". */
export type CellValue = string | number | boolean | null;
export type MetricRow = Record<MetricColumn, CellValue>;

/** Section titles are joined with this to form the sectionPath column. */
export const SECTION_PATH_SEPARATOR = ' > ';

export interface SectionInfo {
  /** Titles from the outermost section down to this one. */
  titles: string[];
  kind: SectionKind;
}

/** id → path of titles and kind, for every section in the tree. */
export function indexSections(sections: readonly SectionNode[]): Map<string, SectionInfo> {
  const index = new Map<string, SectionInfo>();
  const walk = (nodes: readonly SectionNode[], above: string[]) => {
    for (const node of nodes) {
      const titles = [...above, node.title];
      index.set(node.id, { titles, kind: node.kind });
      walk(node.children, titles);
    }
  };
  walk(sections, []);
  return index;
}

/** The rows of one document, in metric order. `start`/`end` are the metric's span in the source text. */
/** A document's fields the rows are made from; its metrics may be made as they are read (parseReportInParts). */
export type RowSource = Pick<ReportDocument, 'source' | 'meta' | 'sections'> & { metrics: Iterable<Metric> };

export function* metricRows(document: RowSource): Generator<MetricRow> {
  const sections = indexSections(document.sections);
  const { meta } = document;
  for (const m of document.metrics) {
    const section = m.sectionId === null ? undefined : sections.get(m.sectionId);
    yield {
      file: document.source.path,
      organization: meta.organization,
      year: meta.year,
      reportType: meta.reportType,
      sectionPath: section ? section.titles.join(SECTION_PATH_SEPARATOR) : null,
      sectionKind: section ? section.kind : null,
      indicator: m.indicator,
      indicatorKey: m.indicatorKey,
      indicatorName: m.indicatorName,
      raw: m.raw,
      value: m.value,
      unit: m.unit,
      kind: m.kind,
      approx: m.approx,
      change: m.change,
      target: m.target,
      period: m.period,
      sentence: m.sentence.text,
      start: m.span.start,
      end: m.span.end,
    };
  }
}

/** The text of a cell: numbers as plain decimals, booleans as true/false, null as empty. */
export function formatCell(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return plainDecimal(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return value;
}

/**
 * A finite number as a plain decimal, never in exponent notation (1.2e21 → "1200000000000000000000",
 * 1e-7 → "0.0000001"). The digits are those of the shortest round-trip form, so
 * Number(plainDecimal(x)) === x.
 */
export function plainDecimal(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  if (Object.is(n, -0)) return '0';
  const s = String(n);
  const e = s.indexOf('e');
  if (e < 0) return s;
  const sign = s.startsWith('-') ? '-' : '';
  const mantissa = s.slice(sign.length, e);
  const exponent = Number(s.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  // Position of the decimal point within `digits` after applying the exponent.
  const point = (dot < 0 ? mantissa.length : dot) + exponent;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

export type ColumnsResult = { ok: true; columns: MetricColumn[] } | { ok: false; reason: string };

/**
 * A `--columns a,b,c` value → the columns in that order. Names are matched ignoring case and
 * surrounding spaces; an unknown, repeated or empty name is refused with a reason listing the valid ones.
 */
export function parseColumns(spec: string): ColumnsResult {
  const valid = `valid columns: ${METRIC_COLUMNS.join(', ')}`;
  const byLower = new Map<string, MetricColumn>(METRIC_COLUMNS.map((c) => [c.toLowerCase(), c]));
  const names = spec.split(',').map((s) => s.trim());
  const columns: MetricColumn[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    if (name === '') return { ok: false, reason: `--columns: empty column name in "${spec}"; ${valid}` };
    const column = byLower.get(name.toLowerCase());
    if (!column) {
      unknown.push(name);
      continue;
    }
    if (columns.includes(column))
      return { ok: false, reason: `--columns: column "${column}" is given twice; ${valid}` };
    columns.push(column);
  }
  if (unknown.length > 0) {
    const list = unknown.map((u) => `"${u}"`).join(', ');
    return { ok: false, reason: `--columns: unknown column${unknown.length > 1 ? 's' : ''} ${list}; ${valid}` };
  }
  return { ok: true, columns };
}
