// One input file → one validated document or one failure reason. This is the unit of work a
// worker thread runs, so it takes and returns plain data only.
import { createHash } from 'node:crypto';
import { parseReport, type ParseOptions } from '../parseReport.js';
import { loadCatalog } from '../indicators/catalogFiles.js';
import type { ReportDocument } from '../model/schema.js';
import { validateDocument } from '../model/validateDocument.js';
import { decodeBytes } from '../decode/decodeBytes.js';
import { type HtmlToText, isHtml, loadHtmlToText } from '../decode/html.js';
import { withSegmentationMemo } from '../text/segmenter.js';
import type { Render } from '../output/renderDocument.js';
import { DEFAULT_MAX_SIZE, readRegularFile, readStandardInput } from './readInput.js';
import type { Output } from './writers/writer.js';

export { describeReadError } from './readInput.js';

export type FileFailure = { ok: false; path: string; reason: string };
/** `text` (the decoded source) only when asked for with `keepText`: the review page shows it. */
export type FileResult = { ok: true; path: string; document: ReportDocument; text?: string } | FileFailure;
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
  /** Return the decoded text with the document (for `reportx review`). */
  keepText?: boolean;
  /** Larger files are refused (default DEFAULT_MAX_SIZE). */
  maxSize?: number;
  /** Catalogue files (--catalog) read over the bundled catalogue; paths, so a worker can load them too. */
  catalogFiles?: string[];
}

export async function parseFile(path: string, options: ParseFileOptions = {}): Promise<FileResult> {
  const decoded = await readDecoded(path, options);
  return decoded.ok ? parseDecoded(path, decoded, options) : decoded;
}

/** A file read and decoded (its bytes hashed and dropped), or why it could not be. */
export async function readDecoded(path: string, options: ParseFileOptions = {}): Promise<DecodedFile | FileFailure> {
  const maxSize = options.maxSize ?? DEFAULT_MAX_SIZE;
  // A synchronous read: reports are small and usually in the page cache, where it takes
  // microseconds, while fs/promises' open-stat-read-close chain needs this thread's event loop
  // between steps — which it does not get while the thread parses the previous file (measured:
  // 6% of a one-thread batch spent idle, waiting for reads). It runs a microtask later, so a
  // caller starting several files (batch.ts) hands the others to workers before this thread is
  // taken by the parse.
  const bytes: Uint8Array | FileFailure = await (path === '-'
    ? readStandardInput(maxSize)
    : Promise.resolve(path).then((p) => readRegularFile(p, maxSize))
  ).then((read) => (read.ok ? read.bytes : { ok: false as const, path, reason: read.reason }));
  if (!(bytes instanceof Uint8Array)) return bytes as FileFailure;
  try {
    // The HTML reader is loaded only when a page comes (see src/decode/html.ts).
    const htmlToText = isHtml(path === '-' ? null : path, bytes) ? await loadHtmlToText() : undefined;
    // Only the text is kept: a large input's bytes are not held through its parse (100 MB less
    // at the peak for a 100 MB file).
    return decodeAndHash(path, bytes, options, htmlToText);
  } catch (err) {
    // A bug in the pipeline fails this file, not the whole batch.
    return { ok: false, path, reason: describeParseError(err) };
  }
}

export function parseBytes(
  path: string,
  bytes: Uint8Array,
  options: ParseFileOptions = {},
  htmlToText?: HtmlToText,
): FileResult {
  const decoded = decodeAndHash(path, bytes, options, htmlToText);
  return decoded.ok ? parseDecoded(path, decoded, options) : decoded;
}

export type DecodedFile = Extract<ReturnType<typeof decodeBytes>, { ok: true }> & { sha256: string };

function decodeAndHash(
  path: string,
  bytes: Uint8Array,
  options: ParseFileOptions,
  htmlToText?: HtmlToText,
): DecodedFile | FileFailure {
  const decoded = decodeBytes(bytes, { encoding: options.encoding, path: path === '-' ? null : path, htmlToText });
  if (!decoded.ok) return { ok: false, path, reason: decoded.reason };
  return { ...decoded, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export function parseDecoded(path: string, decoded: DecodedFile, options: ParseFileOptions): FileResult {
  try {
    const document = withSegmentationMemo(() => parseReport(decoded.text, reportOptions(path, decoded, options)));
    const result = validated(path, document);
    return result.ok && options.keepText ? { ...result, text: decoded.text } : result;
  } catch (err) {
    // A bug in the pipeline fails this file, not the whole batch.
    return { ok: false, path, reason: describeParseError(err) };
  }
}

/** What parseReport records of the file (its path, encoding, hash, decoding warnings) and the catalogue. */
export function reportOptions(path: string, decoded: DecodedFile, options: ParseFileOptions): ParseOptions {
  return {
    path: path === '-' ? null : path,
    encoding: decoded.encoding,
    encodingConfidence: decoded.confidence,
    format: decoded.format,
    sha256: decoded.sha256,
    warnings: decoded.warnings,
    // Compiled once per list of files, in each thread (loadCatalog keeps it).
    catalog: loadCatalog(options.catalogFiles),
  };
}

/** A document that fails the schema is a bug in reportx: report it with the schema path, never write it. */
export function validated(path: string, document: ReportDocument): FileResult {
  const check = validateDocument(document);
  if (check.ok) return { ok: true, path, document };
  return { ok: false, path, reason: schemaFailure(check) };
}

/** Why a document that failed the schema is not written: a bug in reportx. */
export function schemaFailure(check: { path: string; message: string }): string {
  return `internal error: output failed schema validation at ${check.path}: ${check.message} (please report this bug)`;
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
    return { ok: false, path: result.path, reason: describeParseError(err) };
  }
}

/**
 * An exception from the pipeline → the reason for its file. V8's own limits are the input's size,
 * not a bug: a string or buffer longer than V8 allows (output of a huge file), an allocation that
 * failed.
 */
export function describeParseError(err: unknown): string {
  const message = (err as Error)?.message ?? String(err);
  if (
    err instanceof RangeError &&
    /Invalid string length|Array buffer allocation failed|Invalid array length/.test(message)
  )
    return `file too large to parse as one document (${message}): split it, or lower --max-size to refuse such files`;
  return `internal error: ${message} (please report this bug)`;
}
