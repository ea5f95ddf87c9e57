#!/usr/bin/env node
// Writes schemas/report.schema.json, the JSON Schema of every document reportx outputs, from the
// zod schema that is the output contract (reportDocumentSchema in src/model/schema.ts), using
// zod 4's z.toJSONSchema. Run after a build:  npm run schema
// test/schema.test.ts regenerates it in memory with reportJsonSchemaText() and fails when the
// checked-in file is stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_FILE = join(ROOT, 'schemas', 'report.schema.json');

/**
 * The JSON Schema (draft 2020-12) of a report document. `schemas` are the zod schemas exported by
 * the library (dist/index.js, or src/index.ts in tests): reportDocumentSchema, and sectionSchema,
 * whose lazy self-reference becomes `#/$defs/Section` instead of an anonymous `__schema0`.
 * Refinements (span end ≥ start, finite values) have no JSON Schema form and are left out.
 */
export function reportJsonSchema({ reportDocumentSchema, sectionSchema }) {
  const names = z.registry();
  names.add(sectionSchema, { id: 'Section' });
  return z.toJSONSchema(reportDocumentSchema, {
    target: 'draft-2020-12',
    io: 'output',
    cycles: 'ref',
    reused: 'inline',
    unrepresentable: 'throw',
    metadata: names,
  });
}

/** The file's exact text: pretty-printed with two spaces and a trailing newline. */
export function reportJsonSchemaText(schemas) {
  return `${JSON.stringify(reportJsonSchema(schemas), null, 2)}\n`;
}

const invokedDirectly = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const schemas = await import('../dist/index.js');
  mkdirSync(dirname(SCHEMA_FILE), { recursive: true });
  writeFileSync(SCHEMA_FILE, reportJsonSchemaText(schemas));
  console.log(`wrote ${relative(process.cwd(), SCHEMA_FILE)}`);
}
