// One input file → one validated document or one failure reason. This is the unit of work a
// worker thread runs, so it takes and returns plain data only.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { parseReport } from '../parseReport.js';
import type { ReportDocument } from '../model/schema.js';
import { validateDocument } from '../model/validateDocument.js';
import { decodeBytes } from '../decode/decodeBytes.js';
import { withSegmentationMemo } from '../text/segmenter.js';
import type { Render } from '../output/renderDocument.js';
import type { Output } from './writers/writer.js';

export type FileFailure = { ok: false; path: string; reason: string };
export type FileResult = { ok: true; path: string; document: ReportDocument } | FileFailure;
/**
 * A parsed file as its output format's text, when the CLI writes the output. A worker sends it as
 * UTF-8 bytes, moved to the main thread without a copy (parseWorker.ts) and written as they are:
 * a string would be copied into the main thread's heap — a document's ndjson line is often over
 * 128 KB as UTF-16, so it lands in the old generation, which then grew by ~40 MB between full
 * collections (measured) — and encoded there by the stream. Text rendered in the main thread
 * stays a string: the stream encodes it into a buffer it frees at once, where bytes of our own
 * would be a fresh allocation per document, alive until a GC (measured: ~10% of a one-thread run).
 */
export type RenderedFile = { ok: true; path: string; output: Output; metrics: number } | FileFailure;

/**
 * Documents with more metrics than this, rendered in this thread, are rendered piece by piece as
 * they are written (Render.pieces): a 100 MB report's ndjson line is ~190 million characters,
 * which as one string and then its UTF-8 bytes took ~600 MB more than the document itself.
 */
export const PIECES_ABOVE_METRICS = 4096;

export interface ParseFileOptions {
  /** Force an encoding instead of detecting one. */
  encoding?: string;
}

export async function parseFile(path: string, options: ParseFileOptions = {}): Promise<FileResult> {
  let bytes: Buffer | null;
  try {
    // A synchronous read: reports are small and usually in the page cache, where it takes
    // microseconds, while fs/promises' open-stat-read-close chain needs this thread's event loop
    // between steps — which it does not get while the thread parses the previous file (measured:
    // 6% of a one-thread batch spent idle, waiting for reads). It runs a microtask later, so a
    // caller starting several files (batch.ts) hands the others to workers before this thread is
    // taken by the parse.
    bytes = path === '-' ? await readStdin() : await Promise.resolve(path).then((p) => readFileSync(p));
  } catch (err) {
    return { ok: false, path, reason: describeReadError(err) };
  }
  try {
    const decoded = decodeAndHash(path, bytes!, options);
    // Dropped before the parse, which needs only the text: a large input's bytes are not kept
    // through it (100 MB less at the peak for a 100 MB file).
    bytes = null;
    return decoded.ok ? parseDecoded(path, decoded) : decoded;
  } catch (err) {
    return internalError(path, err);
  }
}

export function parseBytes(path: string, bytes: Uint8Array, options: ParseFileOptions = {}): FileResult {
  const decoded = decodeAndHash(path, bytes, options);
  return decoded.ok ? parseDecoded(path, decoded) : decoded;
}

interface DecodedFile {
  ok: true;
  text: string;
  encoding: string;
  sha256: string;
}

function decodeAndHash(path: string, bytes: Uint8Array, options: ParseFileOptions): DecodedFile | FileFailure {
  const decoded = decodeBytes(bytes, { encoding: options.encoding });
  if (!decoded.ok) return { ok: false, path, reason: decoded.reason };
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { ok: true, text: decoded.text, encoding: decoded.encoding, sha256 };
}

function parseDecoded(path: string, decoded: DecodedFile): FileResult {
  const { text, encoding, sha256 } = decoded;
  const document = withSegmentationMemo(() =>
    parseReport(text, { path: path === '-' ? null : path, encoding, sha256 }),
  );
  return validated(path, document);
}

/** A bug in the pipeline fails this file, not the whole batch. */
function internalError(path: string, err: unknown): FileFailure {
  return {
    ok: false,
    path,
    reason: `internal error: ${(err as Error)?.message ?? String(err)} (please report this bug)`,
  };
}

/** A document that fails the schema is a bug in reportx: report it with the schema path, never write it. */
export function validated(path: string, document: ReportDocument): FileResult {
  const check = validateDocument(document);
  if (check.ok) return { ok: true, path, document };
  return {
    ok: false,
    path,
    reason: `internal error: output failed schema validation at ${check.path}: ${check.message} (please report this bug)`,
  };
}

/** @param inPieces large documents as pieces made while they are written (this thread only: a worker sends text). */
export function renderResult(result: FileResult, render: Render, inPieces = false): RenderedFile {
  if (!result.ok) return result;
  try {
    const { document } = result;
    const output =
      inPieces && document.metrics.length > PIECES_ABOVE_METRICS ? render.pieces(document) : render(document);
    return { ok: true, path: result.path, output, metrics: document.metrics.length };
  } catch (err) {
    return {
      ok: false,
      path: result.path,
      reason: `internal error: ${(err as Error)?.message ?? String(err)} (please report this bug)`,
    };
  }
}

/** A read error (errno code) → the one reason printed as `reportx: PATH: REASON`. */
export function describeReadError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'ENOTDIR':
      return 'no such file (a parent in the path is not a directory)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'ENAMETOOLONG':
      return 'file name too long';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'ERR_FS_FILE_TOO_LARGE':
    case 'EFBIG':
      return 'file too large';
    case 'EIO':
      return 'input/output error';
    default: {
      // Node's messages read "CODE: description, syscall 'path'": keep the description only.
      const message = (err as Error)?.message ?? String(err);
      return `cannot read: ${/^[A-Z_]+: ([^,]+),/.exec(message)?.[1] ?? message}`;
    }
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
