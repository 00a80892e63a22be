/**
 * Pure views of engine results for the pane: issues grouped by sheet, the result summary of a run, the
 * branches the 结果 step lists. No React and no host, so they are tested on their own.
 */
import type { Report } from '../../engine';
import type { Issue } from '../../engine/issues';
import type { BranchResult } from '../../engine/results';
import type { CheckOutcome, IssueGroup, ResultSummary } from './state';

/** Issues grouped by sheet, in the order given (the engine's sheet/row/column order), with counts. */
export function groupIssues(issues: readonly Issue[]): CheckOutcome {
  const bySheet = new Map<string, Issue[]>();
  for (const i of issues) {
    const list = bySheet.get(i.at.sheet);
    if (list) list.push(i);
    else bySheet.set(i.at.sheet, [i]);
  }
  const groups: IssueGroup[] = [...bySheet].map(([sheet, list]) => {
    const errors = list.filter((i) => i.severity === 'error').length;
    return { sheet, errors, warnings: list.length - errors, issues: list };
  });
  const errors = groups.reduce((n, g) => n + g.errors, 0);
  return { step: 'check', groups, errors, warnings: issues.length - errors };
}

/** The counts and results the 结果 step shows, straight from the engine's report. */
export function summarise(report: Report): ResultSummary {
  const { gradeNames } = report.model.settings;
  const errors = report.issues.filter((i) => i.severity === 'error').length;
  return {
    gradeNames,
    // GradingSummary.gradeCounts ends with 未评定; the pane shows that count on its own.
    gradeCounts: report.summary.gradeCounts.slice(0, gradeNames.length),
    unrated: report.summary.unrated,
    allStrong: report.summary.allStrong,
    redFlag: report.summary.redFlag,
    gaps: report.summary.gaps,
    errors,
    warnings: report.issues.length - errors,
    results: report.results,
    settings: report.model.settings,
  };
}

/** Graded branches whose final grade differs from the grade their 总分 gave (a veto, a gate, the quota). */
export function movedBranches(results: readonly BranchResult[]): BranchResult[] {
  return results.filter((r) => r.grade !== null && r.baseGrade !== null && r.grade !== r.baseGrade);
}

/** 红旗候选, best 总分 first (ties by 支部编号, as written in 支部). */
export function redFlagBranches(results: readonly BranchResult[]): BranchResult[] {
  return results.filter((r) => r.redFlag).sort((a, b) => (b.total ?? 0) - (a.total ?? 0) || (a.branch.id < b.branch.id ? -1 : a.branch.id > b.branch.id ? 1 : 0));
}
