// The worker-thread entry of the parse pool (see workerPool.ts): one task is one file, read and
// parsed in the worker, so only a path goes in and only the plain FileResult comes back.
import { parseFile, type FileResult } from './parseFile.js';

export interface ParseTask {
  path: string;
  encoding?: string;
}

export default function parseTask(task: ParseTask): Promise<FileResult> {
  return parseFile(task.path, { encoding: task.encoding });
}
