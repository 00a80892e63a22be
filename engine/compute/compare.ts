/**
 * Threshold comparisons at 6 decimals (§8 Numbers) with a fast path: numeric.ts's round6 goes
 * through toPrecision, which dominates the run on 50,000 (branch, indicator) checks. When two
 * values are clearly apart, rounding cannot change their order, so the result is the same.
 */
import { below } from '../numeric';

/** Apart by more than this (relative to their size), round6 cannot reorder two values. */
const CLEARLY_APART = 1e-5;

function margin(a: number, b: number): number {
  return CLEARLY_APART * Math.max(1, Math.abs(a), Math.abs(b));
}

/** a < b at 6 decimals, as numeric.below: 0.59999999989 < 0.6 → false; 0.5 < 0.6 → true (fast). */
export function isBelow(a: number, b: number): boolean {
  const m = margin(a, b);
  if (a < b - m) return true;
  if (a > b + m) return false;
  return below(a, b);
}

/** a ≥ b at 6 decimals, as numeric.atLeast: 0.7999999999999999 ≥ 0.8 → true. */
export function isAtLeast(a: number, b: number): boolean {
  return !isBelow(a, b);
}
