#!/usr/bin/env node
// Compiles the bundled indicator catalogue (catalog/*.yaml) to dist/catalog.json after tsc: each
// file parsed and checked against the schema (src/indicators/catalogSchema.ts) and the whole
// compiled once (unknown subjects or events, keys made twice) here, at build time, so that a
// start-up reads one JSON file and never loads the YAML parser (docs/catalog.md).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCatalogSources } from '../dist/indicators/catalogFiles.js';
import { compileCatalog } from '../dist/indicators/compileCatalog.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
try {
  const files = readCatalogSources(join(ROOT, 'catalog'));
  compileCatalog(files);
  writeFileSync(join(ROOT, 'dist', 'catalog.json'), JSON.stringify(files));
} catch (err) {
  console.error(`catalog: ${err.message}`);
  process.exit(1);
}
