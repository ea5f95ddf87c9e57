// Words around a number that qualify it, as data.
import type { Approx, Change } from '../model/schema.js';

/** Right before the number (not part of raw): 近5000人次, 约30%, 超98%. Longest first. */
export const APPROX_BEFORE: { word: string; approx: Exclude<Approx, null> }[] = [
  { word: '将近', approx: 'nearly' },
  { word: '接近', approx: 'nearly' },
  { word: '近', approx: 'nearly' },
  { word: '大约', approx: 'about' },
  { word: '约', approx: 'about' },
  { word: '大概', approx: 'about' },
  { word: '超过', approx: 'more_than' },
  { word: '多于', approx: 'more_than' },
  { word: '高于', approx: 'more_than' },
  // 至少培养1名, 不少于50场: a lower bound, like 以上 after the number.
  { word: '不少于', approx: 'more_than' },
  { word: '不低于', approx: 'more_than' },
  { word: '至少', approx: 'more_than' },
  { word: '突破', approx: 'more_than' },
  { word: '逾', approx: 'more_than' },
  { word: '超', approx: 'more_than' },
  { word: '上', approx: 'more_than' },
];

/** Right after the raw: 1500万元左右, 万分之十以上. */
export const APPROX_AFTER: { word: string; approx: Exclude<Approx, null> }[] = [
  { word: '以上', approx: 'more_than' },
  { word: '多', approx: 'more_than' },
  { word: '左右', approx: 'about' },
  { word: '上下', approx: 'about' },
];

/** A change verb ending right before the number (了 and approx words may stand between). */
export const CHANGE_WORDS: { word: string; change: Exclude<Change, null> }[] = [
  ...[
    '增长率',
    '提高幅度',
    '增长幅度',
    '上升幅度',
    '上升',
    '增长',
    '提高',
    '增加',
    '提升',
    '上涨',
    '增幅',
    '涨幅',
    '增速',
    '净增',
    '改善',
    '前进',
    '进步',
    '上移',
    '增',
    '多',
    '攀升',
    '扩大',
    '涨',
    '新增',
  ].map((word) => ({ word, change: 'up' as const })),
  ...[
    '下降率',
    '下降',
    '下跌',
    '减少',
    '降低',
    '下滑',
    '回落',
    '降幅',
    '下降幅度',
    '降低幅度',
    '减幅',
    '压降',
    '压减',
    '削减',
    '缩减',
    '缩小',
    '净减',
    '恶化',
    '后退',
    '退步',
    '下移',
    '减',
    '降',
    '少',
  ].map((word) => ({ word, change: 'down' as const })),
];
/** Before a count, 提升 and 提高 improve something (强提升五个专项活动); only these mean more or fewer. */
export const COUNT_CHANGE_WORDS = new Set([
  '新增',
  '增长',
  '增加',
  '减少',
  '下降',
  '上升',
  '降低',
  '净增',
  '净减',
  '增',
  '减',
  '多',
  '少',
  '前进',
  '后退',
  '进步',
  '退步',
  '上移',
  '下移',
]);
/**
 * For an index or a concentration less is better: 改善 (and 好转) of one is a fall (综合指数同比改善6.3%,
 * 细颗粒物浓度改善9.1%).
 */
export const IMPROVEMENT_WORDS = ['改善', '好转'];
export const LESS_IS_BETTER = /指数|浓度|PM2\.5|PM10|细颗粒物|可吸入颗粒物|二氧化硫|二氧化氮|臭氧|一氧化碳/;

/** Single characters that are change words only right after a comparison (同比增, 较上年少). */
// 人口自然增长率2.2‰ is a level; 同比增长率470% a change. 比上年新增1547人 is a change; 新增就业 a level.
export const WEAK_CHANGE_WORDS = new Set(['增', '多', '涨', '减', '降', '少', '增长率', '下降率', '新增']);
export const COMPARISON_WORDS = ['同比', '环比', '较上年', '比上年', '较去年', '比去年', '较', '比'];

