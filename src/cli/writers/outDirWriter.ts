// --out DIR: one NAME.json per input (rendered as 'json'), each written atomically, at the path
// outputNames.ts gives it.
import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { writeFileAtomic } from './atomicFile.js';
import { outputError } from './outputError.js';
import { madeAsWritten, wholeOutput, type OutputWriter } from './writer.js';

/**
 * Creates DIR first, so that an --out naming a file or an unwritable place fails (OutputError)
 * before any input is parsed. `names` maps each input to its path under DIR.
 */
export async function outDirWriter(dir: string, names: ReadonlyMap<string, string>): Promise<OutputWriter> {
  try {
    await mkdir(dir, { recursive: true }).catch(async (err) => {
      // A recursive mkdir says ENOENT where it met a read-only or unwritable parent: ask the parent why.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') await access(await nearestExisting(dir), constants.W_OK);
      throw err;
    });
    // mkdir succeeds on an existing directory even where nothing can be written (a read-only mount).
    await access(dir, constants.W_OK);
  } catch (err) {
    throw outputError(dir, err);
  }
  const made = new Set<string>([dir]);
  return {
    async write(rendered, inputPath) {
      // A large document's pieces go to the file as they come (atomicFile.ts); the rest at once.
      const output = madeAsWritten(rendered) ? null : await wholeOutput(rendered);
      const path = join(dir, names.get(inputPath)!);
      const parent = dirname(path);
      if (!made.has(parent)) {
        await mkdir(parent, { recursive: true }).catch((err) => {
          throw outputError(parent, err);
        });
        made.add(parent);
      }
      await writeFileAtomic(
        path,
        output === null
          ? withNewline(rendered as AsyncIterable<string | Uint8Array>)
          : typeof output === 'string'
            ? output + '\n'
            : Buffer.concat([output, NEWLINE]),
      );
    },
    end: async () => {},
  };
}

const NEWLINE = Buffer.from('\n');

async function* withNewline(pieces: AsyncIterable<string | Uint8Array>): AsyncGenerator<string | Uint8Array> {
  yield* pieces;
  yield NEWLINE;
}

async function nearestExisting(path: string): Promise<string> {
  let at = resolve(path);
  while (
    !(await stat(at).then(
      () => true,
      () => false,
    ))
  )
    at = dirname(at);
  return at;
}
