// A long input is parsed a part at a time while its output is written (renderFile.ts), and a
// large file's worker streams its output back as it is made (workerStream.ts): memory holds a part
// and a few chunks, not the document. The output must be byte for byte what the whole document
// renders to; a record that fails on the way must leave no half record behind — cut back from a
// regular file, never sent to a pipe (spool.ts) — and the records after it must be whole.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFile } from '../src/cli/parseFile.js';
import { DocumentFailure, renderFile } from '../src/cli/renderFile.js';
import { TEMP_MARK, writeFileAtomic } from '../src/cli/writers/atomicFile.js';
import { jsonArrayWriter, ndjsonWriter } from '../src/cli/writers/jsonWriters.js';
import type { Output } from '../src/cli/writers/writer.js';
import { RENDER_FORMATS, headerRecord, loadRenderer } from '../src/output/renderDocument.js';
import { PART_CHARACTERS } from '../src/parseReport.js';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'reportx.js');
const SMALL = join(ROOT, 'fixtures', '000_d8fa31b0e3316016.txt');
const fixtureText = readFileSync(SMALL, 'utf8');

let dir: string;
/** Over one part: parsed in parts in the thread that writes it. */
let long: string;
/** Over ISOLATE_BYTES (8 MB): parsed in a worker of its own, which streams its output back. */
let large: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reportx-streamed-'));
  long = join(dir, 'long.txt');
  writeFileSync(long, fixtureText.repeat(Math.ceil((PART_CHARACTERS * 3) / fixtureText.length)));
  large = join(dir, 'large.txt');
  writeFileSync(large, fixtureText.repeat(Math.ceil((9 * 1024 * 1024) / Buffer.byteLength(fixtureText))));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function joined(output: Output): Promise<string> {
  if (typeof output === 'string') return output;
  if (output instanceof Uint8Array) return Buffer.from(output).toString('utf8');
  const bytes: Buffer[] = [];
  for await (const piece of output) bytes.push(Buffer.from(piece));
  return Buffer.concat(bytes).toString('utf8');
}

describe('a long input parsed as it is written', () => {
  it.each(RENDER_FORMATS)('%s: the output is the whole document rendered', async (format) => {
    const render = await loadRenderer({ format });
    const parsed = await parseFile(long);
    if (!parsed.ok) throw new Error(parsed.reason);
    const result = await renderFile(long, {}, render, true);
    if (!result.ok) throw new Error(result.reason);
    // Made as it is written: an async iterable, the writers' sign of a record that may fail on the way.
    expect(Symbol.asyncIterator in (result.output as object)).toBe(true);
    expect(await joined(result.output)).toBe(render(parsed.document));
    expect(result.metrics).toBe(parsed.document.metrics.length);
  });

  it('is parsed whole when it is not written in pieces', async () => {
    const render = await loadRenderer({ format: 'ndjson' });
    const result = await renderFile(long, {}, render, false);
    expect(result.ok && typeof result.output).toBe('string');
  });
});

/** A record that fails after its first pieces, as a part that fails does. */
async function* failing(): AsyncGenerator<string> {
  yield '{"half":';
  yield '"record"';
  throw new DocumentFailure('bad.txt', 'internal error: a part failed (please report this bug)');
}

async function writeThree(writer: ReturnType<typeof ndjsonWriter>) {
  await writer.write('{"n":1}\n', 'a.txt');
  await expect(writer.write(failing(), 'bad.txt')).rejects.toBeInstanceOf(DocumentFailure);
  await writer.write(
    (async function* () {
      yield '{"n":';
      yield '3}\n';
    })(),
    'c.txt',
  );
  await writer.end();
}

