/**
 * The compute step: Model → ballot results, per-branch results, gaps, issues and a summary. Pure and
 * deterministic, full precision (only threshold comparisons and ties use round6, §8 Numbers).
 *
 *   ballots ─▶ 满意率, 好评率 (measures) ─▶ satisfaction gates, quota order, 红旗候选, 台账公式, gaps
 *   rater scores ─▶ indicator scores ─▶ dimensions, 总分 ─▶ base grade ─▶ effects ─▶ quota ─▶ 红旗候选, gaps
 *   台账 rows    ─┘
 */
import type { BallotResults, BranchAppraisal, ReviewResult } from '../ballots';
import { issue, type Issue } from '../issues';
import type { Branch, Indicator, Model, Veto } from '../model';
import type { BranchResult, DimensionResult, Gap, GradeReason, GradingSummary, MissingCell } from '../results';
import { ballotMeasures, computeBallots, turnoutIssues } from './ballots';
import { raterConsistency, type ConsistencyResult } from './consistency';
import { branchGaps } from './gaps';
import { baseGrade, collectEffects, composeGrade } from './grade';
import { scoreLedgerIndicator } from './ledger';
import { applyQuota, type QuotaEntry } from './quota';
import { rankBranches } from './rank';
import { pairKey, scoreRatedIndicators, type RatedScores } from './score';
import { isConsecutivePoor, redFlagFailures, strongCount } from './strength';
import { summarise } from './summary';
import { computeTotals, dimensionsOf, isBase, type Totals } from './total';
import { unratedIssue } from './unrated';

export interface ComputeOutput {
  readonly results: BranchResult[];
  readonly gaps: Gap[];
  readonly issues: Issue[];
  readonly summary: GradingSummary;
  /** 双述双评, 满意度 and 民主评议 results (empty maps for kinds the workbook does not have). */
  readonly ballots: BallotResults;
  /** 评分一致性: diagnostics over the rater scores, computed beside the grades and never read by them. */
  readonly consistency: ConsistencyResult;
}

/** Everything known about one branch before the quota. */
interface Interim {
  readonly branch: Branch;
  readonly scores: ReadonlyMap<string, number>;
  readonly missing: readonly MissingCell[];
  readonly totals: Totals;
  readonly vetoes: readonly Veto[];
  readonly satisfaction: number | null;
  readonly goodRate: number | null;
  readonly review: ReviewResult | null;
  readonly appraisal: BranchAppraisal | null;
  readonly vetoed: boolean;
  /** null when 未评定. */
  readonly graded: { readonly total: number; readonly base: number; readonly grade: number; readonly reasons: readonly GradeReason[]; readonly strongCount: number } | null;
}

/**
 * Grade every branch of the model (workbook.md §3, §5.1–5.3, §8). Results and gaps follow the
 * 支部 order; nothing depends on the order of model.scores or model.branches beyond that.
 */
export function computeResults(given: Model): ComputeOutput {
  // Ballots first: the measures they give (满意率, 好评率) are read by the gates, the quota, 红旗候选,
  // 台账公式 and the gaps; a measure given directly in model.measures stays only where no ballot gives one.
  const ballots = computeBallots(given);
  const model: Model = { ...given, measures: ballotMeasures(given, ballots) };
  const { settings } = model;
  const issues: Issue[] = [...turnoutIssues(model)];
  const scoringAvailable = model.rubricAvailable && model.indicators.some(isBase);
  const rated: RatedScores = model.rubricAvailable ? scoreRatedIndicators(model) : { byBranch: new Map(), issues: [] };
  issues.push(...rated.issues);
  const dimensions = dimensionsOf(model.indicators);
  const vetoesByBranch = groupVetoes(model.vetoes);
  const needsLedgerRow =
    model.indicators.some((i) => i.method === 'ledger') || model.ledger?.columns.some((c) => settings.meetingMinimums.has(c)) === true;

  const interims: Interim[] = model.branches.map((branch) => {
    const scores = rated.byBranch.get(branch.id) ?? new Map<string, number>();
    const missing: MissingCell[] = [];
    if (!scoringAvailable) missing.push({ kind: 'rubric' });
    else issues.push(...scoreIndicators(model, branch, scores, missing));
    if (model.ledger && needsLedgerRow && !model.ledger.rows.has(branch.id)) {
      issues.push(issue('LEDGER_ROW_MISSING', branch.at, { branch: branch.id }));
    }
    if (missing.length > 0) issues.push(unratedIssue(branch, missing));

    const totals = computeTotals(model.indicators, dimensions, scores, settings);
    const measures = model.measures.get(branch.id);
    const satisfaction = measures?.satisfaction ?? null;
    const vetoes = vetoesByBranch.get(branch.id) ?? [];
    const effects = collectEffects(vetoes, model.indicators, scores, satisfaction, settings);
    const total = missing.length === 0 ? totals.total : null;
    let graded: Interim['graded'] = null;
    if (total !== null) {
      const base = baseGrade(total, settings);
      const composed = composeGrade(base, effects);
      graded = { total, base, grade: composed.grade, reasons: composed.reasons, strongCount: strongCount(totals.dimensions) };
    }
    return {
      branch,
      scores,
      missing,
      totals,
      vetoes,
      satisfaction,
      goodRate: measures?.goodRate ?? null,
      review: ballots.review.get(branch.id) ?? null,
      appraisal: ballots.appraisalByBranch.get(branch.id) ?? null,
      vetoed: effects.some((e) => e.veto),
      graded,
    };
  });

  const quotaEntries: QuotaEntry[] = [];
  for (const it of interims) {
    if (!it.graded) continue;
    const { total, strongCount: strong, grade } = it.graded;
    quotaEntries.push({ id: it.branch.id, unit: it.branch.unit, total, strongCount: strong, satisfaction: it.satisfaction, grade, at: it.branch.at });
  }
  const quota = applyQuota(quotaEntries, settings);
  issues.push(...quota.issues);
  const ranks = rankBranches(quotaEntries);

  const results: BranchResult[] = [];
  const gaps: Gap[] = [];
  for (const it of interims) {
    const result = finish(it, quota.drops.get(it.branch.id), ranks, model);
    results.push(result);
    gaps.push(
      ...branchGaps(
        {
          branch: it.branch,
          indicators: model.indicators,
          scores: it.scores,
          dimensions: it.totals.dimensions,
          ledger: model.ledger,
          vetoes: it.vetoes,
          satisfaction: it.satisfaction,
          review: it.review,
          appraisal: it.appraisal,
          consecutivePoor: result.consecutivePoor,
        },
        settings,
      ),
    );
  }
  return { results, gaps, issues, summary: summarise(results, gaps, settings), ballots, consistency: raterConsistency(given) };
}

