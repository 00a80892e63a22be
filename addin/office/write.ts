/**
 * OutputSheet[] → Excel, mirroring cli/xlsx-write.ts (same table style, highlight colours, widths, frozen
 * panes, validation texts, one blank table row for an empty output) plus the chart exceljs cannot make.
 *
 * Syncs: one to learn the sheets, tables and names; one per block of ≤ 5,000 rows (and ≤ the byte budget)
 * of each sheet, the sheet-wide work (table, formats, chart, validation) queued with its last block; for a
 * replacing write, one more that swaps the new sheets in. So writing k sheets of b blocks in all makes
 * 1 + b (+ 1) syncs, whatever the number of rows.
 *
 * Replacing is done so that a failure never leaves half a sheet or loses the old one: every new sheet is
 * written under a temporary name (~BR1 …) next to the old one; only when all are written does one batch
 * delete the old sheets, rename the new ones into their places (same tab position) and give the tables
 * their names. On a failure the temporary sheets are deleted and the old outputs are as they were.
 */
import { tableHeaders, type ColumnValidation, type Highlight, type OutputSheet } from '../../engine/output';
import { normName } from '../../engine/parse/normalize';
import { displayWidth } from '../../cli/messages';
import { HostError, type Progress } from '../host';
import { MAX_BLOCK_ROWS, PAYLOAD_BUDGET, cutBlocks, jsonBytes, sheetNameProblem, toExcelValue, type ExcelValue } from './cells';
import { toHostError } from './errors';

/** Fill and font per highlight style: the CLI's palette (Excel's Good / Neutral / Bad plus orange). */
export const HIGHLIGHT_COLORS: Readonly<Record<Highlight['style'], { readonly fill: string; readonly font: string }>> = {
  good: { fill: '#C6EFCE', font: '#006100' },
  fair: { fill: '#FFEB9C', font: '#9C5700' },
  warn: { fill: '#FCE4D6', font: '#9C3400' },
  bad: { fill: '#FFC7CE', font: '#9C0006' },
};

export const TABLE_STYLE = 'TableStyleMedium2';

/** Prefix of the temporary names new output sheets carry until the swap. */
export const TEMP_SHEET_PREFIX = '~BR';

export interface WriteOptions {
  /** `replace`: outputs replace sheets of the same name. `add`: sheets that exist are skipped, never touched. */
  readonly mode: 'replace' | 'add';
  /** Apply OutputSheet.validations (ExcelApi 1.8). */
  readonly validation: boolean;
  /** suspendScreenUpdatingUntilNextSync is available (ExcelApi 1.9). */
  readonly suspendScreen: boolean;
  readonly progress?: Progress | undefined;
}

/** A sheet laid out as Excel will hold it: preamble rows, the header, the data rows. */
export interface SheetGrid {
  readonly values: ExcelValue[][];
  /** Number format per cell (null: leave General). */
  readonly formats: (string | null)[][];
  /** 0-based row of the header. */
  readonly headerRow: number;
  /** Columns of the grid (≥ the header's). */
  readonly width: number;
  /** Table headers as written: unique and non-empty, as Excel requires. */
  readonly headers: readonly string[];
  /** Data rows inside the table: the output's rows, or 1 blank row for an empty output. */
  readonly tableRows: number;
}

/** Lay an OutputSheet out as values and number formats (column format, then cell formats, then dates). */
export function sheetGrid(out: OutputSheet): SheetGrid {
  const preamble = out.preamble ?? [];
  const headers = tableHeaders(out.columns.map((c) => c.header));
  const width = Math.max(
    headers.length,
    ...preamble.map((r) => r.length),
    out.rows.reduce((w, r) => Math.max(w, r.length), 0),
    1,
  );
  const values: ExcelValue[][] = [];
  const formats: (string | null)[][] = [];
  const blankFormats = (): (string | null)[] => new Array<string | null>(width).fill(null);
  const put = (row: readonly (ExcelValue | undefined)[] | undefined): void => {
    const cells = new Array<ExcelValue>(width).fill(null);
    row?.forEach((v, i) => {
      if (v !== undefined) cells[i] = v;
    });
    values.push(cells);
  };
  for (const row of preamble) {
    put(row.map((v) => toExcelValue(v).value));
    formats.push(blankFormats());
  }
  put(headers.map((h) => toExcelValue(h).value));
  formats.push(blankFormats());

  const columnFormats = out.columns.map((c) => (c.format === undefined || c.format === 'General' ? null : c.format));
  const headerRow = preamble.length;
  for (const row of out.rows) {
    const cells = new Array<ExcelValue>(width).fill(null);
    const fmts = blankFormats();
    for (let c = 0; c < width; c++) {
      const { value, format } = toExcelValue(row[c]);
      cells[c] = value;
      fmts[c] = format ?? columnFormats[c] ?? null;
    }
    values.push(cells);
    formats.push(fmts);
  }
  const columnIndex = new Map(out.columns.map((c, i) => [c.header, i] as const));
  for (const cf of out.cellFormats ?? []) {
    const c = columnIndex.get(cf.column);
    const fmts = formats[headerRow + 1 + cf.row];
    // A date keeps its date format: the engine's cell formats are for numbers.
    if (c !== undefined && fmts !== undefined && !(out.rows[cf.row]?.[c] instanceof Date)) fmts[c] = cf.format;
  }
  if (out.rows.length === 0) {
    // Excel needs a data row in a table: one blank row, which reads back as header only (as the CLI does).
    put(undefined);
    formats.push(blankFormats());
  }
  return { values, formats, headerRow, width, headers, tableRows: Math.max(1, out.rows.length) };
}

