/**
 * A MergePlan (engine/merge) → the open workbook, the master of 导入. Rows are appended below the last row
 * that holds a value in each target sheet; the header cells the master lacks (来源 at the end, or contract
 * columns a file used) are written first; the plan's new sheets are then added through writeSheets (mode
 * `add`). Tables are not resized (Table.resize is ExcelApi 1.13): the engine reads values, not tables.
 *
 * Nothing that holds a value is ever changed. Before anything is written, one request learns each target
 * sheet's used range and its would-be new header cells; a missing sheet, a filled header cell or a new sheet
 * whose name exists refuses the whole plan (the workbook changed since the plan was made: import again).
 *
 * Syncs: 1 (sheet list) + 1 (used ranges and new header cells) + 1 per block of ≤ 5,000 appended rows (≤ the
 * byte budget) + what writeSheets makes for the new sheets (1 + 1 per block; none without new sheets).
 * A failure part-way clears what this call appended (1 more sync) and writeSheets deletes its half-added
 * sheets, so a merge is applied whole or not at all.
 */
import { firstWrittenHeader } from '../../engine/merge/apply';
import type { AppendRows, MergePlan } from '../../engine/merge/types';
import { normName } from '../../engine/parse/normalize';
import { HostError, type Progress } from '../host';
import { MAX_BLOCK_ROWS, PAYLOAD_BUDGET, cutBlocks, jsonBytes, sheetNameProblem, toExcelValue, type ExcelValue } from './cells';
import { toHostError } from './errors';
import { writeSheets, type WriteOptions } from './write';

/** One AppendRows laid out as Excel will hold it. */
interface AppendJob {
  readonly append: AppendRows;
  readonly sheet: Excel.Worksheet;
  /** 0-based row the first appended row goes to. */
  readonly start: number;
  readonly width: number;
  readonly values: ExcelValue[][];
  readonly formats: (string | null)[][];
  readonly blocks: [number, number][];
  /** 0-based column of the first header cell to add (来源, or columns the master lacks), when the plan adds any. */
  readonly newHeader: number | undefined;
}

/** What has been written so far (for the roll-back): ranges as [sheet, row, col, rows, cols]. */
type Written = [Excel.Worksheet, number, number, number, number];

export async function applyMergePlan(context: Excel.RequestContext, plan: MergePlan, options: Omit<WriteOptions, 'mode'>): Promise<void> {
  const progress: Progress | undefined = options.progress;
  progress?.(0);
  for (const s of plan.add) {
    const problem = sheetNameProblem(s.name);
    if (problem !== undefined) throw new HostError('unknown', `「${s.name}」不能用作工作表名称：${problem}。`);
  }
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const sheets = worksheets.items;
  const byName = (name: string): Excel.Worksheet | undefined => sheets.find((ws) => normName(ws.name) === normName(name));

  const taken = plan.add.find((s) => byName(s.name) !== undefined);
  if (taken !== undefined) throw stale(`工作簿中已有名为「${taken.name}」的工作表`);
  const targets = plan.append.map((a) => {
    const ws = byName(a.sheet);
    if (ws === undefined) throw stale(`工作簿中没有「${a.sheet}」表`);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,rowCount');
    const first = firstWrittenHeader(a);
    const newHeader = first < a.header.length ? first : undefined;
    let headerCells: Excel.Range | undefined;
    if (newHeader !== undefined) {
      headerCells = ws.getRangeByIndexes(a.headerRow, newHeader, 1, a.header.length - newHeader);
      headerCells.load('values');
    }
    return { a, ws, used, newHeader, headerCells };
  });
  await context.sync();

  const jobs: AppendJob[] = targets.map(({ a, ws, used, newHeader, headerCells }) => {
    if (headerCells !== undefined && (headerCells.values[0] ?? []).some((v) => v !== '' && v !== null && v !== undefined)) {
      throw stale(`「${a.sheet}」表标题行末尾（要添加“来源”等列的位置）已有内容`);
    }
    const last = used.isNullObject ? a.headerRow : Math.max(a.headerRow, used.rowIndex + used.rowCount - 1);
    const width = Math.max(1, a.header.length, ...a.rows.map((r) => r.length));
    const values: ExcelValue[][] = [];
    const formats: (string | null)[][] = [];
    for (const row of a.rows) {
      const vs = new Array<ExcelValue>(width).fill(null);
      const fs = new Array<string | null>(width).fill(null);
      row.forEach((v, c) => {
        const { value, format } = toExcelValue(v);
        vs[c] = value;
        if (format !== undefined) fs[c] = format;
      });
      values.push(vs);
      formats.push(fs);
    }
    const bytes = values.map((r, i) => jsonBytes(r) + jsonBytes(formats[i]));
    return { append: a, sheet: ws, start: last + 1, width, values, formats, blocks: cutBlocks(bytes, MAX_BLOCK_ROWS, PAYLOAD_BUDGET), newHeader };
  });

  const totalBlocks = jobs.reduce((n, j) => n + j.blocks.length, 0) + (plan.add.length > 0 ? 1 : 0);
  let done = 0;
  const written: Written[] = [];
  try {
    // The new header cells (来源 …) go with the first request that writes, or alone when no rows follow.
    const headers = jobs.filter((j) => j.newHeader !== undefined);
    // One request per block of ≤ 5,000 rows, in turn: a bounded number of round trips, never one per row.
    for (const job of jobs) {
      for (const block of job.blocks) {
        await sendBlock(context, job, block, headers.splice(0), written, options.suspendScreen);
        progress?.(++done / (totalBlocks + 1));
      }
    }
    if (headers.length > 0) {
      for (const h of headers.splice(0)) writeHeader(h, written);
      await context.sync();
    }
    if (plan.add.length > 0) {
      await writeSheets(context, plan.add, { ...options, mode: 'add', progress: undefined });
    }
  } catch (e) {
    throw await rollBack(context, written, e);
  }
  progress?.(1);
}

