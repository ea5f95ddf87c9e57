import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { ReportDocument } from '../../document/schema.js';
import { streamOut, type DocumentWriter } from './writer.js';

/** A JSON array of documents; the array is opened before the first and closed after the last. */
export function jsonArrayWriter(stream: NodeJS.WritableStream): DocumentWriter {
  const out = streamOut(stream);
  let count = 0;
  return {
    async write(doc) {
      await out((count++ === 0 ? '[\n' : ',\n') + JSON.stringify(doc, null, 2));
    },
    async end() {
      await out(count === 0 ? '[]\n' : '\n]\n');
    },
  };
}

/** One document per line, written as each file finishes. */
export function ndjsonWriter(stream: NodeJS.WritableStream): DocumentWriter {
  const out = streamOut(stream);
  return {
    write: (doc) => out(JSON.stringify(doc) + '\n'),
    end: async () => {},
  };
}

/** One NAME.json per input in DIR, each written atomically (a temporary file, then a rename). */
export function outDirWriter(dir: string): DocumentWriter {
  const used = new Map<string, number>();
  return {
    async write(doc: ReportDocument) {
      await mkdir(dir, { recursive: true });
      const name = outputName(doc.source.path, used);
      await writeFileAtomic(join(dir, name), JSON.stringify(doc, null, 2) + '\n');
    },
    end: async () => {},
  };
}

function outputName(path: string | null, used: Map<string, number>): string {
  const stem = path ? basename(path, extname(path)) : 'stdin';
  const n = used.get(stem) ?? 0;
  used.set(stem, n + 1);
  return n === 0 ? `${stem}.json` : `${stem}-${n + 1}.json`;
}

export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const tmp = `${path}.reportx-tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await writeFile(tmp, content);
  await rename(tmp, path);
}
