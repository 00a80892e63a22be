import { describe, expect, it } from 'vitest';
import { computeResults } from '../../../engine/compute';
import { quotaKeep } from '../../../engine/compute/quota';
import { branchCell, buildModel, byTotals, sc } from './build';

describe('quota (§5.1.3, §8 Grades)', () => {
  it('keep = floor(round6(cap × n)): 0.35 × 180 keeps 63', () => {
    expect(0.35 * 180).toBeLessThan(63);
    expect(quotaKeep(0.35, 180)).toBe(63);
    expect(quotaKeep(0.3, 10)).toBe(3);
    expect(quotaKeep(0.3, 3)).toBe(0);
  });

  it('180 top branches at 0.35: 63 keep 好, 117 drop to 较好 with the reason', () => {
    const totals: Record<string, number> = {};
    for (let i = 0; i < 180; i++) totals[`B${String(i).padStart(3, '0')}`] = 90 + i * 0.05;
    const out = computeResults(byTotals(totals, { settings: { topGradeQuota: 0.35 } }));
    expect(out.results.filter((r) => r.grade === 0)).toHaveLength(63);
    expect(out.results.filter((r) => r.grade === 1)).toHaveLength(117);
    // the highest 63 (B117 … B179) keep 好; B116 is the first dropped, 64th in order
    expect(out.results.find((r) => r.branch.id === 'B117')?.grade).toBe(0);
    expect(out.results.find((r) => r.branch.id === 'B116')?.reasons).toEqual([
      { kind: 'quota', from: 0, to: 1, position: 64, kept: 63, n: 180, scope: '全部' },
    ]);
    expect(out.issues).toEqual([]);
  });

  it('n counts graded branches of any grade, not 未评定', () => {
    const totals = { A: 99, B: 98, C: 97, D: 50, E: 50, F: 50, G: 50, H: 50, I: 50 };
    const model = byTotals(totals, { branches: [...Object.keys(totals), 'U'] });
    const out = computeResults(model);
    // n = 9 → keep floor(2.7) = 2 (with U counted it would be 3)
    expect(out.results.map((r) => r.grade)).toEqual([0, 0, 1, 3, 3, 3, 3, 3, 3, null]);
    expect(out.results[2]?.reasons).toEqual([{ kind: 'quota', from: 0, to: 1, position: 3, kept: 2, n: 9, scope: '全部' }]);
  });

  it('a cut between equal 总分 (at 6 decimals) is a QUOTA_TIE on the first dropped branch', () => {
    const totals = { A: 95, B: 94, D: 92, C: 92.0000000001, E: 10, F: 10, G: 10, H: 10, I: 10, J: 10 };
    const out = computeResults(byTotals(totals));
    expect(out.results.slice(0, 4).map((r) => r.grade)).toEqual([0, 0, 1, 0]);
    expect(out.issues).toEqual([
      { code: 'QUOTA_TIE', severity: 'warning', at: branchCell(2), params: { scope: '全部', grade: '好', score: '92', kept: 'C', dropped: 'D' } },
    ]);
  });

  it('no QUOTA_TIE when the cut falls between different 总分', () => {
    const out = computeResults(byTotals({ A: 95, B: 94, C: 93, D: 92, E: 1, F: 1, G: 1, H: 1, I: 1, J: 1 }));
    expect(out.results.slice(0, 4).map((r) => r.grade)).toEqual([0, 0, 0, 1]);
    expect(out.issues).toEqual([]);
  });

  it('order: 总分 desc, 强项数 desc, 满意率 desc (unmeasured last), 支部编号 asc', () => {
    // dimensions X 50, Y 40, Z 10 points; every branch scores 95 but Z0 (96)
    const rows: Record<string, [number, number, number]> = {
      A1: [50, 40, 5], // 强项数 2
      A9: [47, 39, 9], // 强项数 3, unmeasured
      A8: [47, 39, 9], // 强项数 3, unmeasured
      B1: [47, 39, 9], // 强项数 3, 0.95
      B2: [47, 39, 9], // 强项数 3, 0.99
      Z0: [50, 40, 6], // 96, 强项数 2
    };
    const model = buildModel({
      branches: Object.keys(rows),
      indicators: [
        { id: 'x', dimension: 'X', points: 50 },
        { id: 'y', dimension: 'Y', points: 40 },
        { id: 'z', dimension: 'Z', points: 10 },
      ],
      scores: Object.entries(rows).flatMap(([b, [x, y, z]]) => [sc(b, 'x', '甲', x), sc(b, 'y', '甲', y), sc(b, 'z', '甲', z)]),
      measures: { B1: { satisfaction: 0.95 }, B2: { satisfaction: 0.99 }, A1: { satisfaction: 1 } },
      settings: { roleWeights: new Map([['上级', 1]]), topGradeQuota: 0 },
    });
    const out = computeResults(model);
    const position = new Map(out.results.map((r) => [r.branch.id, r.reasons[0]?.kind === 'quota' ? r.reasons[0].position : -1]));
    const order = [...position].sort((a, b) => a[1] - b[1]).map(([id]) => id);
    expect(order).toEqual(['Z0', 'B2', 'B1', 'A8', 'A9', 'A1']);
    expect(out.results.every((r) => r.grade === 1)).toBe(true);
    expect(out.issues).toEqual([]);
  });

  it('比例控制范围 所属党委: the quota per unit', () => {
    const model = buildModel({
      branches: [
        { id: 'a1', unit: '甲' }, { id: 'a2', unit: '甲' }, { id: 'a3', unit: '甲' }, { id: 'a4', unit: '甲' },
        { id: 'b1', unit: '乙' }, { id: 'b2', unit: '乙' }, { id: 'b3', unit: '乙' },
      ],
      indicators: [{ id: '1.1', points: 100 }],
      scores: [['a1', 99], ['a2', 98], ['a3', 97], ['a4', 96], ['b1', 95], ['b2', 94], ['b3', 93]].map(([b, v]) => sc(String(b), '1.1', '甲', Number(v))),
      settings: { roleWeights: new Map([['上级', 1]]), topGradeQuota: 0.5, quotaScope: 'unit' },
    });
    const out = computeResults(model);
    // 甲: keep floor(2) = 2; 乙: keep floor(1.5) = 1
    expect(out.results.map((r) => r.grade)).toEqual([0, 0, 1, 1, 0, 1, 1]);
    expect(out.results[6]?.reasons).toEqual([{ kind: 'quota', from: 0, to: 1, position: 3, kept: 1, n: 3, scope: '乙' }]);
    // with 全部 the same totals keep floor(3.5) = 3
    const all = computeResults({ ...model, settings: { ...model.settings, quotaScope: 'all' } });
    expect(all.results.map((r) => r.grade)).toEqual([0, 0, 0, 1, 1, 1, 1]);
  });

  it('the quota drops only top-grade branches, after effects (a capped branch is no candidate)', () => {
    const model = byTotals({ A: 99, B: 98, C: 97 }, { vetoes: [{ branch: 'A', matter: 'x', effect: { kind: 'cap', grade: 1 } }], settings: { topGradeQuota: 0.34 } });
    // n = 3, keep 1: A is capped to 较好, B keeps 好, C drops
    expect(computeResults(model).results.map((r) => r.grade)).toEqual([1, 0, 1]);
  });
});
