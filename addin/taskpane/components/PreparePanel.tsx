/** 准备: create the input sheets the workbook lacks; say which were added and which were already there. */
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { UiStrings } from '../i18n';
import type { PrepareOutcome } from '../state';

export interface PreparePanelProps {
  readonly t: UiStrings;
  readonly busy: boolean;
  readonly outcome: PrepareOutcome | undefined;
  readonly status: ReactNode;
  readonly onRun: () => void;
}

export function PreparePanel({ t, busy, outcome, status, onRun }: PreparePanelProps) {
  return (
    <section aria-label={t.steps.prepare}>
      <Text as="p">{t.prepareIntro}</Text>
      <Button appearance="primary" disabled={busy} onClick={onRun}>
        {t.prepareRun}
      </Button>
      {status}
      {outcome === undefined ? null : (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <div>{outcome.added.length === 0 ? t.prepareNoneAdded : t.prepareAdded(outcome.added.join('、'))}</div>
            {outcome.present.length === 0 ? null : <div>{t.preparePresent(outcome.present.join('、'))}</div>}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
