// FILES/GLOBS on the command line → the list of files to parse, in the order given. A pattern
// that matches nothing, or a directory, is a problem to report, not a reason to stop the batch.
// Plain paths are passed through as given: reading them reports what is wrong with them (no such
// file, permission denied, symbolic link loop), one reason per file.
import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import fg from 'fast-glob';

export interface ExpandedInputs {
  files: string[];
  problems: { pattern: string; reason: string }[];
}

export async function expandInputs(patterns: string[]): Promise<ExpandedInputs> {
  const files: string[] = [];
  const problems: ExpandedInputs['problems'] = [];
  const seen = new Set<string>();
  const add = (file: string, key: string) => {
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };

  for (const pattern of patterns) {
    if (pattern === '-') {
      add(pattern, pattern);
      continue;
    }
    const info = await stat(pattern).catch(() => null);
    if (info?.isDirectory()) {
      problems.push({ pattern, reason: directoryReason(pattern) });
      continue;
    }
    // A path that exists is taken literally even when it looks like a glob (report[1].txt).
    if (info || !fg.isDynamicPattern(pattern)) {
      add(pattern, await identity(pattern));
      continue;
    }

    const matched = await globFiles(pattern);
    if (matched.length === 0) problems.push({ pattern, reason: 'no file matched' });
    const keys = await Promise.all(matched.map(identity));
    matched.forEach((f, i) => add(f, keys[i]));
  }
  return { files, problems };
}

export function directoryReason(dir: string): string {
  const base = dir.replace(/[\\/]+$/, '') || dir;
  return `is a directory (to parse the reports in it, pass a glob such as '${base}/*.txt' or '${base}/**/*.txt')`;
}

/**
 * The files a glob matches, sorted. Symbolic links to directories are not descended into (as in
 * bash's globstar): following them, a link back to a parent makes `**` walk the same tree again
 * at every level, and two such links make the walk exponential. A matched symbolic link is kept
 * when it leads to a file, or nowhere (a loop or a dangling link), so that reading it reports why.
 * Directories, FIFOs, sockets and devices a pattern happens to match are left out.
 */
async function globFiles(pattern: string): Promise<string[]> {
  const entries = await fg(pattern, {
    onlyFiles: false,
    followSymbolicLinks: false,
    objectMode: true,
    dot: false,
    suppressErrors: true,
  });
  const files = await Promise.all(
    entries.map(async ({ path, dirent }) => {
      if (dirent.isFile()) return path;
      if (!dirent.isSymbolicLink()) return null;
      const target = await stat(path).catch(() => null);
      return target === null || target.isFile() ? path : null;
    }),
  );
  return files.filter((f): f is string => f !== null).sort();
}

/** Two names for the same file (./a.txt and a.txt, or a link and its target) are parsed once. */
async function identity(file: string): Promise<string> {
  return realpath(file).catch(() => resolve(file));
}
