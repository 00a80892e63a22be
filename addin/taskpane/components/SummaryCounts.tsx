/** The run's counts: 六强达标, 红旗候选, 未评定, 问题数 (rows of 问题清单) and the data issues. */
import { Table, TableBody, TableCell, TableRow } from '@fluentui/react-components';
import type { UiStrings } from '../i18n';
import type { ResultSummary } from '../state';

export function SummaryCounts({ t, summary }: { readonly t: UiStrings; readonly summary: ResultSummary }) {
  const rows: [string, string][] = [
    [t.allStrong, String(summary.allStrong)],
    [t.redFlag, String(summary.redFlag)],
    [t.unrated, String(summary.unrated)],
    [t.gaps, String(summary.gaps)],
    [t.dataIssues, `${summary.errors} / ${summary.warnings}`],
  ];
  return (
    <Table size="small" aria-label={t.counts}>
      <TableBody>
        {rows.map(([label, value]) => (
          <TableRow key={label}>
            <TableCell>{label}</TableCell>
            <TableCell>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
