// Reads a stretch of text as catalogue forms, leftmost-longest (as a dictionary segmenter does):
// 人均地区生产总值 is one subject, not 人均 + 地区生产总值; 受理前化解 one event, not 受理.
import type { Catalog, Form } from './compileCatalog.js';

export interface FoundForm extends Form {
  start: number;
  end: number;
}

const asciiLowerCode = (c: number): number => (c >= 0x41 && c <= 0x5a ? c + 0x20 : c);

/** Whether `form` stands at i after its first character (already matched), ASCII letters folded. */
function restMatchesAt(text: string, i: number, form: string): boolean {
  for (let k = 1; k < form.length; k++) if (asciiLowerCode(text.charCodeAt(i + k)) !== form.charCodeAt(k)) return false;
  return true;
}

/**
 * The catalogue's forms under the code of their first character, as a table: a character that
 * starts no form (most of them) costs one typed-array read, and no string is made of it.
 */
interface FormIndex {
  /** Per character code, its list's place in `lists`, 0 for none. */
  slots: Uint16Array;
  lists: (readonly Form[])[];
}
const indexes = new WeakMap<Catalog, FormIndex>();

function formIndex(catalog: Catalog): FormIndex {
  let index = indexes.get(catalog);
  if (!index) {
    index = { slots: new Uint16Array(0x10000), lists: [[]] };
    for (const [first, forms] of catalog.forms) {
      index.slots[first.charCodeAt(0)] = index.lists.length;
      index.lists.push(forms);
    }
    indexes.set(catalog, index);
  }
  return index;
}

/**
 * The longest form at i that ends by `end`, or undefined. Forms are in lower case
 * (compileCatalog), longest first under their first character: the text is compared the same
 * way, ASCII letters folded, and nothing is allocated (this runs for every character of a text).
 */
function longestWithin(index: FormIndex, text: string, i: number, end: number): Form | undefined {
  const slot = index.slots[asciiLowerCode(text.charCodeAt(i))];
  if (!slot) return undefined;
  for (const f of index.lists[slot]) if (i + f.text.length <= end && restMatchesAt(text, i, f.text)) return f;
  return undefined;
}

/** A form found at `start`: one object literal of one shape (a spread copy costs several times more). */
const foundAt = (form: Form, start: number): FoundForm => ({
  text: form.text,
  role: form.role,
  id: form.id,
  start,
  end: start + form.text.length,
});

/** The direct reading: from `start`, the longest form ending by `end`, else the next character. */
function scan(catalog: Catalog, text: string, start: number, end: number, into: FoundForm[]): void {
  const index = formIndex(catalog);
  let i = start;
  while (i < end) {
    const form = longestWithin(index, text, i, end);
    if (form) {
      into.push(foundAt(form, i));
      i += form.text.length;
    } else i++;
  }
}

/**
 * The whole text read once from its start, the forms kept in typed arrays. Each metric reads its
 * phrase, clause and sentence several times over, and neighbouring metrics read the same
 * stretches: read directly, a sentence of many metrics (a scraped table, a pathological file of
 * 200,000 in one sentence) cost each metric its whole reach again. A stretch read from its own
 * start agrees with the whole-text reading from the first position that reading also stood on
 * (not inside one of its forms) until a form would run past the stretch's end; only the
 * characters before and after that are read directly.
 */
class WholeTextForms {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly which: Form[];
  private readonly index: FormIndex;

  constructor(
    readonly catalog: Catalog,
    readonly text: string,
  ) {
    // Kept as numbers and references, not one object a form: a long text holds millions.
    const starts: number[] = [];
    const ends: number[] = [];
    this.which = [];
    this.index = formIndex(catalog);
    let i = 0;
    while (i < text.length) {
      const form = longestWithin(this.index, text, i, text.length);
      if (form) {
        starts.push(i);
        ends.push(i + form.text.length);
        this.which.push(form);
        i += form.text.length;
      } else i++;
    }
    this.starts = Int32Array.from(starts);
    this.ends = Int32Array.from(ends);
  }

  /** Index of the first form starting at or after i. */
  private firstFrom(i: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < i) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether the whole-text reading stood on i: i is not strictly inside one of its forms. */
  private stoodOn(i: number, next: number): boolean {
    return next === 0 || this.ends[next - 1] <= i;
  }

  find(start: number, end: number): FoundForm[] {
    const { catalog, text } = this;
    const found: FoundForm[] = [];
    let i = start;
    // Inside a whole-text form: read directly until the two readings meet.
    while (i < end) {
      const next = this.firstFrom(i);
      if (this.stoodOn(i, next)) {
        // From here the readings agree, up to a form that would end past `end`.
        let k = next;
        for (; k < this.starts.length && this.ends[k] <= end; k++) {
          found.push(foundAt(this.which[k], this.starts[k]));
        }
        // Between the forms taken the whole-text reading found nothing, and neither would this one;
        // from the form that runs past `end` (if it starts before `end`) a shorter one may fit.
        if (k < this.starts.length && this.starts[k] < end) scan(catalog, text, this.starts[k], end, found);
        return found;
      }
      const form = longestWithin(this.index, text, i, end);
      if (form) {
        found.push(foundAt(form, i));
        i += form.text.length;
      } else i++;
    }
    return found;
  }
}

/**
 * Read directly until a text has been asked this many times: an ordinary report (a few hundred
 * metrics, a few readings each) never pays for reading its whole text; a text with thousands of
 * metrics in long sentences switches to the whole-text reading.
 */
const DIRECT_READINGS = 4096;
/** Texts shorter than this (section titles) are always read directly. */
const SHORT_TEXT = 256;
/**
 * How many of the latest readings of a text are kept: a metric reads the same stretch for its
 * phrase, its clause's forms and its event (on the bench corpus a third of all readings repeat
 * one of the last eight, none an older one).
 */
const RECENT_READINGS = 8;

interface Reading {
  start: number;
  end: number;
  forms: readonly FoundForm[];
}

let current: {
  catalog: Catalog;
  text: string;
  readings: number;
  whole: WholeTextForms | null;
  recent: Reading[];
} | null = null;

/**
 * The forms in text.slice(start, end), in order, offsets into `text`; what no form covers is
 * skipped. Shared between callers: do not modify.
 */
export function findForms(catalog: Catalog, text: string, start: number, end: number): readonly FoundForm[] {
  // A section title is read directly, and does not interrupt the count of the document's text.
  if (text.length < SHORT_TEXT) return readDirectly(catalog, text, start, end);
  // One document's metrics come one after another with the same text: compared by length first, so
  // another text (a section title) is told apart without reading it.
  if (current === null || current.catalog !== catalog || current.text.length !== text.length || current.text !== text)
    current = { catalog, text, readings: 0, whole: null, recent: [] };
  // The same characters as another string (a document read twice, a duplicate file): its readings
  // hold, and from now on the two are the same string, which === tells at once; compared as text,
  // every call read all of it (a 9 MB report parsed a second time took 40 times as long).
  else current.text = text;
  const { recent } = current;
  for (const r of recent) if (r.start === start && r.end === end) return r.forms;
  if (current.whole === null && ++current.readings > DIRECT_READINGS) current.whole = new WholeTextForms(catalog, text);
  const forms = current.whole ? current.whole.find(start, end) : readDirectly(catalog, text, start, end);
  if (recent.length === RECENT_READINGS) recent.shift();
  recent.push({ start, end, forms });
  return forms;
}

function readDirectly(catalog: Catalog, text: string, start: number, end: number): FoundForm[] {
  const found: FoundForm[] = [];
  scan(catalog, text, start, end, found);
  return found;
}
