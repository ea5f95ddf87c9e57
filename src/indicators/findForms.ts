// Reads a stretch of text as catalogue forms, leftmost-longest (as a dictionary segmenter does):
// 人均地区生产总值 is one subject, not 人均 + 地区生产总值; 受理前化解 one event, not 受理.
import { asciiLower, type Catalog, type Form } from './compileCatalog.js';

export interface FoundForm extends Form {
  start: number;
  end: number;
}

/** The forms in text.slice(start, end), in order, offsets into `text`; what no form covers is skipped. */
export function findForms(catalog: Catalog, text: string, start: number, end: number): FoundForm[] {
  // Forms are in lower case (compileCatalog): the stretch is read the same way, offsets unchanged.
  const stretch = asciiLower(text.slice(start, end));
  const found: FoundForm[] = [];
  let i = 0;
  while (i < stretch.length) {
    const form = catalog.forms.get(stretch[i])?.find((f) => stretch.startsWith(f.text, i));
    if (form) {
      found.push({ ...form, start: start + i, end: start + i + form.text.length });
      i += form.text.length;
    } else i++;
  }
  return found;
}