/**
 * Adds the branch's 台账 scores to `scores` and records every 评分/台账 indicator that has no score
 * in `missing` (rubric order); returns FORMULA_RESULT_INVALID issues.
 */
function scoreIndicators(model: Model, branch: Branch, scores: Map<string, number>, missing: MissingCell[]): Issue[] {
  const issues: Issue[] = [];
  for (const ind of model.indicators) {
    if (ind.method === 'score' && !scores.has(ind.id)) missing.push(unscored(model, branch, ind));
    if (ind.method !== 'ledger') continue;
    const ledger = scoreLedgerIndicator(ind, branch, model);
    if (ledger.value !== null) scores.set(ind.id, ledger.value);
    missing.push(...ledger.missing);
    if (ledger.issue) issues.push(ledger.issue);
  }
  return issues;
}

function unscored(model: Model, branch: Branch, ind: Indicator): MissingCell {
  return { kind: 'unscored', indicator: ind.id, cells: model.wideBlanks.get(pairKey(branch.id, ind.id)) ?? [] };
}

function groupVetoes(vetoes: readonly Veto[]): Map<string, Veto[]> {
  const out = new Map<string, Veto[]>();
  for (const v of vetoes) {
    const list = out.get(v.branch);
    if (list) list.push(v);
    else out.set(v.branch, [v]);
  }
  return out;
}

function finish(
  it: Interim,
  drop: GradeReason | undefined,
  ranks: ReturnType<typeof rankBranches>,
  model: Model,
): BranchResult {
  const { settings } = model;
  const { branch, graded, totals } = it;
  const grade = graded ? (drop && drop.kind === 'quota' ? drop.to : graded.grade) : null;
  const dims: readonly DimensionResult[] = totals.dimensions;
  const failures = redFlagFailures(
    { dimensions: dims, total: graded?.total ?? null, grade, vetoed: it.vetoed, satisfaction: it.satisfaction, previous: branch.previous },
    settings,
  );
  return {
    branch,
    indicatorScores: it.scores,
    missing: it.missing,
    dimensions: dims,
    bonus: totals.bonus,
    deduction: totals.deduction,
    percent: graded ? totals.percent : null,
    total: graded?.total ?? null,
    rank: ranks.rank.get(branch.id) ?? null,
    unitRank: ranks.unitRank.get(branch.id) ?? null,
    strongCount: graded?.strongCount ?? null,
    allStrong: graded ? dims.every((d) => d.strong === true) : null,
    satisfaction: it.satisfaction,
    goodRate: it.goodRate,
    baseGrade: graded?.base ?? null,
    grade,
    reasons: graded ? [...graded.reasons, ...(drop ? [drop] : [])] : [],
    vetoed: it.vetoed,
    weak: it.vetoes.some((v) => v.weak),
    redFlag: failures.length === 0,
    redFlagFailures: failures,
    consecutivePoor: isConsecutivePoor(branch.previous, grade, settings),
  };
}
