import { describe, expect, it } from 'vitest';
import type { Issue } from '../../../engine/issues';
import { parseSettings } from '../../../engine/parse/settings';
import type { Scalar } from '../../../engine/raw';
import { DEFAULTS } from '../../../engine/settings';
import { err, sheet } from './helpers';

function parse(rows: Scalar[][]) {
  const issues: Issue[] = [];
  const settings = parseSettings(sheet('参数', [['参数', '值', '说明'], ...rows]), issues);
  return { settings, issues };
}
const cell = (row: number, col: number) => ({ sheet: '参数', row, col });

describe('参数', () => {
  it('keeps every default when the sheet is absent or empty of keys', () => {
    expect(parseSettings(undefined, [])).toEqual(DEFAULTS);
    const { settings, issues } = parse([['等次名称', null, '留空用默认']]);
    expect(settings).toEqual(DEFAULTS);
    expect(issues).toEqual([]);
  });

  it('reads every format the template writes and the variants people type', () => {
    const { settings, issues } = parse([
      ['等次名称', '优秀，良好、合格 不合格'],
      ['等次分数线', '９０, 75；60'],
      ['最高等次比例上限', '35%'],
      ['比例控制范围', '所属党委'],
      ['去极值最少人数', 5],
      ['维度达标线', 0.75],
      ['预警线', '1/2'],
      ['加分上限', '3分'],
      ['满意率封顶线', '85%'],
      ['民主评议优秀比例上限', '1/4'],
      ['红旗总分线', 92],
      ['小数位数', '1'],
      ['评定年度', 2026],
      ['评议等次名称', '好,较好,一般,差'],
      ['评议等次分数线', '85,70,55'],
    ]);
    expect(issues).toEqual([]);
    expect(settings.gradeNames).toEqual(['优秀', '良好', '合格', '不合格']);
    expect(settings.gradeThresholds).toEqual([90, 75, 60]);
    expect(settings.topGradeQuota).toBeCloseTo(0.35, 12);
    expect(settings.quotaScope).toBe('unit');
    expect(settings.trimMinRaters).toBe(5);
    expect(settings.dimensionPassRate).toBe(0.75);
    expect(settings.alertRatio).toBe(0.5);
    expect(settings.bonusCap).toBe(3);
    expect(settings.satisfactionCapLine).toBeCloseTo(0.85, 12);
    expect(settings.appraisalExcellentCap).toBe(0.25);
    expect(settings.redFlagScoreLine).toBe(92);
    expect(settings.decimals).toBe(1);
    expect(settings.year).toBe('2026');
    expect(settings.reviewGradeThresholds).toEqual([85, 70, 55]);
  });

  it('overrides only the keys a partial map names', () => {
    const { settings, issues } = parse([
      ['会议最低次数', '党课=2'],
      ['评分人类别权重', '上级＝70%，自评：0.3, 群众 = 0.1'],
      ['双述双评赋值', '差=30'],
      ['双述双评评议人权重', '群众=0.2'],
    ]);
    expect(issues).toEqual([]);
    expect([...settings.meetingMinimums]).toEqual([...DEFAULTS.meetingMinimums].map(([k, v]) => [k, k === '党课' ? 2 : v]));
    expect([...settings.roleWeights.entries()].map(([k, v]) => [k, Number(v.toFixed(6))])).toEqual([
      ['上级', 0.7],
      ['自评', 0.3],
      ['群众', 0.1],
    ]);
    expect(settings.reviewValues.get('差')).toBe(30);
    expect(settings.reviewValues.get('好')).toBe(100);
    expect(settings.reviewGroupWeights.get('群众')).toBe(0.2);
    expect(settings.reviewGroupWeights.get('党员')).toBe(0.6);
  });

  it('reports unreadable values on the value cell and keeps the default', () => {
    const { settings, issues } = parse([
      ['最高等次比例上限', '1.5'],
      ['比例控制范围', '学院'],
      ['去极值最少人数', 2],
      ['小数位数', 7],
      ['会议最低次数', '党课 两次'],
      ['双述双评赋值', '优=100'],
      ['党建业务权重', '党建=0,业务=0'],
      ['预警线', true],
      ['加分上限', err('#REF!')],
    ]);
    const invalid = issues.filter((i) => i.code === 'SETTING_INVALID');
    expect(invalid.map((i) => i.at)).toEqual([cell(1, 1), cell(2, 1), cell(3, 1), cell(4, 1), cell(5, 1), cell(6, 1), cell(7, 1), cell(8, 1)]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'SETTING_INVALID', at: cell(2, 1), params: { key: '比例控制范围', value: '学院', expected: '全部 / 所属党委' } }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'CELL_ERROR_VALUE', at: cell(9, 1) }));
    expect(settings).toEqual(DEFAULTS);
  });

  it('falls back for grade names and bands together when their lengths disagree', () => {
    const names = parse([['等次名称', '优秀,良好,合格,基本合格,不合格']]);
    expect(names.issues).toContainEqual(expect.objectContaining({ code: 'SETTING_INVALID', at: cell(1, 1), params: expect.objectContaining({ key: '等次名称' }) }));
    expect(names.settings.gradeNames).toEqual(DEFAULTS.gradeNames);

    const both = parse([
      ['等次名称', '优秀,良好,合格,基本合格,不合格'],
      ['等次分数线', '90,80,60'],
    ]);
    expect(both.issues).toContainEqual(expect.objectContaining({ code: 'SETTING_INVALID', at: cell(2, 1), params: expect.objectContaining({ key: '等次分数线' }) }));
    expect(both.settings.gradeNames).toEqual(DEFAULTS.gradeNames);
    expect(both.settings.gradeThresholds).toEqual(DEFAULTS.gradeThresholds);

    const ascending = parse([['等次分数线', '60,80,90']]);
    expect(ascending.issues).toContainEqual(expect.objectContaining({ code: 'SETTING_INVALID', at: cell(1, 1) }));
    expect(ascending.settings.gradeThresholds).toEqual(DEFAULTS.gradeThresholds);

    const ok = parse([
      ['等次名称', '优秀,良好,合格,基本合格,不合格'],
      ['等次分数线', '90,80,70,60'],
    ]);
    expect(ok.issues).toEqual([]);
    expect(ok.settings.gradeThresholds).toEqual([90, 80, 70, 60]);
  });

  it('warns on unknown and repeated keys; matches keys after normalisation', () => {
    const { settings, issues } = parse([
      ['红旗分数线', 95],
      [' 加分上限 ', 4],
      ['加分上限', 6],
      [null, 3],
    ]);
    expect(settings.bonusCap).toBe(4);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'SETTING_UNKNOWN', severity: 'warning', at: cell(1, 0), params: { key: '红旗分数线' } }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'SETTING_DUPLICATE', at: cell(3, 0), params: { key: '加分上限', first: 'A3' } }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'KEY_MISSING', at: cell(4, 0) }));
  });

  it('accepts the English aliases of the columns', () => {
    const issues: Issue[] = [];
    const settings = parseSettings(sheet('Settings', [['Key', 'Value'], ['加分上限', 2]]), issues);
    expect(settings.bonusCap).toBe(2);
    expect(issues).toEqual([]);
  });
});
