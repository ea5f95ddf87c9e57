// The words the indicator finder strips or stops at, as data.

/** Ends a clause: the indicator never reaches across one. (Normalised text: half-width forms.) */
export const CLAUSE_DELIMITERS = new Set([',', ';', ':', '。', '!', '?', '(', ')', '、', '\n', '[', ']', '【', '】']);

/**
 * Stripped from the end of the phrase before a number, repeatedly: link verbs, comparisons,
 * change verbs, rank frames and adverbs that stand between what is measured and its value.
 * Longest first where one word ends another.
 */
export const TRAILING_WORDS = [
  '平均',
  '至少', '最少', '最多', '不低于', '不少于', '不超过', '不高于', '不多于', '低于', '高于', '少于', '多于',
  '稳定在', '维持在', '保持在', '控制在', '控制到', '控制', '提升至', '提升到', '提高到', '提高至', '上升到', '上升至', '下降到', '下降至',
  '增长到', '增长至', '增加到', '增加至', '减少到', '减少至', '降低到', '降低至', '达到了', '分别为', '分别是',
  '与上年同期', '与去年同期', '和上年同期', '同上年同期', '较去年同期', '比去年同期', '较上年同期', '比上年同期', '与去年同期相比', '与上年相比', '与去年相比', '较上一年度', '较上一年',
  '较上年度', '较上年', '比上年', '较去年', '比去年', '同比', '环比', '同期',
  '同比增长率', '增长率', '下降率', '提高幅度', '增长幅度', '下降幅度', '下跌', '上涨', '增幅', '降幅', '涨幅', '减幅', '净增', '净减', '前进', '后退', '进步', '退步', '改善',
  '达到', '达', '为', '是', '保持', '实现', '降至', '降到', '上升', '下降', '增长', '增加', '减少', '降低', '提高', '提升',
  '分别', '共计', '累计', '合计', '总计', '共有', '共', '计', '约', '近', '将近', '接近', '超过', '超', '逾', '了', '已',
  '均', '全部', '位列', '位居', '名列', '排名', '排在', '排', '居', '列', '全国', '全省', '全市', '全区', '全县',
  '较多', '较少', '常态化', '等', '的', '即', '亦', '而', '有', '仅', '只', '能', '将', '要', '可', '再', '又', '还', '都', '各',
  // prepositions left dangling once the rest is stripped: 并在三个片区 → 在
  '在', '对', '向', '从', '于', '把', '给', '与', '和', '为了',
];

/**
 * Two-character words whose last character is also a one-character trailing word above: the
 * 为 of 违法行为 and the 计 of 统计 are not link words to strip.
 */
export const WORDS_ENDING_IN_LINK_CHAR = new Set([
  '行为', '作为', '成为', '认为', '视为', '较为', '更为', '最为', '极为', '尤为', '因为', '以为', '称为', '列为',
  '就是', '还是', '总是', '或是', '于是', '但是', '凡是', '若是', '要是',
  '到达', '下达', '表达', '传达', '通达', '抵达', '送达', '直达',
  '没有', '所有', '拥有', '具有', '享有', '现有', '特有', '持有', '占有', '原有', '固有',
  '公共', '总共', '统计', '会计', '设计', '审计', '估计', '生计', '伙计', '大计',
  '功能', '职能', '技能', '效能', '智能', '可能', '性能', '动能', '体能', '产能', '节能', '潜能',
  '主要', '需要', '重要', '纪要', '概要', '摘要', '必要', '首要', '次要',
  '存在', '所在', '现在', '实在', '内在', '外在', '自在', '正在',
  '针对', '面对', '应对', '核对', '比对', '反对', '绝对', '相对', '对对',
  '关于', '由于', '对于', '属于', '位于', '等于', '至于', '处于', '善于', '基于', '终于', '用于', '多于', '少于', '低于', '高于',
  '参与', '给与', '授与', '赋与', '和与',
  '调和', '平和', '温和', '总和', '共和', '缓和', '饱和', '谐和',
  '并列', '系列', '行列', '陈列', '序列', '排列', '下列', '上列', '前列',
  '安排', '编排', '彩排', '首排', '后排',
  '民居', '新居', '邻居', '家居', '旧居', '故居', '定居', '聚居', '分居',
  '平等', '对等', '同等', '相等', '中等', '上等', '高等', '初等', '次等', '头等', '优等', '特等', '一等', '二等', '三等',
  '为了', '除了', '罢了', '算了', '完了',
  '人均', '户均', '亩均', '日均', '月均', '年均', '场均', '件均',
  '立即', '随即', '当即', '旋即', '然而', '因而', '从而', '进而', '继而', '反而',
  '目的', '有的', '别的', '似的', '是的',
  '不仅', '非仅', '而已',
  '必将', '即将', '终将', '行将',
  '不可', '许可', '认可', '宁可', '只可', '尚可',
]);

/** Stripped from the start: connectives, subjects, time words. Periods are stripped separately. */
export const LEADING_WORDS = [
  '其中', '共有', '有', '确保', '力争', '预计', '有望', '力求', '此外', '另外', '同时', '并且', '并', '还', '另', '均', '已', '先后', '目前', '当前', '现有', '年底', '年末',
  '全年', '全县', '全区', '全市', '全省', '我局', '我县', '我区', '我市', '本局', '累计', '共计', '合计', '总计', '共',
  '分别', '今年', '去年', '年内', '将', '即', '而', '亦',
];

