// The worker-thread entry of the parse pool (see workerPool.ts): one task is one file, read,
// parsed and (for the CLI's output) rendered in the worker, so only a path goes in and only a
// plain result — UTF-8 bytes, moved rather than copied, when rendered — comes back.
import { Piscina } from 'piscina';
import { parseFile, type FileResult, type ParseFileOptions, type RenderedFile } from './parseFile.js';
import type { MessagePort } from 'node:worker_threads';
import { DocumentFailure, renderFile } from './renderFile.js';
import { sendChunks } from './workerStream.js';
import type { Output } from './writers/writer.js';
import { loadRenderer, type Render, type RenderSpec } from '../output/renderDocument.js';
import { loadSegmenter } from '../text/segmenter.js';

export interface ParseTask {
  path: string;
  encoding?: string;
  /** Return the decoded text with the document (see ParseFileOptions). */
  keepText?: boolean;
  maxSize?: number;
  /** --catalog files, loaded once per worker (loadCatalog keeps the compiled catalogue). */
  catalogFiles?: string[];
  /** Render the document in this format instead of returning it. */
  render?: RenderSpec;
  /** With render: send the output through this port as it is made (workerStream.ts), not with the result. */
  stream?: MessagePort;
}

/**
 * Run once by the pool as each worker starts (workerPool.ts): the pipeline's modules are loaded
 * with this file, and the jieba dictionary, the longest part of a first parse (~0.15 s), here.
 */
export function warmUp(): void {
  loadSegmenter();
}

/** One renderer per spec (a batch has one). */
const renderers = new Map<string, Promise<Render>>();

export default async function parseTask(task: ParseTask): Promise<FileResult | RenderedFile> {
  const options: ParseFileOptions = {
    encoding: task.encoding,
    maxSize: task.maxSize,
    keepText: task.keepText,
    catalogFiles: task.catalogFiles,
  };
  if (!task.render) return parseFile(task.path, options);
  const key = JSON.stringify(task.render);
  if (!renderers.has(key)) renderers.set(key, loadRenderer(task.render));
  const result = await renderFile(task.path, options, await renderers.get(key)!, true);
  if (task.stream) return streamed(result, task.stream);
  try {
    return await moved(result);
  } catch (err) {
    // A long input is parsed as its pieces are taken (renderFile.ts): a part that fails fails the file.
    if (err instanceof DocumentFailure) return { ok: false, path: err.path, reason: err.reason };
    throw err;
  }
}

/** The output sent through `port` as it is made; the result itself carries none. */
async function streamed(result: RenderedFile, port: MessagePort): Promise<RenderedFile> {
  if (!result.ok) {
    port.close();
    return result;
  }
  const sent = await sendChunks(port, byteChunks(result.output), () => result.metrics);
  return sent.ok ? { ...result, output: new Uint8Array(0) } : { ok: false, path: result.path, reason: sent.reason };
}

// TextEncoder, not Buffer.from: its bytes always own their ArrayBuffer (Buffer.from puts small
// strings in a shared pool), so it can be transferred.
const utf8 = new TextEncoder();

/** A large document's pieces are sent as byte chunks of about this many characters each. */
const CHUNK_CHARACTERS = 256 * 1024;

/**
 * The result with its text as UTF-8 bytes, their buffers in piscina's transfer list (this worker
 * gives them up). A large document rendered in pieces goes as a list of chunks: its text is never
 * one string here (a 50 MB report's ndjson line is ~95 million characters).
 */
async function moved(result: RenderedFile): Promise<RenderedFile> {
  if (!result.ok) return result;
  const { output } = result;
  let bytes: Uint8Array | Uint8Array[];
  if (typeof output === 'string' || output instanceof Uint8Array) bytes = bytesOf(output);
  else {
    bytes = [];
    for await (const chunk of byteChunks(output)) bytes.push(chunk);
  }
  const value: RenderedFile = { ...result, output: bytes };
  const buffers = Array.isArray(bytes) ? bytes.map((b) => b.buffer) : [bytes.buffer];
  const transferable = { [Piscina.transferableSymbol]: buffers, [Piscina.valueSymbol]: value };
  return Piscina.move(transferable as unknown as ArrayBuffer) as unknown as RenderedFile;
}

function bytesOf(output: string | Uint8Array): Uint8Array {
  return typeof output === 'string' ? utf8.encode(output) : output;
}

/** A rendered output as UTF-8 chunks of about CHUNK_CHARACTERS characters (pieces are joined up to it). */
async function* byteChunks(output: Output): AsyncGenerator<Uint8Array> {
  if (typeof output === 'string' || output instanceof Uint8Array) {
    yield bytesOf(output);
    return;
  }
  let text = '';
  for await (const piece of output) {
    text += piece as string;
    if (text.length >= CHUNK_CHARACTERS) {
      yield utf8.encode(text);
      text = '';
    }
  }
  if (text) yield utf8.encode(text);
}
