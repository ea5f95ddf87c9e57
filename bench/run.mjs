#!/usr/bin/env node
// `npm run bench` (after a build): throughput with one worker and with every core, the time one
// small report takes from a cold start, and peak RSS while a large corpus streams out as ndjson.
//
// The corpus is made from fixtures/*.txt in bench/corpus/ (git-ignored): each report is a fixture
// with its paragraphs reshuffled within their sections, its numbers changed and its body repeated
// one to three times; about 15% are written in GB18030. The large streamed corpus is made of hard
// links to those files (distinct paths, so each counts as a file; no extra disk space).
//
// Environment: BENCH_FILES (default 500) reports in the corpus; BENCH_RSS_MB (default 1024) size
// of the streamed corpus; BENCH_REPEATS (default 2) runs of each throughput measure, the best
// kept; BENCH_JSON=path also writes the figures as JSON.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'bin', 'reportx.js');
const FIXTURES = join(ROOT, 'fixtures');
const CORPUS = join(ROOT, 'bench', 'corpus');
const FILES = Number(process.env.BENCH_FILES ?? 500);
const RSS_MB = Number(process.env.BENCH_RSS_MB ?? 1024);
const GB18030_SHARE = 0.15;
const CORES = availableParallelism();
const COLD_START_FILE = join('fixtures', '000_d8fa31b0e3316016.txt');

const TARGETS = { oneWorkerMBs: 8, speedupTwoCores: 1.7, coldStartS: 0.5, rssMB: 300 };

// The module bin/reportx.js runs (the esbuild bundle of dist/cli/main.js).
const MAIN = new URL('../dist/bundle/reportx.js', import.meta.url);