/**
 * Enumeration words that open a clause (一是…, 其三…, 首先…): they number the item, they do not
 * name what is measured.
 */
export const ENUMERATION_LEAD = /^(?:(?:计划|拟)(?=完成|实施|投资|新建|建设|开展|安排|新增|改造|种植|投入|举办|组织|建成|修建|培训)|[一二三四五六七八九十]{1,3}是|其[一二三四五六七八九十]|首先|其次|再次|最后|第[一二三四五六七八九十]{1,3}(?=[,、]))/;

/** A word after which the indicator starts afresh: 法律服务中心共接待群众… → 接待群众… */
export const RESTART_AFTER_WORDS = new Set(['共', '共计', '累计', '合计', '总计', '共有', '其中']);

/** jieba tags that end the noun phrase after a number (35家单位联合聘请 → 单位). */
export const STOP_TAGS = new Set(['v', 'p', 'd', 'f', 'r', 'm', 'q', 'uj', 'ul', 'uz', 'ug', 'uv', 'ud', 'u', 'y', 'e', 'o', 'vd', 'ad', 'mq']);

/** Words jieba tags as nouns that still end the phrase: 1个法律服务所人员全部进网格 → 法律服务所人员. */
export const FOLLOWING_STOP_WORDS = new Set(['全部', '全体', '均', '都', '已', '正在', '共', '分别', '各', '其中', '目前', '排名', '位居', '位列', '名列', '排在', '第']);

/** Conjunctions that end it (4个律所和1个…); jieba's other 'c' tags on short fragments are often wrong (律所 → 律/所). */
export const CONJUNCTIONS = new Set(['和', '与', '及', '以及', '并', '并且', '或', '或者', '而', '但', '同时', '且']);

/**
 * Verbs that work as nouns inside a compound (合法性审核意见, 执法领域, 法治保障中心, 案卷联审): they
 * continue the phrase where another verb would end it.
 */
export const NOMINAL_VERBS = new Set([
  '审核', '审查', '监督', '执法', '管理', '服务', '调解', '评查', '检查', '保障', '联审', '考核', '培训', '教育',
  '宣传', '咨询', '援助', '救助', '矫正', '帮教', '治理', '建设', '改革', '审批', '备案', '调处', '排查', '监管',
  '统计', '评估', '安置', '维护', '防控', '整治', '执行', '协调', '指导', '鉴定', '公证', '仲裁', '复议', '应诉', '举措', '措施',
  '低保', '补贴', '补助', '生活', '养老', '医疗', '就业', '创业', '体检', '保险', '一次性', '慰问', '走访',
]);

/** In the clause before a rank or rate with nothing named next to it, the rate term (部门满意率). */
export const RATE_TERM = /[\u4e00-\u9fa5]{1,10}?(?:率|(?<![年季制程力])度|指数|比例|比重|评价|测评|考核|评估|增速)/;

export const MAX_INDICATOR_LENGTH = 16;

/** Verbs that open a description of what is counted (1名具有…资格的人员), not an activity. */
export const ATTRIBUTIVE_VERBS = new Set(['具有', '具备', '拥有', '持有', '取得']);

/** Verbs that spend or raise money and name nothing by themselves: 投入1721万元，开展… */
export const FUNDING_VERBS = new Set(['投入', '投资', '花费', '支出', '拨付', '安排', '筹集', '筹措', '争取', '落实', '下达', '拨款', '出资']);
/** A clause after a sum that says what it is for starts with one of these. */
export const PURPOSE_VERBS = ['用于', '开展', '实施', '采购', '购置', '建设', '新建', '改造', '修建', '打造', '建成'];

/**
 * A comparison frame ending the phrase before a number names the base, not what is measured:
 * 比2019年增长12.15%, 与上月相比上升44.4%, 相比去年同期增加2起.
 */
export const COMPARISON_FRAME = /(?:较|比|与)[^,;。]{0,12}?(?<![减增缺至很提升最较])[高低快慢多少]$|(?:与|同|和|相)?(?:相比|比|较)(?:\d{2}(?:\d{2})?年|[〇○零一二三四五六七八九]{4}年|去年|上年度?|上一年度?|上月|上季度|上期|同期)+(?:同期)?(?:相比|相较)?$|(?:与|同|和)(?:\d{4}年|去年|上年度?|上一年度?|上月|上季度|上期|同期)+相比$/;

/** 低于省控线, 高于全市GDP增速: the benchmark a rate is compared with; what is measured stands before it. */
export const BENCHMARK_WORDS = ['高于', '低于', '快于', '慢于', '优于', '超出']; // all two characters: see indicator.ts

/** The verbs that place something in a ranking: 综合指数在15个区县排名第10位, 得分列全省第一. */
export const RANK_VERBS = ['位居', '位列', '名列', '排名', '排在', '排位', '位次', '居', '列', '排'];
/** Words before a rank verb that name no indicator of their own: the rate is in the clause before. */
export const RANK_GENERIC = new Set(['得分', '成绩', '排名', '名次', '位次', '综合']);
/** 柯桥区列全省区县市第一: a place before the ranking verb is who ranks, not what is ranked. */
export const RANKED_PLACE = /^(?:我|本|全)?[\u4e00-\u9fa5]{0,6}[省市区县州旗镇乡]$/;
