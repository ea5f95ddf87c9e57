#!/usr/bin/env node
// `npm run safety`: a hang detector. Parses pathological inputs with the built CLI, one process
// each, and fails when one takes far longer than ordinary text of its size or the process dies (a
// crash, an out-of-memory abort). It is not a speed target: a linear pipeline finishes every
// input here in a few seconds; minutes mean a super-linear path or a loop.
//
// The limit is relative to a calibration run on the same machine at the same time: ordinary
// report text (the fixtures, repeated) of CALIBRATION_MB is parsed first, and each input may take
// SLACK times as long as that text would for its size, and never less than SAFETY_LIMIT_S
// (10 s). A fixed 10 s once nearly failed on a loaded machine (7.8 s for the 50 MB line), where
// a busy machine slows the calibration run as much as the inputs.
//
// A file refused with a reason (exit 1) passes: the point is that it ends. Whatever the outcome,
// standard output must hold whole ndjson lines only (one document, or nothing).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'bin', 'reportx.js');
const FLOOR_S = Number(process.env.SAFETY_LIMIT_S ?? 10);
const SLACK = Number(process.env.SAFETY_SLACK ?? 10);
const CALIBRATION_MB = 8;
const ONLY = process.env.SAFETY_ONLY; // run the inputs whose name contains this

if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  console.error('safety: dist/ is missing; run `npm run safety` (it builds first) or `npm run build`');
  process.exit(2);
}

const fixtureText = readdirSync(join(ROOT, 'fixtures'))
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(ROOT, 'fixtures', f), 'utf8'))
  .join('\n');

/** `unit` repeated until the result has at least `bytes` UTF-8 bytes. */
function repeatToBytes(unit, bytes) {
  return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
}

const MILLION = 1_000_000;
/** name → contents (built only when it runs). */
const INPUTS = {
  '50 MB on one line (the fixtures, line breaks removed)': () =>
    repeatToBytes(fixtureText.replace(/\s*\n\s*/g, ''), 50 * 1024 * 1024),
  'a million digits': () => '9'.repeat(MILLION),
  'a million digits, then a unit': () => '1'.repeat(MILLION) + '件',
  'a million 一': () => '一'.repeat(MILLION),
  'a million 一, then a unit': () => '一'.repeat(MILLION) + '人次',
  'deeply nested brackets (100k levels, four kinds)': () => {
    const open = '（(【《'.repeat(25_000);
    const close = '》】)）'.repeat(25_000);
    return `${open}共办理案件120件${close}`;
  },
  'unbalanced brackets (200k openers)': () => '（共办理案件12件，'.repeat(20_000),
  'a million 一是': () => '一是'.repeat(MILLION),
  '100k lines of 一、': () => '一、\n'.repeat(100_000),
  '100k lines of 一、 with a title and a metric': () => '一、工作开展情况\n全年办理案件12件。\n'.repeat(50_000),
  '100k nested heading levels (一、（一）1.(1)①)': () => '一、甲\n（一）乙\n1.丙\n(1)丁\n①戊\n'.repeat(20_000),
  'a million ##paidbegin## markers': () => '##paidbegin##'.repeat(MILLION / 10),
  'a million percent signs and units': () => '%件人次万元个百分点'.repeat(MILLION / 10),
  'one sentence of 200k metrics': () => '办理案件12件、'.repeat(200_000),
  'a million run-in markers with no second (。1、)': () => '做好工作。1、'.repeat(MILLION / 5),
  '100k headings on one line, no sentence end (一、甲(一)乙1、丙)': () => '一、甲(一)乙1、丙'.repeat(100_000),
  '100k lines whose titles run into a numbered 1 (一、甲(一)乙。(二)丙。)': () =>
    '一、甲(一)乙。(二)丙。\n'.repeat(100_000),
  '100k short lines, one run-in candidate at the end': () =>
    '全年办理案件12件\n'.repeat(100_000) + '完成。1、审查。2、复议。',
};

function run(file, limitS) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, 'parse', '--format', 'ndjson', '--quiet', file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    let err = '';
    let timedOut = false;
    child.stdout.on('data', (c) => out.push(c));
    child.stderr.on('data', (c) => {
      err += c;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, limitS * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        seconds: (performance.now() - started) / 1000,
        code,
        signal,
        timedOut,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: err,
      });
    });
  });
}

/** Standard output is whole ndjson lines: nothing, or documents each ending in \n. */
function wholeLines(stdout) {
  if (stdout === '') return { ok: true, documents: 0 };
  if (!stdout.endsWith('\n')) return { ok: false, why: 'output does not end with a line break' };
  const lines = stdout.slice(0, -1).split('\n');
  for (const l of lines) {
    try {
      JSON.parse(l);
    } catch {
      return { ok: false, why: 'a line is not JSON' };
    }
  }
  return { ok: true, documents: lines.length };
}

const dir = mkdtempSync(join(tmpdir(), 'reportx-safety-'));
let failures = 0;
try {
  const calibration = join(dir, 'calibration.txt');
  writeFileSync(calibration, repeatToBytes(fixtureText, CALIBRATION_MB * 1024 * 1024));
  const calibrated = await run(calibration, 600);
  if (calibrated.code !== 0) throw new Error(`safety: the calibration run failed: ${calibrated.stderr}`);
  // Start-up included: a conservative (slow) figure for small inputs.
  const secondsPerMb = calibrated.seconds / CALIBRATION_MB;
  const limitFor = (bytes) => Math.max(FLOOR_S, SLACK * secondsPerMb * Math.max(1, bytes / 1024 / 1024));
  console.log(
    `reportx safety (node ${process.version}): calibration ${calibrated.seconds.toFixed(2)} s for ${CALIBRATION_MB} MB of report text; each input may take ${SLACK}× that per MB, at least ${FLOOR_S} s`,
  );
  for (const [name, make] of Object.entries(INPUTS)) {
    if (ONLY && !name.includes(ONLY)) continue;
    const file = join(dir, 'input.txt');
    writeFileSync(file, make());
    const size = statSync(file).size;
    const limit = limitFor(size);
    const r = await run(file, limit);
    const lines = wholeLines(r.stdout);
    let verdict;
    if (r.timedOut) verdict = `FAIL: still running after ${limit.toFixed(0)} s (killed)`;
    else if (r.signal || (r.code !== 0 && r.code !== 1))
      verdict = `FAIL: crashed (${r.signal ?? `exit ${r.code}`}) ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`;
    else if (!lines.ok) verdict = `FAIL: corrupted output (${lines.why})`;
    else if (r.code === 1) verdict = `ok, refused: ${r.stderr.trim().split('\n')[0]}`;
    else {
      const doc = JSON.parse(r.stdout);
      verdict = `ok (${doc.metrics.length} metrics, ${countSections(doc.sections)} sections)`;
    }
    if (verdict.startsWith('FAIL')) failures++;
    console.log(
      `${r.seconds.toFixed(2).padStart(6)} s (limit ${limit.toFixed(0).padStart(3)} s)  ${(size / 1024 / 1024).toFixed(1).padStart(5)} MB  ${name}: ${verdict}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failures > 0) {
  console.error(`safety: ${failures} input${failures === 1 ? '' : 's'} failed`);
  process.exitCode = 1;
} else console.log('safety: all inputs finished');

function countSections(sections) {
  return sections.reduce((n, s) => n + 1 + countSections(s.children), 0);
}
