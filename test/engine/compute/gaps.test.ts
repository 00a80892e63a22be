import { describe, expect, it } from 'vitest';
import { computeResults } from '../../../engine/compute';
import { requiredMeetings } from '../../../engine/compute/gaps';
import type { Branch } from '../../../engine/model';
import type { Gap } from '../../../engine/results';
import { buildModel, cap, force, sc } from './build';

const weights = { roleWeights: new Map([['上级', 1]]), topGradeQuota: 1 };
const branchWith = (groups: number, months: number) => ({ groups, months }) as Branch;

function gap(partial: Partial<Gap> & Pick<Gap, 'branch' | 'type' | 'item'>): Gap {
  return { unit: 'none', standard: null, actual: null, diff: null, advice: null, detail: '', ...partial };
}

describe('指标低于预警线 and 维度未达强 (§5.3, §8 Gaps)', () => {
  const model = buildModel({
    branches: ['A'],
    indicators: [
      { id: '1.1', dimension: '组织队伍强', points: 10, item: '支委班子健全', advice: '补齐支委' },
      { id: '1.2', dimension: '组织队伍强', points: 10, group: '队伍建设', alert: 0.8 },
      { id: '2.1', dimension: '制度机制强', points: 20 },
    ],
    scores: [sc('A', '1.1', '甲', 5), sc('A', '1.2', '甲', 7.9), sc('A', '2.1', '甲', 12)],
    settings: weights,
  });
  const gaps = computeResults(model).gaps;

  it('indicator gaps: 标准 = 预警线 × 分值, 差距 = 标准 − 实际; 12/20 = 0.6 is not below', () => {
    expect(gaps.filter((g) => g.type === '指标低于预警线')).toEqual([
      gap({ branch: 'A', type: '指标低于预警线', item: '1.1', unit: 'points', standard: 6, actual: 5, diff: 1, advice: '补齐支委', detail: '支委班子健全' }),
      gap({ branch: 'A', type: '指标低于预警线', item: '1.2', unit: 'points', standard: 8, actual: 7.9, diff: 8 - 7.9, detail: '队伍建设' }),
    ]);
  });

  it('dimension gaps: 标准 = 维度达标线 × 分值', () => {
    expect(gaps.filter((g) => g.type === '维度未达强')).toEqual([
      gap({ branch: 'A', type: '维度未达强', item: '组织队伍强', unit: 'points', standard: 16, actual: 12.9, diff: 16 - 12.9 }),
      gap({ branch: 'A', type: '维度未达强', item: '制度机制强', unit: 'points', standard: 16, actual: 12, diff: 4 }),
    ]);
  });
});

describe('会议次数不足 (§5.3)', () => {
  it('minimum pro-rated by 运行月数: ceil(min × months / 12)', () => {
    expect(requiredMeetings('支委会', 12, branchWith(0, 6))).toBe(6);
    expect(requiredMeetings('党课', 4, branchWith(0, 7))).toBe(3);
    expect(requiredMeetings('组织生活会', 1, branchWith(0, 1))).toBe(1);
    expect(requiredMeetings('党小组会', 12, branchWith(0, 12))).toBe(0);
    expect(requiredMeetings('党小组会', 12, branchWith(3, 12))).toBe(36);
    expect(requiredMeetings('党小组会', 12, branchWith(3, 6))).toBe(18);
  });

  function meetingGaps(branch: { id: string; groups?: number; months?: number }, row: Record<string, number | null>, columns = Object.keys(row)) {
    const model = buildModel({
      branches: [branch],
      indicators: [{ id: '1.1', points: 10 }],
      scores: [sc(branch.id, '1.1', '甲', 10)],
      ledger: { columns, rows: { [branch.id]: row } },
      settings: weights,
    });
    return computeResults(model).gaps.filter((g) => g.type === '会议次数不足');
  }

  it('运行月数 6: 支委会 5 of 6 is a gap, 6 is not', () => {
    expect(meetingGaps({ id: 'A', months: 6 }, { 支委会: 5 })).toEqual([
      gap({ branch: 'A', type: '会议次数不足', item: '支委会', unit: 'count', standard: 6, actual: 5, diff: 1 }),
    ]);
    expect(meetingGaps({ id: 'A', months: 6 }, { 支委会: 6 })).toEqual([]);
  });

  it('党小组会: not required with 0 groups; 12 × 3 with 3 groups', () => {
    expect(meetingGaps({ id: 'A', groups: 0 }, { 党小组会: 0 })).toEqual([]);
    expect(meetingGaps({ id: 'A', groups: 3 }, { 党小组会: 30 })).toEqual([
      gap({ branch: 'A', type: '会议次数不足', item: '党小组会', unit: 'count', standard: 36, actual: 30, diff: 6 }),
    ]);
  });

  it('every meeting in settings order; blank counts and non-meeting columns raise nothing', () => {
    const gaps = meetingGaps({ id: 'A' }, { 民主评议党员: 0, 党课: 3, 支部党员大会: null, 志愿服务: 0, 主题党日: 12 });
    expect(gaps.map((g) => [g.item, g.standard, g.actual])).toEqual([
      ['党课', 4, 3],
      ['民主评议党员', 1, 0],
    ]);
  });

  it('a partial 会议最低次数 override is what settings hold', () => {
    const model = buildModel({
      branches: ['A'],
      indicators: [{ id: '1.1', points: 10 }],
      scores: [sc('A', '1.1', '甲', 10)],
      ledger: { columns: ['党课'], rows: { A: { 党课: 3 } } },
      settings: { ...weights, meetingMinimums: new Map([['党课', 2]]) },
    });
    expect(computeResults(model).gaps).toEqual([]);
  });

  it('no ledger row: no meeting gaps', () => {
    expect(meetingGaps({ id: 'A' }, {}, ['支委会'])).toEqual([]);
  });
});

