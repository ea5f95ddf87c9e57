// `reportx check`: parse fixture reports and compare the output with the documents expected of
// them (NAME.txt ↔ NAME.expected.json), or with --gold, score the output against gold files.
import { Command } from 'commander';
import chalk from 'chalk';
import fg from 'fast-glob';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { z } from 'zod';
import { expandInputs } from './inputs.js';
import { parseBatch } from './batch.js';
import { CATALOG_FLAGS, CATALOG_HELP, catalogFilesOption, collectCatalog } from './catalogOption.js';
import type { FileResult } from './parseFile.js';
import { EXIT_FAILURE, EXIT_OK, UsageError } from './exitCodes.js';
import { problemLine } from './messages.js';
import { writeFileAtomic } from './writers/atomicFile.js';
import { streamOut } from './writers/writer.js';
import { decodeBytes, isSupportedEncoding } from '../decode/decodeBytes.js';
import type { ReportDocument } from '../model/schema.js';
import { compareDocuments } from '../check/compareDocuments.js';
import { loadGoldDir, scoreGold, type GoldDocument } from '../check/scoreGold.js';
import {
  checkReportJson,
  formatFileResult,
  formatSummary,
  goldReportLines,
  styler,
  type CheckFileResult,
} from '../check/formatReport.js';

export interface CheckCommandOptions {
  expected?: string;
  update?: boolean;
  json?: boolean;
  gold?: string[];
  minF1?: string;
  verbose?: boolean;
  encoding?: string;
  catalog?: string[];
}

export const EXPECTED_SUFFIX = '.expected.json';

export function checkCommand(run: (code: Promise<number>) => void): Command {
  return new Command('check')
    .description('parse fixture reports and compare the output with NAME.expected.json, or score it against gold files')
    .argument('[paths...]', 'directories of NAME.txt fixtures, fixture files or globs (default: .)')
    .option(
      '--expected <dir>',
      'read (and with --update write) NAME.expected.json in DIR instead of beside each NAME.txt',
    )
    .option('-u, --update', 'write the expected files from the current output and say which changed')
    .option('--json', 'print a machine-readable report instead of lines')
    .option(
      '--gold <dir>',
      'score the output against the NAME.gold.json files in DIR (format: docs/check.md); repeat it to score several folders as one set',
      (dir: string, dirs: string[] = []) => [...dirs, dir],
    )
    .option('--min-f1 <x>', 'with --gold: fail when the strict metric F1 is below X (0 to 1)')
    .option('-v, --verbose', 'with --gold: list missed, spurious and wrong metrics and missed headings')
    .option('--encoding <name>', 'decode every report with this encoding instead of detecting it')
    .option(CATALOG_FLAGS, CATALOG_HELP, collectCatalog)
    .action((paths: string[], opts: CheckCommandOptions) => run(runCheck(paths, opts)));
}

