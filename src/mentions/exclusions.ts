// What is not a metric, as data: slogans and names with numbers in them, meeting and batch
// ordinals, and the contexts that turn a count word into an article (打造一个…).

import { CharSet } from '../text/chars.js';

/**
 * Fixed phrases whose numbers are names, not quantities. Found around a candidate, so a phrase
 * here hides any number inside it, wherever it appears.
 */
export const FIXED_PHRASES = [
  // plans, congresses, campaigns
  '十四五',
  '十五五',
  '十三五',
  '八五普法',
  '七五普法',
  '九五普法',
  '十八大',
  '十九大',
  '二十大',
  '十八届',
  '十九届',
  '二十届',
  '三中全会',
  '四中全会',
  '五中全会',
  '六中全会',
  // political formulae
  '四个意识',
  '四个自信',
  '两个维护',
  '两个确立',
  '四个全面',
  '五位一体',
  '三会一课',
  '三重一大',
  '八项规定',
  '四种形态',
  '两学一做',
  '三严三实',
  '一岗双责',
  '两个责任',
  '三个务必',
  '三大攻坚战',
  '五大发展理念',
  '新发展理念',
  '两个结合',
  '三个代表',
  '两个一百年',
  '三项制度',
  '两法衔接',
  '一把手',
  '一盘棋',
  '一张网',
  '一张图',
  '一件事',
  '一站式',
  '一体化',
  '一网通办',
  '一网统管',
  '一次办',
  '跑一次',
  '一窗受理',
  '一门式',
  '一号通',
  '一码通',
  '一企一策',
  '一户一策',
  '一人一策',
  '两类人员',
  '三类人员',
  '两会',
  '两节',
  '三农',
  '三资',
  '五社联动',
  '三治融合',
  '四治融合',
  '两件大事',
  '三大产业',
  '两条底线',
  '三条红线',
  '两条红线',
  '三次产业',
  '第一产业',
  '第二产业',
  '第三产业',
  '一产',
  '二产',
  '三产',
  '双随机',
  '一公开',
  '六稳',
  '六保',
  '三保',
  '两不愁',
  '三保障',
  '五大职能',
  '十大',
];

/**
 * Words after `N次` that make it a plenary session's number (二届六次全会); 召开3次会议 counts
 * meetings, so plain 会议 is not here. After 届 (十四届二次会议) any 次 is a session number.
 */
export const MEETING_WORDS = ['全会', '全体会议', '全体(扩大)会议', '全体', '中全会'];

/** Before 第N, these make it a rank: 全市第3名, 位列全市第五. */
export const RANK_CONTEXT = [
  '全国',
  '全省',
  '全市',
  '全区',
  '全县',
  '全州',
  '全盟',
  '全旗',
  '同级',
  '同类',
  '排名',
  '排位',
  '位列',
  '位居',
  '名列',
  '排在',
  '居',
  '列',
  '位次',
  '排行',
];

/** After 第N, these make it a batch, meeting, chapter or line, never a rank. */
export const ORDINAL_NOUNS = [
  '批',
  '届',
  '次',
  '期',
  '轮',
  '个',
  '季度',
  '章',
  '条',
  '款',
  '项',
  '道',
  '议题',
  '阶段',
  '年',
  '天',
  '周',
  '月',
  '部分',
  '节',
  '课',
  '页',
  '名单',
  '单位',
  '责任人',
  '书记',
  '种',
];

/**
 * Before 一 + measure word, these make it a count (各打造一个中心, 共一次) rather than the article
 * it usually is (打造一个平台, 最多跑一次). Looked for in the few characters before.
 */
export const COUNT_TRIGGERS = [
  '各',
  '每',
  '共',
  '仅',
  '只',
  '累计',
  '合计',
  '共计',
  '计',
  '新增',
  '增加',
  '增至',
  '达',
  '减少',
  '下降',
  '上升',
  '增长',
];

/**
 * After N期 these make it a project's phase (福利中心二期完成, 二期工程), not a count of sessions
 * (举办培训班三期).
 */
