import { describe, expect, it } from 'vitest';
import { computeResults } from '../../../engine/compute';
import type { ModelSpec } from './build';
import { buildModel, cap, force, sc } from './build';

/** Two dimensions X (90 points) and Y (10 points); one branch A scoring x and y. */
function run(x: number, y: number, extra: Partial<ModelSpec> = {}) {
  const model = buildModel({
    branches: [{ id: 'A', ...(extra.branches?.[0] as object) }],
    indicators: [{ id: 'x', dimension: 'X', points: 90 }, { id: 'y', dimension: 'Y', points: 10 }],
    scores: [sc('A', 'x', '甲', x), sc('A', 'y', '甲', y)],
    ...(extra.vetoes ? { vetoes: extra.vetoes } : {}),
    ...(extra.measures ? { measures: extra.measures } : {}),
    settings: { roleWeights: new Map([['上级', 1]]), topGradeQuota: 1, ...extra.settings },
  });
  return computeResults(model);
}

describe('六强 and 红旗候选 (§5.2)', () => {
  it('a 红旗候选: every condition met', () => {
    const r = run(86, 9, { branches: [{ id: 'A', previous: 0 }], measures: { A: { satisfaction: 0.9 } } }).results[0];
    expect(r?.strongCount).toBe(2);
    expect(r?.allStrong).toBe(true);
    expect(r?.redFlag).toBe(true);
    expect(r?.redFlagFailures).toEqual([]);
  });

  it('not 六强达标', () => {
    const r = run(90, 5).results[0];
    expect(r?.total).toBe(95);
    expect(r?.strongCount).toBe(1);
    expect(r?.redFlagFailures).toEqual([{ kind: 'notAllStrong', weak: ['Y'] }]);
  });

  it('总分 below 红旗总分线', () => {
    const r = run(84, 9, { settings: { redFlagScoreLine: 95 } }).results[0];
    expect(r?.redFlagFailures).toEqual([{ kind: 'score', total: 93, line: 95 }]);
  });

  it('final grade not the top (the quota dropped it)', () => {
    const r = run(86, 9, { settings: { topGradeQuota: 0.5 } }).results[0];
    expect(r?.redFlagFailures).toEqual([{ kind: 'grade', grade: 1 }]);
  });

  it('a veto that did not move the grade still fails 红旗候选', () => {
    const r = run(86, 9, { vetoes: [{ branch: 'A', matter: '提醒', effect: cap(0) }] }).results[0];
    expect(r?.grade).toBe(0);
    expect(r?.redFlagFailures).toEqual([{ kind: 'veto' }]);
  });

  it('直接定级 is not a veto', () => {
    const r = run(86, 9, { vetoes: [{ branch: 'A', matter: '全国先进', effect: force(0) }] }).results[0];
    expect(r?.redFlag).toBe(true);
  });

  it('满意率 below 满意率封顶线: the gate (veto), the grade and the satisfaction all fail', () => {
    const r = run(86, 9, { measures: { A: { satisfaction: 0.85 } } }).results[0];
    expect(r?.redFlagFailures).toEqual([{ kind: 'grade', grade: 2 }, { kind: 'veto' }, { kind: 'satisfaction', rate: 0.85, line: 0.9 }]);
  });

  it('上年等次 not the top', () => {
    const r = run(86, 9, { branches: [{ id: 'A', previous: 1 }] }).results[0];
    expect(r?.redFlagFailures).toEqual([{ kind: 'previous', grade: 1 }]);
  });

  it('every failed condition is listed', () => {
    const r = run(70, 5, { branches: [{ id: 'A', previous: 2 }], vetoes: [{ branch: 'A', matter: 'v', effect: cap(2) }], measures: { A: { satisfaction: 0.8 } } }).results[0];
    expect(r?.redFlagFailures).toEqual([
      { kind: 'notAllStrong', weak: ['X', 'Y'] },
      { kind: 'score', total: 75, line: 90 },
      { kind: 'grade', grade: 2 },
      { kind: 'veto' },
      { kind: 'satisfaction', rate: 0.8, line: 0.9 },
      { kind: 'previous', grade: 2 },
    ]);
  });

  it('软弱涣散 from a 否决 row', () => {
    const r = run(86, 9, { vetoes: [{ branch: 'A', matter: '软弱涣散', effect: force(3), weak: true }] }).results[0];
    expect(r?.weak).toBe(true);
    expect(run(86, 9).results[0]?.weak).toBe(false);
  });
});

describe('连续较差 (§5.2)', () => {
  it('上年 and 本年 both the lowest: flag and gap', () => {
    const out = run(40, 5, { branches: [{ id: 'A', previous: 3 }] });
    expect(out.results[0]?.grade).toBe(3);
    expect(out.results[0]?.consecutivePoor).toBe(true);
    expect(out.gaps.filter((g) => g.type === '连续较差')).toEqual([
      { branch: 'A', type: '连续较差', item: '等次', unit: 'none', standard: null, actual: null, diff: null, advice: null, detail: '较差' },
    ]);
  });

  it('not when this year is better, nor when 上年 is not given', () => {
    expect(run(60, 5, { branches: [{ id: 'A', previous: 3 }] }).results[0]?.consecutivePoor).toBe(false);
    expect(run(40, 5).results[0]?.consecutivePoor).toBe(false);
  });

  it('positional with custom grade names', () => {
    const settings = { gradeNames: ['优', '良', '中', '差', '劣'], gradeThresholds: [90, 80, 70, 60] };
    const out = run(40, 5, { branches: [{ id: 'A', previous: 4 }], settings });
    expect(out.results[0]?.consecutivePoor).toBe(true);
    expect(out.gaps.find((g) => g.type === '连续较差')?.detail).toBe('劣');
    expect(run(40, 5, { branches: [{ id: 'A', previous: 3 }], settings }).results[0]?.consecutivePoor).toBe(false);
  });
});
