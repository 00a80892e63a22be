/**
 * The web page's host: an .xlsx opened in the browser and held in memory as an exceljs workbook.
 * Reading, writing and saving reuse the CLI's browser-safe adapter (cli/xlsx-read.ts, cli/xlsx-write.ts),
 * so the page and `branch-rating score` write the same file. Nothing here touches the network: the bytes
 * come from a file the user picked and leave as a Blob the user downloads.
 *
 * There is no grid to select a cell in, so `select` records the selection; the page shows it (评分!E5)
 * with a read-only preview of the rows around the cell (`preview`).
 */
import ExcelJS from 'exceljs';
import { HostError, type ExportResult, type HostCapabilities, type Progress, type WorkbookHost } from '../host';
import { firstWrittenHeader } from '../../engine/merge/apply';
import type { MergePlan } from '../../engine/merge/types';
import type { OutputSheet } from '../../engine/output';
import type { RawWorkbook, Scalar } from '../../engine/raw';
import { cellScalar, loadExcelWorkbook, rawFromExcel } from '../../cli/xlsx-read';
import { addCharts } from '../../cli/xlsx-chart';
import { appendPlanRows, lastValueRow } from '../../cli/xlsx-merge';
import { addOutputSheets, workbookBytes, writeNewWorkbook } from '../../cli/xlsx-write';
import { XLSX_MIME, saveBlob, type SaveFile } from '../save-file';

export { XLSX_MIME } from '../save-file';

export interface MemoryHostOptions {
  /** How exportWorkbook hands its file to the user (defaults to a blob: link download). */
  readonly save?: SaveFile;
}

/** What `select` last asked for: a sheet, and a cell of it when row and col are given (0-based). */
export interface WebSelection {
  /** The sheet's name as the workbook spells it (or as asked, when no sheet has that name). */
  readonly sheet: string;
  readonly row?: number;
  readonly col?: number;
  /** False when the workbook has no such sheet (an issue about a missing sheet). */
  readonly exists: boolean;
}

/** A read-only window of a sheet's values around the selection. */
export interface SheetPreview {
  readonly sheet: string;
  /** 0-based row and column of `cells[0][0]`. */
  readonly firstRow: number;
  readonly firstCol: number;
  /** A rectangle of values (every row as long as the others). */
  readonly cells: readonly (readonly Scalar[])[];
}

export interface MemoryHost extends WorkbookHost {
  readonly kind: 'web';
  /** The name of the file that was opened. */
  readonly fileName: string;
  /** What to call the download: `<name>-评定结果.xlsx`. */
  readonly downloadName: string;
  /** Counts the changes (writeOutputs, addSheets that added something): the page warns before closing unsaved work. */
  readonly revision: number;
  /** Be told after every change (the revision it made); returns a function that stops it. */
  onChange(listener: (revision: number) => void): () => void;
  /** The last selection, or null before any. */
  readonly selection: WebSelection | null;
  /** Be told of every selection; returns a function that stops it. */
  onSelect(listener: (selection: WebSelection) => void): () => void;
  /** The values around a selection: ±rowRadius rows and ±colRadius columns (5 and 4 by default; from A1 when there is no cell). */
  preview(selection: WebSelection, rowRadius?: number, colRadius?: number): SheetPreview | null;
  /** The workbook as it is now (inputs untouched, outputs written), as an .xlsx Blob. */
  download(): Promise<Blob>;
}

const CAPABILITIES: HostCapabilities = { dataValidation: true, charts: true };

/**
 * Open .xlsx bytes as a host. Throws HostError('unreadable') with a message in Chinese saying what to do
 * when the bytes are not a workbook this page can open (an old .xls, an encrypted file, not a spreadsheet).
 */
export async function createMemoryHost(bytes: ArrayBuffer, fileName: string, options: MemoryHostOptions = {}): Promise<MemoryHost> {
  const wb = await openWorkbook(bytes, fileName);
  return new ExcelJsMemoryHost(wb, fileName, options.save ?? saveBlob);
}