export const PHASE_AFTER = [
  '工程',
  '项目',
  '专项',
  '建设',
  '完成',
  '投入',
  '扩建',
  '改造',
  '建成',
  '竣工',
  '开工',
  ')',
];

/**
 * Around N篇/N件, these make it a page's own furniture or a programme's name, not a quantity:
 * 工作总结(精选5篇), 工作总结-8篇(第6/7页), 为民办10件实事.
 */
export const BEFORE_NOT_COUNT = ['精选', '范文('];
export const AFTER_NOT_COUNT = ['实事', '民生实事', '(第', '篇】', '【篇', '篇)'];

/** Before a bare 万/亿 sum, these make it money with its 元 left out (累计完成投资920万). */
export const MONEY_CONTEXT = [
  '损失',
  '金',
  '投资',
  '资金',
  '经费',
  '收入',
  '产值',
  '金额',
  '税收',
  '纳税',
  '营业额',
  '销售额',
  '总额',
  '补助',
  '奖金',
  '罚款',
  '罚没款',
  '税款',
  '预算',
];

/** 把…摆在工作的第一位: putting something first, not a ranking. */
export const PLACED_FIRST = ['摆在', '放在', '摆到', '放到', '摆上', '放上', '置于'];

/** 500人以上民营企业: a size threshold describing a noun, not a quantity reported. */
export const THRESHOLD_WORDS = ['以上', '以下', '以内', '及以上', '及以下'];

/**
 * After a verb of action, N以上 + noun is how many were acted on (选派8名以上骨干, 培训200人次以上
 * 网格员), not a size threshold describing the noun.
 */
export const ACTION_BEFORE_THRESHOLD = [
  '选派',
  '选调',
  '培训',
  '培养',
  '招录',
  '招聘',
  '招募',
  '引进',
  '吸纳',
  '安置',
  '慰问',
  '走访',
  '组织',
  '动员',
  '派出',
  '抽调',
  '发展',
  '帮扶',
  '救助',
];

/**
 * N大 / N项 / N条 right before one of these abstract collective nouns names a package of measures
 * (二十条措施, 四大顽瘴痼疾, 五大行动为抓手, 三项指标均保持“零”): a programme's name, counting
 * nothing. The noun may come a few characters later (二十条硬措施, 20项创新举措, 六大强农行动).
 */
export const PACKAGE_UNITS = ['大', '项', '条'];
export const PACKAGE_NOUNS = [
  '措施',
  '举措',
  '行动',
  '工程',
  '顽瘴痼疾',
  '指标',
  '指数',
  '制度',
  '抓手',
  '高地',
  '机制',
  '战略',
  '攻坚',
  '要求',
  '规定',
  '禁令',
];
/** Verbs after which digits count a package's items (落实62条整改措施, 涉及34项任务): not a name. */
export const PACKAGE_NOT_AFTER = [
  '落实',
  '涉及',
  '制定',
  '完成',
  '实施',
  '开展',
  '提出',
  '梳理',
  '推出',
  '形成',
  '建立',
  '发现',
  '排查',
  '查找',
  '整改',
  '出台',
  '印发',
  '修订',
  '清理',
  '达到',
  '有',
];
/** How far after the measure word the package noun may start. */
export const PACKAGE_NOUN_REACH = 4;

/** After a rate, these make it the name of a survey (据全省5‰人口变动抽样调查, 1%人口抽样调查). */
export const SURVEY_AFTER_RATE = ['人口变动抽样', '人口抽样'];

/** 每十万名人口, 每万人: the base of a rate, not a quantity. */
export const RATE_BASE_BEFORE = '每';

/** 二次转办, 二次供水, 二次开发: 二次 before a verb or noun means "second-round"; a count says 两次. */
export const SECOND_ROUND = '二次';

/** Before a bare number, these verbs make it the change of a ratio just given (城乡收入比1.85,比上年缩小0.04). */
export const RATIO_CHANGE_VERBS = ['缩小', '扩大', '下降', '上升', '提高', '降低', '增加', '减少', '缩小了', '扩大了'];

