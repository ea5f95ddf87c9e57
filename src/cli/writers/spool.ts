// A record made as it is written (a large document parsed a part at a time, or streamed from its
// worker) may fail on the way: a part that fails, a worker out of memory. A half record would
// break every line after it for the reader (ndjson, CSV), and neither a pipe nor standard output
// redirected to a file can be rewound (a file can be cut short, but Node cannot move its offset
// back). So such a record goes first to a temporary file, and only once it is whole is it written
// out: memory holds one chunk of it, whatever its size.
import { closeSync, mkdtempSync, openSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onInterrupt } from '../cleanup.js';
import { writeAll } from './writeAll.js';

/** Bytes read back from the temporary file at a time. */
const READ_BACK_BYTES = 1024 * 1024;

/** A record kept whole in a temporary file: its chunks, read back in order; then removed. */
export interface SpooledRecord {
  chunks(): Iterable<Uint8Array>;
  remove(): void;
}

/**
 * Writes `pieces` to a temporary file. If making a piece fails, the file is removed and that error
 * thrown. The file is removed by remove(), and by a signal that stops the process.
 */
export async function spool(pieces: AsyncIterable<string | Uint8Array>): Promise<SpooledRecord> {
  const dir = mkdtempSync(join(tmpdir(), 'reportx-record-'));
  let fd: number | null = null;
  const remove = () => {
    if (fd !== null) closeSync(fd);
    fd = null;
    rmSync(dir, { recursive: true, force: true });
  };
  const forget = onInterrupt(remove);
  let size = 0;
  try {
    fd = openSync(join(dir, 'record'), 'w+');
    for await (const piece of pieces) {
      const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
      size += writeAll(fd, bytes, size);
    }
  } catch (err) {
    remove();
    forget();
    throw err;
  }
  return {
    *chunks() {
      for (let at = 0; at < size; ) {
        const chunk = Buffer.allocUnsafe(Math.min(READ_BACK_BYTES, size - at));
        const read = readSync(fd!, chunk, 0, chunk.length, at);
        if (read === 0) throw new Error('the temporary record file ended early');
        at += read;
        yield read === chunk.length ? chunk : chunk.subarray(0, read);
      }
    },
    remove() {
      remove();
      forget();
    },
  };
}
