/**
 * The plan applied to a RawWorkbook: what an adapter's workbook reads back as after it applied the
 * plan. The tests grade this, and the web page can use it for a preview; the CLI and the add-in apply
 * the same plan to their own workbooks.
 */
import type { RawSheet, RawWorkbook, Scalar } from '../raw';
import { sheetToRaw } from '../template/raw';
import { isRowBlank } from '../parse/table';
import type { AppendRows, MergePlan } from './types';

/** The row after the sheet's last non-blank row (where appended rows start). */
export function appendRowIndex(sheet: RawSheet): number {
  let r = sheet.cells.length;
  while (r > 0 && isRowBlank(sheet, r - 1)) r--;
  return r;
}

/** The first header cell an append writes (see AppendRows.firstNewColumn). */
export function firstWrittenHeader(a: AppendRows): number {
  if (a.firstNewColumn !== undefined) return a.firstNewColumn;
  return a.addSourceColumn ? a.header.length - 1 : a.header.length;
}

/** A new workbook: appended rows under the master's sheets (new header cells written), then the added sheets at the end. */
export function applyPlan(raw: RawWorkbook, plan: MergePlan): RawWorkbook {
  const appends = new Map(plan.append.map((a) => [a.sheet, a] as const));
  const sheets: RawSheet[] = raw.sheets.map((sheet) => {
    const a = appends.get(sheet.name);
    return a ? appendTo(sheet, a) : sheet;
  });
  for (const s of plan.add) sheets.push(sheetToRaw(s));
  return { sheets };
}

function appendTo(sheet: RawSheet, a: AppendRows): RawSheet {
  const cells: Scalar[][] = sheet.cells.map((row) => [...row]);
  while (cells.length <= a.headerRow) cells.push([]);
  const header = cells[a.headerRow] ?? [];
  for (let c = firstWrittenHeader(a); c < a.header.length; c++) {
    while (header.length < c) header.push(null);
    header[c] = a.header[c] ?? null;
  }
  cells[a.headerRow] = header;
  const start = Math.max(appendRowIndex({ name: sheet.name, cells }), a.headerRow + 1);
  cells.length = start;
  for (const row of a.rows) cells.push([...row]);
  return { name: sheet.name, cells };
}
