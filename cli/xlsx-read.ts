/**
 * .xlsx bytes → RawWorkbook, with exceljs. No Node-only code here (no fs, no path): the web page
 * runs this same file in the browser.
 *
 * Why the whole-workbook reader and not exceljs's streaming one: the streaming reader corrupts a
 * Chinese character split across a 16 KiB chunk (`一般` → `��般`), which would silently turn a valid
 * ballot into an invalid one (exceljs #2063, #2084).
 */
import ExcelJS from 'exceljs';
import type { CellError, RawSheet, RawWorkbook, Scalar } from '../engine/raw';

/** The bytes are not an .xlsx workbook that exceljs can open (not a zip, an .xls, encrypted …). */
export class WorkbookFormatError extends Error {
  override readonly name = 'WorkbookFormatError';
  constructor(
    message: string,
    override readonly cause: unknown,
  ) {
    super(message);
  }
}

/**
 * Worksheet parts that carry no cell values. Skipping them makes reading faster; `mergeCells` is
 * kept because a merged range's other cells must read as empty.
 */
const VALUE_FREE_NODES = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'autoFilter',
  'rowBreaks',
  'hyperlinks',
  'pageMargins',
  'dataValidations',
  'pageSetup',
  'headerFooter',
  'printOptions',
  'picture',
  'drawing',
  'sheetProtection',
  'tableParts',
  'conditionalFormatting',
  'extLst',
];

/**
 * Open .xlsx bytes as an exceljs workbook. `valuesOnly` skips the parts that hold no values (for
 * reading); the writer needs everything so that untouched sheets are written back as they were.
 */
export async function loadExcelWorkbook(
  bytes: Uint8Array | ArrayBuffer,
  valuesOnly: boolean,
): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs's type says Buffer; JSZip underneath takes any Uint8Array or ArrayBuffer.
    const data = bytes as unknown as ArrayBuffer;
    if (valuesOnly) {
      // `ignoreNodes` is read by the loader but missing from exceljs's option typings.
      await wb.xlsx.load(data, { ignoreNodes: VALUE_FREE_NODES } as unknown as Partial<ExcelJS.XlsxReadOptions>);
    } else {
      await wb.xlsx.load(data);
    }
  } catch (e) {
    throw new WorkbookFormatError(e instanceof Error ? e.message : String(e), e);
  }
  return wb;
}

/** Read every worksheet of an .xlsx file as plain values, padded from A1 (row 0 = Excel row 1). */
export async function readWorkbook(bytes: Uint8Array | ArrayBuffer): Promise<RawWorkbook> {
  return rawFromExcel(await loadExcelWorkbook(bytes, true));
}

/** Turn a loaded exceljs workbook into a RawWorkbook, every worksheet in tab order. */
export function rawFromExcel(wb: ExcelJS.Workbook): RawWorkbook {
  return { sheets: wb.worksheets.map(rawSheet) };
}

function rawSheet(ws: ExcelJS.Worksheet): RawSheet {
  const cells: Scalar[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: Scalar[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const v = cellScalar(cell);
      if (v === null) return;
      while (out.length < colNumber - 1) out.push(null);
      out[colNumber - 1] = v;
    });
    if (out.length === 0) return;
    while (cells.length < rowNumber - 1) cells.push([]);
    cells[rowNumber - 1] = out;
  });
  return { name: ws.name, cells };
}

/** One cell → Scalar. Exported for tests; merged cells other than the top-left read as empty. */
export function cellScalar(cell: ExcelJS.Cell): Scalar {
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return null;
    case ExcelJS.ValueType.Formula:
      // `cell.result`, not `cell.value.result`: the latter drops a cached 0, false or "" (#2943).
      return resultScalar(cell.result);
    default:
      return valueScalar(cell.value);
  }
}

function valueScalar(v: unknown): Scalar {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o['error'] === 'string') return cellError(o['error']);
    if (Array.isArray(o['richText'])) return richText(o['richText']);
    // Hyperlink: its text, which may itself be rich text or (from a formula) a cached result.
    if ('hyperlink' in o || 'text' in o) return valueScalar(o['text'] ?? null);
    if ('formula' in o || 'sharedFormula' in o) return resultScalar(o['result']);
  }
  return null;
}

function resultScalar(r: unknown): Scalar {
  // No cached result (never calculated, or written by a tool that does not cache): empty.
  if (r === undefined) return null;
  return valueScalar(r);
}

function richText(runs: readonly unknown[]): string {
  let s = '';
  for (const run of runs) {
    const t = (run as { text?: unknown }).text;
    if (typeof t === 'string') s += t;
  }
  return s;
}

function cellError(code: string): CellError {
  return { kind: 'error', code };
}
