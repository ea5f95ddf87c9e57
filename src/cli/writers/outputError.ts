// A failure to write the output, told apart from a bad input: main() prints its one-line message
// and exits with EXIT_OUTPUT (3) instead of a stack trace and the "an input failed" status.

export class OutputError extends Error {
  /** `target` names what could not be written: a path, or "standard output". */
  constructor(
    readonly target: string,
    readonly cause: unknown,
  ) {
    super(`cannot write ${target}: ${describeWriteError(cause)}`);
  }

  /** The reader closed the pipe (`reportx parse … | head -1`): its choice, so nothing is printed. */
  get closedPipe(): boolean {
    return errnoCode(this.cause) === 'EPIPE';
  }
}

/** Wraps any error from writing `target` (an OutputError stays as it is). */
export function outputError(target: string, err: unknown): OutputError {
  return err instanceof OutputError ? err : new OutputError(target, err);
}

function errnoCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

/** An errno code → a plain reason. */
export function describeWriteError(err: unknown): string {
  switch (errnoCode(err)) {
    case 'ENOSPC':
      return 'no space left on device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EFBIG':
      return 'file too large for the file system';
    case 'EROFS':
      return 'read-only file system';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EEXIST':
    case 'ENOTDIR':
      return 'not a directory (a file is in the way)';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOENT':
      return 'no such directory';
    case 'EPIPE':
    case 'ERR_STREAM_DESTROYED':
      return 'the reader closed the pipe';
    case 'EIO':
      return 'input/output error';
    default: {
      const message = (err as Error)?.message ?? String(err);
      return /^[A-Z_]+: ([^,]+),/.exec(message)?.[1] ?? message;
    }
  }
}
