/** The branches whose grade moved away from the one their 总分 gave, and why (等次说明 from the engine's catalog). */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { gradeName, renderGradeReasons, type Locale } from '../../../engine/messages';
import type { UiStrings } from '../i18n';
import type { ResultSummary } from '../state';
import { movedBranches } from '../summary';

export function MovedBranches({ t, locale, summary }: { readonly t: UiStrings; readonly locale: Locale; readonly summary: ResultSummary }) {
  const list = movedBranches(summary.results);
  const ctx = { gradeNames: summary.gradeNames, decimals: summary.settings.decimals };
  return (
    <section aria-label={t.moved}>
      <h3>{t.moved}</h3>
      {list.length === 0 ? (
        <Text as="p">{t.movedNone}</Text>
      ) : (
        <Table size="small" aria-label={t.moved}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.branchColumn}</TableHeaderCell>
              <TableHeaderCell>{t.baseGradeColumn}</TableHeaderCell>
              <TableHeaderCell>{t.gradeColumn}</TableHeaderCell>
              <TableHeaderCell>{t.reasonColumn}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.map((r) => (
              <TableRow key={r.branch.id}>
                <TableCell>
                  {r.branch.id} {r.branch.name}
                </TableCell>
                <TableCell>{r.baseGrade === null ? '' : gradeName(r.baseGrade, summary.gradeNames)}</TableCell>
                <TableCell>{r.grade === null ? '' : gradeName(r.grade, summary.gradeNames)}</TableCell>
                <TableCell>{renderGradeReasons(r.reasons, ctx, locale)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
