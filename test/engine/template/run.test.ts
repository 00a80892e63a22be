/**
 * The sample through the whole engine: it must grade cleanly (no error issues) with a spread of
 * grades, so that demos, the benchmark and the add-in's 准备 step show every grade.
 */
import { describe, expect, it } from 'vitest';
import { runWorkbook } from '../../../engine';
import { sampleWorkbook } from '../../../engine/template';

describe('the sample through runWorkbook', () => {
  const report = runWorkbook(sampleWorkbook({ branches: 255 }));

  it('has no error issues and grades every branch', () => {
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(report.hasErrors).toBe(false);
    expect(report.results).toHaveLength(255);
    expect(report.summary.unrated).toBe(0);
  });

  it('reads the sample 参数 (year, 红旗总分线, 加分上限, partial 会议最低次数)', () => {
    const s = report.model.settings;
    expect(s.year).toBe('2026');
    expect(s.redFlagScoreLine).toBe(92);
    expect(s.bonusCap).toBe(3);
    expect(s.meetingMinimums.get('主题党日')).toBe(10);
    expect(s.meetingMinimums.get('支委会')).toBe(12);
  });

  it('spreads grades over 好, 较好, 一般 and 较差, with 好 above the quota before it applies', () => {
    const [good = 0, fair = 0, average = 0, poor = 0] = report.summary.gradeCounts;
    expect(good).toBeGreaterThan(0);
    expect(fair).toBeGreaterThan(0);
    expect(average).toBeGreaterThan(0);
    expect(poor).toBeGreaterThanOrEqual(1);
    expect(good).toBeLessThanOrEqual(Math.floor(0.3 * 255));
    const baseGood = report.results.filter((r) => r.baseGrade === 0).length;
    expect(baseGood / 255).toBeGreaterThan(0.33);
    expect(baseGood / 255).toBeLessThan(0.47);
    expect(report.results.some((r) => r.reasons.some((x) => x.kind === 'quota'))).toBe(true);
  });

  it('applies the sample vetoes: a 违纪 定为较差, a 软弱涣散 cap, a 直接定级 and a 连续较差', () => {
    const gradeOf = (matter: string): number | null | undefined => {
      const veto = report.model.vetoes.find((v) => v.matter.includes(matter));
      return report.results.find((r) => r.branch.id === veto?.branch)?.grade;
    };
    expect(gradeOf('违纪')).toBe(3);
    expect(gradeOf('软弱涣散')).toBeGreaterThanOrEqual(2);
    expect(gradeOf('样板支部')).toBe(0);
    expect(report.results.some((r) => r.reasons.some((x) => x.kind === 'veto' && x.effect.kind === 'cap'))).toBe(true);
    expect(report.results.some((r) => r.weak)).toBe(true);
    expect(report.results.some((r) => r.consecutivePoor)).toBe(true);
    expect(report.gaps.some((g) => g.type === '会议次数不足')).toBe(true);
  });

  it('grades the same in long and wide form', () => {
    const wide = runWorkbook(sampleWorkbook({ branches: 80, seed: 5, form: 'wide' }));
    const long = runWorkbook(sampleWorkbook({ branches: 80, seed: 5, form: 'long' }));
    expect(long.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(long.results.map((r) => [r.branch.id, r.total, r.grade])).toEqual(wide.results.map((r) => [r.branch.id, r.total, r.grade]));
  });

  it('runs cleanly without 自评 and with few branches', () => {
    for (const options of [{ branches: 30, selfRating: false, upperRaters: 3 }, { branches: 3 }, { branches: 1, upperRaters: 1 }]) {
      const r = runWorkbook(sampleWorkbook(options));
      expect(r.issues, JSON.stringify(options)).toEqual([]);
      expect(r.summary.unrated).toBe(0);
    }
  });
});