export { isHan } from '../text/chars.js';

/** True when the text at `at` starts with any of the words. */
export function startsWithAny(text: string, at: number, words: readonly string[]): string | null {
  // The first character compared by code before the whole word: most words fail there.
  const first = text.charCodeAt(at);
  for (const w of words) if ((w.charCodeAt(0) === first || w === '') && text.startsWith(w, at)) return w;
  return null;
}

/** True when the text ending at `end` ends with any of the words. */
export function endsWithAny(text: string, end: number, words: readonly string[]): string | null {
  // The last character compared by code before the whole word, as startsWithAny does the first.
  const last = text.charCodeAt(end - 1);
  for (const w of words)
    if ((w.charCodeAt(w.length - 1) === last || w === '') && end - w.length >= 0 && text.startsWith(w, end - w.length))
      return w;
  return null;
}

/**
 * Fixed phrases by the code of their first character, so a candidate checks only the phrases that
 * can start near it, and reads codes rather than making a string of each character.
 */
const PHRASES_BY_FIRST = new Map<number, string[]>();
for (const phrase of FIXED_PHRASES) {
  const first = phrase.charCodeAt(0);
  PHRASES_BY_FIRST.set(first, [...(PHRASES_BY_FIRST.get(first) ?? []), phrase]);
}
const LONGEST_PHRASE = Math.max(...FIXED_PHRASES.map((p) => p.length));
/** Their first characters: most characters around a number start none, found with one typed-array read. */
const PHRASE_STARTS = new CharSet(FIXED_PHRASES.map((p) => p[0]));

/**
 * Whether [start, end) lies inside a fixed phrase found around it. A line break (and the spaces
 * around it) inside the phrase is read over: scraped text breaks lines anywhere (十四\n五).
 */
export function insideFixedPhrase(text: string, start: number, end: number): boolean {
  for (let s = Math.max(0, start - LONGEST_PHRASE - 2); s < end; s++) {
    if (!PHRASE_STARTS.at(text, s)) continue;
    const phrases = PHRASES_BY_FIRST.get(text.charCodeAt(s));
    if (!phrases) continue;
    for (const phrase of phrases) {
      const phraseEnd = matchAcrossBreaks(text, s, phrase);
      if (phraseEnd > start) return true;
    }
  }
  return false;
}

/** End of `phrase` at `at`, reading over a line break with its spaces between two characters; -1 when absent. */
function matchAcrossBreaks(text: string, at: number, phrase: string): number {
  // Read by character code: text[j] would make a new string of each Chinese character.
  const isBreakOrSpace = (c: number) => c === NEWLINE || c === SPACE;
  let j = at;
  for (let k = 0; k < phrase.length; k++) {
    const want = phrase.charCodeAt(k);
    if (k > 0 && text.charCodeAt(j) !== want && isBreakOrSpace(text.charCodeAt(j))) {
      let b = j;
      while (b < text.length && b - j < 6 && isBreakOrSpace(text.charCodeAt(b))) b++;
      if (!text.slice(j, b).includes('\n')) return -1;
      j = b;
    }
    if (text.charCodeAt(j) !== want) return -1;
    j++;
  }
  return j;
}

const NEWLINE = 0x0a;
const SPACE = 0x20;

/** Whether [start, end) sits inside a short quotation (“三清单”, “一格两人”): a name, not a count. */
export function insideShortQuote(text: string, start: number, end: number, maxLength = 10): boolean {
  let open = -1;
  for (let i = start - 1; i >= Math.max(0, start - maxLength); i--) {
    const c = text[i];
    if (c === '“' || c === '"' || c === '「' || c === '《') {
      open = i;
      break;
    }
    if (c === '”' || c === '」' || c === '》' || c === '\n') return false;
  }
  if (open < 0) return false;
  for (let i = end; i <= Math.min(text.length - 1, open + maxLength + 1); i++) {
    const c = text[i];
    if (c === '”' || c === '"' || c === '」' || c === '》') return true;
    if (c === '“' || c === '\n' || c === '。') return false;
  }
  return false;
}
