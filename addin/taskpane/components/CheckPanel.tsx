/** 检查: run the check, then the issues grouped by sheet (IssueList); clicking one selects its cell. */
import { Button, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Issue } from '../../../engine/issues';
import type { Locale } from '../../../engine/messages';
import type { UiStrings } from '../i18n';
import type { CheckOutcome } from '../state';
import { IssueList } from './IssueList';

export interface CheckPanelProps {
  readonly t: UiStrings;
  readonly locale: Locale;
  readonly busy: boolean;
  readonly outcome: CheckOutcome | undefined;
  readonly status: ReactNode;
  readonly onRun: () => void;
  readonly onSelect: (issue: Issue) => void;
}

export function CheckPanel({ t, locale, busy, outcome, status, onRun, onSelect }: CheckPanelProps) {
  return (
    <section aria-label={t.steps.check}>
      <Text as="p">{t.checkIntro}</Text>
      <Button appearance="primary" disabled={busy} onClick={onRun}>
        {t.checkRun}
      </Button>
      {status}
      {outcome === undefined ? null : outcome.groups.length === 0 ? (
        <Text as="p">{t.checkClean}</Text>
      ) : (
        <>
          <Text as="p" weight="semibold">
            {t.checkTotals(outcome.errors, outcome.warnings)}
          </Text>
          <IssueList groups={outcome.groups} locale={locale} t={t} onSelect={onSelect} />
        </>
      )}
    </section>
  );
}
