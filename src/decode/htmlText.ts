// The visible text of a web page (see html.ts for what and why), with htmlparser2.
import { Parser } from 'htmlparser2';

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
