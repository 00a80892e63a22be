/**
 * 评分一致性 (rater consistency, issue #5): diagnostics over the raters' own scores of 评分 indicators.
 * Nothing here feeds a score, a grade or a gap; computeResults only passes the result on to emit.
 *
 * - Deviation: per rater, on each (branch, indicator) another rater of the same role also scored,
 *   deviation = own score − mean of the other raters of that role (points), and relative to 分值.
 * - Flag (偏高/偏低): on the mean relative deviation d of each rater of the role, with μ and σ
 *   (population) over the role's compared raters, |d − μ| > 2σ at 6 decimals.
 * - 打分无差异: one value per indicator across every branch the rater scored (at least 2 branches).
 * - Kendall's W per role over the raters' branch totals, on a complete block of raters × branches.
 * docs/decisions.md "Rater consistency" says why each choice was made.
 */
import { round6, sameAt6 } from '../numeric';
import type { Indicator, Model } from '../model';

/** One rater (scorer) of one role. The same name in two roles is two raters. */
export interface RaterConsistency {
  /** 评分人类别 */
  readonly role: string;
  /** 评分人 */
  readonly rater: string;
  /** Distinct branches the rater scored on 评分 indicators (评分支部数). */
  readonly branches: number;
  /** (branch, indicator) cells another rater of the role also scored (比较单元格数). */
  readonly cells: number;
  /** Mean signed deviation from the other raters' mean, in points (平均偏差); null without cells. */
  readonly meanDeviation: number | null;
  /** Mean absolute deviation, in points (平均绝对偏差); null without cells. */
  readonly meanAbsDeviation: number | null;
  /** d = mean of deviation / 分值, a ratio (相对偏差); what μ, σ, z and the flag use. Null without cells. */
  readonly relativeDeviation: number | null;
  /** z = (d − μ) / σ over the role's compared raters; null without cells or when σ = 0. */
  readonly z: number | null;
  /**
   * Leave-one-out z = (d − μ₋) / σ₋ over the role's OTHER compared raters; null with fewer than 2
   * others or σ₋ = 0. Reported only, never a flag (docs/decisions.md).
   */
  readonly looZ: number | null;
  /** 偏离提示: 'high' (偏高, lenient) or 'low' (偏低) when |d − μ| > 2σ at 6 decimals. */
  readonly flag: 'high' | 'low' | null;
  /** 打分无差异: null when no indicator was scored on at least 2 branches. */
  readonly constant: boolean | null;
}

/**
 * 说明 of a W row: its band when W was computed, else why not — fewer than 2 raters, no 2 branches
 * every rater scored completely, or every rater tied every branch (W's denominator is 0).
 */
export type ConcordanceStatus = 'strong' | 'moderate' | 'weak' | 'raters' | 'branches' | 'ties';

/** Kendall's W of one role. */
export interface Concordance {
  readonly role: string;
  /** m: raters in the block (all the role's raters when there is no block). */
  readonly raters: number;
  /** n: branches in the block (every rater scored every 评分 indicator of each). */
  readonly branches: number;
  /** null when m < 2, n < 2 or every rater tied every branch. */
  readonly w: number | null;
  readonly status: ConcordanceStatus;
  /** Raters of the role left out of the block (they had not scored all of its branches). */
  readonly excluded: number;
}

export interface ConsistencyResult {
  /** By role (weighted roles in 参数 order, then the others by name), then rater name. */
  readonly raters: readonly RaterConsistency[];
  /** One per role, same order. */
  readonly concordance: readonly Concordance[];
}

/** The flag fires beyond this many population standard deviations (issue #5). */
export const FLAG_SIGMAS = 2;
/** W at or above: 一致性较强. */
export const W_STRONG = 0.7;
/** W below: 一致性较弱; between the two: 一般. */
export const W_WEAK = 0.3;

/** What one rater scored: value per branch index (支部 order), then per indicator id. */
interface RaterScores {
  readonly name: string;
  readonly byBranch: Map<number, Map<string, number>>;
}

/** Code-point order: deterministic on any host, unlike a locale collation. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Rater consistency of the model's valid scores on 评分 indicators (加分/扣分 and 台账 are not
 * compared). Scores of unknown branches or indicators are ignored, as compute does.
 */
