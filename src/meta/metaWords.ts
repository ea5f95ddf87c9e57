// Words that name a reporting body, a report's kind and its page-header fields, as data.
import { BULLETIN_TOPICS } from '../text/bulletinTopics.js';

/** What a reporting body's name ends with. Longest first. */
export const BODY_SUFFIXES = [
  '粮食和物资储备局',
  '人力资源和社会保障局',
  '住房和城乡建设局',
  '民族宗教事务局',
  '政务服务管理局',
  '政务服务数据管理局',
  '市场监督管理局',
  '退役军人事务局',
  '卫生健康委员会',
  '卫生健康委',
  '地方税务局',
  '国家税务局',
  '发展和改革委员会',
  '林业和草原局',
  '行政审批服务局',
  '行政审批局',
  '工业和信息化局',
  '文化和旅游局',
  '文化广电旅游局',
  '乡村振兴局',
  '农业农村局',
  '生态环境局',
  '自然资源局',
  '自然资源和规划局',
  '交通运输局',
  '应急管理局',
  '医疗保障局',
  '卫生健康局',
  '卫生和计划生育局',
  '市场监管局',
  '综合执法局',
  '城市管理局',
  '公共法律服务中心',
  '法律援助中心',
  '法律服务所',
  '公证处',
  '司法所',
  '数据局',
  '机关事务管理局',
  '卫生和计划生育委员会',
  '卫生计生委',
  '卫计委',
  '市场监督局',
  '投资促进局',
  '经济和信息化局',
  '教育体育局',
  '教育和体育局',
  '人防办',
  '信访办',
  '人民检察院',
  '人民法院',
  '人民政府',
  '委员会',
  '办公室',
  '管理局',
  '司法局',
  '公安局',
  '民政局',
  '财政局',
  '教育局',
  '统计局',
  '税务局',
  '审计局',
  '信访局',
  '林业局',
  '水利局',
  '商务局',
  '气象局',
  '档案局',
  '科技局',
  '体育局',
  '人社局',
  '住建局',
  '文旅局',
  '卫健委',
  '发改委',
  '医保局',
  '城管局',
  '司法厅',
  '公安厅',
  '民政厅',
  '财政厅',
  '局',
  '厅',
  '委',
];

/** Administrative levels that end a place name: 上高县, 即墨区, 青岛市. */
export const PLACE_LEVELS = [
  '自治区',
  '自治州',
  '自治县',
  '省',
  '市',
  '州',
  '盟',
  '区',
  '县',
  '旗',
  '镇',
  '乡',
  '街道',
];

/** Two-character words that end in 区/县/市 but are not places (开发区, 社区, 城区…). */
export const NOT_PLACES = new Set([
  '开发区',
  '示范区',
  '经开区',
  '保护区',
  '功能区',
  '试验区',
  '主城区',
  '新城区',
  '老城区',
  '风景区',
  '旅游区',
  '工业区',
  '商业区',
  '生活区',
  '居住区',
  '高新区',
  '集聚区',
  '聚集区',
  '安置区',
  '核心区',
  '先行区',
  '自贸区',
  '街道区',
  '各县区',
  '市县区',
  '省市县',
  '各县市',
  '城市',
  '都市',
  '超市',
  '上市',
  '夜市',
  '股市',
  '楼市',
  '集市',
  '门市',
  '全市',
  '我市',
  '本市',
  '该市',
  '全县',
  '我县',
  '本县',
  '全区',
  '我区',
  '本区',
  '辖区',
  '社区',
  '城区',
  '园区',
  '景区',
  '片区',
  '小区',
]);

/**
 * Kinds of area, which segmentation tags as places (山区/ns) but which name none by themselves; a
 * name ending in one is cut apart (重庆市/璧/山区). Not in NOT_PLACES: 坪山区 is a district.
 */
export const AREA_KINDS = new Set([
  '山区',
  '郊区',
  '矿区',
  '林区',
  '牧区',
  '老区',
  '灾区',
  '库区',
  '湖区',
  '垦区',
  '校区',
  '营区',
]);

/** Words before a body that make it some other body than the author (代表南通市司法局参加…). */
export const OTHER_BODY_CUES = [
  '代表',
  '被',
  '向',
  '经',
  '由',
  '协助',
  '配合',
  '联合',
  '与',
  '和',
  '及',
  '会同',
  '报',
  '报送',
];

/** Before a body, these make it the author speaking for it (我代表县人民政府向大会报告工作). */
export const AUTHOR_CUES = ['我代表', '受'];

/**
 * A report of a kind only one body writes, whose author goes unnamed: a 统计公报 is the statistics
 * bureau's, a 政府工作报告 the government's. The place is the one the title or the text names.
 */
export const IMPLIED_BODIES: { cue: RegExp; suffix: string; sections?: ReadonlySet<string> }[] = [
  { cue: /统计公报/, suffix: '统计局', sections: BULLETIN_TOPICS },
  { cue: /政府工作报告|代表[^。]{0,12}人民政府[,，]?向大会报告/, suffix: '人民政府' },
];

/** A bare reference to the author whose place must be found elsewhere in the text. */
export const SELF_REFERENCES = ['我局', '本局', '我委', '本委', '我厅', '本厅', '我办', '本办'];

/** Opening words that make a report a plan: 总体工作思路, 工作计划, 工作要点. */
export const PLAN_OPENING = /工作思路|工作计划|工作打算|工作要点|工作安排|思路是|计划是/;
export const REVIEW_OPENING = /总结|以来|开展情况|完成情况|取得/;

/**
 * An opening or a run-in title that announces both parts: 今年工作总结及明年工作计划汇报如下,
 * 年度工作总结及来年工作打算, 2024年工作总结和2025年工作计划; and a 政府工作报告, which reviews
 * the year past and sets the year's goals.
 */
export const BOTH_OPENING =
  /总结(?:及|和|与|暨|以及)(?:明年|来年|下一?年度?|今后|\d{4}年|[二〇○零一二三四五六七八九十]{2,4}年|下步|下一步)?(?:度)?(?:的)?(?:工作)?(?:计划|打算|思路|安排|要点|设想)|政府工作报告|代表[^。]{0,12}人民政府[,，]?向大会报告/;

/** A site's category label on a line of its own (计划总结, 工作总结范文): no title. */
export const SITE_LABEL = /^(?:工作|年度|个人|范文|精选|大全|计划|总结|报告|汇报|心得|体会|方案|规划|[\s、|/])+$/;

export const TITLE_WORDS = /总结|计划|思路|打算|报告|要点|情况|公报|方案|安排/;

/** A title's own word for what the report is: 工作总结 reviews, 工作计划/要点/思路 plans. */
export const TITLE_REVIEW = /总结|回顾|完成情况|开展情况|工作情况|年度报告|统计公报/;
export const TITLE_PLAN = /计划|要点|思路|打算|安排|设想|规划|展望|谋划|下一步|方案/;

/** A site's navigation trail (首页 > 政务公开 > 规划计划), never a title. */
export const BREADCRUMB = /[>＞»›]|当前位置|您的位置|首页/;

export const DOCUMENT_NUMBER = /^[0-9A-Z]{8,}[/-]\d{4}-\d{1,8}$|[\u4e00-\u9fa5]{1,8}[〔[(【]\d{4}[〕\])】]\d{1,5}号/;
export const PUBLISHED_AT =
  /(?:发布时间|发布日期|成文日期|发文日期|日期)\s*[:：]\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)/;
