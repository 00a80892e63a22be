/**
 * Why one branch got its grade: 总分 from its parts, each dimension's score against 维度达标线, what
 * moved the grade (vetoes, gates) and the top-grade quota, and why it is not 红旗候选. Every sentence
 * comes from the engine's catalog in the pane's language.
 */
import { Field, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useId, useState } from 'react';
import {
  gradeName,
  numberText,
  percentText,
  renderGradeReason,
  renderRedFlagFailures,
  renderUnrated,
  shareText,
  type Locale,
} from '../../../engine/messages';
import type { BranchResult } from '../../../engine/results';
import type { UiStrings } from '../i18n';
import type { ResultSummary } from '../state';

export function BranchExplain({ t, locale, summary }: { readonly t: UiStrings; readonly locale: Locale; readonly summary: ResultSummary }) {
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const result = summary.results.find((r) => r.branch.id === picked) ?? summary.results[0];
  if (result === undefined) return null;
  return (
    <section aria-label={t.explain}>
      <h3>{t.explain}</h3>
      <Field label={t.pickBranch}>
        <Select value={result.branch.id} onChange={(_e, d) => setPicked(d.value)}>
          {summary.results.map((r) => (
            <option key={r.branch.id} value={r.branch.id}>
              {r.branch.id} {r.branch.name}
            </option>
          ))}
        </Select>
      </Field>
      <Explanation t={t} locale={locale} summary={summary} result={result} />
    </section>
  );
}

function Explanation({ t, locale, summary, result: r }: { readonly t: UiStrings; readonly locale: Locale; readonly summary: ResultSummary; readonly result: BranchResult }) {
  const { settings } = summary;
  const ctx = { gradeNames: summary.gradeNames, decimals: settings.decimals };
  const num = (x: number | null) => (x === null ? '—' : numberText(x, settings.decimals));
  const headingId = useId();
  if (r.grade === null) {
    return (
      <div aria-live="polite">
        <Text as="p" weight="semibold">
          {t.unratedBranch}
        </Text>
        <Text as="p">{renderUnrated(r.missing, locale)}</Text>
      </div>
    );
  }
  const effects = r.reasons.filter((x) => x.kind !== 'quota');
  const quota = r.reasons.filter((x) => x.kind === 'quota');
  return (
    <div aria-live="polite">
      <Text as="p" weight="semibold">
        {t.gradeLine(r.baseGrade === null ? '—' : gradeName(r.baseGrade, summary.gradeNames), gradeName(r.grade, summary.gradeNames))}
      </Text>
      <Text as="p">{t.scoreLine(num(r.percent), num(r.bonus), num(r.deduction), num(r.total), r.rank === null ? '—' : String(r.rank))}</Text>
      <Table size="small" aria-labelledby={headingId}>
        <caption id={headingId} style={{ textAlign: 'start' }}>
          {t.passLineColumn} {percentText(settings.dimensionPassRate, settings.decimals)}
        </caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.dimensionColumn}</TableHeaderCell>
            <TableHeaderCell>{t.scoreColumn}</TableHeaderCell>
            <TableHeaderCell>{t.passLineColumn}</TableHeaderCell>
            <TableHeaderCell>{t.strongColumn}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {r.dimensions.map((d) => (
            <TableRow key={d.name}>
              <TableCell>{d.name}</TableCell>
              <TableCell>{d.score === null ? t.notScored : `${num(d.score)} / ${num(d.points)}`}</TableCell>
              <TableCell>{num(d.points * settings.dimensionPassRate)}</TableCell>
              <TableCell>{d.strong === null ? '—' : d.strong ? t.strongYes : t.strongNo}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <h4>{t.effects}</h4>
      {effects.length === 0 ? (
        <Text as="p">{t.effectsNone}</Text>
      ) : (
        <ul>
          {effects.map((x, k) => (
            <li key={k}>{renderGradeReason(x, ctx, locale)}</li>
          ))}
        </ul>
      )}
      <h4>{t.quota(shareText(settings.topGradeQuota, settings.decimals), t.quotaScope[settings.quotaScope])}</h4>
      {quota.length === 0 ? (
        <Text as="p">{t.quotaNotApplied}</Text>
      ) : (
        <ul>
          {quota.map((x, k) => (
            <li key={k}>{renderGradeReason(x, ctx, locale)}</li>
          ))}
        </ul>
      )}
      {r.redFlag ? null : (
        <>
          <h4>{t.redFlagFailures}</h4>
          <Text as="p">{renderRedFlagFailures(r.redFlagFailures, ctx, locale)}</Text>
        </>
      )}
    </div>
  );
}
