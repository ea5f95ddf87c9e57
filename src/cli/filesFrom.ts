// --files-from FILE (or - for standard input): the paths to parse, one a line, taken literally —
// no glob expansion, no shell, so a list of 120,000 files costs a line each instead of a shell's
// argument limit or a glob walk (a 120,000-file glob peaked at 630 MB).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { UsageError } from './exitCodes.js';

/** The non-empty lines of the list (a trailing CR of a CRLF file dropped), in order. */
export async function readFileList(list: string): Promise<string[]> {
  const input = list === '-' ? process.stdin : createReadStream(list);
  const paths: string[] = [];
  try {
    for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
      if (line.trim() !== '') paths.push(line);
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(
      `--files-from ${list}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message}`,
    );
  }
  return paths;
}
