/**
 * Issues grouped by sheet: per sheet its 错误/警告 counts, then one row per issue with its cell and the
 * message in the pane's language. The cell is a button: clicking it (or Enter/Space) selects the cell.
 */
import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import type { Issue } from '../../../engine/issues';
import { describeLocation, renderIssue, type Locale } from '../../../engine/messages';
import type { UiStrings } from '../i18n';
import type { IssueGroup } from '../state';

/** Rows listed per sheet; the rest are counted (数据校验 lists them all after 计算). */
export const ROWS_PER_SHEET = 200;

export interface IssueListProps {
  readonly groups: readonly IssueGroup[];
  readonly locale: Locale;
  readonly t: UiStrings;
  readonly onSelect: (issue: Issue) => void;
}

/** `D7` under its sheet's heading; the sheet name alone when the issue is about the whole sheet. */
function cellText(issue: Issue): string {
  const where = describeLocation(issue.at);
  const prefix = `${issue.at.sheet}!`;
  return where.startsWith(prefix) ? where.slice(prefix.length) : where;
}

export function IssueList({ groups, locale, t, onSelect }: IssueListProps) {
  return (
    <div>
      {groups.map((g) => (
        <section key={g.sheet} aria-label={g.sheet}>
          <h3>
            {g.sheet} <Text size={200}>{t.sheetCounts(g.errors, g.warnings)}</Text>
          </h3>
          <Table size="small" aria-label={`${g.sheet} ${t.sheetCounts(g.errors, g.warnings)}`}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.cellColumn}</TableHeaderCell>
                <TableHeaderCell>{t.messageColumn}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {g.issues.slice(0, ROWS_PER_SHEET).map((issue, k) => {
                const message = renderIssue(issue, locale);
                return (
                  <TableRow key={k}>
                    <TableCell>
                      <Button appearance="subtle" size="small" aria-label={t.selectIssue(describeLocation(issue.at), message)} onClick={() => onSelect(issue)}>
                        {cellText(issue)}
                      </Button>
                    </TableCell>
                    <TableCell>
                      <Badge appearance="tint" color={issue.severity === 'error' ? 'danger' : 'warning'}>
                        {t.severity[issue.severity]}
                      </Badge>{' '}
                      {message}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          {g.issues.length > ROWS_PER_SHEET ? <Text as="p">{t.moreIssues(g.issues.length - ROWS_PER_SHEET)}</Text> : null}
        </section>
      ))}
    </div>
  );
}
