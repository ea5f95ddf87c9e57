// Scraped web pages: read as HTML (by extension or by content), their visible text extracted —
// block elements as lines, table rows as `a | b | c |` rows, script and style dropped, entities
// decoded, the declared charset honoured — and every offset is into that text. The page below is
// written for this test in the shape of a county bureau's site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { declaredCharset, isHtml, loadHtmlToText } from '../src/decode/html.js';
import { htmlToText } from '../src/decode/htmlText.js';
import { decodeBytes } from '../src/decode/decodeBytes.js';
import type { ReportDocument } from '../src/model/schema.js';

const ROOT = join(import.meta.dirname, '..');

const PAGE = `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>某县司法局2024年工作总结</title>
<style>.main { width: 960px; font-size: 16px; } td { padding: 5px; }</style>
<script>var visits = 12345; document.write('访问量达88%');</script>
</head>
<body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/gk">政务公开</a></div>
<table width="100%" border="0" cellspacing="0"><tr><td height="30" align="center">
<h1>某县司法局2024年工作总结</h1>
</td></tr></table>
<div class="content">
<p>&nbsp;&nbsp;2024年，我局坚持&ldquo;服务大局&rdquo;，全年办理法律援助案件1203件，
同比增长12.5%。</p>
<p>一、主要工作<br>（一）人民调解。调解成功率达99.78%。</p>
<table border="1" width="100%">
<tr><th>项目</th><th>2023年</th><th>2024年</th></tr>
<tr><td>法律援助案件</td><td>1070件</td><td>1203件</td></tr>
<tr><td>公证</td><td>58件</td><td><span>61</span>件</td></tr>
</table>
<pre>二、下一步打算
  力争调解成功率达到100%。</pre>
</div>
<noscript>请开启JavaScript 100%</noscript>
</body>
</html>
`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reportx-html-'));
  writeFileSync(join(dir, 'page.html'), iconv.encode(PAGE, 'gbk'));
  // the same page saved without an .html name, and re-saved as UTF-8 (its meta still says gbk)
  writeFileSync(join(dir, 'page-as-txt.txt'), iconv.encode(PAGE, 'gbk'));
  writeFileSync(join(dir, 'resaved.htm'), PAGE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function parse(...files: string[]): ReportDocument[] {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin/reportx.js'), 'parse', '--quiet', ...files], {
    cwd: dir,
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('htmlToText', () => {
  const text = htmlToText(PAGE);

  it('drops script, style, noscript and attributes; keeps the title', () => {
    expect(text).not.toMatch(/visits|width|960px|88%|JavaScript|href/);
    expect(text.split('\n')[0]).toBe('某县司法局2024年工作总结');
  });

  it('makes block elements and <br> line breaks, collapses whitespace, decodes entities', () => {
    const lines = text.split('\n');
    expect(lines).toContain('首页 > 政务公开');
    expect(lines).toContain('\u00a0\u00a02024年，我局坚持“服务大局”，全年办理法律援助案件1203件， 同比增长12.5%。');
    expect(lines).toContain('一、主要工作');
    expect(lines).toContain('（一）人民调解。调解成功率达99.78%。');
  });

  it('makes each table row one line of cells: a | b | c |', () => {
    const lines = text.split('\n');
    expect(lines).toContain('项目 | 2023年 | 2024年 |');
    expect(lines).toContain('法律援助案件 | 1070件 | 1203件 |');
    expect(lines).toContain('公证 | 58件 | 61件 |');
    // a layout table around a heading is a row of one cell
    expect(lines).toContain('某县司法局2024年工作总结 |');
  });

  it('keeps the lines of <pre>', () => {
    expect(text).toContain('二、下一步打算\n  力争调解成功率达到100%。\n');
  });
});

describe('recognising a page and its charset', () => {
  it('by extension or by content', () => {
    const bytes = new Uint8Array(Buffer.from(PAGE));
    expect(isHtml('a.html', new Uint8Array(Buffer.from('plain')))).toBe(true);
    expect(isHtml('a.HTM', new Uint8Array(Buffer.from('plain')))).toBe(true);
    expect(isHtml('a.txt', bytes)).toBe(true);
    expect(isHtml(null, new Uint8Array(Buffer.from('\n  <html lang="zh"><body>x</body></html>')))).toBe(true);
    expect(isHtml('a.txt', new Uint8Array(Buffer.from('全年办理案件<12件>，宽度width="100%"')))).toBe(false);
  });

  it('reads <meta charset> and the http-equiv form', () => {
    expect(declaredCharset(new Uint8Array(Buffer.from(PAGE)))).toBe('gbk');
    expect(declaredCharset(new Uint8Array(Buffer.from('<meta charset="GB2312">')))).toBe('gb2312');
    expect(declaredCharset(new Uint8Array(Buffer.from('<p>no meta</p>')))).toBe(null);
  });

  it('a page declared gbk is decoded as gbk; re-saved as UTF-8, valid UTF-8 wins', () => {
    expect(decodeBytes(new Uint8Array(iconv.encode(PAGE, 'gbk')), { path: 'a.html', htmlToText })).toMatchObject({
      ok: true,
      encoding: 'gbk',
      confidence: 1,
      format: 'html',
    });
    expect(decodeBytes(new Uint8Array(Buffer.from(PAGE)), { path: 'a.html', htmlToText })).toMatchObject({
      ok: true,
      encoding: 'utf-8',
      format: 'html',
    });
  });

  it('a page with no text is refused with a reason', async () => {
    const extract = await loadHtmlToText();
    expect(
      decodeBytes(new Uint8Array(Buffer.from('<html><script>x=1</script></html>')), {
        path: 'a.html',
        htmlToText: extract,
      }),
    ).toEqual({
      ok: false,
      reason: 'empty page (no text in the HTML)',
    });
  });
});

describe('reportx parse on a page', () => {
  it('loads the HTML reader only for a page (a run on text files does not pay for it)', () => {
    // Hooks record every module the command line loads: ES modules (a resolve hook) and CommonJS
    // files (the command line's bundle and what it requires).
    const log = join(dir, 'loaded.log');
    const hooks = join(dir, 'hooks.mjs');
    writeFileSync(
      hooks,
      `import { appendFileSync } from 'node:fs';
       export async function resolve(specifier, context, next) {
         const r = await next(specifier, context);
         appendFileSync(${JSON.stringify(log)}, r.url + '\\n');
         return r;
       }`,
    );
    const register = join(dir, 'register.mjs');
    writeFileSync(register, `import { register } from 'node:module'; register(${JSON.stringify(`file://${hooks}`)});`);
    const requires = join(dir, 'requires.cjs');
    writeFileSync(
      requires,
      `const Module = require('node:module');
       const { appendFileSync } = require('node:fs');
       const resolve = Module._resolveFilename;
       Module._resolveFilename = function (...args) {
         const file = resolve.apply(this, args);
         appendFileSync(${JSON.stringify(log)}, file + '\\n');
         return file;
       };`,
    );
    const loaded = (file: string) => {
      writeFileSync(log, '');
      const r = spawnSync(
        process.execPath,
        ['--import', register, '--require', requires, join(ROOT, 'bin/reportx.js'), 'parse', '-q', file],
        { cwd: dir, encoding: 'utf8' },
      );
      expect(r.status, r.stderr).toBe(0);
      return readFileSync(log, 'utf8');
    };
    const text = loaded(join(ROOT, 'fixtures/000_d8fa31b0e3316016.txt'));
    expect(text).toMatch(/reportx\.js/);
    expect(text).not.toMatch(/htmlText|htmlparser2/);
    expect(loaded('page.html')).toMatch(/htmlText|htmlparser2/);
  });

  it('finds the report metrics, not the markup, with offsets into the extracted text', () => {
    const [page, sniffed, resaved] = parse('page.html', 'page-as-txt.txt', 'resaved.htm');
    const text = htmlToText(PAGE);
    expect(page.source).toMatchObject({ format: 'html', encoding: 'gbk', characters: text.length });
    const raws = page.metrics.map((m) => m.raw);
    expect(raws).toEqual(expect.arrayContaining(['1203件', '12.5%', '99.78%', '1070件', '58件', '100%']));
    // width="100%" and the script's 88% are not metrics; the only 100% is the plan's
    expect(page.metrics.filter((m) => m.raw === '100%')).toHaveLength(1);
    expect(page.metrics.find((m) => m.raw === '100%')?.target).toBe(true);
    expect(raws).not.toContain('88%');
    expect(raws).not.toContain('960px');
    for (const m of page.metrics) expect(text.slice(m.span.start, m.span.end)).toBe(m.raw);
    expect(page.meta.title ?? page.meta.organization).toMatch(/司法局/);
    // the same page sniffed from a .txt name, and re-saved as UTF-8, give the same metrics
    expect(sniffed.source.format).toBe('html');
    expect(sniffed.metrics).toEqual(page.metrics);
    expect(resaved.source).toMatchObject({ format: 'html', encoding: 'utf-8' });
    expect(resaved.metrics).toEqual(page.metrics);
  });
});
