/**
 * Rater scores → one score per (branch, indicator) for 评分, 加分 and 扣分 indicators
 * (workbook.md §3.1–3.2, §8 Rubric and scores).
 */
import { issue, type Issue } from '../issues';
import type { Branch, Indicator, Model } from '../model';
import type { Settings } from '../settings';

/** The key of one (branch, indicator) pair, the same one model.wideBlanks uses. */
export function pairKey(branch: string, indicator: string): string {
  return `${branch}\u0001${indicator}`;
}

/** The smallest trimmed group that still leaves a value after dropping one highest and one lowest. */
const MIN_TRIMMABLE = 3;

/**
 * Mean of one role's scores for one (branch, indicator); with at least `trimMinRaters` values drop
 * one highest and one lowest first (去掉一个最高分和一个最低分).
 * 70,80,80,90,90,100 with 6 → (80+80+90+90)/4 = 85; 70,80,90,90,100 with 6 → 430/5 = 86.
 */
export function roleMean(values: readonly number[], trimMinRaters: number): number {
  return sortedMean(Float64Array.from(values), values.length, trimMinRaters);
}

/**
 * The (trimmed) mean of buf[0..n), sorting it in place first: values are summed in ascending order
 * so that the order scores arrived in never changes the last bit. Insertion sort: n is a handful.
 */
function sortedMean(buf: Float64Array, n: number, trimMinRaters: number): number {
  for (let i = 1; i < n; i++) {
    const v = buf[i] ?? 0;
    let j = i - 1;
    while (j >= 0 && (buf[j] ?? 0) > v) {
      buf[j + 1] = buf[j] ?? 0;
      j--;
    }
    buf[j + 1] = v;
  }
  const trim = n >= Math.max(trimMinRaters, MIN_TRIMMABLE) ? 1 : 0;
  let sum = 0;
  for (let i = trim; i < n - trim; i++) sum += buf[i] ?? 0;
  return sum / (n - 2 * trim);
}

/**
 * Weighted mean of the role means, renormalised over the roles present:
 * score = Σ w×mean / Σ w; 上级 80, 自评 90 → (0.6×80 + 0.4×90) / 1 = 84; 上级 alone 80 → 80.
 * When the present roles weigh 0 in total (only unweighted roles), the plain mean of the role means.
 */
export function combineRoles(means: ReadonlyMap<string, number>, weights: ReadonlyMap<string, number>): number {
  // Roles in name order: the sum must not depend on the order scores arrived in.
  const roles = [...means.keys()].sort();
  return combine(
    Float64Array.from(roles, (r) => means.get(r) ?? 0),
    Uint8Array.from(roles, () => 1),
    Float64Array.from(roles, (r) => weights.get(r) ?? 0),
  );
}

/** combineRoles over role-indexed arrays; `present[r]` = 1 when role r scored. */
function combine(means: Float64Array, present: Uint8Array, weights: Float64Array): number {
  let weightSum = 0;
  let count = 0;
  for (let r = 0; r < means.length; r++) {
    if (!present[r]) continue;
    weightSum += weights[r] ?? 0;
    count++;
  }
  let sum = 0;
  for (let r = 0; r < means.length; r++) {
    if (!present[r]) continue;
    const mean = means[r] ?? 0;
    // Normalising each weight first keeps a lone role exact (0.6/0.6 × 7 = 7, not 0.6×7/0.6 = 7.000000000000001).
    sum += weightSum > 0 ? ((weights[r] ?? 0) / weightSum) * mean : mean / count;
  }
  return sum;
}

export interface RatedScores {
  /** Score per branch id, then per indicator id, for every rated (branch, indicator) that has a score. */
  readonly byBranch: ReadonlyMap<string, Map<string, number>>;
  /** ROLE_MISSING warnings, one per (branch, weighted role). */
  readonly issues: readonly Issue[];
}

const RATED_METHODS: ReadonlySet<Indicator['method']> = new Set(['score', 'bonus', 'deduction']);

/**
 * Scores every rated (branch, indicator) from the rater scores. Scores for unknown branches, unknown
 * indicators or 台账 indicators are ignored (parse reported them).
 * Speed (2,000 branches × 25 indicators × 7 raters): scores are bucketed once by (branch, indicator)
 * with integer indexes and a counting sort, roles are small integers, buffers are reused.
 */
