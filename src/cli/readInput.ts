// Reading one input's bytes: a regular file or standard input, never more than the size limit.
// Anything else named on the command line — a FIFO (which would wait forever for a writer), a
// device such as /dev/zero (which never ends), a socket, a directory — gets a reason instead.
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/** --max-size's default: far above any report (the largest seen is under 1 MB), far below what a worker's heap can parse. */
export const DEFAULT_MAX_SIZE = 64 * 1024 * 1024;

export type ReadResult = { ok: true; bytes: Buffer } | { ok: false; reason: string };

/** A file's bytes, or why it is not read. Synchronous: see parseFile.ts. */
export function readRegularFile(path: string, maxSize: number): ReadResult {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO without it waits until something opens the other end.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return { ok: false, reason: describeReadError(err) };
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) return { ok: false, reason: notRegularFile(info) };
    if (info.size > maxSize) return { ok: false, reason: tooLarge(info.size, maxSize) };
    // Read to the end rather than info.size bytes: the file may be growing (a log being written).
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(info.size - total, 0) + 1, maxSize + 1 - total, 1 << 24));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxSize) return { ok: false, reason: tooLarge(total, maxSize, true) };
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
    return { ok: true, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total) };
  } catch (err) {
    return { ok: false, reason: describeReadError(err) };
  } finally {
    closeSync(fd);
  }
}

/** Standard input's bytes, up to the limit (`- < /dev/zero` stops there). */
export async function readStandardInput(maxSize: number): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).length;
    if (total > maxSize) {
      process.stdin.destroy();
      return { ok: false, reason: tooLarge(total, maxSize, true) };
    }
    chunks.push(chunk as Buffer);
  }
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}

function notRegularFile(info: Stats): string {
  if (info.isDirectory()) return 'is a directory';
  const what = info.isFIFO()
    ? 'a FIFO, or named pipe'
    : info.isCharacterDevice()
      ? 'a character device'
      : info.isBlockDevice()
        ? 'a block device'
        : info.isSocket()
          ? 'a socket'
          : 'a special file';
  return `not a regular file but ${what}: reportx reads regular files, and a stream as - on standard input`;
}

/** `atLeast`: the input was not read to its end, so its size is only known to exceed this. */
export function tooLarge(size: number, maxSize: number, atLeast = false): string {
  const what = atLeast ? `more than ${formatSize(maxSize)}` : formatSize(size);
  const raise = atLeast ? 'raise it with --max-size' : `--max-size ${Math.ceil(size / 1024 / 1024)}M would take it`;
  return `file too large: ${what}, over the --max-size limit of ${formatSize(maxSize)} (${raise})`;
}

const UNITS = ['bytes', 'KB', 'MB', 'GB'] as const;

/** 1536 → "1.5 KB" (units of 1024, as --max-size reads them). */
export function formatSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${Number.isInteger(value) ? value : value.toFixed(1)} ${UNITS[unit]}`;
}

/** "64M", "200MB", "1g", "4096" → bytes (units of 1024); null when it is not a size. */
export function parseSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$/i.exec(text);
  if (!m) return null;
  const power = ' kmg'.indexOf(m[2].toLowerCase() || ' ');
  const bytes = Math.floor(Number(m[1]) * 1024 ** power);
  return bytes >= 1 && Number.isSafeInteger(bytes) ? bytes : null;
}

/** A read error (errno code) → the one reason printed as `reportx: PATH: REASON`. */
export function describeReadError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'ENOTDIR':
      return 'no such file (a parent in the path is not a directory)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'ENAMETOOLONG':
      return 'file name too long';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'ERR_FS_FILE_TOO_LARGE':
    case 'EFBIG':
      return 'file too large';
    case 'EIO':
      return 'input/output error';
    case 'ENXIO':
      return 'not a regular file (a socket or a device with nothing behind it)';
    default: {
      // Node's messages read "CODE: description, syscall 'path'": keep the description only.
      const message = (err as Error)?.message ?? String(err);
      return `cannot read: ${/^[A-Z_]+: ([^,]+),/.exec(message)?.[1] ?? message}`;
    }
  }
}
