// --out DIR: where each input's NAME.json goes. The inputs' paths are mirrored below DIR from
// their deepest common directory, so `a/x.txt b/x.txt` give `a/x.json` and `b/x.json`, and
// `reports/*.txt` gives DIR/NAME.json: the same inputs always give the same names, whatever
// their order. Two inputs that would still share a name (`x.txt` and `x.md`) are a usage error,
// found before anything is parsed.
import { dirname, extname, relative, resolve, sep } from 'node:path';

/** Standard input's document is DIR/stdin.json. */
export const STDIN_NAME = 'stdin.json';

export type OutputNames = { ok: true; names: Map<string, string> } | { ok: false; reason: string };

/** Each input (as given, '-' for standard input) → its path relative to DIR. */
export function outputNames(inputs: readonly string[]): OutputNames {
  const files = inputs.filter((f) => f !== '-');
  const root = commonDirectory(files.map((f) => dirname(resolve(f))));
  const names = new Map<string, string>();
  const owner = new Map<string, string>();
  for (const input of inputs) {
    const name = input === '-' ? STDIN_NAME : withJsonExtension(relative(root, resolve(input)));
    const other = owner.get(name);
    if (other !== undefined)
      return {
        ok: false,
        reason: `--out: ${other} and ${input} would both be written to ${name}; rename one, or parse them in two runs`,
      };
    owner.set(name, input);
    names.set(input, name);
  }
  return { ok: true, names };
}

function withJsonExtension(path: string): string {
  const ext = extname(path);
  return (ext ? path.slice(0, -ext.length) : path) + '.json';
}

/** The deepest directory containing all of `dirs` (absolute paths). */
function commonDirectory(dirs: string[]): string {
  if (dirs.length === 0) return resolve('.');
  let common = dirs[0].split(sep);
  for (const dir of dirs.slice(1)) {
    const parts = dir.split(sep);
    let n = 0;
    while (n < common.length && n < parts.length && common[n] === parts[n]) n++;
    common = common.slice(0, n);
  }
  return common.join(sep) || sep;
}