export function raterConsistency(model: Model): ConsistencyResult {
  const rated: Indicator[] = [];
  const seen = new Set<string>();
  for (const ind of model.indicators) {
    if (ind.method === 'score' && !seen.has(ind.id)) {
      seen.add(ind.id);
      rated.push(ind);
    }
  }
  const branchIndex = new Map<string, number>();
  model.branches.forEach((b, i) => {
    if (!branchIndex.has(b.id)) branchIndex.set(b.id, i);
  });

  const roles = new Map<string, Map<string, RaterScores>>();
  for (const s of model.scores) {
    const bi = branchIndex.get(s.branch);
    if (bi === undefined || !seen.has(s.indicator)) continue;
    let raters = roles.get(s.role);
    if (!raters) roles.set(s.role, (raters = new Map()));
    let r = raters.get(s.rater);
    if (!r) raters.set(s.rater, (r = { name: s.rater, byBranch: new Map() }));
    let values = r.byBranch.get(bi);
    if (!values) r.byBranch.set(bi, (values = new Map()));
    values.set(s.indicator, s.value);
  }

  const weighted = [...model.settings.roleWeights.keys()].filter((r) => roles.has(r));
  const others = [...roles.keys()].filter((r) => !weighted.includes(r)).sort(byCodePoint);
  const out: RaterConsistency[] = [];
  const concordance: Concordance[] = [];
  for (const role of [...weighted, ...others]) {
    const raters = [...(roles.get(role)?.values() ?? [])].sort((a, b) => byCodePoint(a.name, b.name));
    out.push(...roleDeviations(role, raters, rated, model.branches.length));
    concordance.push(kendallW(role, raters, rated, model.branches.length));
  }
  return { raters: out, concordance };
}

interface Sums {
  cells: number;
  dev: number;
  abs: number;
  rel: number;
}

/**
 * Deviations, z and flags of one role's raters. Cells are visited in 支部 × rubric order and each
 * cell's raters in name order, so no sum depends on the order scores arrived in. Cells are gathered
 * from the raters' own scores: a role of 2,000 自评 raters costs its scores, not raters × cells.
 * Worked example (分值 10; A 6, B 8, C 10 on one cell): A −3 (others' mean 9), B 0, C +3 points;
 * d = −0.3, 0, 0.3; μ = 0, σ = √0.06 = 0.2449; z = −1.22, 0, 1.22 — no flag (|d − μ| ≤ 2σ).
 */
function roleDeviations(role: string, raters: readonly RaterScores[], rated: readonly Indicator[], branchCount: number): RaterConsistency[] {
  const sums: Sums[] = raters.map(() => ({ cells: 0, dev: 0, abs: 0, rel: 0 }));
  // Per branch, per indicator: the values of the raters who scored it, in rater (name) order.
  const cells = new Map<number, Map<string, { rater: number; value: number }[]>>();
  raters.forEach((r, i) => {
    for (const [b, values] of r.byBranch) {
      let row = cells.get(b);
      if (!row) cells.set(b, (row = new Map()));
      for (const [ind, value] of values) {
        const list = row.get(ind);
        if (list) list.push({ rater: i, value });
        else row.set(ind, [{ rater: i, value }]);
      }
    }
  });
  for (let b = 0; b < branchCount; b++) {
    const row = cells.get(b);
    if (!row) continue;
    for (const ind of rated) {
      const present = row.get(ind.id);
      if (!present || present.length < 2) continue;
      for (const p of present) {
        let sum = 0;
        for (const q of present) if (q !== p) sum += q.value;
        const dev = p.value - sum / (present.length - 1);
        const s = sums[p.rater];
        if (!s) continue;
        s.cells++;
        s.dev += dev;
        s.abs += Math.abs(dev);
        s.rel += dev / ind.points;
      }
    }
  }
  const d = sums.map((s) => (s.cells > 0 ? s.rel / s.cells : null));
  const compared = d.filter((x): x is number => x !== null);
  const all = meanSd(compared);
  return raters.map((r, i): RaterConsistency => {
    const s = sums[i] ?? { cells: 0, dev: 0, abs: 0, rel: 0 };
    const di = d[i] ?? null;
    let z: number | null = null;
    let looZ: number | null = null;
    let flag: RaterConsistency['flag'] = null;
    if (di !== null) {
      if (round6(all.sd) > 0) {
        z = (di - all.mean) / all.sd;
        if (round6(Math.abs(di - all.mean)) > round6(FLAG_SIGMAS * all.sd)) flag = di > all.mean ? 'high' : 'low';
      }
      const rest = meanSd(d.filter((x, j): x is number => x !== null && j !== i));
      if (compared.length >= 3 && round6(rest.sd) > 0) looZ = (di - rest.mean) / rest.sd;
    }
    return {
      role,
      rater: r.name,
      branches: r.byBranch.size,
      cells: s.cells,
      meanDeviation: s.cells > 0 ? s.dev / s.cells : null,
      meanAbsDeviation: s.cells > 0 ? s.abs / s.cells : null,
      relativeDeviation: di,
      z,
      looZ,
      flag,
      constant: isConstant(r),
    };
  });
}

