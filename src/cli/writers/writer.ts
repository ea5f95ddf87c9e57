// Every output format is an OutputWriter: it is handed each document's rendered text (see
// src/output/renderDocument.ts) in input order as each file finishes, adds the framing between
// documents and writes it out, so memory does not grow with the number of files.

export interface OutputWriter {
  /** `output` is the document rendered for this writer's format (text, or its UTF-8 bytes); `inputPath` the file it came from ('-' for stdin). */
  write(output: string | Uint8Array, inputPath: string): Promise<void>;
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
