/** 结果: the overview of the last 计算: chart, counts, 红旗候选, moved grades, and one branch explained. */
import { Text } from '@fluentui/react-components';
import type { Locale } from '../../../engine/messages';
import type { UiStrings } from '../i18n';
import type { ComputeOutcome } from '../state';
import { BranchExplain } from './BranchExplain';
import { GradeChart } from './GradeChart';
import { MovedBranches } from './MovedBranches';
import { RedFlagList } from './RedFlagList';
import { SummaryCounts } from './SummaryCounts';

export function ResultsPanel({ t, locale, outcome }: { readonly t: UiStrings; readonly locale: Locale; readonly outcome: ComputeOutcome | undefined }) {
  if (outcome === undefined) {
    return (
      <section aria-label={t.steps.results}>
        <Text as="p">{t.resultsEmpty}</Text>
      </section>
    );
  }
  const { summary } = outcome;
  const bars = [...summary.gradeNames.map((label, i) => ({ label, count: summary.gradeCounts[i] ?? 0 })), { label: t.unrated, count: summary.unrated }];
  return (
    <section aria-label={t.steps.results}>
      <GradeChart title={t.chartTitle} bars={bars} separator={locale === 'en-US' ? ', ' : '，'} />
      <SummaryCounts t={t} summary={summary} />
      <RedFlagList t={t} summary={summary} />
      <MovedBranches t={t} locale={locale} summary={summary} />
      <BranchExplain t={t} locale={locale} summary={summary} />
    </section>
  );
}
