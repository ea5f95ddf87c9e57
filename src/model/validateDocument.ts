// Every document reportx writes is checked against reportDocumentSchema. zod's runtime parser
// costs as much as parsing a report's metrics, so the check runs on validators compiled by zod
// itself (z.compile: generated code, ~30× faster) and falls back to the runtime parser only to
// describe a failure. The compiler refuses recursive schemas, so the section tree is walked here,
// each node checked with sectionNodeSchema (the same fields, children left to the walk).
import { z } from 'zod';
import { metricSchema, reportDocumentSchema, sectionNodeSchema, type ReportDocument } from './schema.js';

export type DocumentCheck = { ok: true } | { ok: false; path: string; message: string };

interface CompiledValidators {
  /** The document with its sections array left unchecked. */
  document: z.ZodType;
  section: z.ZodType;
  metric: z.ZodType;
}

let compiled: CompiledValidators | null = null;

/** Compiled once, on the first document (a few milliseconds). */
function validators(): CompiledValidators {
  compiled ??= {
    document: z.compile(reportDocumentSchema.extend({ sections: z.array(z.unknown()) })),
    section: z.compile(sectionNodeSchema),
    metric: z.compile(metricSchema),
  };
  return compiled;
}

/** Whether `document` satisfies reportDocumentSchema; if not, where and why (the first issue). */
export function validateDocument(document: unknown): DocumentCheck {
  const { document: documentValidator, section } = validators();
  if (documentValidator.validate(document) && sectionsValid((document as ReportDocument).sections, section))
    return { ok: true };
  const result = reportDocumentSchema.safeParse(document);
  // The compiled checks are meant to agree with the runtime parser; if they ever do not, the
  // runtime parser is the definition.
  if (result.success) return { ok: true };
  const issue = result.error.issues[0];
  return { ok: false, path: issue.path.join('.') || '(root)', message: issue.message };
}

function sectionsValid(sections: readonly unknown[], section: z.ZodType): boolean {
  const stack = [...sections];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!section.validate(node)) return false;
    stack.push(...(node as { children: unknown[] }).children);
  }
  return true;
}

/**
 * Checks metrics made a part at a time (parseReportInParts), `first` being the index of the first
 * of them in the document; the rest of the document is checked by validateDocument with its
 * metrics left out. Together they check what validateDocument checks on the whole.
 */
export function validateMetrics(metrics: readonly unknown[], first: number): DocumentCheck {
  const { metric } = validators();
  for (let i = 0; i < metrics.length; i++) {
    if (metric.validate(metrics[i])) continue;
    const result = metricSchema.safeParse(metrics[i]);
    if (result.success) continue;
    const issue = result.error.issues[0];
    return { ok: false, path: ['metrics', first + i, ...issue.path].join('.'), message: issue.message };
  }
  return { ok: true };
}
