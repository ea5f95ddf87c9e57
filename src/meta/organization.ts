// The reporting body: a named body in the title or opening (上高县司法局), else a bare reference
// (县司法局, 我局) completed with the place the text names most often.
import { isHan } from '../text/chars.js';
import { type TaggedWord, tagWords } from '../text/segmenter.js';
import { indexByFirst, mayStartAt } from '../text/wordIndex.js';
import {
  AREA_KINDS,
  AUTHOR_CUES,
  BODY_SUFFIXES,
  IMPLIED_BODIES,
  NOT_PLACES,
  OTHER_BODY_CUES,
  PLACE_LEVELS,
  SELF_REFERENCES,
} from './metaWords.js';

interface BodyMention {
  start: number;
  end: number;
  /** The place part (上高县, 青岛市即墨区, XX县); empty for a bare 县司法局. */
  place: string;
  /** A bare mention's level (县 in 县司法局). */
  level: string;
  suffix: string;
}

/** Names that stand for a withheld place: 某市生态环境局, XX县司法局. */
const PLACEHOLDER_NAMES = new Set(['某', 'X', 'x', '×', '*', '＊', '○', '〇', '_', '＿']);
/** Verbs that act on a body (推动市住建局): never the name of its place. */
const ACTING_VERBS = new Set([
  '推动',
  '推进',
  '督促',
  '指导',
  '组织',
  '协调',
  '要求',
  '邀请',
  '会同',
  '配合',
  '联合',
  '协助',
  '支持',
  '帮助',
  '争取',
  '通过',
  '经过',
  '依托',
  '根据',
  '按照',
  '对接',
  '联系',
  '提请',
  '报请',
  '参加',
  '参与',
  '召开',
  '印发',
  '转发',
  '纳入',
  '列入',
  '上报',
  '报送',
  '提交',
  '获得',
  '得到',
  '围绕',
  '聚焦',
  '服务',
  '对标',
  '学习',
  // 现将县城管局…工作总结如下: the words that hand over a report, before its author.
  '现将',
  '特将',
  '兹将',
]);
const BRANCH_AFTER = /^(?:(?![和与及])[\u4e00-\u9fa5A-Za-z]){1,6}分局/;
/** Characters no place name holds (我局在市…, 积极与区…, 全县, 各区): prepositions, pronouns, quantifiers. */
const FUNCTION_CHARS = new Set([...'的在于和与及对向从被由为了是我本该全各每局受']);
const AUTONOMOUS = new Set(['自治县', '自治州', '自治区', '自治旗']);
/** 在市司法局的有力指导下: the body that guides the author, not the author. */
const SUPERIOR_BODY_AFTER = /^的?[\u4e00-\u9fa5]{0,4}?(?:指导|领导|关心|支持)下/;
const SINGLE_LEVELS = new Set(PLACE_LEVELS.filter((l) => l.length === 1));
/** A bracketed zone right before a body's name: (经济技术开发区), (高新区), (新区). */
const ZONE_BEFORE = /\([\u4e00-\u9fa5]{1,10}(?:开发区|开区|新区|园区|试验区|合作区|示范区)\)$/;
const ZONE_REACH = 12;
/** The codes of the characters a place name can end with: 县, 区, 道 (街道)… */
const PLACE_ENDINGS = new Set(PLACE_LEVELS.map((l) => l.charCodeAt(l.length - 1)));
const NAME_TAGS = new Set(['ns', 'n', 'nr', 'nrt', 'nz', 'x', 'eng', 'v', 'a', 'j', 'nt', 'l', 'i', 'r']);

/**
 * @param normal normalised text; @param source the text as written (same offsets), from which
 * the name is copied; @param from/to the window searched first (title and opening).
 */
/**
 * A title that opens with a body named without its place (市场监督局2024年第三季度工作总结): the
 * body as the title names it is all the text says.
 */
const TITLE_BODY =
  /^\s*((?:[省市区县州旗])?[\u4e00-\u9fa5]{1,12}?(?:局|委员会|委|厅|办公室|中心))(?=\s*(?:\d{4}|关于|[一二〇○零]{4}))/;