export async function runCheck(paths: string[], opts: CheckCommandOptions): Promise<number> {
  if (opts.encoding !== undefined && !isSupportedEncoding(opts.encoding))
    throw new UsageError(`unknown encoding: ${opts.encoding}`);
  opts = { ...opts, catalog: catalogFilesOption(opts.catalog).files };
  if (opts.gold !== undefined) {
    if (paths.length > 0)
      throw new UsageError('--gold DIR scores the reports its gold files name: give no FILES with it');
    if (opts.update || opts.expected) throw new UsageError('--update and --expected do not go with --gold');
    return runGold(opts.gold, opts);
  }
  if (opts.minF1 !== undefined) throw new UsageError('--min-f1 goes with --gold DIR');
  if (opts.verbose) throw new UsageError('--verbose goes with --gold DIR');
  if (paths.length === 0) paths = ['.'];

  const fixtures = await findFixtures(paths, opts.expected);
  if (fixtures.length === 0)
    throw new UsageError(`no fixtures found in ${paths.join(' ')} (looked for NAME.txt files)`);
  if (!opts.update) {
    const missing: Fixture[] = [];
    for (const f of fixtures) if (!(await exists(f.expected))) missing.push(f);
    for (const f of missing) process.stderr.write(problemLine(f.file, `no expected file ${f.expected}`));
    if (missing.length) {
      const [what, them] =
        missing.length === 1 ? ['an expected file is', 'it'] : [`${missing.length} expected files are`, 'them'];
      throw new UsageError(`${what} missing; run \`reportx check --update\` to create ${them} from the current output`);
    }
  }
  if (opts.update && opts.expected) await mkdir(opts.expected, { recursive: true });

  const c = styler(useColor());
  const out = streamOut(process.stdout);
  const results: CheckFileResult[] = [];
  let index = 0;
  for await (const parsed of parseBatch(
    fixtures.map((f) => f.file),
    { encoding: opts.encoding, catalogFiles: opts.catalog },
  )) {
    const fixture = fixtures[index++];
    const result = await checkOne(fixture, parsed, !!opts.update);
    results.push(result);
    // --update names the files it rewrote; the changes were for `check` to show before.
    if (!opts.json) await out(formatFileResult(result, c, !opts.update).join('\n') + '\n');
  }
  if (opts.json) await out(JSON.stringify(checkReportJson(results, !!opts.update), null, 2) + '\n');
  else await out(formatSummary(results, !!opts.update, c) + '\n');
  await out.flush();
  return results.some((r) => r.status === 'error' || r.status === 'changed') ? EXIT_FAILURE : EXIT_OK;
}

interface Fixture {
  file: string;
  expected: string;
}

async function checkOne(fixture: Fixture, parsed: FileResult, update: boolean): Promise<CheckFileResult> {
  const base = { file: fixture.file, expected: fixture.expected, changes: [] };
  if (!parsed.ok) return { ...base, status: 'error', error: parsed.reason };
  const expected = await readExpected(fixture.expected);
  if (!expected.ok) {
    if (!update) return { ...base, status: 'error', error: `${fixture.expected}: ${expected.reason}` };
    await writeFileAtomic(fixture.expected, expectedContent(parsed.document));
    return { ...base, status: expected.missing ? 'created' : 'updated' };
  }
  const changes = compareDocuments(expected.document, parsed.document);
  if (changes.length === 0) return { ...base, status: 'ok' };
  if (!update) return { ...base, status: 'changed', changes };
  await writeFileAtomic(fixture.expected, expectedContent(parsed.document));
  return { ...base, status: 'updated', changes };
}

/** What --update writes: the document as parsed, with source.path cut to its basename. */
export function expectedContent(doc: ReportDocument): string {
  const path = doc.source.path === null ? null : basename(doc.source.path);
  return JSON.stringify({ ...doc, source: { ...doc.source, path } }, null, 2) + '\n';
}

// Loose on purpose: an expected file written by an older reportx is still compared field by
// field, so a schema change shows as a diff rather than as an unreadable file.
const expectedShape = z.looseObject({
  source: z.looseObject({}),
  meta: z.looseObject({}),
  sections: z.array(z.looseObject({})),
  metrics: z.array(z.looseObject({})),
  warnings: z.array(z.looseObject({})).optional(),
});

