// The one loop every writer of a file descriptor needs: writeSync may write only part of a buffer
// (the disk filled up), so it goes on until all of it is written or a write throws.
import { writeSync } from 'node:fs';

/** Writes all of `bytes` to `fd`, at `position` when given (else where the file stands); returns their length. */
export function writeAll(fd: number, bytes: Uint8Array, position?: number): number {
  for (let done = 0; done < bytes.length; )
    done += writeSync(fd, bytes, done, bytes.length - done, position === undefined ? null : position + done);
  return bytes.length;
}