/** A grid cut into [startRow, rowCount] blocks of ≤ 5,000 rows and ≤ the byte budget (values + formats). */
export function gridBlocks(grid: SheetGrid): [number, number][] {
  const bytes = grid.values.map((row, r) => jsonBytes(row) + jsonBytes(grid.formats[r]));
  return cutBlocks(bytes, MAX_BLOCK_ROWS, PAYLOAD_BUDGET);
}

interface Job {
  readonly out: OutputSheet;
  readonly grid: SheetGrid;
  readonly blocks: [number, number][];
  /** The sheet name it is written under (temporary when replacing). */
  readonly writeName: string;
  /** Indices (in the workbook's tab order) of the sheets it replaces. */
  readonly victims: readonly number[];
  readonly tableName: string;
  sheet?: Excel.Worksheet;
  table?: Excel.Table;
}

/**
 * Write the sheets (see the file comment). Returns the names written: every output when replacing, the
 * sheets that did not exist yet when adding.
 */
export async function writeSheets(context: Excel.RequestContext, outputs: readonly OutputSheet[], options: WriteOptions): Promise<string[]> {
  options.progress?.(0);
  for (const o of outputs) {
    const problem = sheetNameProblem(o.name);
    if (problem !== undefined) throw new HostError('unknown', `「${o.name}」不能用作工作表名称：${problem}。请修改（例如评分人姓名）后重试。`);
  }
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  const tables = context.workbook.tables;
  tables.load('items/name');
  const names = context.workbook.names;
  names.load('items/name');
  await context.sync();

  const existing = worksheets.items;
  const existingNorm = existing.map((ws) => normName(ws.name));
  const takenTables = new Set([...tables.items.map((t) => t.name.toLowerCase()), ...names.items.map((n) => n.name.toLowerCase())]);
  const takenSheets = new Set(existingNorm);
  const seen = new Set<string>();
  const jobs: Job[] = [];
  for (const out of outputs) {
    const key = normName(out.name);
    // Two outputs of one name in a call: the first wins, like a sheet that exists.
    if (seen.has(key)) continue;
    seen.add(key);
    const victims = existingNorm.flatMap((n, i) => (n === key ? [i] : []));
    if (options.mode === 'add' && victims.length > 0) continue;
    const replacing = options.mode === 'replace';
    const writeName = replacing ? uniqueName(TEMP_SHEET_PREFIX, takenSheets, '') : out.name;
    takenSheets.add(normName(writeName));
    // Until the swap the old table still holds its name: the new one waits under a temporary name.
    const tableName = uniqueName(replacing ? `${out.tableName}_new` : out.tableName, takenTables, '_');
    takenTables.add(tableName.toLowerCase());
    const grid = sheetGrid(out);
    jobs.push({ out, grid, blocks: gridBlocks(grid), writeName, victims: replacing ? victims : [], tableName });
  }
  if (jobs.length === 0) {
    options.progress?.(1);
    return [];
  }

  const victimTables = new Map<number, Excel.TableCollection>();
  for (const job of jobs) {
    for (const v of job.victims) {
      const ws = existing[v];
      if (ws !== undefined && !victimTables.has(v)) {
        const t = ws.tables;
        t.load('items/name');
        victimTables.set(v, t);
      }
    }
  }

  const totalBlocks = jobs.reduce((n, j) => n + j.blocks.length, 0);
  let done = 0;
  try {
    // One request per block (≤ 5,000 rows), in turn: the chunking Microsoft recommends for large ranges.
    for (const job of jobs) {
      for (let k = 0; k < job.blocks.length; k++) {
        await sendBlock(context, job, k, options);
        options.progress?.(++done / (totalBlocks + 1));
      }
    }
    if (options.mode === 'replace') {
      queueSwap(context, jobs, existing, victimTables, takenTables);
      await context.sync();
    }
  } catch (e) {
    throw await cleanUp(context, jobs, e);
  }
  options.progress?.(1);
  return jobs.map((j) => j.out.name);
}

