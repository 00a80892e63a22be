/**
 * 数据校验 (workbook.md §1, §6): every issue of the run, in the order given (the facade sorts by
 * sheet, row, column, code). The address is A1 (`D7`), `D:D` for a column, `7:7` for a row, blank
 * for the whole sheet; the words follow the locale, the 级别 stays as the contract writes it.
 */
import type { Severity } from '../issues';
import { a1 } from '../location';
import { renderIssue } from '../messages';
import type { OutputSheet } from '../output';
import type { EmitContext } from './context';

export const VALIDATION_SHEET = '数据校验';

/** 级别 as the contract writes it. */
export const SEVERITY_LABEL: { readonly [S in Severity]: string } = { error: '错误', warning: '警告' };

/** The 数据校验 sheet. */
export function emitValidation(ctx: EmitContext): OutputSheet {
  return {
    name: VALIDATION_SHEET,
    tableName: 'BR_Validation',
    columns: [
      { header: '级别', width: 6 },
      { header: '工作表', width: 14 },
      { header: '单元格', format: '@', width: 8 },
      { header: '代码', width: 26 },
      { header: '说明', width: 80 },
    ],
    rows: ctx.issues.map((i) => [SEVERITY_LABEL[i.severity], i.at.sheet, a1(i.at) === '' ? null : a1(i.at), i.code, renderIssue(i, ctx.locale)]),
    freezeColumns: 0,
    highlights: [
      { column: '级别', equals: SEVERITY_LABEL.error, style: 'bad' },
      { column: '级别', equals: SEVERITY_LABEL.warning, style: 'warn' },
    ],
  };
}
