// Control characters from outside — in file names and in report text — never reach a terminal
// raw: not on standard error, not in `table`'s text view, not in `check`'s report (each run here
// under a pseudo-terminal made by util-linux `script`, colours on). And the normaliser treats
// them as noise, so a terminal escape in a report is never read as a metric.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inTerminal as inTerminalAt, requireTerminal } from './terminalHelpers.js';
import { terminalSafe } from '../src/text/terminalText.js';
import { parseReport } from '../src/parseReport.js';
import { findControls } from '../src/normalise/controls.js';
import { validateDocument } from '../src/model/validateDocument.js';
import fc from 'fast-check';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'reportx.js');
const CLEAR = '\x1b[2J';
const RED = '\x1b[31m';

let dir: string;
const inTerminal = (args: string[], redirect = '') => inTerminalAt(args, dir, redirect);

beforeAll(() => {
  requireTerminal();
  dir = mkdtempSync(join(tmpdir(), 'reportx-escapes-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('terminalSafe', () => {
  it('shows C0, DEL, C1 and bidi controls as escapes; keeps line breaks only in multiline text', () => {
    expect(terminalSafe(`a${RED}b\x07c\x7f\x9b31m\u202Ed`)).toBe('a\\x1B[31mb\\x07c\\x7F\\x9B31m\\u202Ed');
    expect(terminalSafe('a\nb\tc\rd')).toBe('a\\x0Ab\\x09c\\x0Dd');
    expect(terminalSafe('a\nb\tc\rd', { multiline: true })).toBe('a\nb\tc\\x0Dd');
    expect(terminalSafe('上高县司法局 2024 «ok»')).toBe('上高县司法局 2024 «ok»');
  });
});

describe('properties', () => {
  const controls = fc.constantFrom(
    RED,
    CLEAR,
    '\x1b[0m',
    '\x1b]0;t\x07',
    '\x9b2J',
    '\x07',
    '\x00',
    '\x7f',
    '\x85',
    '\u202e',
    '\x1b',
  );
  const words = fc.constantFrom('全年办理案件', '12件', '调解成功率达', '95%', '。', '\n', ' ', 'm', '31', '[', '人次');
  const texts = fc.array(fc.oneof(controls, words), { maxLength: 40 }).map((a) => a.join(''));

  it('terminalSafe leaves no control character (line breaks and tabs only when multiline)', () => {
    fc.assert(
      fc.property(fc.oneof(texts, fc.string({ unit: 'binary' })), (s) => {
        expect(terminalSafe(s)).not.toMatch(/[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
        expect(terminalSafe(s, { multiline: true })).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]/);
      }),
    );
  });

  it('no metric starts inside a control sequence or takes its number from one, and every document stays valid', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const doc = parseReport(text);
        expect(validateDocument(doc).ok).toBe(true);
        const { spans } = findControls(text);
        const inside = (i: number) => spans.some((s) => i >= s.start && i < s.end);
        for (const m of doc.metrics) {
          expect(text.slice(m.span.start, m.span.end)).toBe(m.raw);
          expect(inside(m.span.start), m.raw).toBe(false);
          // the number: the digits from the start of the metric
          for (let i = m.span.start; i < m.span.end && /[\d.]/.test(text[i]); i++) expect(inside(i), m.raw).toBe(false);
        }
        const hasControl = /[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]/.test(text);
        expect(doc.warnings.some((w) => w.code === 'control-characters')).toBe(hasControl);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the normaliser', () => {
  it('blanks terminal escapes as noise: `\\x1b[31m` is never a metric, offsets still point into the source', () => {
    const text = `今年共办理案件${RED}12件\x1b[0m，调解成功率达\x1b]0;title\x07 95%。\x9b1m接待群众\x00\x08300人次。`;
    const doc = parseReport(text);
    expect(validateDocument(doc).ok).toBe(true);
    expect(doc.metrics.map((m) => m.raw)).toEqual(['12件', '95%', '300人次']);
    for (const m of doc.metrics) expect(text.slice(m.span.start, m.span.end)).toBe(m.raw);
    expect(doc.source.characters).toBe(text.length);
    const warning = doc.warnings.find((w) => w.code === 'control-characters');
    expect(warning?.span).toEqual({ start: 7, end: 12 });
    expect(warning?.message).toMatch(/^\d+ characters of control codes blanked \(6 sequences/);
  });

  it('leaves text without control characters alone (no warning)', () => {
    const doc = parseReport('今年共办理案件12件。\n\t接待群众300人次。\r\n');
    expect(doc.warnings.filter((w) => w.code === 'control-characters')).toEqual([]);
    expect(doc.metrics.map((m) => m.raw)).toEqual(['12件', '300人次']);
  });
});

describe('in a terminal', () => {
  it('parse: a file name with escapes is shown escaped on standard error', () => {
    const name = `bad${CLEAR}name\x07.txt`;
    writeFileSync(join(dir, name), '');
    const r = inTerminal(['parse', name]);
    expect(r.status).toBe(1);
    expect(r.screen).not.toContain(CLEAR);
    expect(r.screen).not.toContain('\x07');
    expect(r.screen).toContain('reportx: bad\\x1B[2Jname\\x07.txt: empty file');
    const missing = inTerminal(['parse', `gone${RED}.txt`]);
    expect(missing.screen).toContain('gone\\x1B[31m.txt: no such file');
  });

  it('table: a column named after a file with escapes, and an indicator with them, are shown escaped', () => {
    const name = `${RED}red.txt`;
    writeFileSync(join(dir, name), '全年受理法律援助案件97件，办理公证58件。\n');
    const r = inTerminal(['table', name]);
    expect(r.status, r.screen).toBe(0);
    expect(r.screen).toContain('\\x1B[31mred.txt');
    expect(r.screen).not.toContain(`${RED}red`);
  });

  it('check: a changed metric in a sentence with escapes is reported with them escaped', () => {
    const fixtures = join(dir, 'fixtures');
    mkdirSync(fixtures);
    // Long enough that two control characters are not taken for a binary file (decode allows 2%).
    const filler = '坚持和发展新时代“枫桥经验”，推进矛盾纠纷多元化解。'.repeat(6);
    writeFileSync(join(fixtures, 'a.txt'), `${filler}\n今年共办理${CLEAR}案件12件，同比增长${RED}5%。\n`);
    expect(inTerminal(['check', 'fixtures', '--update']).status).toBe(0);
    const expectedFile = join(fixtures, 'a.expected.json');
    const expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
    expected.metrics[0].value = 11;
    writeFileSync(expectedFile, JSON.stringify(expected, null, 2));
    const r = inTerminal(['check', 'fixtures']);
    expect(r.status, r.screen).toBe(1);
    expect(r.screen).toMatch(/value \S*11\S* → \S*12/);
    expect(r.screen).toContain('\\x1B[2J');
    expect(r.screen).not.toContain(CLEAR);
    expect(r.screen).not.toContain(`${RED}5`);
  });
});
