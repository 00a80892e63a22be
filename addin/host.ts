/**
 * Where the workbook lives, as the task pane sees it. Two hosts implement it: `addin/office/` (Excel
 * through Office.js) and `addin/web/` (an .xlsx held in memory in the browser). The task pane's logic
 * (`addin/taskpane/controller.ts`) talks only to this interface and to the engine facade, so the same UI
 * runs in Excel and as a plain web page, and the end-to-end tests of the web page exercise it whole.
 */
import type { MergePlan } from '../engine/merge/types';
import type { OutputSheet } from '../engine/output';
import type { RawWorkbook } from '../engine/raw';

/** Called with the share of the step done (0–1). */
export type Progress = (fraction: number) => void;

export interface HostCapabilities {
  /** Data validation 0..分值 on scoring forms (Excel: ExcelApi 1.8; the web page: always). */
  readonly dataValidation: boolean;
  /** The grade-distribution chart on 单位汇总 (Excel: yes; the web page's exceljs writer: no). */
  readonly charts: boolean;
}

/** What a host failure means for the user; the task pane turns it into words and what to do. */
export type HostErrorCode =
  | 'busy' // Excel is in cell-edit mode or another operation holds the workbook
  | 'tooLarge' // a request or the workbook exceeds what the host accepts
  | 'unsupported' // the Office version lacks an API this step needs
  | 'protected' // a sheet or the workbook is protected
  | 'unreadable' // the file could not be opened (web page)
  | 'unknown';

/** A failure of the host (Excel or the browser), carrying the original error for the details pane. */
export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}

export interface WorkbookHost {
  readonly kind: 'excel' | 'web';
  readonly capabilities: HostCapabilities;
  /** Names of the workbook's sheets, in order. */
  sheetNames(): Promise<readonly string[]>;
  /** Every sheet's used values from A1, for the engine (values only; formulas give their results). */
  read(progress?: Progress): Promise<RawWorkbook>;
  /**
   * Write each output sheet whole: values, table, number formats, highlights (conditional formats), the chart
   * where supported. An earlier sheet of the same name is replaced; no other sheet is touched.
   */
  writeOutputs(sheets: readonly OutputSheet[], progress?: Progress): Promise<void>;
  /**
   * Add the sheets that do not exist yet (template sheets, scoring forms, with their data validation where
   * supported). A sheet that exists is never modified. Returns the names added.
   */
  addSheets(sheets: readonly OutputSheet[], progress?: Progress): Promise<readonly string[]>;
  /** Show a sheet and select a cell of it (0-based), or the sheet alone. */
  select(sheet: string, row?: number, col?: number): Promise<void>;
  /**
   * Apply a merge plan (导入) to the open workbook, the master: append each AppendRows block below the last
   * row that holds a value in its sheet (first adding the 来源 header cell at the end of the header row when
   * `addSourceColumn`), then add the plan's new sheets. Never changes a cell that holds anything: a plan
   * that would (a 来源 cell already filled, a new sheet whose name exists, a missing target sheet) is refused
   * before anything is written, and a failure part-way takes back what was written.
   */
  applyMerge(plan: MergePlan, progress?: Progress): Promise<void>;
  /**
   * Hand the exported sheets (导出) to the user as a new .xlsx workbook named `fileName`: opened in Excel
   * where the host can (`opened`, Excel with ExcelApi 1.8), else saved as a download (`downloaded`).
   * The open workbook is not changed.
   */
  exportWorkbook(sheets: readonly OutputSheet[], fileName: string): Promise<ExportResult>;
}

/**
 * How an exported workbook reached the user: opened as a new workbook in Excel, or downloaded. `detail` is
 * Excel's own error when it could not open the new workbook and the download was the fallback, so the pane
 * can show why (never swallowed).
 */
export type ExportResult = { readonly via: 'opened' } | { readonly via: 'downloaded'; readonly detail?: string };
