// validateDocument runs zod-compiled validators and walks the section tree itself; it must agree
// with reportDocumentSchema.safeParse (the definition) on every document, valid or not.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseReport } from '../src/parseReport.js';
import { reportDocumentSchema, type ReportDocument } from '../src/model/schema.js';
import { validateDocument } from '../src/model/validateDocument.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const docs: ReportDocument[] = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => parseReport(readFileSync(join(FIXTURES, f), 'utf8'), { path: f }));
const copy = (d: ReportDocument): any => structuredClone(d);

function expectRejected(doc: unknown, path: string) {
  const check = validateDocument(doc);
  expect(check.ok).toBe(false);
  if (!check.ok) expect(check.path).toBe(path);
  expect(reportDocumentSchema.safeParse(doc).success).toBe(false);
}

describe('validateDocument', () => {
  it('accepts every fixture document', () => {
    for (const d of docs) expect(validateDocument(d)).toEqual({ ok: true });
  });

  it('rejects a metric whose span ends before it starts (a refinement) and says where', () => {
    const d = copy(docs[0]);
    d.metrics[3].span = { start: 10, end: 5 };
    expectRejected(d, 'metrics.3.span');
  });

  it('rejects a non-finite value, an empty unit and an unknown kind', () => {
    const a = copy(docs[0]);
    a.metrics[0].value = NaN;
    expectRejected(a, 'metrics.0.value');
    const b = copy(docs[0]);
    b.metrics[1].unit = '';
    expectRejected(b, 'metrics.1.unit');
    const c = copy(docs[0]);
    c.metrics[2].kind = 'money';
    expectRejected(c, 'metrics.2.kind');
  });

  it('checks sections at every depth of the tree', () => {
    const d = copy(docs[0]);
    const deep = d.sections[0].children[1].children[0];
    expect(deep.depth).toBe(3);
    deep.marker = '';
    expectRejected(d, 'sections.0.children.1.children.0.marker');
    const e = copy(docs[0]);
    delete e.sections[0].children[1].children[2].kind;
    expectRejected(e, 'sections.0.children.1.children.2.kind');
    const f = copy(docs[0]);
    f.sections[0].children[0].children = null;
    expectRejected(f, 'sections.0.children.0.children');
  });

  it('finds a fault a hundred levels down', () => {
    const d = copy(docs[0]);
    let node = d.sections[0];
    for (let i = 0; i < 100; i++) {
      const child = { ...node, children: [] };
      node.children = [child];
      node = child;
    }
    expect(validateDocument(d)).toEqual({ ok: true });
    node.ordinal = -1;
    expect(validateDocument(d).ok).toBe(false);
  });

  it('agrees with the runtime parser when any one value anywhere in a document is replaced', () => {
    const doc = docs[1];
    // Every path to a leaf (or a whole subtree) of the document.
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, at: (string | number)[]) => {
      if (at.length > 0) paths.push(at);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
    };
    walk(doc, []);
    const replacement = fc.oneof(
      fc.constant(null),
      fc.constant(undefined),
      fc.boolean(),
      fc.integer({ min: -5, max: 5 }),
      fc.double(),
      fc.constantFrom('', 'x', 'count', 'review', 'up', 'more_than', 'review+plan', 'a'.repeat(64), '0'.repeat(64)),
      fc.constant([]),
      fc.constant({}),
      fc.constant({ start: 3, end: 1 }),
      fc.constant({ start: 1, end: 3 }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: paths.length - 1 }), replacement, (i, value) => {
        const d = copy(doc);
        const path = paths[i];
        let parent = d;
        for (const key of path.slice(0, -1)) parent = parent[key];
        parent[path.at(-1)!] = value;
        expect(validateDocument(d).ok).toBe(reportDocumentSchema.safeParse(d).success);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 400) },
    );
  });
});