/** Block [start, count] of a job's rows (and the new header cells still to write) in one request. */
async function sendBlock(
  context: Excel.RequestContext,
  job: AppendJob,
  [start, count]: [number, number],
  headers: readonly AppendJob[],
  written: Written[],
  suspendScreen: boolean,
): Promise<void> {
  context.application.suspendApiCalculationUntilNextSync();
  if (suspendScreen) context.application.suspendScreenUpdatingUntilNextSync();
  for (const h of headers) writeHeader(h, written);
  const range = job.sheet.getRangeByIndexes(job.start + start, 0, count, job.width);
  range.values = job.values.slice(start, start + count);
  const formats = job.formats.slice(start, start + count);
  if (formats.some((r) => r.some((f) => f !== null))) range.numberFormat = formats;
  written.push([job.sheet, job.start + start, 0, count, job.width]);
  await context.sync();
}

/** The header cells the master lacks (engine/merge's firstWrittenHeader onward: 来源 at the end …). */
function writeHeader(job: AppendJob, written: Written[]): void {
  const first = job.newHeader;
  if (first === undefined) return;
  const { header, headerRow } = job.append;
  const cells = header.slice(first).map((h) => toExcelValue(h).value);
  job.sheet.getRangeByIndexes(headerRow, first, 1, cells.length).values = [cells];
  written.push([job.sheet, headerRow, first, 1, cells.length]);
}

function stale(what: string): HostError {
  return new HostError('unknown', `无法应用合并：${what}。工作簿在导入后被修改过，请重新选择文件导入，核对摘要后再应用。`);
}

/**
 * After a failure: clear the contents of every range this call wrote (they were empty before: below the
 * last used row, or header cells checked empty) and return the failure. A failing roll-back is added to
 * the message, never hidden.
 */
async function rollBack(context: Excel.RequestContext, written: readonly Written[], failure: unknown): Promise<HostError> {
  const error = toHostError(failure);
  if (written.length === 0) return error;
  try {
    for (const [ws, row, col, rows, cols] of written) ws.getRangeByIndexes(row, col, rows, cols).clear('Contents');
    await context.sync();
    return error;
  } catch (e) {
    return new HostError(
      error.code,
      `${error.message} 另外，未能撤销已追加的行，请检查各表末尾新增的行（“来源”列注明了文件）并手动删除。`,
      `${error.detail ?? ''}\nrollback: ${toHostError(e).detail ?? ''}`,
    );
  }
}
