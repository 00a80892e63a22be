/**
 * The whitelisted functions of 台账公式 (workbook.md §4, §8 Formulas) and the number rules the
 * operators share. Each function is built from already-compiled argument closures, so a formula
 * compiled once evaluates per row without looking anything up.
 *
 * NaN (0/0 somewhere) propagates through every operation, comparisons and conditions included,
 * so a division by zero always reaches the caller, which reports it (FORMULA_RESULT_INVALID)
 * instead of the formula quietly taking a branch.
 */
import { atLeast, round6, roundHalfAway } from '../numeric';

/** One compiled expression: the value for one row of variables. */
export type Evaluator = (vars: ReadonlyMap<string, number>) => number;

/** A whitelisted function: its arity rule (null when the count is fine) and its closure builder. */
interface FunctionSpec {
  readonly arity: (count: number) => string | null;
  readonly build: (args: readonly Evaluator[]) => Evaluator;
}

const exactly =
  (...allowed: number[]) =>
  (count: number): string | null =>
    allowed.includes(count) ? null : `需要 ${allowed.join(' 或 ')} 个参数，写了 ${count} 个`;

const atLeastOne = (count: number): string | null => (count >= 1 ? null : '至少需要 1 个参数');

/** tier needs x and then (threshold, points) pairs: 3, 5, 7 … arguments. */
const tierArity = (count: number): string | null =>
  count >= 3 && (count - 1) % 2 === 0
    ? null
    : `tier(x, 门槛1, 分数1, 门槛2, 分数2, …) 在 x 之后需要成对的门槛和分数（至少一对），写了 ${count} 个参数`;

function arg(args: readonly Evaluator[], i: number): Evaluator {
  const f = args[i];
  if (f === undefined) throw new Error(`formula function argument ${i} missing after the arity check`);
  return f;
}

/**
 * Compare at 6 decimals like every threshold in the engine (§8), so 0.1 + 0.2 == 0.3 gives 1.
 * Example: compare(89.99999999999999, 90, '>=') → 1.
 */
export function compare(a: number, b: number, op: ComparisonOp): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  const x = round6(a);
  const y = round6(b);
  switch (op) {
    case '==':
      return x === y ? 1 : 0;
    case '!=':
      return x !== y ? 1 : 0;
    case '<':
      return x < y ? 1 : 0;
    case '<=':
      return x <= y ? 1 : 0;
    case '>':
      return x > y ? 1 : 0;
    case '>=':
      return x >= y ? 1 : 0;
  }
}

export type ComparisonOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

/** A condition holds when its value is not 0 at 6 decimals; NaN is neither (the caller gets NaN). */
export function truth(c: number): boolean | null {
  if (Number.isNaN(c)) return null;
  return round6(c) !== 0;
}

/**
 * tier(x, t1, p1, t2, p2, …) = the p of the first pair, in the order written, whose threshold x
 * reaches (x ≥ t at 6 decimals), else 0. Points are evaluated only for the pair chosen.
 * Example: tier(3, 4,4, 2,2, 1,1) → 3 < 4, 3 ≥ 2 → 2; tier(0, 4,4, 2,2, 1,1) → 0.
 */
function buildTier(args: readonly Evaluator[]): Evaluator {
  const x = arg(args, 0);
  const pairs: Array<readonly [Evaluator, Evaluator]> = [];
  for (let i = 1; i + 1 < args.length; i += 2) pairs.push([arg(args, i), arg(args, i + 1)]);
  return (vars) => {
    const value = x(vars);
    if (Number.isNaN(value)) return NaN;
    for (const [threshold, points] of pairs) {
      const t = threshold(vars);
      if (Number.isNaN(t)) return NaN;
      if (atLeast(value, t)) return points(vars);
    }
    return 0;
  };
}

/** Decimals accepted by round(x, n): whole numbers the arithmetic can honour. */
const MAX_ROUND_DECIMALS = 15;

/**
 * round(x) and round(x, n): half away from zero (roundHalfAway), so round(2.5) = 3,
 * round(-2.5) = -3, round(1.005, 2) = 1.01. An n that is not a whole number in 0..15 gives NaN.
 */
function buildRound(args: readonly Evaluator[]): Evaluator {
  const x = arg(args, 0);
  const n = args[1];
  if (n === undefined) return (vars) => roundHalfAway(x(vars), 0);
  return (vars) => {
    const decimals = n(vars);
    if (!validDecimals(decimals)) return NaN;
    return roundHalfAway(x(vars), decimals);
  };
}

/** Whether n is usable as round's decimals. */
export function validDecimals(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= MAX_ROUND_DECIMALS;
}

function buildExtreme(pick: (a: number, b: number) => number) {
  return (args: readonly Evaluator[]): Evaluator =>
    (vars) => {
      let acc = arg(args, 0)(vars);
      for (let i = 1; i < args.length; i += 1) acc = pick(acc, arg(args, i)(vars));
      return acc;
    };
}

function unary(fn: (x: number) => number) {
  return (args: readonly Evaluator[]): Evaluator => {
    const x = arg(args, 0);
    return (vars) => fn(x(vars));
  };
}

/**
 * The whitelist, keyed by lower-case name (names are matched case-insensitively, so Excel habits
 * like MAX or ROUND work). floor and ceil look at the value rounded to 6 decimals first, so
 * floor(0.29 × 100) is 29 and not 28 (0.29 × 100 = 28.999999999999996 in binary).
 */
export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map<string, FunctionSpec>([
  ['min', { arity: atLeastOne, build: buildExtreme(Math.min) }],
  ['max', { arity: atLeastOne, build: buildExtreme(Math.max) }],
  ['abs', { arity: exactly(1), build: unary(Math.abs) }],
  ['floor', { arity: exactly(1), build: unary((x) => Math.floor(round6(x))) }],
  ['ceil', { arity: exactly(1), build: unary((x) => Math.ceil(round6(x))) }],
  ['round', { arity: exactly(1, 2), build: buildRound }],
  ['tier', { arity: tierArity, build: buildTier }],
]);