if (!existsSync(fileURLToPath(MAIN)) || !existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  console.error('bench: dist/ is missing; run `npm run bench` (it builds first)');
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Corpus

/** A small deterministic PRNG (mulberry32), so every machine benchmarks the same corpus. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Lines that open a section keep their place; the paragraphs between them are shuffled.
const HEADING = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、]|[（(]\d+[）)]|[①-⑩])/;

function variant(text, rand) {
  const lines = text.split(/\r?\n/);
  const firstHeading = Math.max(
    1,
    lines.findIndex((l) => HEADING.test(l)),
  );
  const head = lines.slice(0, firstHeading);
  const body = lines.slice(firstHeading);
  // Change the numbers inside paragraphs (not the heading ordinals at the start of a line).
  const renumber = (line) =>
    line.replace(/(?<=[^\d\n])\d+/g, (d) => {
      let out = String(1 + Math.floor(rand() * 9));
      for (let i = 1; i < d.length; i++) out += Math.floor(rand() * 10);
      return out;
    });
  const groups = [];
  for (const line of body) {
    if (HEADING.test(line) || groups.length === 0) groups.push({ heading: line, paragraphs: [] });
    else groups[groups.length - 1].paragraphs.push(line);
  }
  const out = [...head];
  const repeats = 1 + Math.floor(rand() * 3);
  for (let r = 0; r < repeats; r++) {
    for (const g of groups) {
      out.push(g.heading);
      const ps = g.paragraphs.map(renumber);
      for (let i = ps.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [ps[i], ps[j]] = [ps[j], ps[i]];
      }
      out.push(...ps);
    }
  }
  return out.join(rand() < 0.3 ? '\r\n' : '\n');
}

function buildCorpus() {
  const dir = join(CORPUS, `reports-${FILES}`);
  const stamp = join(dir, '.complete');
  const fixtures = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  if (fixtures.length === 0) throw new Error('no fixtures/*.txt to build the corpus from');
  if (!existsSync(stamp)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const texts = fixtures.map((f) => readFileSync(join(FIXTURES, f), 'utf8'));
    const rand = prng(20240601);
    for (let i = 0; i < FILES; i++) {
      const text = variant(texts[i % texts.length], rand);
      const gb = rand() < GB18030_SHARE;
      const name = `${String(i).padStart(5, '0')}${gb ? '-gb18030' : ''}.txt`;
      writeFileSync(join(dir, name), gb ? iconv.encode(text, 'gb18030') : text);
    }
    writeFileSync(stamp, '');
  }
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const gb = files.filter((f) => f.includes('-gb18030')).length;
  return { dir, files, bytes, gb };
}

/**
 * `copies` directories of hard links to the corpus files (c0000/, c0001/, …): distinct paths, so
 * each counts as a file, and no extra disk space. Directories made by an earlier run are reused.
 */
function corpusCopies(corpus, copies) {
  const dir = join(CORPUS, `links-${corpus.files.length}`);
  const dirs = [];
  for (let c = 0; c < copies; c++) {
    const sub = join(dir, `c${String(c).padStart(4, '0')}`);
    dirs.push(sub);
    if (existsSync(join(sub, '.complete'))) continue;
    rmSync(sub, { recursive: true, force: true });
    mkdirSync(sub, { recursive: true });
    for (const f of corpus.files) {
      const to = join(sub, f.slice(corpus.dir.length + 1));
      try {
        linkSync(f, to);
      } catch {
        writeFileSync(to, readFileSync(f)); // no hard links on this file system
      }
    }
    writeFileSync(join(sub, '.complete'), '');
  }
  const names = corpus.files.map((f) => f.slice(corpus.dir.length + 1));
  return {
    dir,
    copies,
    globs: dirs.map((d) => `${d}/*.txt`),
    glob: `${dir}/c{${dirs.map((d) => d.slice(dir.length + 2)).join(',')}}/*.txt`,
    paths: dirs.flatMap((d) => names.map((n) => join(d, n))),
    files: copies * corpus.files.length,
    bytes: copies * corpus.bytes,
  };
}

// ---------------------------------------------------------------------------------------------
// Runs

/**
 * Runs the CLI in a child process with `reportx parse ARGS`, counting the ndjson lines it writes.
 * The child is bin/reportx.js's own code (the same bundle) plus one line that reports the peak RSS of the process
 * (every thread, workers included) when it is done.
 */
function runParse(args, { sampleRss = false } = {}) {
  const probe = [
    `import { main } from ${JSON.stringify(MAIN.href)};`,
    `const code = await main(['node', 'reportx', 'parse', ...${JSON.stringify(args)}]);`,
    `process.stderr.write('\\nBENCH-MAXRSS-KB ' + process.resourceUsage().maxRSS + '\\n');`,
    `process.exitCode = code;`,
  ].join('\n');
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--input-type=module', '-e', probe], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lines = 0;
    let outBytes = 0;
    let firstLineAt = NaN;
    let lastAt = NaN;
    let stderr = '';
    const samples = [];
    child.stdout.on('data', (chunk) => {
      const now = performance.now();
      if (lines === 0 && chunk.indexOf(10) !== -1) firstLineAt = now;
      lastAt = now;
      outBytes += chunk.length;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer =
      sampleRss && existsSync(`/proc/${child.pid}/status`)
        ? setInterval(() => {
            try {
              const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
              if (m) samples.push({ t: performance.now() - started, lines, kb: Number(m[1]) });
            } catch {
              /* exited */
            }
          }, 200)
        : null;
    child.on('error', reject);
    child.on('close', (code) => {
      if (timer) clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      const m = /BENCH-MAXRSS-KB (\d+)/.exec(stderr);
      if (code !== 0)
        return reject(new Error(`reportx parse ${args.join(' ')} exited ${code}:\n${stderr.slice(0, 2000)}`));
      // From the first document out to the last: the rate once started, without start-up.
      const steadySeconds = (lastAt - firstLineAt) / 1000;
      resolve({ seconds, steadySeconds, lines, outBytes, maxRssMB: m ? Number(m[1]) / 1024 : NaN, samples });
    });
  });
}

/** Peak RSS and time of expanding one glob that matches every file of the streamed corpus. */
function globExpansion(glob) {
  const probe = [
    `import { expandInputs } from ${JSON.stringify(new URL('../dist/cli/inputs.js', import.meta.url).href)};`,
    `const t = performance.now();`,
    `const { files } = await expandInputs([${JSON.stringify(glob)}]);`,
    `console.log(JSON.stringify({ files: files.length, seconds: (performance.now() - t) / 1000, maxRssMB: process.resourceUsage().maxRSS / 1024 }));`,
  ].join('\n');
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`glob expansion probe failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function coldStart(runs = 7) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [CLI, 'parse', COLD_START_FILE], { cwd: ROOT, encoding: 'utf8' });
    times.push((performance.now() - t) / 1000);
    if (r.status !== 0) throw new Error(`cold start run failed (${r.status}): ${r.stderr}`);
  }
  const bare = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    bare.push((performance.now() - t) / 1000);
  }
  return { median: median(times), min: Math.min(...times), bare: median(bare) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const MB = 1024 * 1024;
const fmt = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const mark = (ok) => (ok ? 'ok' : 'MISSED');

// ---------------------------------------------------------------------------------------------

const cpuModel = cpus()[0]?.model?.trim() ?? 'unknown CPU';
console.log(
  `reportx bench — ${CORES} cores (${cpuModel}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, node ${process.version}, ${process.platform}`,
);
console.log(
  `load average before the run: ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} (other work on the machine lowers every figure)`,
);
const t0 = performance.now();
const corpus = buildCorpus();
console.log(
  `corpus: ${corpus.files.length} reports, ${fmt(corpus.bytes / MB)} MB (${corpus.gb} in GB18030) in ${corpus.dir.slice(ROOT.length + 1)}`,
);

const cold = coldStart();
console.log(
  `cold start: median ${fmt(cold.median, 3)} s, best ${fmt(cold.min, 3)} s (node -e 0 alone: ${fmt(cold.bare, 3)} s)`,
);

// Throughput: the corpus PASSES times over (hard links, so distinct files), long enough that a
// worker's start-up and JIT warm-up weigh little. Page cache warmed first.
const PASSES = Number(process.env.BENCH_PASSES ?? 3);
const work = corpusCopies(corpus, PASSES);
for (const f of work.paths) readFileSync(f);
console.log(`throughput runs: the corpus ${PASSES} times, ${work.files} files, ${fmt(work.bytes / MB)} MB`);

// Each configuration runs REPEATS times, alternating, and keeps its best run: on a shared machine
// the best run is the one least disturbed by other work.
const REPEATS = Number(process.env.BENCH_REPEATS ?? 2);
/** Input MB/s between the first and the last document out (all files but the first, on average). */
const steadyMBs = (r, set) => ((set.bytes / MB) * (set.files - 1)) / set.files / r.steadySeconds;
const configs = [...new Set([1, CORES])];
const best = new Map();
for (let rep = 0; rep < REPEATS; rep++) {
  for (const jobs of configs) {
    const r = await runParse(['--jobs', String(jobs), '--format', 'ndjson', '--quiet', ...work.globs]);
    if (r.lines !== work.files) throw new Error(`--jobs ${jobs}: expected ${work.files} ndjson lines, got ${r.lines}`);
    console.log(
      `--jobs ${jobs}: ${fmt(r.seconds)} s, ${fmt(work.bytes / MB / r.seconds)} MB/s, ${Math.round(work.files / r.seconds)} files/s end to end; ` +
        `${fmt(steadyMBs(r, work))} MB/s from the first document out to the last; peak RSS ${fmt(r.maxRssMB, 0)} MB`,
    );
    if (!best.has(jobs) || r.seconds < best.get(jobs).seconds) best.set(jobs, r);
  }
}
const runs = configs.map((jobs) => {
  const r = best.get(jobs);
  return { jobs, ...r, mbs: work.bytes / MB / r.seconds, fps: work.files / r.seconds, steadyMBs: steadyMBs(r, work) };
});

// What the machine itself allows: two independent --jobs 1 processes at once, each on half the
// files. Their combined rate over one process's is about the most any thread pool can get here.
let ceiling = NaN;
if (CORES >= 2) {
  const halves = [work.paths.filter((_, i) => i % 2 === 0), work.paths.filter((_, i) => i % 2 === 1)];
  let fastest = Infinity;
  for (let rep = 0; rep < REPEATS; rep++) {
    const started = performance.now();
    await Promise.all(halves.map((h) => runParse(['--jobs', '1', '--format', 'ndjson', '--quiet', ...h])));
    fastest = Math.min(fastest, (performance.now() - started) / 1000);
  }
  ceiling = work.bytes / MB / fastest / runs[0].mbs;
  console.log(
    `machine check, two independent --jobs 1 processes on half the files each: ${fmt(fastest)} s, ${fmt(work.bytes / MB / fastest)} MB/s together (×${fmt(ceiling)} one process, end to end)`,
  );
}

// Memory: ~1 GB streamed as ndjson with every core, one glob per directory of 500 files. Expanding
// a single glob over every file costs memory of its own, in proportion to the number of files:
// measured apart.
const stream = corpusCopies(corpus, Math.max(1, Math.ceil((RSS_MB * MB) / corpus.bytes)));
console.log(
  `streamed corpus: ${stream.files} files, ${fmt(stream.bytes / MB, 0)} MB (hard links in ${stream.dir.slice(ROOT.length + 1)})`,
);
const big = await runParse(['--jobs', String(CORES), '--format', 'ndjson', '--quiet', ...stream.globs], {
  sampleRss: true,
});
if (big.lines !== stream.files)
  throw new Error(`streamed corpus: expected ${stream.files} ndjson lines, got ${big.lines}`);
// Flat memory: the highest RSS over the first and the second half of the run.
const half = big.samples.filter((s) => s.lines > 0);
const mid = Math.floor(half.length / 2);
const peak = (xs) => (xs.length ? Math.max(...xs.map((s) => s.kb)) / 1024 : NaN);
const firstHalf = peak(half.slice(0, mid));
const secondHalf = peak(half.slice(mid));
console.log(
  `streamed ndjson with --jobs ${CORES}: ${fmt(big.seconds, 1)} s, ${fmt(stream.bytes / MB / big.seconds)} MB/s, ${fmt(big.outBytes / MB, 0)} MB written, peak RSS ${fmt(big.maxRssMB, 0)} MB` +
    (half.length
      ? ` (sampled: ${fmt(firstHalf, 0)} MB peak in the first half, ${fmt(secondHalf, 0)} MB in the second)`
      : ''),
);

const expansion = globExpansion(stream.glob);
console.log(
  `expanding one glob over all ${expansion.files} files alone: ${fmt(expansion.seconds)} s, peak RSS ${fmt(expansion.maxRssMB, 0)} MB`,
);

const one = runs[0];
const all = runs[runs.length - 1];
const speedup = all.mbs / one.mbs;
const steadySpeedup = all.steadyMBs / one.steadyMBs;
const extrapolated = RSS_MB < 1024;
const rows = [
  [
    'one thread (--jobs 1), started / end to end',
    `${fmt(one.steadyMBs)} / ${fmt(one.mbs)} MB/s, ${Math.round(one.fps)} files/s`,
    `≥ ${TARGETS.oneWorkerMBs} MB/s`,
    mark(one.steadyMBs >= TARGETS.oneWorkerMBs),
  ],
  [
    `all cores (--jobs ${CORES}), started / end to end`,
    `${fmt(all.steadyMBs)} / ${fmt(all.mbs)} MB/s, ${Math.round(all.fps)} files/s (×${fmt(steadySpeedup)} / ×${fmt(speedup)})`,
    CORES >= 2 ? `≥ ×${TARGETS.speedupTwoCores}` : 'n/a (1 core)',
    CORES >= 2 ? mark(steadySpeedup >= TARGETS.speedupTwoCores) : '-',
  ],
  ['machine check: 2 processes vs 1', CORES >= 2 ? `×${fmt(ceiling)}` : 'n/a', 'the most a pool can get', '-'],
  [
    'cold start, one small report',
    `${fmt(cold.median, 3)} s (median of 7)`,
    `< ${TARGETS.coldStartS} s`,
    mark(cold.median < TARGETS.coldStartS),
  ],
  [
    `peak RSS, ${fmt(stream.bytes / MB, 0)} MB streamed as ndjson${extrapolated ? ' (extrapolate to 1 GB)' : ''}`,
    `${fmt(big.maxRssMB, 0)} MB (${fmt(stream.bytes / MB / big.seconds)} MB/s)`,
    `< ${TARGETS.rssMB} MB`,
    mark(big.maxRssMB < TARGETS.rssMB),
  ],
];
const widths = [0, 1, 2, 3].map((i) =>
  Math.max(...rows.map((r) => r[i].length), ['measure', 'result', 'target', ''][i].length),
);
const line = (r) => '| ' + r.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
console.log('');
console.log(line(['measure', 'result', 'target', '']));
console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
for (const r of rows) console.log(line(r));
console.log(`\nbench took ${fmt((performance.now() - t0) / 1000, 0)} s`);

if (process.env.BENCH_JSON) {
  writeFileSync(
    process.env.BENCH_JSON,
    JSON.stringify(
      {
        machine: {
          cores: CORES,
          cpu: cpuModel,
          node: process.version,
          platform: process.platform,
          memGiB: totalmem() / 2 ** 30,
        },
        corpus: { files: corpus.files.length, bytes: corpus.bytes, gb18030: corpus.gb, passes: PASSES },
        coldStart: cold,
        runs: runs.map(({ samples, ...r }) => r),
        twoProcessCeiling: ceiling,
        stream: {
          files: stream.files,
          bytes: stream.bytes,
          seconds: big.seconds,
          maxRssMB: big.maxRssMB,
          firstHalfPeakMB: firstHalf,
          secondHalfPeakMB: secondHalf,
        },
        globExpansion: expansion,
        loadavg: loadavg(),
      },
      null,
      2,
    ),
  );
}
