// Every output format is a DocumentWriter: it is handed documents in input order as each file
// finishes and writes them out, so memory does not grow with the number of files.
import type { ReportDocument } from '../../document/schema.js';

export interface DocumentWriter {
  write(document: ReportDocument): Promise<void>;
  end(): Promise<void>;
}

/** Writes to a stream, waiting for 'drain' so a slow consumer (a pipe) applies back-pressure. */
export function streamOut(stream: NodeJS.WritableStream): (chunk: string) => Promise<void> {
  return (chunk) =>
    new Promise((resolve, reject) => {
      const ok = stream.write(chunk, (err) => (err ? reject(err) : undefined));
      if (ok) resolve();
      else stream.once('drain', () => resolve());
    });
}
