#!/usr/bin/env node
// Regenerates docs/review.png, the README's picture of `reportx review`: the page for the five
// fixtures at 1280×800 in Debian's Chromium (REPORTX_CHROMIUM to use another), with a metric
// selected. Run after npm run build: node scripts/review-screenshot.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = readdirSync(join(ROOT, 'fixtures'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => join('fixtures', f));
const dir = mkdtempSync(join(tmpdir(), 'reportx-shot-'));
try {
  const page = join(dir, 'review.html');
  const run = spawnSync(process.execPath, ['bin/reportx.js', 'review', ...fixtures, '-o', page, '-q'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
  const browser = await chromium.launch({
    executablePath: process.env.REPORTX_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const tab = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await tab.goto(`${pathToFileURL(page).href}#r=2&m=m15`);
  await tab.waitForSelector('#text mark.m.sel');
  await tab.screenshot({ path: join(ROOT, 'docs', 'review.png') });
  await browser.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