/** 增幅达15%, 降幅为8%: a rate-of-change noun may be linked to its number by these. */
export const CHANGE_NOUN_LINKS = ['分别达到', '分别达', '分别为', '达到', '达', '为', '是'];
export const CHANGE_NOUNS = new Set([
  '增幅',
  '降幅',
  '涨幅',
  '减幅',
  '增速',
  '提高幅度',
  '增长幅度',
  '上升幅度',
  '下降幅度',
  '降低幅度',
]);

/** After the change verb, these make it a level reached, not a change: 提升至90%, 提高到95%. */
export const LEVEL_MARKERS = ['至', '到'];

/** Earlier in the sentence, these make a metric a goal rather than a result. */
// 计划 and 争取 are left out on purpose: 计划 is mostly a noun (学习计划, 微光计划) and 争取 mostly
// means "secured" (争取上级资金1688万元) in review text.
/** The goal words a ; may cut off (see isTarget). */
export const TARGET_WORDS = [
  '力争',
  '确保',
  '目标',
  '预计',
  '能达到',
  '有望',
  '力求',
  '预期',
  '将达到',
  '要达到',
  '努力实现',
  '任务是',
  '任务为',
];
/** 完成全年目标任务89.6%: 目标 after these is a result measured against a goal. */
export const TARGET_WORD_NEGATORS = ['完成', '实现', '超额完成'];

/**
 * 计划 and 拟 are goals only as verbs' auxiliaries (计划完成各类水利工程1911件, 拟新建中转站17座),
 * not as nouns (学习计划, 拟定); 任务 right before a number states the quota (任务14815亩).
 */
export const PLAN_AUXILIARY =
  /(?<![按照])计划(?=完成|实施|投资|新建|建设|开展|安排|新增|改造|种植|投入|举办|组织|建成|修建|培训|招|用|于|在|年内|全年)|(?<![模虚草比])拟(?=新建|建设|建|投资|实施|开展|安排|新增|于|用|招)/g;
/**
 * The figure of a goal itself, right after the goal's name: 完成人工造林17015.5亩(任务14815亩),
 * 完成年目标任务12500人的98.5%, 比省控目标5.5%低…, 实现了省定的目标值(90%).
 */
