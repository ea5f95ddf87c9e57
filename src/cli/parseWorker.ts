// The worker-thread entry of the parse pool (see workerPool.ts): one task is one file, read,
// parsed and (for the CLI's output) rendered in the worker, so only a path goes in and only a
// plain result — UTF-8 bytes, moved rather than copied, when rendered — comes back.
import { Piscina } from 'piscina';
import { parseFile, renderResult, type FileResult, type RenderedFile } from './parseFile.js';
import { loadRenderer, type Render, type RenderSpec } from '../output/renderDocument.js';

export interface ParseTask {
  path: string;
  encoding?: string;
  /** Render the document in this format instead of returning it. */
  render?: RenderSpec;
}

/** One renderer per spec (a batch has one). */
const renderers = new Map<string, Promise<Render>>();

export default async function parseTask(task: ParseTask): Promise<FileResult | RenderedFile> {
  const result = await parseFile(task.path, { encoding: task.encoding });
  if (!task.render) return result;
  const key = JSON.stringify(task.render);
  if (!renderers.has(key)) renderers.set(key, loadRenderer(task.render));
  return moved(renderResult(result, await renderers.get(key)!));
}

/** The result, with its bytes' buffer in piscina's transfer list (the worker gives it up). */
function moved(result: RenderedFile): RenderedFile {
  if (!result.ok) return result;
  const transferable = { [Piscina.transferableSymbol]: [result.bytes.buffer], [Piscina.valueSymbol]: result };
  return Piscina.move(transferable as unknown as ArrayBuffer) as unknown as RenderedFile;
}