/** Send block k of a job: the sheet (first block), the values and formats, the sheet-wide work (last block). */
async function sendBlock(context: Excel.RequestContext, job: Job, k: number, options: WriteOptions): Promise<void> {
  const block = job.blocks[k];
  if (block === undefined) return;
  const [start, count] = block;
  // Both last only until the next sync, so they are asked for again with every block.
  context.application.suspendApiCalculationUntilNextSync();
  if (options.suspendScreen) context.application.suspendScreenUpdatingUntilNextSync();
  if (job.sheet === undefined) job.sheet = context.workbook.worksheets.add(job.writeName);
  const sheet = job.sheet;
  const range = sheet.getRangeByIndexes(start, 0, count, job.grid.width);
  range.values = job.grid.values.slice(start, start + count);
  const formats = job.grid.formats.slice(start, start + count);
  if (formats.some((row) => row.some((f) => f !== null))) range.numberFormat = formats;
  if (k === job.blocks.length - 1) queueSheetWork(sheet, job, options);
  await context.sync();
}

/** Table, widths, freeze panes, conditional formats, chart and validations of a fully written sheet. */
function queueSheetWork(sheet: Excel.Worksheet, job: Job, options: WriteOptions): void {
  const { out, grid } = job;
  const first = grid.headerRow + 1;
  const tableRange = sheet.getRangeByIndexes(grid.headerRow, 0, 1 + grid.tableRows, grid.headers.length);
  const table = sheet.tables.add(tableRange, true);
  table.name = job.tableName;
  table.style = TABLE_STYLE;
  job.table = table;

  out.columns.forEach((c, i) => {
    const chars = c.width ?? Math.min(40, Math.max(8, displayWidth(c.header) + 2));
    sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = charsToPoints(chars);
  });

  const frozenRows = grid.headerRow + 1;
  if (out.freezeColumns > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, frozenRows, out.freezeColumns));
  else sheet.freezePanes.freezeRows(frozenRows);

  const columnIndex = new Map(out.columns.map((c, i) => [c.header, i] as const));
  for (const h of out.highlights) {
    const c = columnIndex.get(h.column);
    if (c === undefined) continue;
    const cf = sheet.getRangeByIndexes(first, c, grid.tableRows, 1).conditionalFormats.add('CellValue');
    const colors = HIGHLIGHT_COLORS[h.style];
    cf.cellValue.format.fill.color = colors.fill;
    cf.cellValue.format.font.color = colors.font;
    cf.cellValue.rule = { formula1: excelString(h.equals), operator: 'EqualTo' };
  }

  const spec = out.chart;
  if (spec !== undefined) {
    const cat = columnIndex.get(spec.categoryColumn);
    const series = spec.seriesColumns.map((header) => ({ header, col: columnIndex.get(header) }));
    const rows = out.rows.length - (spec.excludeLastRow ? 1 : 0);
    const [head, ...rest] = series;
    if (cat !== undefined && head?.col !== undefined && rows > 0 && rest.every((s) => s.col !== undefined)) {
      const column = (c: number): Excel.Range => sheet.getRangeByIndexes(first, c, rows, 1);
      const categories = column(cat);
      // Made from the first grade column; the others are added as series (the columns need not be adjacent).
      const chart = sheet.charts.add('ColumnClustered', column(head.col), 'Columns');
      chart.title.text = spec.title;
      const firstSeries = chart.series.getItemAt(0);
      firstSeries.name = head.header;
      firstSeries.setXAxisValues(categories);
      for (const { header, col } of rest) {
        if (col === undefined) continue;
        const s = chart.series.add(header);
        s.setValues(column(col));
        s.setXAxisValues(categories);
      }
      // Beside the table, from its header row: 9 columns wide, 18 rows high.
      chart.setPosition(sheet.getRangeByIndexes(grid.headerRow, grid.width + 1, 1, 1), sheet.getRangeByIndexes(grid.headerRow + 17, grid.width + 9, 1, 1));
    }
  }

  if (options.validation) {
    for (const v of out.validations ?? []) {
      const c = columnIndex.get(v.column);
      if (c !== undefined) applyValidation(sheet.getRangeByIndexes(first, c, grid.tableRows, 1), v);
    }
  }
}

