/**
 * The sample through the whole engine: it must grade cleanly (no error issues) with a spread of
 * grades, so that demos, the benchmark and the add-in's 准备 step show every grade.
 */
import { describe, expect, it } from 'vitest';
import { runWorkbook, type Report } from '../../../engine';
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

  it('runs cleanly without 自评 and with few branches: only the 废票 warnings, one per kind per 20 branches', () => {
    for (const options of [{ branches: 30, selfRating: false, upperRaters: 3 }, { branches: 3 }, { branches: 1, upperRaters: 1 }]) {
      const r = runWorkbook(sampleWorkbook(options));
      expect(r.issues.filter((i) => i.code !== 'BALLOT_LEVEL_INVALID'), JSON.stringify(options)).toEqual([]);
      expect(r.issues.filter((i) => i.code === 'BALLOT_LEVEL_INVALID')).toHaveLength(3 * Math.floor(options.branches / 20));
      expect(r.summary.unrated).toBe(0);
    }
  });

  describe('ballots', () => {
    const rows = (name: string): Record<string, unknown>[] => {
      const sheet = report.outputs.find((o) => o.name === name);
      if (!sheet) throw new Error(`no output ${name}`);
      return sheet.rows.map((r) => Object.fromEntries(sheet.columns.map((c, i) => [c.header, r[i]])));
    };

    it('raises only 废票 warnings: no duplicate rater, no low turnout, no overlap', () => {
      const codes = new Set(report.issues.map((i) => i.code));
      expect([...codes]).toEqual(['BALLOT_LEVEL_INVALID']);
      expect(report.issues).toHaveLength(3 * Math.floor(255 / 20));
    });

    it('measures 满意率 and 好评率 for every branch: most ≥ 0.9, a few below so the gates bite, one below 0.5', () => {
      const rates = report.results.map((r) => r.satisfaction);
      expect(rates.every((x) => x !== null)).toBe(true);
      const below = rates.filter((x) => x !== null && x < 0.9).length;
      expect(below).toBeGreaterThanOrEqual(3);
      expect(below).toBeLessThanOrEqual(25);
      expect(rates.filter((x) => x !== null && x < 0.5).length).toBeGreaterThanOrEqual(1);
      // The gates move grades: a cap that lowered a branch from 好/较好, and a forced 较差.
      expect(report.results.some((r) => r.reasons.some((x) => x.kind === 'satisfactionCap') && r.baseGrade !== null && r.baseGrade < 2)).toBe(true);
      expect(report.results.some((r) => r.reasons.some((x) => x.kind === 'satisfactionVeto'))).toBe(true);
      expect(report.results.every((r) => r.goodRate !== null)).toBe(true);
    });

    it('writes 双述双评汇总 for every branch with a few 约谈提醒, and 满意度汇总 for every branch', () => {
      const review = rows('双述双评汇总');
      expect(review).toHaveLength(255);
      const interviews = review.filter((r) => r['约谈提醒'] === '是').length;
      expect(interviews).toBeGreaterThanOrEqual(1);
      expect(interviews).toBeLessThan(255 * 0.12);
      expect(new Set(review.map((r) => r['评议等次']))).toContain('好');
      expect(rows('满意度汇总')).toHaveLength(255);
    });

    it('appraises every member; about a fifth are suggested 优秀, a few branches exceed 1/3, a few members are flagged', () => {
      const appraisal = rows('民主评议汇总');
      const members = report.model.branches.reduce((n, b) => n + (b.members ?? 0), 0);
      expect(appraisal).toHaveLength(members);
      const excellent = appraisal.filter((r) => r['建议等次'] === '优秀').length / members;
      expect(excellent).toBeGreaterThan(0.1);
      expect(excellent).toBeLessThan(0.3);
      expect(appraisal.some((r) => r['建议等次'] === '基本合格' || r['建议等次'] === '不合格')).toBe(true);
      const over = report.gaps.filter((g) => g.type === '民主评议优秀超比例').length;
      expect(over).toBeGreaterThanOrEqual(1);
      expect(over).toBeLessThan(255 * 0.25);
    });

    it('gives the same rates and grades with every kind in 计票 form', () => {
      const options = { branches: 80, seed: 5 };
      const long = runWorkbook(sampleWorkbook(options));
      const counted = runWorkbook(sampleWorkbook({ ...options, ballotForms: { review: 'counted', satisfaction: 'counted', appraisal: 'counted' } }));
      expect(counted.issues).toEqual([]);
      const pick = (r: Report) => r.results.map((x) => [x.branch.id, x.satisfaction, x.goodRate, x.grade]);
      expect(pick(counted)).toEqual(pick(long));
    });
  });
});
