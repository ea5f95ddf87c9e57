// Parses a list of files and yields results in input order.
import { parseFile, type FileResult, type ParseFileOptions } from './parseFile.js';

export interface BatchOptions extends ParseFileOptions {
  jobs?: number;
}

export async function* parseBatch(files: string[], options: BatchOptions = {}): AsyncGenerator<FileResult> {
  for (const f of files) yield await parseFile(f, { encoding: options.encoding });
}
