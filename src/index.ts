// Public library API. The CLI (src/cli) is a thin layer over these.
export { parseReport, type ParseOptions } from './document/parseReport.js';
export { parseChineseNumber } from './mentions/chineseNumber.js';
export * from './document/schema.js';
export { validateDocument, type DocumentCheck } from './document/validateDocument.js';
