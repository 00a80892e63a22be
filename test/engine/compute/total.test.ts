import { describe, expect, it } from 'vitest';
import { computeResults } from '../../../engine/compute';
import { buildModel, sc } from './build';

const rubric = [
  { id: '1.1', dimension: '组织队伍强', points: 10 },
  { id: '1.2', dimension: '组织队伍强', points: 10 },
  { id: '2.1', dimension: '制度机制强', points: 20 },
];
const base = [sc('A', '1.1', '甲', 8), sc('A', '1.2', '甲', 9), sc('A', '2.1', '甲', 12)];
const weights = { roleWeights: new Map([['上级', 1]]) };

describe('dimensions and totals (§3.4–3.6)', () => {
  it('维度得分, 维度得分率, 强, 百分制', () => {
    const r = computeResults(buildModel({ branches: ['A'], indicators: rubric, scores: base, settings: weights })).results[0];
    expect(r?.dimensions).toEqual([
      { name: '组织队伍强', points: 20, score: 17, rate: 0.85, strong: true },
      { name: '制度机制强', points: 20, score: 12, rate: 0.6, strong: false },
    ]);
    // 29 / 40 × 100
    expect(r?.percent).toBe(72.5);
    expect(r?.total).toBe(72.5);
    expect(r?.strongCount).toBe(1);
    expect(r?.allStrong).toBe(false);
  });

  it('加分 capped at 加分上限, 扣分 subtracted; 加分/扣分-only 一级指标 is no dimension', () => {
    const model = buildModel({
      branches: ['A'],
      indicators: [
        ...rubric,
        { id: 'B1', dimension: '加分项', points: 5, method: 'bonus' },
        { id: 'B2', dimension: '加分项', points: 5, method: 'bonus' },
        { id: 'D1', dimension: '扣分项', points: 10, method: 'deduction' },
      ],
      scores: [...base, sc('A', 'B1', '甲', 3), sc('A', 'B2', '甲', 4), sc('A', 'D1', '甲', 2)],
      settings: weights,
    });
    const r = computeResults(model).results[0];
    expect(r?.dimensions.map((d) => d.name)).toEqual(['组织队伍强', '制度机制强']);
    expect(r?.bonus).toBe(5);
    expect(r?.deduction).toBe(2);
    expect(r?.percent).toBe(72.5);
    // 72.5 + min(7, 5) − 2
    expect(r?.total).toBe(75.5);
  });

  it('a smaller 加分上限 is honoured', () => {
    const model = buildModel({
      branches: ['A'],
      indicators: [...rubric, { id: 'B1', dimension: '加分项', points: 5, method: 'bonus' }],
      scores: [...base, sc('A', 'B1', '甲', 3)],
      settings: { ...weights, bonusCap: 2 },
    });
    expect(computeResults(model).results[0]?.total).toBe(74.5);
  });

  it('unscored 加分/扣分 count as 0 and do not make the branch 未评定', () => {
    const model = buildModel({
      branches: ['A'],
      indicators: [...rubric, { id: 'B1', method: 'bonus', points: 5 }, { id: 'D1', method: 'deduction', points: 5 }],
      scores: base,
      settings: weights,
    });
    const out = computeResults(model);
    expect(out.results[0]?.bonus).toBe(0);
    expect(out.results[0]?.deduction).toBe(0);
    expect(out.results[0]?.total).toBe(72.5);
    expect(out.issues.filter((i) => i.code === 'BRANCH_UNRATED')).toEqual([]);
  });

  it('总分 is floored at 0', () => {
    const model = buildModel({
      branches: ['A'],
      indicators: [{ id: '1.1', points: 10 }, { id: 'D1', method: 'deduction', points: 20 }],
      scores: [sc('A', '1.1', '甲', 1), sc('A', 'D1', '甲', 20)],
      settings: weights,
    });
    const r = computeResults(model).results[0];
    expect(r?.percent).toBe(10);
    expect(r?.deduction).toBe(20);
    expect(r?.total).toBe(0);
  });

  it('a rubric veto or gap never comes from 加分/扣分 rows', () => {
    const model = buildModel({
      branches: ['A'],
      indicators: [{ id: '1.1', points: 10 }, { id: 'B1', method: 'bonus', points: 5, veto: { kind: 'force', grade: 3 } }],
      scores: [sc('A', '1.1', '甲', 10)],
      settings: { ...weights, topGradeQuota: 1 },
    });
    const out = computeResults(model);
    expect(out.results[0]?.grade).toBe(0);
    expect(out.results[0]?.vetoed).toBe(false);
    expect(out.gaps).toEqual([]);
  });
});
