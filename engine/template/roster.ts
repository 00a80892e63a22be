/**
 * The sample's roster: secondary units, their branches (names, types, secretaries, sizes) and a
 * latent quality per branch that later drives every score, ledger count and veto.
 */
import { chineseNumber, GIVEN_CHARS, OFFICES, SURNAMES, UNITS, type UnitSpec } from './names';
import type { Random } from './random';

export interface SampleBranch {
  /** Zero-padded text id, width by count: `001` … `255`. */
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  /** 支部类型: 教师 / 学生 / 机关 / 离退休 / 其他. */
  readonly type: string;
  readonly secretary: string;
  readonly members: number;
  readonly groups: number;
  readonly months: number;
  /** How good the branch is, as the expected share of rubric points (about 0.45–0.99). */
  readonly quality: number;
}

/** A unit without a name in UNITS (more units asked than listed) gets a numbered one. */
function unitSpec(i: number): UnitSpec {
  return UNITS[i] ?? { name: `直属第${chineseNumber(i + 1 - UNITS.length)}党总支`, kind: 'service', weight: 0.4 };
}

/**
 * Split `total` branches over units in proportion to their weights, at least one each (largest
 * remainder, ties to the earlier unit): 255 over the default 29 units gives 3 to 13 each.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const base = new Array<number>(n).fill(1);
  const spare = total - n;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (spare * w) / sum);
  const counts = base.map((b, i) => b + Math.floor(exact[i] ?? 0));
  const left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; k < left; k++) {
    const slot = order[k % n];
    if (slot) counts[slot.i] = (counts[slot.i] ?? 0) + 1;
  }
  return counts;
}

/** `计算机学院党委` → `计算机学院`: the prefix of its branch names. */
function unitPrefix(unit: string): string {
  return unit.replace(/(党委|党总支)$/, '');
}

/** A branch name and 支部类型 for the k-th (0-based) branch of a unit; counters number each kind. */
function nameBranch(spec: UnitSpec, k: number, counters: Map<string, number>): { name: string; type: string } {
  const prefix = unitPrefix(spec.name);
  const next = (kind: string): string => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return chineseNumber(n);
  };
  switch (spec.kind) {
    case 'office': {
      const office = OFFICES[k];
      if (office !== undefined) return { name: `${office}党支部`, type: '机关' };
      return { name: `机关第${next('机关')}党支部`, type: '机关' };
    }
    case 'retired':
      return { name: `离退休第${next('离退休')}党支部`, type: '离退休' };
    case 'service':
      return { name: `${prefix}第${next('其他')}党支部`, type: '其他' };
    case 'college': {
      // Faculty branches first (every college has one), then students; roughly 4 : 3 : 2.
      const cycle = spec.noUndergraduates ? ['教工', '研究生', '教工'] : ['教工', '本科生', '研究生', '教工', '本科生', '教工', '研究生', '本科生', '本科生'];
      const kind = cycle[k % cycle.length] ?? '教工';
      return { name: `${prefix}${kind}第${next(kind)}党支部`, type: kind === '教工' ? '教师' : '学生' };
    }
  }
}

/** A plausible personal name: surname and one or two given characters. */
export function personName(rnd: Random): string {
  const given = rnd.chance(0.7) ? rnd.pick(GIVEN_CHARS) + rnd.pick(GIVEN_CHARS) : rnd.pick(GIVEN_CHARS);
  return rnd.pick(SURNAMES) + given;
}

/**
 * 党员人数 by 支部类型: student and retiree branches are larger than office branches. About 22 on
 * average, so the default 255 branches hold ~5,700 members (each appraised in 民主评议).
 */
function memberCount(type: string, rnd: Random): number {
  const [lo, hi] = type === '学生' ? [10, 42] : type === '离退休' ? [10, 45] : type === '教师' ? [6, 30] : [5, 20];
  return rnd.int(lo, hi);
}

/**
 * Latent quality: most branches do well (mean 0.885) with a thin weak tail (about 6%), so base
 * grades spread over 好/较好/一般 with a few 较差, and 好 exceeds the 30% quota before it applies.
 */
function quality(rnd: Random): number {
  if (rnd.chance(0.04)) return 0.42 + rnd.next() * 0.16;
  return Math.min(0.99, Math.max(0.5, rnd.normal(0.84, 0.095)));
}

/** The units in use (the first `units` of the list) and their branches, ids in unit order. */
export function buildRoster(branches: number, units: number, rnd: Random): { units: string[]; branches: SampleBranch[] } {
  const specs = Array.from({ length: units }, (_, i) => unitSpec(i));
  const counts = allocate(branches, specs.map((s) => s.weight));
  const width = Math.max(3, String(branches).length);
  const out: SampleBranch[] = [];
  specs.forEach((spec, u) => {
    const counters = new Map<string, number>();
    for (let k = 0; k < (counts[u] ?? 0); k++) {
      const { name, type } = nameBranch(spec, k, counters);
      const members = memberCount(type, rnd);
      // About one 党小组 per 10 members; small branches have none (then 党小组会 is not required).
      const groups = members < 10 ? 0 : Math.min(4, Math.floor(members / 10) + (rnd.chance(0.3) ? -1 : 0));
      out.push({
        id: String(out.length + 1).padStart(width, '0'),
        name,
        unit: spec.name,
        type,
        secretary: personName(rnd),
        members,
        groups: Math.max(0, groups),
        // A few branches were founded or reorganised this year.
        months: rnd.chance(0.04) ? rnd.int(6, 11) : 12,
        quality: quality(rnd),
      });
    }
  });
  return { units: specs.map((s) => s.name), branches: out };
}
