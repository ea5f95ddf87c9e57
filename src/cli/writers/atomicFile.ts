// Writes a file whole or not at all: a temporary file beside it, then a rename. The temporary
// file is removed when the write fails (a full disk) and when a signal stops the process.
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { onInterrupt } from '../cleanup.js';
import { outputError } from './outputError.js';

export const TEMP_MARK = '.reportx-tmp-';

/**
 * Throws an OutputError naming `path` when it cannot be written. Synchronous on purpose: a signal
 * handler runs only between JavaScript tasks, so it never meets a half-made temporary file. With
 * fs/promises, the thread pool could create the file after the handler had removed it (seen in
 * the signal tests: one *.reportx-tmp-* left behind).
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const tmp = `${path}${TEMP_MARK}${process.pid}-${Math.random().toString(36).slice(2)}`;
  const forget = onInterrupt(() => unlinkSync(tmp));
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // Never created, or already gone.
    }
    throw outputError(path, err);
  } finally {
    forget();
  }
}
