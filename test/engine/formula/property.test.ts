/**
 * The evaluator agrees with JavaScript on arithmetic: a random tree over + - * / with integer
 * constants and variables is printed as formula text and computed directly in JS from the same
 * tree; both must give the same number (bit for bit, Infinity and NaN included).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFormula } from '../../../engine/formula';

type Op = '+' | '-' | '*' | '/';
type Tree =
  | { readonly kind: 'num'; readonly value: number }
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'bin'; readonly op: Op; readonly left: Tree; readonly right: Tree };

const VARS = ['x', '党员人数', '支部党员大会', '第1季度'] as const;

const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.integer({ min: -1000, max: 1000 }).map((value): Tree => ({ kind: 'num', value })),
    fc.constantFrom(...VARS).map((name): Tree => ({ kind: 'var', name })),
    fc
      .record({ op: fc.constantFrom<Op>('+', '-', '*', '/'), left: tie('tree'), right: tie('tree') })
      .map((b): Tree => ({ kind: 'bin', ...b })),
  ),
}));

const varValues = fc.record({
  x: fc.integer({ min: -50, max: 50 }),
  党员人数: fc.integer({ min: 0, max: 200 }),
  支部党员大会: fc.integer({ min: 0, max: 12 }),
  第1季度: fc.integer({ min: -5, max: 5 }),
});

function direct(t: Tree, vars: Readonly<Record<string, number>>): number {
  switch (t.kind) {
    case 'num':
      return t.value;
    case 'var':
      return vars[t.name] ?? NaN;
    case 'bin': {
      const a = direct(t.left, vars);
      const b = direct(t.right, vars);
      return t.op === '+' ? a + b : t.op === '-' ? a - b : t.op === '*' ? a * b : a / b;
    }
  }
}

const leaf = (t: Tree): string | null =>
  t.kind === 'num' ? (t.value < 0 ? `(${t.value})` : String(t.value)) : t.kind === 'var' ? t.name : null;

/** Every operation in parentheses. */
function fullParens(t: Tree): string {
  if (t.kind !== 'bin') return leaf(t) ?? '';
  return `(${fullParens(t.left)} ${t.op} ${fullParens(t.right)})`;
}

const PRECEDENCE: Record<Op, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };

/** Only the parentheses precedence needs (left-associative: a right child of equal rank keeps them). */
function minimalParens(t: Tree): string {
  if (t.kind !== 'bin') return leaf(t) ?? '';
  const side = (child: Tree, right: boolean): string => {
    const text = minimalParens(child);
    if (child.kind !== 'bin') return text;
    const p = PRECEDENCE[child.op];
    const q = PRECEDENCE[t.op];
    return p < q || (right && p === q) ? `(${text})` : text;
  };
  return `${side(t.left, false)} ${t.op} ${side(t.right, true)}`;
}

describe('evaluator agrees with JavaScript arithmetic', () => {
  it.each([
    ['fully parenthesised', fullParens],
    ['minimal parentheses', minimalParens],
  ])('%s', (_label, print) => {
    fc.assert(
      fc.property(tree, varValues, (t, vars) => {
        const text = print(t);
        const result = compileFormula(text);
        if (!result.ok) throw new Error(`${text}: ${result.kind} ${result.detail}`);
        const map = new Map(Object.entries(vars));
        expect(result.formula.evaluate(map)).toBe(direct(t, vars));
      }),
      { seed: 20240601, numRuns: 500 },
    );
  });
});