async function readExpected(
  path: string,
): Promise<{ ok: true; document: ReportDocument } | { ok: false; missing: boolean; reason: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      ok: false,
      missing: code === 'ENOENT',
      reason: code === 'ENOENT' ? 'no such file' : `cannot read: ${(err as Error).message}`,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, missing: false, reason: `not valid JSON: ${(err as Error).message}` };
  }
  const check = expectedShape.safeParse(value);
  if (!check.success) {
    const issue = check.error.issues[0];
    return {
      ok: false,
      missing: false,
      reason: `not a reportx document: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    };
  }
  return { ok: true, document: value as ReportDocument };
}

/**
 * Directories give their NAME.txt files (not recursing), globs what they match (less .json files),
 * plain files themselves. Each pairs with NAME.expected.json beside it or in `expectedDir`.
 */
async function findFixtures(paths: string[], expectedDir: string | undefined): Promise<Fixture[]> {
  const files: string[] = [];
  for (const p of paths) {
    if (fg.isDynamicPattern(p)) {
      const { files: matched, problems } = await expandInputs([p]);
      for (const problem of problems) process.stderr.write(problemLine(problem.pattern, problem.reason));
      files.push(...matched.filter((f) => !f.endsWith('.json')));
      continue;
    }
    let isDir: boolean;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch {
      throw new UsageError(`${p}: no such file or directory`);
    }
    if (isDir) files.push(...(await fg('*.txt', { cwd: p, onlyFiles: true })).sort().map((f) => join(p, f)));
    else files.push(p);
  }
  const fixtures: Fixture[] = [];
  const byExpected = new Map<string, string>();
  for (const file of new Set(files)) {
    const name = basename(file, extname(file)) + EXPECTED_SUFFIX;
    const expected = join(expectedDir ?? dirname(file), name);
    const other = byExpected.get(resolve(expected));
    if (other !== undefined) throw new UsageError(`${other} and ${file} would share the expected file ${expected}`);
    byExpected.set(resolve(expected), file);
    fixtures.push({ file, expected });
  }
  return fixtures;
}

async function runGold(dirs: string[], opts: CheckCommandOptions): Promise<number> {
  const minF1 = parseMinF1(opts.minF1);
  for (const dir of dirs)
    if (
      !(await stat(dir).then(
        (s) => s.isDirectory(),
        () => false,
      ))
    )
      throw new UsageError(`--gold ${dir}: no such directory`);
  const decode = (bytes: Buffer) => {
    const decoded = decodeBytes(bytes, { encoding: opts.encoding });
    return decoded.ok ? decoded.text : new TextDecoder().decode(bytes);
  };
  // Several folders are scored as one set, as score.mjs does with several --gold.
  const golds: (GoldDocument & { dir: string })[] = [];
  for (const dir of dirs) {
    try {
      for (const gold of await loadGoldDir(dir, decode)) golds.push({ ...gold, dir });
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  if (golds.length === 0) throw new UsageError(`no gold files (NAME.gold.json) in ${dirs.join(', ')}`);

  const documents: (ReportDocument | undefined)[] = [];
  let failed = 0;
  let index = 0;
  for await (const parsed of parseBatch(
    golds.map((g) => join(g.dir, g.file)),
    { encoding: opts.encoding, catalogFiles: opts.catalog },
  )) {
    if (parsed.ok) documents[index] = parsed.document;
    else {
      failed++;
      process.stderr.write(problemLine(parsed.path, parsed.reason));
    }
    index++;
  }
  const score = scoreGold(golds, (_file, i) => documents[i]);
  const out = streamOut(process.stdout);
  if (opts.json) await out(JSON.stringify(score.summary, null, 2) + '\n');
  else await out(goldReportLines(score, !!opts.verbose).join('\n') + '\n');
  await out.flush();
  const strict = score.summary.metrics.strict.f1;
  if (minF1 !== undefined && strict < minF1) {
    process.stderr.write(`strict metric F1 ${strict.toFixed(3)} is below --min-f1 ${minF1}\n`);
    return EXIT_FAILURE;
  }
  return failed > 0 ? EXIT_FAILURE : EXIT_OK;
}

function parseMinF1(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x < 0 || x > 1)
    throw new UsageError(`--min-f1 takes a number from 0 to 1 (0.8 for 80%), not ${JSON.stringify(value)}`);
  return x;
}

/** Colour on a terminal, unless NO_COLOR is set (FORCE_COLOR forces it, as chalk reads it). */
function useColor(): boolean {
  return !process.env.NO_COLOR && chalk.level > 0;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
