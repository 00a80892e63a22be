/**
 * Data problems are values. Every issue has a stable SCREAMING_SNAKE code, a fixed severity, a
 * location and typed parameters; the message catalog (engine/messages/) renders the words.
 * Codes are a public contract (they appear in 数据校验 and in `check` output): add, never rename
 * without a CHANGELOG entry.
 */
import type { Location } from './location';

/** The parameters each code carries. One entry per code; the catalog must render each one. */
export interface IssueParams {
  // ── sheets and columns ───────────────────────────────────────────────────────────
  /**
   * A required sheet is absent; `purpose` says what could not be computed: `grading` (支部: nothing can be
   * graded), `scoring` (指标), `ledger` (台账, needed by the 台账 indicators listed in `indicators`).
   */
  SHEET_MISSING: { purpose: 'grading' | 'scoring' | 'ledger'; indicators: string };
  /** A sheet exists but has no header row (nothing but blank rows). */
  SHEET_EMPTY: Record<string, never>;
  /** Two sheets normalise to the same name (e.g. `支部` and `支部 `); the first is used. */
  SHEET_DUPLICATE: { other: string };
  /** A required column is absent from the header row. */
  COLUMN_MISSING: { column: string };
  /** The same column appears twice in a header; the first is used. */
  COLUMN_DUPLICATE: { column: string };

  // ── cells ────────────────────────────────────────────────────────────────────────
  /** An Excel error value (#N/A, #DIV/0! …) in a used cell. */
  CELL_ERROR_VALUE: { value: string; column: string };
  /** Text that is not a number in a number column (`abc`, `85分x`). */
  NUMBER_INVALID: { value: string; column: string };
  /** A number where a whole number ≥ 0 is required (党员人数, 党小组数). */
  INTEGER_INVALID: { value: string; column: string };
  /** A number outside its allowed range (运行月数 1–12, 分值 > 0, 预警线 0–1). */
  NUMBER_OUT_OF_RANGE: { value: string; column: string; min: string; max: string };
  /** A value that is not one of the allowed choices (支部类型, 计分方式, 上年等次 …). */
  VALUE_NOT_ALLOWED: { value: string; column: string; allowed: string };
  /** A required cell is blank in a row that has data. */
  REQUIRED_MISSING: { column: string };
  /** A row has data but its key cell (支部编号, 指标编号, 党员编号 …) is blank. */
  KEY_MISSING: { column: string };

  // ── 支部 / 指标 ──────────────────────────────────────────────────────────────────────
  /** The same 支部编号 on two rows of 支部; the first row counts. */
  BRANCH_ID_DUPLICATE: { id: string; first: string };
  /** The same 指标编号 on two rows of 指标; the first row counts. */
  INDICATOR_ID_DUPLICATE: { id: string; first: string };
  /** A 支部编号 that 支部 does not have. */
  BRANCH_UNKNOWN: { id: string };
  /** A 指标编号 that 指标 does not have. */
  INDICATOR_UNKNOWN: { id: string };
  /** A rater score given for an indicator computed from the ledger (计分方式 台账). */
  INDICATOR_NOT_RATED: { id: string; method: string };
  /** The rubric has no scoring indicator at all (no 评分 or 台账 row). */
  RUBRIC_EMPTY: Record<string, never>;

  // ── 台账公式 ──────────────────────────────────────────────────────────────────────────
  /** 计分方式 台账 without a 台账公式. */
  FORMULA_MISSING: { id: string };
  /** The formula does not parse. */
  FORMULA_SYNTAX: { id: string; formula: string; detail: string };
  /** The formula uses something the sandbox refuses (assignment, function definition, unknown function, property access, strings …). */
  FORMULA_FORBIDDEN: { id: string; formula: string; detail: string };
  /** The formula names a column that is not in 台账 nor a known variable. */
  FORMULA_UNKNOWN_NAME: { id: string; formula: string; name: string };
  /** The formula gave no finite number for a branch (division by zero …). */
  FORMULA_RESULT_INVALID: { id: string; branch: string; detail: string };

  // ── 评分 ──────────────────────────────────────────────────────────────────────────
  /** A score below 0 or above the indicator's 分值. */
  SCORE_OUT_OF_RANGE: { value: string; max: string; indicator: string };
  /** A 评分人类别 that has no weight in 评分人类别权重. */
  ROLE_UNKNOWN: { role: string; known: string };
  /** The same (rater, branch, indicator) twice with the same value: counted once. */
  SCORE_DUPLICATE_SAME: { rater: string; branch: string; indicator: string; other: string };
  /** The same (rater, branch, indicator) twice with different values: neither counts. */
  SCORE_DUPLICATE_CONFLICT: { rater: string; branch: string; indicator: string; other: string; value: string; otherValue: string };
  /** A weighted rater role is absent for some of a branch's indicators: weights renormalised. */
  ROLE_MISSING: { branch: string; role: string; count: number };
  /** A wide form (评分-<rater>) has no header row with 支部编号. */
  WIDE_HEADER_MISSING: Record<string, never>;
  /** A wide form's column header looks like an indicator id that 指标 does not have. */
  WIDE_COLUMN_UNKNOWN: { header: string };
  /** A branch could not be graded: indicators without any score or ledger data (未评定). */
  BRANCH_UNRATED: { branch: string; missing: string; count: number };

