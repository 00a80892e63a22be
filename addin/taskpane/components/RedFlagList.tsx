/** 红旗候选: the branches, best 总分 first, with their unit and 总分. */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { numberText } from '../../../engine/messages';
import type { UiStrings } from '../i18n';
import type { ResultSummary } from '../state';
import { redFlagBranches } from '../summary';

export function RedFlagList({ t, summary }: { readonly t: UiStrings; readonly summary: ResultSummary }) {
  const list = redFlagBranches(summary.results);
  return (
    <section aria-label={t.redFlagList}>
      <h3>{t.redFlagList}</h3>
      {list.length === 0 ? (
        <Text as="p">{t.redFlagNone}</Text>
      ) : (
        <Table size="small" aria-label={t.redFlagList}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.branchColumn}</TableHeaderCell>
              <TableHeaderCell>{t.unitColumn}</TableHeaderCell>
              <TableHeaderCell>{t.totalColumn}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.map((r) => (
              <TableRow key={r.branch.id}>
                <TableCell>
                  {r.branch.id} {r.branch.name}
                </TableCell>
                <TableCell>{r.branch.unit}</TableCell>
                <TableCell>{r.total === null ? '' : numberText(r.total, summary.settings.decimals)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
