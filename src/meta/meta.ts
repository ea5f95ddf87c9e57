// Document metadata: who reports, for which year, whether it reviews or plans, and what the
// scraped page header says (title, publication date, document number).
import type { ReportType } from '../model/schema.js';
import {
  BOTH_OPENING,
  BREADCRUMB,
  SITE_LABEL,
  DOCUMENT_NUMBER,
  PLAN_OPENING,
  PUBLISHED_AT,
  REVIEW_OPENING,
  TITLE_PLAN,
  TITLE_REVIEW,
  TITLE_WORDS,
} from './metaWords.js';
import { organizationOf } from './organization.js';
import { keywordKind } from '../structure/sectionKind.js';

export interface MetaInput {
  /** Normalised text (same length as the source). */
  normal: string;
  source: string;
  /** End of the scraped page header, 0 when there is none. */
  headerEnd: number;
  /** Offset of the first numbered heading (or the text length). */
  firstHeading: number;
  headingTitles: string[];
}

export interface Meta {
  organization: string | null;
  year: number | null;
  reportType: ReportType;
  title: string | null;
  publishedAt: string | null;
  documentNumber: string | null;
}

export function readMeta(input: MetaInput): Meta {
  const header = input.normal.slice(0, input.headerEnd);
  const opening = input.normal.slice(input.headerEnd, Math.min(input.firstHeading, input.headerEnd + 400));
  const headerLines = header
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  // Lines are matched on the normalised text and copied from the source, so 工作總結 stays as written.
  const lines = linesWithOffsets(input.normal, 0, input.headerEnd + opening.length);
  // A site's category label (计划总结) on a line of its own is passed over.
  const firstContent = lines.find(
    (l) => l.start >= input.headerEnd && l.text.trim() !== '' && !SITE_LABEL.test(l.text.trim()),
  );
  const titleLine =
    (firstContent && isTitle(firstContent.text.trim()) ? firstContent : undefined) ??
    lines.find(
      (l) =>
        l.start < input.headerEnd &&
        isTitle(l.text.trim()) &&
        !DOCUMENT_NUMBER.test(l.text) &&
        !PUBLISHED_AT.test(l.text),
    );
  const title = titleLine ? input.source.slice(titleLine.start, titleLine.end).trim() : null;
  const reportType = reportTypeOf(
    opening,
    input.headingTitles,
    title ? input.normal.slice(titleLine!.start, titleLine!.end) : '',
  );
  return {
    organization: organizationOf(
      input.normal,
      input.source,
      [
        [input.headerEnd, input.headerEnd + opening.length],
        [0, input.headerEnd],
      ],
      title,
      input.headingTitles,
    ),
    // The title's year first (工作总结和2023年工作要点 after 2016-2020年 in the opening), then the opening's.
    // With no year before the first heading, the first lines after it (一是…2021年来…).
    year:
      governmentReportYear(title, reportType) ??
      yearOf(title ?? '', reportType) ??
      yearOf(opening, reportType) ??
      yearOf(input.normal.slice(input.headerEnd, input.headerEnd + 300), reportType),
    reportType,
    title,
    publishedAt: PUBLISHED_AT.exec(header)?.[1] ?? null,
    documentNumber:
      headerLines.map((l) => DOCUMENT_NUMBER.exec(l)?.[0]).find(Boolean) ??
      DOCUMENT_NUMBER.exec(opening.slice(0, 200))?.[0] ??
      null,
  };
}

function linesWithOffsets(text: string, from: number, to: number): { start: number; end: number; text: string }[] {
  const out = [];
  for (let start = from; start < to; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 || nl > to ? to : nl;
    out.push({ start, end, text: text.slice(start, end) });
    start = end + 1;
  }
  return out;
}

function isTitle(line: string): boolean {
  return (
    line.length >= 4 &&
    line.length <= 60 &&
    !/[。;,]/.test(line) &&
    !BREADCRUMB.test(line) &&
    !SITE_LABEL.test(line) &&
    TITLE_WORDS.test(line)
  );
}

/**
 * @param title the title line, when there is one: 工作总结 with a plan heading is review+plan even
 * when the review has no heading of its own; 工作总结和2024年工作计划 is both whatever the headings say.
 */
export function reportTypeOf(opening: string, headingTitles: string[], title = ''): ReportType {
  const kinds = headingTitles.map(keywordKind);
  const planAt = kinds.indexOf('plan');
  // 工作总结及明年工作计划汇报如下, a run-in 年度工作总结及来年工作打算, a 政府工作报告: both parts.
  if (BOTH_OPENING.test(title) || BOTH_OPENING.test(opening.slice(0, 200))) return 'review+plan';
  const titleReviews = TITLE_REVIEW.test(title);
  const titlePlans = TITLE_PLAN.test(title);
  if (titleReviews && (titlePlans || planAt >= 0)) return 'review+plan';
  if (titleReviews) return 'review';
  if (titlePlans && !kinds.includes('review')) return 'plan';
  const openingLine = opening.slice(0, 120);
  const plansInOpening = PLAN_OPENING.test(openingLine) && !REVIEW_OPENING.test(openingLine);
  if (planAt < 0) return plansInOpening ? 'plan' : 'review';
  // A plan heading with review before it (a review heading, or any heading) is review+plan.
  if (kinds.includes('review') || planAt > 0) return 'review+plan';
  return plansInOpening || planAt === 0 ? 'plan' : 'review+plan';
}

/** A year in digits (2024 年 with a space too), or in Chinese numerals (二〇二三年, 二00三年 with zeros typed as digits). */
const YEAR = /(?:19|20)\d{2}(?= ?年)|[一二][〇○零0][〇○零0一二三四五六七八九\d]{2}(?=年)/g;
/** 2023年2月2日在…会议上: the day a report was given or posted, not the year its work was done. */
const FULL_DATE_AFTER = /^年\d{1,2}月\d{1,2}日/;
const CHINESE_DIGITS: Record<string, string> = {
  〇: '0',
  '○': '0',
  零: '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/**
 * A 政府工作报告's title names the year it is delivered in (2023年政府工作报告, to the people's
 * congress early in 2023), and it reviews the year before: the year of its work. Its plan for the
 * title's year is the second half of the same report, so a plan alone keeps the title's year.
 */
function governmentReportYear(title: string | null, reportType: ReportType): number | null {
  if (!title || reportType === 'plan' || !GOVERNMENT_WORK_REPORT.test(title)) return null;
  const year = yearOf(title, reportType);
  return year === null ? null : year - 1;
}
/** A title that is the report itself (…政府工作报告, …政府工作报告(全文)), not a document about one (…政府工作报告重点任务分工方案). */
const GOVERNMENT_WORK_REPORT = /政府工作报告\s*(?:[(（][^()（）]{0,6}[)）])?\s*$/;

function yearOf(opening: string, reportType: ReportType): number | null {
  const years = [...opening.matchAll(YEAR)]
    .filter((m) => !FULL_DATE_AFTER.test(opening.slice(m.index + 4, m.index + 13).trimStart()))
    .map((m) => Number([...m[0]].map((c) => CHINESE_DIGITS[c] ?? c).join('')))
    .filter((y) => y >= 1900 && y <= 2099);
  if (years.length === 0) return null;
  // A review names the year it reviews first (2021年，全市…比2019年增长); a plan may review the year
  // before it first (2023年工作总结和2024年工作计划), so it takes the latest.
  return reportType === 'plan' ? Math.max(...years) : years[0];
}