export function organizationOf(
  normal: string,
  source: string,
  windows: [number, number][],
  title: string | null = null,
  headingTitles: readonly string[] = [],
): string | null {
  return (
    namedOrganization(normal, source, windows) ??
    titleBody(title) ??
    impliedBody(normal, source, windows, title, headingTitles)
  );
}

/** The run of place words (云和县, 赤峰市松山区) a title names, as segmentation tags them. */
function placeInTitle(title: string): string | null {
  let place = '';
  for (const w of tagWords(title)) {
    if (w.tag === 'ns' && PLACE_LEVELS.some((l) => w.word.endsWith(l)) && !NOT_PLACES.has(w.word)) place += w.word;
    // 瓜州/ns 县: a place whose name ends like a level (州) and the level after it.
    else if (place && SINGLE_LEVELS.has(w.word)) place += w.word;
    else if (place) break;
  }
  return place || null;
}

/**
 * 2022年云和县国民经济和社会发展统计公报 → 云和县统计局; a 政府工作报告 → its place's 人民政府: the
 * body a kind of report implies, with the place the title names before the cue, else the text's.
 */
function impliedBody(
  normal: string,
  source: string,
  windows: [number, number][],
  title: string | null,
  headingTitles: readonly string[],
): string | null {
  const [from, to] = windows[0];
  const opening = normal.slice(from, Math.min(to, from + 200));
  for (const { cue, suffix, sections } of IMPLIED_BODIES) {
    const inTitle = title ? cue.exec(title) : null;
    if (
      !inTitle &&
      !cue.test(opening) &&
      !(sections && sectionHeadings(headingTitles, sections) >= MIN_SECTION_HEADINGS)
    )
      continue;
    const named = inTitle ? placeInTitle(title!.slice(0, inTitle.index)) : null;
    if (named) return named + inScriptOf(normal, source, suffix);
    const place = mostFrequentPlace(normal, source, '');
    return place ? place + inScriptOf(normal, source, suffix) : null;
  }
  return null;
}

/** Headings that name a kind's sections (see IMPLIED_BODIES) before the text is taken for one. */
const MIN_SECTION_HEADINGS = 3;

/** How many headings are made of the topics in `sections` alone (农 业, 工业和建筑业, 文化、卫生和体育). */
function sectionHeadings(headingTitles: readonly string[], sections: ReadonlySet<string>): number {
  let n = 0;
  for (const title of headingTitles) {
    const topics = title.replace(/\s+/g, '').split(/[和、及与]/);
    if (topics.every((t) => sections.has(t))) n++;
  }
  return n;
}

/** The title's body without a place, when it says more than a generic name (市教育局, 市场监督局; not 司法局). */
function titleBody(title: string | null): string | null {
  const body = title ? TITLE_BODY.exec(title)?.[1] : undefined;
  if (!body) return null;
  return SINGLE_LEVELS.has(body[0]) || body.length >= 5 ? body : null;
}

function namedOrganization(normal: string, source: string, windows: [number, number][]): string | null {
  const mentions = windows.flatMap(([from, to]) => bodyMentions(normal, from, to));
  const own = mentions.filter((b) => !isOtherBody(normal, b));
  const named = own.find((b) => b.place !== '');
  if (named) return source.slice(named.start, named.end);
  const bare = own.find((b) => b.place === '') ?? selfReference(normal, windows);
  if (!bare) return null;
  const suffix = inScriptOf(normal, source, bare.suffix || mostFrequentSuffix(normal));
  const place = mostFrequentPlace(normal, source, bare.level);
  if (place && suffix) return place + suffix;
  // 县交通运输局, 我市地方税务局: with no place named, the body as the text names it.
  return bare.level && suffix ? inScriptOf(normal, source, bare.level) + suffix : null;
}

/**
 * A word the text does not spell out where it is used (a body's name put together: 瓜州縣 +
 * 统计局), written as the text writes its characters elsewhere: 統計局 in a traditional text.
 * `normal` is `source` with each character in its simplified form (same offsets).
 */
