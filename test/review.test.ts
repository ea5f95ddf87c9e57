// `reportx review`: the page is written by the real command line, opened from disk in a real
// Chromium (test/browser.ts) and checked there against the JSON `reportx parse` prints for the
// same files. Screenshots go to test/artifacts/ (git-ignored) for people to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { ReportDocument } from '../src/model/schema.js';
import { jsonForScript, renderReviewPage } from '../src/review/reviewPage.js';
import { parseReport } from '../src/parseReport.js';
import { chromiumPath, launchBrowser } from './browser.js';

const ROOT = join(import.meta.dirname, '..');
const ARTIFACTS = join(ROOT, 'test', 'artifacts');
const FIXTURES = readdirSync(join(ROOT, 'fixtures'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join('fixtures', f));

function reportx(args: string[], cwd = ROOT) {
  return spawnSync(process.execPath, [join(ROOT, 'bin', 'reportx.js'), ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
}

let tmp: string;
let pagePath: string;
let documents: ReportDocument[];
let texts: string[];
let browser: Browser;
let page: Page;
/** Every request the page made, other than for the page itself. */
const requests: string[] = [];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'reportx-review-'));
  pagePath = join(tmp, 'review.html');
  const run = reportx(['review', ...FIXTURES, '-o', pagePath]);
  expect(run.status, run.stderr).toBe(0);
  const parsed = reportx(['parse', ...FIXTURES]);
  expect(parsed.status, parsed.stderr).toBe(0);
  documents = JSON.parse(parsed.stdout);
  texts = FIXTURES.map((f) => readFileSync(join(ROOT, f), 'utf8'));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(pathToFileURL(tmp).href)) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(pagePath).href);
  await page.waitForSelector('#text mark.m');
  expect(errors).toEqual([]);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The canonical name the catalogue gave a metric ('' when none). */
function nameOf(m: ReportDocument['metrics'][number]): string {
  return (m as { indicatorName?: string | null }).indicatorName ?? '';
}

async function openReport(i: number): Promise<void> {
  await page.locator(`#report-list tr[data-i="${i}"]`).click();
  await expect.poll(() => page.locator('.dochead .pos').textContent()).toBe(`${i + 1} / ${FIXTURES.length}`);
}

/** Where each mark and each indicator underline stands in the text the page shows, read from its DOM. */
function readMarks(): Promise<{
  text: string;
  marks: { id: string; start: number; content: string }[];
  indicators: Record<string, [number, number][]>;
}> {
  return page.evaluate(() => {
    const root = document.getElementById('text')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const marks = new Map<string, { id: string; start: number; content: string }>();
    const indicators: Record<string, [number, number][]> = {};
    let offset = 0;
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const mark = node.parentElement!.closest<HTMLElement>('mark.m');
      if (mark && !marks.has(mark.dataset.m!))
        marks.set(mark.dataset.m!, { id: mark.dataset.m!, start: offset, content: mark.textContent ?? '' });
      const ind = node.parentElement!.closest<HTMLElement>('[data-ind]');
      for (const id of ind?.dataset.ind?.split(' ') ?? []) {
        if (!indicators[id]) indicators[id] = [];
        const ranges = indicators[id];
        const last = ranges[ranges.length - 1];
        if (last && last[1] === offset) last[1] += node.data.length;
        else ranges.push([offset, offset + node.data.length]);
      }
      offset += node.data.length;
    }
    return { text: root.textContent ?? '', marks: [...marks.values()], indicators };
  });
}

