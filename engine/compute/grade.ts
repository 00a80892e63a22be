/**
 * Grading before the quota (workbook.md §5.1, §8 Grades): the base grade from the bands, then every
 * effect — 否决 rows, triggered rubric vetoes, satisfaction gates — composed as §8 says.
 * Grades are indexes into gradeNames: 0 = top, a larger index = a lower grade.
 */
import type { Effect, Indicator, Veto } from '../model';
import { isAtLeast, isBelow } from './compare';
import type { GradeReason } from '../results';
import type { Settings } from '../settings';
import { isBase } from './total';

/**
 * Base grade = the first band whose lower bound 总分 reaches, at 6 decimals, else the lowest grade.
 * Bands 90,80,60: 89.99999999999999 → 好 (0); 85 → 较好 (1); 59.9 → 较差 (3).
 */
export function baseGrade(total: number, settings: Settings): number {
  return bandGrade(total, settings.gradeThresholds, settings.gradeNames.length);
}

/**
 * The band of `value`: the first lower bound it reaches at 6 decimals, else the last of `count` grades.
 * Also used for 评议等次 (评议等次分数线): bounds 90,80,60 and 4 names, 88 → 1 (较好), 40 → 3 (差).
 */
export function bandGrade(value: number, thresholds: readonly number[], count: number): number {
  const lowest = Math.max(0, count - 1);
  for (let i = 0; i < thresholds.length && i < lowest; i++) {
    const bound = thresholds[i];
    if (bound !== undefined && isAtLeast(value, bound)) return i;
  }
  return lowest;
}

/** The index of the lowest grade (较差 by default). */
export function lowestGrade(settings: Settings): number {
  return Math.max(0, settings.gradeNames.length - 1);
}

/** One effect that applies to a branch, with the reason to write if it binds. */
export interface AppliedEffect {
  readonly effect: Effect;
  readonly reason: GradeReason;
  /** Counts as a veto for 红旗候选 (everything but 直接定级). */
  readonly veto: boolean;
  /**
   * A `定为X` that may lift a grade above its base: only 否决 rows (incl. 直接定级). A triggered rubric
   * veto or satisfaction gate is a penalty for a low value and never lifts (see composeGrade).
   */
  readonly mayLift: boolean;
}

/** True for a 否决 row that is a direct grading: `定为<top grade>` (§8 Grades). */
export function isDirectGrading(v: Veto): boolean {
  return v.effect.kind === 'force' && v.effect.grade === 0;
}

/**
 * Every effect that applies to one branch, in the order 等次说明 lists them: 否决 rows (sheet order),
 * triggered rubric vetoes (rubric order), 直接定级 rows, the satisfaction veto, the satisfaction cap.
 * A rubric veto triggers when score / 分值 < 预警线 at 6 decimals (2.9 of 5 with 0.6 → triggered).
 * Satisfaction gates are positional: < 满意率否决线 forces the lowest grade, < 满意率封顶线 caps at the
 * second-lowest — whatever the grades are called.
 */
export function collectEffects(
  vetoes: readonly Veto[],
  indicators: readonly Indicator[],
  scores: ReadonlyMap<string, number>,
  satisfaction: number | null,
  settings: Settings,
): readonly AppliedEffect[] {
  const out: AppliedEffect[] = [];
  for (const v of vetoes) {
    if (!isDirectGrading(v)) out.push({ effect: v.effect, reason: { kind: 'veto', effect: v.effect, matter: v.matter }, veto: true, mayLift: true });
  }
  for (const ind of indicators) {
    const score = scores.get(ind.id);
    if (!ind.veto || !isBase(ind) || score === undefined || !isBelow(score / ind.points, ind.alert)) continue;
    const reason: GradeReason = { kind: 'rubricVeto', effect: ind.veto, indicator: ind.id, score, threshold: ind.alert * ind.points };
    out.push({ effect: ind.veto, reason, veto: true, mayLift: false });
  }
  for (const v of vetoes) {
    if (isDirectGrading(v)) out.push({ effect: v.effect, reason: { kind: 'direct', grade: v.effect.grade, matter: v.matter }, veto: false, mayLift: true });
  }
  if (satisfaction !== null) out.push(...satisfactionGates(satisfaction, settings));
  return out;
}

function satisfactionGates(rate: number, settings: Settings): AppliedEffect[] {
  const lowest = lowestGrade(settings);
  const out: AppliedEffect[] = [];
  if (isBelow(rate, settings.satisfactionVetoLine)) {
    const line = settings.satisfactionVetoLine;
    out.push({ effect: { kind: 'force', grade: lowest }, reason: { kind: 'satisfactionVeto', grade: lowest, rate, line }, veto: true, mayLift: false });
  }
  if (isBelow(rate, settings.satisfactionCapLine)) {
    const grade = Math.max(0, lowest - 1);
    const line = settings.satisfactionCapLine;
    out.push({ effect: { kind: 'cap', grade }, reason: { kind: 'satisfactionCap', grade, rate, line }, veto: true, mayLift: false });
  }
  return out;
}

export interface ComposedGrade {
  /** The grade after every effect, before the quota. */
  readonly grade: number;
  /** The binding effects: 否决-row forces first, then the bounds, each in collectEffects order. */
  readonly reasons: readonly GradeReason[];
}

/**
 * forced = the lowest of all `定为X` of 否决 rows (else the base); final = the lowest of forced and
 * every bound (`最高X`, and the `定为X` of a triggered rubric veto or satisfaction gate).
 * Base 好, 最高一般 and 定为较差 → 较差 (a downward force beats a cap); base 一般, 定为好 and 最高较好 →
 * 较好 (an upward force cannot lift above a cap).
 * A rubric/gate `定为X` differs from §8's literal "lowest of all 定为X" only when X is better than
 * every other force (or the base): then it does not lift the grade — a low score must never raise
 * it (base 较差 with a triggered `定为一般` stays 较差), which keeps grades monotone in scores.
 * A force binds when it is the forced grade and that differs from the base; a bound binds when it
 * is the final grade and that is lower than the forced grade. Ties at the binding grade are all listed.
 */
export function composeGrade(base: number, effects: readonly AppliedEffect[]): ComposedGrade {
  const forces = effects.filter((e) => e.effect.kind === 'force' && e.mayLift);
  const bounds = effects.filter((e) => !(e.effect.kind === 'force' && e.mayLift));
  const forced = forces.length > 0 ? Math.max(...forces.map((e) => e.effect.grade)) : base;
  const final = Math.max(forced, ...bounds.map((e) => e.effect.grade));
  const reasons: GradeReason[] = [];
  if (forced !== base) for (const e of forces) if (e.effect.grade === forced) reasons.push(e.reason);
  if (final !== forced) for (const e of bounds) if (e.effect.grade === final) reasons.push(e.reason);
  return { grade: final, reasons };
}