  // ── 台账 / 否决 ────────────────────────────────────────────────────────────────────
  /** The same 支部编号 twice in 台账; the first row counts. */
  LEDGER_ROW_DUPLICATE: { id: string; first: string };
  /** A branch has no row in 台账. */
  LEDGER_ROW_MISSING: { branch: string };
  /** 影响 is not `定为<等次>` or `最高<等次>` with a known grade name. */
  EFFECT_INVALID: { value: string; grades: string };

  // ── 参数 ──────────────────────────────────────────────────────────────────────────
  /** A key that 参数 does not know; ignored. */
  SETTING_UNKNOWN: { key: string };
  /** A value that cannot be read for its key; the default is used. */
  SETTING_INVALID: { key: string; value: string; expected: string };
  /** The same key twice in 参数; the first counts. */
  SETTING_DUPLICATE: { key: string; first: string };

  // ── ballots (测评) ──────────────────────────────────────────────────────────────────
  /** A blank or unknown level: that ballot's aspect is 废票 (counted, never guessed). */
  BALLOT_LEVEL_INVALID: { value: string; column: string };
  /** The same 评议人 twice for one target (and aspect): the later ballot is not counted. Never names the rater. */
  BALLOT_RATER_DUPLICATE: { target: string; first: string };
  /** A count in a 计票 sheet that is negative or not a whole number. */
  BALLOT_COUNT_INVALID: { value: string; column: string };
  /** The same target, group and aspect in both the long and the 计票 sheet of one kind: both are summed. */
  BALLOT_FORMS_OVERLAP: { kind: string; target: string; group: string; aspect: string };
  /** One 党员编号 with different 姓名 or 支部编号 in different rows; the first is used. */
  BALLOT_MEMBER_CONFLICT: { id: string; first: string };
  /** 党员 ballots of a branch below half of its 党员人数: the round may be invalid. */
  BALLOT_TURNOUT_LOW: { branch: string; ballots: number; members: number };

  // ── grading ───────────────────────────────────────────────────────────────────────
  /** The quota's cut falls between branches with equal 总分: the committee should decide. */
  QUOTA_TIE: { scope: string; grade: string; score: string; kept: string; dropped: string };
}

export type IssueCode = keyof IssueParams;
export type Severity = 'error' | 'warning';

/** The fixed severity of each code: 错误 stops a value or row from counting, 警告 does not. */
export const SEVERITY: { readonly [C in IssueCode]: Severity } = {
  SHEET_MISSING: 'error',
  SHEET_EMPTY: 'error',
  SHEET_DUPLICATE: 'warning',
  COLUMN_MISSING: 'error',
  COLUMN_DUPLICATE: 'warning',
  CELL_ERROR_VALUE: 'error',
  NUMBER_INVALID: 'error',
  INTEGER_INVALID: 'error',
  NUMBER_OUT_OF_RANGE: 'error',
  VALUE_NOT_ALLOWED: 'error',
  REQUIRED_MISSING: 'error',
  KEY_MISSING: 'error',
  BRANCH_ID_DUPLICATE: 'error',
  INDICATOR_ID_DUPLICATE: 'error',
  BRANCH_UNKNOWN: 'error',
  INDICATOR_UNKNOWN: 'error',
  INDICATOR_NOT_RATED: 'error',
  RUBRIC_EMPTY: 'error',
  FORMULA_MISSING: 'error',
  FORMULA_SYNTAX: 'error',
  FORMULA_FORBIDDEN: 'error',
  FORMULA_UNKNOWN_NAME: 'error',
  FORMULA_RESULT_INVALID: 'error',
  SCORE_OUT_OF_RANGE: 'error',
  ROLE_UNKNOWN: 'error',
  SCORE_DUPLICATE_SAME: 'warning',
  SCORE_DUPLICATE_CONFLICT: 'error',
  ROLE_MISSING: 'warning',
  WIDE_HEADER_MISSING: 'error',
  WIDE_COLUMN_UNKNOWN: 'warning',
  BRANCH_UNRATED: 'error',
  LEDGER_ROW_DUPLICATE: 'error',
  LEDGER_ROW_MISSING: 'warning',
  EFFECT_INVALID: 'error',
  SETTING_UNKNOWN: 'warning',
  SETTING_INVALID: 'error',
  SETTING_DUPLICATE: 'warning',
  BALLOT_LEVEL_INVALID: 'warning',
  BALLOT_RATER_DUPLICATE: 'warning',
  BALLOT_COUNT_INVALID: 'error',
  BALLOT_FORMS_OVERLAP: 'warning',
  BALLOT_MEMBER_CONFLICT: 'warning',
  BALLOT_TURNOUT_LOW: 'warning',
  QUOTA_TIE: 'warning',
};

/** One data problem: a discriminated union on `code`. */
export type Issue = {
  readonly [C in IssueCode]: {
    readonly code: C;
    readonly severity: Severity;
    readonly at: Location;
    readonly params: Readonly<IssueParams[C]>;
  };
}[IssueCode];

/** Build an issue with its code's severity. */
export function issue<C extends IssueCode>(code: C, at: Location, params: IssueParams[C]): Issue {
  return { code, severity: SEVERITY[code], at, params } as Issue;
}

/** Stable order for display and output: sheet, row, column, code. */
export function compareIssues(a: Issue, b: Issue): number {
  if (a.at.sheet !== b.at.sheet) return a.at.sheet < b.at.sheet ? -1 : 1;
  const ar = 'row' in a.at ? a.at.row : -1;
  const br = 'row' in b.at ? b.at.row : -1;
  if (ar !== br) return ar - br;
  const ac = 'col' in a.at ? a.at.col : -1;
  const bc = 'col' in b.at ? b.at.col : -1;
  if (ac !== bc) return ac - bc;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