/**
 * A new workbook without sheets, for someone who starts from nothing: the task pane's 准备 step then adds
 * the template's input sheets. (Opening a file without sheets is refused: that file is broken.)
 */
export async function createEmptyHost(fileName: string, options: MemoryHostOptions = {}): Promise<MemoryHost> {
  return new ExcelJsMemoryHost(new ExcelJS.Workbook(), fileName, options.save ?? saveBlob);
}

/** `学院.xlsx` → `学院-评定结果.xlsx`; any extension is replaced by .xlsx. */
export function downloadNameFor(fileName: string): string {
  const base = fileName.trim().replace(/\.(xlsx|xlsm|xls|xltx)$/i, '') || '工作簿';
  return `${base}-评定结果.xlsx`;
}

async function openWorkbook(bytes: ArrayBuffer, fileName: string): Promise<ExcelJS.Workbook> {
  const head = new Uint8Array(bytes, 0, Math.min(8, bytes.byteLength));
  if (bytes.byteLength === 0) throw new HostError('unreadable', `「${fileName}」是空文件，请选择一个 .xlsx 工作簿。`);
  // D0 CF 11 E0: an OLE compound file, which is either a legacy .xls or an encrypted (password-protected) .xlsx.
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new HostError(
      'unreadable',
      `「${fileName}」是旧版 .xls 文件或设置了打开密码的工作簿。请在 Excel 或 WPS 中取消密码，并另存为 .xlsx 后再打开。`,
    );
  }
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadExcelWorkbook(bytes, false);
  } catch (e) {
    throw new HostError(
      'unreadable',
      `无法打开「${fileName}」：它不是有效的 .xlsx 工作簿。请在 Excel 或 WPS 中打开并另存为 .xlsx（Excel 工作簿）后再试。`,
      e instanceof Error ? e.message : String(e),
    );
  }
  if (wb.worksheets.length === 0) {
    throw new HostError('unreadable', `「${fileName}」中没有工作表，请选择一个包含数据的 .xlsx 工作簿。`);
  }
  return wb;
}

/** Let the browser paint (progress bars) between chunks of synchronous work. */
function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Refuse, before anything is changed, a name Excel would refuse (so a write is never half applied):
 * at most 31 characters, none of * ? : \ / [ ], not starting or ending with '. exceljs would silently
 * truncate a long name, and then the sheet would not be where the task pane looks for it.
 */
function checkSheetNames(sheets: readonly OutputSheet[]): void {
  for (const { name } of sheets) {
    if (name.trim() === '' || name.length > 31 || /[*?:/\\[\]]/.test(name) || /^'|'$/.test(name) || name === 'History') {
      throw new HostError(
        'unknown',
        `「${name}」不能用作工作表名称：名称不能为空、不能超过 31 个字符、不能包含 * ? : \\ / [ ]，也不能以单引号开头或结尾。请修改（例如评分人姓名）后重试。`,
      );
    }
  }
}

/** A cell's value, 0-based, without creating the cell (findCell, not getCell). */
function cellAt(ws: ExcelJS.Worksheet, row: number, col: number): Scalar {
  const cell = ws.findCell(row + 1, col + 1);
  return cell === undefined ? null : cellScalar(cell);
}

function sameSheetName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