describe('否决事项 and 满意率偏低 (§5.3, §8 Gaps)', () => {
  it('one gap per 否决 veto row (not 直接定级), item = 事项, detail = the effect', () => {
    const model = buildModel({
      branches: ['A'],
      indicators: [{ id: '1.1', points: 10, veto: force(3) }],
      scores: [sc('A', '1.1', '甲', 5)],
      vetoes: [
        { branch: 'A', matter: '违规违纪', effect: force(3) },
        { branch: 'A', matter: '先进集体', effect: force(0) },
        { branch: 'A', matter: '整改不力', effect: cap(2) },
      ],
      settings: weights,
    });
    const gaps = computeResults(model).gaps;
    // the triggered rubric veto shows in its indicator's gap only
    expect(gaps.map((g) => [g.type, g.item, g.detail])).toEqual([
      ['指标低于预警线', '1.1', ''],
      ['维度未达强', '组织队伍强', ''],
      ['否决事项', '违规违纪', '定为较差'],
      ['否决事项', '整改不力', '最高一般'],
    ]);
  });

  it('满意率 below 满意率封顶线 (ratio)', () => {
    const model = buildModel({
      branches: ['A', 'B', 'C'],
      indicators: [{ id: '1.1', points: 10 }],
      scores: ['A', 'B', 'C'].map((b) => sc(b, '1.1', '甲', 10)),
      measures: { A: { satisfaction: 0.85 }, B: { satisfaction: 0.9 } },
      settings: weights,
    });
    const gaps = computeResults(model).gaps;
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ branch: 'A', type: '满意率偏低', item: '满意率', unit: 'ratio', standard: 0.9, actual: 0.85 });
    expect(gaps[0]?.diff).toBeCloseTo(0.05, 12);
  });
});

describe('gap order and 未评定 branches', () => {
  it('branches in 支部 order, then §5.3 type order, then rubric order', () => {
    const model = buildModel({
      branches: [{ id: 'B', previous: 3 }, 'A'],
      indicators: [{ id: '2', points: 10 }, { id: '1', points: 10 }],
      scores: [sc('B', '2', '甲', 1), sc('B', '1', '甲', 1), sc('A', '2', '甲', 5)],
      ledger: { columns: ['支委会'], rows: { B: { 支委会: 1 }, A: { 支委会: 1 } } },
      vetoes: [{ branch: 'B', matter: 'm', effect: cap(2) }],
      measures: { B: { satisfaction: 0.1 } },
      settings: weights,
    });
    const out = computeResults(model);
    expect(out.gaps.map((g) => `${g.branch} ${g.type} ${g.item}`)).toEqual([
      'B 指标低于预警线 2',
      'B 指标低于预警线 1',
      'B 维度未达强 组织队伍强',
      'B 会议次数不足 支委会',
      'B 否决事项 m',
      'B 满意率偏低 满意率',
      'B 连续较差 等次',
      // A is 未评定 (1 unscored) but its complete data still raises gaps
      'A 指标低于预警线 2',
      'A 会议次数不足 支委会',
    ]);
    expect(out.results[1]?.grade).toBeNull();
    expect(out.summary.gaps).toBe(9);
  });
});
