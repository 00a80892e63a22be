/** 红旗候选: the branches, best 总分 first, with their unit and 总分. */
import { numberText } from '../../../engine/messages';
import type { UiStrings } from '../i18n';
import type { ResultSummary } from '../state';
import { redFlagBranches } from '../summary';
import { BranchTable } from './BranchTable';

export function RedFlagList({ t, summary }: { readonly t: UiStrings; readonly summary: ResultSummary }) {
  return (
    <BranchTable
      title={t.redFlagList}
      empty={t.redFlagNone}
      headers={[t.branchColumn, t.unitColumn, t.totalColumn]}
      rows={redFlagBranches(summary.results).map((r) => ({
        key: r.branch.id,
        cells: [`${r.branch.id} ${r.branch.name}`, r.branch.unit, r.total === null ? '' : numberText(r.total, summary.settings.decimals)],
      }))}
    />
  );
}
