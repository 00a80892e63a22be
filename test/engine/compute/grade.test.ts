import { describe, expect, it } from 'vitest';
import { computeResults } from '../../../engine/compute';
import { baseGrade, composeGrade, type AppliedEffect } from '../../../engine/compute/grade';
import type { Effect } from '../../../engine/model';
import { DEFAULTS } from '../../../engine/settings';
import { buildModel, byTotals, cap, force, sc, type ModelSpec } from './build';

const noQuota = { topGradeQuota: 1 };
const five = {
  gradeNames: ['优秀', '良好', '合格', '基本合格', '不合格'],
  gradeThresholds: [90, 85, 75, 60],
  topGradeQuota: 1,
};

describe('base grade (§5.1.1, §8 Numbers)', () => {
  it('bands 90/80/60', () => {
    expect([95, 90, 89.9, 80, 79.99, 60, 59.9, 0].map((t) => baseGrade(t, DEFAULTS))).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it('89.99999999999999 counts as 90 (compared at 6 decimals)', () => {
    expect(baseGrade(89.99999999999999, DEFAULTS)).toBe(0);
    expect(baseGrade(89.9999995, DEFAULTS)).toBe(0);
    expect(baseGrade(89.9999994, DEFAULTS)).toBe(1);
  });

  it('a float sum landing at 89.99999999999999 grades 好 through the whole run', () => {
    // 8.1 / 9 × 100 = 89.99999999999999 in binary floating point
    const model = buildModel({
      branches: ['A'],
      indicators: [{ id: '1.1', points: 9 }],
      scores: [sc('A', '1.1', '甲', 8.1)],
      settings: { roleWeights: new Map([['上级', 1]]), ...noQuota, dimensionPassRate: 0.9 },
    });
    const r = computeResults(model).results[0];
    expect(r?.total).toBe(89.99999999999999);
    expect(r?.baseGrade).toBe(0);
    expect(r?.dimensions[0]?.strong).toBe(true);
    expect(r?.redFlagFailures).toEqual([]);
  });

  it('custom grade names and bands', () => {
    const settings = { ...DEFAULTS, ...five };
    expect([92, 86, 80, 61, 10].map((t) => baseGrade(t, settings))).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('effects (§5.1.2, §8 Grades)', () => {
  it('a downward force beats a cap', () => {
    const model = byTotals({ A: 95 }, {
      vetoes: [{ branch: 'A', matter: '班子不团结', effect: cap(2) }, { branch: 'A', matter: '违纪', effect: force(3) }],
      settings: noQuota,
    });
    const r = computeResults(model).results[0];
    expect(r?.baseGrade).toBe(0);
    expect(r?.grade).toBe(3);
    expect(r?.reasons).toEqual([{ kind: 'veto', effect: force(3), matter: '违纪' }]);
    expect(r?.vetoed).toBe(true);
  });

  it('an upward force cannot lift above a cap', () => {
    const model = byTotals({ A: 50 }, {
      vetoes: [{ branch: 'A', matter: '整改到位', effect: force(1) }, { branch: 'A', matter: '通报', effect: cap(2) }],
      settings: noQuota,
    });
    const r = computeResults(model).results[0];
    expect(r?.baseGrade).toBe(3);
    expect(r?.grade).toBe(2);
    expect(r?.reasons).toEqual([
      { kind: 'veto', effect: force(1), matter: '整改到位' },
      { kind: 'veto', effect: cap(2), matter: '通报' },
    ]);
  });

  it('the lowest of several forces binds; caps above the forced grade do not', () => {
    const model = byTotals({ A: 85 }, {
      vetoes: [{ branch: 'A', matter: 'a', effect: force(2) }, { branch: 'A', matter: 'b', effect: force(3) }, { branch: 'A', matter: 'c', effect: cap(1) }],
      settings: noQuota,
    });
    const r = computeResults(model).results[0];
    expect(r?.grade).toBe(3);
    expect(r?.reasons).toEqual([{ kind: 'veto', effect: force(3), matter: 'b' }]);
  });

  it('a cap that does not move the grade is no reason but still a veto', () => {
    const r = computeResults(byTotals({ A: 70 }, { vetoes: [{ branch: 'A', matter: 'x', effect: cap(1) }], settings: noQuota })).results[0];
    expect(r?.grade).toBe(2);
    expect(r?.reasons).toEqual([]);
    expect(r?.vetoed).toBe(true);
  });

  it('直接定级 (定为<top>) sets the grade, is no veto, raises no gap', () => {
    const out = computeResults(byTotals({ A: 85 }, { vetoes: [{ branch: 'A', matter: '全国先进基层党组织', effect: force(0) }], settings: noQuota }));
    const r = out.results[0];
    expect(r?.baseGrade).toBe(1);
    expect(r?.grade).toBe(0);
    expect(r?.reasons).toEqual([{ kind: 'direct', grade: 0, matter: '全国先进基层党组织' }]);
    expect(r?.vetoed).toBe(false);
    expect(out.gaps).toEqual([]);
  });

  it('直接定级 is still capped and beaten by a downward force', () => {
    const capped = byTotals({ A: 85 }, {
      vetoes: [{ branch: 'A', matter: '先进', effect: force(0) }, { branch: 'A', matter: '通报', effect: cap(1) }],
      settings: noQuota,
    });
    const rc = computeResults(capped).results[0];
    expect(rc?.grade).toBe(1);
    expect(rc?.reasons).toEqual([{ kind: 'direct', grade: 0, matter: '先进' }, { kind: 'veto', effect: cap(1), matter: '通报' }]);
    const forced = byTotals({ A: 95 }, {
      vetoes: [{ branch: 'A', matter: '先进', effect: force(0) }, { branch: 'A', matter: '违纪', effect: force(3) }],
      settings: noQuota,
    });
    expect(computeResults(forced).results[0]?.grade).toBe(3);
  });

  it('a rubric veto triggers when score / 分值 < 预警线 at 6 decimals', () => {
    const run = (v: number) =>
      computeResults(
        buildModel({
          branches: ['A'],
          indicators: [{ id: '1.1', points: 90, alert: 0.6, veto: force(3) }, { id: '1.2', points: 10 }],
          scores: [sc('A', '1.1', '甲', v), sc('A', '1.2', '甲', 10)],
          settings: { roleWeights: new Map([['上级', 1]]), ...noQuota },
        }),
      ).results[0];
    const hit = run(53);
    expect(hit?.baseGrade).toBe(2);
    expect(hit?.grade).toBe(3);
    expect(hit?.reasons).toEqual([{ kind: 'rubricVeto', effect: force(3), indicator: '1.1', score: 53, threshold: 54 }]);
    expect(run(54)?.grade).toBe(2);
    expect(run(54)?.vetoed).toBe(false);
    // 53.99999999 / 90 = 0.59999999989 → 0.6 at 6 decimals: not below
    expect(run(53.99999999)?.vetoed).toBe(false);
  });

  it('a triggered rubric 定为X never lifts a lower grade, and binds like a bound after 否决 forces', () => {
    const run = (total: number, vetoes: ModelSpec['vetoes'] = []) =>
      computeResults(
        buildModel({
          branches: ['A'],
          indicators: [{ id: '1.1', points: 10, veto: force(2) }, { id: '1.2', points: 90 }],
          scores: [sc('A', '1.1', '甲', 0), sc('A', '1.2', '甲', total)],
          vetoes,
          settings: { roleWeights: new Map([['上级', 1]]), ...noQuota },
        }),
      ).results[0];
    // 总分 50: base 较差; 定为一般 would lift it
    expect(run(50)?.grade).toBe(3);
    expect(run(50)?.reasons).toEqual([]);
    // an upward 否决 force to 好 is bounded by the rubric veto
    const lifted = run(50, [{ branch: 'A', matter: '先进', effect: force(0) }]);
    expect(lifted?.grade).toBe(2);
    expect(lifted?.reasons).toEqual([
      { kind: 'direct', grade: 0, matter: '先进' },
      { kind: 'rubricVeto', effect: force(2), indicator: '1.1', score: 0, threshold: 6 },
    ]);
  });

  it('satisfaction gates are positional: cap at the second-lowest, force the lowest (custom names)', () => {
    const run = (satisfaction: number) =>
      computeResults(byTotals({ A: 95 }, { measures: { A: { satisfaction } }, settings: five })).results[0];
    const capped = run(0.8);
    expect(capped?.grade).toBe(3);
    expect(capped?.reasons).toEqual([{ kind: 'satisfactionCap', grade: 3, rate: 0.8, line: 0.9 }]);
    const forced = run(0.4);
    expect(forced?.grade).toBe(4);
    expect(forced?.reasons).toEqual([{ kind: 'satisfactionVeto', grade: 4, rate: 0.4, line: 0.5 }]);
    expect(run(0.9)?.grade).toBe(0);
    expect(run(0.8999999996)?.vetoed).toBe(false);
    expect(run(0.89999)?.vetoed).toBe(true);
  });

  it('default names: below 0.9 → 最高一般, below 0.5 → 定为较差', () => {
    const out = computeResults(byTotals({ A: 95, B: 95, C: 95 }, { measures: { A: { satisfaction: 0.89 }, B: { satisfaction: 0.49 } }, settings: noQuota }));
    expect(out.results.map((r) => r.grade)).toEqual([2, 3, 0]);
  });

  it('reasons list binding forces first (否决, rubric, direct, gates), then binding caps', () => {
    const e = (effect: Effect, matter: string): AppliedEffect => ({ effect, reason: { kind: 'veto', effect, matter }, veto: true, mayLift: true });
    expect(composeGrade(0, [e(cap(2), 'c1'), e(force(1), 'f1'), e(cap(2), 'c2'), e(force(1), 'f2')])).toEqual({
      grade: 2,
      reasons: [
        { kind: 'veto', effect: force(1), matter: 'f1' },
        { kind: 'veto', effect: force(1), matter: 'f2' },
        { kind: 'veto', effect: cap(2), matter: 'c1' },
        { kind: 'veto', effect: cap(2), matter: 'c2' },
      ],
    });
    expect(composeGrade(2, [e(force(2), 'same')])).toEqual({ grade: 2, reasons: [] });
  });
});
