export * from './model.js';
export { buildNotice, BUILDERS } from './build.js';
export { cnNumeral, parseCnNumeral, parseClause, labelOf, sectionOf, type Place, type Step } from './clause.js';
export { noticeLines, noticeText, paraText, sectionHeadings } from './text.js';
export { noticeFileName } from './file-name.js';
