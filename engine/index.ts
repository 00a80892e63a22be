/**
 * The engine's facade: the one function every adapter (CLI, Excel add-in, web page) calls.
 * RawWorkbook in, Report out; pure and deterministic (no I/O, no clock, no randomness).
 *
 *   raw ──parse──▶ Model ──compute──▶ results, gaps ──emit──▶ OutputSheet[]
 *                   └──────── issues from every step ────────┘
 */
import { computeResults } from './compute';
import { emitOutputs } from './emit';
import { compareIssues, type Issue } from './issues';
import type { Locale } from './messages';
import type { Model } from './model';
import type { OutputSheet } from './output';
import { parseWorkbook } from './parse';
import type { RawWorkbook } from './raw';
import type { BranchResult, Gap, GradingSummary } from './results';

export interface RunOptions {
  /** Language of generated text (等次说明, 问题描述, 数据校验); headers stay as the contract names them. */
  readonly locale?: Locale;
  /** Called between steps, for progress indicators. */
  readonly onProgress?: (step: 'parse' | 'compute' | 'emit', fraction: number) => void;
}

export interface Report {
  readonly model: Model;
  readonly results: readonly BranchResult[];
  readonly gaps: readonly Gap[];
  /** Every issue of the run, in sheet/row/column order. */
  readonly issues: readonly Issue[];
  readonly summary: GradingSummary;
  /** The sheets to write: 评定结果, 问题清单, 单位汇总, 数据校验 (and the ballot sheets when present). */
  readonly outputs: readonly OutputSheet[];
  /** True when any issue is an error (the CLI exits 1). */
  readonly hasErrors: boolean;
}

/** Parse, compute and emit one workbook. Existing output sheets in `raw` supply the user columns to keep. */
export function runWorkbook(raw: RawWorkbook, options: RunOptions = {}): Report {
  const locale = options.locale ?? 'zh-CN';
  options.onProgress?.('parse', 0);
  const parsed = parseWorkbook(raw);
  options.onProgress?.('compute', 0.4);
  const computed = computeResults(parsed.model);
  const issues = [...parsed.issues, ...computed.issues].sort(compareIssues);
  options.onProgress?.('emit', 0.8);
  const outputs = emitOutputs({
    model: parsed.model,
    results: computed.results,
    gaps: computed.gaps,
    issues,
    existing: raw,
    locale,
    ballots: computed.ballots,
    consistency: computed.consistency,
  });
  return {
    model: parsed.model,
    results: computed.results,
    gaps: computed.gaps,
    issues,
    summary: computed.summary,
    outputs,
    hasErrors: issues.some((i) => i.severity === 'error'),
  };
}

/** Only the issues (the `check` command and the task pane's 检查 step). */
export function checkWorkbook(raw: RawWorkbook): readonly Issue[] {
  const parsed = parseWorkbook(raw);
  const computed = computeResults(parsed.model);
  return [...parsed.issues, ...computed.issues].sort(compareIssues);
}

export type { RawWorkbook, RawSheet, Scalar, CellError } from './raw';
export type { Issue, IssueCode, Severity } from './issues';
export type { OutputSheet, OutputColumn, OutputValue } from './output';
export type { BranchResult, Gap, GradingSummary } from './results';
export type { Model } from './model';
export type { Settings } from './settings';
export type { Locale } from './messages';
