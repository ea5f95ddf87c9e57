// The layout ARCHITECTURE.md describes: every stage folder it names exists, and no import climbs
// from a lower layer to a higher one (model ← text ← stages in pipeline order ← parseReport ←
// output, table, check, review ← cli).
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

/** Layers from the bottom; a file may import from its own layer or any below it. */
const LAYERS: string[][] = [
  ['model'],
  ['text'],
  ['decode'],
  ['normalise'],
  ['structure'],
  ['meta'],
  ['mentions'],
  ['attribution'],
  ['indicators'],
  ['document'],
  ['parseReport.ts', 'index.ts'],
  ['output', 'table', 'check', 'review'],
  ['cli'],
];
const STAGES = ['decode', 'normalise', 'structure', 'meta', 'mentions', 'attribution', 'indicators', 'document'];

function layerOf(file: string): number {
  const top = relative(SRC, file).split('/')[0];
  const at = LAYERS.findIndex((names) => names.includes(top));
  if (at < 0)
    throw new Error(`src/${relative(SRC, file)} is in no layer: add its folder to LAYERS and ARCHITECTURE.md`);
  return at;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

/** Relative specifiers of static imports, re-exports and dynamic imports. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm))
    found.push(m[1]);
  return found;
}

describe('architecture', () => {
  it('ARCHITECTURE.md names every stage folder in pipeline order, and each exists', () => {
    const doc = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
    let last = -1;
    for (const stage of STAGES) {
      const at = doc.indexOf(`src/${stage}/`);
      expect(at, `ARCHITECTURE.md mentions src/${stage}/`).toBeGreaterThanOrEqual(0);
      expect(at, `src/${stage}/ comes after the stage before it in ARCHITECTURE.md`).toBeGreaterThan(last);
      last = at;
      expect(existsSync(join(SRC, stage)) && statSync(join(SRC, stage)).isDirectory(), `src/${stage}/ exists`).toBe(
        true,
      );
    }
  });

  it('no import climbs from a lower layer to a higher one', () => {
    const climbs: string[] = [];
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const from = layerOf(file);
      for (const spec of importsOf(file)) {
        const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
        const to = layerOf(target);
        if (to > from) climbs.push(`src/${relative(SRC, file)} → src/${relative(SRC, target)}`);
      }
    }
    expect(climbs).toEqual([]);
  });

  it('the model imports nothing of ours', () => {
    for (const file of sourceFiles(join(SRC, 'model'))) {
      const ours = importsOf(file).filter((spec) => !resolve(dirname(file), spec).startsWith(join(SRC, 'model')));
      expect(ours, relative(ROOT, file)).toEqual([]);
    }
  });
});
