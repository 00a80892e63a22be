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
