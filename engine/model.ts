/**
 * The typed model that engine/parse/* builds from a RawWorkbook and engine/compute/* reads.
 * Every record keeps where it came from, so any later issue can name the cell.
 */
import type { Ballots } from './ballots';
import type { CompiledFormula } from './formula/types';
import type { CellRef } from './location';
import type { Settings } from './settings';

/** 计分方式: 评分 (rated by raters) / 台账 (from the ledger formula) / 加分 (bonus) / 扣分 (deduction). */
export type Method = 'score' | 'ledger' | 'bonus' | 'deduction';

/** A grade effect: `定为X` (force) or `最高X` (cap). `grade` indexes Settings.gradeNames (0 = top). */
export interface Effect {
  readonly kind: 'force' | 'cap';
  readonly grade: number;
}

/** 支部: one branch. */
export interface Branch {
  readonly id: string;
  readonly name: string;
  /** 所属党委; `未分组` when blank. */
  readonly unit: string;
  readonly type: string | null;
  readonly secretary: string | null;
  /** 党员人数, null when not given. */
  readonly members: number | null;
  /** 党小组数, 0 when not given. */
  readonly groups: number;
  /** 运行月数 1–12, 12 when not given. */
  readonly months: number;
  /** 上年等次 as an index into gradeNames; null when not given. */
  readonly previous: number | null;
  /** The 支部编号 cell. */
  readonly at: CellRef;
}

/** 指标: one lowest-level indicator (三级指标). */
export interface Indicator {
  readonly id: string;
  /** 一级指标 (a dimension, e.g. 组织队伍强) */
  readonly dimension: string;
  readonly group: string | null;
  readonly item: string | null;
  /** 分值 > 0 */
  readonly points: number;
  readonly method: Method;
  /** The compiled 台账公式; null for non-台账 indicators or when it did not compile (an issue says why). */
  readonly formula: CompiledFormula | null;
  /** 预警线 as a ratio, the 参数 default when blank. */
  readonly alert: number;
  /** The rubric 否决 effect applied when score / 分值 < alert; null when none. */
  readonly veto: Effect | null;
  readonly advice: string | null;
  /** The 指标编号 cell. */
  readonly at: CellRef;
  /** The 台账公式 cell, for issues about the formula (when the column exists). */
  readonly formulaAt: CellRef | null;
}

/** One valid rater score, after duplicates were resolved (§8 Wide forms). */
export interface Score {
  readonly branch: string;
  readonly indicator: string;
  readonly rater: string;
  /** 评分人类别, 上级 when blank. */
  readonly role: string;
  readonly value: number;
  readonly at: CellRef;
}

/** One 台账 row. A blank cell is missing, not 0 (§8). */
export interface LedgerRow {
  readonly branch: string;
  /** Numeric values by column name (only the cells that hold a valid number). */
  readonly values: ReadonlyMap<string, number>;
  /** The cell of every numeric column for this row, blank or not, for naming missing cells. */
  readonly cells: ReadonlyMap<string, CellRef>;
  readonly at: CellRef;
}

export interface Ledger {
  /** Numeric column names as written in the header (after trimming). */
  readonly columns: readonly string[];
  readonly rows: ReadonlyMap<string, LedgerRow>;
  readonly sheet: string;
}

/** 否决: one veto or direct-grading row. */
export interface Veto {
  readonly branch: string;
  /** 事项 */
  readonly matter: string;
  readonly effect: Effect;
  /** 软弱涣散 mentioned in 事项 or 影响. */
  readonly weak: boolean;
  readonly note: string | null;
  readonly at: CellRef;
}

/**
 * Per-branch measures that come from the ballots (issue #3 fills them; empty until then).
 * They feed the satisfaction gates, 红旗候选, the quota order and formula variables.
 */
export interface BallotMeasures {
  /** 满意率 (0–1), absent when not measured. */
  readonly satisfaction?: number;
  /** 双述双评 overall 好评率 (0–1). */
  readonly goodRate?: number;
}

export interface Model {
  readonly settings: Settings;
  readonly branches: readonly Branch[];
  /** In rubric order. Empty when 指标 is missing (then no branch can be scored). */
  readonly indicators: readonly Indicator[];
  /** False when the 指标 sheet or a required column of it is missing. */
  readonly rubricAvailable: boolean;
  readonly scores: readonly Score[];
  /**
   * Blank cells of wide forms, by `${branch}\u0001${indicator}`: where a rater left a 评分 indicator
   * unscored, so that 未评定 can list the cells to fill.
   */
  readonly wideBlanks: ReadonlyMap<string, readonly CellRef[]>;
  readonly ledger: Ledger | null;
  readonly vetoes: readonly Veto[];
  /**
   * Per-branch ballot measures given directly (tests, or a caller with rates from elsewhere). Parse leaves it
   * empty; compute adds the values it derives from `ballots` (满意率, 好评率), which take precedence.
   */
  readonly measures: ReadonlyMap<string, BallotMeasures>;
  /** The ballot sheets' tallies (§2.7); every kind null when the workbook has no ballot sheet. */
  readonly ballots: Ballots;
}

/** Ballots of a workbook without ballot sheets. */
export const NO_BALLOTS: Ballots = {
  review: null,
  satisfaction: null,
  appraisal: null,
  members: new Map(),
  appraisalOverrides: new Map(),
};
