/** The branches whose grade moved away from the one their 总分 gave, and why (等次说明 from the engine's catalog). */
import { gradeName, renderGradeReasons, type Locale } from '../../../engine/messages';
import type { UiStrings } from '../i18n';
import type { ResultSummary } from '../state';
import { movedBranches } from '../summary';
import { BranchTable } from './BranchTable';

export function MovedBranches({ t, locale, summary }: { readonly t: UiStrings; readonly locale: Locale; readonly summary: ResultSummary }) {
  const ctx = { gradeNames: summary.gradeNames, decimals: summary.settings.decimals };
  const grade = (g: number | null) => (g === null ? '' : gradeName(g, summary.gradeNames));
  return (
    <BranchTable
      title={t.moved}
      empty={t.movedNone}
      headers={[t.branchColumn, t.baseGradeColumn, t.gradeColumn, t.reasonColumn]}
      rows={movedBranches(summary.results).map((r) => ({
        key: r.branch.id,
        cells: [`${r.branch.id} ${r.branch.name}`, grade(r.baseGrade), grade(r.grade), renderGradeReasons(r.reasons, ctx, locale)],
      }))}
    />
  );
}
