/**
 * 评分一致性 (issue #5): every number below is computed by hand in the comment beside it.
 */
import { describe, expect, it } from 'vitest';
import { averageRanks, raterConsistency, type RaterConsistency } from '../../../engine/compute/consistency';
import { buildModel, sc, type IndicatorSpec, type ScoreSpec } from './build';

const ONE: IndicatorSpec[] = [{ id: '1.1', points: 10 }];

function raters(scores: readonly ScoreSpec[], indicators: readonly IndicatorSpec[] = ONE, branches: readonly string[] = ['X']) {
  return raterConsistency(buildModel({ branches, indicators, scores })).raters;
}

function byName(list: readonly RaterConsistency[], rater: string, role = '上级'): RaterConsistency {
  const r = list.find((x) => x.rater === rater && x.role === role);
  if (!r) throw new Error(`no rater ${role}/${rater}`);
  return r;
}

/** One cell (X, 1.1, 分值 10) scored by raters r0, r1, … with the given values. */
function oneCell(values: readonly number[]): readonly RaterConsistency[] {
  return raters(values.map((v, i) => sc('X', '1.1', `r${i}`, v)));
}

describe('deviation from the other raters of the role', () => {
  it('A 6, B 8, C 10 on one cell of 分值 10', () => {
    const list = oneCell([6, 8, 10]);
    // r0: 6 − (8+10)/2 = −3 points, −0.3 of 分值; r1: 8 − 8 = 0; r2: 10 − 7 = +3.
    expect(list.map((r) => [r.cells, r.meanDeviation, r.meanAbsDeviation, r.relativeDeviation])).toEqual([
      [1, -3, 3, -0.3],
      [1, 0, 0, 0],
      [1, 3, 3, 0.3],
    ]);
    // μ = 0, σ = √((0.09 + 0 + 0.09)/3) = √0.06 = 0.244949; z = ∓0.3/0.244949 = ∓1.224745.
    expect(list[0]?.z).toBeCloseTo(-1.224745, 6);
    expect(list[1]?.z).toBe(0);
    expect(list[2]?.z).toBeCloseTo(1.224745, 6);
    expect(list.map((r) => r.flag)).toEqual([null, null, null]);
  });

  it('points and 分值-relative deviations can disagree; the relative one is what z uses', () => {
    // 1.1 (分值 10): A 8, B 6 → A +2 points = +0.2; 1.2 (分值 40): A 34, B 37 → A −3 points = −0.075.
    // A: mean deviation (2 − 3)/2 = −0.5 points, |·| (2 + 3)/2 = 2.5, relative (0.2 − 0.075)/2 = +0.0625.
    const list = raters(
      [sc('X', '1.1', 'A', 8), sc('X', '1.1', 'B', 6), sc('X', '1.2', 'A', 34), sc('X', '1.2', 'B', 37)],
      [
        { id: '1.1', points: 10 },
        { id: '1.2', points: 40 },
      ],
    );
    const a = byName(list, 'A');
    expect([a.cells, a.meanDeviation, a.meanAbsDeviation]).toEqual([2, -0.5, 2.5]);
    expect(a.relativeDeviation).toBeCloseTo(0.0625, 12);
    const b = byName(list, 'B');
    expect([b.cells, b.meanDeviation, b.meanAbsDeviation]).toEqual([2, 0.5, 2.5]);
    expect(b.relativeDeviation).toBeCloseTo(-0.0625, 12);
    // Two raters: d = ±0.0625, μ = 0, σ = 0.0625 → z = ±1 (always so with 2 raters), never a flag.
    expect(a.z).toBeCloseTo(1, 12);
    expect(b.z).toBeCloseTo(-1, 12);
    expect([a.flag, b.flag]).toEqual([null, null]);
  });

  it('averages over the cells each rater shares with someone, and only those', () => {
    // Branches X, Y; A scores both, B only X, C only Y: X: A 8, B 6 → A +2, B −2; Y: A 5, C 9 → A −4, C +4.
    const list = raters([sc('X', '1.1', 'A', 8), sc('X', '1.1', 'B', 6), sc('Y', '1.1', 'A', 5), sc('Y', '1.1', 'C', 9)], ONE, ['X', 'Y']);
    expect(list.map((r) => [r.rater, r.branches, r.cells, r.meanDeviation, r.meanAbsDeviation])).toEqual([
      ['A', 2, 2, -1, 3],
      ['B', 1, 1, -2, 2],
      ['C', 1, 1, 4, 4],
    ]);
  });

  it('compares raters within their role only; a rater alone on every cell has no deviation', () => {
    const list = raters([sc('X', '1.1', '甲', 8), sc('X', '1.1', '乙', 6), sc('X', '1.1', '丙', 2, '自评')]);
    expect(byName(list, '甲').meanDeviation).toBe(2);
    const self = byName(list, '丙', '自评');
    expect([self.branches, self.cells, self.meanDeviation, self.meanAbsDeviation, self.relativeDeviation, self.z, self.looZ, self.flag]).toEqual([
      1, 0, null, null, null, null, null, null,
    ]);
  });

  it('ignores 加分/扣分 and 台账 indicators and scores of unknown branches or indicators', () => {
    const list = raters(
      [sc('X', '1.1', 'A', 8), sc('X', '1.1', 'B', 6), sc('X', 'B1', 'A', 5), sc('X', 'B1', 'B', 0), sc('Z', '1.1', 'A', 0), sc('X', '9.9', 'B', 0)],
      [...ONE, { id: 'B1', points: 5, method: 'bonus' }],
    );
    expect(list.map((r) => [r.rater, r.branches, r.cells, r.meanDeviation])).toEqual([
      ['A', 1, 1, 2],
      ['B', 1, 1, -2],
    ]);
  });

  it('orders roles as 参数 weights them, then other roles by name, raters by name, whatever the input order', () => {
    const scores = [sc('X', '1.1', '乙', 6, '自评'), sc('X', '1.1', 'B', 6), sc('X', '1.1', 'Z', 6, '党委'), sc('X', '1.1', 'A', 8), sc('X', '1.1', '甲', 6, '自评')];
    const order = (s: readonly ScoreSpec[]) => raters(s).map((r) => `${r.role}/${r.rater}`);
    expect(order(scores)).toEqual(['上级/A', '上级/B', '自评/乙', '自评/甲', '党委/Z']);
    expect(order([...scores].reverse())).toEqual(order(scores));
    expect(raterConsistency(buildModel({ branches: ['X'], indicators: ONE, scores })).concordance.map((c) => c.role)).toEqual(['上级', '自评', '党委']);
  });
});

