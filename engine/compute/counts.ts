/**
 * Small helpers shared by the ballot computations (workbook.md §5.4, §8 Ballots): pooling counts,
 * counting ballots for `<3` and turnout, weighted means with renormalisation, a stable target order.
 */
import type { AspectCounts, GroupTally } from '../ballots';
import type { Branch } from '../model';

/** Σ of a list of counts: [3, 1, 1, 0] → 5. */
export function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

/** Mutable pooled counts: levels summed index by index, 废票 summed. */
export interface Pool {
  readonly levels: number[];
  invalid: number;
}

/** An empty pool for `size` levels. */
export function emptyPool(size: number): Pool {
  return { levels: new Array<number>(size).fill(0), invalid: 0 };
}

/** Adds one (group, aspect)'s counts into `pool`: [3,1,0,0] + [1,0,1,0] → [4,1,1,0]. */
export function addTo(pool: Pool, counts: Pick<AspectCounts, 'levels' | 'invalid'>): void {
  for (let i = 0; i < pool.levels.length; i++) pool.levels[i] = (pool.levels[i] ?? 0) + (counts.levels[i] ?? 0);
  pool.invalid += counts.invalid;
}

/**
 * The ballots of one group for one target (§8 Ballots `<3`, turnout): long-form rows, valid or not,
 * plus the larger of the group's per-aspect 计票 totals (2 rows and 计票 党建 3, 业务 4 → 2 + 4 = 6).
 */
export function groupBallots(group: GroupTally): number {
  let precounted = 0;
  for (const counts of group.aspects.values()) precounted = Math.max(precounted, counts.precounted);
  return group.rows + precounted;
}

/** One part of a weighted mean: its weight, its value and how many valid votes stand behind it. */
export interface WeightedPart {
  readonly weight: number;
  readonly value: number;
  readonly valid: number;
}

/**
 * Σ weight × value / Σ weight over the parts given (renormalised over what is present):
 * 上级 0.4 → 90, 党员 0.6 → 80 gives 84; only 党员 → 80. When the parts present weigh 0 in total
 * (only 群众, whose weight is 0 unless set), the mean weighted by valid votes instead — the pooled
 * score, so one group alone scores its own value (群众 3 votes → 90, 2 → 80 gives 86). null when empty.
 */
export function weightedMean(parts: readonly WeightedPart[]): number | null {
  let weight = 0;
  let weighted = 0;
  let valid = 0;
  let pooled = 0;
  for (const p of parts) {
    weight += p.weight;
    weighted += p.weight * p.value;
    valid += p.valid;
    pooled += p.valid * p.value;
  }
  if (weight > 0) return weighted / weight;
  return valid > 0 ? pooled / valid : null;
}

/** A ratio or null when the denominator is 0: 4 / 5 → 0.8; 0 / 0 → null. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Code-unit order: the same on every machine (no locale collation). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Targets in a stable order whatever the ballot row order: branches of 支部 in its order, then any
 * other ids (a 支部编号 that 支部 lacks; parse reports it) in code-unit order.
 */
export function orderTargets(ids: Iterable<string>, branches: readonly Branch[]): string[] {
  const present = new Set(ids);
  const out: string[] = [];
  for (const b of branches) {
    if (present.delete(b.id)) out.push(b.id);
  }
  return [...out, ...[...present].sort(compareText)];
}

/**
 * Keys in a fixed order first (e.g. 上级, 党员, 群众), then any others in code-unit order.
 */
export function orderKeys(keys: Iterable<string>, fixed: readonly string[]): string[] {
  const present = new Set(keys);
  const out = fixed.filter((k) => present.delete(k));
  return [...out, ...[...present].sort(compareText)];
}
