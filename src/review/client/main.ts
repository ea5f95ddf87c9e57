// The review page's script (bundled by scripts/bundle.mjs into dist/review/client.js and inlined
// in every page). Plain DOM, no framework. Only the open report is parsed and drawn: the report
// list is read from one small JSON block at start, each report's own block when it is opened.
import type { ReviewReport, ReviewSummary } from '../pageData.js';
import {
  type Filters,
  KIND_LABELS,
  type MetricFacts,
  metricFacts,
  passes,
  KINDS,
  keyOf,
  openReport,
  sectionPath,
  type OpenReport,
  type PageMetric,
} from './model.js';
import { escapeHtml as esc, renderText } from './textView.js';

type MetricColumn = 'pos' | 'raw' | 'value' | 'kind' | 'goal' | 'indicator' | 'key' | 'section';
type ReportColumn = 'pos' | 'name' | 'year' | 'metrics' | 'goals' | 'unkeyed' | 'warnings';

const state = {
  index: [] as ReviewSummary[],
  report: null as OpenReport | null,
  selected: null as string | null,
  /** The open report's metrics that pass the filters, in the table's order. */
  rows: [] as PageMetric[],
  filters: { kind: '', goal: '', key: '', section: '', text: '' } as Filters,
  sort: { col: 'pos' as MetricColumn, dir: 1 },
  listSort: { col: 'pos' as ReportColumn, dir: 1 },
  listFilter: '',
  /** The report list's rows, in its order and filter (] and [ follow it). */
  listOrder: [] as number[],
  /** With "all reports" ticked: how many metrics of each report pass the filters (section aside). */
  across: null as number[] | null,
};

/** Every report's metrics' facts, built when a search across reports first needs them. */
let acrossIndex: MetricFacts[][] | null = null;
let acrossBuild: Promise<MetricFacts[][]> | null = null;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

function readJson<T>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing data block #${id}`);
  return JSON.parse(el.textContent ?? 'null') as T;
}

// ---------------------------------------------------------------- layout

function layout(): void {
  const app = $('app');
  app.className = '';
  const total = state.index.reduce((n, r) => n + r.metrics, 0);
  app.innerHTML = `
<header class="top">
  <h1>reportx <span>review</span></h1>
  <p class="summary">${state.index.length} report${state.index.length === 1 ? '' : 's'} · ${total} metrics</p>
  <p class="hint"><kbd>j</kbd>/<kbd>k</kbd> metric · <kbd>[</kbd>/<kbd>]</kbd> report · <kbd>/</kbd> search · <button type="button" id="help-button" class="link">keys</button></p>
</header>
<main class="grid">
  <aside class="side" aria-label="Reports and outline">
    <section class="pane reports">
      <div class="panehead">
        <h2>Reports</h2>
        <input type="search" id="report-filter" placeholder="Filter: organization, year, file" aria-label="Filter reports">
        <p class="note" id="report-note" hidden></p>
      </div>
      <div class="scroll" id="report-scroll">
        <table class="list" id="report-list">
          <thead><tr>
            <th data-col="name" scope="col" tabindex="0">Report</th>
            <th data-col="metrics" scope="col" class="num" tabindex="0" title="metrics">M</th>
            <th data-col="goals" scope="col" class="num" tabindex="0" title="goals (target: true)">G</th>
            <th data-col="unkeyed" scope="col" class="num" tabindex="0" title="metrics without a canonical key">U</th>
            <th data-col="warnings" scope="col" class="num" tabindex="0" title="warnings">W</th>
          </tr></thead>
          <tbody></tbody>
        </table>
      </div>
    </section>
    <section class="pane outline-pane">
      <div class="panehead"><h2>Outline</h2></div>
      <nav class="scroll" id="outline" aria-label="Sections"></nav>
    </section>
  </aside>
  <section class="pane doc" aria-label="Report text">
    <div class="dochead" id="dochead"></div>
    <div class="scroll" id="text-scroll"><div id="text" class="text" lang="zh-CN"></div></div>
  </section>
  <section class="pane metrics" aria-label="Metrics">
    <div class="filters" id="filters">
      <input type="search" id="search" placeholder="Search metrics (/)" aria-label="Search metrics">
      <select id="f-kind" aria-label="Kind"></select>
      <select id="f-goal" aria-label="Goal or result">
        <option value="">goals and results</option><option value="goal">goals only</option><option value="result">results only</option>
      </select>
      <select id="f-key" aria-label="Canonical key"></select>
      <select id="f-section" aria-label="Section"></select>
      <label class="across" title="count the metrics that pass these filters in every report, and list only the reports that have some"><input type="checkbox" id="f-all"> in all reports</label>
      <button type="button" id="f-clear" class="link">clear</button>
      <span id="f-count" class="count"></span>
    </div>
    <div class="scroll" id="table-scroll">
      <table class="list" id="metric-table">
        <thead><tr></tr></thead>
        <tbody></tbody>
      </table>
      <p class="empty" id="table-empty" hidden>No metric matches the filters.</p>
    </div>
    <div class="details" id="details" aria-live="polite"></div>
  </section>
</main>
<div id="tip" class="tip" role="tooltip" hidden></div>
<div id="help" class="help" role="dialog" aria-label="Keyboard" hidden>
  <h2>Keyboard</h2>
  <dl>
    <dt><kbd>j</kbd> <kbd>n</kbd></dt><dd>next metric (in the table's order and filters)</dd>
    <dt><kbd>k</kbd> <kbd>p</kbd></dt><dd>previous metric</dd>
    <dt><kbd>]</kbd></dt><dd>next report</dd>
    <dt><kbd>[</kbd></dt><dd>previous report</dd>
    <dt><kbd>/</kbd></dt><dd>search the metrics</dd>
    <dt><kbd>w</kbd></dt><dd>next warning in the text</dd>
    <dt><kbd>Esc</kbd></dt><dd>leave the search, close this</dd>
  </dl>
  <p>Hover or focus a marked number for its details; click a row or a number to select it.</p>
</div>`;
}

