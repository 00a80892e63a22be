/**
 * Ballots (测评, workbook.md §2.7, §5.4, §8 Ballots): 双述双评, 满意度 and 民主评议, read in long form (one
 * row per ballot per target) or pre-counted form (`…计票`: one row per target × group × aspect with a
 * count per level). A Tally is a mergeable value: the tally of two workbooks is the sum of their tallies,
 * whatever the order (issue #5 merges workbooks with it).
 */
import type { CellRef } from './location';

/** The levels of each kind, best first (their order is the A/B/C/D synonym order). */
export const BALLOT_LEVELS = {
  review: ['好', '较好', '一般', '差'],
  satisfaction: ['满意', '基本满意', '不满意', '不了解'],
  appraisal: ['优秀', '合格', '基本合格', '不合格'],
} as const;

export type BallotKind = keyof typeof BALLOT_LEVELS;

/** 双述双评's two aspects: the secretary's party work and professional work. */
export const REVIEW_ASPECTS = ['党建', '业务'] as const;
/** 双述双评's rater groups (评议人类别); 党员 when blank. */
export const REVIEW_GROUPS = ['上级', '党员', '群众'] as const;
/** The aspect key of kinds with a single aspect (满意度, 民主评议). */
export const SINGLE_ASPECT = '';
/** The group key of 民主评议, which has no rater groups. */
export const NO_GROUP = '';

/** Counts of one (target, group, aspect). Every field adds under merge. */
export interface AspectCounts {
  /** Valid ballots per level, indexed like BALLOT_LEVELS[kind]. */
  readonly levels: readonly number[];
  /** 废票: ballots whose level for this aspect was blank or unknown (long form only). */
  readonly invalid: number;
  /** The part of Σ levels that came from a 计票 sheet (for the `<3` and turnout counts). */
  readonly precounted: number;
}

/** One rater group of one target. */
export interface GroupTally {
  /** Long-form ballot rows of this group for this target, valid or not (for `<3` and turnout). */
  readonly rows: number;
  /** Per aspect (党建/业务 for 双述双评; SINGLE_ASPECT otherwise). */
  readonly aspects: ReadonlyMap<string, AspectCounts>;
}

/** One target: a branch (双述双评, 满意度) or a member (民主评议, by 党员编号). */
export interface TargetTally {
  /** Per rater group (上级/党员/群众 …; NO_GROUP for 民主评议). */
  readonly groups: ReadonlyMap<string, GroupTally>;
}

export interface Tally {
  readonly kind: BallotKind;
  readonly targets: ReadonlyMap<string, TargetTally>;
}

/** A member appraised in 民主评议 (党员编号, 姓名, 支部编号 as the ballots give them). */
export interface Member {
  readonly id: string;
  readonly name: string;
  readonly branch: string;
  /** The first cell that named this member. */
  readonly at: CellRef;
}

/** Everything the ballot sheets of one workbook hold. A kind is null when the workbook has none of its sheets. */
export interface Ballots {
  readonly review: Tally | null;
  readonly satisfaction: Tally | null;
  readonly appraisal: Tally | null;
  /** 民主评议 targets by 党员编号. */
  readonly members: ReadonlyMap<string, Member>;
  /**
   * 最终等次 the committee typed in the previous 民主评议汇总 (a user column kept across runs), by 党员编号,
   * as an index into BALLOT_LEVELS.appraisal. Blank cells are absent.
   */
  readonly appraisalOverrides: ReadonlyMap<string, number>;
}

/** Valid counts per level, 有效票 and 废票 of one row of an output. */
export interface LevelStats {
  readonly levels: readonly number[];
  /** 有效票: for 满意度, 满意 + 基本满意 + 不满意 (不了解 is a valid ballot but not a vote). */
  readonly valid: number;
  readonly invalid: number;
}

/** 双述双评 for one aspect of one branch, over all groups. */
export interface ReviewAspectResult {
  readonly aspect: string;
  readonly counts: LevelStats;
  /** (好 + 较好) / 有效票, pooled over groups (§8); null with no valid vote. */
  readonly goodRate: number | null;
  /** 差 / 有效票, pooled. */
  readonly badRate: number | null;
  /** Group scores (Σ value × count / 有效票) weighted by 双述双评评议人权重, renormalised over groups present. */
  readonly score: number | null;
}

/** One row of 双述双评分组: a branch × group × aspect. `suppressed` when the group has fewer than 3 ballots. */
export interface ReviewGroupRow {
  readonly group: string;
  readonly aspect: string;
  readonly suppressed: boolean;
  readonly counts: LevelStats;
  readonly score: number | null;
}

export interface ReviewResult {
  readonly branch: string;
  /** 党建 then 业务. */
  readonly aspects: readonly ReviewAspectResult[];
  /** Overall rates over both aspects and all groups (§8); the formula variable 好评率 is this one. */
  readonly goodRate: number | null;
  readonly badRate: number | null;
  /** 综合 = 党建 × 0.6 + 业务 × 0.4 (党建业务权重, renormalised over aspects with a score). */
  readonly composite: number | null;
  /** 评议等次 as an index into Settings.reviewGradeNames; null without a composite. */
  readonly grade: number | null;
  /** 约谈提醒: 好评率 < 约谈好评率线 or 差评率 ≥ 约谈差评率线. */
  readonly interview: boolean;
  readonly groups: readonly ReviewGroupRow[];
}

export interface SatisfactionResult {
  readonly branch: string;
  /** levels: 满意, 基本满意, 不满意, 不了解; valid excludes 不了解. */
  readonly counts: LevelStats;
  /** 满意率 = (满意 + 基本满意) / 有效票; null with no vote. */
  readonly rate: number | null;
  /** Σ value × count / 有效票 with 满意度赋值 (满意 100, 基本满意 70, 不满意 30). */
  readonly score: number | null;
}

export interface AppraisalResult {
  readonly member: Member;
  readonly counts: LevelStats;
  /** 优秀 / 有效票 and 不合格 / 有效票. */
  readonly excellentShare: number | null;
  readonly failShare: number | null;
  /** 建议等次: the highest level L whose votes for L or better exceed half the valid votes (index). */
  readonly suggested: number | null;
  /** 最终等次 kept from the previous run (index), else null. */
  readonly final: number | null;
  /** 不合格 votes above 1/3 of valid votes. */
  readonly failFlag: boolean;
}

/** 民主评议 per branch: how many appraised members end 优秀 (最终等次, else 建议等次). */
export interface BranchAppraisal {
  readonly branch: string;
  readonly appraised: number;
  readonly excellent: number;
  readonly share: number | null;
  /** share above 民主评议优秀比例上限. */
  readonly flag: boolean;
}

export interface BallotResults {
  readonly review: ReadonlyMap<string, ReviewResult>;
  readonly satisfaction: ReadonlyMap<string, SatisfactionResult>;
  /** In the order members first appear. */
  readonly appraisal: readonly AppraisalResult[];
  readonly appraisalByBranch: ReadonlyMap<string, BranchAppraisal>;
}
