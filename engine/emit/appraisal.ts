/**
 * 民主评议汇总 (workbook.md §5.4, §8 Ballots, §8 Output columns): one row per appraised member, in the
 * order members first appear in the ballots, merged with the sheet as the committee left it.
 * 最终等次 is the committee's column: rows are keyed by 党员编号 and every value typed there (and in
 * any column the user added) is kept exactly; a new member starts blank. A member of the old sheet
 * without ballots this run keeps the whole row, with 预警 saying so, as 问题清单 keeps a gap no longer
 * found. Written only when the workbook has 民主评议 ballots.
 */
import { BALLOT_LEVELS, type AppraisalResult } from '../ballots';
import { renderAppraisalWarning, type AppraisalWarning } from '../messages';
import type { Highlight, OutputColumn, OutputSheet, OutputValue } from '../output';
import { countColumn, idColumn, levelCount, rateColumn } from './ballot-common';
import type { EmitContext } from './context';
import { levelHighlights, roundRatio, textOrBlank } from './format';
import { findSheet, layout, mergeByKey, readExisting, rowKey } from './user-columns';

export const APPRAISAL_SHEET = '民主评议汇总';
export const APPRAISAL_KEY_COLUMNS = ['党员编号'] as const;
/** The committee's grade, a user column (§5.4). */
export const FINAL_GRADE = '最终等次';
const WARNING = '预警';

const LEVELS = BALLOT_LEVELS.appraisal;
const EXCELLENT = 0;
const ENGINE_COLUMNS: readonly string[] = ['党员编号', '姓名', '支部编号', ...LEVELS, '有效票', '废票', '优秀率', '不合格率', '建议等次'];
/** Every column the contract names, in order; the user's own columns follow them. */
export const APPRAISAL_COLUMNS: readonly string[] = [...ENGINE_COLUMNS, FINAL_GRADE, WARNING];

/** The flags of one member: 不合格 above 1/3 of its votes; 优秀 (最终等次, else 建议等次) in a branch over the cap. */
export function appraisalWarnings(a: AppraisalResult, branchFlagged: boolean): AppraisalWarning[] {
  const out: AppraisalWarning[] = [];
  if (a.failFlag) out.push('fail');
  if (branchFlagged && (a.final ?? a.suggested) === EXCELLENT) out.push('excellent');
  return out;
}

/** The 民主评议汇总 sheet, merged with the one already in the workbook. */
export function emitAppraisal(ctx: EmitContext): OutputSheet | null {
  if (ctx.model.ballots.appraisal === null) return null;
  const d = ctx.settings.decimals;
  const cap = ctx.settings.appraisalExcellentCap;
  const warn = (w: readonly AppraisalWarning[]): string | null => textOrBlank(renderAppraisalWarning(w, cap, ctx.prose, ctx.locale));
  const results = ctx.ballots.appraisal;
  const existing = readExisting(findSheet(ctx.existing, APPRAISAL_SHEET), APPRAISAL_COLUMNS);
  const merge = mergeByKey(
    existing,
    APPRAISAL_KEY_COLUMNS,
    results.map((a) => rowKey([a.member.id])),
  );
  const headers = [...APPRAISAL_COLUMNS, ...merge.extraColumns];

  const out: Map<string, OutputValue>[] = results.map((a, i) => {
    const old = merge.matched[i];
    const flagged = ctx.ballots.appraisalByBranch.get(a.member.branch)?.flag === true;
    const values = new Map<string, OutputValue>([
      ['党员编号', a.member.id],
      ['姓名', a.member.name],
      ['支部编号', a.member.branch],
      ...LEVELS.map((l, j): [string, OutputValue] => [l, levelCount(a.counts, j)]),
      ['有效票', a.counts.valid],
      ['废票', a.counts.invalid],
      ['优秀率', roundRatio(a.excellentShare, d)],
      ['不合格率', roundRatio(a.failShare, d)],
      ['建议等次', a.suggested === null ? null : (LEVELS[a.suggested] ?? null)],
      // Exactly as typed (a date, a number, `优秀 `): the engine never rewrites the committee's column.
      [FINAL_GRADE, old?.get(FINAL_GRADE) ?? null],
      [WARNING, warn(appraisalWarnings(a, flagged))],
    ]);
    for (const col of merge.extraColumns) values.set(col, old?.get(col) ?? null);
    return values;
  });
  for (const left of merge.leftovers) {
    const values = new Map(left.values);
    // A copy of a row found now stays exactly as written; a member without ballots now is marked.
    if (!left.duplicate) values.set(WARNING, warn(['notAppraised']));
    out.push(values);
  }

  return {
    name: APPRAISAL_SHEET,
    tableName: 'BR_Appraisal',
    columns: headers.map((h) => column(h, d)),
    rows: out.map((values) => layout(headers, values)),
    freezeColumns: 2,
    highlights: highlights(warn),
  };
}

function column(header: string, d: number): OutputColumn {
  if (header === '党员编号' || header === '支部编号') return idColumn(header);
  if (header === '姓名') return { header, width: 10 };
  if ((LEVELS as readonly string[]).includes(header) || header === '有效票' || header === '废票') return countColumn(header);
  if (header === '优秀率' || header === '不合格率') return rateColumn(header, d);
  if (header === '建议等次') return { header, width: 9 };
  if (header === WARNING) return { header, width: 30 };
  // 最终等次 and every column the user added.
  return { header, width: header === FINAL_GRADE ? 9 : 10, user: true };
}

/** Levels by position in both grade columns; 预警 flags warn, a member without ballots now fair. */
function highlights(warn: (w: readonly AppraisalWarning[]) => string | null): Highlight[] {
  const flags: readonly (readonly AppraisalWarning[])[] = [['fail'], ['excellent'], ['fail', 'excellent']];
  const out: Highlight[] = [...levelHighlights('建议等次', LEVELS), ...levelHighlights(FINAL_GRADE, LEVELS)];
  for (const f of flags) out.push({ column: WARNING, equals: warn(f) ?? '', style: 'warn' });
  out.push({ column: WARNING, equals: warn(['notAppraised']) ?? '', style: 'fair' });
  return out;
}
