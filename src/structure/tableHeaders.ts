// Table headers that say how a cell measures, not what it counts (数量, 占比, 增幅): a cell under
// such a column takes its row header as its name instead. Compared with the header's text with
// its spaces removed (增 幅 → 增幅).

export const MEASURE_HEADERS = new Set([
  '数量',
  '数',
  '件数',
  '人数',
  '次数',
  '个数',
  '户数',
  '金额',
  '数值',
  '数据',
  '总量',
  '总数',
  '合计',
  '总计',
  '小计',
  '比例',
  '比重',
  '占比',
  '所占比重',
  '所占比例',
  '增幅',
  '增速',
  '增长',
  '同比',
  '同比增长',
  '同比增减',
  '比上年增长',
  '比上年增减',
  '增长率',
  '绝对数',
  '绝对值',
  '本年',
  '上年',
  '本期',
  '上期',
  '今年',
  '去年',
  '完成',
  '完成数',
  '完成值',
  '目标',
  '目标值',
  '单位',
]);

/** Cells made only of these are a markdown rule (|---|:---:|), not a row. */
export const RULE_CELL = /^[-:=\s]*$/;

/** Lines longer than this are prose, never a table row: the split stays cheap on one-line files. */
export const MAX_ROW_LENGTH = 2000;

/** Whitespace-aligned columns are separated by a tab or at least two spaces; a row has at least 3. */
export const ALIGNED_SEPARATOR = /\t+| {2,}/g;
export const MIN_ALIGNED_CELLS = 3;

/** An aligned row with a sentence end or a clause comma (not 1,200) is prose. */
export const PROSE_PUNCTUATION = /[。;!?]|,(?!\d{3})/;
