#!/usr/bin/env node
// Developer aid: lists, per gold metric, the fields where reportx's output differs from the gold.
//   node scripts/diff-gold.mjs GOLD_DIR PRED.ndjson
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const [goldDir, predFile] = process.argv.slice(2);
const preds = new Map(
  readFileSync(predFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .map((d) => [basename(d.source.path), d]),
);
const fields = ['value', 'unit', 'kind', 'approx', 'change', 'target'];
for (const f of readdirSync(goldDir)
  .filter((f) => f.endsWith('.gold.json'))
  .sort()) {
  const gold = JSON.parse(readFileSync(join(goldDir, f), 'utf8'));
  const text = readFileSync(join(goldDir, gold.file), 'utf8');
  const pred = preds.get(gold.file);
  for (const g of gold.metrics) {
    const start = text.indexOf(g.anchor) + g.anchor.indexOf(g.raw);
    const p = pred?.metrics.find((m) => m.span.start < start + g.raw.length && m.span.end > start);
    if (!p) {
      console.log(`${gold.file} MISSED ${g.anchor}`);
      continue;
    }
    const diffs = fields.filter((k) => (g[k] ?? null) !== (p[k] ?? null)).map((k) => `${k}: ${g[k]} ≠ ${p[k]}`);
    const ind =
      p.indicator &&
      p.indicator.length <= 16 &&
      (p.indicator.includes(g.indicator) || g.indicator.includes(p.indicator));
    if (!ind) diffs.push(`indicator: ${g.indicator} ≠ ${p.indicator}`);
    if (diffs.length) console.log(`${gold.file} ${g.anchor} | ${diffs.join('; ')}`);
  }
}