describe('μ, σ, z and the 2σ flag', () => {
  it('exactly 2σ is not flagged (5 raters: 8, 8, 8, 8, 3)', () => {
    const list = oneCell([8, 8, 8, 8, 3]);
    // r0–r3: 8 − (24 + 3)/4 = +1.25 points = 0.125; r4: 3 − 8 = −5 points = −0.5.
    // μ = (4 × 0.125 − 0.5)/5 = 0; σ = √((4 × 0.015625 + 0.25)/5) = √0.0625 = 0.25; |−0.5 − 0| = 0.5 = 2σ.
    expect(list.map((r) => r.relativeDeviation)).toEqual([0.125, 0.125, 0.125, 0.125, -0.5]);
    expect(list.map((r) => r.z)).toEqual([0.5, 0.5, 0.5, 0.5, -2]);
    expect(list.map((r) => r.flag)).toEqual([null, null, null, null, null]);
  });

  it('above 2σ is flagged 偏低 (6 raters: 8 × 5, 2) and 偏高 in the mirror case', () => {
    const low = oneCell([8, 8, 8, 8, 8, 2]);
    // r0–r4: 8 − 34/5 = +1.2 points = 0.12; r5: 2 − 8 = −6 = −0.6. μ = (5 × 0.12 − 0.6)/6 = 0;
    // σ = √((5 × 0.0144 + 0.36)/6) = √0.072 = 0.268328; 2σ = 0.536656 < 0.6 → flagged; z = −0.6/σ = −√5.
    expect(low[5]?.relativeDeviation).toBeCloseTo(-0.6, 12);
    expect(low[5]?.z).toBeCloseTo(-Math.sqrt(5), 9);
    expect(low[0]?.z).toBeCloseTo(1 / Math.sqrt(5), 9);
    expect(low.map((r) => r.flag)).toEqual([null, null, null, null, null, 'low']);
    const high = oneCell([2, 2, 2, 2, 2, 8]);
    expect(high.map((r) => r.flag)).toEqual([null, null, null, null, null, 'high']);
    expect(high[5]?.z).toBeCloseTo(Math.sqrt(5), 9);
  });

  it('σ = 0 gives no z and no flag', () => {
    // Two raters agreeing on every cell: every deviation 0.
    const list = raters([sc('X', '1.1', 'A', 7), sc('X', '1.1', 'B', 7)]);
    expect(list.map((r) => [r.cells, r.meanDeviation, r.z, r.flag])).toEqual([
      [1, 0, null, null],
      [1, 0, null, null],
    ]);
  });

  it('with n raters |z| cannot exceed √(n − 1): one far-off rater among 5 or fewer is never flagged', () => {
    // 5 raters, one at 0 and four at 10: the most extreme layout there is; |z| = √4 = 2 exactly → not flagged.
    const five = oneCell([10, 10, 10, 10, 0]);
    expect(five[4]?.z).toBeCloseTo(-2, 9);
    expect(five.every((r) => r.flag === null)).toBe(true);
    // 3 raters: |z| ≤ √2.
    const three = oneCell([10, 10, 0]);
    expect(three[2]?.z).toBeCloseTo(-Math.SQRT2, 9);
    expect(three[2]?.flag).toBeNull();
  });
});