/** Mean and population standard deviation: 0, 0, 0, 0, 1 → μ 0.2, σ 0.4. */
function meanSd(xs: readonly number[]): { mean: number; sd: number } {
  if (xs.length === 0) return { mean: 0, sd: 0 };
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / xs.length;
  let sq = 0;
  for (const x of xs) sq += (x - mean) * (x - mean);
  return { mean, sd: Math.sqrt(sq / xs.length) };
}

/**
 * 打分无差异: every indicator the rater scored has one value (at 6 decimals) across its branches,
 * and at least one indicator was scored on 2 branches or more; null when none was.
 * 1.1: 8, 8, 8 and 1.2: 5, 5 → true; 1.1: 8, 8 and 1.2: 5, 4 → false; 1.1 on one branch only → null.
 */
function isConstant(r: RaterScores): boolean | null {
  const first = new Map<string, number>();
  let repeated = false;
  for (const values of r.byBranch.values()) {
    for (const [ind, value] of values) {
      const v = first.get(ind);
      if (v === undefined) {
        first.set(ind, value);
        continue;
      }
      if (!sameAt6(v, value)) return false;
      repeated = true;
    }
  }
  return repeated ? true : null;
}

/**
 * Kendall's W of one role over the raters' branch totals (Σ of their 评分 scores), on a complete
 * block: raters × branches where every rater scored every 评分 indicator of every branch.
 * Block: start from the raters with at least 2 complete branches; repeatedly drop the rater whose
 * removal adds the most common branches (ties: fewer complete branches, then the later name); keep
 * the block with the most rater × branch totals (ties: more raters), with m ≥ 2 and n ≥ 2.
 * Totals are ranked per rater (1 = highest; ties share the mean rank), R_i = Σ ranks of branch i,
 * S = Σ (R_i − m(n+1)/2)², T = Σ (t³ − t) over a rater's tie groups,
 * W = 12·S / (m²(n³ − n) − m·ΣT). 2 raters, 3 branches, same order → R = 2, 4, 6, S = 8,
 * W = 96 / (4 × 24) = 1.
 */
function kendallW(role: string, raters: readonly RaterScores[], rated: readonly Indicator[], branchCount: number): Concordance {
  // A rater's values hold only rated indicators, so a branch is complete when it holds all of them.
  const complete: number[][] = raters.map((r) =>
    [...r.byBranch]
      .filter(([, values]) => rated.length > 0 && values.size === rated.length)
      .map(([b]) => b)
      .sort((a, b) => a - b),
  );
  const block = completeBlock(complete.map((list, i) => ({ index: i, branches: list })).filter((c) => c.branches.length >= 2), branchCount);
  if (block === null) {
    const n = raters.length === 0 ? 0 : intersect(complete).length;
    return { role, raters: raters.length, branches: n, w: null, status: raters.length < 2 ? 'raters' : 'branches', excluded: 0 };
  }
  const m = block.raters.length;
  const n = block.branches.length;
  const rankSums = new Float64Array(n);
  let ties = 0;
  for (const i of block.raters) {
    const r = raters[i];
    if (!r) continue;
    const totals = block.branches.map((b) => {
      const values = r.byBranch.get(b);
      let t = 0;
      for (const ind of rated) t += values?.get(ind.id) ?? 0;
      return t;
    });
    const ranked = averageRanks(totals);
    ranked.ranks.forEach((x, k) => (rankSums[k] = (rankSums[k] ?? 0) + x));
    ties += ranked.ties;
  }
  const meanRank = (m * (n + 1)) / 2;
  let s = 0;
  for (const x of rankSums) s += (x - meanRank) * (x - meanRank);
  const denominator = m * m * (n * n * n - n) - m * ties;
  const excluded = raters.length - m;
  if (round6(denominator) <= 0) return { role, raters: m, branches: n, w: null, status: 'ties', excluded };
  const w = (12 * s) / denominator;
  const status: ConcordanceStatus = round6(w) >= W_STRONG ? 'strong' : round6(w) < W_WEAK ? 'weak' : 'moderate';
  return { role, raters: m, branches: n, w, status, excluded };
}

