/**
 * 否决 (Vetoes), workbook.md §2.6 and §8 Grades: 支部编号, 事项, 影响 (`定为X` / `最高X`, read from
 * its start), 备注. A row with any error is excluded.
 */
import { issue, type Issue } from '../issues';
import type { Veto } from '../model';
import type { RawSheet } from '../raw';
import type { Settings } from '../settings';
import { checkBranchId, type BranchIds } from './branches';
import { readId, readText, ref, required, requiredKey, valueOr, type ReadContext } from './cells';
import { mentionsWeak, parseEffect } from './effects';
import { dataRows, readTable, usedColumns, type ColumnSpec } from './table';

type Col = 'branch' | 'matter' | 'effect' | 'note';

const COLUMNS: readonly ColumnSpec<Col>[] = [
  { key: 'branch', header: '支部编号', aliases: ['branch', 'id'], required: true },
  { key: 'matter', header: '事项', aliases: ['matter'], required: true },
  { key: 'effect', header: '影响', aliases: ['effect'], required: true },
  { key: 'note', header: '备注', aliases: ['note'] },
];

/** Parse 否决 against the known branch ids and the grade names. */
export function parseVetoes(sheet: RawSheet, branchIds: BranchIds, settings: Settings, issues: Issue[]): Veto[] {
  const table = readTable(sheet, COLUMNS, issues);
  if (!table || !table.complete) return [];
  const col = (k: Col) => table.columns.get(k);
  const branchCol = col('branch') ?? 0;
  const matterCol = col('matter') ?? 0;
  const effectCol = col('effect') ?? 0;
  const ctx: ReadContext = { sheet, issues };
  const vetoes: Veto[] = [];

  for (const row of dataRows(sheet, table.headerRow, usedColumns(table))) {
    const branch = requiredKey(ctx, readId(ctx, row, branchCol, '支部编号'), row, branchCol, '支部编号');
    const known = branch.ok && checkBranchId(ctx, branchIds, branch.value, row, branchCol);
    const matter = required(ctx, readText(ctx, row, matterCol, '事项'), row, matterCol, '事项');
    const effectText = required(ctx, readText(ctx, row, effectCol, '影响'), row, effectCol, '影响');
    const note = valueOr(readText(ctx, row, col('note'), '备注'), null);
    const effect = effectText.ok ? parseEffect(effectText.value, settings.gradeNames) : undefined;
    if (effectText.ok && !effect) {
      issues.push(issue('EFFECT_INVALID', ref(ctx, row, effectCol), { value: effectText.value, grades: settings.gradeNames.join('/') }));
    }
    if (!branch.ok || !known || !matter.ok || !effectText.ok || !effect) continue;
    vetoes.push({
      branch: branch.value,
      matter: matter.value,
      effect,
      weak: mentionsWeak(matter.value) || mentionsWeak(effectText.value),
      note,
      at: ref(ctx, row, branchCol),
    });
  }
  return vetoes;
}
