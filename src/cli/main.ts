// The reportx command line: a thin layer over the library. Each command lives in its own file.
import { Command, CommanderError } from 'commander';
import type { Command as CommandType } from 'commander';
import { EXIT_FAILURE, EXIT_OUTPUT, EXIT_USAGE, UsageError } from './exitCodes.js';
import { OutputError } from './writers/outputError.js';
import { handleSignals, runCleanups } from './cleanup.js';
import { VERSION } from '../model/version.js';
import { messageLine, stderrText } from './messages.js';
import { watchFromStart } from './spareCores.js';

type CommandFactory = (run: (code: Promise<number>) => void) => CommandType;

/**
 * Each command's module is imported only when it is the one run (or for --help): a cold
 * `reportx parse` does not pay for the table and check code and their dependencies.
 */
const COMMANDS: Record<string, () => Promise<CommandFactory>> = {
  parse: () => import('./parseCommand.js').then((m) => m.parseCommand),
  table: () => import('./tableCommand.js').then((m) => m.tableCommand),
  check: () => import('./checkCommand.js').then((m) => m.checkCommand),
  review: () => import('./reviewCommand.js').then((m) => m.reviewCommand),
  catalog: () => import('./catalogCommand.js').then((m) => m.catalogCommand),
};

export async function main(argv: string[]): Promise<number> {
  // A batch's default --jobs depends on the cores left idle while this thread works: measured from
  // here, it is known before the first file is parsed (spareCores.ts).
  watchFromStart();
  // Write failures are reported by the writers (writers/writer.ts) as OutputErrors; an 'error'
  // event nobody listens to would be thrown out of the event loop as a stack trace instead.
  process.stdout.on('error', () => {});
  handleSignals();
  let pending: Promise<number> | undefined;
  const run = (p: Promise<number>) => {
    pending = p;
  };
  const program = new Command('reportx')
    .description('Extract sections and metrics from Chinese government work reports')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(stderrText(s)) })
    .showHelpAfterError('(run reportx --help for usage)');
  const invoked = argv[2] && argv[2] in COMMANDS ? [argv[2]] : Object.keys(COMMANDS);
  for (const name of invoked) program.addCommand((await COMMANDS[name]())(run).exitOverride());
  try {
    await program.parseAsync(argv);
    return pending ? await pending : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')
        return 0;
      return EXIT_USAGE;
    }
    if (err instanceof UsageError) {
      process.stderr.write(messageLine(err.message));
      return EXIT_USAGE;
    }
    if (err instanceof OutputError) {
      runCleanups();
      // A reader that closed the pipe (`| head`) chose to stop reading: nothing to tell it.
      if (!err.closedPipe) process.stderr.write(messageLine(`${err.message}; stopped`));
      return EXIT_OUTPUT;
    }
    process.stderr.write(messageLine(String((err as Error)?.stack ?? err)));
    return EXIT_FAILURE;
  }
}