// ---------------------------------------------------------------- report list

function reportName(r: ReviewSummary): string {
  return r.organization ?? basename(r.file);
}

function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function renderReportList(): void {
  const filter = state.listFilter.trim().toLowerCase();
  const rows = state.index
    .map((r, i) => ({ r, i }))
    .filter(({ i }) => state.across === null || state.across[i] > 0)
    .filter(
      ({ r }) =>
        filter === '' ||
        `${r.organization ?? ''} ${r.year ?? ''} ${r.reportType} ${r.file} ${r.title ?? ''}`
          .toLowerCase()
          .includes(filter),
    );
  const { col, dir } = state.listSort;
  const value = ({ r, i }: { r: ReviewSummary; i: number }): string | number => {
    switch (col) {
      case 'pos':
        return i;
      case 'name':
        return reportName(r);
      case 'year':
        return r.year ?? -1;
      default:
        return r[col];
    }
  };
  rows.sort((a, b) => compare(value(a), value(b)) * dir || a.i - b.i);
  const open = state.report?.index;
  state.listOrder = rows.map(({ i }) => i);
  const hits = (i: number) =>
    state.across ? `<span class="hits" title="metrics that pass the filters">${state.across[i]}</span>` : '';
  $('report-list').querySelector('tbody')!.innerHTML = rows
    .map(
      ({ r, i }) => `<tr data-i="${i}" class="${i === open ? 'open' : ''}" title="${esc(r.file)}" tabindex="0">
<td class="name"><span class="org">${hits(i)}${esc(reportName(r))}</span><span class="sub">${r.year ?? '—'} · ${esc(r.reportType)} · ${esc(basename(r.file))}</span></td>
<td class="num c-metrics">${r.metrics}</td><td class="num c-goals">${r.goals}</td><td class="num c-unkeyed">${r.unkeyed}</td><td class="num c-warnings${r.warnings ? ' has' : ''}">${r.warnings}</td></tr>`,
    )
    .join('');
  markSorted($('report-list'), col, dir);
  const note = $('report-note');
  note.hidden = state.across === null && filter === '';
  note.textContent = `${rows.length} of ${state.index.length} reports${state.across ? ' have metrics that pass the filters' : ''}`;
}

/** Recounts every report's metrics that pass the filters, when "in all reports" is ticked. */
async function updateAcross(): Promise<void> {
  const f = { ...state.filters, section: '' };
  const active = $<HTMLInputElement>('f-all').checked && Object.values(f).some((v) => v !== '');
  if (!active) {
    if (state.across !== null) {
      state.across = null;
      renderReportList();
    }
    return;
  }
  const index = acrossIndex ?? (await buildAcrossIndex());
  // The filters may have changed while the index was built: count with the latest.
  const latest = { ...state.filters, section: '' };
  if (!$<HTMLInputElement>('f-all').checked) return;
  state.across = index.map((list) => list.filter((facts) => passes(facts, latest)).length);
  renderReportList();
}

function buildAcrossIndex(): Promise<MetricFacts[][]> {
  acrossBuild ??= new Promise((resolve) => {
    const built: MetricFacts[][] = [];
    const step = () => {
      const until = performance.now() + 30;
      while (built.length < state.index.length && performance.now() < until) {
        const report = openReport(built.length, readJson<ReviewReport>(`rx-report-${built.length}`));
        built.push(report.metrics.map((m) => metricFacts(report, m)));
      }
      $('report-note').hidden = false;
      $('report-note').textContent = `reading reports… ${built.length} / ${state.index.length}`;
      if (built.length < state.index.length) setTimeout(step, 0);
      else {
        acrossIndex = built;
        resolve(built);
      }
    };
    step();
  });
  return acrossBuild;
}

/** The report after (+1) or before (−1) the open one in the report list as it is sorted and filtered. */
function stepReport(dir: 1 | -1): void {
  const order = state.listOrder;
  if (order.length === 0 || !state.report) return;
  const at = order.indexOf(state.report.index);
  const next = at < 0 ? (dir > 0 ? 0 : order.length - 1) : at + dir;
  if (next >= 0 && next < order.length) open(order[next]);
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-CN');
}

