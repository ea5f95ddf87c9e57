#!/usr/bin/env node
// How well decoding tells encodings apart (README, "Encodings"): every fixture, and slices of 8 to
// 500 characters of it, converted with iconv-lite to GB18030, to Big5 (after OpenCC makes it
// traditional) and to UTF-16LE/BE without a byte-order mark; short Japanese (Shift-JIS) and French
// (Latin-1) texts written for this; per case how often the encoding and the text come out right, how
// often a not-chinese-text warning is given, and the confidence recorded. Run after npm run build:
//   node scripts/measure-encodings.mjs
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(new URL('../package.json', import.meta.url));
const iconv = require('iconv-lite');
const OpenCC = require('opencc-js');
const { decodeBytes } = await import('../dist/decode/decodeBytes.js');
const toTrad = OpenCC.Converter({ from: 'cn', to: 'tw' });
const dir = new URL('../fixtures', import.meta.url).pathname;
const docs = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(`${dir}/${f}`, 'utf8'));
const ja =
  '本日は晴天なり。私たちの町では、来月から新しい図書館が開館する予定です。市の担当者によると、蔵書数は約十二万冊で、子ども向けの読み聞かせ会も毎週開かれるということです。駅から徒歩五分の場所にあり、駐車場も用意されています。';
const fr =
  "Le conseil municipal s'est réuni mardi soir pour examiner le budget de l'année prochaine. Les élus ont approuvé à l'unanimité la rénovation de l'école élémentaire et la création d'une piste cyclable le long de la rivière. Le maire a souligné que les dépenses de fonctionnement resteraient stables.";
const tab = {};
const conf = {};
const add = (truth, L, text, buf) => {
  const d = decodeBytes(new Uint8Array(buf));
  const key = `${truth} ${L > 1e8 ? 'full' : L}`;
  tab[key] ??= { n: 0, enc: 0, text: 0, warn: 0, fail: 0 };
  const t = tab[key];
  t.n++;
  if (!d.ok) {
    t.fail++;
    return;
  }
  const canon = {
    gb18030: 'gb18030',
    big5: 'big5',
    shift_jis: 'shift_jis',
    latin1: 'windows-1252',
    'utf-16le': 'utf-16le',
    'utf-16be': 'utf-16be',
  }[truth];
  if (d.encoding === canon) t.enc++;
  if (d.text === text) t.text++;
  if (d.warnings.length) t.warn++;
  conf[key] ??= [];
  conf[key].push(d.confidence);
};
for (const d of docs)
  for (const L of [8, 20, 50, 150, 500, 1e9])
    for (let k = 0; k < (L > 1e8 ? 1 : 12); k++) {
      const start = L > 1e8 ? 0 : Math.floor(((d.length - L) * k) / 12);
      const s = d.slice(Math.max(0, start), Math.max(0, start) + L);
      if (!/[^\x00-\x7f]/.test(s)) continue;
      add('gb18030', L, s, iconv.encode(s, 'gb18030'));
      const t = toTrad(s);
      add('big5', L, t, iconv.encode(t, 'big5'));
      add('utf-16le', L, s, iconv.encode(s, 'utf-16le'));
      add('utf-16be', L, s, iconv.encode(s, 'utf-16be'));
    }
for (const L of [8, 20, 50, 150, 1e9])
  for (let k = 0; k < 4; k++) {
    const s1 = ja.slice(k * 5, k * 5 + L),
      s2 = fr.slice(k * 10, k * 10 + L * 2);
    add('shift_jis', L, s1, iconv.encode(s1, 'shift_jis'));
    add('latin1', L, s2, iconv.encode(s2, 'latin1'));
  }
for (const [k, t] of Object.entries(tab)) {
  const c = conf[k] ?? [];
  c.sort((a, b) => a - b);
  console.log(
    k.padEnd(16),
    `n=${t.n} encoding ${t.enc} text ${t.text} warned ${t.warn} failed ${t.fail}  confidence min ${c[0]} median ${c[c.length >> 1]}`,
  );
}
// wrong decodings: warning rate
let w = 0,
  n = 0;
for (const d of docs) {
  for (const [from, as] of [
    ['big5', 'gb18030'],
    ['gbk', 'big5'],
    ['gbk', 'shift_jis'],
  ]) {
    const text = from === 'big5' ? toTrad(d) : d;
    const r = decodeBytes(new Uint8Array(iconv.encode(text, from)), { encoding: as });
    n++;
    if (r.ok && r.warnings.length) w++;
    else console.log('no warning', from, 'as', as, r.ok ? '' : r.reason);
  }
}
console.log(`forced wrong encodings warned: ${w}/${n}`);
let cw = 0;
for (const d of docs) {
  const r = decodeBytes(new Uint8Array(Buffer.from(d)));
  if (r.warnings.length) cw++;
}
console.log('correct UTF-8 fixtures warned', cw);
