// One value per cell of the wide table: when a report has several metrics of one key, which one
// stands for the report. The rule, in order (README, "Comparing reports"):
//   1. a result over a goal (a plan's 力争受理200件 never hides the 182件 received);
//   2. the widest period (全年 over 1-9月 over 上半年; a metric with no period reports on the
//      report's own span, the year);
//   3. the first stated.
// Nothing is ever added up: two metrics of one key are two statements, not two parts.
import { monthsCovered } from './periodCoverage.js';

export interface Candidate {
  target: boolean;
  period: string | null;
  /** Position in the document: the first stated wins a tie. */
  start: number;
}

/** A year's months for a metric with no period, or one whose period says nothing measurable. */
const REPORT_SPAN_MONTHS = 12;

const width = (c: Candidate) => monthsCovered(c.period) ?? REPORT_SPAN_MONTHS;

/** Negative when `a` should stand for the report rather than `b`. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.target !== b.target) return a.target ? 1 : -1;
  const wider = width(b) - width(a);
  if (wider !== 0) return wider;
  return a.start - b.start;
}

/** The candidate that stands for the report, or undefined for none. */
export function chooseCandidate<T extends Candidate>(candidates: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const c of candidates) if (best === undefined || compareCandidates(c, best) < 0) best = c;
  return best;
}
