// schemas/report.schema.json is generated from the zod output contract by
// scripts/generate-schema.mjs (npm run schema). It must not go stale, and real documents must
// conform to it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as library from '../src/index.js';
import { parseReport } from '../src/index.js';
// @ts-expect-error — a plain .mjs script without type declarations
import { SCHEMA_FILE, reportJsonSchemaText } from '../scripts/generate-schema.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const checkedIn = readFileSync(join(ROOT, 'schemas', 'report.schema.json'), 'utf8');
const jsonSchema = JSON.parse(checkedIn);
const fixtureText = readFileSync(join(ROOT, 'fixtures', '000_d8fa31b0e3316016.txt'), 'utf8');
const fixtureDoc = () =>
  JSON.parse(JSON.stringify(parseReport(fixtureText, { path: 'fixtures/000_d8fa31b0e3316016.txt' })));

type JsonSchema = Record<string, any>;

/** A validator for the subset of JSON Schema that z.toJSONSchema emits for this contract. */
function violations(schema: JsonSchema, value: unknown, root: JsonSchema = schema, at = '$'): string[] {
  if (schema.$ref) return violations(root.$defs[schema.$ref.replace('#/$defs/', '')], value, root, at);
  if (schema.anyOf) {
    return schema.anyOf.some((s: JsonSchema) => violations(s, value, root, at).length === 0)
      ? []
      : [`${at}: matches no anyOf branch`];
  }
  const out: string[] = [];
  if (schema.type) {
    const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
    const typeOf = (v: unknown) =>
      v === null
        ? 'null'
        : Array.isArray(v)
          ? 'array'
          : typeof v === 'number' && Number.isInteger(v)
            ? 'integer'
            : typeof v;
    const t = typeOf(value);
    if (!types.includes(t) && !(t === 'integer' && types.includes('number')))
      return [`${at}: ${t} is not ${types.join('|')}`];
  }
  if (schema.enum && !schema.enum.includes(value)) out.push(`${at}: ${JSON.stringify(value)} not in enum`);
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) out.push(`${at}: below minimum`);
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum)
      out.push(`${at}: not above exclusiveMinimum`);
    if (schema.maximum !== undefined && value > schema.maximum) out.push(`${at}: above maximum`);
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) out.push(`${at}: shorter than minLength`);
    if (schema.pattern && !new RegExp(schema.pattern).test(value)) out.push(`${at}: does not match ${schema.pattern}`);
  }
  if (Array.isArray(value) && schema.items)
    value.forEach((v, i) => out.push(...violations(schema.items, v, root, `${at}[${i}]`)));
  if (value && typeof value === 'object' && !Array.isArray(value) && schema.properties) {
    const obj = value as Record<string, unknown>;
    for (const k of schema.required ?? []) if (!(k in obj)) out.push(`${at}: missing ${k}`);
    for (const [k, v] of Object.entries(obj)) {
      if (schema.properties[k]) out.push(...violations(schema.properties[k], v, root, `${at}.${k}`));
      else if (schema.additionalProperties === false) out.push(`${at}: undeclared key ${k}`);
    }
  }
  return out;
}

describe('schemas/report.schema.json', () => {
  it('the generator writes to schemas/report.schema.json', () => {
    expect(SCHEMA_FILE).toBe(join(ROOT, 'schemas', 'report.schema.json'));
  });

  it('is up to date: equals what scripts/generate-schema.mjs produces (npm run schema)', () => {
    expect(checkedIn).toBe(reportJsonSchemaText(library));
  });

  it('is pretty-printed draft 2020-12 with a trailing newline', () => {
    expect(checkedIn.endsWith('}\n')).toBe(true);
    expect(checkedIn).toBe(`${JSON.stringify(jsonSchema, null, 2)}\n`);
    expect(jsonSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('declares the five top-level keys and closes the object', () => {
    expect(jsonSchema.type).toBe('object');
    expect([...jsonSchema.required].sort()).toEqual(['meta', 'metrics', 'sections', 'source', 'warnings']);
    expect(jsonSchema.additionalProperties).toBe(false);
  });

  it('the recursive section tree is a named $def referencing itself', () => {
    expect(jsonSchema.properties.sections.items).toEqual({ $ref: '#/$defs/Section' });
    expect(jsonSchema.$defs.Section.properties.children.items).toEqual({ $ref: '#/$defs/Section' });
    expect(jsonSchema.$defs.Section.required).toEqual([
      'id',
      'depth',
      'marker',
      'ordinal',
      'title',
      'kind',
      'span',
      'children',
    ]);
  });

  it('carries the enums of the contract', () => {
    const metric = jsonSchema.properties.metrics.items;
    expect(metric.properties.kind.enum).toEqual(['count', 'percent', 'amount', 'rank', 'pp', 'ratio']);
    expect(jsonSchema.properties.meta.properties.reportType.enum).toEqual(['review', 'plan', 'review+plan']);
    expect(jsonSchema.$defs.Section.properties.kind.enum).toEqual(['review', 'plan', 'other']);
  });
});

describe('a fixture document against the JSON Schema', () => {
  it('has exactly the required top-level keys, and the required keys of source and meta', () => {
    const doc = fixtureDoc();
    expect(Object.keys(doc).sort()).toEqual([...jsonSchema.required].sort());
    for (const part of ['source', 'meta'] as const) {
      expect(Object.keys(doc[part]).sort()).toEqual([...jsonSchema.properties[part].required].sort());
    }
    const metricKeys = jsonSchema.properties.metrics.items.required;
    for (const m of doc.metrics) expect(Object.keys(m).sort()).toEqual([...metricKeys].sort());
  });

  it('the validator used below rejects broken documents (so its verdicts mean something)', () => {
    const doc = fixtureDoc();
    doc.metrics[0].kind = 'money';
    delete doc.meta.year;
    doc.sections[0].children[0].depth = 0;
    doc.source.sha256 = 'xyz';
    const v = violations(jsonSchema, doc);
    expect(v).toContain('$.metrics[0].kind: "money" not in enum');
    expect(v).toContain('$.meta: missing year');
    expect(v.some((s) => s.startsWith('$.sections[0].children[0].depth'))).toBe(true);
    expect(v.some((s) => s.startsWith('$.source.sha256'))).toBe(true);
    expect(violations(jsonSchema, { ...fixtureDoc(), extra: 1 })).toContain('$: undeclared key extra');
  });

  it('the section tree and warnings conform', () => {
    const doc = fixtureDoc();
    expect(violations(jsonSchema.properties.sections, doc.sections, jsonSchema, '$.sections')).toEqual([]);
    expect(violations(jsonSchema.properties.warnings, doc.warnings, jsonSchema, '$.warnings')).toEqual([]);
    expect(violations(jsonSchema.properties.meta, doc.meta, jsonSchema, '$.meta')).toEqual([]);
    expect(violations(jsonSchema.properties.source, doc.source, jsonSchema, '$.source')).toEqual([]);
  });

  // pipeline defect: the indicatorSpan of metrics whose indicator follows the number carries an
  // undeclared key (verbLed: 8 of 29 metrics in this fixture), which the schema forbids
  // (additionalProperties: false).
  it('the whole document conforms (no undeclared keys anywhere)', () => {
    expect(violations(jsonSchema, fixtureDoc())).toEqual([]);
  });
});
