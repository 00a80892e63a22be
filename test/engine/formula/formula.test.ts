import { describe, expect, it } from 'vitest';
import { compileFormula, MissingVariableError, type CompiledFormula } from '../../../engine/formula';

/** Compile or fail the test, returning the compiled formula. */
function compiled(source: string): CompiledFormula {
  const result = compileFormula(source);
  if (!result.ok) throw new Error(`expected ${source} to compile, got ${result.kind}: ${result.detail}`);
  return result.formula;
}

/** Compile and evaluate over the given variables. */
function value(source: string, vars: Record<string, number> = {}): number {
  return compiled(source).evaluate(new Map(Object.entries(vars)));
}

function refusal(source: string): 'syntax' | 'forbidden' | 'ok' {
  const result = compileFormula(source);
  return result.ok ? 'ok' : result.kind;
}

describe('arithmetic and precedence', () => {
  it.each([
    ['2 + 3 * 4', 14],
    ['(2 + 3) * 4', 20],
    ['10 - 4 - 3', 3],
    ['24 / 4 / 2', 3],
    ['2 * 3 / 4', 1.5],
    ['-2 * 3', -6],
    ['2 * -3', -6],
    ['-(2 - 5)', 3],
    ['--4', 4],
    ['+4 - +1', 3],
    ['1.5 + .25', 1.75],
    ['1 + 2 > 2', 1],
    ['1 + (2 > 2)', 1],
    ['3 * (1 < 2)', 3],
  ])('%s = %d', (source, expected) => {
    expect(value(source)).toBe(expected);
  });

  it('accepts the typographic operators × ÷ − and full-width characters', () => {
    expect(value('6 ÷ 3 × 2 − 1')).toBe(3);
    expect(value('（党课＋１）＊２／４－０．５', { 党课: 3 })).toBe(1.5);
    expect(value('max（１，２）')).toBe(2);
    expect(value('a ≥ 2', { a: 2 })).toBe(1);
    expect(value('a ≤ 1', { a: 2 })).toBe(0);
    expect(value('a ≠ 2', { a: 2 })).toBe(0);
  });

  it('keeps the source exactly as written', () => {
    expect(compiled('（党课＋１）×２').source).toBe('（党课＋１）×２');
  });

  it('treats line breaks and ideographic spaces as spaces', () => {
    expect(value('a +\n b\u3000* 2', { a: 1, b: 2 })).toBe(5);
  });

  it('reads Excel-style percent literals as hundredths, added plainly (not a + a × 10%)', () => {
    expect(value('90%')).toBe(0.9);
    expect(value('a + 10%', { a: 2 })).toBeCloseTo(2.1, 12);
    expect(value('满意率 >= 90% ? 5 : 0', { 满意率: 0.9 })).toBe(5);
    expect(refusal('a%')).toBe('forbidden');
    expect(refusal('(a)%')).toBe('forbidden');
    expect(refusal('7 % 3')).toBe('forbidden');
  });
});

describe('comparisons and conditions', () => {
  it.each([
    ['3 == 3', 1],
    ['3 == 4', 0],
    ['3 != 4', 1],
    ['3 != 3', 0],
    ['3 < 4', 1],
    ['4 < 4', 0],
    ['4 <= 4', 1],
    ['5 <= 4', 0],
    ['5 > 4', 1],
    ['4 > 4', 0],
    ['4 >= 4', 1],
    ['3 >= 4', 0],
  ])('%s gives %d', (source, expected) => {
    expect(value(source)).toBe(expected);
  });

  it('compares at 6 decimals like every threshold (§8)', () => {
    expect(value('0.1 + 0.2 == 0.3')).toBe(1);
    expect(value('a >= 90', { a: 89.99999999999999 })).toBe(1);
    expect(value('a > 90', { a: 90.0000000001 })).toBe(0);
    expect(value('a > 90', { a: 90.000001 })).toBe(1);
  });

  it('reads a chained comparison as on paper: a < b <= c means both hold', () => {
    expect(value('1 <= a <= 3', { a: 3 })).toBe(1);
    expect(value('1 <= a <= 3', { a: 4 })).toBe(0);
    expect(value('1 <= a <= 3', { a: 0 })).toBe(0);
  });

  it('evaluates ternaries, nested ones right-associatively', () => {
    expect(value('a > 2 ? 10 : 5', { a: 3 })).toBe(10);
    expect(value('a > 2 ? 10 : 5', { a: 2 })).toBe(5);
    const nested = compiled('a >= 4 ? 4 : a >= 2 ? 2 : a >= 1 ? 1 : 0');
    const at = (a: number): number => nested.evaluate(new Map([['a', a]]));
    expect([at(5), at(4), at(3), at(2), at(1), at(0)]).toEqual([4, 4, 2, 2, 1, 0]);
    expect(value('0 ? 2 : 1 ? 3 : 4')).toBe(3);
    // mathjs needs parentheses around a ternary in the true branch; the false branch chains freely.
    expect(value('1 ? (0 ? 5 : 6) : 7')).toBe(6);
    expect(refusal('1 ? 0 ? 5 : 6 : 7')).toBe('syntax');
  });

  it('takes any non-zero condition as true and evaluates only the branch taken', () => {
    expect(value('-0.5 ? 1 : 2')).toBe(1);
    expect(value('b == 0 ? 0 : a / b', { a: 1, b: 0 })).toBe(0);
    expect(value('b != 0 ? a / b : 0', { a: 1, b: 0 })).toBe(0);
  });
});