function markSorted(table: HTMLElement, col: string, dir: number): void {
  for (const th of table.querySelectorAll<HTMLElement>('th[data-col]')) {
    th.setAttribute('aria-sort', th.dataset.col === col ? (dir > 0 ? 'ascending' : 'descending') : 'none');
  }
}

// ---------------------------------------------------------------- opening a report

function open(index: number, metricId: string | null = null): void {
  if (index < 0 || index >= state.index.length) return;
  const data = readJson<ReviewReport>(`rx-report-${index}`);
  const report = openReport(index, data);
  state.report = report;
  facts = new Map();
  state.selected = null;
  // Filters that name something this report may not have start again.
  state.filters.section = '';
  if (!report.hasKeyField) state.filters.key = '';
  renderHead();
  $('text').innerHTML = renderText(report);
  $('text-scroll').scrollTop = 0;
  renderOutline();
  collectHeadings();
  renderFilterOptions();
  renderTable();
  for (const tr of $('report-list').querySelectorAll('tr.open')) tr.classList.remove('open');
  const row = $('report-list').querySelector<HTMLElement>(`tr[data-i="${index}"]`);
  row?.classList.add('open');
  if (row) scrollWithin($('report-scroll'), row, 'nearest');
  document.title = `${reportName(state.index[index])} — reportx review`;
  if (metricId && report.byId.has(metricId)) select(metricId, { text: true, table: true });
  else renderDetails();
  queueSpy();
  writeHash();
}

function renderHead(): void {
  const r = state.report!;
  const s = state.index[r.index];
  const meta = r.document.meta;
  const loose = r.warnings.filter((w) => !w.span);
  const kindCounts = new Map<string, number>();
  for (const m of r.metrics) kindCounts.set(m.kind, (kindCounts.get(m.kind) ?? 0) + 1);
  // The legend names the kinds this report has (each one a filter when clicked).
  const legend = KINDS.filter((k) => kindCounts.has(k) || state.filters.kind === k)
    .map(
      (k) =>
        `<button type="button" class="chip k-${k}${kindCounts.get(k) ? '' : ' none'}" data-kind="${k}" title="show only ${k}">${KIND_LABELS[k]} <b>${kindCounts.get(k) ?? 0}</b></button>`,
    )
    .join('');
  $('dochead').innerHTML = `
<div class="titleline">
  <h2>${esc(meta.organization ?? basename(r.file))}${meta.year !== null ? ` <span class="year">${meta.year}</span>` : ''} <span class="type">${esc(meta.reportType)}</span></h2>
  <span class="pos">${r.index + 1} / ${state.index.length}</span>
</div>
<p class="file">${meta.title ? `<span class="doctitle">${esc(meta.title)}</span> · ` : ''}${esc(r.file)} · ${esc(r.document.source.encoding)} · ${r.text.length} characters${meta.publishedAt ? ` · ${esc(meta.publishedAt)}` : ''}${meta.documentNumber ? ` · ${esc(meta.documentNumber)}` : ''}</p>
<div class="legend" aria-label="Counts and legend">
  <span class="counts"><span><b>${s.metrics}</b> metrics</span><span><b>${s.goals}</b> goals</span><span${r.hasKeyField ? '' : ' title="these documents carry no canonical keys"'}><b>${s.unkeyed}</b> unkeyed</span><button type="button" class="link warnlink${s.warnings ? ' has' : ''}" id="next-warning" title="next warning (w)" ${s.warnings ? '' : 'disabled'}><b>${s.warnings}</b> warnings</button></span>
  ${legend}
  <span class="chip sample result">result</span><span class="chip sample goal">goal 目标</span>
  <span class="chip sample"><span class="ind on">indicator</span></span>
  <span class="chip sample"><span class="w wstart">warning</span></span>
  <span class="chip sample" title="Arabic numbers no metric took (dates and heading numbers aside): what may have been missed"><span class="miss">123</span> not taken <b>${r.untaken.length}</b></span>
</div>
${loose.length ? `<ul class="loose">${loose.map((w) => `<li><b>${esc(w.code)}</b> ${esc(w.message)}</li>`).join('')}</ul>` : ''}
${r.unmarked.size ? `<ul class="loose">${[...r.unmarked].map(([id, why]) => `<li><b>${esc(id)}</b> not marked in the text: ${esc(why)}</li>`).join('')}</ul>` : ''}`;
}

function renderOutline(): void {
  const r = state.report!;
  $('outline').innerHTML = r.sections.length
    ? r.sections
        .map(
          (s) =>
            `<button type="button" class="sec d${Math.min(s.depth, 6)} sk-${esc(s.kind)}" data-sec="${esc(s.id)}" style="--depth:${s.depth - 1}" title="${esc(s.id)} · depth ${s.depth} · ${esc(s.kind)}"><span class="mk">${esc(s.marker)}</span><span class="tt">${esc(s.title || '(untitled)')}</span>${s.metrics ? `<span class="n">${s.metrics}</span>` : ''}</button>`,
        )
        .join('')
    : '<p class="empty">No numbered sections.</p>';
}

