/**
 * The top-grade quota (workbook.md §5.1.3, §8 Grades): at most floor(最高等次比例上限 × n) graded
 * branches per scope keep the top grade; the rest of the top-grade branches drop one grade.
 */
import { issue, type Issue } from '../issues';
import type { CellRef } from '../location';
import { round6 } from '../numeric';
import type { GradeReason } from '../results';
import type { Settings } from '../settings';

/** The 比例控制范围 name for the whole school, as 参数 writes it. */
export const SCOPE_ALL = '全部';

export interface QuotaEntry {
  readonly id: string;
  readonly unit: string;
  readonly total: number;
  readonly strongCount: number;
  readonly satisfaction: number | null;
  /** The grade after effects, before the quota. */
  readonly grade: number;
  readonly at: CellRef;
}

export interface QuotaOutcome {
  /** The quota reason for each branch that drops a grade. */
  readonly drops: ReadonlyMap<string, GradeReason>;
  /** QUOTA_TIE warnings. */
  readonly issues: readonly Issue[];
}

/**
 * keep = floor(round6(cap × n)), n = the graded branches in scope: 0.35 × 180 = 62.99999999999999 → 63.
 * Only graded branches are passed in (未评定 is not counted in n).
 */
export function quotaKeep(cap: number, n: number): number {
  return Math.floor(round6(cap * n));
}

/**
 * Order the top-grade branches of each scope — 总分 desc, 强项数 desc, 满意率 desc (unmeasured last),
 * 支部编号 asc; 总分 and 满意率 compared at 6 decimals — and drop those past `keep` one grade. A cut
 * between equal 总分 is a QUOTA_TIE warning on the first dropped branch.
 */
export function applyQuota(entries: readonly QuotaEntry[], settings: Settings): QuotaOutcome {
  const drops = new Map<string, GradeReason>();
  const issues: Issue[] = [];
  // With a single grade there is nowhere to drop to.
  if (settings.gradeNames.length < 2) return { drops, issues };
  for (const [scope, inScope] of scopes(entries, settings)) {
    const n = inScope.length;
    const keep = quotaKeep(settings.topGradeQuota, n);
    const top = sortForQuota(inScope.filter((e) => e.grade === 0));
    top.forEach((e, i) => {
      if (i < keep) return;
      drops.set(e.id, { kind: 'quota', from: 0, to: 1, position: i + 1, kept: keep, n, scope });
    });
    const tie = tieAtCut(top, keep, scope, settings);
    if (tie) issues.push(tie);
  }
  return { drops, issues };
}

/** Scopes in a fixed order (全部, or 所属党委 by name) so that the branch order never matters. */
function scopes(entries: readonly QuotaEntry[], settings: Settings): [string, QuotaEntry[]][] {
  if (settings.quotaScope === 'all') return [[SCOPE_ALL, [...entries]]];
  const byUnit = new Map<string, QuotaEntry[]>();
  for (const e of entries) {
    const list = byUnit.get(e.unit);
    if (list) list.push(e);
    else byUnit.set(e.unit, [e]);
  }
  return [...byUnit].sort(([a], [b]) => compareText(a, b));
}

/** The sort keys of one entry: 总分 and 满意率 at 6 decimals, computed once per entry. */
interface QuotaKey {
  readonly entry: QuotaEntry;
  readonly total: number;
  readonly satisfaction: number | null;
}

function sortForQuota(entries: readonly QuotaEntry[]): QuotaEntry[] {
  return entries
    .map((entry): QuotaKey => ({ entry, total: round6(entry.total), satisfaction: entry.satisfaction === null ? null : round6(entry.satisfaction) }))
    .sort(quotaOrder)
    .map((k) => k.entry);
}

/** 总分 desc, 强项数 desc, 满意率 desc with unmeasured last, 支部编号 asc. */
function quotaOrder(a: QuotaKey, b: QuotaKey): number {
  if (a.total !== b.total) return b.total - a.total;
  if (a.entry.strongCount !== b.entry.strongCount) return b.entry.strongCount - a.entry.strongCount;
  if (a.satisfaction !== b.satisfaction) {
    if (a.satisfaction === null) return 1;
    if (b.satisfaction === null) return -1;
    return b.satisfaction - a.satisfaction;
  }
  return compareText(a.entry.id, b.entry.id);
}

function tieAtCut(top: readonly QuotaEntry[], keep: number, scope: string, settings: Settings): Issue | null {
  const lastKept = top[keep - 1];
  const firstDropped = top[keep];
  if (!lastKept || !firstDropped || round6(lastKept.total) !== round6(firstDropped.total)) return null;
  const score = round6(firstDropped.total);
  const tied = top.map((e, i) => ({ e, i })).filter(({ e }) => round6(e.total) === score);
  return issue('QUOTA_TIE', firstDropped.at, {
    scope,
    grade: settings.gradeNames[0] ?? '',
    score: String(score),
    kept: tied.filter(({ i }) => i < keep).map(({ e }) => e.id).join('、'),
    dropped: tied.filter(({ i }) => i >= keep).map(({ e }) => e.id).join('、'),
  });
}

/** Code-unit order: the same on every machine (no locale collation). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
