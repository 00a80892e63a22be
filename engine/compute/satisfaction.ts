/**
 * 满意度 (workbook.md §5.4, §8 Ballots): per branch, counts pooled over rater groups, 满意率 and score.
 * 不了解 is a valid ballot but not a vote, so it is in neither 有效票 nor 废票.
 *
 *   有效票 = 满意 + 基本满意 + 不满意
 *   满意率 = (满意 + 基本满意) / 有效票
 *   score  = Σ value × count / 有效票 (满意 100, 基本满意 70, 不满意 30)
 *   满意 6, 基本满意 2, 不满意 2, 不了解 5 → 有效票 10, 满意率 0.8, score (600 + 140 + 60) / 10 = 80
 */
import { BALLOT_LEVELS, type SatisfactionResult, type TargetTally } from '../ballots';
import { DEFAULTS, type Settings } from '../settings';
import { addTo, emptyPool, ratio } from './counts';

const LEVELS = BALLOT_LEVELS.satisfaction;
/** The levels that are votes: 满意, 基本满意, 不满意 (not 不了解). */
const VOTES = 3;

/** One branch's 满意度 result from its tally. */
export function satisfactionResult(branch: string, target: TargetTally, settings: Settings): SatisfactionResult {
  const pool = emptyPool(LEVELS.length);
  for (const group of target.groups.values()) for (const counts of group.aspects.values()) addTo(pool, counts);
  let valid = 0;
  let points = 0;
  for (let i = 0; i < VOTES; i++) {
    const name = LEVELS[i] ?? '';
    const n = pool.levels[i] ?? 0;
    valid += n;
    points += n * (settings.satisfactionValues.get(name) ?? DEFAULTS.satisfactionValues.get(name) ?? 0);
  }
  return {
    branch,
    counts: { levels: pool.levels, valid, invalid: pool.invalid },
    rate: ratio((pool.levels[0] ?? 0) + (pool.levels[1] ?? 0), valid),
    score: ratio(points, valid),
  };
}
