// Reads a stretch of text as catalogue forms, leftmost-longest (as a dictionary segmenter does):
// 人均地区生产总值 is one subject, not 人均 + 地区生产总值; 受理前化解 one event, not 受理.
import type { Catalog, Form } from './compileCatalog.js';

export interface FoundForm extends Form {
  start: number;
  end: number;
}

const NONE: readonly Form[] = [];

/**
 * Which forms start at each position of one text, remembered for the positions read last. Each
 * metric reads its clause and sentence several times over (phrase, clause, sentence before …), and
 * neighbouring metrics read the same stretches; without the memo a sentence of many metrics (a
 * scraped table, a pathological file) costs each of them the forms of every position again.
 * Positions are remembered in a ring: metrics come in document order, so what is read is near the
 * last metric, and memory stays constant however long the text.
 */
class FormPositions {
  private static readonly RING = 4096;
  private readonly position = new Int32Array(FormPositions.RING).fill(-1);
  private readonly forms: (readonly Form[])[] = new Array(FormPositions.RING);

  constructor(
    readonly catalog: Catalog,
    readonly text: string,
  ) {}

  /** The forms the text holds from position i, longest first. */
  at(i: number): readonly Form[] {
    const slot = i & (FormPositions.RING - 1);
    if (this.position[slot] === i) return this.forms[slot];
    const found = formsStartingAt(this.catalog, this.text, i);
    this.position[slot] = i;
    this.forms[slot] = found;
    return found;
  }
}

/** Forms are in lower case (compileCatalog): the text is compared the same way, ASCII letters folded. */
function formsStartingAt(catalog: Catalog, text: string, i: number): readonly Form[] {
  const candidates = catalog.forms.get(asciiLowerChar(text[i]));
  if (!candidates) return NONE;
  const found = candidates.filter((f) => matchesAt(text, i, f.text));
  return found.length > 0 ? found : NONE;
}

function matchesAt(text: string, i: number, form: string): boolean {
  if (i + form.length > text.length) return false;
  for (let k = 0; k < form.length; k++) {
    let c = text.charCodeAt(i + k);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== form.charCodeAt(k)) return false;
  }
  return true;
}

const asciiLowerChar = (c: string): string => (c >= 'A' && c <= 'Z' ? c.toLowerCase() : c);

/** Texts shorter than this (section titles) are read directly: there is nothing to remember. */
const REMEMBERED_FROM = 256;
let remembered: FormPositions | null = null;

function positionsOf(catalog: Catalog, text: string): FormPositions | null {
  if (text.length < REMEMBERED_FROM) return null;
  // The same text object in a row is the common case (one document's metrics): compared by length
  // first, so another document's text is told apart without reading it.
  if (
    remembered === null ||
    remembered.catalog !== catalog ||
    remembered.text.length !== text.length ||
    remembered.text !== text
  )
    remembered = new FormPositions(catalog, text);
  return remembered;
}

/** The forms in text.slice(start, end), in order, offsets into `text`; what no form covers is skipped. */
export function findForms(catalog: Catalog, text: string, start: number, end: number): FoundForm[] {
  const positions = positionsOf(catalog, text);
  const found: FoundForm[] = [];
  let i = start;
  while (i < end) {
    const here = positions ? positions.at(i) : formsStartingAt(catalog, text, i);
    // The longest form that ends within the stretch.
    const form = here.find((f) => i + f.text.length <= end);
    if (form) {
      found.push({ ...form, start: i, end: i + form.text.length });
      i += form.text.length;
    } else i++;
  }
  return found;
}
