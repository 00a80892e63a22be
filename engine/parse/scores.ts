/**
 * 评分 (Scores), long form, workbook.md §2.3: one row per (branch, indicator, rater) score.
 * Every cell of a row is checked (all issues in one pass); a row with any error adds no score.
 */
import type { Issue } from '../issues';
import type { RawSheet } from '../raw';
import { readId, readText, ref, required, requiredKey, type ReadContext } from './cells';
import { checkBranch, checkIndicator, checkRole, raterKey, readScore, type ScoreEntry, type ScoreLookup } from './scoreRules';
import { dataRows, readTable, usedColumns, type ColumnSpec } from './table';

type Col = 'branch' | 'indicator' | 'rater' | 'role' | 'score' | 'note';

const COLUMNS: readonly ColumnSpec<Col>[] = [
  { key: 'branch', header: '支部编号', aliases: ['branch'], required: true },
  { key: 'indicator', header: '指标编号', aliases: ['indicator'], required: true },
  { key: 'rater', header: '评分人', aliases: ['rater'], required: true },
  { key: 'role', header: '评分人类别', aliases: ['role'] },
  { key: 'score', header: '得分', aliases: ['score'], required: true },
  { key: 'note', header: '备注', aliases: ['note'] },
];

/** Read the long form's scores (before duplicates are resolved), in row order. */
export function parseScoreSheet(sheet: RawSheet, lookup: ScoreLookup, issues: Issue[]): ScoreEntry[] {
  const table = readTable(sheet, COLUMNS, issues);
  if (!table || !table.complete) return [];
  const col = (k: Col) => table.columns.get(k);
  const branchCol = col('branch') ?? 0;
  const indCol = col('indicator') ?? 0;
  const raterCol = col('rater') ?? 0;
  const scoreCol = col('score') ?? 0;
  const roleCol = col('role');
  const ctx: ReadContext = { sheet, issues };
  const out: ScoreEntry[] = [];

  for (const row of dataRows(sheet, table.headerRow, usedColumns(table))) {
    const branch = requiredKey(ctx, readId(ctx, row, branchCol, '支部编号'), row, branchCol, '支部编号');
    const indicator = requiredKey(ctx, readId(ctx, row, indCol, '指标编号'), row, indCol, '指标编号');
    const rater = required(ctx, readId(ctx, row, raterCol, '评分人'), row, raterCol, '评分人');
    const role = checkRole(ctx, lookup, readText(ctx, row, roleCol, '评分人类别'), row, roleCol);
    const branchOk = branch.ok && checkBranch(ctx, lookup, branch.value, row, branchCol);
    const ind = indicator.ok ? checkIndicator(ctx, lookup, indicator.value, row, indCol) : undefined;
    const score = required(ctx, readScore(ctx, row, scoreCol, ind), row, scoreCol, '得分');
    // 备注 is not used, but an error value in it is still worth fixing.
    readText(ctx, row, col('note'), '备注');
    if (!branchOk || !branch.ok || !ind || !rater.ok || role === undefined || !score.ok) continue;
    out.push({
      branch: branch.value,
      indicator: ind.id,
      rater: rater.value,
      raterKey: raterKey(rater.value),
      role,
      value: score.value,
      at: ref(ctx, row, scoreCol),
    });
  }
  return out;
}
