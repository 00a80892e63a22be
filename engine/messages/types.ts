/**
 * The shape of a locale: one function per issue code and per kind of generated prose. Mapped types
 * make the compiler refuse a locale that forgets a code or a kind, so a new IssueCode cannot ship
 * without its words.
 */
import type { ConcordanceStatus } from '../compute/consistency';
import type { IssueCode, IssueParams } from '../issues';
import type { Location } from '../location';
import type { Gap, GapType, GradeReason, MissingCell, RedFlagFailure } from '../results';

/** One message per issue code; the location is shown beside it, never inside. */
export type IssueCatalog = { readonly [C in IssueCode]: (p: IssueParams[C]) => string };

/**
 * Formatting helpers a locale receives, so that catalogs hold words only: numbers are already
 * rounded to 小数位数 and grade indexes already turned into the run's 等次名称.
 */
export interface Fmt {
  /** A grade index as its name (`0` → `好`). */
  grade(index: number): string;
  /** The lowest grade's name (连续较差). */
  readonly lowestGrade: string;
  /** A number rounded to 小数位数, trailing zeros dropped (`87.50` → `87.5`). */
  num(x: number): string;
  /** A ratio as a percent rounded to 小数位数 (`0.8533` → `85.33%`). */
  pct(x: number): string;
  /** A ratio as a percent, or as a small fraction when the percent would not be exact (`1/3`, but `30%`). */
  share(x: number): string;
  /** A cell or range as `sheet!A1`. */
  loc(at: Location): string;
}

/** One flag of a member in 民主评议汇总's 预警 column. */
export type AppraisalWarning =
  | 'fail' // 不合格 votes above 1/3 of the member's valid votes
  | 'excellent' // the member is 优秀 in a branch whose 优秀 share is above 民主评议优秀比例上限
  | 'notAppraised'; // a row kept from the previous run for a member without ballots in this one

type ByKind<U extends { kind: string }> = { readonly [K in U['kind']]: (r: Extract<U, { kind: K }>, f: Fmt) => string };

export interface ProseCatalog {
  /** 等次说明: one clause per reason that moved a grade. */
  readonly reason: ByKind<GradeReason>;
  /** 未达原因: one clause per failed 红旗候选 condition. */
  readonly redFlag: ByKind<RedFlagFailure>;
  /** One missing cell of a 未评定 branch. */
  readonly missing: ByKind<MissingCell>;
  /** 等次说明 of a 未评定 branch: the first items and how many there are in all. */
  readonly unrated: (shown: readonly string[], count: number) => string;
  /** 问题描述, per 问题类型. */
  readonly gap: { readonly [T in GapType]: (g: Gap, f: Fmt) => string };
  /** 民主评议汇总's 预警, one clause per flag; `cap` is 民主评议优秀比例上限. */
  readonly appraisalWarning: { readonly [W in AppraisalWarning]: (cap: number, f: Fmt) => string };
  /** 评分一致性's 说明 of a Kendall's W row: the band of W, or why there is none. */
  readonly concordance: { readonly [S in ConcordanceStatus]: string };
  /** The clause added to 说明 when some raters of the role were left out of W's block. */
  readonly concordanceExcluded: (count: number) => string;
  /** Joins clauses of one cell (等次说明, 未达原因, 预警). */
  readonly separator: string;
  /** Title of the 单位汇总 chart. */
  readonly unitChartTitle: string;
}

export interface LocaleCatalog {
  readonly issues: IssueCatalog;
  readonly prose: ProseCatalog;
}
