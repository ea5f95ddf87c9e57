// Every output format is an OutputWriter: it is handed each document's rendered text (see
// src/output/renderDocument.ts) in input order as each file finishes, adds the framing between
// documents and writes it out, so memory does not grow with the number of files.
import { fstatSync, ftruncateSync, writeSync } from 'node:fs';
import { onInterrupt } from '../cleanup.js';
import { type OutputError, outputError } from './outputError.js';

export interface OutputWriter {
  /** `output` is the document rendered for this writer's format (text, or its UTF-8 bytes); `inputPath` the file it came from ('-' for stdin). */
  write(output: string | Uint8Array, inputPath: string): Promise<void>;
  end(): Promise<void>;
}

/**
 * Writes chunks in order; each resolves once the stream can take more (back-pressure from a slow
 * pipe). Every write failure rejects with an OutputError, and so does every write after it.
 * `flush()` resolves once everything written has reached the stream's destination, so a failure
 * of the last chunk is not missed.
 */
export interface StreamOut {
  (chunk: string | Uint8Array): Promise<void>;
  flush(): Promise<void>;
}

/**
 * Standard output (or another stream) as a StreamOut. When it is a regular file (`> out.ndjson`)
 * it is written directly, and a failed write (a full disk) or a signal leaves the file ending
 * with the last whole chunk — each chunk is whole records — never a record cut mid-character.
 */
export function streamOut(stream: NodeJS.WritableStream, target = 'standard output'): StreamOut {
  const fd = (stream as { fd?: unknown }).fd;
  if (typeof fd === 'number' && isRegularFile(fd)) return fileOut(fd, target);
  return pipeOut(stream, target);
}

function isRegularFile(fd: number): boolean {
  try {
    return fstatSync(fd).isFile();
  } catch {
    return false;
  }
}

function fileOut(fd: number, target: string): StreamOut {
  // Whatever the file held before (`>>`) plus the chunks written whole.
  let whole = fstatSync(fd).size;
  let failed: OutputError | null = null;
  // Between writes the file ends at `whole`; a signal mid-write would leave a part of a chunk.
  const cutBack = () => {
    if (fstatSync(fd).size > whole) ftruncateSync(fd, whole);
  };
  const out = (chunk: string | Uint8Array): Promise<void> => {
    if (failed) return Promise.reject(failed);
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const forget = onInterrupt(cutBack);
    try {
      // writeSync may write part of a chunk (the disk filled up): go on until all of it is written or it fails.
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
      whole += bytes.length;
      return Promise.resolve();
    } catch (err) {
      failed = outputError(target, err);
      try {
        cutBack();
      } catch {
        // The file cannot be truncated either: the message still says what happened.
      }
      return Promise.reject(failed);
    } finally {
      forget();
    }
  };
  return Object.assign(out, { flush: () => (failed ? Promise.reject(failed) : Promise.resolve()) });
}

function pipeOut(stream: NodeJS.WritableStream, target: string): StreamOut {
  let failed: OutputError | null = null;
  const fail = (err: unknown) => {
    failed ??= outputError(target, err);
    return failed;
  };
  // A closed pipe is reported both to the write callback and as an 'error' event, which must be
  // listened to or it is thrown.
  stream.on('error', fail);
  let lastWrite: Promise<void> = Promise.resolve();
  const out = (chunk: string | Uint8Array): Promise<void> => {
    if (failed) return Promise.reject(failed);
    return new Promise((resolve, reject) => {
      let written!: () => void;
      lastWrite = new Promise<void>((done) => {
        written = done;
      });
      const onError = (err: unknown) => reject(fail(err));
      try {
        const ok = stream.write(chunk, (err) => {
          written();
          if (err) onError(err);
        });
        // When full, wait for 'drain'; a failure instead settles this through the callback.
        if (ok) resolve();
        else stream.once('drain', () => resolve());
      } catch (err) {
        written();
        onError(err);
      }
    });
  };
  return Object.assign(out, {
    flush: () => lastWrite.then(() => (failed ? Promise.reject(failed) : undefined)),
  });
}