function inScriptOf(normal: string, source: string, word: string): string {
  let written = '';
  for (const c of word) {
    let as = c;
    // A text keeps to one script, a few characters aside: its first uses of the character tell.
    for (let i = normal.indexOf(c), n = 0; i >= 0 && n < SCRIPT_SAMPLES; i = normal.indexOf(c, i + 1), n++) {
      if (source[i] !== c) {
        as = source[i];
        break;
      }
    }
    written += as;
  }
  return written;
}
const SCRIPT_SAMPLES = 3;

function bodyMentions(text: string, from: number, to: number): BodyMention[] {
  const found: BodyMention[] = [];
  for (const { suffix, at: bodyAt } of suffixesIn(text, from, to)) {
    if (found.some((f) => f.end >= bodyAt + suffix.length && f.start <= bodyAt)) continue;
    // 根据《中共**县委办公室 **县人民政府办公室关于印发…》: a body in a document's title issued it.
    if (insideBookTitle(text, from, bodyAt)) continue;
    let { place, level } = placeBefore(text, bodyAt);
    if (!place && !level) continue;
    // **县, XX县: a masked name is as many placeholder characters as the text has.
    if (place && PLACEHOLDER_NAMES.has(place[0]))
      while (PLACEHOLDER_NAMES.has(text[bodyAt - place.length - 1])) place = text[bodyAt - place.length - 1] + place;
    // xx市生态环境局xx分局: a branch is the body that reports.
    const branch = BRANCH_AFTER.exec(text.slice(bodyAt + suffix.length, bodyAt + suffix.length + 10));
    const end = bodyAt + suffix.length + (branch ? branch[0].length : 0);
    found.push({ start: bodyAt - place.length - (place ? 0 : level.length), end, place, level, suffix });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Whether `at` is inside a 《…》 opened after `from`. */
function insideBookTitle(text: string, from: number, at: number): boolean {
  const open = text.lastIndexOf('《', at);
  return open >= from && text.lastIndexOf('》', at) < open;
}

/** The body suffixes a name may end with (a bare 局 is too short), by rank, indexed by their first character's code. */
const NAMING_SUFFIXES = indexByFirst(
  BODY_SUFFIXES.filter((s) => s.length >= 2).map((suffix, rank) => ({ suffix, rank })),
  (e) => e.suffix,
);

/**
 * The body suffixes in text[from, to), in the order a search of the window for each suffix in turn
 * finds them (table order, then left to right, each search resuming after what it found), but from
 * one walk over the window: a search per suffix (~90) cost a third of meta.
 */
function suffixesIn(text: string, from: number, to: number): { suffix: string; at: number }[] {
  const hits: { suffix: string; rank: number; at: number }[] = [];
  for (let at = from; at < to; at++) {
    for (const { suffix, rank } of mayStartAt(NAMING_SUFFIXES, text, at))
      if (at + suffix.length <= to && text.startsWith(suffix, at)) hits.push({ suffix, rank, at });
  }
  hits.sort((a, b) => a.rank - b.rank || a.at - b.at);
  // A search resumes after the suffix it found: an overlapping second one of the same suffix is skipped.
  let rank = -1;
  let end = -1;
  return hits.filter((h) => {
    if (h.rank === rank && h.at < end) return false;
    rank = h.rank;
    end = h.at + h.suffix.length;
    return true;
  });
}

/**
 * The chain of place names before a body, read with segmentation: 青岛市/ns, or a name followed
 * by a one-character level (即墨 区, XX 县). A level with no name before it is a bare reference.
 */
function placeBefore(text: string, at: number): { place: string; level: string } {
  // 金湾区(经济技术开发区)市场监督管理局: a zone the body also serves, bracketed between its place
  // and its name, is part of the name as written.
  const zone = ZONE_BEFORE.exec(text.slice(Math.max(0, at - ZONE_REACH), at));
  if (zone) {
    const outer = placeBefore(text, at - zone[0].length);
    return outer.place ? { place: outer.place + zone[0], level: '' } : outer;
  }
  // Every place and level read below, and the run unknownPlaceAtClauseStart takes, ends with a
  // level's last character just before the body: without one there, segmenting cannot find any.
  if (!PLACE_ENDINGS.has(text.charCodeAt(at - 1))) return { place: '', level: '' };
  const words = tagWords(text.slice(Math.max(0, at - 16), at));
  let place = '';
  let level = '';
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i];
    // 我市地方税务局, 本县司法局: the author's own level, its place named elsewhere.
    // 我受县人民政府委托 (我/受县): the author's word glued to the level is no place name either (全市 is
    // every body of the city, not the author; 从市公安局了解到 names the source of a news report).
    if (!place && w.word.length === 2 && '我本受从'.includes(w.word[0]) && SINGLE_LEVELS.has(w.word[1])) {
      level = w.word[1];
      break;
    }
    // 麻阳/苗族/自治县: an autonomous county's name is the words before it, down to the people's name.
    const autonomous = autonomousNameLength(words, i);
    if (autonomous > 0) {
      for (let k = i; k > i - autonomous; k--) place = words[k].word + place;
      i -= autonomous - 1;
      continue;
    }
    // A district jieba does not know comes out untagged (绍兴市/ns 柯桥区/x): taken after a known place.
    const unknownDistrict =
      w.tag === 'x' &&
      w.word.length >= 3 &&
      w.word.length <= 5 &&
      words[i - 1]?.tag === 'ns' &&
      /[区县市旗]$/.test(w.word);
    if (
      (w.tag === 'ns' || unknownDistrict) &&
      PLACE_LEVELS.some((l) => w.word.endsWith(l)) &&
      !NOT_PLACES.has(w.word) &&
      !AREA_KINDS.has(w.word) &&
      !AUTONOMOUS.has(w.word)
    ) {
      place = w.word + place;
      continue;
    }
    // 重庆市/璧/山区: a name whose first character segmentation cut off before a kind of area (山区),
    // after a known place or at the start.
    if (
      AREA_KINDS.has(w.word) &&
      i >= 1 &&
      words[i - 1].word.length === 1 &&
      isHan(words[i - 1].word) &&
      !FUNCTION_CHARS.has(words[i - 1].word) &&
      (i === 1 || words[i - 2].tag === 'ns')
    ) {
      place = words[i - 1].word + w.word + place;
      i--;
      continue;
    }
    // 某市, XX县 segmented as one word.
    if (w.word.length >= 2 && PLACEHOLDER_NAMES.has(w.word[0]) && SINGLE_LEVELS.has(w.word.at(-1)!)) {
      place = w.word + place;
      continue;
    }
    if (SINGLE_LEVELS.has(w.word)) {
      const name = words[i - 1];
      // 我局在市民政局…: a word that ends or starts with a function character is no place name.
      if (name && (FUNCTION_CHARS.has(name.word[0]) || FUNCTION_CHARS.has(name.word.at(-1)!))) {
        if (!place) level = w.word;
        break;
      }
      if (
        name &&
        NAME_TAGS.has(name.tag) &&
        (name.word.length >= 2 || PLACEHOLDER_NAMES.has(name.word)) &&
        name.word.length <= 4 &&
        !NOT_PLACES.has(name.word + w.word) &&
        !ACTING_VERBS.has(name.word) &&
        !OTHER_BODY_CUES.includes(name.word)
      ) {
        place = name.word + w.word + place;
        i--;
        continue;
      }
      if (!place) level = w.word;
    }
    break;
  }
  // 青檀/湾区: a known word at the end of an unknown name that opens its clause is only part of it.
  // A place of three characters or more is taken as read: the unknown one (and its segmentation) is not needed.
  if (place.length > 2) return { place, level };
  const whole = unknownPlaceAtClauseStart(text, at);
  if (whole && (!place || (whole.place.endsWith(place) && whole.place.length > place.length))) return whole;
  return { place, level };
}

