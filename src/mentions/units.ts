// Units and measure words, as data. Matched against the normalised text (simplified forms), so
// traditional forms such as 個, 項 and 戶 match too; the unit recorded is taken from the source
// as written, except where the guide fixes a base unit (%, 元, 个百分点, 名次, :1).
import type { MetricKind } from '../model/schema.js';
import { CharSet } from '../text/chars.js';

export interface UnitRule {
  /** As it appears in the normalised text. */
  text: string;
  kind: MetricKind;
  /** The base unit to record; undefined means "the unit as written in the source". */
  base?: string;
  /** Multiplies the number to reach the base unit (‰ → %, /10万 → %). */
  factor?: number;
}

/** Measure words of counts, from every kind of bureau: people, cases, events, land, goods. */
const COUNT_WORDS = [
  // people and visits
  '件人次',
  '人次',
  '户次',
  '人',
  '名',
  '位',
  '户',
  '家',
  '所',
  // cases, documents, items
  '件次',
  '件',
  '宗',
  '起',
  '例',
  '项',
  '条',
  '份',
  '本',
  '卷',
  '册',
  '篇',
  '部',
  '套',
  '批次',
  '批',
  '幅',
  '面',
  '首',
  '封',
  '单',
  '笔',
  '张',
  '块',
  // events and activities
  '场次',
  '场',
  '次',
  '期',
  '轮',
  '堂',
  '课时',
  '学时',
  '批次',
  // visits and inspections counted per occasion: 检查重点场所860家次, 出动车辆120台次
  '家次',
  '台次',
  '车次',
  '辆次',
  '架次',
  '艘次',
  '班次',
  '个次',
  '所次',
  '处次',
  '条次',
  '篇次',
  '期次',
  '项次',
  '轮次',
  '亩次',
  // days, when days are counted (see DAY_COUNT_CUES)
  '天',
  // organisations, places, things
  '个',
  '支',
  '队',
  '组',
  '处',
  '座',
  '栋',
  '间',
  '台',
  '辆',
  '艘',
  '架',
  '只',
  '头',
  '株',
  '棵',
  '床',
  '种',
  '类',
  '大类',
  '大项',
  '方面',
  // goods and animals (放流鱼苗50万尾, 安装路灯200盏)
  '尾',
  '羽',
  '枚',
  '盏',
  '颗',
  '箱',
  '袋',
  '瓶',
  '盒',
  '桶',
  '匹',
  // land, length, weight, volume, energy
  '平方公里',
  '平方千米',
  '平方米',
  '㎡',
  '平米',
  '公顷',
  '亩',
  '公里',
  '千米',
  '米',
  '吨',
  '千克',
  '公斤',
  '斤',
  '立方米',
  '千瓦时',
  '千瓦',
  '升',
  '吨标准煤',
  '吨标煤',
  // kilowatt-hours in everyday speech (年发电量3.4亿度), only where electricity is named: see ELECTRICITY_UNIT
  '度',
  // concentrations and densities (PM2.5 32微克/立方米)
  '微克/立方米',
  '毫克/立方米',
  'μg/m3',
  'μg/m³',
  '毫克/升',
  '人/平方公里',
  // metric units in Latin letters (主坝隧洞80m, 总长21.66km); see LATIN_UNIT
  'km²',
  'km',
  'm²',
  'm³',
  'm',
  'cm',
  'mm',
  'kg',
  'kWh',
  'kW',
  'MWh',
  'MW',
  'GW',
  'ha',
  // pairs (结婚登记3,122对); after Chinese numerals 一对一 is a phrase, see CHINESE_NUMERAL_UNITS
  '对',
  // scores (测评得分98.5分); 分钟 and 分之 are excluded where the unit is read
  '分',
  // calls (接听来电4.6万通); 通过 and 通知 are words, see WORD_START_UNITS
  '通',
  // ages (期望寿命81.5岁), video channels (接入视频信号8,500路), old weights (茶叶1.8万担): units
  // only at a phrase's end, see WORD_START_UNITS (60岁以上老人, 3路公交车, 担任 are not counts)
  '岁',
  '路',
  '担',
  // places used as their own classifier (其余4乡镇, 12村, 5社区)
  '乡镇',
  '村',
  // poles, pipes, trees counted by the stick (水泥电杆20.5万根); 根据 and 根本 are words, see WORD_START_UNITS
  '根',
  '社区',
  '街道',
];

