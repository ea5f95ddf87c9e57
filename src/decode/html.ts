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
import { Parser } from 'htmlparser2';

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

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'title',
  'ul',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'object', 'select', 'head']);
const CELL = new Set(['td', 'th']);

/** The visible text of a page, one block per line and one table row per line (`a | b | c |`). */
export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = '';
  let skipDepth = 0;
  let inTitle = false;
  let preDepth = 0;
  let row: string[] | null = null;
  let cell: string | null = null;

  const breakLine = () => {
    const text = line.replace(/ +$/, '');
    // Leading spaces come from markup layout, except in <pre>.
    if (text.trim() !== '') lines.push(preDepth > 0 ? text : text.replace(/^ +/, ''));
    line = '';
  };
  const append = (text: string) => {
    if (cell !== null) {
      cell += text;
      return;
    }
    line += text;
  };
  const endRow = () => {
    if (row === null) return;
    if (cell !== null) row.push(cell);
    cell = null;
    const cells = row.map((c) => c.replace(/\s+/g, ' ').trim());
    row = null;
    if (cells.some((c) => c !== '')) {
      breakLine();
      lines.push(`${cells.join(' | ')} |`);
    }
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'title' && skipDepth === 1 && SKIP.has('head')) inTitle = true;
        if (SKIP.has(name)) {
          skipDepth++;
          return;
        }
        if (skipDepth > 0 && !inTitle) return;
        if (name === 'tr') {
          endRow();
          row = [];
        } else if (CELL.has(name)) {
          if (row === null) row = [];
          if (cell !== null) row.push(cell);
          cell = '';
        } else if (name === 'br') {
          if (cell !== null) cell += ' ';
          else breakLine();
        } else if (name === 'pre') {
          if (cell === null) breakLine();
          preDepth++;
        } else if (BLOCK.has(name)) {
          if (cell !== null) cell += ' ';
          else breakLine();
        }
      },
      onclosetag(name) {
        if (name === 'title' && inTitle) {
          inTitle = false;
          breakLine();
          return;
        }
        if (SKIP.has(name)) {
          if (skipDepth > 0) skipDepth--;
          return;
        }
        if (skipDepth > 0) return;
        if (name === 'tr' || name === 'table') endRow();
        else if (CELL.has(name)) {
          if (row !== null && cell !== null) row.push(cell);
          cell = null;
        } else if (name === 'pre') {
          breakLine();
          preDepth = Math.max(0, preDepth - 1);
        } else if (BLOCK.has(name) && cell === null) breakLine();
      },
      ontext(data) {
        if (skipDepth > 0 && !inTitle) return;
        if (preDepth > 0 && cell === null) {
          const parts = data.split('\n');
          parts.forEach((part, i) => {
            if (i > 0) breakLine();
            line += part;
          });
          return;
        }
        const collapsed = data.replace(/[\t\n\f\r ]+/g, ' ');
        if (collapsed === ' ' && (cell ?? line).endsWith(' ')) return;
        append(collapsed);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  endRow();
  breakLine();
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