/**
 * How many words, ending with words[i], make an autonomous area's name: 自治县 (州, 旗, 区), the
 * peoples before it (苗族; 土家族/苗族 of 湘西土家族苗族自治州), and the name before them, or one
 * word that segmentation knows whole; 0 when words[i] is no such level or no people and name precede it.
 */
function autonomousNameLength(words: readonly TaggedWord[], i: number): number {
  const w = words[i];
  // 长阳土家族自治县/ns: a name segmentation knows is one word.
  if (w.tag === 'ns' && w.word.length > 3 && AUTONOMOUS.has(w.word.slice(-3))) return 1;
  if (!AUTONOMOUS.has(w.word)) return 0;
  let k = i - 1;
  while (k >= 0 && words[k].word.length >= 2 && words[k].word.endsWith('族')) k--;
  return k < i - 1 && k >= 0 && isHan(words[k].word[0]) ? i - k + 1 : 0;
}

/**
 * 新晃侗族自治县 where the text names a level (县) by itself: the whole name, read back from the
 * 自治县 that ends at `end`, and where it starts; null when segmentation finds no people and name.
 */
function autonomousPlaceEndingAt(text: string, end: number): { name: string; at: number } | null {
  const from = Math.max(0, end - AUTONOMOUS_REACH);
  const words = tagWords(text.slice(from, end));
  const length = autonomousNameLength(words, words.length - 1);
  if (length === 0) return null;
  const name = words
    .slice(-length)
    .map((w) => w.word)
    .join('');
  return { name, at: end - name.length };
}
/** The longest autonomous area name looked for: 双江拉祜族佤族布朗族傣族自治县 has 13 characters. */
const AUTONOMOUS_REACH = 16;