class ExcelJsMemoryHost implements MemoryHost {
  readonly kind = 'web' as const;
  readonly capabilities = CAPABILITIES;
  readonly downloadName: string;
  private current: WebSelection | null = null;
  private changes = 0;
  private readonly listeners = new Set<(s: WebSelection) => void>();
  private readonly changeListeners = new Set<(revision: number) => void>();
  /** Output sheets written with a chart (单位汇总), by name: the download adds their chart parts. */
  private readonly charted = new Map<string, OutputSheet>();
  /** Every operation runs after the previous one, so a download never sees a half-written sheet. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly wb: ExcelJS.Workbook,
    readonly fileName: string,
    private readonly save: SaveFile,
  ) {
    this.downloadName = downloadNameFor(fileName);
  }

  get revision(): number {
    return this.changes;
  }

  get selection(): WebSelection | null {
    return this.current;
  }

  sheetNames(): Promise<readonly string[]> {
    return this.serial(async () => this.wb.worksheets.map((ws) => ws.name));
  }

  read(progress?: Progress): Promise<RawWorkbook> {
    return this.serial(async () => {
      progress?.(0);
      const raw = rawFromExcel(this.wb);
      progress?.(1);
      return raw;
    });
  }

  writeOutputs(sheets: readonly OutputSheet[], progress?: Progress): Promise<void> {
    return this.serial(async () => {
      progress?.(0);
      checkSheetNames(sheets);
      // One sheet at a time, with a pause between, so the page stays responsive. Replacing sheet by sheet
      // ends in the same workbook as replacing all at once: kept sheets in order, then the outputs in order.
      for (let i = 0; i < sheets.length; i++) {
        const sheet = sheets[i];
        if (sheet === undefined) continue;
        this.guard(() => addOutputSheets(this.wb, [sheet]));
        // exceljs cannot draw charts: remember the sheet, and the download adds its chart part to the zip.
        if (sheet.chart) this.charted.set(sheet.name, sheet);
        else this.charted.delete(sheet.name);
        this.changed();
        progress?.((i + 1) / sheets.length);
        await yieldToBrowser();
      }
      progress?.(1);
    });
  }

  addSheets(sheets: readonly OutputSheet[], progress?: Progress): Promise<readonly string[]> {
    return this.serial(async () => {
      progress?.(0);
      const existing = this.wb.worksheets.map((ws) => ws.name);
      const missing = sheets.filter((s) => !existing.some((name) => sameSheetName(name, s.name)));
      // Two template sheets of the same name in one call: the first wins, like a sheet that exists.
      const added: OutputSheet[] = [];
      for (const s of missing) if (!added.some((a) => sameSheetName(a.name, s.name))) added.push(s);
      checkSheetNames(added);
      this.guard(() => addOutputSheets(this.wb, added));
      if (added.length > 0) this.changed();
      progress?.(1);
      return added.map((s) => s.name);
    });
  }

  /**
   * Append the plan's rows below each target sheet's last row with a value (the header cells the master
   * lacks first: 来源 …), stretch the sheet's table over them, then add the plan's new sheets. Every check runs before the first cell is written, and the
   * writes themselves are synchronous, so the workbook gets the whole merge or none of it.
   */
  applyMerge(plan: MergePlan, progress?: Progress): Promise<void> {
    return this.serial(async () => {
      progress?.(0);
      checkSheetNames(plan.add);
      const find = (name: string) => this.wb.worksheets.find((w) => sameSheetName(w.name, name));
      const refuse = (what: string) =>
        new HostError('unknown', `无法应用合并：${what}。工作簿在导入后被修改过，请重新选择文件导入，核对摘要后再应用。`);
      const taken = plan.add.find((s) => find(s.name) !== undefined || plan.add.some((o) => o !== s && sameSheetName(o.name, s.name)));
      if (taken !== undefined) throw refuse(`工作簿中已有名为「${taken.name}」的工作表`);
      const jobs = plan.append.map((a) => {
        const ws = find(a.sheet);
        if (ws === undefined) throw refuse(`工作簿中没有「${a.sheet}」表`);
        const first = firstWrittenHeader(a);
        for (let c = first; c < a.header.length; c++) {
          if (cellAt(ws, a.headerRow, c) !== null) throw refuse(`「${a.sheet}」表标题行末尾（要添加“来源”等列的位置）已有内容`);
        }
        return { a, ws, first, start: Math.max(a.headerRow, lastValueRow(ws)) + 1 };
      });
      this.guard(() => {
        for (const { a, ws, start } of jobs) {
          appendPlanRows(ws, a, start);
        }
        addOutputSheets(this.wb, plan.add);
      });
      if (jobs.some((j) => j.a.rows.length > 0 || j.first < j.a.header.length) || plan.add.length > 0) this.changed();
      progress?.(1);
    });
  }

