/**
 * Hostile formulas: each is refused at compile time, or compiles to an inert unknown name, without
 * anything running. Proof that nothing ran: mathjs's evaluate/compile/simplify/import/createUnit
 * (both the global instance and the formula module's private one) are spies never called, eval and
 * Function are spied too, and a global sentinel and Object.prototype stay untouched.
 */
import type * as MathjsFull from 'mathjs';
import type * as MathjsNumber from 'mathjs/number';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';

const trap = vi.hoisted(() => ({
  instances: [] as Array<Record<string, unknown>>,
  calls: [] as string[],
}));

/** Replace every executing entry point of a mathjs module with a spy that records and refuses. */
function trapped<T extends object>(actual: T): T {
  const spies: Record<string, unknown> = {};
  for (const name of ['evaluate', 'compile', 'simplify', 'createUnit', 'import', 'chain', 'typeOf']) {
    spies[name] = vi.fn((..._args: unknown[]) => {
      trap.calls.push(name);
      throw new Error(`mathjs ${name} must never be called`);
    });
  }
  return { ...actual, ...spies };
}

vi.mock('mathjs', async (importOriginal) => trapped(await importOriginal<typeof MathjsFull>()));
vi.mock('mathjs/number', async (importOriginal) => {
  const actual = await importOriginal<typeof MathjsNumber>();
  return {
    ...trapped(actual),
    create: (...args: Parameters<typeof actual.create>) => {
      const instance = actual.create(...args);
      trap.instances.push(instance as unknown as Record<string, unknown>);
      return instance;
    },
  };
});

const { compileFormula, MissingVariableError } = await import('../../../engine/formula');

declare global {
  var __formulaSentinel: string | undefined;
}

let evalSpy: MockInstance;
let functionSpy: MockInstance;
const instanceSpies: MockInstance[] = [];

beforeAll(() => {
  globalThis.__formulaSentinel = 'untouched';
  evalSpy = vi.spyOn(globalThis, 'eval');
  functionSpy = vi.spyOn(globalThis, 'Function');
  for (const instance of trap.instances) {
    for (const name of ['import', 'create', 'factory', 'evaluate', 'compile']) {
      if (typeof instance[name] === 'function') {
        instanceSpies.push(vi.spyOn(instance as Record<string, () => unknown>, name));
      }
    }
  }
});

afterAll(() => {
  evalSpy.mockRestore();
  functionSpy.mockRestore();
  for (const spy of instanceSpies) spy.mockRestore();
  Reflect.deleteProperty(globalThis, '__formulaSentinel');
});

function expectNothingRan(): void {
  expect(trap.calls).toEqual([]);
  expect(evalSpy).not.toHaveBeenCalled();
  expect(functionSpy).not.toHaveBeenCalled();
  for (const spy of instanceSpies) expect(spy).not.toHaveBeenCalled();
  expect(globalThis.__formulaSentinel).toBe('untouched');
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
}

describe('the private mathjs instance', () => {
  it('was created once and has no evaluating entry points at all', () => {
    expect(trap.instances).toHaveLength(1);
    const instance = trap.instances[0];
    for (const name of ['evaluate', 'compile', 'simplify', 'createUnit', 'chain', 'typeOf', 'cos']) {
      expect(instance?.[name]).toBeUndefined();
    }
    expect(typeof instance?.['parse']).toBe('function');
    // import, create and factory exist on every mathjs instance: they are spied (never called).
    expect(instanceSpies.length).toBeGreaterThanOrEqual(3);
  });
});

