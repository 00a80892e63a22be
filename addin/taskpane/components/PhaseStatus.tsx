/**
 * The progress or failure of a step, shown in that step's panel: a spinner with the phase's words and a
 * progress bar while it works, an error MessageBar with what to do (and the original error under
 * 详细信息) when it failed.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, Spinner, Text } from '@fluentui/react-components';
import type { UiStrings } from '../i18n';
import { isBusy, type Phase, type Step } from '../state';

export interface PhaseStatusProps {
  readonly phase: Phase;
  /** The phases of these steps show here ('select' failures belong to 检查). */
  readonly steps: readonly (Step | 'select')[];
  readonly t: UiStrings;
  readonly onDismiss: () => void;
}

/** Spinner + ProgressBar while one of `steps` runs; MessageBar when it failed; nothing otherwise. */
export function PhaseStatus({ phase, steps, t, onDismiss }: PhaseStatusProps) {
  if (isBusy(phase) && steps.includes(phase.step)) {
    const label = t.phase[phase.kind];
    return (
      <div role="status" aria-live="polite">
        <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          {/* The spinner only shows life while a phase sits at one fraction; the bar carries the state for assistive tech. */}
          <Spinner size="tiny" aria-hidden />
          <Text>{label}</Text>
        </div>
        <ProgressBar value={phase.fraction} max={1} thickness="large" aria-label={label} />
      </div>
    );
  }
  if (phase.kind === 'failed' && steps.includes(phase.step)) {
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{t.failedTitle}</MessageBarTitle>
          {phase.message}
          {phase.detail === undefined ? null : (
            <details>
              <summary>{t.details}</summary>
              <pre style={{ whiteSpace: 'pre-wrap' }}>{phase.detail}</pre>
            </details>
          )}
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="transparent" onClick={onDismiss}>
            {t.dismiss}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  return null;
}
