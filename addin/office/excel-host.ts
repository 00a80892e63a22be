/**
 * The WorkbookHost over Excel (Office.js). No scoring here: values move between Excel and RawWorkbook /
 * OutputSheet (read.ts, write.ts), and Excel's failures become HostErrors in words (errors.ts).
 *
 * The manifest asks for ExcelApi 1.7 (Office 2019: getRangeByIndexes, freeze panes, chart series);
 * data validation (1.8) and suspendScreenUpdatingUntilNextSync (1.9) are used only where
 * `isSetSupported` says so. Every operation runs in its own Excel.run, one after another.
 */
import { normName } from '../../engine/parse/normalize';
import type { OutputSheet } from '../../engine/output';
import type { RawWorkbook } from '../../engine/raw';
import { HostError, type HostCapabilities, type Progress, type WorkbookHost } from '../host';
import { toHostError } from './errors';
import { readWorkbook } from './read';
import { writeSheets } from './write';

/** `Excel.run` (tests pass a fake). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  /** Defaults to the global `Excel.run`. */
  readonly run?: ExcelRun;
  /** Defaults to `Office.context.requirements.isSetSupported`. */
  readonly isSetSupported?: (name: string, version: string) => boolean;
}

/** The manifest's floor. */
export const EXCEL_API_FLOOR = '1.7';

/** Create the Excel host. Office.js must be loaded (Office.onReady) before its methods are called. */
export function createExcelHost(options: ExcelHostOptions = {}): WorkbookHost {
  return new ExcelHost(options.run ?? ((batch) => Excel.run(batch)), options.isSetSupported ?? officeIsSetSupported);
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
