/**
 * Excel → RawWorkbook. Two syncs find the sheets and their used ranges; then the cells come in blocks of
 * at most 5,000 rows (fewer for wide sheets) read with getRangeByIndexes, one sync per request, so the
 * number of syncs is 2 + the number of requests and never grows with rows except by one per block. Small
 * sheets share a request (at most 5,000 rows and the byte budget together), so a workbook of many short
 * sheets does not pay a round trip per sheet. Reading in blocks also avoids Excel's "more than 5 million
 * cells come back empty".
 *
 * The cells are placed from A1 (a used range starting at C3 gives two empty rows and two nulls per row),
 * trailing empty cells and rows dropped: the same shape cli/xlsx-read.ts gives for an .xlsx file.
 */
import type { RawSheet, RawWorkbook, Scalar } from '../../engine/raw';
import type { Progress } from '../host';
import { MAX_BLOCK_ROWS, PAYLOAD_BUDGET, READ_BYTES_PER_CELL, fromExcel } from './cells';
import { isPayloadError } from './errors';

/** A rectangle of one sheet, 0-based. */
export interface Block {
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** Rows per block for a sheet this wide: 5,000, or fewer so that the estimated response fits the budget. */
export function readBlockRows(cols: number): number {
  return Math.max(1, Math.min(MAX_BLOCK_ROWS, Math.floor(PAYLOAD_BUDGET / (Math.max(1, cols) * READ_BYTES_PER_CELL))));
}

/** A used range cut into blocks of whole rows. */
export function blocksOf(sheet: number, row: number, col: number, rows: number, cols: number): Block[] {
  const step = readBlockRows(cols);
  const out: Block[] = [];
  for (let r = 0; r < rows; r += step) out.push({ sheet, row: row + r, col, rows: Math.min(step, rows - r), cols });
  return out;
}

/** Consecutive blocks grouped into requests of at most 5,000 rows and the byte budget together. */
export function packRequests(blocks: readonly Block[]): Block[][] {
  const requests: Block[][] = [];
  let current: Block[] = [];
  let rows = 0;
  let bytes = 0;
  for (const b of blocks) {
    const size = b.rows * b.cols * READ_BYTES_PER_CELL;
    if (current.length > 0 && (rows + b.rows > MAX_BLOCK_ROWS || bytes + size > PAYLOAD_BUDGET)) {
      requests.push(current);
      current = [];
      rows = 0;
      bytes = 0;
    }
    current.push(b);
    rows += b.rows;
    bytes += size;
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

/** Read every worksheet's used values, in tab order. */
export async function readWorkbook(context: Excel.RequestContext, progress?: Progress): Promise<RawWorkbook> {
  progress?.(0);
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const sheets = worksheets.items;
  // valuesOnly: a cell that only carries formatting (a coloured row far below the data) is not "used".
  const used = sheets.map((ws) => {
    const range = ws.getUsedRangeOrNullObject(true);
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    return range;
  });
  await context.sync();

  const builders = sheets.map((ws) => new SheetBuilder(ws.name));
  const blocks: Block[] = [];
  used.forEach((range, i) => {
    if (!range.isNullObject) blocks.push(...blocksOf(i, range.rowIndex, range.columnIndex, range.rowCount, range.columnCount));
  });
  const requests = packRequests(blocks);
  const total = blocks.reduce((n, b) => n + b.rows * b.cols, 0);
  let done = 0;
  // One request at a time, each its own sync: these are ≤ 5,000-row blocks, not per-cell syncs.
  for (const request of requests) {
    await fetchBlocks(context, sheets, request, builders);
    done += request.reduce((n, b) => n + b.rows * b.cols, 0);
    progress?.(total === 0 ? 1 : done / total);
  }
  progress?.(1);
  return { sheets: builders.map((b) => b.build()) };
}

/**
 * Load the blocks' values, value types and number formats in one sync. When Excel on the web refuses the
 * response as too large (long texts beat the estimate), read the blocks again in halves.
 */
async function fetchBlocks(
  context: Excel.RequestContext,
  sheets: readonly Excel.Worksheet[],
  blocks: readonly Block[],
  builders: readonly SheetBuilder[],
): Promise<void> {
  const ranges = blocks.map((b) => {
    const ws = sheets[b.sheet];
    if (ws === undefined) throw new Error(`sheet ${b.sheet} out of range`);
    const range = ws.getRangeByIndexes(b.row, b.col, b.rows, b.cols);
    range.load('values,valueTypes,numberFormat');
    return range;
  });
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadError(e)) throw e;
    const halves = splitRequest(blocks);
    if (halves === undefined) throw e;
    await fetchBlocks(context, sheets, halves[0], builders);
    await fetchBlocks(context, sheets, halves[1], builders);
    return;
  }
  ranges.forEach((range, k) => {
    const b = blocks[k];
    if (b !== undefined) builders[b.sheet]?.put(b, range.values, range.valueTypes, range.numberFormat);
  });
}

/** Several blocks → two groups of blocks; one block → its two halves; one row → nothing left to split. */
export function splitRequest(blocks: readonly Block[]): [Block[], Block[]] | undefined {
  if (blocks.length > 1) {
    const mid = Math.ceil(blocks.length / 2);
    return [blocks.slice(0, mid), blocks.slice(mid)];
  }
  const b = blocks[0];
  if (b === undefined || b.rows < 2) return undefined;
  const top = Math.ceil(b.rows / 2);
  return [[{ ...b, rows: top }], [{ ...b, row: b.row + top, rows: b.rows - top }]];
}

/** Collects one sheet's cells from its blocks, at their A1-based positions. */
class SheetBuilder {
  private readonly rows: Scalar[][] = [];

  constructor(private readonly name: string) {}

  put(block: Block, values: readonly (readonly unknown[])[], types: readonly (readonly string[])[], formats: readonly (readonly unknown[])[]): void {
    for (let i = 0; i < block.rows; i++) {
      const vs = values[i];
      if (vs === undefined) continue;
      const ts = types[i];
      const fs = formats[i];
      let out: Scalar[] | undefined;
      for (let j = 0; j < block.cols; j++) {
        const f = fs?.[j];
        const v = fromExcel(vs[j], ts?.[j], typeof f === 'string' ? f : undefined);
        if (v === null) continue;
        out ??= this.rows[block.row + i] ?? [];
        const c = block.col + j;
        while (out.length < c) out.push(null);
        out[c] = v;
      }
      if (out !== undefined) this.rows[block.row + i] = out;
    }
  }

  build(): RawSheet {
    // Holes (empty rows between data) become [], as cli/xlsx-read.ts gives them.
    const cells: Scalar[][] = Array.from({ length: this.rows.length }, (_, r) => this.rows[r] ?? []);
    return { name: this.name, cells };
  }
}
