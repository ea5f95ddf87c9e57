// `reportx table` as pure functions: documents in, an analyst's sheet out.
// - wide: one row per report (file, organization, year, report type), one column per canonical
//   indicator key that appears (header: its name and unit), one value per cell (cellChoice.ts);
// - long: one row per (report, key, metric), with value, unit, period, target, raw and sentence.
// Nothing is ever summed. Metrics with no key stay out unless `unkeyed` is set; then they get
// columns of their own, one per indicator phrase (normalised by groupKey) and unit.
import type { Metric, ReportDocument } from '../model/schema.js';
import { formatCell, metricRows, plainDecimal } from '../output/metricRows.js';
import { chooseCandidate } from './cellChoice.js';
import { groupKey } from './groupKey.js';
import { convertValue } from './unitConversion.js';

/** What the catalogue says of a key: the column's header and the unit its values are given in. */
export interface KeyInfo {
  name: string;
  unit: string;
  /** Measure words the entry counts as one unit (件, 宗, 起). */
  equivalentUnits?: readonly string[];
}

export interface ReportTableOptions {
  /** The catalogue's description of a key; without one, name and unit come from the first metric. */
  describeKey?: (key: string) => KeyInfo | undefined;
  /** Give metrics with no key columns (wide) or rows (long) too. */
  unkeyed?: boolean;
}

/** The metric fields this module reads beyond the base ones: the catalogue's key and name. */
type KeyedMetric = Metric & { indicatorKey?: string | null; indicatorName?: string | null };

const keyOf = (m: Metric): string | null => (m as KeyedMetric).indicatorKey ?? null;
const nameOf = (m: Metric): string | null => (m as KeyedMetric).indicatorName ?? null;

export interface WideColumn {
  /** The catalogue key, or null for a column of unkeyed metrics. */
  key: string | null;
  name: string;
  unit: string;
}

export interface WideCell {
  value: number;
  metricId: string;
  target: boolean;
}

export interface WideReport {
  file: string | null;
  organization: string | null;
  year: number | null;
  reportType: string;
  /** Column index → the cell; absent when the report has no metric of the column. */
  cells: Map<number, WideCell>;
}

export interface WideTable {
  columns: WideColumn[];
  reports: WideReport[];
  /** Metrics of a column whose unit cannot be converted to the column's: listed in the long layout only. */
  unconvertible: number;
  /** Metrics with no key, left out (only when unkeyed is off). */
  unkeyed: number;
}

/** Leading columns of every wide row. */
export const WIDE_REPORT_COLUMNS = ['file', 'organization', 'year', 'reportType'] as const;

interface ColumnState extends WideColumn {
  id: string;
  equivalentUnits: readonly string[];
  /** For unkeyed columns: spelling → count, to name the column by its most frequent spelling. */
  spellings?: Map<string, number>;
}

/**
 * Builds the wide table one document at a time, keeping only the chosen cells (not the
 * documents), so a batch can be fed in as it is parsed.
 */
export class WideTableBuilder {
  private readonly columns = new Map<string, ColumnState>();
  private readonly reports: (Omit<WideReport, 'cells'> & { cells: Map<string, WideCell> })[] = [];
  private unconvertible = 0;
  private unkeyed = 0;

  constructor(private readonly options: ReportTableOptions = {}) {}

  add(document: ReportDocument): void {
    const candidates = new Map<string, (WideCell & { period: string | null; start: number })[]>();
    for (const m of document.metrics) {
      const column = this.columnFor(m);
      if (!column) continue;
      const value = convertValue(m.value, m.unit, column.unit, column.equivalentUnits);
      if (value === null) {
        this.unconvertible++;
        continue;
      }
      const list = candidates.get(column.id) ?? [];
      list.push({ value, metricId: m.id, target: m.target, period: m.period, start: m.span.start });
      candidates.set(column.id, list);
    }
    const cells = new Map<string, WideCell>();
    for (const [id, list] of candidates) {
      const best = chooseCandidate(list)!;
      cells.set(id, { value: best.value, metricId: best.metricId, target: best.target });
    }
    const { meta, source } = document;
    this.reports.push({
      file: source.path,
      organization: meta.organization,
      year: meta.year,
      reportType: meta.reportType,
      cells,
    });
  }

