/**
 * What each file brought (product.md "Consolidation": a summary says what each file brought — rows per
 * sheet, raters, conflicts), and the totals the CLI and the task pane print.
 */
import { raterKey } from '../parse/scoreRules';
import type { ScoreKey } from './conflicts';
import type { RowsBySheet } from './plan';
import type { FileSummary, MergeConflict, RubricDifference } from './types';

/** The summary of a refused file: nothing of it is merged. */
export function refusedSummary(name: string, refusal: NonNullable<FileSummary['refusal']>, differences: readonly RubricDifference[] = []): FileSummary {
  return { name, status: 'refused', refusal, differences, rows: [], raters: 0, conflicts: 0 };
}

/** The summary of a merged file: its rows per target sheet, its distinct raters, the conflicts it is part of. */
export function mergedSummary(name: string, rowsByFile: RowsBySheet, scores: readonly ScoreKey[], conflicts: readonly MergeConflict[]): FileSummary {
  return {
    name,
    status: 'merged',
    differences: [],
    rows: rowsByFile.get(name) ?? [],
    raters: new Set(scores.map((s) => raterKey(s.rater))).size,
    conflicts: conflicts.filter((c) => c.files.includes(name)).length,
  };
}

/** True when the merge needs the user's attention: a refused file, a conflict or an issue (the CLI exits 1). */
export function needsAttention(result: { readonly files: readonly FileSummary[]; readonly conflicts: readonly unknown[]; readonly issues: readonly unknown[] }): boolean {
  return result.files.some((f) => f.status === 'refused') || result.conflicts.length > 0 || result.issues.length > 0;
}