/**
 * After a Chinese numeral only these count: with 三 or 两 the rarer measure words mostly belong
 * to slogans and names (三单, 一轴四轮, 三台融合), where an Arabic 3 rarely stands.
 */
export const CHINESE_NUMERAL_UNITS = new Set([
  '个',
  '名',
  '位',
  '人',
  '人次',
  '次',
  '期',
  '场',
  '场次',
  '件',
  '项',
  '家',
  '户',
  '条',
  '份',
  '批',
  '所',
  '座',
  '轮',
  '例',
  '起',
  '宗',
  '本',
  '部',
  '种',
  '篇',
  '套',
  '处',
  '栋',
  '间',
  '辆',
  '支',
  '大类',
  '亩',
  '吨',
  '公里',
  '元',
  '%',
  // visits and inspections (清查场所三千多家次): compounds of 次 are never slogans
  '家次',
  '户次',
  '件次',
  '台次',
  '车次',
]);

/** Rates: every one becomes a percentage (‰ → ×0.1, /10万 → ×0.001). */
const RATE_RULES: UnitRule[] = [
  { text: '%', kind: 'percent', base: '%' },
  { text: '‰', kind: 'percent', base: '%', factor: 0.1 },
  { text: '/10万', kind: 'percent', base: '%', factor: 0.001 },
  { text: '/十万', kind: 'percent', base: '%', factor: 0.001 },
  { text: '/万', kind: 'percent', base: '%', factor: 0.01 },
  { text: '/千', kind: 'percent', base: '%', factor: 0.1 },
  { text: '个百分点', kind: 'pp', base: '个百分点' },
  // 平均破案率的1.65倍: a multiple, recorded as a ratio in 倍.
  { text: '倍', kind: 'ratio', base: '倍' },
  { text: '百分点', kind: 'pp', base: '个百分点' },
  // 下降1.27个千分点: a change of a per-mille rate, in percentage points a tenth of it.
  { text: '个千分点', kind: 'pp', base: '个百分点', factor: 0.1 },
  { text: '千分点', kind: 'pp', base: '个百分点', factor: 0.1 },
  // 九成 = 90%, 八五折 = 85%, 9.5折 = 95%: tenths, or two digits read as a percentage.
  { text: '成', kind: 'percent', base: '%', factor: 10 },
  { text: '折', kind: 'percent', base: '%', factor: 10 },
];

/**
 * 成, 折, 分 and 通 start many words (成本, 折合, 分别, 分钟, 分局, 通过): after a number they are a unit only
 * when no other character joins them, or one of these follows.
 */
export const WORD_START_UNITS = new Set(['成', '折', '分', '通', '岁', '路', '担', '根']);
export const TENTHS_ALLOWED_AFTER = ['以上', '以下', '左右', '多', '半', '的', '上下'];

const MONEY_RULES: UnitRule[] = [
  { text: '元', kind: 'amount', base: '元' },
  { text: '美元', kind: 'amount', base: '美元' },
];

export const UNIT_RULES: UnitRule[] = [
  ...RATE_RULES,
  ...MONEY_RULES,
  ...[...new Set(COUNT_WORDS)].map((text): UnitRule => ({ text, kind: 'count' })),
];

/**
 * A number scaled by 万/亿 with no unit takes the unit its indicator implies when that is plain
 * (户籍人口60多万 → 人; 旅客吞吐量突破200万 → 人次): the clause before the number ends with one of
 * `words`, perhaps followed by a verb of reaching (IMPLIED_UNIT_VERBS).
 */
export const IMPLIED_UNITS: { words: string[]; unit: string }[] = [
  { words: ['人口', '人数', '总人数'], unit: '人' },
  { words: ['旅客吞吐量', '游客', '客流量', '接待人次', '游客量'], unit: '人次' },
  { words: ['户数'], unit: '户' },
];
export const IMPLIED_UNIT_VERBS = [
  '',
  '达',
  '为',
  '约',
  '近',
  '超',
  '超过',
  '突破',
  '逾',
  '达到',
  '已达',
  '共',
  '有',
  '约为',
];
/** What may follow such a number: 80万以上, 200万大关, 60万左右. */
export const IMPLIED_UNIT_AFTER = ['以上', '左右', '大关', '余'];

/** 岁 counts years of age only where an age is what is reported (期望寿命81.5岁); 0-17岁 names a group. */
export const AGE_CUES = ['寿命', '年龄', '岁数'];

