// The worker-thread entry of the parse pool (see workerPool.ts): one task is one file, read,
// parsed and (for the CLI's output) rendered in the worker, so only a path goes in and only a
// plain result — UTF-8 bytes, moved rather than copied, when rendered — comes back.
import { Piscina } from 'piscina';
import { parseFile, renderResult, type FileResult, type RenderedFile } from './parseFile.js';
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
  const result = await parseFile(task.path, {
    encoding: task.encoding,
    maxSize: task.maxSize,
    keepText: task.keepText,
    catalogFiles: task.catalogFiles,
  });
  if (!task.render) return result;
  const key = JSON.stringify(task.render);
  if (!renderers.has(key)) renderers.set(key, loadRenderer(task.render));
  return moved(renderResult(result, await renderers.get(key)!));
}

// TextEncoder, not Buffer.from: its bytes always own their ArrayBuffer (Buffer.from puts small
// strings in a shared pool), so it can be transferred.
const utf8 = new TextEncoder();

/** The result with its text as UTF-8 bytes, their buffer in piscina's transfer list (this worker gives it up). */
function moved(result: RenderedFile): RenderedFile {
  if (!result.ok) return result;
  const bytes = typeof result.output === 'string' ? utf8.encode(result.output) : result.output;
  const value: RenderedFile = { ...result, output: bytes };
  const transferable = { [Piscina.transferableSymbol]: [bytes.buffer], [Piscina.valueSymbol]: value };
  return Piscina.move(transferable as unknown as ArrayBuffer) as unknown as RenderedFile;
}
