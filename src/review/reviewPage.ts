// The review page: one self-contained HTML file (no server, no network) holding every report given.
// It is a template plus data: the page's script and style, compiled and bundled at build time
// (scripts/bundle.mjs → dist/review/), are inlined; each report's text and document is a JSON
// block of its own, parsed by the page only when that report is opened, and the report list's
// summaries one small block read at start. The parts are written one after another
// (pageHead, reportBlock for each report, pageTail), so a large batch is never one string.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reviewReport, reviewSummary, type ReviewInput, type ReviewSummary } from './pageData.js';

// From dist/review/reviewPage.js, from the CLI bundle in dist/bundle/ and from src/review/ (under
// vitest) alike, this is <package>/dist/review/.
const ASSETS = new URL('../../dist/review/', import.meta.url);

export interface ReviewAssets {
  script: string;
  style: string;
}

let assets: ReviewAssets | undefined;

/** The page's compiled script and style (built by scripts/bundle.mjs). */
export function reviewAssets(): ReviewAssets {
  if (assets) return assets;
  const read = (name: string) => {
    const path = fileURLToPath(new URL(name, ASSETS));
    try {
      return readFileSync(path, 'utf8');
    } catch {
      throw new Error(`the review page's ${name} is missing at ${path}: run npm run build`);
    }
  };
  assets = { script: read('client.js'), style: read('client.css') };
  return assets;
}

/**
 * JSON that can stand inside a <script> element: every `<` written as \u003c, so that no
 * `</script>` or `<!--` in a report's text can end the element or change how it is parsed.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface PageOptions {
  /** The page's title (default: reportx review). */
  title?: string;
}

export function pageHead(options: PageOptions = {}): string {
  const { style } = reviewAssets();
  const title = escapeHtml(options.title ?? 'reportx review');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="reportx review">
<title>${title}</title>
<style>${style}</style>
</head>
<body>
<div id="app" class="loading"><p class="boot">Loading reports…</p></div>
<noscript><p>This page needs JavaScript to show the reports.</p></noscript>
`;
}

/** The `index`th report (from 0), as a JSON block the page parses when the report is opened. */
export function reportBlock(index: number, input: ReviewInput): string {
  return `<script type="application/json" id="rx-report-${index}">${jsonForScript(reviewReport(input))}</script>\n`;
}

export function pageTail(summaries: ReviewSummary[]): string {
  const { script } = reviewAssets();
  return `<script type="application/json" id="rx-index">${jsonForScript(summaries)}</script>
<script>${script.replace(/<\/(script)/gi, '<\\/$1')}</script>
</body>
</html>
`;
}

/** The whole page at once (for the library and tests; the CLI writes the parts as they come). */
export function renderReviewPage(inputs: ReviewInput[], options: PageOptions = {}): string {
  return (
    pageHead(options) + inputs.map((input, i) => reportBlock(i, input)).join('') + pageTail(inputs.map(reviewSummary))
  );
}