/** Ratios stated per hundred (性别比为112.9: males per 100 females), recorded per one: 1.129 :1. */
export const PER_HUNDRED_RATIOS = ['性别比'];

/** Scale words between a number and its unit: 1688.29万元, 3万余件, 8000千余人次. */
export const SCALE_WORDS: { text: string; factor: number }[] = [
  { text: '万亿', factor: 1e12 },
  { text: '百万', factor: 1e6 },
  { text: '千万', factor: 1e7 },
  { text: '亿', factor: 1e8 },
  { text: '万', factor: 1e4 },
  { text: '千', factor: 1e3 },
  { text: '百', factor: 1e2 },
];

/** Words inside a number that mean "more than": 3300余人次, 600多次. */
export const INNER_MORE_THAN = ['余', '多'];

/**
 * What may follow a measure word and turn the phrase into a period or a time span, not a count:
 * 3个月, 2个工作日, 两个季度. Checked right after the unit.
 */
export const PERIOD_AFTER_UNIT = ['月', '工作日', '季度', '小时', '星期', '礼拜', '周年', '学期', '多月'];

/**
 * 年度 after a unit is a period only when nothing follows it as a noun (两个年度内); in
 * 59项年度重点工作任务 it qualifies what is counted.
 */
export const PERIOD_YEAR_WORD = '年度';
export const PERIOD_YEAR_ENDINGS = ['内', '里', '中', '的', '以来'];

/**
 * 天 counts days only when days are what is counted (优良天数272天, 比上年增加29天 after it);
 * otherwise it is a time limit or a span (3天内办结, 连续7天), which the guide leaves out.
 */
export const DAY_UNIT = '天';
export const DAY_COUNT_CUES = ['天数', '优良天', '达标天'];

/** Before N位, these make it a move in a ranking (后退9位, 前进3位), not a count of people. */
export const RANK_MOVES = ['前进', '后退', '上升', '下降', '提升', '提高', '进步', '退步', '下滑', '上移', '下移'];

/** 度 is a kilowatt-hour only after words about electricity (发电量, 用电); otherwise degrees or 年度. */
export const ELECTRICITY_UNIT = '度';

/** A unit in Latin letters is one only when no other letter or digit follows (80m, not 80mg or 5G). */
export const LATIN_UNIT = /^[A-Za-z]/;

/**
 * Per-unit suffixes that stay part of a money unit: 1.66万元/床位 → unit 元/床位. A scope or a rank
 * after the slash is no per-unit (3万多亩/全省第一).
 */
export const PER_UNIT = /^(?:\/(?!全[国省市区县])(?:(?!以上|以下|以内|左右|第)[\u4e00-\u9fa5]){1,3}){1,2}/;

/** Unit rules by the code of their first character (looked up for every number without making a string of it). */
const byFirstChar = new Map<number, UnitRule[]>();
for (const rule of UNIT_RULES) {
  const first = rule.text.charCodeAt(0);
  const list = byFirstChar.get(first) ?? [];
  list.push(rule);
  byFirstChar.set(first, list);
}
for (const list of byFirstChar.values()) list.sort((a, b) => b.text.length - a.text.length);

/** The longest unit starting at `at`, with where it ends; spaces inside a unit (个 百 分 点) are read over. */
export function unitAt(text: string, at: number): { rule: UnitRule; end: number } | null {
  const candidates = byFirstChar.get(text.charCodeAt(at));
  if (!candidates) return null;
  for (const rule of candidates) {
    const end = matchSpaced(text, at, rule.text);
    if (end >= 0) return { rule, end };
  }
  return null;
}

/** End of `word` at `at`, allowing up to three spaces between its characters; -1 when absent. */
function matchSpaced(text: string, at: number, word: string): number {
  let j = at;
  for (let k = 0; k < word.length; k++) {
    if (k > 0) for (let n = 0; n < 3 && text[j] === ' '; n++) j++;
    if (text[j] !== word[k]) return -1;
    j++;
  }
  return j;
}

/** The first characters of SCALE_WORDS: after most numbers none stands, and no word is tried. */
const SCALE_STARTS = new CharSet(SCALE_WORDS.map((s) => s.text[0]));

export function scaleAt(text: string, at: number): { text: string; factor: number } | null {
  if (!SCALE_STARTS.at(text, at)) return null;
  for (const s of SCALE_WORDS) if (text.startsWith(s.text, at)) return s;
  return null;
}
