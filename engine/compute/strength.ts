/**
 * 六强, 红旗候选 and 连续较差 (workbook.md §5.2, §8 Grades).
 */
import { isBelow } from './compare';
import type { DimensionResult, RedFlagFailure } from '../results';
import type { Settings } from '../settings';
import { lowestGrade } from './grade';

/** 强项数: the dimensions with 维度得分率 ≥ 维度达标线 (5 of 6 强 → 5). */
export function strongCount(dimensions: readonly DimensionResult[]): number {
  return dimensions.filter((d) => d.strong === true).length;
}

export interface RedFlagInput {
  readonly dimensions: readonly DimensionResult[];
  /** null when 未评定. */
  readonly total: number | null;
  /** Final grade; null when 未评定. */
  readonly grade: number | null;
  readonly vetoed: boolean;
  readonly satisfaction: number | null;
  readonly previous: number | null;
}

/**
 * 红旗候选 = 六强达标 ∧ 总分 ≥ 红旗总分线 ∧ final grade = top ∧ no veto ∧ 满意率 ≥ 满意率封顶线 (when
 * measured) ∧ 上年等次 = top (when given). Returns every failed condition (未达原因); empty = 红旗候选.
 * A 未评定 branch fails with 'unrated' first, then the conditions that can still be judged
 * (veto, 满意率, 上年等次).
 */
export function redFlagFailures(input: RedFlagInput, settings: Settings): readonly RedFlagFailure[] {
  const out: RedFlagFailure[] = [];
  const rated = input.total !== null && input.grade !== null;
  if (!rated) out.push({ kind: 'unrated' });
  else {
    const weak = input.dimensions.filter((d) => d.strong !== true).map((d) => d.name);
    if (weak.length > 0) out.push({ kind: 'notAllStrong', weak });
    if (input.total !== null && isBelow(input.total, settings.redFlagScoreLine)) {
      out.push({ kind: 'score', total: input.total, line: settings.redFlagScoreLine });
    }
    if (input.grade !== null && input.grade !== 0) out.push({ kind: 'grade', grade: input.grade });
  }
  if (input.vetoed) out.push({ kind: 'veto' });
  if (input.satisfaction !== null && isBelow(input.satisfaction, settings.satisfactionCapLine)) {
    out.push({ kind: 'satisfaction', rate: input.satisfaction, line: settings.satisfactionCapLine });
  }
  if (input.previous !== null && input.previous !== 0) out.push({ kind: 'previous', grade: input.previous });
  return out;
}

/** 连续较差: 上年等次 and this year's final grade are both the lowest grade. */
export function isConsecutivePoor(previous: number | null, grade: number | null, settings: Settings): boolean {
  const lowest = lowestGrade(settings);
  return previous === lowest && grade === lowest;
}
