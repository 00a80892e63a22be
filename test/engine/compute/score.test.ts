import { describe, expect, it } from 'vitest';
import { computeResults } from '../../../engine/compute';
import { combineRoles, roleMean } from '../../../engine/compute/score';
import { branchCell, buildModel, sc } from './build';

const one = [{ id: '1.1', points: 100 }];

describe('role means (§3.1)', () => {
  it('6 raters of a role: drop one highest and one lowest', () => {
    expect(roleMean([70, 80, 80, 90, 90, 100], 6)).toBe(85);
  });

  it('5 raters of a role: plain mean', () => {
    expect(roleMean([70, 80, 90, 90, 100], 6)).toBe(86);
  });

  it('the threshold is a setting (去极值最少人数 5 trims 5 raters)', () => {
    expect(roleMean([70, 80, 90, 90, 100], 5)).toBeCloseTo(260 / 3, 12);
  });

  it('never trims below 3 values, whatever the setting', () => {
    expect(roleMean([70, 90], 1)).toBe(80);
  });

  it('trimming counts the raters of that role for that (branch, indicator) only', () => {
    const raters = [70, 80, 80, 90, 90, 100];
    const model = buildModel({
      branches: ['A'],
      indicators: one,
      scores: [...raters.map((v, i) => sc('A', '1.1', `上${i}`, v)), sc('A', '1.1', '自1', 60, '自评'), sc('A', '1.1', '自2', 100, '自评')],
    });
    const r = computeResults(model).results[0];
    // 上级 trimmed 85, 自评 (2 raters) plain 80 → 0.6×85 + 0.4×80 = 83
    expect(r?.indicatorScores.get('1.1')).toBeCloseTo(83, 10);
    expect(r?.total).toBeCloseTo(83, 10);
  });

  it('5 + 1 raters in two roles are not trimmed', () => {
    const model = buildModel({
      branches: ['A'],
      indicators: one,
      scores: [...[70, 80, 90, 90, 100].map((v, i) => sc('A', '1.1', `上${i}`, v)), sc('A', '1.1', '自1', 76, '自评')],
    });
    // 0.6×86 + 0.4×76 = 51.6 + 30.4 = 82
    expect(computeResults(model).results[0]?.total).toBeCloseTo(82, 10);
  });
});

describe('role weights (§3.2)', () => {
  it('上级 80, 自评 90 → 84', () => {
    expect(combineRoles(new Map([['上级', 80], ['自评', 90]]), new Map([['上级', 0.6], ['自评', 0.4]]))).toBeCloseTo(84, 12);
  });

  it('a missing role: weights renormalised over roles present, one ROLE_MISSING per (branch, role)', () => {
    const model = buildModel({
      branches: ['A', 'B'],
      indicators: [{ id: '1.1' }, { id: '1.2' }, { id: '1.3' }],
      scores: [
        sc('A', '1.1', '甲', 8), sc('A', '1.1', '乙', 9, '自评'),
        sc('A', '1.2', '甲', 7),
        sc('A', '1.3', '甲', 6),
        sc('B', '1.1', '甲', 8), sc('B', '1.1', '乙', 9, '自评'),
        sc('B', '1.2', '甲', 8), sc('B', '1.2', '乙', 9, '自评'),
        sc('B', '1.3', '乙', 5, '自评'),
      ],
    });
    const out = computeResults(model);
    const a = out.results[0];
    expect(a?.indicatorScores.get('1.1')).toBeCloseTo(8.4, 12);
    expect(a?.indicatorScores.get('1.2')).toBe(7);
    expect(a?.indicatorScores.get('1.3')).toBe(6);
    expect(out.results[1]?.indicatorScores.get('1.3')).toBe(5);
    const missing = out.issues.filter((i) => i.code === 'ROLE_MISSING');
    expect(missing).toEqual([
      { code: 'ROLE_MISSING', severity: 'warning', at: branchCell(0), params: { branch: 'A', role: '自评', count: 2 } },
      { code: 'ROLE_MISSING', severity: 'warning', at: branchCell(1), params: { branch: 'B', role: '上级', count: 1 } },
    ]);
  });

  it('a role of weight 0 being absent raises nothing', () => {
    const model = buildModel({
      branches: ['A'],
      indicators: one,
      scores: [sc('A', '1.1', '甲', 80)],
      settings: { roleWeights: new Map([['上级', 1], ['自评', 0]]) },
    });
    const out = computeResults(model);
    expect(out.issues.filter((i) => i.code === 'ROLE_MISSING')).toEqual([]);
    expect(out.results[0]?.total).toBe(80);
  });

  it('roles present weighing 0 in total: the plain mean of the role means', () => {
    const model = buildModel({
      branches: ['A'],
      indicators: one,
      scores: [sc('A', '1.1', '甲', 80, '群众'), sc('A', '1.1', '乙', 90, '群众'), sc('A', '1.1', '丙', 70, '其他')],
      settings: { roleWeights: new Map([['上级', 0.6], ['自评', 0.4]]) },
    });
    // 群众 85, 其他 70 → 77.5
    expect(computeResults(model).results[0]?.total).toBe(77.5);
  });

  it('scores for unknown branches or indicators are ignored', () => {
    const model = buildModel({
      branches: ['A'],
      indicators: one,
      scores: [sc('A', '1.1', '甲', 80), sc('Z', '1.1', '甲', 10), sc('A', '9.9', '甲', 10)],
      settings: { roleWeights: new Map([['上级', 1]]) },
    });
    const r = computeResults(model).results[0];
    expect(r?.total).toBe(80);
    expect([...(r?.indicatorScores.keys() ?? [])]).toEqual(['1.1']);
  });
});