describe('functions', () => {
  it.each([
    ['min(3)', 3],
    ['min(4, 1, 3)', 1],
    ['max(4, 1, 3)', 4],
    ['max(-1, -2)', -1],
    ['abs(-2.5)', 2.5],
    ['abs(2)', 2],
    ['floor(2.7)', 2],
    ['floor(-1.5)', -2],
    ['ceil(2.1)', 3],
    ['ceil(-1.5)', -1],
    ['round(2.5)', 3],
    ['round(-2.5)', -3],
    ['round(0.5)', 1],
    ['round(1.4)', 1],
    ['round(-1.4)', -1],
    ['round(1.005, 2)', 1.01],
    ['round(-1.005, 2)', -1.01],
    ['round(2.345, 2)', 2.35],
    ['round(2.344, 2)', 2.34],
    ['round(7.5, 0)', 8],
  ])('%s = %d', (source, expected) => {
    expect(value(source)).toBe(expected);
  });

  it('floors and ceils the value rounded to 6 decimals, absorbing binary noise', () => {
    // 0.29 × 100 = 28.999999999999996 and 0.1 × 3 × 10 = 3.0000000000000004 in binary.
    expect(value('floor(0.29 * 100)')).toBe(29);
    expect(value('ceil(0.1 * 3 * 10)')).toBe(3);
  });

  it('accepts function names in any case, as Excel users write them', () => {
    expect(value('MAX(1, 2) + Round(2.5) + TIER(3, 2, 1)')).toBe(6);
  });

  it('refuses wrong argument counts as syntax errors', () => {
    expect(refusal('min()')).toBe('syntax');
    expect(refusal('max()')).toBe('syntax');
    expect(refusal('abs(1, 2)')).toBe('syntax');
    expect(refusal('floor()')).toBe('syntax');
    expect(refusal('round(1, 2, 3)')).toBe('syntax');
  });

  it('refuses a literal round decimals that is not a whole number 0..15, and gives NaN for a bad variable one', () => {
    expect(refusal('round(1.25, 1.5)')).toBe('syntax');
    expect(refusal('round(1.25, 16)')).toBe('syntax');
    expect(value('round(1.25, n)', { n: 1 })).toBe(1.3);
    expect(value('round(1.25, n)', { n: 1.5 })).toBeNaN();
  });
});

describe('tier', () => {
  const meetings = compiled('tier(支部党员大会, 4,4, 2,2, 1,1)');
  const at = (n: number): number => meetings.evaluate(new Map([['支部党员大会', n]]));

  it('gives the points of the first threshold reached, in the order written', () => {
    expect(meetings.names).toEqual(['支部党员大会']);
    expect([at(6), at(4), at(3), at(2), at(1), at(0)]).toEqual([4, 4, 2, 2, 1, 0]);
  });

  it('follows the written order even when thresholds ascend', () => {
    // Written ascending, 1 is reached first by anything ≥ 1: the order is the user's choice.
    expect(value('tier(x, 1,1, 2,2, 4,4)', { x: 5 })).toBe(1);
    expect(value('tier(x, 4,4, 2,2, 1,1)', { x: 5 })).toBe(4);
  });

  it('gives 0 when no threshold is reached', () => {
    expect(value('tier(x, 4,4, 2,2)', { x: 1 })).toBe(0);
    expect(value('tier(x, 0, 3)', { x: -1 })).toBe(0);
  });

  it('counts a value at the threshold (x ≥ t, at 6 decimals)', () => {
    expect(value('tier(x, 2, 7)', { x: 2 })).toBe(7);
    expect(value('tier(0.1 + 0.2, 0.3, 1)')).toBe(1);
  });

  it('takes expressions and variables as points and thresholds', () => {
    const f = compiled('tier(x, 1, 分值)');
    expect(f.names).toEqual(['x', '分值']);
    expect(f.evaluate(new Map([['x', 3], ['分值', 5]]))).toBe(5);
    expect(f.evaluate(new Map([['x', 0], ['分值', 5]]))).toBe(0);
    expect(value('tier(x, 党员人数 / 2, 分值 * 0.5)', { x: 5, 党员人数: 10, 分值: 4 })).toBe(2);
  });

  it('refuses a missing or odd number of threshold/points arguments', () => {
    expect(refusal('tier(x)')).toBe('syntax');
    expect(refusal('tier(x, 1)')).toBe('syntax');
    expect(refusal('tier(x, 4, 4, 2)')).toBe('syntax');
    expect(refusal('tier()')).toBe('syntax');
    expect(refusal('tier(x, 4, 4, 2, 2)')).toBe('ok');
  });
});

