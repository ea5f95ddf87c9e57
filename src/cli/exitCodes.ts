/** Exit statuses shared by every command (the README's table lists them). */
export const EXIT_OK = 0;
/** A file failed (unreadable, not text, …) or, for `check`, something differs. */
export const EXIT_FAILURE = 1;
/** The command line was wrong: unknown option, no file matched, missing expected file. */
export const EXIT_USAGE = 2;
/**
 * The output could not be written (disk full, --out not a directory, a read-only or unwritable
 * place, standard output closed): not the inputs' fault, so not 1. The batch stops at once.
 */
export const EXIT_OUTPUT = 3;
/** A bug in reportx (bin/reportx.js): sysexits' EX_SOFTWARE. */
export const EXIT_INTERNAL = 70;
/** Killed by SIGINT (130) or SIGTERM (143): 128 + the signal's number, as shells report it. */
export const EXIT_SIGNAL_BASE = 128;

/** Thrown by commands for usage errors; main() prints the message and exits 2. */
export class UsageError extends Error {}
