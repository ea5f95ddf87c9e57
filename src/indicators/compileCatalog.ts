// Catalogue files → the catalogue the matcher uses: files merged (a later file's entry, subject or
// event replaces an earlier one with the same key or id: how a user's --catalog overrides the
// bundled one), each entry expanded into one indicator per variant, and every form in one index.
import type { CatalogFile, Measure, Variant } from './catalogSchema.js';

export interface Indicator {
  /** justice.reconsideration.received, …received.change for the change variant. */
  key: string;
  name: string;
  /** The entry's own key: the one shared by its variants. */
  entryKey: string;
  domain: string;
  subject: string;
  events: readonly string[] | null;
  measure: Measure;
  base: string | null;
  /** Words one of which the metric's sentence must hold, or null. */
  requires: readonly string[] | null;
  variant: Variant;
  unit: string;
  units: readonly string[] | null;
  definition: string;
  examples: readonly string[];
  counterExamples: readonly string[];
}

export type FormRole = 'subject' | 'event' | 'filler' | 'otherBase' | Measure;

export interface Form {
  text: string;
  role: FormRole;
  /** The subject or event id; empty for fillers and measure words. */
  id: string;
}

export interface Catalog {
  indicators: readonly Indicator[];
  byKey: ReadonlyMap<string, Indicator>;
  /** Indicators by subject id. */
  bySubject: ReadonlyMap<string, readonly Indicator[]>;
  /** Every form by its first character, longest first. */
  forms: ReadonlyMap<string, readonly Form[]>;
  /** Subject id → the words that make one of its forms another subject: right before it, or in its sentence. */
  excludes: ReadonlyMap<string, { before: readonly string[]; inSentence: readonly string[] }>;
  subjectNames: ReadonlyMap<string, string>;
  /** The measure words of rates (率, 比例): a subject form ending in one names a rate. */
  rateWords: readonly string[];
}

const VARIANT_SUFFIX: Record<Variant, string> = { level: '', change: '.change', pp: '.pp', delta: '.delta' };
const VARIANT_NAME: Record<Variant, string> = { level: '', change: '增速', pp: '变化(百分点)', delta: '增减量' };
const VARIANT_UNIT: Partial<Record<Variant, string>> = { change: '%', pp: '个百分点' };

export class CatalogError extends Error {}

export function compileCatalog(files: readonly CatalogFile[]): Catalog {
  const subjects = new Map<string, CatalogFile['subjects'][string]>();
  const events = new Map<string, CatalogFile['events'][string]>();
  const entries = new Map<string, { domain: string; entry: CatalogFile['entries'][number] }>();
  const forms: Form[] = [];
  for (const file of files) {
    for (const [id, s] of Object.entries(file.subjects)) subjects.set(id, s);
    for (const [id, e] of Object.entries(file.events)) events.set(id, e);
    for (const entry of file.entries) entries.set(entry.key, { domain: file.domain, entry });
    for (const text of file.fillers) forms.push({ text, role: 'filler', id: '' });
    for (const text of file.otherBases) forms.push({ text, role: 'otherBase', id: '' });
    for (const [measure, words] of Object.entries(file.measureWords))
      for (const text of words ?? []) forms.push({ text, role: measure as Measure, id: '' });
  }
  for (const [id, s] of subjects) for (const text of s.forms) forms.push({ text, role: 'subject', id });
  for (const [id, e] of events) for (const text of e.forms) forms.push({ text, role: 'event', id });
  // Latin letters match in either case (GDP, gdp; PM2.5, pm2.5): forms are kept in lower case
  // and findForms reads the text the same way.
  for (const f of forms) f.text = asciiLower(f.text);

  const indicators: Indicator[] = [];
  const problems: string[] = [];
  // One form naming two subjects (or two events) would make a metric's reading depend on file order.
  const named = new Map<string, string>();
  for (const f of forms) {
    if (f.role !== 'subject' && f.role !== 'event') continue;
    const owner = `${f.role} ${f.id}`;
    const other = named.get(`${f.role} ${f.text}`);
    if (other !== undefined && other !== owner) problems.push(`"${f.text}" is a form of both ${other} and ${owner}`);
    named.set(`${f.role} ${f.text}`, owner);
  }
  for (const { domain, entry } of entries.values()) {
    const subjectIds = typeof entry.subject === 'string' ? [entry.subject] : entry.subject;
    for (const s of [...subjectIds, entry.base ?? subjectIds[0]])
      if (!subjects.has(s)) problems.push(`${entry.key}: unknown subject "${s}"`);
    for (const e of entry.events ?? [])
      if (e !== 'none' && !events.has(e)) problems.push(`${entry.key}: unknown event "${e}"`);
    for (const subject of subjectIds) {
      const key = entry.key.replaceAll('{subject}', subject);
      const name = entry.name.replaceAll('{name}', subjects.get(subject)?.name ?? subject);
      for (const variant of entry.variants)
        indicators.push({
          key: key + VARIANT_SUFFIX[variant],
          name: name + VARIANT_NAME[variant],
          entryKey: entry.key,
          domain,
          subject,
          events: entry.events ?? null,
          measure: entry.measure,
          base: entry.base ?? null,
          requires: entry.requires ?? null,
          variant,
          unit: VARIANT_UNIT[variant] ?? entry.unit,
          units: entry.units ?? null,
          definition: entry.definition.replaceAll('{name}', subjects.get(subject)?.name ?? subject),
          examples: entry.examples,
          counterExamples: entry.counterExamples,
        });
    }
  }
  const byKey = new Map<string, Indicator>();
  for (const ind of indicators) {
    if (byKey.has(ind.key)) problems.push(`${ind.key}: two entries make this key`);
    byKey.set(ind.key, ind);
  }
  if (problems.length > 0) throw new CatalogError(problems.join('\n'));

  const bySubject = new Map<string, Indicator[]>();
  for (const ind of indicators) bySubject.set(ind.subject, [...(bySubject.get(ind.subject) ?? []), ind]);
  const byFirst = new Map<string, Form[]>();
  for (const f of forms) byFirst.set(f.text[0], [...(byFirst.get(f.text[0]) ?? []), f]);
  // Longest first; between forms of one length a subject outranks an event, an event a measure word.
  const rank = (f: Form) => (f.role === 'subject' ? 0 : f.role === 'event' ? 1 : f.role === 'filler' ? 3 : 2);
  for (const list of byFirst.values()) list.sort((a, b) => b.text.length - a.text.length || rank(a) - rank(b));
  return {
    indicators,
    byKey,
    bySubject,
    forms: byFirst,
    excludes: new Map([...subjects].map(([id, s]) => [id, { before: s.exclude, inSentence: s.notInSentence }])),
    subjectNames: new Map([...subjects].map(([id, s]) => [id, s.name])),
    rateWords: forms.filter((f) => f.role === 'rate').map((f) => f.text),
  };
}

/** Lower-cases A–Z only, so that offsets stay those of the text. */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