export function scoreRatedIndicators(model: Model): RatedScores {
  const { settings, branches, scores } = model;
  const rated: Indicator[] = [];
  const indIndex = new Map<string, number>();
  for (const ind of model.indicators) {
    if (RATED_METHODS.has(ind.method) && !indIndex.has(ind.id)) indIndex.set(ind.id, rated.push(ind) - 1);
  }
  const branchIndex = new Map<string, number>();
  branches.forEach((b, i) => {
    if (!branchIndex.has(b.id)) branchIndex.set(b.id, i);
  });

  // Roles as integers in name order, so that role sums never depend on the order scores arrived in.
  const roleSet = new Set<string>();
  for (const s of scores) roleSet.add(s.role);
  const roleNames = [...roleSet].sort();
  const roleIndex = new Map(roleNames.map((r, i) => [r, i]));
  const roleCount = roleNames.length;
  const weights = Float64Array.from(roleNames, (r) => settings.roleWeights.get(r) ?? 0);
  const weighted = weightedRoles(settings);
  const weightedIds = weighted.map((r) => roleIndex.get(r) ?? -1);

  // Counting sort of the scores by pair = branch × indicator.
  const nInd = rated.length;
  const pairOf = new Int32Array(scores.length).fill(-1);
  const roleOf = new Int32Array(scores.length);
  const start = new Int32Array(branches.length * nInd + 1);
  // Scores usually arrive grouped by branch and role: reuse the last lookup when the text repeats.
  let lastBranch: string | undefined;
  let lastBi: number | undefined;
  let lastRole: string | undefined;
  let lastRi = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (!s) continue;
    if (s.branch !== lastBranch) {
      lastBranch = s.branch;
      lastBi = branchIndex.get(s.branch);
    }
    if (s.role !== lastRole) {
      lastRole = s.role;
      lastRi = roleIndex.get(s.role) ?? 0;
    }
    const ii = indIndex.get(s.indicator);
    if (lastBi === undefined || ii === undefined) continue;
    const pair = lastBi * nInd + ii;
    pairOf[i] = pair;
    roleOf[i] = lastRi;
    start[pair + 1] = (start[pair + 1] ?? 0) + 1;
  }
  for (let p = 1; p < start.length; p++) start[p] = (start[p] ?? 0) + (start[p - 1] ?? 0);
  const next = start.slice(0, -1);
  const order = new Int32Array(start[start.length - 1] ?? 0);
  let maxGroup = 0;
  for (let i = 0; i < pairOf.length; i++) {
    const pair = pairOf[i] ?? -1;
    if (pair < 0) continue;
    const at = next[pair] ?? 0;
    order[at] = i;
    next[pair] = at + 1;
  }
  for (let p = 0; p + 1 < start.length; p++) maxGroup = Math.max(maxGroup, (start[p + 1] ?? 0) - (start[p] ?? 0));

  const buf = new Float64Array(maxGroup);
  const means = new Float64Array(roleCount);
  const present = new Uint8Array(roleCount);
  const byBranch = new Map<string, Map<string, number>>();
  const issues: Issue[] = [];
  branches.forEach((branch, bi) => {
    if (branchIndex.get(branch.id) !== bi) return;
    let branchScores: Map<string, number> | undefined;
    const lacking = new Int32Array(weighted.length);
    for (let ii = 0; ii < nInd; ii++) {
      const pair = bi * nInd + ii;
      const from = start[pair] ?? 0;
      const to = start[pair + 1] ?? 0;
      if (from === to) continue;
      present.fill(0);
      for (let r = 0; r < roleCount; r++) {
        let n = 0;
        for (let k = from; k < to; k++) {
          const si = order[k] ?? 0;
          if (roleOf[si] === r) buf[n++] = scores[si]?.value ?? 0;
        }
        if (n === 0) continue;
        present[r] = 1;
        means[r] = sortedMean(buf, n, settings.trimMinRaters);
      }
      if (!branchScores) byBranch.set(branch.id, (branchScores = new Map()));
      branchScores.set(rated[ii]?.id ?? '', combine(means, present, weights));
      for (let k = 0; k < weightedIds.length; k++) {
        const r = weightedIds[k] ?? -1;
        if (r < 0 || !present[r]) lacking[k] = (lacking[k] ?? 0) + 1;
      }
    }
    issues.push(...roleMissingIssues(branch, weighted, lacking));
  });
  return { byBranch, issues };
}

/** Roles with a weight > 0, in the order 参数 lists them. */
function weightedRoles(settings: Settings): readonly string[] {
  return [...settings.roleWeights].filter(([, w]) => w > 0).map(([role]) => role);
}

function roleMissingIssues(branch: Branch, weighted: readonly string[], lacking: Int32Array): Issue[] {
  const out: Issue[] = [];
  weighted.forEach((role, k) => {
    const count = lacking[k] ?? 0;
    if (count > 0) out.push(issue('ROLE_MISSING', branch.at, { branch: branch.id, role, count }));
  });
  return out;
}
