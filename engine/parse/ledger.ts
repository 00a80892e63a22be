/**
 * 台账 (Ledger), workbook.md §2.5 and §8: 支部编号, then any numeric columns (meeting counts and
 * whatever 台账公式 reads). A blank cell is missing, not 0; an invalid cell is reported and missing.
 */
import { issue, type Issue } from '../issues';
import { a1, type CellRef } from '../location';
import type { Ledger, LedgerRow } from '../model';
import type { RawSheet } from '../raw';
import { checkBranchId, type BranchIds } from './branches';
import { readId, readNumber, ref, requiredKey, type ReadContext } from './cells';
import { dataRows, readTable, usedColumns, type ColumnSpec } from './table';

type Col = 'id' | 'name' | 'unit';

// Every other non-blank header is a numeric column.
const COLUMNS: readonly ColumnSpec<Col>[] = [
  { key: 'id', header: '支部编号', aliases: ['branch', 'id'], required: true },
  { key: 'name', header: '支部名称', aliases: ['name'] },
  { key: 'unit', header: '所属党委', aliases: ['unit'] },
];

/**
 * Parse 台账 against the known branch ids. Null when the sheet is empty or has no 支部编号 column
 * (the issue says so); then every 台账 indicator is 未评定 in compute.
 */
export function parseLedger(sheet: RawSheet, branchIds: BranchIds, issues: Issue[]): Ledger | null {
  const table = readTable(sheet, COLUMNS, issues);
  if (!table || !table.complete) return null;
  const idCol = table.columns.get('id') ?? 0;
  const numeric = table.others;
  const ctx: ReadContext = { sheet, issues };
  const rows = new Map<string, LedgerRow>();
  const firstRow = new Map<string, number>();

  for (const row of dataRows(sheet, table.headerRow, usedColumns(table, numeric.map((c) => c.col)))) {
    const id = requiredKey(ctx, readId(ctx, row, idCol, '支部编号'), row, idCol, '支部编号');
    if (!id.ok) continue;
    if (!checkBranchId(ctx, branchIds, id.value, row, idCol)) continue;
    const first = firstRow.get(id.value);
    if (first !== undefined) {
      issues.push(issue('LEDGER_ROW_DUPLICATE', ref(ctx, row, idCol), { id: id.value, first: a1({ sheet: sheet.name, row: first, col: idCol }) }));
      continue;
    }
    firstRow.set(id.value, row);
    const values = new Map<string, number>();
    const cells = new Map<string, CellRef>();
    for (const c of numeric) {
      cells.set(c.header, ref(ctx, row, c.col));
      const r = readNumber(ctx, row, c.col, c.header, 'plain');
      if (r.ok) values.set(c.header, r.value);
    }
    rows.set(id.value, { branch: id.value, values, cells, at: ref(ctx, row, idCol) });
  }
  return { columns: numeric.map((c) => c.header), rows, sheet: sheet.name };
}
