/**
 * Dimensions, 百分制, 加分, 扣分 and 总分 (workbook.md §3.4–3.6, §8 Rubric and scores).
 */
import type { Indicator } from '../model';
import { isAtLeast } from './compare';
import type { DimensionResult } from '../results';
import type { Settings } from '../settings';

/** A dimension (一级指标) and its 评分/台账 indicators, in rubric order. */
export interface Dimension {
  readonly name: string;
  readonly indicators: readonly Indicator[];
  readonly points: number;
}

/** True for the indicators that make up dimensions and 百分制 (评分 and 台账). */
export function isBase(ind: Indicator): boolean {
  return ind.method === 'score' || ind.method === 'ledger';
}

/**
 * The dimensions in order of first appearance among 评分/台账 indicators; an 一级指标 that appears
 * only on 加分/扣分 rows is not a dimension (§8).
 */
export function dimensionsOf(indicators: readonly Indicator[]): readonly Dimension[] {
  const byName = new Map<string, Indicator[]>();
  for (const ind of indicators) {
    if (!isBase(ind)) continue;
    const list = byName.get(ind.dimension);
    if (list) list.push(ind);
    else byName.set(ind.dimension, [ind]);
  }
  return [...byName].map(([name, inds]) => ({ name, indicators: inds, points: sumOf(inds.map((i) => i.points)) }));
}

export interface Totals {
  readonly dimensions: readonly DimensionResult[];
  readonly bonus: number;
  readonly deduction: number;
  /** null when any 评分/台账 indicator has no score (未评定). */
  readonly percent: number | null;
  readonly total: number | null;
}

/**
 * 维度得分 = Σ its scores; 维度得分率 = 维度得分 / Σ 分值; 百分制 = Σ 评分+台账 scores / Σ their 分值 × 100;
 * 总分 = max(0, 百分制 + min(Σ 加分, 加分上限) − Σ 扣分).
 * Scores 8 + 9 of 10 + 10 → 百分制 85; 加分 3 + 4 with 上限 5 → 5; 扣分 2 → 总分 88.
 * Unscored 加分/扣分 count as 0 (nothing was awarded or deducted).
 */
export function computeTotals(
  indicators: readonly Indicator[],
  dimensions: readonly Dimension[],
  scores: ReadonlyMap<string, number>,
  settings: Settings,
): Totals {
  const dims = dimensions.map((d) => dimensionResult(d, scores, settings));
  let bonusSum = 0;
  let deduction = 0;
  let base = 0;
  let points = 0;
  let complete = true;
  for (const ind of indicators) {
    const s = scores.get(ind.id);
    if (ind.method === 'bonus') bonusSum += s ?? 0;
    else if (ind.method === 'deduction') deduction += s ?? 0;
    else if (s === undefined) complete = false;
    else {
      base += s;
      points += ind.points;
    }
  }
  const bonus = Math.min(bonusSum, settings.bonusCap);
  if (!complete || points <= 0) return { dimensions: dims, bonus, deduction, percent: null, total: null };
  const percent = (base / points) * 100;
  return { dimensions: dims, bonus, deduction, percent, total: Math.max(0, percent + bonus - deduction) };
}

/** 强 when 维度得分率 ≥ 维度达标线 at 6 decimals (§5.2, §8 Numbers). */
function dimensionResult(d: Dimension, scores: ReadonlyMap<string, number>, settings: Settings): DimensionResult {
  let score = 0;
  for (const ind of d.indicators) {
    const s = scores.get(ind.id);
    if (s === undefined) return { name: d.name, points: d.points, score: null, rate: null, strong: null };
    score += s;
  }
  const rate = score / d.points;
  return { name: d.name, points: d.points, score, rate, strong: isAtLeast(rate, settings.dimensionPassRate) };
}

function sumOf(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
