/**
 * 导出: the graded summary as a new workbook (opened in Excel where it can be, else downloaded), with or
 * without 总分 and 排名 in 公示名单; on the web page also 公示名单 as CSV. Says how the file reached the user.
 */
import { Button, Checkbox, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { UiStrings } from '../i18n';
import type { ExportOutcome } from '../state';

export interface ExportPanelProps {
  readonly t: UiStrings;
  readonly busy: boolean;
  /** Offer the CSV download (the web page; a task pane in Office on Mac cannot download). */
  readonly csv: boolean;
  readonly outcome: ExportOutcome | undefined;
  readonly status: ReactNode;
  readonly onExport: (options: { readonly includeScores: boolean }) => void;
  readonly onCsv: (options: { readonly includeScores: boolean }) => void;
}

/** The panel's parts one below the other, a little apart. */
const STACK = { display: 'flex', flexDirection: 'column', gap: 8 } as const;
/** A button in the stack keeps its own width. */
const OWN_WIDTH = { alignSelf: 'flex-start' } as const;

export function ExportPanel({ t, busy, csv, outcome, status, onExport, onCsv }: ExportPanelProps) {
  const [includeScores, setIncludeScores] = useState(false);
  return (
    <section aria-label={t.steps.export} style={STACK}>
      <Text as="p">{t.exportIntro}</Text>
      <Checkbox style={OWN_WIDTH} label={t.includeScores} checked={includeScores} onChange={(_e, d) => setIncludeScores(d.checked === true)} />
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button appearance="primary" disabled={busy} onClick={() => onExport({ includeScores })}>
          {t.exportRun}
        </Button>
        {csv ? (
          <Button disabled={busy} onClick={() => onCsv({ includeScores })}>
            {t.exportCsv}
          </Button>
        ) : null}
      </div>
      {status}
      {outcome === undefined ? null : (
        <MessageBar intent={outcome.result.via === 'downloaded' && outcome.host === 'excel' && outcome.format === 'xlsx' ? 'warning' : 'success'} layout="multiline">
          <MessageBarBody>
            <div>{outcome.result.via === 'opened' ? t.exportOpened(outcome.fileName) : t.exportDownloaded(outcome.fileName)}</div>
            <div>{t.exportContains(outcome.sheets.join(t.listSep))}</div>
            {outcome.result.via === 'downloaded' && outcome.host === 'excel' && outcome.format === 'xlsx' ? (
              <div>
                {t.exportFallback}
                {outcome.result.detail === undefined ? null : <div>（{outcome.result.detail}）</div>}
              </div>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
