// Running the built CLI as a person does, in a terminal: a pseudo-terminal made by util-linux
// `script` holds stdin, stdout and stderr, with colours and the progress bar on.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'reportx.js');
const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Fails with what to install when `script` cannot give a pseudo-terminal: these tests never skip. */
export function requireTerminal(): void {
  const probe = spawnSync('script', ['-qec', 'test -t 1 && test -t 2', '/dev/null']);
  if (probe.error || probe.status !== 0)
    throw new Error('util-linux `script` cannot give a pseudo-terminal here (apt-get install bsdutils / util-linux)');
}

/** `node bin/reportx.js ARGS` in a pseudo-terminal, in `cwd`; `redirect` is shell text after it (`> out`). */
export function inTerminal(args: string[], cwd: string, redirect = ''): { status: number | null; screen: string } {
  const command = [process.execPath, CLI, ...args].map(shellQuote).join(' ') + (redirect ? ` ${redirect}` : '');
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', COLUMNS: '160', LINES: '40' };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  delete env.CI;
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, env, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, screen: r.stdout };
}