// ---------------------------------------------------------------- filters and the table

function renderFilterOptions(): void {
  const r = state.report!;
  const f = state.filters;
  const kinds = new Map<string, number>();
  for (const m of r.metrics) kinds.set(m.kind, (kinds.get(m.kind) ?? 0) + 1);
  $('f-kind').innerHTML =
    `<option value="">every kind</option>` +
    KINDS.filter((k) => kinds.has(k) || f.kind === k)
      .map((k) => `<option value="${k}">${k} (${kinds.get(k) ?? 0})</option>`)
      .join('');
  const keySelect = $<HTMLSelectElement>('f-key');
  if (r.hasKeyField) {
    const keys = new Map<string, number>();
    for (const m of r.metrics) {
      const k = keyOf(m);
      if (k) keys.set(k, (keys.get(k) ?? 0) + 1);
    }
    const unkeyed = r.metrics.filter((m) => keyOf(m) === null).length;
    keySelect.innerHTML =
      `<option value="">any key</option><option value="~unkeyed">unkeyed (${unkeyed})</option><option value="~keyed">keyed (${r.metrics.length - unkeyed})</option>` +
      [...keys]
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map(([k, n]) => `<option value="${esc(k)}">${esc(k)} (${n})</option>`)
        .join('');
    keySelect.disabled = false;
    keySelect.title = '';
  } else {
    keySelect.innerHTML = `<option value="">no canonical keys</option>`;
    keySelect.disabled = true;
    keySelect.title = 'these documents carry no indicatorKey';
  }
  $('f-section').innerHTML =
    `<option value="">every section</option><option value="~none">before the first heading</option>` +
    r.sections
      .map(
        (s) =>
          `<option value="${esc(s.id)}">${'\u3000'.repeat(s.depth - 1)}${esc(s.marker)}${esc(truncate(s.title, 18))} (${s.metrics})</option>`,
      )
      .join('');
  if (f.kind && !kinds.has(f.kind)) f.kind = '';
  $<HTMLSelectElement>('f-kind').value = f.kind;
  $<HTMLSelectElement>('f-goal').value = f.goal;
  keySelect.value = f.key;
  if (keySelect.value !== f.key) f.key = '';
  $<HTMLSelectElement>('f-section').value = f.section;
  $<HTMLInputElement>('search').value = f.text;
}

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

/** The open report's metrics' facts for the filters, computed once per report. */
let facts = new Map<string, MetricFacts>();

function matches(r: OpenReport, m: PageMetric, f: Filters): boolean {
  let known = facts.get(m.id);
  if (!known) {
    known = metricFacts(r, m);
    facts.set(m.id, known);
  }
  return passes(known, f);
}

const COLUMNS: { col: MetricColumn; label: string; title: string; keys?: boolean; cls?: string }[] = [
  { col: 'pos', label: '#', title: 'document order', cls: 'num' },
  { col: 'raw', label: 'raw', title: 'as written' },
  { col: 'value', label: 'value', title: 'value in the base unit', cls: 'num' },
  { col: 'kind', label: 'kind', title: 'kind, and whether a goal (goals after results of each kind)' },
  { col: 'indicator', label: 'indicator', title: 'indicator phrase' },
  { col: 'key', label: 'canonical', title: 'canonical indicator (its key on hover)', keys: true },
  { col: 'section', label: 'section', title: 'innermost section' },
];

function sortValue(r: OpenReport, m: PageMetric, col: MetricColumn): string | number {
  switch (col) {
    case 'pos':
      return m.span.start;
    case 'raw':
      return m.raw;
    case 'value':
      return m.value;
    case 'kind':
      return KINDS.indexOf(m.kind as (typeof KINDS)[number]) * 2 + (m.target ? 1 : 0);
    case 'goal':
      return m.target ? 1 : 0;
    case 'indicator':
      return m.indicator ?? '\uffff';
    case 'key':
      return keyOf(m) ?? '\uffff';
    case 'section':
      return r.sectionById.has(m.sectionId ?? '') ? r.sections.indexOf(r.sectionById.get(m.sectionId!)!) : -1;
  }
}

const APPROX: Record<string, [string, string]> = {
  more_than: ['>', 'more than (余, 多, 以上, 超…)'],
  nearly: ['≲', 'nearly (近, 将近, 接近)'],
  about: ['≈', 'about (约, 左右)'],
};

/** The value in its base unit, with signs for an approximation (> ≲ ≈) and a change (▲ ▼). */
function formatValue(m: PageMetric): string {
  const v = Number.isInteger(m.value) ? m.value.toLocaleString('en-US') : String(m.value);
  const approx = m.approx ? APPROX[m.approx] : undefined;
  const sign = approx ? `<span class="sign" title="${approx[1]}">${approx[0]}</span>` : '';
  const change =
    m.change === 'up'
      ? '<span class="chg up" title="a change: up">▲</span>'
      : m.change === 'down'
        ? '<span class="chg down" title="a change: down">▼</span>'
        : '';
  return `${change}${sign}${v}<span class="unit">${esc(m.unit)}</span>`;
}

