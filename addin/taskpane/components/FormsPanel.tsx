/**
 * 评分: rater names typed one per line, each with a checkbox (include) and a 评分人类别 picker (the roles
 * of 参数), then one `评分-<name>` form per chosen rater. Says which forms were added, which existed, and
 * when the host could not apply data validation.
 */
import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { renderIssueLine, type Locale } from '../../../engine/messages';
import type { FormRater } from '../../../engine/template';
import type { UiStrings } from '../i18n';
import type { FormsOutcome } from '../state';

export interface FormsPanelProps {
  readonly t: UiStrings;
  readonly locale: Locale;
  readonly busy: boolean;
  /** 评分人类别 to offer, from 参数 (the defaults until it was read). */
  readonly roles: readonly string[];
  /** Why 参数 could not be read, when it could not. */
  readonly rolesError: string | undefined;
  readonly outcome: FormsOutcome | undefined;
  readonly status: ReactNode;
  readonly onGenerate: (raters: readonly FormRater[]) => void;
}

/** The names typed, trimmed, each once, in order. */
export function raterNames(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((s) => s.trim()).filter((s) => s !== ''))];
}

export function FormsPanel({ t, locale, busy, roles, rolesError, outcome, status, onGenerate }: FormsPanelProps) {
  const [text, setText] = useState('');
  const [chosenRoles, setChosenRoles] = useState<ReadonlyMap<string, string>>(new Map());
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const names = raterNames(text);
  const roleOf = (name: string) => {
    const r = chosenRoles.get(name);
    return r !== undefined && roles.includes(r) ? r : (roles[0] ?? '上级');
  };
  const raters = names.filter((n) => !left.has(n)).map((name) => ({ name, role: roleOf(name) }));

  return (
    <section aria-label={t.steps.forms}>
      <Text as="p">{t.formsIntro}</Text>
      <Field label={t.ratersLabel}>
        <Textarea value={text} placeholder={t.ratersHint} resize="vertical" onChange={(_e, d) => setText(d.value)} />
      </Field>
      {names.length === 0 ? null : (
        <Table size="small" aria-label={t.raterColumn}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.raterColumn}</TableHeaderCell>
              <TableHeaderCell>{t.roleColumn}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {names.map((name) => (
              <TableRow key={name}>
                <TableCell>
                  <Checkbox
                    label={name}
                    checked={!left.has(name)}
                    onChange={(_e, d) => {
                      const next = new Set(left);
                      if (d.checked === true) next.delete(name);
                      else next.add(name);
                      setLeft(next);
                    }}
                  />
                </TableCell>
                <TableCell>
                  <Select aria-label={t.roleFor(name)} value={roleOf(name)} onChange={(_e, d) => setChosenRoles(new Map(chosenRoles).set(name, d.value))}>
                    {roles.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </Select>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Text as="p" size={200}>
        {t.rolesFromSettings}
      </Text>
      {rolesError === undefined ? null : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.rolesUnavailable(rolesError)}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="primary" disabled={busy || raters.length === 0} onClick={() => onGenerate(raters)}>
        {t.formsRun}
      </Button>
      {names.length === 0 ? <Text as="p">{t.formsNone}</Text> : null}
      {status}
      {outcome === undefined ? null : <FormsOutcomeView t={t} locale={locale} outcome={outcome} />}
    </section>
  );
}

function FormsOutcomeView({ t, locale, outcome }: { readonly t: UiStrings; readonly locale: Locale; readonly outcome: FormsOutcome }) {
  const nothing = outcome.added.length === 0 && outcome.existed.length === 0;
  return (
    <>
      {nothing ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.formsNothing}</MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {outcome.added.length === 0 ? null : <div>{t.formsAdded(outcome.added.join('、'))}</div>}
            {outcome.existed.length === 0 ? null : <div>{t.formsExisted(outcome.existed.join('、'))}</div>}
          </MessageBarBody>
        </MessageBar>
      )}
      {!outcome.validation && outcome.added.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.noValidation}</MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome.issues.length === 0 ? null : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.formsIssues}</MessageBarTitle>
            <ul>
              {outcome.issues.map((i, k) => (
                <li key={k}>{renderIssueLine(i, locale)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
