// FILES/GLOBS on the command line → the list of files to parse, in the order given. A pattern
// that matches nothing is a problem to report, not a reason to stop the batch.
import fg from 'fast-glob';

export interface ExpandedInputs {
  files: string[];
  problems: { pattern: string; reason: string }[];
}

export async function expandInputs(patterns: string[]): Promise<ExpandedInputs> {
  const files: string[] = [];
  const problems: ExpandedInputs['problems'] = [];
  const seen = new Set<string>();
  for (const pattern of patterns) {
    if (pattern === '-' || !fg.isDynamicPattern(pattern)) {
      // A plain path is passed through; reading it reports what is wrong with it.
      if (!seen.has(pattern)) { seen.add(pattern); files.push(pattern); }
      continue;
    }
    const matched = (await fg(pattern, { onlyFiles: true, dot: false, followSymbolicLinks: true, suppressErrors: true })).sort();
    if (matched.length === 0) problems.push({ pattern, reason: 'no file matched' });
    for (const f of matched) if (!seen.has(f)) { seen.add(f); files.push(f); }
  }
  return { files, problems };
}
