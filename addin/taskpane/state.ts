/**
 * The task pane's state: the phase of the step now running or last run (a discriminated union), and
 * the latest outcome of every step, kept apart so that a later failure (say, selecting a cell) does
 * not wipe the issue list or the results the user is looking at. A plain reducer: no React, no host.
 */
import type { Issue } from '../../engine/issues';
import type { BranchResult } from '../../engine/results';
import type { Settings } from '../../engine/settings';

/** The steps that do work against the host (结果 only shows the last 计算). */
export type Step = 'prepare' | 'forms' | 'check' | 'compute';

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

export type Outcome = PrepareOutcome | FormsOutcome | CheckOutcome | ComputeOutcome;
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
    case 'check':
      return { phase, outcomes: { ...state.outcomes, check: outcome } };
    case 'compute':
      return { phase, outcomes: { ...state.outcomes, compute: outcome, check: outcome.check } };
  }
}
