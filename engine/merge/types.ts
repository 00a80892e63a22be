/**
 * Consolidation (product.md "Consolidation"): the first workbook is the master; its 支部, 指标 and 参数 rule.
 * The engine does not edit workbooks: it returns a MergePlan that each adapter applies (the CLI and the web
 * page with exceljs, the add-in with Office.js), plus a summary of what every file brought.
 */
import type { Issue } from '../issues';
import type { OutputSheet, OutputValue } from '../output';
import type { RawWorkbook } from '../raw';

/** One contributed workbook and the name shown to the user (its file name); the name goes into 来源. */
export interface MergeSource {
  readonly name: string;
  readonly workbook: RawWorkbook;
}

/** Rows to append at the end of an existing master sheet, in the master's column order. */
export interface AppendRows {
  readonly sheet: string;
  /** The master sheet's header row has no 来源 column yet: add it (at the end) before appending. */
  readonly addSourceColumn: boolean;
  /** Header of the master sheet after the change (来源 included), for the adapter to place values. */
  readonly header: readonly string[];
  /** Each row aligned with `header`; 来源 filled with the source file's name. */
  readonly rows: readonly (readonly OutputValue[])[];
  /** 0-based row index of the master sheet's header row. */
  readonly headerRow: number;
  /**
   * Index in `header` of the first column the master sheet lacks, when it lacks more than 来源: contract
   * columns a file uses (e.g. 评分人类别) go before 来源, and a blank master sheet gets its whole header
   * (0). The adapter writes `header[firstNewColumn…]` into the header row. Absent: only 来源 may be new
   * (addSourceColumn), at the end.
   */
  readonly firstNewColumn?: number;
}

export interface MergePlan {
  readonly append: readonly AppendRows[];
  /** Whole new sheets: wide scoring forms (renamed if the name repeats) and data sheets the master lacks. */
  readonly add: readonly OutputSheet[];
}

/** What differs between a source's 指标 and the master's (the file is refused). */
export interface RubricDifference {
  readonly indicator: string;
  /** Which field differs, or `missing` (in the master, not in the file) / `extra` (in the file only). */
  readonly field: 'missing' | 'extra' | '一级指标' | '分值' | '计分方式' | '台账公式' | '否决' | '预警线';
  readonly master: string;
  readonly source: string;
}

/** The same (rater, branch, indicator) from two files. Rows are still appended: §8's duplicate rule then counts equal values once and refuses different ones, so nothing is ever doubled. */
export interface MergeConflict {
  readonly rater: string;
  readonly branch: string;
  readonly indicator: string;
  readonly files: readonly string[];
  readonly values: readonly number[];
}

export interface FileSummary {
  readonly name: string;
  readonly status: 'merged' | 'refused';
  /** Why a file was refused: its rubric differs, it was already merged (same 来源 or same content), or it is unreadable. */
  readonly refusal?: 'rubric' | 'duplicate' | 'empty';
  readonly differences: readonly RubricDifference[];
  /** Data rows it brought, per target sheet (after renaming). */
  readonly rows: readonly { readonly sheet: string; readonly rows: number }[];
  /** Distinct raters in its scores (count only; names are in the workbook). */
  readonly raters: number;
  readonly conflicts: number;
}

/** Options of mergeWorkbooks. */
export interface MergeOptions {
  /** How the master is named in conflicts (its file name); default 主工作簿. Rows it got from earlier merges keep their 来源. */
  readonly masterName?: string;
}

export interface MergeResult {
  readonly plan: MergePlan;
  readonly files: readonly FileSummary[];
  readonly conflicts: readonly MergeConflict[];
  /** Problems of contributed rows (unknown 支部编号 → BRANCH_UNKNOWN on the source cell, …), sheet named `<file>:<sheet>`. */
  readonly issues: readonly Issue[];
}
