import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAtLeast, isBelow } from '../../../engine/compute/compare';
import { atLeast, below } from '../../../engine/numeric';

describe('fast threshold comparisons agree with numeric.ts (§8 Numbers)', () => {
  it('examples at the 6th decimal', () => {
    expect(isAtLeast(89.99999999999999, 90)).toBe(true);
    expect(isBelow(0.59999999989, 0.6)).toBe(false);
    expect(isBelow(0.5999994, 0.6)).toBe(true);
    expect(isBelow(0.5, 0.6)).toBe(true);
    expect(isAtLeast(1e9 + 0.1, 1e9)).toBe(true);
  });

  it('the same answer as below/atLeast for values near and far from the threshold', () => {
    const near = fc.tuple(fc.double({ min: -1000, max: 1000, noNaN: true }), fc.integer({ min: -3000, max: 3000 })).map(([b, k]) => [b + k * 1e-9, b] as const);
    const far = fc.tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    fc.assert(
      fc.property(fc.oneof(near, far), ([a, b]) => {
        expect(isBelow(a, b)).toBe(below(a, b));
        expect(isAtLeast(a, b)).toBe(atLeast(a, b));
      }),
      { seed: 20250101, numRuns: 2000 },
    );
  });
});
