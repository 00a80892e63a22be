/**
 * The task pane's state: the phase of the step now running or last run (a discriminated union), and
 * the latest outcome of every step, kept apart so that a later failure (say, selecting a cell) does
 * not wipe the issue list or the results the user is looking at. A plain reducer: no React, no host.
 */
import type { Issue } from '../../engine/issues';
import type { FileSummary, MergeConflict, MergePlan } from '../../engine/merge/types';
import type { BranchResult } from '../../engine/results';
import type { Settings } from '../../engine/settings';
import type { ExportResult } from '../host';

/** The steps that do work against the host (结果 only shows the last 计算). */
export type Step = 'prepare' | 'forms' | 'import' | 'check' | 'compute' | 'export';

/** The issues of one sheet, for the 检查 list (sheets in the order the issues are sorted). */
export interface IssueGroup {
  readonly sheet: string;
  readonly errors: number;
  readonly warnings: number;
  readonly issues: readonly Issue[];
}

export interface CheckOutcome {
  readonly step: 'check';
  readonly groups: readonly IssueGroup[];
  readonly errors: number;
  readonly warnings: number;
}

export interface PrepareOutcome {
  readonly step: 'prepare';
  /** Sheets the host added. */
  readonly added: readonly string[];
  /** Template sheets the workbook already had (by name or by kind), left untouched. */
  readonly present: readonly string[];
}

export interface FormsOutcome {
  readonly step: 'forms';
  readonly added: readonly string[];
  /** Forms whose sheet already existed: left untouched. */
  readonly existed: readonly string[];
  /** False when the host could not apply data validation 0..分值. */
  readonly validation: boolean;
  /** Problems of 支部/指标/参数 and unknown roles. */
  readonly issues: readonly Issue[];
}

/** What the 结果 step shows: the engine's counts and results with the settings that explain them. */
export interface ResultSummary {
  readonly gradeNames: readonly string[];
  /** One count per grade (best first); 未评定 is `unrated`. */
  readonly gradeCounts: readonly number[];
  readonly unrated: number;
  readonly allStrong: number;
  readonly redFlag: number;
  /** Rows of 问题清单. */
  readonly gaps: number;
  readonly errors: number;
  readonly warnings: number;
  readonly results: readonly BranchResult[];
  readonly settings: Settings;
}

export interface ComputeOutcome {
  readonly step: 'compute';
  readonly summary: ResultSummary;
  /** Output sheets written, in order. */
  readonly written: readonly string[];
  /** The run's issues, which also refresh the 检查 list. */
  readonly check: CheckOutcome;
}

/** A picked file that could not be read as a workbook (it takes no part in the merge). */
export interface UnreadableFile {
  readonly name: string;
  /** The reader's own words, for the details. */
  readonly detail: string;
}

/** What 导入 found (the merge previewed), and once 应用合并 ran, what it wrote. */
export interface ImportOutcome {
  readonly step: 'import';
  /** Per readable file, in the order picked: merged or refused (with the rubric differences). */
  readonly files: readonly FileSummary[];
  readonly unreadable: readonly UnreadableFile[];
  readonly conflicts: readonly MergeConflict[];
  /** Problems of contributed rows (BRANCH_UNKNOWN …), sheets named `<file>:<sheet>`. */
  readonly issues: readonly Issue[];
  /** What 应用合并 writes: the merged files' rows and sheets only (refused files have none in it). */
  readonly plan: MergePlan;
  /** Set once the plan was written: rows appended per sheet and the sheets added. */
  readonly applied?: { readonly rows: readonly { readonly sheet: string; readonly rows: number }[]; readonly added: readonly string[] };
}

/** How 导出 reached the user. */
export interface ExportOutcome {
  readonly step: 'export';
  readonly format: 'xlsx' | 'csv';
  /** Opened in Excel as a new workbook, or downloaded. */
  readonly result: ExportResult;
  readonly host: 'excel' | 'web';
  readonly fileName: string;
  /** Sheets in the file (the CSV holds 公示名单 only). */
  readonly sheets: readonly string[];
}

export type Outcome = PrepareOutcome | FormsOutcome | ImportOutcome | CheckOutcome | ComputeOutcome | ExportOutcome;
export type OutcomeOf<S extends Step> = Extract<Outcome, { readonly step: S }>;

/** Work in progress; `fraction` is the share of this phase done (0–1). */
export type Working =
  | { readonly kind: 'reading'; readonly step: Step; readonly fraction: number }
  | { readonly kind: 'computing'; readonly step: Step; readonly fraction: number }
  | { readonly kind: 'writing'; readonly step: Step; readonly fraction: number };

type Done = { readonly [S in Step]: { readonly kind: 'done'; readonly step: S; readonly outcome: OutcomeOf<S> } }[Step];

export type Phase =
  | { readonly kind: 'idle' }
  | Working
  | Done
  /** `message` says what went wrong and what to do; `detail` is the original error for the details pane. */
  | { readonly kind: 'failed'; readonly step: Step | 'select'; readonly message: string; readonly detail?: string };

export interface PaneState {
  readonly phase: Phase;
  readonly outcomes: { readonly [S in Step]?: OutcomeOf<S> };
}

export type Action = { readonly type: 'phase'; readonly phase: Phase } | { readonly type: 'dismiss' };

export const INITIAL: PaneState = { phase: { kind: 'idle' }, outcomes: {} };

/** True while a step runs: the pane starts no other step meanwhile (the host does one thing at a time). */
export function isBusy(phase: Phase): phase is Working {
  return phase.kind === 'reading' || phase.kind === 'computing' || phase.kind === 'writing';
}

/** Next state: a 'done' phase also records its outcome (a 计算 refreshes the 检查 list too); 'dismiss' clears a failure. */
export function reducer(state: PaneState, action: Action): PaneState {
  if (action.type === 'dismiss') return state.phase.kind === 'failed' ? { ...state, phase: { kind: 'idle' } } : state;
  const { phase } = action;
  if (phase.kind !== 'done') return { ...state, phase };
  const outcome = phase.outcome;
  switch (outcome.step) {
    case 'prepare':
      return { phase, outcomes: { ...state.outcomes, prepare: outcome } };
    case 'forms':
      return { phase, outcomes: { ...state.outcomes, forms: outcome } };
    case 'import':
      return { phase, outcomes: { ...state.outcomes, import: outcome } };
    case 'export':
      return { phase, outcomes: { ...state.outcomes, export: outcome } };
    case 'check':
      return { phase, outcomes: { ...state.outcomes, check: outcome } };
    case 'compute':
      return { phase, outcomes: { ...state.outcomes, compute: outcome, check: outcome.check } };
  }
}
