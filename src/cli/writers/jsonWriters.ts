import { streamOut, writeOutput, type OutputWriter } from './writer.js';

/** A JSON array of documents (rendered as 'json'); opened before the first and closed after the last. */
export function jsonArrayWriter(stream: NodeJS.WritableStream): OutputWriter {
  const out = streamOut(stream);
  let count = 0;
  return {
    write: async (output) => {
      await out(count++ === 0 ? '[\n' : ',\n');
      await writeOutput(out, output);
    },
    end: async () => {
      await out(count === 0 ? '[]\n' : '\n]\n');
      await out.flush();
    },
  };
}

/** One document per line (rendered as 'ndjson'), written as each file finishes. */
export function ndjsonWriter(stream: NodeJS.WritableStream): OutputWriter {
  const out = streamOut(stream);
  return {
    write: (output) => writeOutput(out, output),
    end: () => out.flush(),
  };
}
