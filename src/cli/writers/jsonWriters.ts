import { madeAsWritten, type Output, streamOut, writeOutput, type OutputWriter } from './writer.js';

/** A JSON array of documents (rendered as 'json'); opened before the first and closed after the last. */
export function jsonArrayWriter(stream: NodeJS.WritableStream): OutputWriter {
  const out = streamOut(stream);
  let count = 0;
  return {
    // The separator is written with the document, as one record: a document that fails while it
    // is written (renderFile.ts) is cut back with its separator.
    write: async (output) => {
      await writeOutput(out, withLead(count === 0 ? '[\n' : ',\n', output));
      count++;
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

/** `lead` then the output, as one output. */
function withLead(lead: string, output: Output): Output {
  if (typeof output === 'string') return lead + output;
  if (output instanceof Uint8Array) return [lead, output];
  if (madeAsWritten(output))
    return (async function* () {
      yield lead;
      yield* output;
    })();
  return (function* () {
    yield lead;
    yield* output;
  })();
}
