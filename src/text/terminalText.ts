// Text from outside (file names, report text) on its way to a terminal. A control character
// written raw can recolour, move the cursor, retitle or clear the terminal (`\x1b[2J`), or hide
// what follows; so every writer to standard error and every terminal view (the `table` text, the
// `check` report) shows such characters escaped instead: `\x1B`, `\u202E`. Our own colours are
// added after this, around text that went through it.

/**
 * C0 controls (tab and line feed handled separately), DEL, C1 controls, and the bidirectional
 * overrides and isolates that reorder what a terminal shows (U+200E/F, U+202A–E, U+2066–9).
 */
const CONTROL = /[\x00-\x08\x0B-\x1F\x7F-\x9F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const CONTROL_OR_BREAK = /[\x00-\x1F\x7F-\x9F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

function escapeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
    : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * `text` with every control character shown as an escape (`\x1B`, `\x07`, `\u202E`). One line
 * (the default): tabs and line breaks are escaped too, so a file name stays on its line. With
 * `multiline`, line feeds are kept and tabs too.
 */
export function terminalSafe(text: string, options: { multiline?: boolean } = {}): string {
  const pattern = options.multiline ? CONTROL : CONTROL_OR_BREAK;
  pattern.lastIndex = 0;
  return pattern.test(text) ? text.replace(pattern, escapeChar) : text;
}