/**
 * A decimal between min and max, blanks allowed, with the CLI's Chinese prompt and stop message:
 * `请输入 0–10 之间的分数` / `得分须在 0–10 之间（可留空）`.
 */
function applyValidation(range: Excel.Range, v: ColumnValidation): void {
  const span = `${v.min}–${v.max}`;
  const dv = range.dataValidation;
  dv.rule = { decimal: { formula1: v.min, formula2: v.max, operator: 'Between' } };
  dv.ignoreBlanks = true;
  // Excel caps the prompt title at 32 characters and the texts at 255.
  dv.prompt = { showPrompt: true, title: v.column.slice(0, 32), message: `请输入 ${span} 之间的分数` };
  dv.errorAlert = { showAlert: true, style: 'Stop', title: '超出分值', message: `得分须在 ${span} 之间（可留空）` };
}

/**
 * The swap batch: delete the replaced sheets, rename each new sheet to its name at the first replaced
 * sheet's tab position, and give each table its own name (free now that the old tables are gone).
 */
function queueSwap(
  context: Excel.RequestContext,
  jobs: readonly Job[],
  existing: readonly Excel.Worksheet[],
  victimTables: ReadonlyMap<number, Excel.TableCollection>,
  takenTables: Set<string>,
): void {
  const deleted = [...new Set(jobs.flatMap((j) => j.victims))].sort((a, b) => a - b);
  for (const t of victimTables.values()) for (const table of t.items) takenTables.delete(table.name.toLowerCase());
  for (const v of deleted) existing[v]?.delete();
  // After the deletions the kept sheets close up; each new sheet goes where its first old sheet was.
  const placed = jobs
    .filter((j) => j.victims.length > 0)
    .map((j) => {
      const at = Math.min(...j.victims);
      return { job: j, slot: at - deleted.filter((d) => d < at).length };
    })
    .sort((a, b) => a.slot - b.slot);
  for (const job of jobs) if (job.sheet !== undefined) job.sheet.name = job.out.name;
  placed.forEach(({ job, slot }, rank) => {
    if (job.sheet !== undefined) job.sheet.position = slot + rank;
  });
  for (const job of jobs) {
    if (job.table === undefined) continue;
    takenTables.delete(job.tableName.toLowerCase());
    const name = uniqueName(job.out.tableName, takenTables, '_');
    takenTables.add(name.toLowerCase());
    job.table.name = name;
  }
  context.application.suspendApiCalculationUntilNextSync();
}

/**
 * After a failure: delete the sheets this write added that still carry their write name (a sheet already
 * swapped in is complete and stays), then return the failure as a HostError. A failing clean-up is added
 * to the message, never hidden.
 */
async function cleanUp(context: Excel.RequestContext, jobs: readonly Job[], failure: unknown): Promise<HostError> {
  const error = toHostError(failure);
  const started = jobs.filter((j) => j.sheet !== undefined);
  if (started.length === 0) return error;
  try {
    const sheets = started.map((j) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(j.writeName);
      ws.load('name');
      return ws;
    });
    await context.sync();
    for (const ws of sheets) if (!ws.isNullObject) ws.delete();
    await context.sync();
    return error;
  } catch (e) {
    const names = started.map((j) => j.writeName).join('、');
    return new HostError(
      error.code,
      `${error.message} 另外，未能删除写到一半的工作表（${names}），请手动删除它们。`,
      `${error.detail ?? ''}\ncleanup: ${toHostError(e).detail ?? ''}`,
    );
  }
}

/** Excel column width in points for a width in characters (Calibri 11: 7 px a character + 5 px padding; 0.75 pt a px). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** `name`, or `name<sep>2`, `name<sep>3` … not in `taken` (compared in lower case / normalised for sheets). */
function uniqueName(name: string, taken: ReadonlySet<string>, sep: string): string {
  const key = (s: string): string => (sep === '' ? normName(s) : s.toLowerCase());
  if (sep !== '' && !taken.has(key(name))) return name;
  for (let n = sep === '' ? 1 : 2; ; n++) {
    const candidate = `${name}${sep}${n}`;
    if (!taken.has(key(candidate))) return candidate;
  }
}

/** A formula string literal: `"好"`, with inner quotes doubled; as a formula, `="好"`. */
function excelString(s: string): string {
  return `="${s.replace(/"/g, '""')}"`;
}
