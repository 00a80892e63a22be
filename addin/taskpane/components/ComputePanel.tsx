/** 计算: run the engine and write every output sheet; then the sheets written and a way to the results. */
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { UiStrings } from '../i18n';
import type { ComputeOutcome } from '../state';

export interface ComputePanelProps {
  readonly t: UiStrings;
  readonly busy: boolean;
  readonly outcome: ComputeOutcome | undefined;
  readonly status: ReactNode;
  readonly onRun: () => void;
  readonly onShowResults: () => void;
}

export function ComputePanel({ t, busy, outcome, status, onRun, onShowResults }: ComputePanelProps) {
  return (
    <section aria-label={t.steps.compute}>
      <Text as="p">{t.computeIntro}</Text>
      <Button appearance="primary" disabled={busy} onClick={onRun}>
        {t.computeRun}
      </Button>
      {status}
      {outcome === undefined ? null : (
        <>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{t.computeDone(outcome.written.join('、'))}</MessageBarBody>
          </MessageBar>
          {outcome.summary.errors > 0 ? (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>{t.computeHasErrors(outcome.summary.errors)}</MessageBarBody>
            </MessageBar>
          ) : null}
          <Button onClick={onShowResults}>{t.seeResults}</Button>
        </>
      )}
    </section>
  );
}