describe('reportx review: the page for the five fixtures, in Chromium', () => {
  it('marks every metric of the JSON exactly over text.slice(start, end), and underlines its indicator phrase', async () => {
    for (let i = 0; i < FIXTURES.length; i++) {
      await openReport(i);
      const { text, marks, indicators } = await readMarks();
      const doc = documents[i];
      expect(text, `${FIXTURES[i]}: the page shows the whole text`).toBe(texts[i]);
      expect(marks.map((m) => m.id).sort()).toEqual(doc.metrics.map((m) => m.id).sort());
      const byId = new Map(marks.map((m) => [m.id, m]));
      for (const m of doc.metrics) {
        const mark = byId.get(m.id)!;
        expect(mark.start, `${FIXTURES[i]} ${m.id} starts at its span`).toBe(m.span.start);
        expect(mark.content).toBe(texts[i].slice(m.span.start, m.span.end));
        expect(mark.content).toBe(m.raw);
        if (m.indicatorSpan)
          expect(indicators[m.id], `${m.id} ${m.indicator}`).toEqual([[m.indicatorSpan.start, m.indicatorSpan.end]]);
        else expect(indicators[m.id]).toBeUndefined();
      }
      // Goals and results are told apart by class (drawn dashed and hatched, with a 目标 tag).
      const goals = await page
        .locator('#text mark.m.goal')
        .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.m));
      expect(goals.sort()).toEqual(
        doc.metrics
          .filter((m) => m.target)
          .map((m) => m.id)
          .sort(),
      );
    }
  });

  it('shows each warning in place, and the outline has every section with its depth', async () => {
    for (let i = 0; i < FIXTURES.length; i++) {
      await openReport(i);
      const doc = documents[i];
      const shown = await page
        .locator('#text .w')
        .evaluateAll((els) => els.map((e) => ({ w: (e as HTMLElement).dataset.w!, text: e.textContent ?? '' })));
      doc.warnings.forEach((w, n) => {
        if (!w.span) return;
        const text = shown
          .filter((s) => s.w.split(' ').includes(String(n)))
          .map((s) => s.text)
          .join('');
        expect(text, `${FIXTURES[i]} warning ${w.code}`).toBe(texts[i].slice(w.span.start, w.span.end));
      });
      // Numbers no metric took are shown too (what may have been missed): never inside a metric.
      const misses = await page
        .locator('#text .miss')
        .evaluateAll((els) => els.map((e) => ({ text: e.textContent ?? '', inMark: e.closest('mark') !== null })));
      for (const miss of misses)
        expect(miss).toEqual({ text: expect.stringMatching(/^[0-9０-９.．]+$/), inMark: false });
      if (i === 1) expect(misses.map((m) => m.text)).toContain('12348');
      const flat: { id: string; depth: number }[] = [];
      const walk = (list: ReportDocument['sections']) => {
        for (const s of list) {
          flat.push({ id: s.id, depth: s.depth });
          walk(s.children);
        }
      };
      walk(doc.sections);
      const outline = await page.locator('#outline button.sec').evaluateAll((els) =>
        els.map((e) => ({
          id: (e as HTMLElement).dataset.sec!,
          depth: Number(getComputedStyle(e).getPropertyValue('--depth')) + 1,
        })),
      );
      expect(outline).toEqual(flat);
    }
    // The outline navigates: a click brings the heading to the top of the text, and the outline
    // marks the section being read.
    await openReport(2);
    const target = documents[2].sections[documents[2].sections.length - 1];
    await page.locator(`#outline button[data-sec="${target.id}"]`).click();
    await expect
      .poll(() =>
        page.evaluate((id) => {
          const pane = document.getElementById('text-scroll')!.getBoundingClientRect();
          const heading = document.querySelector(`#text [data-sec="${id}"]`)!.getBoundingClientRect();
          return heading.top >= pane.top && heading.top < pane.top + 60;
        }, target.id),
      )
      .toBe(true);
    await expect.poll(() => page.locator('#outline button.sec.here').getAttribute('data-sec')).toBe(target.id);
    // 003 jumps from 9 to 11: the gap is drawn over its heading marker.
    await openReport(3);
    await expect.poll(() => page.locator('#text .w.w-numbering-gap').count()).toBeGreaterThan(0);
  });

  it('lists every report with the counts of the JSON', async () => {
    const rows = await page.locator('#report-list tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        i: Number((tr as HTMLElement).dataset.i),
        metrics: Number(tr.querySelector('.c-metrics')!.textContent),
        goals: Number(tr.querySelector('.c-goals')!.textContent),
        unkeyed: Number(tr.querySelector('.c-unkeyed')!.textContent),
        warnings: Number(tr.querySelector('.c-warnings')!.textContent),
        name: tr.querySelector('.org')!.textContent,
      })),
    );
    expect(rows).toHaveLength(documents.length);
    for (const row of rows) {
      const doc = documents[row.i];
      expect(row).toEqual({
        i: row.i,
        metrics: doc.metrics.length,
        goals: doc.metrics.filter((m) => m.target).length,
        unkeyed: doc.metrics.filter((m) => !(m as { indicatorKey?: string | null }).indicatorKey).length,
        warnings: doc.warnings.length,
        name: doc.meta.organization ?? FIXTURES[row.i].split('/').pop(),
      });
    }
  });

  it('narrows the table with a filter and with a search, and dims what they leave out', async () => {
    await openReport(1);
    const doc = documents[1];
    const tableIds = () =>
      page.locator('#metric-table tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.m!));
    expect(await tableIds()).toEqual(doc.metrics.map((m) => m.id));

    await page.selectOption('#f-kind', 'percent');
    const percents = doc.metrics.filter((m) => m.kind === 'percent').map((m) => m.id);
    expect(percents.length).toBeGreaterThan(0);
    expect(percents.length).toBeLessThan(doc.metrics.length);
    expect(await tableIds()).toEqual(percents);
    expect(await page.locator('#text mark.m:not(.dim)').count()).toBe(percents.length);
    await page.selectOption('#f-kind', '');

    await page.selectOption('#f-goal', 'goal');
    expect(await tableIds()).toEqual(doc.metrics.filter((m) => m.target).map((m) => m.id));
    await page.selectOption('#f-goal', '');

    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.type('律师');
    const found = await tableIds();
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(doc.metrics.length);
    const sentence = (m: ReportDocument['metrics'][number]) => texts[1].slice(m.sentence.start, m.sentence.end);
    // Every metric whose sentence names 律师 is found; each found one names it (sentence, indicator or section).
    for (const m of doc.metrics) if (sentence(m).includes('律师')) expect(found).toContain(m.id);
    const titles = new Map<string, string>();
    const walk = (list: ReportDocument['sections']) => {
      for (const sec of list) {
        titles.set(sec.id, sec.title);
        walk(sec.children);
      }
    };
    walk(doc.sections);
    for (const id of found) {
      const m = doc.metrics.find((x) => x.id === id)!;
      const parts = (m.sectionId ?? '').split('.');
      const path = parts.map((_, n) => titles.get(parts.slice(0, n + 1).join('.')) ?? '').join(' ');
      expect(
        [sentence(m), m.indicator ?? '', nameOf(m), path].some((t) => t.includes('律师')),
        id,
      ).toBe(true);
    }
    expect(await page.locator('#f-count').textContent()).toBe(`${found.length} of ${doc.metrics.length}`);

    // The same search in all reports: the list keeps the reports that have such metrics, with their counts.
    const hasWord = (d: ReportDocument, i: number) => {
      const names = new Map<string, string>();
      const walkAll = (list: ReportDocument['sections']) => {
        for (const sec of list) {
          names.set(sec.id, sec.marker + sec.title);
          walkAll(sec.children);
        }
      };
      walkAll(d.sections);
      return d.metrics.filter((m) => {
        const parts = (m.sectionId ?? '').split('.');
        const path = parts.map((_, n) => names.get(parts.slice(0, n + 1).join('.')) ?? '').join(' ');
        const sent = texts[i].slice(m.sentence.start, m.sentence.end);
        return [sent, m.indicator ?? '', nameOf(m), path].some((t) => t.includes('律师'));
      }).length;
    };
    const expected = documents.map((d, i) => ({ i, n: hasWord(d, i) })).filter((x) => x.n > 0);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(documents.length);
    await page.locator('#f-all').check();
    const listed = () =>
      page.locator('#report-list tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({
          i: Number((tr as HTMLElement).dataset.i),
          n: Number(tr.querySelector('.hits')?.textContent),
        })),
      );
    await expect.poll(listed).toEqual(expected);
    await page.locator('#f-all').uncheck();
    await expect.poll(() => page.locator('#report-list tbody tr').count()).toBe(documents.length);

    await page.locator('#f-clear').click();
    expect(await tableIds()).toHaveLength(doc.metrics.length);
  });

  it('sorts the table by a column, both ways, and the report list by its counts', async () => {
    await openReport(2);
    const doc = documents[2];
    const values = () =>
      page.locator('#metric-table tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.m!));
    const byValue = [...doc.metrics].sort((a, b) => a.value - b.value || a.span.start - b.span.start).map((m) => m.id);
    await page.locator('#metric-table th[data-col="value"]').click();
    expect(await page.locator('#metric-table th[data-col="value"]').getAttribute('aria-sort')).toBe('ascending');
    expect(await values()).toEqual(byValue);
    await page.locator('#metric-table th[data-col="value"]').click();
    const descending = [...doc.metrics]
      .sort((a, b) => b.value - a.value || a.span.start - b.span.start)
      .map((m) => m.id);
    expect(await values()).toEqual(descending);
    await page.locator('#metric-table th[data-col="pos"]').click();
    expect(await values()).toEqual(doc.metrics.map((m) => m.id));

    await page.locator('#report-list th[data-col="metrics"]').click(); // most first
    const order = await page
      .locator('#report-list tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Number((tr as HTMLElement).dataset.i)));
    const expected = documents
      .map((d, i) => ({ i, n: d.metrics.length }))
      .sort((a, b) => b.n - a.n || a.i - b.i)
      .map((x) => x.i);
    expect(order).toEqual(expected);
    // Back to the input order (sorting is the page's state, not the address's) for the tests that follow.
    await page.reload();
    await page.waitForSelector('#text mark.m');
  });

  it('scrolls to a metric when its row is clicked, and selects the row when the metric is clicked', async () => {
    await openReport(2); // the longest report
    const doc = documents[2];
    const last = doc.metrics[doc.metrics.length - 1];
    const visible = (id: string) =>
      page.evaluate((id) => {
        const pane = document.getElementById('text-scroll')!.getBoundingClientRect();
        const mark = document.querySelector(`#text mark[data-m="${id}"]`)!.getBoundingClientRect();
        return mark.top >= pane.top && mark.bottom <= pane.bottom;
      }, id);
    expect(await visible(last.id)).toBe(false);
    await page.locator(`#metric-table tr[data-m="${last.id}"]`).click();
    expect(await visible(last.id)).toBe(true);
    expect(await page.locator('#text mark.m.sel').getAttribute('data-m')).toBe(last.id);
    expect(await page.locator('#details').textContent()).toContain(last.raw);

    const first = doc.metrics[0];
    await page.locator('#text-scroll').evaluate((el) => {
      el.scrollTop = 0;
    });
    await page.locator(`#text mark[data-m="${first.id}"]`).click();
    expect(await page.locator('#metric-table tr.sel').getAttribute('data-m')).toBe(first.id);
    // Its indicator phrase is the one underlined as selected.
    if (first.indicatorSpan) {
      const on = await page.locator('#text .ind.on').allTextContents();
      expect(on.join('')).toBe(texts[2].slice(first.indicatorSpan.start, first.indicatorSpan.end));
    }
  });

  it('shows a metric’s details on hover and on focus', async () => {
    await openReport(0);
    const m = documents[0].metrics.find((x) => x.indicator && x.period)!;
    await page.locator(`#text mark[data-m="${m.id}"]`).hover();
    const tip = page.locator('#tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const text = await tip.textContent();
    for (const part of [m.raw, m.kind, m.indicator!, m.period!, m.unit]) expect(text).toContain(part);
    await page.mouse.move(0, 0);
    await expect.poll(() => tip.isVisible()).toBe(false);
    await page.locator(`#text mark[data-m="${m.id}"]`).focus();
    await expect.poll(() => tip.isVisible()).toBe(true);
  });

  it('moves the selection with the keyboard: j/k between metrics, ]/[ between reports', async () => {
    await openReport(0);
    await page.locator('#text').click({ position: { x: 1, y: 1 } });
    await page.locator('#search').evaluate((el) => (el as HTMLElement).blur());
    const selected = () =>
      page.evaluate(() => document.querySelector<HTMLElement>('#text mark.m.sel')?.dataset.m ?? null);
    const ids = documents[0].metrics.map((m) => m.id);
    await page.keyboard.press('j');
    const a = await selected();
    await page.keyboard.press('j');
    expect(await selected()).toBe(ids[ids.indexOf(a!) + 1]);
    await page.keyboard.press('k');
    expect(await selected()).toBe(a);
    await page.keyboard.press(']');
    await expect.poll(() => page.locator('.dochead .pos').textContent()).toBe(`2 / ${FIXTURES.length}`);
    await page.keyboard.press('j');
    expect(await selected()).toBe(documents[1].metrics[0].id);
    await page.keyboard.press('[');
    await expect.poll(() => page.locator('.dochead .pos').textContent()).toBe(`1 / ${FIXTURES.length}`);
    // The report list without a mouse: a focused row opens with Enter.
    await page.locator('#report-list tr[data-i="2"]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.dochead .pos').textContent()).toBe(`3 / ${FIXTURES.length}`);
  });

  it('renders Chinese with a CJK font, at 1280×800 and in a narrow window (screenshots in test/artifacts/)', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await openReport(1);
    await page.locator(`#metric-table tr[data-m="${documents[1].metrics[5].id}"]`).click();
    // Which fonts Chromium drew the text with (DevTools protocol): a CJK one, not boxes from a Latin fallback.
    const cdp = await page.context().newCDPSession(page);
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#text' });
    await cdp.send('CSS.enable');
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const cjk = fonts.filter((f) =>
      /WenQuanYi|Noto (Sans|Serif) CJK|Source Han|Droid Sans Fallback|PingFang|YaHei|Hiragino|SimSun|SimHei|Heiti|AR PL/i.test(
        f.familyName,
      ),
    );
    expect(cjk.length, `fonts used: ${JSON.stringify(fonts)}`).toBeGreaterThan(0);
    expect(cjk.reduce((n, f) => n + f.glyphCount, 0)).toBeGreaterThan(1000);
    await page.screenshot({ path: join(ARTIFACTS, 'review-1280x800.png') });

    const narrow = await browser.newPage({ viewport: { width: 420, height: 860 } });
    await narrow.goto(pathToFileURL(pagePath).href + '#r=2');
    await narrow.waitForSelector('#text mark.m');
    const overflow = await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'no sideways scrolling in a narrow window').toBeLessThanOrEqual(0);
    await narrow.screenshot({ path: join(ARTIFACTS, 'review-narrow-420.png'), fullPage: false });
    await narrow.close();
    expect(statSync(join(ARTIFACTS, 'review-1280x800.png')).size).toBeGreaterThan(10_000);
  });

  it('fetches nothing: no request leaves the page, and its markup names no external URL', () => {
    expect(requests).toEqual([]);
    const html = readFileSync(pagePath, 'utf8');
    // The reports' own text (JSON blocks) may quote addresses; the page around them may not.
    const frame = html.replace(/<script type="application\/json"[^>]*>[^<]*<\/script>/g, '');
    expect(frame.length).toBeLessThan(html.length);
    expect(frame).not.toMatch(/\b(?:https?|wss?|ftp):\/\//i);
    expect(frame).not.toMatch(/\b(?:src|href)\s*=|@import|url\(\s*['"]?(?!data:)[^)'"]/i);
  });
});

describe('reportx review: documents with canonical keys (the catalogue’s fields)', () => {
  it('shows indicatorKey and indicatorName, counts and filters unkeyed metrics, and shows fields it does not know', async () => {
    const text = texts[0];
    const parsed = parseReport(text, { path: 'keyed.txt' });
    // Every third metric keyed, as the catalogue will; one field the page has never heard of.
    const metrics = parsed.metrics.map((m, i) => ({
      ...m,
      indicatorKey: i % 3 === 0 ? `justice.test.k${i % 2}` : null,
      indicatorName: i % 3 === 0 ? `测试指标${i % 2}` : null,
      confidence: 0.75,
    }));
    const doc = { ...parsed, metrics } as ReportDocument;
    const dir = mkdtempSync(join(tmpdir(), 'reportx-review-keys-'));
    try {
      const out = join(dir, 'keyed.html');
      writeFileSync(out, renderReviewPage([{ document: doc, text }]));
      const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await p.goto(pathToFileURL(out).href);
      await p.waitForSelector('#text mark.m');
      const unkeyed = metrics.filter((m) => m.indicatorKey === null).map((m) => m.id);
      expect(Number(await p.locator('#report-list .c-unkeyed').textContent())).toBe(unkeyed.length);
      const ids = () =>
        p.locator('#metric-table tbody tr').evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.m));
      await p.selectOption('#f-key', '~unkeyed');
      expect(await ids()).toEqual(unkeyed);
      await p.selectOption('#f-key', 'justice.test.k0');
      expect(await ids()).toEqual(metrics.filter((m) => m.indicatorKey === 'justice.test.k0').map((m) => m.id));
      const cell = p.locator('#metric-table tbody td.key').first();
      expect([await cell.textContent(), await cell.getAttribute('title')]).toEqual(['测试指标0', 'justice.test.k0']);
      const keyed = metrics[0];
      await p.locator(`#text mark[data-m="${keyed.id}"]`).hover();
      await expect.poll(() => p.locator('#tip').isVisible()).toBe(true);
      const tip = await p.locator('#tip').textContent();
      expect(tip).toContain('justice.test.k0');
      expect(tip).toContain('测试指标0');
      expect(tip).toContain('confidence');
      expect(tip).toContain('0.75');
      await p.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reportx review: safety and scale', () => {
  it('keeps a report’s </script>, <!-- and CR LF as text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reportx-review-esc-'));
    try {
      // CR LF line ends too: the HTML parser would make each one LF, and every offset after it would move.
      const text =
        '2023年某县司法局工作总结\r\n一、工作开展情况\r\n全年受理案件120件</script><script>window.__pwned=1</script><!-- 办结率达98%。\r\n';
      writeFileSync(join(dir, 'a.txt'), text);
      const out = join(dir, 'a.html');
      const run = reportx(['review', join(dir, 'a.txt'), '-o', out, '-q']);
      expect(run.status, run.stderr).toBe(0);
      const p = await browser.newPage();
      const errors: string[] = [];
      p.on('pageerror', (e) => errors.push(e.message));
      await p.goto(pathToFileURL(out).href);
      await p.waitForSelector('#text mark.m');
      expect(await p.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await p.locator('#text').textContent()).toBe(text);
      expect(await p.locator('#text mark.m').allTextContents()).toEqual(['120件', '98%']);
      const starts = await p.evaluate(() => {
        const root = document.getElementById('text')!;
        return [...root.querySelectorAll('mark.m')].map((mark) => {
          const range = document.createRange();
          range.setStart(root, 0);
          range.setEndBefore(mark);
          return range.toString().length;
        });
      });
      expect(starts).toEqual([text.indexOf('120件'), text.indexOf('98%')]);
      expect(errors).toEqual([]);
      await p.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows a web page input as the text its offsets point into', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reportx-review-html-'));
    try {
      const html =
        '<!DOCTYPE html><html><head><title>某县司法局2023年工作总结</title><style>p{color:red}</style></head>' +
        '<body><h1>某县司法局2023年工作总结</h1><p>一、工作开展情况</p><p>全年受理行政复议案件120件，办结率达98%。</p>' +
        '<table><tr><td>调解</td><td>356件</td></tr></table></body></html>';
      writeFileSync(join(dir, 'a.html'), html);
      const out = join(dir, 'a.html.review.html');
      const run = reportx(['review', join(dir, 'a.html'), '-o', out, '-q']);
      expect(run.status, run.stderr).toBe(0);
      const parsed = reportx(['parse', join(dir, 'a.html')]);
      const [doc] = JSON.parse(parsed.stdout) as ReportDocument[];
      expect(doc.metrics.length).toBeGreaterThan(1);
      const p = await browser.newPage();
      await p.goto(pathToFileURL(out).href);
      await p.waitForSelector('#text mark.m');
      const marks = await p.evaluate(() => {
        const root = document.getElementById('text')!;
        return [...root.querySelectorAll<HTMLElement>('mark.m')].map((mark) => {
          const range = document.createRange();
          range.setStart(root, 0);
          range.setEndBefore(mark);
          return { id: mark.dataset.m, start: range.toString().length, raw: mark.textContent };
        });
      });
      expect(marks).toEqual(doc.metrics.map((m) => ({ id: m.id, start: m.span.start, raw: m.raw })));
      expect(await p.locator('#text').textContent()).not.toContain('<p>');
      await p.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('JSON in the page has no < that could end its script element', () => {
    const value = { text: '</script><!--<script>', n: [1, '<'] };
    const json = jsonForScript(value);
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual(value);
  });

  it('writes a page of 500 reports in under 10 s, which opens with its first report shown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reportx-review-500-'));
    try {
      for (let copy = 0; copy < 100; copy++)
        for (const f of FIXTURES)
          copyFileSync(join(ROOT, f), join(dir, `${String(copy).padStart(3, '0')}_${f.split('/').pop()}`));
      const out = join(dir, 'review.html');
      const started = performance.now();
      const run = reportx(['review', join(dir, '*.txt'), '-o', out, '-q']);
      const seconds = (performance.now() - started) / 1000;
      expect(run.status, run.stderr).toBe(0);
      expect(seconds, `written in ${seconds.toFixed(1)} s`).toBeLessThan(10);

      const p = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const opened = performance.now();
      await p.goto(pathToFileURL(out).href);
      await p.waitForSelector('#text mark.m');
      const openSeconds = (performance.now() - opened) / 1000;
      expect(openSeconds, `opened in ${openSeconds.toFixed(1)} s`).toBeLessThan(10);
      expect(await p.locator('.dochead .pos').textContent()).toBe('1 / 500');
      expect(await p.locator('#report-list tbody tr').count()).toBe(500);
      // Only the open report is drawn.
      expect(await p.locator('#text mark.m').count()).toBe(documents[0].metrics.length);
      await p.keyboard.press(']');
      await expect.poll(() => p.locator('.dochead .pos').textContent()).toBe('2 / 500');
      await p.goto(pathToFileURL(out).href + '#r=500');
      await expect.poll(() => p.locator('.dochead .pos').textContent()).toBe('500 / 500');
      await p.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('reportx review on the command line', () => {
  it('needs -o; writes the page with the files that parse and reports the others (exit 1)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reportx-review-cli-'));
    try {
      const noOut = reportx(['review', FIXTURES[0]]);
      expect(noOut.status).toBe(2);
      expect(noOut.stderr).toMatch(/--out/);
      const out = join(dir, 'r.html');
      const run = reportx(['review', FIXTURES[0], join(dir, 'missing.txt'), '-o', out]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('missing.txt: no such file');
      expect(run.stderr).toContain(`${out}: 1 report, ${documents[0].metrics.length} metrics`);
      const html = readFileSync(out, 'utf8');
      expect(html.match(/<script type="application\/json" id="rx-report-\d+">/g)).toHaveLength(1);
      expect(readdirSync(dir)).toEqual(['r.html']); // no temporary file left behind
      const unwritable = reportx(['review', FIXTURES[0], '-o', join(dir, 'no', 'such', 'dir', 'r.html')]);
      expect(unwritable.status).toBe(3);
      expect(unwritable.stderr).toMatch(/^reportx: cannot write \S+r\.html: no such directory[^\n]*\n$/);
      const stdin = spawnSync(process.execPath, [join(ROOT, 'bin', 'reportx.js'), 'review', '-', '-o', out, '-q'], {
        input: texts[0],
        encoding: 'utf8',
      });
      expect(stdin.status, stdin.stderr).toBe(0);
      expect(readFileSync(out, 'utf8')).toContain('"file":"stdin"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reportx review --catalog', () => {
  it('reads a user catalogue as parse does: its keys reach the page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reportx-review-catalog-'));
    try {
      const catalog = join(dir, 'mine.yaml');
      writeFileSync(
        catalog,
        [
          'domain: mine',
          'subjects:',
          '  hotline: { name: 12348热线, forms: [12348热线, 12348法律服务热线] }',
          'events:',
          '  answered: { name: 接听, forms: [接听, 接听来电] }',
          'entries:',
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
      const report = join(dir, 'a.txt');
      writeFileSync(report, '某县司法局2023年工作总结\n12348热线全年接听来电3200人次。\n');
      const out = join(dir, 'a.html');
      const withCatalog = reportx(['review', report, '-o', out, '-q', '--catalog', catalog]);
      expect(withCatalog.status, withCatalog.stderr).toBe(0);
      expect(readFileSync(out, 'utf8')).toContain('"indicatorKey":"justice.hotline.calls"');
      const without = reportx(['review', report, '-o', out, '-q']);
      expect(without.status, without.stderr).toBe(0);
      expect(readFileSync(out, 'utf8')).not.toContain('justice.hotline.calls');
      const bad = reportx(['review', report, '-o', out, '--catalog', join(dir, 'missing.yaml')]);
      expect(bad.status).toBe(2);
      expect(bad.stderr).toMatch(/--catalog/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the package', () => {
  it('ships the page’s script and style (dist/review/), which every page inlines', () => {
    const out = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    const files = (JSON.parse(out.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining(['dist/review/client.js', 'dist/review/client.css', 'dist/review/reviewPage.js']),
    );
  });
});

describe('the browser tests fail clearly without a browser', () => {
  it('names the missing binary and how to install one', async () => {
    const saved = process.env.REPORTX_CHROMIUM;
    process.env.REPORTX_CHROMIUM = '/nonexistent/chromium';
    try {
      expect(() => chromiumPath()).toThrow(
        /REPORTX_CHROMIUM=\/nonexistent\/chromium: no such file.*apt-get install chromium/,
      );
      await expect(launchBrowser()).rejects.toThrow(/apt-get install chromium fonts-wqy-microhei/);
    } finally {
      if (saved === undefined) delete process.env.REPORTX_CHROMIUM;
      else process.env.REPORTX_CHROMIUM = saved;
    }
  });
});
