// Scraped web pages: an `.html` file (or one whose first bytes are HTML) is read as a page, not
// as text — its markup would otherwise be parsed for metrics (`width="100%"`). The page is
// parsed by htmlparser2 (streaming callbacks, no DOM: the most used HTML parser on npm, forgiving
// with the broken markup of old government sites, entities decoded by `entities`, both by the
// same maintainer) and its visible text extracted:
//   - block elements (p, div, h1–h6, li, section, …) and <br> end a line;
//   - each table row becomes one line of cells: `a | b | c |`;
//   - script, style, noscript, template, iframe, svg and the head (except <title>) are dropped;
//   - whitespace in text collapses to one space as a browser shows it (kept in <pre>).
// Every offset reportx gives for such a file is into this extracted text (`source.format: "html"`).
//
// This file only recognises a page and its charset; the extraction (htmlText.ts, with
// htmlparser2) is loaded by loadHtmlToText when a page comes, so a run on text files does not
// pay for the parser at start-up (~15 ms of a cold start).

const HTML_EXTENSIONS = /\.(?:html?|xhtml|shtml)$/i;

/** The first non-blank bytes of a page: a doctype, <html>, <head>, <body> or <meta> (after an optional BOM or comment). */
const HTML_START = /^(?:\uFEFF)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s)/i;

/** Whether these bytes, named `path`, are an HTML page: by extension, or by how they start. */
export function isHtml(path: string | null | undefined, bytes: Uint8Array): boolean {
  if (path && HTML_EXTENSIONS.test(path)) return true;
  // The start as Latin-1: markup is ASCII in every encoding a page may use except UTF-16.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  return HTML_START.test(head);
}

/**
 * The charset a page declares in its first 1024 bytes (`<meta charset="gbk">` or
 * `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`), as the HTML standard's
 * prescan looks for it; null when it declares none.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  for (const meta of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = meta[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct) return direct[1].toLowerCase();
  }
  return null;
}

export type HtmlToText = (html: string) => string;

/** The extractor (htmlText.ts and htmlparser2), loaded on first use. */
export async function loadHtmlToText(): Promise<HtmlToText> {
  return (await import('./htmlText.js')).htmlToText;
}