describe('variables', () => {
  it('accepts Chinese names, with digits and underscores', () => {
    const f = compiled('党课2023 + 第1季度_会议 * 2 + x_1');
    expect(f.names).toEqual(['党课2023', '第1季度_会议', 'x_1']);
    expect(f.evaluate(new Map([['党课2023', 1], ['第1季度_会议', 2], ['x_1', 3]]))).toBe(8);
  });

  it('keeps full-width digits inside a name so it still matches its header', () => {
    const f = compiled('第１季度 + １２');
    expect(f.names).toEqual(['第１季度']);
    expect(f.evaluate(new Map([['第１季度', 1]]))).toBe(13);
  });

  it('accepts Han characters outside the basic plane (surrogate pairs)', () => {
    expect(compiled('𠀀会 + 1').names).toEqual(['𠀀会']);
  });

  it('refuses a name that starts with a digit (it would read as implicit multiplication)', () => {
    expect(refusal('2023年党课 + 1')).toBe('forbidden');
  });

  it('lists each name once, in order of first appearance, without function names', () => {
    const f = compiled('b + a * max(b, c) + tier(a, 1, d) + b');
    expect(f.names).toEqual(['b', 'a', 'c', 'd']);
  });

  it('lets a function name be a plain variable when not called', () => {
    expect(compiled('min + round').names).toEqual(['min', 'round']);
  });

  it('reads only the Map it is given: extra entries are ignored, a missing one throws', () => {
    const f = compiled('分值 * 党员人数');
    expect(f.evaluate(new Map([['分值', 2], ['党员人数', 3], ['other', 100]]))).toBe(6);
    expect(() => f.evaluate(new Map([['分值', 2]]))).toThrow(MissingVariableError);
  });

  it('gives a formula with no variables an empty name list', () => {
    expect(compiled('1 + 2').names).toEqual([]);
  });
});

describe('division by zero and NaN', () => {
  it('returns Infinity or NaN for the caller to report', () => {
    expect(value('a / b', { a: 1, b: 0 })).toBe(Infinity);
    expect(value('a / b', { a: -1, b: 0 })).toBe(-Infinity);
    expect(value('a / b', { a: 0, b: 0 })).toBeNaN();
  });

  it('lets NaN reach the result through comparisons, conditions and functions', () => {
    const nan = { a: 0, b: 0 };
    expect(value('a / b > 1', nan)).toBeNaN();
    expect(value('a / b > 1 ? 1 : 0', nan)).toBeNaN();
    expect(value('1 < a / b < 2', nan)).toBeNaN();
    expect(value('min(a / b, 1)', nan)).toBeNaN();
    expect(value('round(a / b)', nan)).toBeNaN();
    expect(value('tier(a / b, 1, 1)', nan)).toBeNaN();
    expect(value('tier(1, a / b, 1)', nan)).toBeNaN();
  });

  it('compares Infinity as a number', () => {
    expect(value('a / b > 100 ? 1 : 0', { a: 1, b: 0 })).toBe(1);
  });
});

describe('syntax errors', () => {
  it.each(['', '   ', '1 +', '(1 + 2', '1 + 2)', 'max(1,', 'a ? b', '* 2', '1..2'])('%j is a syntax error', (source) => {
    expect(refusal(source)).toBe('syntax');
  });

  it('carries a detail for the user', () => {
    const result = compileFormula('1 +');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.detail.length).toBeGreaterThan(0);
  });
});