/**
 * 2022年,紫荆滩区司法局…: a place segmentation does not know (紫荆/nr 滩区/n), taken when it opens
 * its clause, is 3 to 5 characters ending in a level, and starts with no verb or function word.
 */
function unknownPlaceAtClauseStart(text: string, at: number): { place: string; level: string } | null {
  let from = at;
  while (from > at - 6 && isHan(text[from - 1])) from--;
  if (at - from < 3 || at - from > 5 || isHan(text[from - 1])) return null;
  const run = text.slice(from, at);
  if (!SINGLE_LEVELS.has(run.at(-1)!) || [...run].some((c) => FUNCTION_CHARS.has(c)) || NOT_PLACES.has(run))
    return null;
  const first = tagWords(run)[0];
  if (!first || OPENING_TAGS_NOT_NAMES.has(first.tag) || ACTING_VERBS.has(first.word)) return null;
  return { place: run, level: '' };
}
const OPENING_TAGS_NOT_NAMES = new Set(['v', 'vn', 'vd', 'd', 'p', 'c', 'r', 'ad', 'u', 'uj', 'm', 'q', 'f', 't']);

function isOtherBody(text: string, b: BodyMention): boolean {
  if (AUTHOR_CUES.some((cue) => text.startsWith(cue, b.start - cue.length))) return false;
  const before = text.slice(Math.max(0, b.start - 2), b.start);
  // 推动市住建局工作: a body acted on.
  if (ACTING_VERBS.has(before)) return true;
  return OTHER_BODY_CUES.some((cue) => before.endsWith(cue)) || SUPERIOR_BODY_AFTER.test(text.slice(b.end, b.end + 12));
}

function selfReference(text: string, windows: [number, number][]): BodyMention | undefined {
  for (const [from, to] of windows) {
    const window = text.slice(from, to);
    const at = Math.min(...SELF_REFERENCES.map((w) => window.indexOf(w)).filter((i) => i >= 0));
    if (Number.isFinite(at)) return { start: from + at, end: from + at + 2, place: '', level: '', suffix: '' };
  }
  return undefined;
}