/** Branch indexes every list holds, ascending. */
function intersect(lists: readonly (readonly number[])[]): number[] {
  const [head, ...rest] = lists;
  if (!head) return [];
  const sets = rest.map((l) => new Set(l));
  return head.filter((b) => sets.every((s) => s.has(b)));
}

/**
 * The block of kendallW's doc comment. Per step the gain of dropping rater r is the number of
 * branches every other kept rater has but r lacks: branches held by all but one kept rater, the one
 * found as (Σ kept indexes − Σ indexes of the raters holding the branch). O(raters × branches).
 */
function completeBlock(
  candidates: readonly { readonly index: number; readonly branches: readonly number[] }[],
  branchCount: number,
): { raters: number[]; branches: number[] } | null {
  const kept = new Set(candidates.map((c) => c.index));
  const count = new Int32Array(branchCount);
  const indexSum = new Float64Array(branchCount);
  const byIndex = new Map(candidates.map((c) => [c.index, c.branches]));
  for (const c of candidates) {
    for (const b of c.branches) {
      count[b] = (count[b] ?? 0) + 1;
      indexSum[b] = (indexSum[b] ?? 0) + c.index;
    }
  }
  let common = 0;
  for (let b = 0; b < branchCount; b++) if (count[b] === kept.size) common++;
  let best: { raters: number[]; size: number } | null = kept.size >= 2 && common >= 2 ? { raters: [...kept], size: kept.size * common } : null;
  while (kept.size > 2) {
    let keptSum = 0;
    for (const i of kept) keptSum += i;
    const gain = new Map<number, number>();
    for (let b = 0; b < branchCount; b++) {
      if (count[b] !== kept.size - 1) continue;
      const lacking = keptSum - (indexSum[b] ?? 0);
      gain.set(lacking, (gain.get(lacking) ?? 0) + 1);
    }
    let drop = -1;
    let dropGain = -1;
    for (const i of kept) {
      const g = gain.get(i) ?? 0;
      const size = byIndex.get(i)?.length ?? 0;
      const dropSize = byIndex.get(drop)?.length ?? 0;
      // Raters are in name order, so a later index is a later name.
      if (g > dropGain || (g === dropGain && (size < dropSize || (size === dropSize && i > drop)))) {
        drop = i;
        dropGain = g;
      }
    }
    kept.delete(drop);
    for (const b of byIndex.get(drop) ?? []) {
      count[b] = (count[b] ?? 0) - 1;
      indexSum[b] = (indexSum[b] ?? 0) - drop;
    }
    common += dropGain;
    if (common >= 2 && (best === null || kept.size * common > best.size)) best = { raters: [...kept], size: kept.size * common };
  }
  if (best === null) return null;
  const raters = [...best.raters].sort((a, b) => a - b);
  return { raters, branches: intersect(raters.map((i) => byIndex.get(i) ?? [])) };
}

/**
 * Ranks 1 = highest, ties (at 6 decimals) sharing the mean of their ranks, and T = Σ (t³ − t):
 * 90, 80, 80, 70 → 1, 2.5, 2.5, 4 and T = 8 − 2 = 6.
 */
export function averageRanks(values: readonly number[]): { ranks: number[]; ties: number } {
  const order = values.map((v, i) => ({ key: round6(v), i })).sort((a, b) => b.key - a.key || a.i - b.i);
  const ranks = new Array<number>(values.length).fill(0);
  let ties = 0;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && order[end]?.key === order[start]?.key) end++;
    const t = end - start;
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]?.i ?? 0] = rank;
    if (t > 1) ties += t * t * t - t;
    start = end;
  }
  return { ranks, ties };
}
