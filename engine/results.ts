/**
 * What engine/compute/* produces and engine/emit/* renders. Full precision throughout; rounding
 * happens only in emit. Grades are indexes into Settings.gradeNames (0 = top).
 */
import type { Branch, Effect } from './model';
import type { CellRef } from './location';

export interface DimensionResult {
  /** 一级指标 name. */
  readonly name: string;
  /** Σ 分值 of its 评分 and 台账 indicators. */
  readonly points: number;
  /** 维度得分; null when one of its indicators could not be scored. */
  readonly score: number | null;
  /** 维度得分率 = score / points; null when score is null. */
  readonly rate: number | null;
  /** 强 when rate ≥ 维度达标线 (compared at 6 decimals); null when rate is null. */
  readonly strong: boolean | null;
}

/** Why a branch's indicator has no score: no rater scored it, or a ledger value is missing. */
export type MissingCell =
  | { readonly kind: 'unscored'; readonly indicator: string; readonly cells: readonly CellRef[] } // 评分 indicator, no rater at all; blank wide-form cells if any
  | { readonly kind: 'ledgerBlank'; readonly indicator: string; readonly cell: CellRef } // blank ledger cell the formula reads
  | { readonly kind: 'ledgerRow'; readonly indicator: string } // no 台账 row for the branch
  | { readonly kind: 'ledgerSheet'; readonly indicator: string } // no 台账 sheet at all
  | { readonly kind: 'measure'; readonly indicator: string; readonly name: string } // 满意率/好评率 not measured
  | { readonly kind: 'formula'; readonly indicator: string } // the formula itself is invalid
  | { readonly kind: 'branchField'; readonly indicator: string; readonly name: string } // 党员人数 blank in 支部 (and no 台账 column of that name)
  | { readonly kind: 'rubric' }; // no usable 指标 sheet, or no 评分/台账 indicator: nothing can be scored

/** One thing that moved a grade away from its base (等次说明), rendered in words by emit. */
export type GradeReason =
  | { readonly kind: 'veto'; readonly effect: Effect; readonly matter: string } // a 否决 row
  | { readonly kind: 'direct'; readonly grade: number; readonly matter: string } // 直接定级 (定为<top>)
  | { readonly kind: 'rubricVeto'; readonly effect: Effect; readonly indicator: string; readonly score: number; readonly threshold: number }
  | { readonly kind: 'satisfactionCap'; readonly grade: number; readonly rate: number; readonly line: number }
  | { readonly kind: 'satisfactionVeto'; readonly grade: number; readonly rate: number; readonly line: number }
  | { readonly kind: 'quota'; readonly from: number; readonly to: number; readonly position: number; readonly kept: number; readonly n: number; readonly scope: string };

/** One condition of 红旗候选 that failed (未达原因). */
export type RedFlagFailure =
  | { readonly kind: 'notAllStrong'; readonly weak: readonly string[] } // dimensions not 强
  | { readonly kind: 'score'; readonly total: number; readonly line: number }
  | { readonly kind: 'grade'; readonly grade: number }
  | { readonly kind: 'veto' }
  | { readonly kind: 'satisfaction'; readonly rate: number; readonly line: number }
  | { readonly kind: 'previous'; readonly grade: number }
  | { readonly kind: 'unrated' };

export interface BranchResult {
  readonly branch: Branch;
  /** Score per indicator id, for the indicators that could be scored (评分, 台账, 加分, 扣分). */
  readonly indicatorScores: ReadonlyMap<string, number>;
  /** Empty unless the branch is 未评定. */
  readonly missing: readonly MissingCell[];
  /** In order of first appearance in the rubric. */
  readonly dimensions: readonly DimensionResult[];
  /** The capped Σ 加分 used in 总分. */
  readonly bonus: number;
  /** Σ 扣分. */
  readonly deduction: number;
  /** 百分制 = 基础分 / Σ 分值 × 100; null when 未评定. */
  readonly percent: number | null;
  /** 总分 = max(0, 百分制 + bonus − deduction); null when 未评定. */
  readonly total: number | null;
  /** 排名 over all graded branches (1,2,2,4); null when 未评定. */
  readonly rank: number | null;
  /** 单位排名 within 所属党委. */
  readonly unitRank: number | null;
  readonly strongCount: number | null;
  /** 六强达标 */
  readonly allStrong: boolean | null;
  /** 满意率 from the ballots, null when not measured. */
  readonly satisfaction: number | null;
  /** 双述双评 overall 好评率, null when not measured. */
  readonly goodRate: number | null;
  /** Grade from 总分 and the bands; null when 未评定. */
  readonly baseGrade: number | null;
  /** Final grade after effects and the quota; null when 未评定. */
  readonly grade: number | null;
  /** Everything that moved the grade from its base, in the order applied. */
  readonly reasons: readonly GradeReason[];
  /** Any veto: a 否决 veto row, a triggered rubric veto or satisfaction gate (§8 Grades). */
  readonly vetoed: boolean;
  /** 软弱涣散排查 */
  readonly weak: boolean;
  /** 红旗候选 */
  readonly redFlag: boolean;
  /** 未达原因 (empty when redFlag). */
  readonly redFlagFailures: readonly RedFlagFailure[];
  /** 连续较差: 上年等次 and this year both the lowest grade. */
  readonly consecutivePoor: boolean;
}

export type GapType =
  | '指标低于预警线'
  | '维度未达强'
  | '会议次数不足'
  | '否决事项'
  | '满意率偏低'
  | '书记评议预警'
  | '连续较差'
  | '民主评议优秀超比例';

/**
 * One gap for 问题清单, keyed by (branch, type, item). Standard, actual and difference are in
 * the unit named (§8 Gaps): points, counts, or ratios (written as percents).
 */
export interface Gap {
  readonly branch: string;
  readonly type: GapType;
  /** 项目: 指标编号, dimension name, meeting name, 否决 事项, `满意率`, `双述双评`, `等次`, `民主评议`. */
  readonly item: string;
  readonly unit: 'points' | 'count' | 'ratio' | 'none';
  readonly standard: number | null;
  readonly actual: number | null;
  /** Always the positive amount by which the standard is missed. */
  readonly diff: number | null;
  /** 整改建议 (from the rubric for indicator gaps). */
  readonly advice: string | null;
  /** Extra words for 问题描述 (indicator name, veto effect …). */
  readonly detail: string;
}

export interface GradingSummary {
  /** Count per grade index, then 未评定. */
  readonly gradeCounts: readonly number[];
  readonly unrated: number;
  readonly allStrong: number;
  readonly redFlag: number;
  readonly gaps: number;
}
