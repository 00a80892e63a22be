/**
 * The `export` command's adapter part: Report → the bytes of a print-ready summary workbook (.xlsx,
 * with the 单位汇总 chart) or of one sheet as CSV. The clock lives here, not in the engine: the
 * export date is today's local date. No Node-only code: the web page can call exportBytes too.
 */
import type { Report } from '../engine/index';
import { EXPORT_SHEET_NAMES, PUBLIC_LIST_SHEET, exportSheets, toCsv } from '../engine/export/index';
import type { Locale } from '../engine/messages';
import { writeNewWorkbook } from './xlsx-write';

export type ExportFormat = 'xlsx' | 'csv';

/** The format an output file name asks for, or null for any other extension. */
export function exportFormatOf(file: string): ExportFormat | null {
  if (/\.xlsx$/i.test(file)) return 'xlsx';
  if (/\.csv$/i.test(file)) return 'csv';
  return null;
}

/** The sheet a CSV export writes when none is named. */
export const DEFAULT_CSV_SHEET = PUBLIC_LIST_SHEET;

/** True when `name` is one of the exported sheets (for --sheet). */
export function isExportSheet(name: string): boolean {
  return (EXPORT_SHEET_NAMES as readonly string[]).includes(name);
}

/** Today as `YYYY-MM-DD` in local time (an office dates its notice by its own calendar, not UTC). */
export function localDate(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface ExportRequest {
  readonly format: ExportFormat;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  readonly includeScores: boolean;
  readonly locale: Locale;
  /** CSV only: which sheet (default 公示名单). */
  readonly sheet?: string;
}

/**
 * The export file's bytes: every exported sheet in a new workbook (print setup and chart applied),
 * or one sheet as UTF-8 CSV with BOM. An unknown `sheet` is the caller's to reject beforehand
 * (isExportSheet); here it throws.
 */
export async function exportBytes(report: Report, request: ExportRequest): Promise<Uint8Array> {
  const sheets = exportSheets(report, { date: request.date, includeScores: request.includeScores, locale: request.locale });
  if (request.format === 'xlsx') return writeNewWorkbook(sheets);
  const name = request.sheet ?? DEFAULT_CSV_SHEET;
  const sheet = sheets.find((s) => s.name === name);
  if (sheet === undefined) throw new Error(`not an exported sheet: ${name}`);
  return new TextEncoder().encode(toCsv(sheet));
}
