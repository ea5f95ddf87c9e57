// Reads a stretch of text as catalogue forms, leftmost-longest (as a dictionary segmenter does):
// 人均地区生产总值 is one subject, not 人均 + 地区生产总值; 受理前化解 one event, not 受理.
import type { Catalog, Form } from './compileCatalog.js';

export interface FoundForm extends Form {
  start: number;
  end: number;
}

/** The forms in text.slice(start, end), in order, offsets into `text`; what no form covers is skipped. */
export function findForms(catalog: Catalog, text: string, start: number, end: number): FoundForm[] {
  const found: FoundForm[] = [];
  let i = start;
  while (i < end) {
    const form = catalog.forms.get(text[i])?.find((f) => i + f.text.length <= end && text.startsWith(f.text, i));
    if (form) {
      found.push({ ...form, start: i, end: i + form.text.length });
      i += form.text.length;
    } else i++;
  }
  return found;
}
