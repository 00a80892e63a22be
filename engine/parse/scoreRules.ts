/**
 * The checks every score passes, whichever form it came in (long 评分 or a wide 评分-<rater>
 * form, workbook.md §2.3–§2.4): known branch, known rated indicator, known role, 0 ≤ 得分 ≤ 分值.
 */
import { issue } from '../issues';
import type { CellRef } from '../location';
import type { Indicator } from '../model';
import { round6 } from '../numeric';
import type { Settings } from '../settings';
import { checkBranchId, type BranchIds } from './branches';
import { readNumber, ref, type Read, type ReadContext } from './cells';
import { normName } from './normalize';

/** A score as read, before §8 duplicates are resolved. */
export interface ScoreEntry {
  readonly branch: string;
  readonly indicator: string;
  /** The rater as written (half-width, trimmed). */
  readonly rater: string;
  /** How raters compare: `张三` in 评分 and the form `评分-张三` are one rater. */
  readonly raterKey: string;
  readonly role: string;
  readonly value: number;
  readonly at: CellRef;
}

/** What score rows are checked against. */
export interface ScoreLookup {
  readonly branchIds: BranchIds;
  readonly indicators: ReadonlyMap<string, Indicator>;
  /**
   * Ids whose 指标 row was excluded for an error, or true when the rubric is unavailable: scores
   * for them are dropped silently (the rubric issue already explains why).
   */
  readonly excluded: ReadonlySet<string> | true;
  /** Normalised role name → role as 参数 spells it. */
  readonly roles: ReadonlyMap<string, string>;
  readonly roleList: string;
}

/** 评分人类别 when none is given. */
export const DEFAULT_ROLE = '上级';

/** The lookup for one workbook. */
export function scoreLookup(
  settings: Settings,
  branchIds: BranchIds,
  indicators: readonly Indicator[],
  excluded: ReadonlySet<string> | true,
): ScoreLookup {
  const roleNames = [...settings.roleWeights.keys()];
  return {
    branchIds,
    indicators: new Map(indicators.map((i) => [i.id, i] as const)),
    excluded,
    roles: new Map(roleNames.map((r) => [normName(r), r] as const)),
    roleList: roleNames.join('/'),
  };
}

/** The rater key: names compare case- and width-insensitively. */
export function raterKey(rater: string): string {
  return normName(rater);
}

/** BRANCH_UNKNOWN when the id is not in 支部 (see {@link checkBranchId}); true when known. */
export function checkBranch(ctx: ReadContext, lookup: ScoreLookup, id: string, row: number, col: number): boolean {
  return checkBranchId(ctx, lookup.branchIds, id, row, col);
}

/**
 * The indicator a score is for: INDICATOR_UNKNOWN when 指标 does not have it, INDICATOR_NOT_RATED
 * when it is a 台账 indicator; undefined then (and, silently, for excluded rubric rows).
 */
export function checkIndicator(ctx: ReadContext, lookup: ScoreLookup, id: string, row: number, col: number): Indicator | undefined {
  const ind = lookup.indicators.get(id);
  if (ind) {
    if (ind.method !== 'ledger') return ind;
    ctx.issues.push(issue('INDICATOR_NOT_RATED', ref(ctx, row, col), { id, method: '台账' }));
    return undefined;
  }
  if (lookup.excluded !== true && !lookup.excluded.has(id)) {
    ctx.issues.push(issue('INDICATOR_UNKNOWN', ref(ctx, row, col), { id }));
  }
  return undefined;
}

/** 评分人类别: blank → 上级; a role 参数 gives no weight → ROLE_UNKNOWN (undefined). */
export function checkRole(ctx: ReadContext, lookup: ScoreLookup, read: Read<string>, row: number, col: number | undefined): string | undefined {
  if (!read.ok) return read.blank ? (lookup.roles.get(normName(DEFAULT_ROLE)) ?? DEFAULT_ROLE) : undefined;
  const role = lookup.roles.get(normName(read.value));
  if (role === undefined && col !== undefined) {
    ctx.issues.push(issue('ROLE_UNKNOWN', ref(ctx, row, col), { role: read.value, known: lookup.roleList }));
  }
  return role;
}

/**
 * 得分: a number (`85`, `８５`, `85分`) within [0, 分值], compared at 6 decimals. Blank gives
 * undefined without an issue: the caller decides whether blank is missing (long) or unscored (wide).
 */
export function readScore(ctx: ReadContext, row: number, col: number, ind: Indicator | undefined): Read<number> {
  const r = readNumber(ctx, row, col, '得分', 'plain');
  if (!r.ok || !ind) return r;
  const x = r.value;
  // Rounding is only needed to forgive float noise at the bounds; most scores are plainly inside.
  const inside = (x >= 0 && x <= ind.points) || (round6(x) >= 0 && round6(x) <= round6(ind.points));
  if (!inside) {
    ctx.issues.push(issue('SCORE_OUT_OF_RANGE', ref(ctx, row, col), { value: String(r.value), max: String(ind.points), indicator: ind.id }));
    return { ok: false, blank: false };
  }
  return r;
}
