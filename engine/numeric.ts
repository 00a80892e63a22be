/**
 * Number rules shared by every computation (workbook.md §3.8, §8 Numbers): full precision
 * throughout, thresholds and ties compared on values rounded to 6 decimals, display rounding only
 * when writing.
 */

/** Round half away from zero to `decimals` places: round(2.345, 2) = 2.35, round(-2.5, 0) = -3. */
export function roundHalfAway(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** decimals;
  const raw = Math.abs(x) * f;
  // Near a tie, binary noise can sit on the wrong side (1.005 × 100 = 100.49999999999999): re-read the
  // scaled value at 15 significant digits first. Elsewhere noise cannot change the result, and
  // toPrecision is slow on a hot path (every written value).
  const nearTie = Math.abs(raw - Math.floor(raw) - 0.5) <= 1e-9 * Math.max(1, raw);
  const scaled = nearTie ? Number(raw.toPrecision(15)) : raw;
  return (Math.sign(x) * Math.round(scaled)) / f;
}

/** The value used for every threshold comparison and tie: 89.99999999999999 → 90. */
export function round6(x: number): number {
  return roundHalfAway(x, 6);
}

/** a ≥ b at 6 decimals. */
export function atLeast(a: number, b: number): boolean {
  return round6(a) >= round6(b);
}

/** a < b at 6 decimals. */
export function below(a: number, b: number): boolean {
  return round6(a) < round6(b);
}

/** a = b at 6 decimals. */
export function sameAt6(a: number, b: number): boolean {
  return round6(a) === round6(b);
}

/** Clamp x into [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
