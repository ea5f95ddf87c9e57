// Public library API. The CLI (src/cli) is a thin layer over these.
export { parseReport, type ParseOptions } from './parseReport.js';
export { parseChineseNumber } from './text/chineseNumber.js';
export * from './model/schema.js';
export { validateDocument, type DocumentCheck } from './model/validateDocument.js';
