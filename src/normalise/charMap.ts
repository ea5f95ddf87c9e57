// A one-to-one character mapping, so the normalised text has exactly the length of the source
// and every offset found in it points at the same character in the source.

/**
 * Traditional forms of the characters the rules look for (numerals, measure words, heading and
 * qualifier words), each followed by its simplified form. Only characters that matter to a rule
 * are listed: the indicator text itself is always taken from the source as written.
 */
const TRADITIONAL_PAIRS =
  '萬万 億亿 兩两 點点 負负 個个 項项 場场 貳贰 參叁 陸陆 幾几 餘余 ' +
  '類类 種种 條条 張张 間间 臺台 輛辆 組组 隊队 屆届 號号 週周 歲岁 畝亩 噸吨 筆笔 ' +
  '復复 議议 調调 處处 訴诉 訟讼 審审 執执 與与 區区 縣县 書书 門门 會会 現现 實实 數数 額额 ' +
  '價价 務务 業业 單单 來来 時时 對对 發发 國国 開开 關关 體体 經经 總总 較较 險险 準准 確确 ' +
  '預预 計计 劃划 爭争 標标 領领 導导 黨党 學学 習习 講讲 辦办 應应 將将 於于 級级 權权 團团 ' +
  '員员 聽听 證证 鑒鉴 蓋盖 訪访 問问 題题 報报 紀纪 檢检 監监 獄狱 矯矫 幫帮 廳厅 結结 費费 ' +
  '財财 補补 專专 糾纠 紛纷 約约 過过 並并 舉举 驗验 稅税 長长 減减 達达 為为 線线 產产 ' +
  '歷历 曆历 傳传 訓训 練练 獎奖 績绩 級级 億亿 園园 鄉乡 鎮镇 這这 從从 裡里 戶户';

const SINGLE: Map<number, number> = new Map(
  TRADITIONAL_PAIRS.split(' ')
    .filter((pair) => pair.length === 2)
    .map((pair) => [pair.charCodeAt(0), pair.charCodeAt(1)]),
);

const EXTRA: Map<number, number> = new Map([
  [0x3000, 0x20], // ideographic space
  [0x00a0, 0x20], // no-break space
  [0x000d, 0x0a], // CR (alone or in CRLF) reads as a line break
  [0x000c, 0x0a], // form feed
  [0x2028, 0x0a], // line separator
  [0x2029, 0x0a], // paragraph separator
  [0xfe6a, 0x25], // small percent sign ﹪
  [0x2215, 0x2f], // division slash ∕
  [0x2236, 0x3a], // ratio ∶
  [0xfe50, 0x2c], // small comma ﹐
  [0x2014, 0x2d], // em dash, as in 2023—2025年
  [0x2013, 0x2d], // en dash
  [0x2012, 0x2d], // figure dash
  [0x2212, 0x2d], // minus sign
  [0x301c, 0x7e], // wave dash 〜
  [0xff5e, 0x7e], // fullwidth tilde ～ (also covered below)
  [0x3007, 0x3007], // 〇 stays: it is a numeral digit
]);

/** Every UTF-16 code unit's normal form, built once: a table lookup per character. */
const TABLE = (() => {
  const table = new Uint16Array(0x10000);
  for (let code = 0; code < 0x10000; code++) table[code] = code;
  for (let code = 0xff01; code <= 0xff5e; code++) table[code] = code - 0xfee0; // full-width ASCII
  for (const [from, to] of EXTRA) table[from] = to;
  for (const [from, to] of SINGLE) table[from] = to;
  return table;
})();

/** Returns a string of the same length in which each character is replaced by its normal form. */
export function normaliseChars(text: string): string {
  // One native conversion each way and a tight loop over UTF-16 code units in between.
  let buffer = Buffer.from(text, 'utf16le');
  if (buffer.byteOffset % 2 !== 0) buffer = Buffer.from(buffer); // a Uint16Array view needs an even offset
  const units = new Uint16Array(buffer.buffer, buffer.byteOffset, buffer.length >> 1);
  let changed = false;
  for (let i = 0; i < units.length; i++) {
    const mapped = TABLE[units[i]];
    if (mapped !== units[i]) { units[i] = mapped; changed = true; }
  }
  return changed ? buffer.toString('utf16le') : text;
}