describe('leave-one-out z (reported, never a flag)', () => {
  it('is (d − μ₋)/σ₋ over the other raters, and a monotone function of z: z² = (n−1)L²/(n + L²)', () => {
    const list = oneCell([6, 8, 10]);
    // r0: others d 0, 0.3 → μ₋ 0.15, σ₋ 0.15 → L = (−0.3 − 0.15)/0.15 = −3; r1: others ±0.3 → 0; r2: +3.
    expect(list[0]?.looZ).toBeCloseTo(-3, 9);
    expect(list[1]?.looZ).toBe(0);
    expect(list[2]?.looZ).toBeCloseTo(3, 9);
    // n = 3, L = 3: z² = 2 × 9 / 12 = 1.5, z = 1.224745 — the population z above.
    for (const r of list) {
      const L = r.looZ ?? NaN;
      expect((r.z ?? NaN) ** 2).toBeCloseTo((2 * L * L) / (3 + L * L), 9);
    }
  });

  it('is null when the others agree exactly (σ₋ = 0) or there are fewer than 2 others', () => {
    const six = oneCell([8, 8, 8, 8, 8, 2]);
    expect(six[5]?.looZ).toBeNull(); // the five others all at 0.12
    // r0: others 0.12 × 4 and −0.6 → μ₋ = −0.024, σ₋ = √((4 × 0.144² + 0.576²)/5) = 0.288 → L = 0.144/0.288 = 0.5.
    expect(six[0]?.looZ).toBeCloseTo(0.5, 9);
    expect(oneCell([8, 6]).map((r) => r.looZ)).toEqual([null, null]);
  });
});