function renderTable(): void {
  const r = state.report!;
  const cols = COLUMNS.filter((c) => !c.keys || r.hasKeyField);
  const head = $('metric-table').querySelector('thead tr')!;
  head.innerHTML = cols
    .map(
      (c) =>
        `<th data-col="${c.col}" scope="col" title="${c.title} (click to sort)" class="${c.cls ?? ''}">${c.label}</th>`,
    )
    .join('');
  const { col, dir } = state.sort;
  state.rows = r.metrics.filter((m) => matches(r, m, state.filters));
  state.rows.sort((a, b) => compare(sortValue(r, a, col), sortValue(r, b, col)) * dir || a.span.start - b.span.start);
  const body = $('metric-table').querySelector('tbody')!;
  body.innerHTML = state.rows
    .map((m) => {
      const sec = r.sectionById.get(m.sectionId ?? '');
      const key = keyOf(m);
      const cells: Record<MetricColumn, string> = {
        pos: `<td class="num pos">${esc(m.id.replace(/^m/, ''))}</td>`,
        raw: `<td class="raw"><span class="chip k-${m.kind} ${m.target ? 'goal' : 'result'}">${esc(m.raw)}</span></td>`,
        value: `<td class="num val">${formatValue(m)}</td>`,
        kind: `<td class="kind">${m.kind}${m.target ? ' <span class="tag goal">goal</span>' : ''}</td>`,
        goal: '',
        indicator: `<td class="indc">${m.indicator ? esc(m.indicator) : '<span class="none">—</span>'}</td>`,
        // The canonical name reads better in a narrow column; the key is its tooltip.
        key: key
          ? `<td class="key" title="${esc(key)}">${esc(typeof m.indicatorName === 'string' && m.indicatorName ? m.indicatorName : key)}</td>`
          : '<td class="key"><span class="none">unkeyed</span></td>',
        section: `<td class="secc" title="${sec ? esc(sec.marker + sec.title) : ''}">${sec ? esc(sec.marker) + esc(truncate(sec.title, 10)) : '<span class="none">—</span>'}</td>`,
      };
      return `<tr data-m="${esc(m.id)}" class="${m.id === state.selected ? 'sel' : ''}">${cols.map((c) => cells[c.col]).join('')}</tr>`;
    })
    .join('');
  markSorted($('metric-table'), col, dir);
  $('table-empty').hidden = state.rows.length > 0;
  const filtered = Object.values(state.filters).some((v) => v !== '');
  $('f-count').textContent = filtered ? `${state.rows.length} of ${r.metrics.length}` : `${r.metrics.length} metrics`;
  $('f-clear').hidden = !filtered;
  // Marks the filters leave out are dimmed in the text.
  const shown = new Set(state.rows.map((m) => m.id));
  for (const mark of $('text').querySelectorAll<HTMLElement>('mark.m')) {
    mark.classList.toggle('dim', filtered && !shown.has(mark.dataset.m!));
  }
}

// ---------------------------------------------------------------- selection and details

function select(id: string | null, scroll: { text?: boolean; table?: boolean } = {}): void {
  const r = state.report;
  if (!r) return;
  const text = $('text');
  for (const el of text.querySelectorAll('.sel, .on')) el.classList.remove('sel', 'on');
  for (const el of $('metric-table').querySelectorAll('tr.sel')) el.classList.remove('sel');
  text.querySelector('mark[tabindex="0"]')?.setAttribute('tabindex', '-1');
  state.selected = id;
  // The details panel first: its height changes the table's, which the scrolling below measures.
  renderDetails();
  writeHash();
  const path = id === null ? [] : sectionPath(r, r.byId.get(id)?.sectionId ?? null).map((x) => x.id);
  for (const b of $('outline').querySelectorAll<HTMLElement>('button.sec')) {
    b.classList.toggle('cur', path.includes(b.dataset.sec!));
  }
  if (id === null) return;
  const mark = text.querySelector<HTMLElement>(`mark[data-m="${CSS.escape(id)}"]`);
  if (mark) {
    mark.classList.add('sel');
    mark.setAttribute('tabindex', '0');
    if (scroll.text) scrollWithin($('text-scroll'), mark, 'center');
  }
  for (const el of text.querySelectorAll(`[data-ind~="${CSS.escape(id)}"]`)) el.classList.add('on');
  const row = $('metric-table').querySelector<HTMLElement>(`tr[data-m="${CSS.escape(id)}"]`);
  if (row) {
    row.classList.add('sel');
    if (scroll.table) scrollWithin($('table-scroll'), row, 'nearest');
  }
}

/** Next (+1) or previous (−1) metric in the table's order; from outside it, the nearest in the text. */
function step(dir: 1 | -1): void {
  const rows = state.rows;
  if (rows.length === 0) return;
  const at = rows.findIndex((m) => m.id === state.selected);
  let next: number;
  if (at >= 0) next = Math.max(0, Math.min(rows.length - 1, at + dir));
  else if (state.selected === null) next = dir > 0 ? 0 : rows.length - 1;
  else {
    const start = state.report!.byId.get(state.selected)!.span.start;
    next = dir > 0 ? rows.findIndex((m) => m.span.start > start) : findLastIndex(rows, (m) => m.span.start < start);
    if (next < 0) next = dir > 0 ? 0 : rows.length - 1;
  }
  select(rows[next].id, { text: true, table: true });
}

