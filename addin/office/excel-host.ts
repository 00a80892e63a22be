/**
 * The WorkbookHost over Excel (Office.js). No scoring here: values move between Excel and RawWorkbook /
 * OutputSheet (read.ts, write.ts), and Excel's failures become HostErrors in words (errors.ts).
 *
 * The manifest asks for ExcelApi 1.7 (Office 2019: getRangeByIndexes, freeze panes, chart series);
 * data validation and Excel.createWorkbook (1.8) and suspendScreenUpdatingUntilNextSync (1.9) are used
 * only where `isSetSupported` says so. Every operation runs in its own Excel.run, one after another.
 */
import type { MergePlan } from '../../engine/merge/types';
import { normName } from '../../engine/parse/normalize';
import type { OutputSheet } from '../../engine/output';
import type { RawWorkbook } from '../../engine/raw';
import { HostError, type ExportResult, type HostCapabilities, type Progress, type WorkbookHost } from '../host';
import { XLSX_MIME, saveBlob, toBase64, type SaveFile } from '../save-file';
import { toHostError } from './errors';
import { applyMergePlan } from './merge';
import { readWorkbook } from './read';
import { writeSheets } from './write';

/** `Excel.run` (tests pass a fake). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  /** Defaults to the global `Excel.run`. */
  readonly run?: ExcelRun;
  /** Defaults to `Office.context.requirements.isSetSupported`. */
  readonly isSetSupported?: (name: string, version: string) => boolean;
  /** `Excel.createWorkbook` (ExcelApi 1.8); tests pass a recorder. */
  readonly createWorkbook?: (base64: string) => Promise<void>;
  /** How a file is downloaded when Excel cannot open it (defaults to a blob: link). */
  readonly save?: SaveFile;
}

/**
 * The exported sheets as .xlsx bytes, built in the task pane with the CLI's writer. exceljs is loaded only
 * here, on the first export (its own chunk), so the task pane does not download it at start.
 */
async function buildWorkbook(sheets: readonly OutputSheet[]): Promise<Uint8Array> {
  const { writeNewWorkbook } = await import(/* webpackChunkName: "xlsx-write" */ '../../cli/xlsx-write');
  return writeNewWorkbook(sheets);
}

/** The manifest's floor. */
export const EXCEL_API_FLOOR = '1.7';

/** Create the Excel host. Office.js must be loaded (Office.onReady) before its methods are called. */
export function createExcelHost(options: ExcelHostOptions = {}): WorkbookHost {
  return new ExcelHost(
    options.run ?? ((batch) => Excel.run(batch)),
    options.isSetSupported ?? officeIsSetSupported,
    options.createWorkbook ?? ((base64) => Excel.createWorkbook(base64)),
    options.save ?? saveBlob,
  );
}

function officeIsSetSupported(name: string, version: string): boolean {
  return typeof Office !== 'undefined' && Office.context.requirements.isSetSupported(name, version);
}

class ExcelHost implements WorkbookHost {
  readonly kind = 'excel' as const;
  /** Operations run one after another: a read never sees a half-written sheet. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly run: ExcelRun,
    private readonly supports: (name: string, version: string) => boolean,
    private readonly createWorkbook: (base64: string) => Promise<void>,
    private readonly save: SaveFile,
  ) {}

  /** Asked each time: Office may not have been ready when the host was made. */
  get capabilities(): HostCapabilities {
    return { dataValidation: this.supports('ExcelApi', '1.8'), charts: true };
  }

  sheetNames(): Promise<readonly string[]> {
    return this.excel(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name');
      await context.sync();
      return worksheets.items.map((ws) => ws.name);
    });
  }

  read(progress?: Progress): Promise<RawWorkbook> {
    return this.excel((context) => readWorkbook(context, progress));
  }

  async writeOutputs(sheets: readonly OutputSheet[], progress?: Progress): Promise<void> {
    await this.excel((context) => writeSheets(context, sheets, this.writeOptions('replace', progress)));
  }

  addSheets(sheets: readonly OutputSheet[], progress?: Progress): Promise<readonly string[]> {
    return this.excel((context) => writeSheets(context, sheets, this.writeOptions('add', progress)));
  }

  select(sheet: string, row?: number, col?: number): Promise<void> {
    return this.excel(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load('items/name');
      await context.sync();
      // The issue names the sheet as the engine read it; compare as the engine does.
      const ws = worksheets.items.find((w) => normName(w.name) === normName(sheet));
      if (ws === undefined) throw new HostError('unknown', `工作簿中没有名为「${sheet}」的工作表（可能已被删除或改名）。请检查后重新运行“检查”。`);
      ws.activate();
      if (row !== undefined && col !== undefined) ws.getCell(row, col).select();
      await context.sync();
    });
  }

  async applyMerge(plan: MergePlan, progress?: Progress): Promise<void> {
    await this.excel((context) => applyMergePlan(context, plan, { validation: this.supports('ExcelApi', '1.8'), suspendScreen: this.supports('ExcelApi', '1.9'), progress }));
  }

  /**
   * ExcelApi 1.8: `Excel.createWorkbook` opens the export as a new, unsaved workbook (the user saves it
   * where they like). Below 1.8, or when Excel refuses (a browser blocking the new tab of Excel on the web),
   * the same bytes are downloaded instead and the pane says so. Either way the open workbook is untouched.
   */
  async exportWorkbook(sheets: readonly OutputSheet[], fileName: string): Promise<ExportResult> {
    let bytes: Uint8Array;
    try {
      bytes = await buildWorkbook(sheets);
    } catch (e) {
      throw new HostError('unknown', '无法生成导出的工作簿。请重试；若仍失败，请改用网页版或命令行导出。', e instanceof Error ? e.message : String(e));
    }
    let detail: string | undefined;
    if (this.supports('ExcelApi', '1.8')) {
      try {
        await this.createWorkbook(toBase64(bytes));
        return { via: 'opened' };
      } catch (e) {
        // Fall back to the download so the file still reaches the user; Excel's reason goes to the pane.
        detail = toHostError(e).detail ?? (e instanceof Error ? e.message : String(e));
      }
    }
    try {
      this.save(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME }), fileName);
    } catch (e) {
      throw new HostError('unsupported', '此 Excel 无法打开新工作簿，也无法从任务窗格下载文件。请改用网页版或命令行导出。', e instanceof Error ? e.message : String(e));
    }
    return detail === undefined ? { via: 'downloaded' } : { via: 'downloaded', detail };
  }

  private writeOptions(mode: 'replace' | 'add', progress: Progress | undefined) {
    return { mode, validation: this.supports('ExcelApi', '1.8'), suspendScreen: this.supports('ExcelApi', '1.9'), progress };
  }

  /** Run one operation in turn, inside Excel.run, with every failure turned into a HostError. */
  private excel<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      if (!this.supports('ExcelApi', EXCEL_API_FLOOR)) {
        throw new HostError('unsupported', '此加载项需要 Excel 2019 或更高版本（ExcelApi 1.7）。请更新 Office，或使用 Microsoft 365 / Excel 网页版。');
      }
      try {
        return await this.run(batch);
      } catch (e) {
        throw toHostError(e);
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
