// The cross-report table as pure functions: documents in, one row per indicator and one column
// per report out. Reading files and printing belong to src/cli/tableCommand.ts.
import { basename } from 'node:path';
import type { MetricKind, ReportDocument } from '../model/schema.js';
import { plainDecimal } from '../output/metricRows.js';
import { groupKey } from './groupKey.js';

/** One report: one column of the table. */
export interface TableColumn {
  /** Unique among the columns: "organization year", else the file name (see columnLabels). */
  label: string;
  file: string | null;
  organization: string | null;
  year: number | null;
}

/** One metric as it lands in a cell. */
export interface CellValue {
  value: number;
  unit: string;
  kind: MetricKind;
  /** The indicator as written in this report. */
  indicator: string;
  metricId: string;
}

export interface TableRow {
  /** groupKey of the indicator: what makes metrics share this row. */
  key: string;
  /** Goals (metric.target) get rows of their own, so a plan is never added to a result. */
  target: boolean;
  /** The most frequent spelling of the indicator in this row (the first seen on a tie). */
  indicator: string;
  /** Every distinct spelling, in order of first appearance. */
  variants: string[];
  /** The unit when every value in the row has the same one, else null (cells then carry units). */
  unit: string | null;
  /** Per column, the values of that report in document order; empty when it has none. */
  cells: CellValue[][];
}

export interface PivotTable {
  columns: TableColumn[];
  /** Rows found in more reports first; among equals, in order of first appearance. */
  rows: TableRow[];
  /** Metrics with no indicator: they cannot be placed in a row and are left out. */
  omitted: number;
}

export interface PivotOptions {
  /** indicator → row key; groupKey by default. */
  keyOf?: (indicator: string) => string;
}

/** Joins the values of a cell that cannot be summed. */
export const CELL_LIST_SEPARATOR = '; ';

/**
 * Builds the table one document at a time, keeping only what the table needs (not the
 * documents), so a batch can be fed in as it is parsed.
 */
export class Pivot {
  private readonly keyOf: (indicator: string) => string;
  private readonly columns: Omit<TableColumn, 'label'>[] = [];
  private readonly rows = new Map<
    string,
    {
      row: Omit<TableRow, 'cells' | 'unit' | 'indicator'>;
      cells: Map<number, CellValue[]>;
      counts: Map<string, number>;
    }
  >();
  private omitted = 0;

  constructor(options: PivotOptions = {}) {
    this.keyOf = options.keyOf ?? groupKey;
  }

  add(document: ReportDocument): void {
    const column = this.columns.length;
    this.columns.push({
      file: document.source.path,
      organization: document.meta.organization,
      year: document.meta.year,
    });
    for (const m of document.metrics) {
      if (m.indicator === null || m.indicator.trim() === '') {
        this.omitted++;
        continue;
      }
      const key = this.keyOf(m.indicator);
      const id = `${m.target ? 'T' : 'R'}${key}`;
      let entry = this.rows.get(id);
      if (!entry) {
        entry = { row: { key, target: m.target, variants: [] }, cells: new Map(), counts: new Map() };
        this.rows.set(id, entry);
      }
      if (!entry.row.variants.includes(m.indicator)) entry.row.variants.push(m.indicator);
      entry.counts.set(m.indicator, (entry.counts.get(m.indicator) ?? 0) + 1);
      let cell = entry.cells.get(column);
      if (!cell) {
        cell = [];
        entry.cells.set(column, cell);
      }
      cell.push({ value: m.value, unit: m.unit, kind: m.kind, indicator: m.indicator, metricId: m.id });
    }
  }

  result(): PivotTable {
    const labels = columnLabels(this.columns);
    const columns = this.columns.map((c, i) => ({ label: labels[i], ...c }));
    const rows: TableRow[] = [];
    for (const { row, cells, counts } of this.rows.values()) {
      const all = [...cells.values()].flat();
      const units = new Set(all.map((v) => v.unit));
      let indicator = row.variants[0];
      for (const v of row.variants) if (counts.get(v)! > counts.get(indicator)!) indicator = v;
      rows.push({
        ...row,
        indicator,
        variants: [...row.variants],
        unit: units.size === 1 ? all[0].unit : null,
        cells: columns.map((_, i) => cells.get(i) ?? []),
      });
    }
    const reports = (r: TableRow) => r.cells.filter((c) => c.length > 0).length;
    // Array.prototype.sort is stable: equal coverage keeps first-appearance order.
    rows.sort((a, b) => reports(b) - reports(a));
    return { columns, rows, omitted: this.omitted };
  }
}

export function pivotDocuments(documents: Iterable<ReportDocument>, options: PivotOptions = {}): PivotTable {
  const pivot = new Pivot(options);
  for (const d of documents) pivot.add(d);
  return pivot.result();
}

/** How many reports have a value in the row. */
export function rowCoverage(row: TableRow): number {
  return row.cells.filter((c) => c.length > 0).length;
}

/**
 * "organization year" (or the organization alone when the year is unknown); the file name when
 * the organization is unknown; "stdin" for standard input. Labels that would repeat get the file
 * name appended, then a number.
 */
export function columnLabels(columns: readonly Omit<TableColumn, 'label'>[]): string[] {
  const fileName = (c: Omit<TableColumn, 'label'>) => (c.file === null ? 'stdin' : basename(c.file));
  const base = columns.map((c) =>
    c.organization ? (c.year === null ? c.organization : `${c.organization} ${c.year}`) : fileName(c),
  );
  const count = (labels: string[]) => labels.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const baseCounts = count(base);
  const withFile = base.map((l, i) =>
    baseCounts.get(l)! > 1 && l !== fileName(columns[i]) ? `${l} (${fileName(columns[i])})` : l,
  );
  const fileCounts = count(withFile);
  const seen = new Map<string, number>();
  return withFile.map((l) => {
    if (fileCounts.get(l)! === 1) return l;
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    return `${l} #${n}`;
  });
}

/**
 * The sum of a cell when it may be summed: every value is a count and all share one unit.
 * Null for an empty cell or one whose values must be listed instead.
 */
export function cellSum(values: readonly CellValue[]): { value: number; unit: string } | null {
  if (values.length === 0) return null;
  const unit = values[0].unit;
  if (!values.every((v) => v.kind === 'count' && v.unit === unit)) return null;
  const sum = values.reduce((s, v) => s + v.value, 0);
  // Drop floating-point noise from adding decimals (0.1 + 0.2); counts stay exact.
  return { value: Number(sum.toPrecision(15)), unit };
}

/**
 * The text of a cell: the sum, or the values listed in document order separated by "; ".
 * Units are written after each number only when the row has no single unit.
 */
export function cellText(values: readonly CellValue[], rowUnit: string | null): string {
  const show = (value: number, unit: string) => plainDecimal(value) + (rowUnit === null ? unit : '');
  const sum = cellSum(values);
  if (sum) return show(sum.value, sum.unit);
  return values.map((v) => show(v.value, v.unit)).join(CELL_LIST_SEPARATOR);
}

/** Leading columns of the CSV/TSV table, before one column per report. */
export const TABLE_FIXED_COLUMNS = ['indicator', 'target', 'unit'] as const;

/** The table as text fields: a header, then one record per row. */
export function tableRecords(table: PivotTable): string[][] {
  const header = [...TABLE_FIXED_COLUMNS, ...table.columns.map((c) => c.label)];
  return [
    header,
    ...table.rows.map((r) => [
      r.indicator,
      r.target ? 'true' : 'false',
      r.unit ?? '',
      ...r.cells.map((c) => cellText(c, r.unit)),
    ]),
  ];
}