export const GOAL_FIGURE_BEFORE = /(?:目标(?:值|任务)?|计划任务|(?:^|[,;:(])任务)(?:为|是)?\(?$/;
/**
 * The rate a requirement sets, right after it: 接种率95.47%，达到国家要求的90%以上; 高于省定标准的95%
 * (the result beside it is measured against it).
 */
export const REQUIRED_FIGURE_BEFORE = ['要求的', '标准的'];
/** 完成年度计划的104.2%, 完成预算的57.8%: a clause opening with 完成 and ending in 的 measures a result against a plan. */
export const RESULT_AGAINST_PLAN = /(?:^|[,;:(])(?:已|实际|累计|共)?完成[^,;:()]*的$/;
/** A clause with one of these reports a result: a goal stated before it does not reach past it. */
export const RESULT_OPENER = /实际|已经|已(?!知)|截至|截止|目前/;
/** A goal stated earlier does not reach past these: 预计年产值4亿元，但3家企业… */
export const TARGET_SCOPE_BREAK = /但是|但|然而|不过/;
/** Forecast words: with no number in their own clause (预计排名靠前) they reach no figure after it. */
export const FORECAST_WORDS = new Set(['预计', '有望', '预期']);
/** Before 目标 in its clause, these make it the benchmark of a comparison (较市定目标高出6.2个百分点). */
export const BENCHMARK_BEFORE_GOAL = /(?:较|比|超出|高于|低于|超过|对照|对比)[^,;:()]{0,10}$/;
/** 计划, 拟, 需 as words of their own before a verb are auxiliaries of a goal (计划开工, 拟申请, 需自筹). */
export const PLAN_AUXILIARY_WORDS = new Set(['计划', '拟', '需']);
/**
 * Auxiliaries that state what is needed, not a plan: a need is stated item by item, so 需 governs
 * only its own clause (镇村需自筹配套资金5.4亿元), never the figures of the clauses after it.
 */
export const NEED_WORDS = new Set(['需']);
/**
 * Heads that make 需 + verb a category of who or what is in need (因旱需救助人口11万人,
 * 需帮扶对象320户, 需转移安置人员): a word ending in one, within three words of the verb, makes
 * the clause a description, not a goal.
 */
export const NEEDY_HEADS = new Set([
  '人口',
  '人员',
  '人数',
  '群众',
  '对象',
  '家庭',
  '户',
  '面积',
  '学生',
  '儿童',
  '老人',
]);
export const PLAN_AUXILIARY_HINT = /计划|拟|需/;
/** Words before 计划 that make it a noun (按计划, 学习计划). Verbs and prepositions before it do too. */
export const PLAN_NOUN_BEFORE = new Set([
  '按',
  '按照',
  '依照',
  '依据',
  '根据',
  '照',
  '工作',
  '年度',
  '学习',
  '原',
  '原定',
]);

/** 到2022年底…: a deadline after the year reviewed states a goal (see isTarget). */
export const DEADLINE = /到(\d{4})年(?:底|末)?/g;

/** Right after the metric in its clause, these make it an expectation: 4个村有望被命名. */
export const TARGET_WORDS_AFTER = ['有望', '预计', '力争', '确保'];

/**
 * 完成目标任务的130.26%: 目标 followed by its share is a result measured against a goal, and does
 * not make the rest of the sentence a goal either.
 */
export const TARGET_SHARE_AFTER = /^(?:任务)?的?\d|^(?:管理|考核|责任|绩效)/;

/** 较全省总体增速高1.87个百分点, 比上年少3件: a comparison, then a one-character direction right before the number. */
export const COMPARED_DIRECTIONS: Record<string, Exclude<Change, null>> = {
  高: 'up',
  快: 'up',
  多: 'up',
  低: 'down',
  慢: 'down',
  少: 'down',
};
export const COMPARISON_OPENERS = ['较', '比', '与', '同'];

/**
 * 低于省控线0.84个百分点, 高于全市平均水平5.7个百分点: a rate compared with a benchmark named
 * between the comparison word and the number.
 */
export const BENCHMARK_COMPARISONS: { word: string; change: Exclude<Change, null> }[] = [
  ...['高于', '快于', '优于', '超出', '超过', '多于'].map((word) => ({ word, change: 'up' as const })),
  ...['低于', '慢于', '少于'].map((word) => ({ word, change: 'down' as const })),
];

/** Inside a plan section, these mark a sentence as reporting a result already achieved. */
export const RESULT_MARKERS = ['今年', '已经', '已', '了', '截至', '截止', '完成了', '累计'];

/** Within a review paragraph, a sentence with one of these starts a stretch of plans. */
export const PLAN_OPENERS = ['下一步', '明年', '今后', '接下来'];

/**
 * Periods a sentence may state, in the order they are tried; each matched on the normalised text.
 * `holds` is text every match of the pattern contains: a sentence without it is not searched (a
 * pattern opening with a character class, like the 期间 one, otherwise tries every position).
 */
export const PERIOD_PATTERNS: { pattern: RegExp; holds?: string }[] = [
  { pattern: /截[至止](?:目前|今年|今|\d{4}年)?(?:\d{1,2}月(?:底|末|\d{1,2}日)?|年底|年末|目前)?/, holds: '截' },
  { pattern: /\d{4}年(?:上半年|下半年|前三季度|第?[一二三四]季度|\d{1,2}[-~至]\d{1,2}月|度)?/, holds: '年' },
  { pattern: /\d{1,2}[-~至]\d{1,2}月(?:份)?/, holds: '月' },
  { pattern: /(?<![\d.])\d{1,2}月(?:份|底|末|初|上旬|中旬|下旬)?/, holds: '月' },
  // 上年 and 去年 are left out: after 比/较 they are the base of a comparison, not the period reported.
  { pattern: /(?![在于])[\u4e00-\u9fa5]{2,4}期间(?!内)/, holds: '期间' },
  { pattern: /[从自]\d{1,2}月份?(?:开始|起|以来)/, holds: '月' },
  { pattern: /今年以来|年初以来|今年上半年|今年前三季度|上半年|下半年|前三季度|[一二三四]季度|全年|今年|目前/ },
];
