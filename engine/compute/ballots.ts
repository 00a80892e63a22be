/**
 * Ballot results (workbook.md §5.4, §8 Ballots) from the model's tallies, the measures they feed into
 * grading (满意率, 好评率) and the turnout warning.
 *
 *   Tally (双述双评) ─▶ ReviewResult per branch       ─▶ 好评率 ─┐
 *   Tally (满意度)   ─▶ SatisfactionResult per branch ─▶ 满意率 ─┴▶ measures: gates, quota, 红旗候选, 台账公式, gaps
 *   Tally (民主评议) ─▶ AppraisalResult per member ─▶ BranchAppraisal per branch ─▶ 民主评议优秀超比例
 */
import { type AppraisalResult, type BallotResults, type ReviewResult, type SatisfactionResult } from '../ballots';
import { issue, type Issue } from '../issues';
import type { BallotMeasures, Model } from '../model';
import { appraisalResult, branchAppraisals } from './appraisal';
import { groupBallots, orderTargets } from './counts';
import { reviewResult } from './review';
import { satisfactionResult } from './satisfaction';

/** The rater group whose 双述双评 ballots are compared with 党员人数 (§8 Ballots, turnout). */
export const MEMBER_GROUP = '党员';

/** Every ballot result of the model; maps are empty for a kind the workbook does not have. */
export function computeBallots(model: Model): BallotResults {
  const { ballots, branches, settings } = model;
  const review = new Map<string, ReviewResult>();
  if (ballots.review) {
    const targets = ballots.review.targets;
    for (const id of orderTargets(targets.keys(), branches)) {
      const target = targets.get(id);
      if (target) review.set(id, reviewResult(id, target, settings));
    }
  }
  const satisfaction = new Map<string, SatisfactionResult>();
  if (ballots.satisfaction) {
    const targets = ballots.satisfaction.targets;
    for (const id of orderTargets(targets.keys(), branches)) {
      const target = targets.get(id);
      if (target) satisfaction.set(id, satisfactionResult(id, target, settings));
    }
  }
  const appraisal: AppraisalResult[] = [];
  if (ballots.appraisal) {
    // Members in the order they first appear; a tally target without a member record has no name or
    // branch to show and cannot occur when parse did its job.
    for (const member of ballots.members.values()) {
      const target = ballots.appraisal.targets.get(member.id);
      if (target) appraisal.push(appraisalResult(member, target, ballots.appraisalOverrides.get(member.id) ?? null));
    }
  }
  const branchOrder = orderTargets(
    appraisal.map((r) => r.member.branch),
    branches,
  );
  return { review, satisfaction, appraisal, appraisalByBranch: branchAppraisals(appraisal, branchOrder, settings) };
}

/**
 * The measures grading reads, per branch: 满意率 and the overall 双述双评 好评率 derived from the
 * ballots take precedence; values given directly in model.measures stay where no ballot gives one.
 * Given {A: 满意率 0.95} and 满意度 ballots for A with rate 0.8 → A's 满意率 is 0.8.
 */
export function ballotMeasures(model: Model, results: BallotResults): Map<string, BallotMeasures> {
  const out = new Map<string, BallotMeasures>(model.measures);
  const ids = new Set([...results.satisfaction.keys(), ...results.review.keys()]);
  for (const id of ids) {
    const given = model.measures.get(id) ?? {};
    const satisfaction = results.satisfaction.get(id)?.rate ?? given.satisfaction;
    const goodRate = results.review.get(id)?.goodRate ?? given.goodRate;
    out.set(id, {
      ...(satisfaction === undefined ? {} : { satisfaction }),
      ...(goodRate === undefined ? {} : { goodRate }),
    });
  }
  return out;
}

/**
 * BALLOT_TURNOUT_LOW: a branch with 党员人数 and any 双述双评 ballot whose 党员-group ballots (rows,
 * valid or not, plus the larger per-aspect 计票 total) are below half of 党员人数: 9 ballots for 20
 * members → warning; 10 → none. At the branch's 支部编号 cell.
 */
export function turnoutIssues(model: Model): Issue[] {
  const tally = model.ballots.review;
  if (!tally) return [];
  const out: Issue[] = [];
  for (const branch of model.branches) {
    const target = tally.targets.get(branch.id);
    if (branch.members === null || !target) continue;
    let any = 0;
    for (const g of target.groups.values()) any += groupBallots(g);
    if (any === 0) continue;
    const group = target.groups.get(MEMBER_GROUP);
    const ballots = group ? groupBallots(group) : 0;
    if (2 * ballots < branch.members) out.push(issue('BALLOT_TURNOUT_LOW', branch.at, { branch: branch.id, ballots, members: branch.members }));
  }
  return out;
}
