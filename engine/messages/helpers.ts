/** Small pieces both locales need, kept out of the catalogs so those hold words only. */
import type { Fmt } from './types';

/** `0–10`, `> 0` (max `∞`: 分值 must be positive), `≥ 0`, `≤ 12` (parse may leave one bound empty). */
export function range(min: string, max: string): string {
  if (max === '∞') return `> ${min}`;
  if (min !== '' && max !== '') return `${min}–${max}`;
  if (min !== '') return `≥ ${min}`;
  return `≤ ${max}`;
}

/** 书记评议预警 raised by 差评率 has 实际 ≥ 标准 (§8 Gaps); raised by 好评率, 实际 < 标准. */
export function badRate(actual: number | null, standard: number | null): boolean {
  return actual !== null && standard !== null && actual >= standard;
}

/** A gap's number in points or counts; `—` when compute had none. */
export function num(x: number | null, f: Fmt): string {
  return x === null ? '—' : f.num(x);
}

/** A gap's ratio as a percent; `—` when compute had none. */
export function pct(x: number | null, f: Fmt): string {
  return x === null ? '—' : f.pct(x);
}

/** A gap between two ratios in percentage points (0.046667 → `4.67`); `—` when compute had none. */
export function points(x: number | null, f: Fmt): string {
  return x === null ? '—' : f.num(x * 100);
}

/** A gap's ratio standard as people write a policy share (`1/3`, `30%`); `—` when compute had none. */
export function share(x: number | null, f: Fmt): string {
  return x === null ? '—' : f.share(x);
}

/**
 * Whether a gap between ratios shows as a non-zero number of percentage points: a 差评率 exactly on
 * its line triggers 书记评议预警 with 差距 0, and `超出 0 个百分点` would read oddly.
 */
export function hasDiff(x: number | null, f: Fmt): boolean {
  return x !== null && points(x, f) !== '0';
}
