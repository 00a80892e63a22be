/** A titled section with a small table of branches, or a line saying there are none (结果's lists). */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export interface BranchTableProps {
  readonly title: string;
  /** Shown instead of the table when there are no rows. */
  readonly empty: string;
  readonly headers: readonly string[];
  /** One row per branch: its key (支部编号) and its cells, in header order. */
  readonly rows: readonly { readonly key: string; readonly cells: readonly ReactNode[] }[];
}

export function BranchTable({ title, empty, headers, rows }: BranchTableProps) {
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <Text as="p">{empty}</Text>
      ) : (
        <Table size="small" aria-label={title}>
          <TableHeader>
            <TableRow>
              {headers.map((h) => (
                <TableHeaderCell key={h}>{h}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.key}>
                {r.cells.map((c, i) => (
                  <TableCell key={headers[i] ?? i}>{c}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
