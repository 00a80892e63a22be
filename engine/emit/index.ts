/**
 * EMIT: results, gaps and issues → the output sheets, each written whole (workbook.md §6). Rounding
 * happens here and nowhere else. The ballot summaries slot in as more SheetEmitters over the same
 * context.
 */
import type { OutputSheet } from '../output';
import { emitContext, type EmitInput, type SheetEmitter } from './context';
import { emitGaps } from './gaps';
import { emitResults } from './results';
import { emitUnits } from './units';
import { emitValidation } from './validation';

/** The output sheets in the order they are written. */
const EMITTERS: readonly SheetEmitter[] = [emitResults, emitGaps, emitUnits, emitValidation];

/** Every output sheet of a run: 评定结果, 问题清单 (merged with the existing one), 单位汇总, 数据校验. */
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
export { DETECTED, GAPS_SHEET, GAP_KEY_COLUMNS, GAP_USER_COLUMNS, NOT_DETECTED, NOT_STARTED } from './gaps';
export { RESULTS_SHEET, UNRATED } from './results';
export { TOTAL_ROW, UNITS_SHEET } from './units';
export { VALIDATION_SHEET, SEVERITY_LABEL } from './validation';
