// Every output format is an OutputWriter: it is handed each document's rendered text (see
// src/output/renderDocument.ts) in input order as each file finishes, adds the framing between
// documents and writes it out, so memory does not grow with the number of files.
import { fstatSync, ftruncateSync } from 'node:fs';
import { isatty } from 'node:tty';
import { onInterrupt } from '../cleanup.js';
import { type OutputError, outputError } from './outputError.js';
import { spool } from './spool.js';
import { writeAll } from './writeAll.js';

/**
 * A document rendered: its text, its UTF-8 bytes, or (a large document) its text in pieces. Pieces
 * of a document already parsed are an Iterable (Render.pieces in this thread, byte chunks from a
 * worker). A record made as it is written is an AsyncIterable, and may fail on the way: a long
 * input parsed a part at a time (renderFile.ts), or streamed from its worker (workerStream.ts).
 */
export type Output = string | Uint8Array | Pieces;
export type Pieces = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/** Whether an output is a record made as it is written (an async iterable, which may fail on the way). */
export function madeAsWritten(output: Output): output is AsyncIterable<string | Uint8Array> {
  return typeof output === 'object' && Symbol.asyncIterator in output;
}

export interface OutputWriter {
  /** `output` is the document rendered for this writer's format; `inputPath` the file it came from ('-' for stdin). */
  write(output: Output, inputPath: string): Promise<void>;
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
  /**
   * One record written in pieces: a failure or a signal cuts a regular file back to before its
   * first piece. A record made as it is written is written once it is whole; if making it fails
   * (its pieces throw: renderFile.ts), nothing of it is written, the call rejects with that
   * error, and the output goes on.
   */
  pieces(pieces: Pieces): Promise<void>;
}

/**
 * Standard output (or another stream) as a StreamOut. When it is a regular file (`> out.ndjson`)
 * it is written directly, and a failed write (a full disk) or a signal leaves the file ending
 * with the last whole chunk — each chunk is whole records — never a record cut mid-character. A
 * character device other than a terminal (`> /dev/null`) is written directly too: Node's own
 * stream for it writes synchronously all the same (fs.SyncWriteStream), after a copy of each
 * string measured and encoded apart.
 */
export function streamOut(stream: NodeJS.WritableStream, target = 'standard output'): StreamOut {
  const fd = (stream as { fd?: unknown }).fd;
  const kind = typeof fd === 'number' ? directKind(fd) : null;
  if (kind !== null) return fileOut(fd as number, target, kind === 'file');
  return pipeOut(stream, target);
}

/** `file` for a regular file, `device` for a character device that is not a terminal, else null (a pipe, a socket, a terminal). */
function directKind(fd: number): 'file' | 'device' | null {
  try {
    const stats = fstatSync(fd);
    if (stats.isFile()) return 'file';
    return stats.isCharacterDevice() && !isatty(fd) ? 'device' : null;
  } catch {
    return null;
  }
}

/**
 * Text written directly is encoded into this buffer, reused: one pass over the text, where
 * Buffer.from measures its UTF-8 length first and then encodes it into a fresh buffer (measured
 * on the bench's 500 reports, 28 million characters of ndjson: 50 ms against 25 ms).
 */
let scratch: Buffer | null = null;
/** Texts that may need more bytes than this get a buffer of their own, not kept (a large document's output). */
const SCRATCH_BYTES = 1024 * 1024;

/** The UTF-8 bytes of `text`, valid until the next call. */
function utf8Bytes(text: string): Uint8Array {
  // A UTF-16 code unit takes at most 3 bytes in UTF-8, so the text always fits.
  if (text.length * 3 > SCRATCH_BYTES) return Buffer.from(text);
  scratch ??= Buffer.allocUnsafeSlow(SCRATCH_BYTES);
  return scratch.subarray(0, scratch.write(text));
}

/** @param truncatable a regular file, which a failed or interrupted record is cut from */
function fileOut(fd: number, target: string, truncatable: boolean): StreamOut {
  // Whatever the file held before (`>>`) plus the records written whole.
  let whole = truncatable ? fstatSync(fd).size : 0;
  let failed: OutputError | null = null;
  // Between records the file ends at `whole`; a signal mid-record would leave a part of one.
  const cutBack = () => {
    if (truncatable && fstatSync(fd).size > whole) ftruncateSync(fd, whole);
  };
  /** Writes the chunks one after another and moves `whole` past them only once all are written. */
  const record = (chunks: Iterable<string | Uint8Array>): Promise<void> => {
    if (failed) return Promise.reject(failed);
    const forget = onInterrupt(cutBack);
    try {
      let written = 0;
      for (const chunk of chunks) {
        const bytes = typeof chunk === 'string' ? utf8Bytes(chunk) : chunk;
        written += writeAll(fd, bytes);
      }
      whole += written;
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
  return Object.assign((chunk: string | Uint8Array) => record([chunk]), {
    flush: () => (failed ? Promise.reject(failed) : Promise.resolve()),
    pieces: (pieces: Pieces) => (madeAsWritten(pieces) ? whenWhole(pieces, record) : record(pieces)),
  });
}

/**
 * A record made as it is written (an async iterable, which may fail on the way) written by
 * `write` only once it is whole (spool.ts): if making it fails, nothing of it is written, its
 * error is thrown, and the output goes on.
 */
async function whenWhole(
  pieces: AsyncIterable<string | Uint8Array>,
  write: (chunks: Iterable<Uint8Array>) => Promise<void>,
): Promise<void> {
  const record = await spool(pieces);
  try {
    await write(record.chunks());
  } finally {
    record.remove();
  }
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
  const piecesOut = async (pieces: Iterable<string | Uint8Array>) => {
    for (const piece of pieces) if (piece.length > 0) await out(piece);
  };
  return Object.assign(out, {
    flush: () => lastWrite.then(() => (failed ? Promise.reject(failed) : undefined)),
    // The pieces go one after another, each waiting for room; a record made as it is written
    // goes only once it is whole (spool.ts).
    pieces: (pieces: Pieces) => (madeAsWritten(pieces) ? whenWhole(pieces, piecesOut) : piecesOut(pieces)),
  });
}

/** Writes one document's output: text or bytes at once, pieces one after another as one record. */
export function writeOutput(out: StreamOut, output: Output): Promise<void> {
  if (typeof output === 'string' || output instanceof Uint8Array)
    return output.length > 0 ? out(output) : Promise.resolve();
  return out.pieces(output);
}

/** The whole output as text or bytes (pieces joined), for a writer that needs it in one piece. */
export async function wholeOutput(output: Output): Promise<string | Uint8Array> {
  if (typeof output === 'string' || output instanceof Uint8Array) return output;
  const bytes: Uint8Array[] = [];
  for await (const piece of output) bytes.push(typeof piece === 'string' ? Buffer.from(piece) : piece);
  return Buffer.concat(bytes);
}
