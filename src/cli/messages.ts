// The one way the command line writes a line about a file or a problem to standard error: the
// names and reasons in it (which can carry a file name or report text) go through terminalSafe,
// so a control character in them is shown escaped and never acts on the terminal.
import { terminalSafe } from '../text/terminalText.js';

/** `reportx: SUBJECT: REASON\n`, with control characters in both escaped. */
export function problemLine(subject: string, reason: string): string {
  return `reportx: ${terminalSafe(subject)}: ${terminalSafe(reason)}\n`;
}

/** `reportx: MESSAGE\n`, with control characters escaped (line breaks kept). */
export function messageLine(message: string): string {
  return `reportx: ${terminalSafe(message, { multiline: true })}\n`;
}

/** Text for standard error as it is, control characters escaped (line breaks kept). */
export function stderrText(text: string): string {
  return terminalSafe(text, { multiline: true });
}
