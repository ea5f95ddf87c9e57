/** Exit statuses shared by every command. */
export const EXIT_OK = 0;
/** A file failed (unreadable, not text, …) or, for `check`, something differs. */
export const EXIT_FAILURE = 1;
/** The command line was wrong: unknown option, no file matched, missing expected file. */
export const EXIT_USAGE = 2;

/** Thrown by commands for usage errors; main() prints the message and exits 2. */
export class UsageError extends Error {}
