// The format of a catalogue file (catalog/*.yaml, or a user's --catalog FILE): docs/catalog.md.
// Every file is checked against this schema when it is read: the bundled ones at build time
// (scripts/compile-catalog.mjs), a user's when --catalog loads it.
import { z } from 'zod';

/** What an entry measures; decides which metric kinds it can take (see measureFits in matchIndicator.ts). */
export const measureSchema = z.enum(['count', 'amount', 'rate', 'share', 'index', 'rank', 'ratio']);

/**
 * level: the quantity itself; change: its change in percent (同比增长7.5%); pp: its change in
 * percentage points (提高1.2个百分点); delta: its change in its own unit (比上年增加1547人).
 */
export const variantSchema = z.enum(['level', 'change', 'pp', 'delta']);

const wordList = z.array(z.string().min(1));

export const subjectSchema = z
  .object({
    name: z.string().min(1),
    /** The ways reports write it; the longest form found wins over a shorter one inside it. */
    forms: wordList.min(1),
    /** Words that, written right before a form, make it another subject (规模以上 before 工业增加值). */
    exclude: wordList.default([]),
    /**
     * Words that, anywhere in the sentence before a form (or in the sentence before a 其中 one),
     * make it another subject (民营经济增加值…其中,第一产业增加值).
     */
    notInSentence: wordList.default([]),
  })
  .strict();

export const eventSchema = z.object({ name: z.string().min(1), forms: wordList.min(1) }).strict();

/**
 * An example sentence with the metric in brackets, optionally followed by `→ variant` (the
 * metric must get that variant's key) — or, in counterExamples, a metric that must get none of
 * the entry's keys.
 */
const exampleSchema = z.string().regex(/\[[^\]]+\]/, 'an example marks its metric in [brackets]');

export const entrySchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-z0-9_{}]+(\.[a-z0-9_{}]+)+$/, 'a key is dotted lower-case ASCII: justice.reconsideration.received'),
    name: z.string().min(1),
    /**
     * The subject id, or a list of them: the entry is then made once per subject, its key and name
     * templates with {subject} (the id) and {name} (the subject's name): economy.{subject}.output, {name}产量.
     */
    subject: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    /** Event ids the metric's clause must name; `none` accepts a clause naming no event. Omitted: any. */
    events: z.array(z.string().min(1)).optional(),
    measure: measureSchema,
    /** For a share: the subject it is a share of, named after 占 (gdp for 占地区生产总值的比重). */
    base: z.string().min(1).optional(),
    /** Words one of which the sentence (or, for a 其中 one, the sentence before) must hold: 户籍 for 城镇人口. */
    requires: wordList.optional(),
    /** The canonical unit of the level (件, 人, 元, %, 名次 …). */
    unit: z.string().min(1),
    /** For counts and amounts: the units accepted (件, 宗, 起 as one unit). Omitted: `unit` alone. */
    units: wordList.optional(),
    variants: z.array(variantSchema).min(1).default(['level']),
    definition: z.string().min(1),
    examples: z.array(exampleSchema).default([]),
    counterExamples: z.array(exampleSchema).default([]),
  })
  .strict()
  .refine((e) => typeof e.subject === 'string' || (e.key.includes('{subject}') && e.name.includes('{name}')), {
    message: 'an entry for a list of subjects has {subject} in its key and {name} in its name',
  });

export const catalogFileSchema = z
  .object({
    domain: z.string().min(1),
    /** Words an indicator phrase may hold besides the subject and event (全年, 累计, 实现 …). */
    fillers: wordList.default([]),
    /** Words that compare with something other than the year before (低于, 控制线, 两年平均): no change variant then. */
    otherBases: wordList.default([]),
    /** Words that name the measure in a phrase: 率 for rates, 占/比重 for shares, 件数 for counts … */
    measureWords: z.partialRecord(measureSchema, wordList).default({}),
    subjects: z.record(z.string().regex(/^[a-z0-9_]+$/), subjectSchema).default({}),
    events: z.record(z.string().regex(/^[a-z0-9_]+$/), eventSchema).default({}),
    entries: z.array(entrySchema).default([]),
  })
  .strict();

export type Measure = z.infer<typeof measureSchema>;
export type Variant = z.infer<typeof variantSchema>;
export type CatalogFile = z.infer<typeof catalogFileSchema>;
export type CatalogEntrySource = z.infer<typeof entrySchema>;

/** A file's problems, one line each with the path to the field (entries.3.key: …). */
export function catalogFileProblems(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
}
