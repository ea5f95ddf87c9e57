import { mkdir, rename, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { streamOut, wholeOutput, writeOutput, type OutputWriter } from './writer.js';

/** A JSON array of documents (rendered as 'json'); opened before the first and closed after the last. */
export function jsonArrayWriter(stream: NodeJS.WritableStream): OutputWriter {
  const out = streamOut(stream);
  let count = 0;
  return {
    write: async (output) => {
      await out(count++ === 0 ? '[\n' : ',\n');
      await writeOutput(out, output);
    },
    end: () => out(count === 0 ? '[]\n' : '\n]\n'),
  };
}

/** One document per line (rendered as 'ndjson'), written as each file finishes. */
export function ndjsonWriter(stream: NodeJS.WritableStream): OutputWriter {
  const out = streamOut(stream);
  return {
    write: (output) => writeOutput(out, output),
    end: async () => {},
  };
}

/** One NAME.json per input in DIR (rendered as 'json'), each written atomically (a temporary file, then a rename). */
export function outDirWriter(dir: string): OutputWriter {
  const used = new Map<string, number>();
  return {
    async write(rendered, inputPath) {
      await mkdir(dir, { recursive: true });
      const output = wholeOutput(rendered);
      const name = outputName(inputPath === '-' ? null : inputPath, used);
      await writeFileAtomic(
        join(dir, name),
        typeof output === 'string' ? output + '\n' : Buffer.concat([output, NEWLINE]),
      );
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

const NEWLINE = Buffer.from('\n');

export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const tmp = `${path}.reportx-tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await writeFile(tmp, content);
  await rename(tmp, path);
}
