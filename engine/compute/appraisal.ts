/**
 * 民主评议 (workbook.md §5.4, §8 Ballots): per member counts, shares, 建议等次 (the median vote) and the
 * 不合格 flag; per branch the 优秀 share of its appraised members against 民主评议优秀比例上限.
 */
import { BALLOT_LEVELS, type AppraisalResult, type BranchAppraisal, type Member, type TargetTally } from '../ballots';
import type { Settings } from '../settings';
import { isBelow } from './compare';
import { addTo, emptyPool, ratio, sum } from './counts';

const LEVELS = BALLOT_LEVELS.appraisal;
/** Index of 优秀 and 不合格 in BALLOT_LEVELS.appraisal. */
export const EXCELLENT = 0;
export const FAIL = LEVELS.length - 1;

/** One member's 民主评议 result; `final` is the committee's 最终等次 kept from the previous run, if any. */
export function appraisalResult(member: Member, target: TargetTally, final: number | null): AppraisalResult {
  const pool = emptyPool(LEVELS.length);
  for (const group of target.groups.values()) for (const counts of group.aspects.values()) addTo(pool, counts);
  const valid = sum(pool.levels);
  return {
    member,
    counts: { levels: pool.levels, valid, invalid: pool.invalid },
    excellentShare: ratio(pool.levels[EXCELLENT] ?? 0, valid),
    failShare: ratio(pool.levels[FAIL] ?? 0, valid),
    suggested: suggestedGrade(pool.levels),
    final,
    failFlag: isFailFlagged(pool.levels),
  };
}

/**
 * 建议等次 = the highest level L such that the votes for L or better are more than half of the valid
 * votes (the median vote; 优秀 needs a strict majority). 优秀 6, 合格 4 → 优秀; 优秀 5, 合格 5 → 合格
 * (5 is not > 5); 优秀 2, 合格 2, 基本合格 1 → 合格 (4 > 2.5). null with no valid vote.
 * Counts are whole numbers, so 2 × c > valid compares exactly.
 */
export function suggestedGrade(levels: readonly number[]): number | null {
  const valid = sum(levels);
  if (valid <= 0) return null;
  let atLeast = 0;
  for (let i = 0; i < levels.length; i++) {
    atLeast += levels[i] ?? 0;
    if (2 * atLeast > valid) return i;
  }
  return levels.length - 1;
}

/** 不合格 votes above 1/3 of valid votes: 3 × 不合格 > 有效票 (1 of 3 → no; 2 of 5 → yes). */
export function isFailFlagged(levels: readonly number[]): boolean {
  return 3 * (levels[FAIL] ?? 0) > sum(levels);
}

/**
 * Per branch: appraised = its members with a grade (最终等次, else 建议等次; a member with only 废票 has
 * none); excellent = those whose grade is 优秀; share = excellent / appraised; flag when the share is
 * above 民主评议优秀比例上限 at 6 decimals (1 of 3 with 1/3 → not above; 2 of 5 → above).
 * Branches in the order `branchOrder` gives.
 */
export function branchAppraisals(results: readonly AppraisalResult[], branchOrder: readonly string[], settings: Settings): Map<string, BranchAppraisal> {
  const counts = new Map<string, { appraised: number; excellent: number }>();
  for (const r of results) {
    const grade = r.final ?? r.suggested;
    if (grade === null) continue;
    const c = counts.get(r.member.branch) ?? { appraised: 0, excellent: 0 };
    c.appraised++;
    if (grade === EXCELLENT) c.excellent++;
    counts.set(r.member.branch, c);
  }
  const out = new Map<string, BranchAppraisal>();
  for (const branch of branchOrder) {
    const c = counts.get(branch);
    if (!c) continue;
    const share = ratio(c.excellent, c.appraised);
    const cap = settings.appraisalExcellentCap;
    out.set(branch, { branch, appraised: c.appraised, excellent: c.excellent, share, flag: share !== null && isBelow(cap, share) });
  }
  return out;
}
