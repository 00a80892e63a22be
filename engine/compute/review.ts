/**
 * 双述双评 (workbook.md §5.4, §8 Ballots): per branch, per aspect (党建, 业务) and rater group (上级,
 * 党员, 群众): counts, 有效票, 废票, pooled rates, weighted scores, 综合, 评议等次 and 约谈提醒.
 *
 *   group score  = Σ value × count / 有效票            好 3, 较好 1, 一般 1 → (300 + 80 + 60) / 5 = 88
 *   aspect score = Σ group weight × group score / Σ weights of the groups with votes
 *   综合         = Σ aspect weight × aspect score / Σ weights of the aspects with a score
 *   rates        = pooled counts, unweighted: 好评率 = (好 + 较好) / 有效票, 差评率 = 差 / 有效票
 */
import { BALLOT_LEVELS, REVIEW_ASPECTS, REVIEW_GROUPS, type AspectCounts, type LevelStats, type ReviewAspectResult, type ReviewGroupRow, type ReviewResult, type TargetTally } from '../ballots';
import { DEFAULTS, type Settings } from '../settings';
import { isAtLeast, isBelow } from './compare';
import { addTo, emptyPool, groupBallots, orderKeys, ratio, sum, weightedMean, type Pool, type WeightedPart } from './counts';
import { bandGrade } from './grade';

/** A group with fewer ballots than this for a target is shown as `<3` in breakdowns (§5.4). */
export const MIN_SHOWN_BALLOTS = 3;

const LEVELS = BALLOT_LEVELS.review;
const NO_COUNTS: AspectCounts = { levels: LEVELS.map(() => 0), invalid: 0, precounted: 0 };

/** One branch's 双述双评 result from its tally. */
export function reviewResult(branch: string, target: TargetTally, settings: Settings): ReviewResult {
  const groups = orderKeys(target.groups.keys(), REVIEW_GROUPS);
  const aspects = orderKeys([...REVIEW_ASPECTS, ...aspectKeys(target)], REVIEW_ASPECTS);
  const aspectResults = aspects.map((aspect) => aspectResult(aspect, target, groups, settings));

  const overall = emptyPool(LEVELS.length);
  for (const a of aspectResults) addTo(overall, a.counts);
  const { goodRate, badRate } = rates(overall);

  const composite = weightedMean(
    aspectResults.flatMap((a): WeightedPart[] =>
      a.score === null ? [] : [{ weight: aspectWeight(a.aspect, settings), value: a.score, valid: a.counts.valid }],
    ),
  );
  const rows: ReviewGroupRow[] = [];
  for (const group of groups) {
    const tally = target.groups.get(group);
    const suppressed = !tally || groupBallots(tally) < MIN_SHOWN_BALLOTS;
    for (const aspect of aspects) {
      const counts = tally?.aspects.get(aspect) ?? NO_COUNTS;
      rows.push({ group, aspect, suppressed, counts: stats(counts), score: levelScore(counts.levels, settings) });
    }
  }
  return {
    branch,
    aspects: aspectResults,
    goodRate,
    badRate,
    composite,
    grade: composite === null ? null : bandGrade(composite, settings.reviewGradeThresholds, settings.reviewGradeNames.length),
    interview: isInterview(goodRate, badRate, settings),
    groups: rows,
  };
}

/**
 * 约谈提醒: overall 好评率 < 约谈好评率线 or 差评率 ≥ 约谈差评率线, at 6 decimals
 * (0.7 and 0.2 by default: 好评率 0.69 → yes; 差评率 0.2 → yes; 好评率 0.7 and 差评率 0.19 → no).
 */
export function isInterview(goodRate: number | null, badRate: number | null, settings: Settings): boolean {
  return (goodRate !== null && isBelow(goodRate, settings.interviewGoodRateLine)) || (badRate !== null && isAtLeast(badRate, settings.interviewBadRateLine));
}

/** One aspect over all groups: pooled counts and rates, and the group scores weighted by 双述双评评议人权重. */
function aspectResult(aspect: string, target: TargetTally, groups: readonly string[], settings: Settings): ReviewAspectResult {
  const pool = emptyPool(LEVELS.length);
  const parts: WeightedPart[] = [];
  for (const group of groups) {
    const counts = target.groups.get(group)?.aspects.get(aspect);
    if (!counts) continue;
    addTo(pool, counts);
    const value = levelScore(counts.levels, settings);
    if (value !== null) parts.push({ weight: settings.reviewGroupWeights.get(group) ?? 0, value, valid: sum(counts.levels) });
  }
  return { aspect, counts: poolStats(pool), ...rates(pool), score: weightedMean(parts) };
}

/** 好评率 = (好 + 较好) / 有效票, 差评率 = 差 / 有效票: 好 3, 较好 1, 一般 1 → 0.8 and 0. */
function rates(pool: Pool): { goodRate: number | null; badRate: number | null } {
  const valid = sum(pool.levels);
  return {
    goodRate: ratio((pool.levels[0] ?? 0) + (pool.levels[1] ?? 0), valid),
    badRate: ratio(pool.levels[3] ?? 0, valid),
  };
}

/** Σ value × count / 有效票 with 双述双评赋值; null with no valid vote. */
function levelScore(levels: readonly number[], settings: Settings): number | null {
  const valid = sum(levels);
  if (valid <= 0) return null;
  let points = 0;
  LEVELS.forEach((name, i) => {
    points += levelValue(name, settings) * (levels[i] ?? 0);
  });
  return points / valid;
}

/** A level's value; a map that somehow lacks a level falls back to the §7 default. */
function levelValue(name: string, settings: Settings): number {
  return settings.reviewValues.get(name) ?? DEFAULTS.reviewValues.get(name) ?? 0;
}

function aspectWeight(aspect: string, settings: Settings): number {
  return settings.reviewAspectWeights.get(aspect) ?? 0;
}

/** The aspects named anywhere in the target (党建 and 业务, which are always listed; parse gives no others). */
function aspectKeys(target: TargetTally): Set<string> {
  const out = new Set<string>();
  for (const g of target.groups.values()) for (const a of g.aspects.keys()) out.add(a);
  return out;
}

function stats(counts: AspectCounts): LevelStats {
  return { levels: [...counts.levels], valid: sum(counts.levels), invalid: counts.invalid };
}

function poolStats(pool: Pool): LevelStats {
  return { levels: pool.levels, valid: sum(pool.levels), invalid: pool.invalid };
}
