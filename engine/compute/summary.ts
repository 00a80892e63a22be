/**
 * The grading summary: counts for the task pane's overview and 单位汇总's 合计 row.
 */
import type { BranchResult, Gap, GradingSummary } from '../results';
import type { Settings } from '../settings';

/** gradeCounts = one count per grade, then 未评定: 好 2, 较好 1, 未评定 1 → [2, 1, 0, 0, 1]. */
export function summarise(results: readonly BranchResult[], gaps: readonly Gap[], settings: Settings): GradingSummary {
  const counts = settings.gradeNames.map(() => 0);
  let unrated = 0;
  for (const r of results) {
    if (r.grade === null) unrated++;
    else counts[r.grade] = (counts[r.grade] ?? 0) + 1;
  }
  return {
    gradeCounts: [...counts, unrated],
    unrated,
    allStrong: results.filter((r) => r.allStrong === true).length,
    redFlag: results.filter((r) => r.redFlag).length,
    gaps: gaps.length,
  };
}
