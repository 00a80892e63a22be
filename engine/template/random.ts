/**
 * A small seeded PRNG for the sample generator. The engine has no Math.random: a sample must be
 * the same workbook for the same seed on every machine, so tests and benchmarks can rely on it.
 */

/** A source of uniform numbers in [0, 1) with a few helpers on top. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [lo, hi] (both included). */
  int(lo: number, hi: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** Normal with the given mean and standard deviation (Box–Muller). */
  normal(mean: number, sd: number): number;
  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T;
}

/**
 * mulberry32: a 32-bit generator with a good spread for its size (Tommy Ettinger's public-domain
 * design). Any seed works; it is reduced to 32 bits.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Random seeded with `seed`: the same seed gives the same sequence. */
export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  // Box–Muller makes two normals per draw; keep the second for the next call.
  let spare: number | null = null;
  const rnd: Random = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    normal: (mean, sd) => {
      if (spare !== null) {
        const z = spare;
        spare = null;
        return mean + sd * z;
      }
      // 1 − u keeps the logarithm's argument in (0, 1].
      const u = 1 - next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return mean + sd * r * Math.cos(2 * Math.PI * v);
    },
    pick: <T>(list: readonly T[]): T => {
      const item = list[Math.floor(next() * list.length)];
      if (item === undefined) throw new RangeError('pick from an empty list');
      return item;
    },
  };
  return rnd;
}
