/**
 * EMIT: results, gaps and issues → the output sheets, each written whole (workbook.md §6). Rounding
 * happens here and nowhere else. Each sheet is one SheetEmitter over the same context.
 */
import type { OutputSheet } from '../output';
import { emitContext, type EmitInput, type SheetEmitter } from './context';
import { emitAppraisal } from './appraisal';
import { emitConsistency } from './consistency';
import { emitGaps } from './gaps';
import { emitResults } from './results';
import { emitReview, emitReviewGroups } from './review';
import { emitSatisfaction } from './satisfaction';
import { emitUnits } from './units';
import { emitValidation } from './validation';

/**
 * The output sheets in the order they are written: the summaries first, then the diagnostics —
 * 评分一致性, and 数据校验 last so that the list of issues stays at the end however many ballot sheets
 * a workbook has.
 */
const EMITTERS: readonly SheetEmitter[] = [
  emitResults,
  emitGaps,
  emitUnits,
  emitReview,
  emitReviewGroups,
  emitSatisfaction,
  emitAppraisal,
  emitConsistency,
  emitValidation,
];

/**
 * Every output sheet of a run: 评定结果, 问题清单 (merged with the existing one), 单位汇总, then
 * 双述双评汇总, 双述双评分组, 满意度汇总 and 民主评议汇总 (merged) for the ballot kinds the workbook has,
 * 评分一致性 when compute's consistency is given and some rater scored, and 数据校验.
 */
export function emitOutputs(input: EmitInput): OutputSheet[] {
  const ctx = emitContext(input);
  const out: OutputSheet[] = [];
  for (const emit of EMITTERS) {
    const sheet = emit(ctx);
    if (sheet !== null) out.push(sheet);
  }
  return out;
}

export type { EmitContext, EmitInput, SheetEmitter } from './context';
export { NO_BALLOT_RESULTS } from './context';
export { CONCORDANCE_HEADER, CONCORDANCE_TITLE, CONSISTENCY_SHEET, FLAG_LABEL } from './consistency';
export { APPRAISAL_COLUMNS, APPRAISAL_KEY_COLUMNS, APPRAISAL_SHEET, FINAL_GRADE, appraisalWarnings } from './appraisal';
export { REVIEW_GROUPS_SHEET, REVIEW_SHEET, SUPPRESSED, reviewAspectHeaders } from './review';
export { SATISFACTION_SHEET } from './satisfaction';
export { DETECTED, GAPS_SHEET, GAP_KEY_COLUMNS, GAP_USER_COLUMNS, NOT_DETECTED, NOT_STARTED } from './gaps';
export { RESULTS_SHEET, UNRATED } from './results';
export { TOTAL_ROW, UNITS_SHEET } from './units';
export { VALIDATION_SHEET, SEVERITY_LABEL } from './validation';