describe('refused at compile time', () => {
  const attacks: Array<[string, 'syntax' | 'forbidden']> = [
    ['import({})', 'forbidden'],
    ['import("fs")', 'forbidden'],
    ['evaluate("1+1")', 'forbidden'],
    ['parse("x")', 'forbidden'],
    ['compile("x")', 'forbidden'],
    ['createUnit("foo")', 'forbidden'],
    ['simplify("x")', 'forbidden'],
    ['f(x) = x', 'forbidden'],
    ['x = 1', 'forbidden'],
    ['__formulaSentinel = "pwned"', 'forbidden'],
    ['a.constructor', 'forbidden'],
    ['a.constructor.constructor("return 1")(1)', 'forbidden'],
    ['a.constructor.constructor("return 1")()', 'syntax'],
    ['a["constructor"]', 'forbidden'],
    ["a['__proto__']", 'forbidden'],
    ['a?.b', 'forbidden'],
    ['a[1]', 'forbidden'],
    ['[1,2]', 'forbidden'],
    ['{a: 1}', 'forbidden'],
    ['{polluted: 1}', 'forbidden'],
    ['"abc"', 'forbidden'],
    ["'abc'", 'forbidden'],
    ['cos(1)', 'forbidden'],
    ['Function("return 1")', 'forbidden'],
    ['eval("1")', 'forbidden'],
    ['2 cm', 'forbidden'],
    ['2x', 'forbidden'],
    ['(a)(b)', 'forbidden'],
    ['min(a)(b)', 'forbidden'],
    ['1 <> 2', 'forbidden'],
    ['x; y', 'forbidden'],
    ['x\ny; z', 'forbidden'],
    ['a ? b', 'syntax'],
    ['chain(1)', 'forbidden'],
    ['typeOf(x)', 'forbidden'],
    ['1:3', 'forbidden'],
    ['2^3', 'forbidden'],
    ['a mod b', 'forbidden'],
    ['a % b', 'forbidden'],
    ['5!', 'forbidden'],
    ["a'", 'forbidden'],
    ['a and b', 'forbidden'],
    ['a or b', 'forbidden'],
    ['a xor b', 'forbidden'],
    ['not a', 'forbidden'],
    ['a & b', 'forbidden'],
    ['a | b', 'forbidden'],
    ['~a', 'forbidden'],
    ['a << 1', 'forbidden'],
    ['a >>> 1', 'forbidden'],
    ['a .* b', 'forbidden'],
    ['a ?? b', 'forbidden'],
    ['5 cm to inch', 'forbidden'],
    ['a in b', 'forbidden'],
    ['true', 'forbidden'],
    ['null', 'forbidden'],
    ['undefined', 'forbidden'],
    ['1e400', 'forbidden'],
    ['Infinity', 'forbidden'],
    ['NaN', 'forbidden'],
    ['1 # comment', 'forbidden'],
    ['a => b', 'forbidden'],
    ['('.repeat(10_000) + '1' + ')'.repeat(10_000), 'forbidden'],
    ['('.repeat(400) + '1' + ')'.repeat(400), 'forbidden'],
    ['-'.repeat(500) + '1', 'forbidden'],
    ['1' + '+1'.repeat(300), 'forbidden'],
    ['1+'.repeat(50_000) + '1', 'forbidden'],
    ['x'.repeat(100_000), 'forbidden'],
  ];

  it.each(attacks)('%j → %s', (source, kind) => {
    const result = compileFormula(source);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.kind).toBe(kind);
      expect(result.detail.length).toBeGreaterThan(0);
    }
    expectNothingRan();
  });
});

describe('inert unknown names', () => {
  it.each(['constructor', '__proto__', 'toString', 'prototype', 'hasOwnProperty', 'valueOf', 'globalThis', 'process'])(
    '%s is just a name, read from the Map only',
    (name) => {
      const result = compileFormula(`${name} + 1`);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.formula.names).toEqual([name]);
      // Not in the Map: a programmer error, never a lookup on some object's prototype chain.
      expect(() => result.formula.evaluate(new Map())).toThrow(MissingVariableError);
      expect(result.formula.evaluate(new Map([[name, 41]]))).toBe(42);
      expectNothingRan();
    },
  );
});

describe('compiled formulas are frozen', () => {
  it('cannot have evaluate or names swapped after compiling', () => {
    const result = compileFormula('a + 1');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.isFrozen(result.formula)).toBe(true);
    expect(Object.isFrozen(result.formula.names)).toBe(true);
  });
});