  /** The web page always downloads: the export is a new file beside the open workbook, which is unchanged. */
  exportWorkbook(sheets: readonly OutputSheet[], fileName: string): Promise<ExportResult> {
    return this.serial(async () => {
      let bytes: Uint8Array;
      try {
        bytes = await writeNewWorkbook(sheets);
      } catch (e) {
        throw new HostError('unknown', '无法生成导出的 .xlsx 文件。请刷新页面后重新打开工作簿再试。', e instanceof Error ? e.message : String(e));
      }
      this.save(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME }), fileName);
      return { via: 'downloaded' } as const;
    });
  }

  async select(sheet: string, row?: number, col?: number): Promise<void> {
    const ws = this.wb.worksheets.find((w) => sameSheetName(w.name, sheet));
    const selection: WebSelection = {
      sheet: ws?.name ?? sheet,
      exists: ws !== undefined,
      ...(row !== undefined ? { row } : {}),
      ...(col !== undefined ? { col } : {}),
    };
    this.current = selection;
    for (const listener of this.listeners) listener(selection);
  }

  onSelect(listener: (selection: WebSelection) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  onChange(listener: (revision: number) => void): () => void {
    this.changeListeners.add(listener);
    return () => {
      this.changeListeners.delete(listener);
    };
  }

  private changed(): void {
    this.changes++;
    for (const listener of this.changeListeners) listener(this.changes);
  }

  preview(selection: WebSelection, rowRadius = 5, colRadius = 4): SheetPreview | null {
    const ws = this.wb.worksheets.find((w) => sameSheetName(w.name, selection.sheet));
    if (ws === undefined) return null;
    const centerRow = selection.row ?? rowRadius;
    const centerCol = selection.col ?? colRadius;
    const firstRow = Math.max(0, centerRow - rowRadius);
    const firstCol = Math.max(0, centerCol - colRadius);
    const lastRow = centerRow + rowRadius;
    const lastCol = centerCol + colRadius;
    const cells: Scalar[][] = [];
    for (let r = firstRow; r <= lastRow; r++) {
      const out: Scalar[] = [];
      // findCell, not getCell: looking must not create empty cells in the workbook that is saved.
      for (let c = firstCol; c <= lastCol; c++) {
        const cell = ws.findCell(r + 1, c + 1);
        out.push(cell === undefined ? null : cellScalar(cell));
      }
      cells.push(out);
    }
    return { sheet: ws.name, firstRow, firstCol, cells };
  }

  download(): Promise<Blob> {
    return this.serial(async () => {
      // Excel cannot open a workbook without a sheet (exceljs would write one anyway).
      if (this.wb.worksheets.length === 0) {
        throw new HostError('unknown', '工作簿中还没有工作表。请先在“准备”中创建输入表，再下载。');
      }
      let bytes: Uint8Array;
      try {
        bytes = await workbookBytes(this.wb);
        const charted = [...this.charted.values()].filter((s) => this.wb.getWorksheet(s.name) !== undefined);
        if (charted.length > 0) bytes = await addCharts(bytes, charted);
      } catch (e) {
        throw new HostError('unknown', '无法生成 .xlsx 文件。请刷新页面后重新打开工作簿再试。', e instanceof Error ? e.message : String(e));
      }
      return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME });
    });
  }

  private serial<T>(op: () => Promise<T>): Promise<T> {
    const next = this.queue.then(op, op);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** exceljs throws plain Errors: say it in words, keep the detail for the details pane. */
  private guard(op: () => void): void {
    try {
      op();
    } catch (e) {
      throw new HostError('unknown', '写入工作表时出错。请刷新页面，重新打开工作簿后再试。', e instanceof Error ? e.message : String(e));
    }
  }
}
