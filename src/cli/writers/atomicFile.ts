// Writes a file whole or not at all: a temporary file beside it, then a rename. The temporary
// file is removed when the write fails (a full disk) and when a signal stops the process.
import { closeSync, openSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { onInterrupt } from '../cleanup.js';
import { outputError } from './outputError.js';
import { writeAll } from './writeAll.js';

export const TEMP_MARK = '.reportx-tmp-';

/**
 * Throws an OutputError naming `path` when it cannot be written. Synchronous on purpose: a signal
 * handler runs only between JavaScript tasks, so it never meets a half-made temporary file. With
 * fs/promises, the thread pool could create the file after the handler had removed it (seen in
 * the signal tests: one *.reportx-tmp-* left behind). Content in pieces (a large document, made
 * as it is written: renderFile.ts) is written to the temporary file piece by piece; if making a
 * piece fails, the temporary file is removed and that error thrown as it is.
 */
export async function writeFileAtomic(
  path: string,
  content: string | Uint8Array | AsyncIterable<string | Uint8Array>,
): Promise<void> {
  const tmp = `${path}${TEMP_MARK}${process.pid}-${Math.random().toString(36).slice(2)}`;
  const forget = onInterrupt(() => unlinkSync(tmp));
  const removeTmp = () => {
    try {
      unlinkSync(tmp);
    } catch {
      // Never created, or already gone.
    }
  };
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(tmp, content);
    else await writePieces(tmp, content);
    renameSync(tmp, path);
  } catch (err) {
    removeTmp();
    throw err instanceof PieceFailure ? err.cause : outputError(path, err);
  } finally {
    forget();
  }
}

/** Making a piece failed: the content's own error, not the file's. */
class PieceFailure extends Error {}

async function writePieces(tmp: string, pieces: AsyncIterable<string | Uint8Array>): Promise<void> {
  const fd = openSync(tmp, 'w');
  try {
    const made = pieces[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<string | Uint8Array>;
      try {
        next = await made.next();
      } catch (err) {
        throw new PieceFailure('a piece failed', { cause: err });
      }
      if (next.done) return;
      writeAll(fd, typeof next.value === 'string' ? Buffer.from(next.value) : next.value);
    }
  } finally {
    closeSync(fd);
  }
}
