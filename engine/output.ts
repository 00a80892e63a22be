/**
 * What engine/emit/* hands the adapters: each output sheet as a header, rows of plain values and
 * the formats to apply. Values are already rounded to 小数位数 where the contract says so.
 */

export type OutputValue = string | number | boolean | Date | null;

/** Excel number formats used by the outputs (小数位数 0–6 for scores, the same for percents). */
export type NumberFormat =
  | '0' | '0.0' | '0.00' | '0.000' | '0.0000' | '0.00000' | '0.000000'
  | '0%' | '0.0%' | '0.00%' | '0.000%' | '0.0000%' | '0.00000%' | '0.000000%'
  | '@' | 'General';

export interface OutputColumn {
  readonly header: string;
  readonly format?: NumberFormat;
  /** Approximate width in characters. */
  readonly width?: number;
  /** A user column (整改措施 …, 最终等次): the engine never overwrites what was typed there. */
  readonly user?: boolean;
}

/** A conditional format: cells of `column` whose text equals `equals` get `style`. */
export interface Highlight {
  readonly column: string;
  readonly equals: string;
  readonly style: 'good' | 'fair' | 'warn' | 'bad';
}

/** A clustered column chart over a block of the sheet (单位汇总's grade distribution). */
export interface ChartSpec {
  readonly title: string;
  /** Header of the category column (e.g. 所属党委). */
  readonly categoryColumn: string;
  /** Headers of the series columns (one per grade). */
  readonly seriesColumns: readonly string[];
  /** Leave the last row out (a 合计 row). */
  readonly excludeLastRow: boolean;
}

export interface OutputSheet {
  readonly name: string;
  /** ASCII Excel table name, unique in the workbook (e.g. `BR_Results`). */
  readonly tableName: string;
  /** Rows written above the header (labels such as `评分人类别 | 上级`, an instruction line); usually empty. */
  readonly preamble?: readonly (readonly OutputValue[])[];
  readonly columns: readonly OutputColumn[];
  readonly rows: readonly (readonly OutputValue[])[];
  /** Columns frozen at the left besides the header row. */
  readonly freezeColumns: number;
  readonly highlights: readonly Highlight[];
  readonly chart?: ChartSpec;
  /**
   * Formats of single cells, over their column's format: 问题清单's 标准/实际/差距 mix points,
   * counts and ratios, so each row's unit picks its own format.
   */
  readonly cellFormats?: readonly CellFormat[];
  /** Data validation on data cells (scoring forms: 0..分值 per indicator column); applied where the host supports it. */
  readonly validations?: readonly ColumnValidation[];
  /** Print-ready layout (export): landscape, fit to one page wide, the header row repeated on every page. */
  readonly print?: PrintSetup;
}

export interface PrintSetup {
  readonly orientation: 'landscape' | 'portrait';
  readonly fitToWidth: boolean;
  /** Repeat the header row (and the preamble title rows) at the top of every printed page. */
  readonly repeatHeader: boolean;
}

/** A number-between rule on a column's data cells (the hosts add a Chinese prompt and error message). */
export interface ColumnValidation {
  readonly column: string;
  readonly min: number;
  readonly max: number;
}

/** The number format of one cell: `row` is 0-based among `rows` (the header not counted). */
export interface CellFormat {
  readonly row: number;
  readonly column: string;
  readonly format: NumberFormat;
}

/** Names of every sheet the engine writes; a run replaces these and touches nothing else. */
export const OUTPUT_SHEET_NAMES = [
  '评定结果',
  '问题清单',
  '单位汇总',
  '评分一致性',
  '数据校验',
  '双述双评汇总',
  '双述双评分组',
  '满意度汇总',
  '民主评议汇总',
] as const;

/**
 * The column names an Excel table over this sheet gets: non-empty and unique ignoring case, or Excel repairs
 * the file (desktop) or renames them (`Column1`). Engine headers already are; every writer (the CLI, the web
 * page, the add-in) applies this so a bad one can never corrupt a file. `['a', 'A', '']` → `['a', 'A2', '列3']`.
 */
export function tableHeaders(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h, i) => {
    const base = h.trim() === '' ? `列${i + 1}` : h;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}