/**
 * Scrolls `container` (not the page) so that `el` is in view: centred, at the top, or moved the
 * least. A sticky table header is kept clear of.
 */
function scrollWithin(container: HTMLElement, el: HTMLElement, how: 'center' | 'start' | 'nearest'): void {
  const box = container.getBoundingClientRect();
  const at = el.getBoundingClientRect();
  const header = container.querySelector('thead')?.getBoundingClientRect().height ?? 0;
  const top = box.top + header + 4;
  const bottom = box.top + container.clientHeight - 4;
  if (how === 'center') container.scrollTop += at.top - box.top - (container.clientHeight - at.height) / 2;
  else if (how === 'start') container.scrollTop += at.top - top - 8;
  else if (at.top < top) container.scrollTop += at.top - top;
  else if (at.bottom > bottom) container.scrollTop += at.bottom - bottom;
}

function findLastIndex<T>(list: T[], test: (x: T) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i])) return i;
  return -1;
}

const KNOWN = new Set([
  'id',
  'span',
  'raw',
  'value',
  'unit',
  'kind',
  'approx',
  'change',
  'target',
  'indicator',
  'indicatorSpan',
  'indicatorKey',
  'indicatorName',
  'period',
  'sectionId',
  'sentence',
]);

/** The metric's fields as rows of a definition list: the schema's, then any other the document has. */
function detailRows(r: OpenReport, m: PageMetric, withSentence: boolean): string {
  const row = (label: string, value: string) => `<dt>${label}</dt><dd>${value}</dd>`;
  const none = '<span class="none">—</span>';
  const text = (v: unknown) => (v === null || v === undefined || v === '' ? none : esc(String(v)));
  const path = sectionPath(r, m.sectionId);
  const rows = [
    row('raw', `<span class="chip k-${m.kind} ${m.target ? 'goal' : 'result'}">${esc(m.raw)}</span>`),
    row('value', formatValue(m)),
    row('kind', esc(m.kind)),
    row('goal', m.target ? '<span class="tag goal">goal (target)</span>' : '<span class="tag result">result</span>'),
    row('approx', text(m.approx)),
    row('change', text(m.change)),
    row('period', text(m.period)),
    row('indicator', text(m.indicator)),
  ];
  if ('indicatorKey' in m) rows.push(row('key', m.indicatorKey ? `<code>${esc(m.indicatorKey)}</code>` : none));
  if ('indicatorName' in m) rows.push(row('name', text(m.indicatorName)));
  rows.push(
    row(
      'section',
      path.length
        ? path.map((s) => `<span class="crumb">${esc(s.marker)}${esc(truncate(s.title, 14))}</span>`).join(' › ')
        : none,
    ),
  );
  for (const [k, v] of Object.entries(m)) {
    if (KNOWN.has(k)) continue;
    rows.push(row(esc(k), typeof v === 'object' && v !== null ? `<code>${esc(JSON.stringify(v))}</code>` : text(v)));
  }
  const why = r.unmarked.get(m.id);
  if (why) rows.push(row('note', `not marked in the text: ${esc(why)}`));
  if (withSentence) rows.push(row('sentence', `<span class="sentence">${sentenceHtml(r, m)}</span>`));
  rows.push(row('offsets', `${m.id} · ${m.span.start}–${m.span.end}`));
  return `<dl>${rows.join('')}</dl>`;
}

function sentenceHtml(r: OpenReport, m: PageMetric): string {
  const s = m.sentence;
  if (!s || s.end <= s.start) return '<span class="none">—</span>';
  const a = Math.max(s.start, Math.min(m.span.start, s.end));
  const b = Math.max(a, Math.min(m.span.end, s.end));
  return `${esc(r.text.slice(s.start, a))}<b>${esc(r.text.slice(a, b))}</b>${esc(r.text.slice(b, s.end))}`;
}

function renderDetails(): void {
  const r = state.report!;
  const m = state.selected ? r.byId.get(state.selected) : undefined;
  $('details').innerHTML = m
    ? `<h3>Selected metric</h3>${detailRows(r, m, true)}`
    : `<p class="empty">Click a number in the text or a row, or press <kbd>j</kbd>, to see a metric's details.</p>`;
}

// ---------------------------------------------------------------- tooltip

