/**
 * EXPORT (product.md "Export"): the graded summaries an office publishes, as a separate workbook or
 * a CSV. Pure: the run's own output sheets are reused as emitted (no recomputation), re-dressed for
 * print (a title with 评定年度 and the export date above the header; landscape, one page wide, the
 * header repeated). The date comes in from the adapter, which owns the clock.
 *
 *   report.outputs ──▶ 公示名单 (picked from 评定结果), 单位汇总 (+ chart), 评定结果, 问题清单
 */
import type { Report } from '../index';
import type { Locale } from '../messages';
import type { OutputSheet, PrintSetup } from '../output';
import { GAPS_SHEET, RESULTS_SHEET, UNITS_SHEET } from '../emit';
import { PUBLIC_LIST_SHEET, publicList } from './public-list';
import { dateLine, titleOf, yearLabel } from './titles';

export { toCsv, neutralise, CSV_BOM } from './csv';
export { PUBLIC_LIST_SHEET, PUBLIC_COLUMNS, SCORE_COLUMNS } from './public-list';

export interface ExportOptions {
  /** The export date, `YYYY-MM-DD`, from the adapter's clock (the engine has none). */
  readonly date: string;
  /** Add 总分 and 排名 to 公示名单 (off by default: the published list shows grades only). */
  readonly includeScores?: boolean;
  /** Language of the title rows; headers stay as the contract names them. */
  readonly locale?: Locale;
}

/** The exported sheets, in workbook order. */
export const EXPORT_SHEET_NAMES = [PUBLIC_LIST_SHEET, UNITS_SHEET, RESULTS_SHEET, GAPS_SHEET] as const;
export type ExportSheetName = (typeof EXPORT_SHEET_NAMES)[number];

/** Print-ready: landscape, fit to one page wide (any number of pages tall), header rows on every page. */
export const EXPORT_PRINT: PrintSetup = { orientation: 'landscape', fitToWidth: true, repeatHeader: true };

/** A programmer or setup error: a date that is not `YYYY-MM-DD`, or a report without the sheets it always has. */
export class ExportError extends Error {
  override readonly name = 'ExportError';
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month of the Gregorian calendar (February 29 in years divisible by 4, except centuries not divisible by 400). */
function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function checkDate(date: string): void {
  const m = DATE.exec(date);
  const [year, month, day] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
  if (m === null || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
    throw new ExportError(`export date must be a real date as YYYY-MM-DD, got "${date}"`);
  }
}

/**
 * The export's sheets: 公示名单 (支部编号, 支部名称, 所属党委, 等次, 红旗候选; + 总分, 排名 with
 * includeScores), 单位汇总 with its grade-distribution chart, 评定结果 and 问题清单 — each with a
 * title row (`2026年度党支部分类定级结果公示`) and a date row (`导出日期：2026-11-21`) above the
 * header, and EXPORT_PRINT. Rows are the run's own (report.outputs), never recomputed. 公示名单 picks
 * named columns only; 评分一致性 (which names scorers by design) and the ballot sheets are never exported.
 * One exception to know: 评定结果's 等次说明 of a 未评定 branch names the blank cells to fill, and a
 * wide form's sheet name carries its scorer's name (`评分-张三!E7`; docs/decisions.md).
 */
export function exportSheets(report: Report, options: ExportOptions): OutputSheet[] {
  checkDate(options.date);
  const locale = options.locale ?? 'zh-CN';
  const year = yearLabel(report.model.settings.year, locale);
  const find = (name: string): OutputSheet => {
    const sheet = report.outputs.find((o) => o.name === name);
    if (sheet === undefined) throw new ExportError(`the report has no ${name} sheet`);
    return sheet;
  };
  const results = find(RESULTS_SHEET);
  const sheets: OutputSheet[] = [publicList(results, options.includeScores ?? false), find(UNITS_SHEET), results, find(GAPS_SHEET)];
  return sheets.map((s) => ({
    ...s,
    preamble: [[titleOf(s.name, year, locale)], [dateLine(options.date, locale)]],
    print: EXPORT_PRINT,
  }));
}
