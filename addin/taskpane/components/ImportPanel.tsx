/**
 * 导入: pick several returned workbooks at once (read in the browser, never uploaded); see what each brings
 * (status, rows per sheet, raters, conflicts; a refused file with its rubric differences) and the conflicts
 * list; then 应用合并 writes the merged files' rows and sheets into the open workbook, once.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useRef, type ReactNode } from 'react';
import { renderIssueLine, type Locale } from '../../../engine/messages';
import type { PickedFile } from '../controller';
import type { UiStrings } from '../i18n';
import type { ImportOutcome } from '../state';

export interface ImportPanelProps {
  readonly t: UiStrings;
  readonly locale: Locale;
  readonly busy: boolean;
  readonly outcome: ImportOutcome | undefined;
  readonly status: ReactNode;
  readonly onPick: (files: readonly PickedFile[]) => void;
  readonly onApply: (preview: ImportOutcome) => void;
}

/** Issues shown at most; the rest are counted (the 检查 step lists every one after the merge). */
const MAX_ISSUES = 50;

/** The panel's parts one below the other, a little apart. */
const STACK = { display: 'flex', flexDirection: 'column', gap: 8 } as const;
/** A button in the stack keeps its own width. */
const OWN_WIDTH = { alignSelf: 'flex-start' } as const;

export function ImportPanel({ t, locale, busy, outcome, status, onPick, onApply }: ImportPanelProps) {
  const input = useRef<HTMLInputElement>(null);
  const hasPlan = outcome !== undefined && (outcome.plan.append.some((a) => a.rows.length > 0) || outcome.plan.add.length > 0);

  return (
    <section aria-label={t.steps.import} style={STACK}>
      <Text as="p">{t.importIntro}</Text>
      <input
        ref={input}
        aria-label={t.importPickLabel}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        data-testid="import-files"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          // Reset so that picking the same files again still fires a change.
          e.target.value = '';
          if (files.length > 0) onPick(files);
        }}
      />
      <Button appearance="primary" disabled={busy} style={OWN_WIDTH} onClick={() => input.current?.click()}>
        {t.importPick}
      </Button>
      {status}
      {outcome === undefined ? null : <ImportSummary t={t} locale={locale} outcome={outcome} />}
      {outcome === undefined ? null : outcome.applied !== undefined ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {outcome.applied.rows.length === 0 ? null : (
              <div>{t.importApplied(outcome.applied.rows.map((r) => t.sheetRows(r.sheet, r.rows)).join(t.listSep))}</div>
            )}
            {outcome.applied.added.length === 0 ? null : <div>{t.importAdded(outcome.applied.added.join(t.listSep))}</div>}
            <div>{t.importNext}</div>
          </MessageBarBody>
        </MessageBar>
      ) : hasPlan ? (
        <Button appearance="primary" disabled={busy} style={OWN_WIDTH} onClick={() => onApply(outcome)}>
          {t.importApply}
        </Button>
      ) : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.importNothing}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

function ImportSummary({ t, locale, outcome }: { readonly t: UiStrings; readonly locale: Locale; readonly outcome: ImportOutcome }) {
  const refused = outcome.files.filter((f) => f.refusal === 'rubric' && f.differences.length > 0);
  return (
    <>
      <Table size="small" aria-label={t.importSummary}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.fileColumn}</TableHeaderCell>
            <TableHeaderCell>{t.statusColumn}</TableHeaderCell>
            <TableHeaderCell>{t.rowsColumn}</TableHeaderCell>
            <TableHeaderCell>{t.ratersColumn}</TableHeaderCell>
            <TableHeaderCell>{t.conflictsColumn}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {outcome.files.map((f, i) => (
            <TableRow key={`f${i}`}>
              <TableCell>{f.name}</TableCell>
              <TableCell>{f.status === 'merged' ? t.fileStatus.merged : t.fileStatus[f.refusal ?? 'empty']}</TableCell>
              <TableCell>{f.rows.length === 0 ? t.noRows : f.rows.map((r) => t.sheetRows(r.sheet, r.rows)).join(t.listSep)}</TableCell>
              <TableCell>{f.raters}</TableCell>
              <TableCell>{f.conflicts}</TableCell>
            </TableRow>
          ))}
          {outcome.unreadable.map((f, i) => (
            <TableRow key={`u${i}`}>
              <TableCell>{f.name}</TableCell>
              <TableCell>{t.fileStatus.unreadable}</TableCell>
              <TableCell>{t.noRows}</TableCell>
              <TableCell>0</TableCell>
              <TableCell>0</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {refused.map((f) => (
        <MessageBar key={f.name} intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.differencesTitle(f.name)}</MessageBarTitle>
            <ul>
              {f.differences.map((d, k) => (
                <li key={k}>{t.difference(d)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ))}
      {outcome.unreadable.map((f) => (
        <MessageBar key={f.name} intent="error" layout="multiline">
          <MessageBarBody>
            {t.unreadableDetail(f.name)}
            <details>
              <summary>{t.details}</summary>
              <pre style={{ whiteSpace: 'pre-wrap' }}>{f.detail}</pre>
            </details>
          </MessageBarBody>
        </MessageBar>
      ))}
      {outcome.conflicts.length === 0 ? null : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.conflictsTitle(outcome.conflicts.length)}</MessageBarTitle>
            {t.conflictsNote}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome.conflicts.length === 0 ? null : (
        <Table size="small" aria-label={t.conflictsTitle(outcome.conflicts.length)}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.raterColumn}</TableHeaderCell>
              <TableHeaderCell>{t.branchColumn}</TableHeaderCell>
              <TableHeaderCell>{t.indicatorColumn}</TableHeaderCell>
              <TableHeaderCell>{t.filesColumn}</TableHeaderCell>
              <TableHeaderCell>{t.valuesColumn}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {outcome.conflicts.map((c, i) => (
              <TableRow key={i}>
                <TableCell>{c.rater}</TableCell>
                <TableCell>{c.branch}</TableCell>
                <TableCell>{c.indicator}</TableCell>
                <TableCell>{c.files.join(t.listSep)}</TableCell>
                <TableCell>{c.values.join(t.listSep)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {outcome.issues.length === 0 ? null : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.importIssues}</MessageBarTitle>
            <ul>
              {outcome.issues.slice(0, MAX_ISSUES).map((issue, k) => (
                <li key={k}>{renderIssueLine(issue, locale)}</li>
              ))}
            </ul>
            {outcome.issues.length > MAX_ISSUES ? <div>{t.moreIssues(outcome.issues.length - MAX_ISSUES)}</div> : null}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
