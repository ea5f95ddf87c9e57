// The output contract: every document reportx writes is validated against `reportDocumentSchema`.
// `schemas/report.schema.json` is generated from it (see scripts/generate-schema.mjs) and a test
// fails when the two disagree.
import { z } from 'zod';

/** A half-open range of UTF-16 offsets into the decoded source text: text.slice(start, end). */
export const spanSchema = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((s) => s.end >= s.start, { message: 'span end must not precede start' });

export const metricKindSchema = z.enum(['count', 'percent', 'amount', 'rank', 'pp', 'ratio']);
export const approxSchema = z.enum(['more_than', 'nearly', 'about']).nullable();
export const changeSchema = z.enum(['up', 'down']).nullable();
export const sectionKindSchema = z.enum(['review', 'plan', 'other']);
export const reportTypeSchema = z.enum(['review', 'plan', 'review+plan']);

export const metricSchema = z.object({
  id: z.string().describe('stable within a document: m1, m2, … in document order'),
  span: spanSchema.describe('where raw stands in the source text'),
  raw: z.string().min(1).describe('the metric exactly as written: number, 余/多, scale and unit'),
  value: z.number().refine(Number.isFinite, 'value must be finite').describe('scaled to the base unit'),
  unit: z.string().min(1).describe('base unit: 件, 人次, % (all rates), 元 (money), 名次 (ranks), 个百分点, :1'),
  kind: metricKindSchema,
  approx: approxSchema,
  change: changeSchema,
  target: z.boolean().describe('a goal or plan rather than a result'),
  indicator: z.string().nullable().describe('the phrase naming what is counted or rated'),
  indicatorSpan: spanSchema.nullable(),
  indicatorKey: z
    .string()
    .nullable()
    .describe('the canonical indicator from the catalogue (justice.reconsideration.received), null when none fits'),
  indicatorName: z.string().nullable().describe('its Chinese name for column headers (行政复议收案数)'),
  period: z.string().nullable().describe('the period the sentence states: 截至9月底, 1-9月, 全年 …'),
  sectionId: z.string().nullable().describe('id of the innermost section containing the metric'),
  sentence: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), text: z.string() }),
});

export interface SectionNode {
  id: string;
  depth: number;
  marker: string;
  ordinal: number;
  title: string;
  kind: 'review' | 'plan' | 'other';
  span: { start: number; end: number };
  children: SectionNode[];
}

const sectionFields = {
  id: z.string().describe('s1, s1.2, s1.2.3 …: the path of ordinals in document order'),
  depth: z.number().int().positive(),
  marker: z.string().min(1).describe('the marker as written: 一、 （一） 1. (1) ① 一是'),
  ordinal: z.number().int().nonnegative(),
  title: z.string(),
  kind: sectionKindSchema,
  span: spanSchema,
};

export const sectionSchema: z.ZodType<SectionNode> = z.lazy(() =>
  z.object({ ...sectionFields, children: z.array(sectionSchema) }),
);

/**
 * One section with its children left unchecked. validateDocument checks the tree node by node
 * with it, because zod's compiler cannot compile a recursive schema.
 */
export const sectionNodeSchema = z.object({ ...sectionFields, children: z.array(z.unknown()) });

export const warningSchema = z.object({
  code: z.string().describe('numbering-gap, numbering-repeat, noise-removed, unreadable-number, …'),
  message: z.string(),
  span: spanSchema.nullable(),
});

export const reportDocumentSchema = z.object({
  source: z.object({
    path: z.string().nullable(),
    encoding: z.string().describe('what the bytes were decoded from: utf-8, utf-16le, gb18030, big5, …'),
    encodingConfidence: z
      .number()
      .min(0)
      .max(1)
      .describe(
        'how sure the encoding is: 1 for a BOM, valid UTF-8, --encoding or a declared charset; else the detector',
      ),
    format: z
      .enum(['text', 'html'])
      .describe('html: the text was extracted from a web page, and every offset is into that text'),
    characters: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    generator: z
      .string()
      .regex(/^reportx \d+\.\d+\.\d+/)
      .describe('the tool and version that wrote the document: "reportx 0.1.0" (as reportx --version prints it)'),
  }),
  meta: z.object({
    organization: z.string().nullable(),
    year: z.number().int().nullable(),
    reportType: reportTypeSchema,
    title: z.string().nullable(),
    publishedAt: z.string().nullable().describe('publication date as written in the page header'),
    documentNumber: z.string().nullable(),
  }),
  sections: z.array(sectionSchema),
  metrics: z.array(metricSchema),
  warnings: z.array(warningSchema),
});

export type Span = z.infer<typeof spanSchema>;
export type Metric = z.infer<typeof metricSchema>;
export type MetricKind = z.infer<typeof metricKindSchema>;
export type Approx = z.infer<typeof approxSchema>;
export type Change = z.infer<typeof changeSchema>;
export type SectionKind = z.infer<typeof sectionKindSchema>;
export type ReportType = z.infer<typeof reportTypeSchema>;
export type Warning = z.infer<typeof warningSchema>;
export type ReportDocument = z.infer<typeof reportDocumentSchema>;