function showTip(target: HTMLElement): void {
  const r = state.report;
  if (!r) return;
  const tip = $('tip');
  let html = '';
  if (target.matches('mark.m')) {
    const m = r.byId.get(target.dataset.m!);
    if (!m) return;
    html = detailRows(r, m, false);
  } else if (target.classList.contains('miss') && !target.dataset.w) {
    html = '<p class="warn"><b>not taken</b> no metric took this number (a miss, or rightly left out?)</p>';
  } else if (target.dataset.w !== undefined) {
    html = target.dataset.w
      .split(' ')
      .map((i) => r.warnings[Number(i)])
      .filter(Boolean)
      .map((w) => `<p class="warn"><b>${esc(w.code)}</b> ${esc(w.message)}</p>`)
      .join('');
  }
  if (!html) return;
  tip.innerHTML = html;
  tip.hidden = false;
  const box = target.getBoundingClientRect();
  const tipBox = tip.getBoundingClientRect();
  const left = Math.max(8, Math.min(window.innerWidth - tipBox.width - 8, box.left));
  const below = box.bottom + 6;
  const top = below + tipBox.height > window.innerHeight - 8 ? Math.max(8, box.top - tipBox.height - 6) : below;
  tip.style.left = `${left}px`;
  tip.style.top = `${top}px`;
}

function hideTip(): void {
  $('tip').hidden = true;
}

// ---------------------------------------------------------------- navigation

function nextWarning(): void {
  const spans = [...$('text').querySelectorAll<HTMLElement>('.w.wstart')];
  if (spans.length === 0) return;
  const current = $('text').querySelector('.w.flash');
  const at = current ? spans.indexOf(current as HTMLElement) : -1;
  const next = spans[(at + 1) % spans.length];
  for (const el of $('text').querySelectorAll('.flash')) el.classList.remove('flash');
  next.classList.add('flash');
  scrollWithin($('text-scroll'), next, 'center');
}

function goToSection(id: string): void {
  const el = $('text').querySelector<HTMLElement>(`[data-sec="${CSS.escape(id)}"]`);
  if (!el) return;
  for (const f of $('text').querySelectorAll('.flash')) f.classList.remove('flash');
  el.classList.add('flash');
  scrollWithin($('text-scroll'), el, 'start');
}

/** The outline follows the reading: the section whose heading was last scrolled past is marked. */
let headings: HTMLElement[] = [];
let spyQueued = false;

function collectHeadings(): void {
  const seen = new Set<string>();
  headings = [...$('text').querySelectorAll<HTMLElement>('.hd[data-sec]')].filter((el) => {
    if (seen.has(el.dataset.sec!)) return false;
    seen.add(el.dataset.sec!);
    return true;
  });
}

function spy(): void {
  spyQueued = false;
  const top = $('text-scroll').getBoundingClientRect().top + 48;
  let lo = 0;
  let hi = headings.length - 1;
  let here = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (headings[mid].getBoundingClientRect().top <= top) {
      here = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const id = here >= 0 ? headings[here].dataset.sec! : null;
  for (const b of $('outline').querySelectorAll<HTMLElement>('button.sec')) {
    const on = b.dataset.sec === id;
    if (b.classList.contains('here') !== on) {
      b.classList.toggle('here', on);
      if (on) scrollWithin($('outline'), b, 'nearest');
    }
  }
}

function queueSpy(): void {
  if (spyQueued) return;
  spyQueued = true;
  requestAnimationFrame(spy);
}

function writeHash(): void {
  const r = state.report;
  if (!r) return;
  const hash = `#r=${r.index + 1}${state.selected ? `&m=${encodeURIComponent(state.selected)}` : ''}`;
  if (location.hash !== hash) history.replaceState(null, '', hash);
}

function readHash(): { report: number; metric: string | null } {
  const params = new URLSearchParams(location.hash.slice(1));
  const n = Number(params.get('r'));
  return {
    report: Number.isInteger(n) && n >= 1 && n <= state.index.length ? n - 1 : 0,
    metric: params.get('m'),
  };
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement
  );
}

function onKey(e: KeyboardEvent): void {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.key === 'Escape') {
    $('help').hidden = true;
    hideTip();
    if (isTyping(e.target)) (e.target as HTMLElement).blur();
    return;
  }
  if (isTyping(e.target)) return;
  switch (e.key) {
    case 'j':
    case 'n':
      step(1);
      break;
    case 'k':
    case 'p':
      step(-1);
      break;
    case ']':
      stepReport(1);
      break;
    case '[':
      stepReport(-1);
      break;
    case '/':
      $('search').focus();
      $<HTMLInputElement>('search').select();
      break;
    case 'w':
      nextWarning();
      break;
    case '?':
      $('help').hidden = !$('help').hidden;
      break;
    default:
      return;
  }
  e.preventDefault();
}

