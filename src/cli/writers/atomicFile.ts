// Writes a file whole or not at all: a temporary file beside it, then a rename. The temporary
// file is removed when the write fails (a full disk) and when a signal stops the process.
import { unlinkSync } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { onInterrupt } from '../cleanup.js';
import { outputError } from './outputError.js';

export const TEMP_MARK = '.reportx-tmp-';

/** Throws an OutputError naming `path` when it cannot be written. */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const tmp = `${path}${TEMP_MARK}${process.pid}-${Math.random().toString(36).slice(2)}`;
  const forget = onInterrupt(() => unlinkSync(tmp));
  try {
    await writeFile(tmp, content);
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => {});
    throw outputError(path, err);
  } finally {
    forget();
  }
}