describe('打分无差异 (constant rater)', () => {
  const TWO: IndicatorSpec[] = [
    { id: '1.1', points: 10 },
    { id: '1.2', points: 10 },
  ];
  const BR = ['X', 'Y', 'Z'];

  it('one value per indicator across every branch → 是; the same total from different values → 否', () => {
    const list = raters(
      [
        // A: 1.1 = 8 and 1.2 = 5 on all three branches.
        ...BR.flatMap((b) => [sc(b, '1.1', 'A', 8), sc(b, '1.2', 'A', 5)]),
        // B: total 13 everywhere, but 8 + 5, 5 + 8, 8 + 5: it told the indicators apart.
        sc('X', '1.1', 'B', 8),
        sc('X', '1.2', 'B', 5),
        sc('Y', '1.1', 'B', 5),
        sc('Y', '1.2', 'B', 8),
        sc('Z', '1.1', 'B', 8),
        sc('Z', '1.2', 'B', 5),
        // C: one branch only → not applicable.
        sc('X', '1.1', 'C', 8),
        // D: 1.1 scored once, 1.2 on two branches with one value → 是.
        sc('X', '1.1', 'D', 9),
        sc('X', '1.2', 'D', 4),
        sc('Y', '1.2', 'D', 4),
      ],
      TWO,
      BR,
    );
    expect(list.map((r) => [r.rater, r.constant])).toEqual([
      ['A', true],
      ['B', false],
      ['C', null],
      ['D', true],
    ]);
  });

  it('compares at 6 decimals', () => {
    const list = raters([sc('X', '1.1', 'A', 7.1), sc('Y', '1.1', 'A', 7.1000000001), sc('X', '1.1', 'B', 7), sc('Y', '1.1', 'B', 7.01)], ONE, ['X', 'Y']);
    expect(list.map((r) => r.constant)).toEqual([true, false]);
  });
});

describe('average ranks', () => {
  it('ranks 1 = highest and ties share the mean rank; T = Σ(t³ − t)', () => {
    expect(averageRanks([90, 80, 80, 70])).toEqual({ ranks: [1, 2.5, 2.5, 4], ties: 6 });
    expect(averageRanks([80, 80, 80, 80])).toEqual({ ranks: [2.5, 2.5, 2.5, 2.5], ties: 60 });
    expect(averageRanks([70, 89.99999999999999, 90])).toEqual({ ranks: [3, 1.5, 1.5], ties: 6 });
  });
});

/** One 评分 indicator (分值 100): rater r's total on branch b is totals[r][b]. */
function concordance(totals: Readonly<Record<string, readonly number[]>>, role = '上级') {
  const names = Object.keys(totals);
  const n = Math.max(...names.map((r) => totals[r]?.length ?? 0));
  const branches = Array.from({ length: n }, (_, i) => `B${i + 1}`);
  const scores = names.flatMap((r) => (totals[r] ?? []).map((v, i) => sc(`B${i + 1}`, '1.1', r, v, role)));
  return raterConsistency(buildModel({ branches, indicators: [{ id: '1.1', points: 100 }], scores })).concordance;
}

/** Totals that rank as given (rank 1 → 90, 2 → 80 …). */
const fromRanks = (ranks: readonly number[]) => ranks.map((r) => 100 - 10 * r);

