/**
 * Applying a MergePlan (engine/merge) to an exceljs workbook: the CLI's `merge` and the web page's 导入 both
 * use it, so it is browser-safe (no Node built-ins; lint enforces it). Rows go below the sheet's last row
 * with a value, the header cells the master lacks (来源 …) are written first, and a table that spans the
 * old header grows over the new rows and columns.
 */
import type ExcelJS from 'exceljs';
import { firstWrittenHeader } from '../engine/merge/apply';
import type { AppendRows, MergePlan } from '../engine/merge/types';
import { cellScalar } from './xlsx-read';
import { addOutputSheets } from './xlsx-write';

/** Append every AppendRows of the plan, then add its new sheets. Throws when a target sheet is missing. */
export function applyPlanToExcel(wb: ExcelJS.Workbook, plan: MergePlan): void {
  for (const a of plan.append) {
    const ws = wb.getWorksheet(a.sheet);
    if (!ws) throw new Error(`merge plan names a sheet the workbook lacks: ${a.sheet}`);
    appendPlanRows(ws, a, Math.max(a.headerRow, lastValueRow(ws)) + 1);
  }
  addOutputSheets(wb, plan.add);
}

/** Write the new header cells and the rows of `a` from 0-based row `start`, then stretch the table. */
export function appendPlanRows(ws: ExcelJS.Worksheet, a: AppendRows, start: number): void {
  const first = firstWrittenHeader(a);
  for (let c = first; c < a.header.length; c++) ws.getRow(a.headerRow + 1).getCell(c + 1).value = a.header[c] ?? null;
  a.rows.forEach((row, i) => {
    const target = ws.getRow(start + i + 1);
    row.forEach((v, c) => {
      // Non-finite numbers are not valid in .xlsx; empty cells stay empty (no cell object at all).
      if (v === null || (typeof v === 'number' && !Number.isFinite(v))) return;
      target.getCell(c + 1).value = v;
    });
  });
  stretchTable(ws, a, start + a.rows.length - 1, first);
}

/** 0-based index of the last row holding a value (what the engine reads as the sheet's end), or -1. */
export function lastValueRow(ws: ExcelJS.Worksheet): number {
  let last = -1;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    let any = false;
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (!any && cellScalar(cell) !== null) any = true;
    });
    if (any) last = rowNumber - 1;
  });
  return last;
}

/** The parts of an exceljs table model a stretch changes (loaded tables are written from the model). */
interface TableModel {
  tableRef?: string;
  ref?: string;
  autoFilterRef?: string;
  columns: { name: string; filterButton?: boolean }[];
}

/**
 * A table whose header is the master's header row, from column A to the last old header column, grows over
 * the appended rows (to 0-based `lastRow`) and new columns; Excel would otherwise show the merged rows
 * outside the table. Other tables are left alone.
 */
function stretchTable(ws: ExcelJS.Worksheet, a: AppendRows, lastRow: number, firstNew: number): void {
  for (const t of ws.getTables() as unknown as readonly { readonly model: TableModel }[]) {
    const model = t.model;
    const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(model.tableRef ?? model.ref ?? '');
    if (m === null || Number(m[2]) !== a.headerRow + 1 || colNumber(m[1] ?? '') !== 1 || colNumber(m[3] ?? m[1] ?? '') !== firstNew) continue;
    for (let c = firstNew; c < a.header.length; c++) model.columns.push({ name: a.header[c] ?? `列${c + 1}`, filterButton: true });
    const range = `A${a.headerRow + 1}:${colLetters(a.header.length)}${Math.max(lastRow + 1, Number(m[4] ?? m[2]))}`;
    model.tableRef = range;
    model.autoFilterRef = range;
  }
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function colLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