function bind(): void {
  document.addEventListener('keydown', onKey);
  $('help-button').addEventListener('click', () => {
    $('help').hidden = !$('help').hidden;
  });
  $('help').addEventListener('click', () => {
    $('help').hidden = true;
  });
  $('report-filter').addEventListener('input', (e) => {
    state.listFilter = (e.target as HTMLInputElement).value;
    renderReportList();
  });
  $('report-list').addEventListener('click', (e) => {
    const th = (e.target as HTMLElement).closest<HTMLElement>('th[data-col]');
    if (th) {
      const col = th.dataset.col as ReportColumn;
      state.listSort =
        state.listSort.col === col ? { col, dir: -state.listSort.dir } : { col, dir: col === 'name' ? 1 : -1 };
      renderReportList();
      return;
    }
    const tr = (e.target as HTMLElement).closest<HTMLElement>('tr[data-i]');
    if (tr) open(Number(tr.dataset.i));
  });
  $('report-list').addEventListener('keydown', (e) => {
    const tr = (e.target as HTMLElement).closest<HTMLElement>('tr[data-i]');
    if (tr && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      open(Number(tr.dataset.i));
    }
  });
  $('outline').addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLElement>('button[data-sec]');
    if (b) goToSection(b.dataset.sec!);
  });
  $('dochead').addEventListener('click', (e) => {
    const t = e.target as HTMLElement;
    const chip = t.closest<HTMLElement>('button[data-kind]');
    if (chip) {
      state.filters.kind = state.filters.kind === chip.dataset.kind ? '' : chip.dataset.kind!;
      renderFilterOptions();
      renderTable();
      void updateAcross();
    } else if (t.closest('#next-warning')) nextWarning();
  });
  const onFilter = () => {
    state.filters = {
      kind: $<HTMLSelectElement>('f-kind').value,
      goal: $<HTMLSelectElement>('f-goal').value,
      key: $<HTMLSelectElement>('f-key').value,
      section: $<HTMLSelectElement>('f-section').value,
      text: $<HTMLInputElement>('search').value,
    };
    renderTable();
    if (state.selected) select(state.selected);
    void updateAcross();
  };
  $('f-all').addEventListener('change', () => void updateAcross());
  for (const id of ['f-kind', 'f-goal', 'f-key', 'f-section']) $(id).addEventListener('change', onFilter);
  $('search').addEventListener('input', onFilter);
  $('search').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && state.rows.length) {
      select(state.rows[0].id, { text: true, table: true });
      (e.target as HTMLElement).blur();
    }
  });
  $('f-clear').addEventListener('click', () => {
    state.filters = { kind: '', goal: '', key: '', section: '', text: '' };
    renderFilterOptions();
    renderTable();
    void updateAcross();
  });
  // Column headers sort with Enter as with a click.
  for (const id of ['metric-table', 'report-list']) {
    $(id).addEventListener('keydown', (e) => {
      const th = (e.target as HTMLElement).closest<HTMLElement>('th[data-col]');
      if (th && e.key === 'Enter') th.click();
    });
  }
  const table = $('metric-table');
  table.addEventListener('click', (e) => {
    const th = (e.target as HTMLElement).closest<HTMLElement>('th[data-col]');
    if (th) {
      const col = th.dataset.col as MetricColumn;
      state.sort = state.sort.col === col ? { col, dir: -state.sort.dir } : { col, dir: 1 };
      renderTable();
      if (state.selected) select(state.selected, { table: true });
      return;
    }
    const tr = (e.target as HTMLElement).closest<HTMLElement>('tr[data-m]');
    if (tr) select(tr.dataset.m!, { text: true });
  });
  // Hovering a row shows where its metric is in the text.
  table.addEventListener('mouseover', (e) => {
    const tr = (e.target as HTMLElement).closest<HTMLElement>('tr[data-m]');
    for (const el of $('text').querySelectorAll('mark.hover')) el.classList.remove('hover');
    if (tr)
      $('text')
        .querySelector(`mark[data-m="${CSS.escape(tr.dataset.m!)}"]`)
        ?.classList.add('hover');
  });
  table.addEventListener('mouseleave', () => {
    for (const el of $('text').querySelectorAll('mark.hover')) el.classList.remove('hover');
  });
  const text = $('text');
  text.addEventListener('click', (e) => {
    const mark = (e.target as HTMLElement).closest<HTMLElement>('mark.m');
    if (mark) {
      select(mark.dataset.m!, { table: true });
      mark.focus({ preventScroll: true });
    }
  });
  const tipTarget = (el: EventTarget | null) =>
    (el as HTMLElement | null)?.closest?.<HTMLElement>('mark.m, [data-w], .miss');
  text.addEventListener('mouseover', (e) => {
    const t = tipTarget(e.target);
    if (t) showTip(t);
  });
  text.addEventListener('mouseout', (e) => {
    if (tipTarget(e.target) && !tipTarget(e.relatedTarget)) hideTip();
  });
  text.addEventListener('focusin', (e) => {
    const t = tipTarget(e.target);
    if (t) showTip(t);
  });
  text.addEventListener('focusout', hideTip);
  $('text-scroll').addEventListener(
    'scroll',
    () => {
      hideTip();
      queueSpy();
    },
    { passive: true },
  );
  window.addEventListener('hashchange', () => {
    const { report, metric } = readHash();
    if (report !== state.report?.index) open(report, metric);
    else if (metric && metric !== state.selected) select(metric, { text: true, table: true });
  });
}

function main(): void {
  state.index = readJson<ReviewSummary[]>('rx-index');
  layout();
  bind();
  renderReportList();
  if (state.index.length === 0) {
    $('dochead').innerHTML = '<p class="empty">No report in this page.</p>';
    return;
  }
  const { report, metric } = readHash();
  open(report, metric);
}

main();
