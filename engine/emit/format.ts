/**
 * Display rounding, done once, here (workbook.md §3.8): scores to 小数位数, ratios to 小数位数 + 2
 * so that a percent shows 小数位数 decimals (0.853333 → 0.8533 → `85.33%`), and the number format
 * that shows exactly those digits.
 */
import { roundHalfAway } from '../numeric';
import type { Highlight, NumberFormat } from '../output';

/** The widest format the NumberFormat union names; 小数位数 beyond it still rounds, only shows fewer digits. */
const MAX_FORMAT_DECIMALS = 6;

const SCORE_FORMATS: readonly NumberFormat[] = ['0', '0.0', '0.00', '0.000', '0.0000', '0.00000', '0.000000'];
const PERCENT_FORMATS: readonly NumberFormat[] = ['0%', '0.0%', '0.00%', '0.000%', '0.0000%', '0.00000%', '0.000000%'];

function formatIndex(decimals: number): number {
  return Math.min(Math.max(Math.trunc(decimals), 0), MAX_FORMAT_DECIMALS);
}

/** `0.00` for 2 decimals, `0` for 0. */
export function scoreFormat(decimals: number): NumberFormat {
  return SCORE_FORMATS[formatIndex(decimals)] ?? 'General';
}

/** `0.00%` for 2 decimals: the ratio is rounded to 4, so the percent shows 2. */
export function percentFormat(decimals: number): NumberFormat {
  return PERCENT_FORMATS[formatIndex(decimals)] ?? 'General';
}

/** Ranks and counts. */
export const COUNT_FORMAT: NumberFormat = '0';

/** A score rounded half away from zero: 2.345 → 2.35 (2 decimals); null stays blank. -0 is written 0. */
export function roundScore(x: number | null, decimals: number): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  const r = roundHalfAway(x, decimals);
  return Object.is(r, -0) ? 0 : r;
}

/** A ratio rounded to 小数位数 + 2: 0.853333 → 0.8533 (2 decimals); null stays blank. */
export function roundRatio(x: number | null, decimals: number): number | null {
  return roundScore(x, decimals + 2);
}

/** Booleans as the contract writes them: 是 / 否; null (not applicable) stays blank. */
export function yesNo(b: boolean | null): '是' | '否' | null {
  return b === null ? null : b ? '是' : '否';
}

/** 软弱涣散排查 and the like: 是 or blank, so the column reads as a list of flags. */
export function yesOrBlank(b: boolean): '是' | null {
  return b ? '是' : null;
}

/** Generated prose that came out empty is a blank cell, not an empty string. */
export function textOrBlank(s: string): string | null {
  return s === '' ? null : s;
}

/**
 * Colours of an ordered list of levels by position, so they work for any names: the best good, the
 * second fair, the middle ones warn, the lowest bad (with two levels: good and bad). 等次, 评议等次,
 * 建议等次 and 最终等次 all use it.
 */
export function levelHighlights(column: string, names: readonly string[]): Highlight[] {
  const last = names.length - 1;
  return names.map((name, i) => ({
    column,
    equals: name,
    style: i === last && i > 0 ? 'bad' : i === 0 ? 'good' : i === 1 ? 'fair' : 'warn',
  }));
}
