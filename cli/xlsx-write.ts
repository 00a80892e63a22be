/**
 * OutputSheet[] → .xlsx bytes, with exceljs. No Node-only code here: the web page uses it too.
 *
 * A run replaces the output sheets whole and leaves every other sheet as exceljs read it (values,
 * formulas, styles). Charts (OutputSheet.chart), which exceljs cannot create, are added to the
 * written zip by cli/xlsx-chart.ts. Data validations (OutputSheet.validations, the scoring forms'
 * 0..分值) and print setup (OutputSheet.print) are written here.
 */
import ExcelJS from 'exceljs';
import { tableHeaders, type ColumnValidation, type Highlight, type OutputSheet, type OutputValue, type PrintSetup } from '../engine/output';
import { displayWidth } from './messages';
import { addCharts } from './xlsx-chart';
import { loadExcelWorkbook } from './xlsx-read';

/** Fill and font per highlight style: Excel's own "Good / Neutral / Bad" palette plus orange. */
const HIGHLIGHT_STYLES: Readonly<Record<Highlight['style'], { fill: string; font: string }>> = {
  good: { fill: 'FFC6EFCE', font: 'FF006100' },
  fair: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  warn: { fill: 'FFFCE4D6', font: 'FF9C3400' },
  bad: { fill: 'FFFFC7CE', font: 'FF9C0006' },
};

const TABLE_STYLE = 'TableStyleMedium2';

/**
 * Add the output sheets to the input workbook: any sheet whose trimmed name equals an output's
 * name is removed first (so re-running replaces rather than duplicates); every other sheet is kept.
 */
export async function writeOutputs(
  inputBytes: Uint8Array | ArrayBuffer,
  outputs: readonly OutputSheet[],
): Promise<Uint8Array> {
  const wb = await loadExcelWorkbook(inputBytes, false);
  addOutputSheets(wb, outputs);
  return addCharts(await workbookBytes(wb), outputs);
}

/** A new workbook holding only these sheets (the `template` and `export` commands), charts included. */
export async function writeNewWorkbook(sheets: readonly OutputSheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  addOutputSheets(wb, sheets);
  return addCharts(await workbookBytes(wb), sheets);
}

/** Replace or append the output sheets in a loaded workbook (shared by both writers). */
export function addOutputSheets(wb: ExcelJS.Workbook, outputs: readonly OutputSheet[]): void {
  const replaced = new Set(outputs.map((o) => o.name.trim()));
  for (const ws of [...wb.worksheets]) {
    if (replaced.has(ws.name.trim())) wb.removeWorksheet(ws.id);
  }
  // Table names are unique per workbook; a kept sheet may hold a copy of an old output's table.
  const taken = new Set<string>();
  for (const ws of wb.worksheets) {
    // exceljs's typings say getTables() returns tuples; at run time it returns Table objects.
    for (const t of ws.getTables() as unknown as readonly { readonly name: string }[]) taken.add(t.name.toLowerCase());
  }
  for (const out of outputs) {
    const tableName = uniqueName(out.tableName, taken);
    taken.add(tableName.toLowerCase());
    writeSheet(wb.addWorksheet(out.name), out, tableName);
  }
}