function mostFrequentSuffix(text: string): string {
  // One pass over the text's 局, each checked against the suffixes that end there, instead of one
  // search of the whole text per suffix (~40). Counts, and so the choice, are the same.
  const counts = new Array<number>(LONG_BUREAU_SUFFIXES.length).fill(0);
  for (let at = text.indexOf('局'); at >= 0; at = text.indexOf('局', at + 1)) {
    for (let i = 0; i < LONG_BUREAU_SUFFIXES.length; i++) {
      const suffix = LONG_BUREAU_SUFFIXES[i];
      if (at + 1 >= suffix.length && text.startsWith(suffix, at + 1 - suffix.length)) counts[i]++;
    }
  }
  let best = '';
  let most = 0;
  // The first suffix with the highest count, in BODY_SUFFIXES order (as the stable sort gave).
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] > most) {
      most = counts[i];
      best = LONG_BUREAU_SUFFIXES[i];
    }
  }
  return best;
}
const LONG_BUREAU_SUFFIXES = BODY_SUFFIXES.filter((s) => s.length >= 3 && s.endsWith('局'));

/**
 * The most frequent place of the given level (县, 区, …) named in the text, seen at least twice or
 * the only one named, spelled as the source writes it (宿松縣). A candidate must read as a place
 * name to segmentation (定安县/ns), so 积极与区… never yields 极与区; masked names (XX区) count too.
 */
function mostFrequentPlace(text: string, source: string, level: string): string | null {
  // Most frequent first, the first named among equals. Only whether a name reads as a place needs
  // segmentation, so it is asked in that order and no further than the answer needs: the first
  // that reads as one is the best; one seen once must also be the only one. (Asking every name
  // cost ~1800 segmentations a pass of the bench corpus.)
  const ranked = [...placeCounts(text, level).values()].sort((a, b) => b.n - a.n);
  const best = ranked.findIndex((c) => readsAsPlaceName(c.name));
  if (best < 0) return null;
  const { name, n, at } = ranked[best];
  // Seen twice, or the only place of that level the text names at all.
  if (n < 2 && ranked.slice(best + 1).some((c) => readsAsPlaceName(c.name))) return null;
  return source.slice(wholePlaceStart(text, at, name), at + name.length);
}

/**
 * Where the place found at `at` starts as the text names it: a name longer than the two characters
 * a level is searched with (马鞍山市, not 鞍山市), and the city or county that contains it written
 * right before it (珠海市斗门区; not a province), as segmentation reads them.
 */
function wholePlaceStart(text: string, at: number, name: string): number {
  // Nothing to read before a mark, a date or a function character (2023年平昌县, 在平昌县): not segmented.
  const before = text[at - 1];
  if (!before || !isHan(before) || FUNCTION_CHARS.has(before) || NOT_BEFORE_A_PLACE.has(before)) return at;
  const from = Math.max(0, at - WHOLE_PLACE_REACH);
  const words = tagWords(text.slice(from, at + name.length));
  let start = at + name.length;
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i];
    const isLast = i === words.length - 1;
    // The word ending where the name ends: the name itself, or a place word it is the end of.
    if (isLast ? !(w.word === name || (w.tag === 'ns' && w.word.endsWith(name))) : !isPlaceWord(w)) break;
    start -= w.word.length;
  }
  return Math.min(start, at);
}
/** Characters that end a date or a count, never a place's name: 年, 月, 日, 个… */
const NOT_BEFORE_A_PLACE = new Set([...'年月日个名位项']);
/** How far before a place its containing places are read: 内蒙古自治区呼和浩特市 has 10 characters. */
const WHOLE_PLACE_REACH = 10;
/** A place that may contain another before it: a city or a county, not a province (a body's name leaves it out). */
const isPlaceWord = (w: TaggedWord) =>
  w.tag === 'ns' &&
  w.word.length >= 2 &&
  !w.word.endsWith('省') &&
  PLACE_LEVELS.some((l) => w.word.endsWith(l)) &&
  !NOT_PLACES.has(w.word);

/**
 * How often each candidate place name of the level (区, 县 and 市 when none is given) occurs, and
 * where first, in the order first named; names that cannot be places (法治县, 极与区) left out.
 */
