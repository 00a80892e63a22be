import { describe, expect, it } from 'vitest';
import { chineseNumber } from '../../../engine/template/names';
import { createRandom, mulberry32 } from '../../../engine/template/random';
import { allocate } from '../../../engine/template/roster';

describe('mulberry32 / createRandom', () => {
  it('repeats for a seed, differs across seeds, stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(xs);
    for (const x of xs) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('draws integers in both bounds and normals with about the asked mean and spread', () => {
    const rnd = createRandom(7);
    const ints = Array.from({ length: 2000 }, () => rnd.int(3, 6));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5, 6]));
    const ns = Array.from({ length: 20000 }, () => rnd.normal(10, 2));
    const mean = ns.reduce((s, x) => s + x, 0) / ns.length;
    const sd = Math.sqrt(ns.reduce((s, x) => s + (x - mean) ** 2, 0) / ns.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeGreaterThan(1.9);
    expect(sd).toBeLessThan(2.1);
    expect(() => rnd.pick([])).toThrow(RangeError);
  });
});

describe('chineseNumber', () => {
  it('writes numerals as branch names use them', () => {
    expect([1, 3, 10, 12, 20, 21, 100, 105, 110, 1005].map(chineseNumber)).toEqual([
      '一', '三', '十', '十二', '二十', '二十一', '一百', '一百零五', '一百一十', '一千零五',
    ]);
  });
});

describe('allocate', () => {
  it('splits the total by weight, at least one each, summing exactly', () => {
    expect(allocate(10, [1, 1, 1, 1, 1])).toEqual([2, 2, 2, 2, 2]);
    expect(allocate(3, [5, 1, 1])).toEqual([1, 1, 1]);
    const counts = allocate(255, [1.5, 1, 0.5, 1, 1]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(255);
    expect(counts[0]).toBeGreaterThan(counts[1] ?? 0);
    expect(counts[1]).toBeGreaterThan(counts[2] ?? 0);
    expect(allocate(0, [])).toEqual([]);
  });
});
