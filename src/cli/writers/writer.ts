// Every output format is an OutputWriter: it is handed each document's rendered text (see
// src/output/renderDocument.ts) in input order as each file finishes, adds the framing between
// documents and writes it out, so memory does not grow with the number of files.

/** A document rendered: its text, its UTF-8 bytes, or its text in pieces made as they are taken (Render.pieces). */
export type Output = string | Uint8Array | Iterable<string>;

export interface OutputWriter {
  /** `output` is the document rendered for this writer's format; `inputPath` the file it came from ('-' for stdin). */
  write(output: Output, inputPath: string): Promise<void>;
  end(): Promise<void>;
}

/** Writes to a stream, waiting for 'drain' so a slow consumer (a pipe) applies back-pressure. */
export function streamOut(stream: NodeJS.WritableStream): (chunk: string | Uint8Array) => Promise<void> {
  return (chunk) =>
    new Promise((resolve, reject) => {
      const ok = stream.write(chunk, (err) => (err ? reject(err) : undefined));
      if (ok) resolve();
      else stream.once('drain', () => resolve());
    });
}

/** Writes one document's output: text or bytes at once, pieces one after another, each dropped once written. */
export async function writeOutput(out: (chunk: string | Uint8Array) => Promise<void>, output: Output): Promise<void> {
  if (typeof output === 'string' || output instanceof Uint8Array) return output.length > 0 ? out(output) : undefined;
  for (const piece of output) if (piece.length > 0) await out(piece);
}

/** The whole output as text or bytes (pieces joined), for a writer that needs it in one piece. */
export function wholeOutput(output: Output): string | Uint8Array {
  return typeof output === 'string' || output instanceof Uint8Array ? output : [...output].join('');
}