function placeCounts(text: string, level: string): Map<string, { name: string; n: number; at: number }> {
  const levels = level ? [level] : ['区', '县', '市'];
  const counts = new Map<string, { name: string; n: number; at: number }>();
  for (const l of levels) {
    for (const found of placeNames(text, l)) {
      // 苗族自治县: the name ends a longer one (麻阳苗族自治县), read whole.
      const m = (found.name === `自治${l}` && autonomousPlaceEndingAt(text, found.at + found.name.length)) || found;
      const name = m.name;
      const seen = counts.get(name);
      if (seen) {
        seen.n++;
        continue;
      }
      // 依法治县 → 法治县, 苗族自治县 → 自治县: not names.
      if (
        NOT_PLACES.has(name) ||
        NOT_PLACES.has(name.slice(1)) ||
        [...name.slice(0, -1)].some((c) => FUNCTION_CHARS.has(c)) ||
        name[1] === '治' ||
        ACTING_VERBS.has(name.slice(0, 2))
      )
        continue;
      counts.set(name, { name, n: 1, at: m.at });
    }
  }
  return counts;
}

/** A masked name (XX区) counts as a place; any other must read as one to segmentation (定安县/ns). */
const readsAsPlaceName = (name: string) => PLACEHOLDER_NAMES.has(name[0]) || readsAsPlace(name);

/** A place name of one level: two characters, a masked name (XX, **) or 某, then the level; made once a level. */
const placeNamePatterns = new Map<string, RegExp>();
function placeNamePattern(level: string): RegExp {
  let pattern = placeNamePatterns.get(level);
  if (!pattern) {
    pattern = new RegExp(`(?:[\\u4e00-\\u9fa5]{2}|[Xx×*]{1,3}|某)${level}`, 'y');
    placeNamePatterns.set(level, pattern);
  }
  return pattern;
}

/**
 * The place names of a level in the text, as a global search for placeNamePattern finds them (leftmost,
 * not overlapping), but tried only where one can start: one to three characters before a level
 * character, found by indexOf. A search trying every position of the text cost a tenth of meta.
 */
function* placeNames(text: string, level: string): Generator<{ name: string; at: number }> {
  const pattern = placeNamePattern(level);
  /** Where the last name ended: names do not overlap. */
  let next = 0;
  /** Positions before this were tried already (for the level character before). */
  let untried = 0;
  for (let q = text.indexOf(level); q >= 0; q = text.indexOf(level, q + 1)) {
    for (let p = Math.max(next, untried, q - 3); p < q; p++) {
      pattern.lastIndex = p;
      const m = pattern.exec(text);
      if (!m) continue;
      yield { name: m[0], at: p };
      next = p + m[0].length;
      p = next - 1;
    }
    untried = Math.max(untried, q);
  }
}

/** 定安县 is one place word to segmentation; 极与区 is three pieces. */
function readsAsPlace(name: string): boolean {
  const words = tagWords(name);
  // A known place is one word (its tag varies: 宿松县/nr, 硚口区/v); an unknown one is a name-like
  // word and its level (即墨/v 区), never a common noun (区委 区) or function words (极 与 区).
  if (words.length === 1) return !FUNCTION_TAGS.has(words[0].tag);
  // 坪/ns 山区/ns: a name cut into place words is still one place.
  if (words.every((w) => w.tag === 'ns')) return true;
  // 新晃/侗族/自治县: an autonomous area's name, its peoples and its level.
  if (autonomousNameLength(words, words.length - 1) === words.length) return true;
  return (
    words.length === 2 &&
    words[0].word.length === 2 &&
    SINGLE_LEVELS.has(words[1].word) &&
    UNKNOWN_NAME_TAGS.has(words[0].tag)
  );
}
const FUNCTION_TAGS = new Set(['d', 'p', 'c', 'u', 'uj', 'r', 'm', 'q', 'f']);
const UNKNOWN_NAME_TAGS = new Set(['ns', 'nr', 'nz', 'nrt', 'x', 'v', 'j']);
