// A large file's output, streamed from the worker that parses it (a worker of its own, see
// batch.ts) to the main thread as it is made, instead of sent whole when the file is done: the
// worker never holds more than a few chunks of it (a 50 MB report's ndjson is ~140 MB). The
// worker sends UTF-8 chunks and waits whenever STREAM_WINDOW of them are not yet taken; the main
// thread takes them as its writer asks (an async iterable), which makes room for the next.
import type { MessagePort } from 'node:worker_threads';
import { DocumentFailure } from './renderFile.js';

/** Chunks sent and not yet taken by the writer: the worker waits for room beyond this many. */
export const STREAM_WINDOW = 4;

type StreamMessage = { chunk: Uint8Array } | { end: true; metrics: number } | { failed: string };

/**
 * Worker side: sends `chunks` through `port`, waiting for room, then the end with the document's
 * metric count, or the reason it failed on the way (a part that failed: renderFile.ts).
 */
export async function sendChunks(
  port: MessagePort,
  chunks: AsyncIterable<Uint8Array>,
  metrics: () => number,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  let sent = 0;
  let taken = 0;
  let room: (() => void) | null = null;
  port.on('message', () => {
    taken++;
    room?.();
  });
  const send = (message: StreamMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  try {
    for await (const chunk of chunks) {
      while (sent - taken >= STREAM_WINDOW) await new Promise<void>((resolve) => (room = resolve));
      send({ chunk }, [chunk.buffer as ArrayBuffer]);
      sent++;
    }
    send({ end: true, metrics: metrics() });
    return { ok: true };
  } catch (err) {
    if (!(err instanceof DocumentFailure)) throw err;
    send({ failed: err.reason });
    return { ok: false, reason: err.reason };
  } finally {
    port.close();
  }
}

/**
 * Main-thread side: the chunks as they come, taken one at a time. `started` settles at the first
 * message (the worker has begun to send); `fail` ends the stream with a failure (the worker died).
 */
export class ChunkStream implements AsyncIterable<Uint8Array> {
  private readonly queue: StreamMessage[] = [];
  private waiting: (() => void) | null = null;
  private death: string | null = null;
  /** The document's metric count, known at its end. */
  metrics = 0;
  readonly started: Promise<void>;
  private begin!: () => void;

  constructor(
    private readonly port: MessagePort,
    private readonly path: string,
  ) {
    this.started = new Promise((resolve) => (this.begin = resolve));
    port.on('message', (message: StreamMessage) => {
      this.queue.push(message);
      this.begin();
      this.wake();
    });
  }

  fail(reason: string): void {
    this.death = reason;
    this.port.close();
    this.wake();
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    for (;;) {
      const message = this.queue.shift();
      if (!message) {
        if (this.death !== null) throw new DocumentFailure(this.path, this.death);
        await new Promise<void>((resolve) => (this.waiting = resolve));
        continue;
      }
      if ('failed' in message) throw new DocumentFailure(this.path, message.failed);
      if ('end' in message) {
        this.metrics = message.metrics;
        this.port.close();
        return;
      }
      // Taken: room for one more in the worker.
      this.port.postMessage(0);
      yield message.chunk;
    }
  }
}