describe('a record that fails while it is written', () => {
  it('is cut back from a regular file, and the next records are whole', async () => {
    const path = join(dir, 'out.ndjson');
    const fd = openSync(path, 'w');
    try {
      await writeThree(ndjsonWriter({ fd } as unknown as NodeJS.WritableStream));
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(path, 'utf8')).toBe('{"n":1}\n{"n":3}\n');
  });

  it('never reaches a pipe, and the next records are whole', async () => {
    const pipe = new PassThrough();
    const chunks: Buffer[] = [];
    pipe.on('data', (c: Buffer) => chunks.push(c));
    await writeThree(ndjsonWriter(pipe));
    expect(Buffer.concat(chunks).toString('utf8')).toBe('{"n":1}\n{"n":3}\n');
  });

  it('takes its separator with it from a JSON array', async () => {
    const pipe = new PassThrough();
    const chunks: Buffer[] = [];
    pipe.on('data', (c: Buffer) => chunks.push(c));
    const writer = jsonArrayWriter(pipe);
    await writer.write('{"n": 1}', 'a.txt');
    await expect(writer.write(failing(), 'bad.txt')).rejects.toBeInstanceOf(DocumentFailure);
    await writer.write('{"n": 3}', 'c.txt');
    await writer.end();
    expect(JSON.parse(Buffer.concat(chunks).toString('utf8'))).toEqual([{ n: 1 }, { n: 3 }]);
  });
});

describe('a file written whole or not at all (--out, check --update)', () => {
  it('takes a document in pieces as they come, and leaves nothing when a piece fails', async () => {
    const out = join(dir, 'atomic');
    mkdirSync(out, { recursive: true });
    const path = join(out, 'doc.json');
    await writeFileAtomic(
      path,
      (async function* () {
        yield '{"n":';
        yield Buffer.from('1}\n');
      })(),
    );
    expect(readFileSync(path, 'utf8')).toBe('{"n":1}\n');
    const failed = join(out, 'bad.json');
    await expect(writeFileAtomic(failed, failing())).rejects.toBeInstanceOf(DocumentFailure);
    expect(existsSync(failed)).toBe(false);
    expect(readdirSync(out).filter((f) => f.includes(TEMP_MARK))).toEqual([]);
  });
});

describe('the CLI on a large file (a worker of its own, streaming back)', () => {
  const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

  it.each(['ndjson', 'json', 'csv'])(
    '%s: a pipe and a file get what the library renders',
    async (format) => {
      const render = await loadRenderer({ format: format as 'ndjson' | 'json' | 'csv' });
      const parsed = await parseFile(large);
      if (!parsed.ok) throw new Error(parsed.reason);
      const expected = render(parsed.document);
      const piped = spawnSync(process.execPath, [CLI, 'parse', '-q', '--format', format, large], {
        maxBuffer: 1 << 30,
      });
      expect(piped.status, String(piped.stderr)).toBe(0);
      // The JSON format is an array, here of one document; CSV starts with a byte-order mark (for
      // Excel) and a header record.
      const framed = { json: `[\n${expected}\n]\n`, csv: `\ufeff${await headerRecord({ format: 'csv' })}${expected}` };
      expect(sha(piped.stdout)).toBe(sha(framed[format as 'json' | 'csv'] ?? expected));
      const path = join(dir, `out.${format}`);
      const fd = openSync(path, 'w');
      const filed = spawnSync(process.execPath, [CLI, 'parse', '-q', '--format', format, large], {
        stdio: ['ignore', fd, 'pipe'],
      });
      closeSync(fd);
      expect(filed.status, String(filed.stderr)).toBe(0);
      expect(sha(readFileSync(path))).toBe(sha(piped.stdout));
    },
    120_000,
  );

  it('--out writes it as the library renders it', async () => {
    const parsed = await parseFile(large);
    if (!parsed.ok) throw new Error(parsed.reason);
    const out = join(dir, 'out');
    const r = spawnSync(process.execPath, [CLI, 'parse', '-q', '--out', out, large], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const render = await loadRenderer({ format: 'json' });
    expect(sha(readFileSync(join(out, 'large.json')))).toBe(sha(`${render(parsed.document)}\n`));
  }, 120_000);

  it('a signal while its output is kept whole removes the temporary file', async () => {
    const temp = mkdtempSync(join(dir, 'tmp-'));
    const child = spawn(process.execPath, [CLI, 'parse', '-q', '--format', 'ndjson', large], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, TMPDIR: temp },
    });
    const ended = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    let running = true;
    void ended.then(() => {
      running = false;
    });
    const spooled = () => readdirSync(temp).some((f) => f.startsWith('reportx-record-'));
    while (running && !spooled()) await sleep(5);
    expect(running, 'the run ended before its output was kept in a temporary file').toBe(true);
    child.kill('SIGTERM');
    expect(await ended).toBe(143);
    expect(readdirSync(temp).filter((f) => f.startsWith('reportx-record-'))).toEqual([]);
  }, 120_000);
});