describe("Kendall's W", () => {
  it('3 raters × 4 branches in perfect agreement → W = 1', () => {
    // R = 3, 6, 9, 12; mean 7.5; S = 20.25 + 2.25 + 2.25 + 20.25 = 45; W = 12 × 45 / (9 × 60) = 1.
    const [w] = concordance({ A: [90, 80, 70, 60], B: [95, 85, 75, 65], C: [91, 81, 71, 61] });
    expect(w).toEqual({ role: '上级', raters: 3, branches: 4, w: 1, status: 'strong', excluded: 0 });
  });

  it('2 raters in opposite order → W = 0', () => {
    // R = 1 + 2, 2 + 1 = 3, 3; S = 0.
    expect(concordance({ A: [90, 80], B: [80, 90] })[0]).toMatchObject({ w: 0, status: 'weak' });
  });

  it('3 judges × 6 objects (the classic textbook layout) → W = 17/105 ≈ 0.162', () => {
    // Ranks A 1 6 3 2 5 4, B 1 5 6 4 2 3, C 6 3 2 5 4 1 → R = 8, 14, 11, 11, 11, 8 (Σ 63 = 3 × 21);
    // mean 10.5; S = 6.25 + 12.25 + 0.25 + 0.25 + 0.25 + 6.25 = 25.5;
    // W = 12 × 25.5 / (3² × (216 − 6)) = 306 / 1890 = 17/105 = 0.161905.
    const [w] = concordance({ A: fromRanks([1, 6, 3, 2, 5, 4]), B: fromRanks([1, 5, 6, 4, 2, 3]), C: fromRanks([6, 3, 2, 5, 4, 1]) });
    expect(w?.w).toBeCloseTo(17 / 105, 12);
    expect(w).toMatchObject({ raters: 3, branches: 6, status: 'weak' });
  });

  it('corrects for ties: 3 raters × 4 branches → W = 73/84', () => {
    // A 90 80 80 70 → 1, 2.5, 2.5, 4 (T 6); B 90 90 70 60 → 1.5, 1.5, 3, 4 (T 6); C 80 90 70 60 → 2, 1, 3, 4.
    // R = 4.5, 5, 8.5, 12; mean 7.5; S = 9 + 6.25 + 1 + 20.25 = 36.5; ΣT = 12;
    // W = 12 × 36.5 / (9 × 60 − 3 × 12) = 438 / 504 = 73/84 = 0.869048 (without the correction 438/540 = 0.811).
    const [w] = concordance({ A: [90, 80, 80, 70], B: [90, 90, 70, 60], C: [80, 90, 70, 60] });
    expect(w?.w).toBeCloseTo(73 / 84, 12);
    expect(w?.status).toBe('strong');
  });

  it('bands at 6 decimals: W = 0.7 exactly is 较强, 0.3 exactly is 一般, 0.6 is 一般', () => {
    // m = 2, n = 5, A ranks 1..5: B 2 3 4 1 5 → R = 3, 5, 7, 5, 10, S = 9+1+1+1+16 = 28, W = 336/480 = 0.7;
    // B 2 5 4 3 1 → R = 3, 7, 7, 7, 6, S = 9+1+1+1+0 = 12, W = 144/480 = 0.3.
    const a = fromRanks([1, 2, 3, 4, 5]);
    expect(concordance({ A: a, B: fromRanks([2, 3, 4, 1, 5]) })[0]).toMatchObject({ status: 'strong' });
    expect(concordance({ A: a, B: fromRanks([2, 3, 4, 1, 5]) })[0]?.w).toBeCloseTo(0.7, 12);
    expect(concordance({ A: a, B: fromRanks([2, 5, 4, 3, 1]) })[0]).toMatchObject({ status: 'moderate' });
    expect(concordance({ A: a, B: fromRanks([2, 5, 4, 3, 1]) })[0]?.w).toBeCloseTo(0.3, 12);
    // m = 2, n = 4: A 1 2 3 4, B 1 4 3 2 → R = 2, 6, 6, 6, S = 9+1+1+1 = 12, W = 144/240 = 0.6.
    expect(concordance({ A: fromRanks([1, 2, 3, 4]), B: fromRanks([1, 4, 3, 2]) })[0]).toMatchObject({ status: 'moderate' });
  });

  it('every rater tied every branch → no W (the denominator is 9 × 60 − 3 × 180 = 0)', () => {
    expect(concordance({ A: [80, 80, 80, 80], B: [70, 70, 70, 70], C: [60, 60, 60, 60] })[0]).toEqual({
      role: '上级',
      raters: 3,
      branches: 4,
      w: null,
      status: 'ties',
      excluded: 0,
    });
  });

  it('fewer than 2 raters, or fewer than 2 common branches → no W', () => {
    expect(concordance({ A: [90, 80, 70] })[0]).toEqual({ role: '上级', raters: 1, branches: 3, w: null, status: 'raters', excluded: 0 });
    // 自评: every branch rates only itself.
    const self = raterConsistency(
      buildModel({ branches: ['X', 'Y', 'Z'], indicators: ONE, scores: ['X', 'Y', 'Z'].map((b) => sc(b, '1.1', `${b}书记`, 8, '自评')) }),
    );
    expect(self.concordance).toEqual([{ role: '自评', raters: 3, branches: 0, w: null, status: 'branches', excluded: 0 }]);
  });

  it('totals are Σ of the 评分 indicators, and a branch counts only when scored on all of them', () => {
    const TWO: IndicatorSpec[] = [
      { id: '1.1', points: 10 },
      { id: '1.2', points: 20 },
    ];
    const scores = [
      // A: X 8+10 = 18, Y 5+15 = 20, Z 9 + (no 1.2) → Z incomplete for A.
      sc('X', '1.1', 'A', 8),
      sc('X', '1.2', 'A', 10),
      sc('Y', '1.1', 'A', 5),
      sc('Y', '1.2', 'A', 15),
      sc('Z', '1.1', 'A', 9),
      // B: X 9+12 = 21, Y 6+18 = 24, Z 1+1 = 2.
      sc('X', '1.1', 'B', 9),
      sc('X', '1.2', 'B', 12),
      sc('Y', '1.1', 'B', 6),
      sc('Y', '1.2', 'B', 18),
      sc('Z', '1.1', 'B', 1),
      sc('Z', '1.2', 'B', 1),
    ];
    // Block A, B × X, Y: both rank Y above X → W = 1 (by 1.1 alone A and B would disagree).
    const [w] = raterConsistency(buildModel({ branches: ['X', 'Y', 'Z'], indicators: TWO, scores })).concordance;
    expect(w).toEqual({ role: '上级', raters: 2, branches: 2, w: 1, status: 'strong', excluded: 0 });
  });

  it('drops a rater who scored few branches rather than shrinking the block to them', () => {
    // A, B, C scored B1–B4 alike; D only B1, B2 (in the opposite order). All four: 4 × 2 = 8 totals;
    // without D: 3 × 4 = 12 → the block is A, B, C × 4 branches, W = 1, D left out.
    const [w] = concordance({ A: [90, 80, 70, 60], B: [90, 80, 70, 60], C: [90, 80, 70, 60], D: [80, 90] });
    expect(w).toEqual({ role: '上级', raters: 3, branches: 4, w: 1, status: 'strong', excluded: 1 });
  });

  it('finds a block when two groups of raters scored different branches', () => {
    // A, B scored B1–B3; C, D scored B4–B6: no branch is common to all four. Dropping D (the later name
    // among equals) gains nothing; then dropping C leaves A, B × B1–B3 (6 totals).
    const blank = [NaN, NaN, NaN];
    const totals = { A: [90, 80, 70], B: [90, 70, 80], C: [...blank, 90, 80, 70], D: [...blank, 70, 80, 90] };
    const names = Object.keys(totals) as (keyof typeof totals)[];
    const scores = names.flatMap((r) => totals[r].flatMap((v, i) => (Number.isNaN(v) ? [] : [sc(`B${i + 1}`, '1.1', r, v)])));
    const [w] = raterConsistency(buildModel({ branches: ['B1', 'B2', 'B3', 'B4', 'B5', 'B6'], indicators: [{ id: '1.1', points: 100 }], scores })).concordance;
    // A 1 2 3, B 1 3 2 → R = 2, 5, 5; mean 4; S = 4 + 1 + 1 = 6; W = 72 / (4 × 24) = 0.75.
    expect(w).toEqual({ role: '上级', raters: 2, branches: 3, w: 0.75, status: 'strong', excluded: 2 });
  });
});