  private columnFor(m: Metric): ColumnState | null {
    const key = keyOf(m);
    if (key !== null) {
      let column = this.columns.get(key);
      if (!column) {
        const info = this.options.describeKey?.(key);
        column = {
          id: key,
          key,
          name: info?.name ?? nameOf(m) ?? key,
          unit: info?.unit ?? m.unit,
          equivalentUnits: info?.equivalentUnits ?? [],
        };
        this.columns.set(key, column);
      }
      return column;
    }
    if (!this.options.unkeyed || m.indicator === null || m.indicator.trim() === '') {
      this.unkeyed++;
      return null;
    }
    // One column per phrase and unit: values of different units never share an unkeyed column.
    const id = `\u0000${groupKey(m.indicator)}\u0000${m.unit}\u0000${m.kind}`;
    let column = this.columns.get(id);
    if (!column) {
      column = { id, key: null, name: m.indicator, unit: m.unit, equivalentUnits: [], spellings: new Map() };
      this.columns.set(id, column);
    }
    column.spellings!.set(m.indicator, (column.spellings!.get(m.indicator) ?? 0) + 1);
    return column;
  }

  /** The table; only columns with a value in at least `minReports` reports. */
  result(minReports = 1): WideTable {
    const coverage = (id: string) => this.reports.filter((r) => r.cells.has(id)).length;
    const chosen = [...this.columns.values()].filter((c) => coverage(c.id) >= minReports);
    // Keyed columns by key (which groups a domain's indicators), then unkeyed ones as first seen.
    const keyed = chosen.filter((c) => c.key !== null).sort((a, b) => (a.key! < b.key! ? -1 : 1));
    const unkeyed = chosen.filter((c) => c.key === null);
    const ordered = [...keyed, ...unkeyed];
    const columns: WideColumn[] = ordered.map((c) => ({
      key: c.key,
      name: c.spellings ? mostFrequent(c.spellings) : c.name,
      unit: c.unit,
    }));
    const reports: WideReport[] = this.reports.map((r) => {
      const cells = new Map<number, WideCell>();
      ordered.forEach((c, i) => {
        const cell = r.cells.get(c.id);
        if (cell) cells.set(i, cell);
      });
      return { ...r, cells };
    });
    return { columns, reports, unconvertible: this.unconvertible, unkeyed: this.unkeyed };
  }
}

/** The most frequent spelling; the first seen on a tie. */
function mostFrequent(counts: Map<string, number>): string {
  let best = '';
  let most = 0;
  for (const [spelling, n] of counts) {
    if (n > most) {
      best = spelling;
      most = n;
    }
  }
  return best;
}

export type HeaderStyle = 'name' | 'key';

/** A column's header: `行政复议收案数 (件)`, or its key with --header key; unkeyed columns are marked. */
export function columnHeader(column: WideColumn, style: HeaderStyle = 'name'): string {
  if (column.key !== null) return style === 'key' ? column.key : `${column.name} (${column.unit})`;
  return `[unkeyed] ${column.name} (${column.unit})`;
}

/** The wide table as text fields: a header, then one record per report. */
export function wideRecords(table: WideTable, style: HeaderStyle = 'name'): string[][] {
  return [
    [...WIDE_REPORT_COLUMNS, ...table.columns.map((c) => columnHeader(c, style))],
    ...table.reports.map((r) => [
      r.file === null ? 'stdin' : r.file,
      r.organization ?? '',
      r.year === null ? '' : String(r.year),
      r.reportType,
      ...table.columns.map((_, i) => {
        const cell = r.cells.get(i);
        return cell ? plainDecimal(cell.value) : '';
      }),
    ]),
  ];
}

/** Columns of the long layout, in order. */
export const LONG_COLUMNS = [
  'file',
  'organization',
  'year',
  'reportType',
  'indicatorKey',
  'indicatorName',
  'indicator',
  'value',
  'unit',
  'kind',
  'approx',
  'change',
  'target',
  'period',
  'raw',
  'sectionPath',
  'sentence',
  'start',
  'end',
] as const;

/** The long layout's records of one document (no header): one per keyed metric, or every metric with unkeyed. */
export function* longRecords(document: ReportDocument, options: ReportTableOptions = {}): Generator<string[]> {
  let i = 0;
  for (const row of metricRows(document)) {
    const m = document.metrics[i++];
    const key = keyOf(m);
    if (key === null && !options.unkeyed) continue;
    const name = key === null ? null : (options.describeKey?.(key)?.name ?? nameOf(m));
    const fields: Record<(typeof LONG_COLUMNS)[number], string> = {
      ...Object.fromEntries(Object.entries(row).map(([k, v]) => [k, formatCell(v)])),
      indicatorKey: key ?? '',
      indicatorName: name ?? '',
    } as Record<(typeof LONG_COLUMNS)[number], string>;
    yield LONG_COLUMNS.map((c) => fields[c]);
  }
}