/** Serialise a workbook to .xlsx bytes. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

function writeSheet(ws: ExcelJS.Worksheet, out: OutputSheet, tableName: string): void {
  const preamble = out.preamble ?? [];
  const headerRow = preamble.length + 1; // 1-based Excel row of the header
  const headers = tableHeaders(out.columns.map((c) => c.header));
  const width = headers.length;

  // Column formats go on before the rows so that every cell added below inherits them.
  out.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? Math.min(40, Math.max(8, displayWidth(c.header) + 2));
    if (c.format !== undefined && c.format !== 'General') col.numFmt = c.format;
  });

  if (preamble.length > 0) ws.addRows(preamble.map((r) => r.map(cellValue)));
  ws.addRows([headers]);
  // Excel refuses a table without a data row (it "repairs" the file), so an empty output gets one
  // blank row inside its table: a valid sheet that reads back as header only.
  const dataRows = out.rows.length;
  if (dataRows > 0) ws.addRows(out.rows.map((r) => padRow(r, width)));
  const tableRows = Math.max(1, dataRows);

  // The rows are already in the sheet; the table only needs its extent. Empty row arrays give
  // exceljs the height without making it write every cell a second time.
  ws.addTable({
    name: tableName,
    displayName: tableName,
    ref: `A${headerRow}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: headers.map((name) => ({ name, filterButton: true })),
    rows: Array.from({ length: tableRows }, () => []),
  });

  ws.views = [
    {
      state: 'frozen',
      xSplit: out.freezeColumns,
      ySplit: headerRow,
    },
  ];

  const first = headerRow + 1;
  const last = headerRow + tableRows;
  let priority = 1;
  for (const h of out.highlights) {
    const i = out.columns.findIndex((c) => c.header === h.column);
    if (i < 0) continue;
    const letter = ws.getColumn(i + 1).letter;
    const colors = HIGHLIGHT_STYLES[h.style];
    ws.addConditionalFormatting({
      ref: `${letter}${first}:${letter}${last}`,
      rules: [
        {
          type: 'cellIs',
          operator: 'equal',
          priority: priority++,
          formulae: [excelString(h.equals)],
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: colors.fill } },
            font: { color: { argb: colors.font } },
          },
        },
      ],
    });
  }

  for (const v of out.validations ?? []) {
    const i = out.columns.findIndex((c) => c.header === v.column);
    if (i < 0) continue;
    const letter = ws.getColumn(i + 1).letter;
    addValidation(ws, `${letter}${first}:${letter}${last}`, numberBetween(v));
  }

  if (out.print !== undefined) applyPrint(ws, out.print, headerRow);
}

/**
 * Print setup (export): A4, the orientation asked, fit to one page wide and as many pages tall as it
 * takes (fitToHeight 0 = automatic; fitToPage switches Excel from scaling to fitting), and rows 1 to
 * the header (title rows included) repeated on every page (a `_xlnm.Print_Titles` defined name).
 */
function applyPrint(ws: ExcelJS.Worksheet, print: PrintSetup, headerRow: number): void {
  ws.pageSetup.paperSize = 9; // A4, what Chinese offices print on
  ws.pageSetup.orientation = print.orientation;
  if (print.fitToWidth) {
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    ws.pageSetup.fitToHeight = 0;
  }
  ws.pageSetup.horizontalCentered = true;
  if (print.repeatHeader) ws.pageSetup.printTitlesRow = `1:${headerRow}`;
  // A printed sheet's first preamble row is its title.
  if (headerRow > 1) ws.getCell(1, 1).font = { bold: true, size: 14 };
}

/**
 * A decimal between min and max, blanks allowed (a form is filled in over time), with a Chinese input
 * prompt and a stop message: `请输入 0–10 之间的分数` / `得分须在 0–10 之间`.
 */
function numberBetween(v: ColumnValidation): ExcelJS.DataValidation {
  const range = `${v.min}–${v.max}`;
  return {
    type: 'decimal',
    operator: 'between',
    formulae: [v.min, v.max],
    allowBlank: true,
    showInputMessage: true,
    // Excel caps the prompt title at 32 characters and the texts at 255.
    promptTitle: v.column.slice(0, 32),
    prompt: `请输入 ${range} 之间的分数`,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '超出分值',
    error: `得分须在 ${range} 之间（可留空）`,
  };
}

/**
 * One rule over a whole range. exceljs's public API sets validations cell by cell, which creates a cell
 * object per address; its model also takes a range as the key (written as one `sqref`, expanded again
 * per cell when the file is read back), which is what Excel itself stores.
 */
function addValidation(ws: ExcelJS.Worksheet, range: string, rule: ExcelJS.DataValidation): void {
  (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, rule);
}

/** A data row as long as the header, so the table covers every cell. */
function padRow(row: readonly OutputValue[], width: number): ExcelJS.CellValue[] {
  const out: ExcelJS.CellValue[] = new Array<ExcelJS.CellValue>(Math.max(width, row.length)).fill(null);
  for (let i = 0; i < row.length; i++) out[i] = cellValue(row[i] ?? null);
  return out;
}

function cellValue(v: OutputValue): ExcelJS.CellValue {
  // Non-finite numbers are not valid in .xlsx (Excel reports a corrupt file): write an empty cell.
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  // A string that starts with = is text here, never a formula: exceljs writes strings as strings.
  return v;
}

function uniqueName(name: string, taken: ReadonlySet<string>): string {
  let out = name;
  for (let n = 2; taken.has(out.toLowerCase()); n++) out = `${name}_${n}`;
  return out;
}

/** A formula string literal: `"好"`, with inner quotes doubled. */
function excelString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}
