import { describe, expect, it } from 'vitest';
import { computeResults } from '../../../engine/compute';
import type { BranchResult, Gap } from '../../../engine/results';
import { branchCell, buildModel, byTotals, formula, member, members, sc, tally } from './build';

/** 满意度 ballots of one branch: 满意, 基本满意, 不满意, 不了解 from the 党员 group. */
const sat = (levels: readonly number[]) => ({ 党员: { '': levels } });
/** The same 双述双评 counts for both aspects from the 党员 group. */
const rev = (levels: readonly number[]) => ({ 党员: { 党建: levels, 业务: levels } });

function result(results: readonly BranchResult[], id: string): BranchResult {
  const r = results.find((x) => x.branch.id === id);
  if (!r) throw new Error(`no ${id}`);
  return r;
}

describe('满意率 from the ballots drives the satisfaction gates (§5.1, §8 Grades)', () => {
  const model = byTotals(
    { cap: 95, veto: 95, edge: 95, ok: 95 },
    {
      settings: { topGradeQuota: 1 },
      ballots: {
        satisfaction: tally('satisfaction', {
          cap: sat([17, 0, 3, 9]), // 0.85 (不了解 not in the denominator)
          veto: sat([2, 2, 6, 0]), // 0.4
          edge: sat([8, 1, 1, 5]), // exactly 0.9: not below
          ok: sat([19, 0, 1, 0]), // 0.95
        }),
      },
    },
  );
  const { results, gaps } = computeResults(model);

  it('< 满意率封顶线 caps at the second-lowest grade; < 满意率否决线 forces the lowest', () => {
    expect(results.map((r) => [r.branch.id, r.satisfaction, r.baseGrade, r.grade])).toEqual([
      ['cap', 0.85, 0, 2],
      ['veto', 0.4, 0, 3],
      ['edge', 0.9, 0, 0],
      ['ok', 0.95, 0, 0],
    ]);
    expect(result(results, 'cap').reasons).toEqual([{ kind: 'satisfactionCap', grade: 2, rate: 0.85, line: 0.9 }]);
    expect(result(results, 'veto').reasons).toEqual([{ kind: 'satisfactionVeto', grade: 3, rate: 0.4, line: 0.5 }]);
  });

  it('a triggered gate blocks 红旗候选 (veto and 满意率); 0.9 and above qualify', () => {
    expect(results.map((r) => r.redFlag)).toEqual([false, false, true, true]);
    expect(result(results, 'cap').redFlagFailures).toEqual([{ kind: 'grade', grade: 2 }, { kind: 'veto' }, { kind: 'satisfaction', rate: 0.85, line: 0.9 }]);
  });

  it('满意率偏低 with the derived rate and 满意率封顶线 as the standard', () => {
    const low = gaps.filter((g) => g.type === '满意率偏低').map((g) => [g.branch, g.item, g.unit, g.standard, g.actual]);
    expect(low).toEqual([
      ['cap', '满意率', 'ratio', 0.9, 0.85],
      ['veto', '满意率', 'ratio', 0.9, 0.4],
    ]);
    expect(gaps.find((g) => g.branch === 'cap')?.diff).toBeCloseTo(0.05, 12);
  });
});

describe('measures: derived values take precedence, given ones stay as a fallback', () => {
  it('ballots override model.measures; a branch without ballots keeps its given measure', () => {
    const model = byTotals(
      { A: 95, B: 95, C: 95 },
      {
        settings: { topGradeQuota: 1 },
        measures: { A: { satisfaction: 0.95, goodRate: 0.9 }, B: { satisfaction: 0.85, goodRate: 0.6 } },
        ballots: {
          satisfaction: tally('satisfaction', { A: sat([8, 0, 2, 0]) }),
          review: tally('review', { A: rev([3, 1, 1, 0]), C: rev([2, 0, 1, 1]) }),
        },
      },
    );
    const { results } = computeResults(model);
    expect(results.map((r) => [r.branch.id, r.satisfaction, r.goodRate])).toEqual([
      ['A', 0.8, 0.8],
      ['B', 0.85, 0.6],
      ['C', null, 0.5],
    ]);
    expect(results.map((r) => r.grade)).toEqual([2, 2, 0]);
  });
});

describe('quota order uses the derived 满意率 (§5.1.3, §8 Grades)', () => {
  it('equal 总分 and 强项数: 满意率 desc, unmeasured last', () => {
    const model = byTotals(
      { A: 95, B: 95, C: 95 },
      {
        settings: { topGradeQuota: 0.34 }, // floor(1.02) = 1 kept
        ballots: { satisfaction: tally('satisfaction', { A: sat([23, 0, 2, 0]), C: sat([24, 0, 1, 0]) }) }, // A 0.92, C 0.96, B unmeasured
      },
    );
    const { results } = computeResults(model);
    expect(results.map((r) => [r.branch.id, r.grade])).toEqual([
      ['A', 1],
      ['B', 1],
      ['C', 0],
    ]);
    const positions = results.map((r) => r.reasons.map((x) => (x.kind === 'quota' ? x.position : null)));
    expect(positions).toEqual([[2], [3], []]);
  });
});

describe('台账公式 variables 满意率 and 好评率 (§4, §8)', () => {
  const model = buildModel({
    branches: ['A', 'B'],
    indicators: [
      { id: '1.1', points: 80 },
      { id: '2.1', points: 10, method: 'ledger', formula: formula('满意率 * 分值', ['满意率', '分值'], (v) => v('满意率') * v('分值')) },
      { id: '2.2', points: 10, method: 'ledger', formula: formula('好评率 * 分值', ['好评率', '分值'], (v) => v('好评率') * v('分值')) },
    ],
    scores: [sc('A', '1.1', '甲', 72), sc('B', '1.1', '甲', 72)],
    settings: { roleWeights: new Map([['上级', 1]]) },
    ballots: {
      satisfaction: tally('satisfaction', { A: sat([7, 2, 1, 4]) }), // 0.9
      review: tally('review', { A: rev([3, 1, 1, 0]) }), // 0.8
    },
  });
  const { results, issues } = computeResults(model);

  it('a branch with ballots: 满意率 0.9 × 10 = 9, 好评率 0.8 × 10 = 8', () => {
    const a = result(results, 'A');
    expect(a.indicatorScores.get('2.1')).toBeCloseTo(9, 12);
    expect(a.indicatorScores.get('2.2')).toBeCloseTo(8, 12);
    expect(a.total).toBeCloseTo(89, 10);
  });

  it('a branch without those ballots is 未评定 with both measures missing', () => {
    const b = result(results, 'B');
    expect(b.grade).toBeNull();
    expect(b.missing).toEqual([
      { kind: 'measure', indicator: '2.1', name: '满意率' },
      { kind: 'measure', indicator: '2.2', name: '好评率' },
    ]);
    expect(issues.filter((i) => i.code === 'BRANCH_UNRATED').map((i) => i.at)).toEqual([branchCell(1)]);
  });
});

describe('ballot gaps: 书记评议预警 and 民主评议优秀超比例 (§5.3, §8 Gaps)', () => {
  const model = byTotals(
    { A: 50, B: 95, C: 95 },
    {
      branches: [{ id: 'A', previous: 3 }, 'B', 'C'],
      settings: { roleWeights: new Map([['上级', 1]]), topGradeQuota: 1 },
      ballots: {
        satisfaction: tally('satisfaction', { A: sat([17, 0, 3, 0]) }), // 0.85
        review: tally('review', {
          A: rev([3, 1, 3, 1]), // 好评率 0.5 (差评率 0.125)
          B: rev([15, 7, 0, 8]), // 好评率 22/30 ≥ 0.7; 差评率 8/30 ≥ 0.2
          C: rev([7, 1, 0, 2]), // 差评率 exactly 0.2
        }),
        appraisal: tally('appraisal', { a1: { '': { '': [6, 4, 0, 0] } }, a2: { '': { '': [6, 4, 0, 0] } }, a3: { '': { '': [0, 10, 0, 0] } } }),
        members: members([member('a1', 'A', 0), member('a2', 'A', 1), member('a3', 'A', 2)]),
      },
    },
  );
  const { gaps, ballots } = computeResults(model);
  const pick = (g: Gap) => [g.branch, g.type, g.item, g.unit, g.standard, g.actual];

  it('书记评议预警 by 好评率: 标准 约谈好评率线, 实际 好评率, 差距 标准 − 实际', () => {
    const a = gaps.filter((g) => g.branch === 'A' && g.type === '书记评议预警');
    expect(a.map(pick)).toEqual([['A', '书记评议预警', '双述双评', 'ratio', 0.7, 0.5]]);
    expect(a[0]?.diff).toBeCloseTo(0.2, 12);
  });

  it('书记评议预警 by 差评率 alone: 标准 约谈差评率线, 实际 差评率, 差距 实际 − 标准 (0 at the line)', () => {
    const bc = gaps.filter((g) => g.branch !== 'A' && g.type === '书记评议预警');
    expect(bc.map(pick)).toEqual([
      ['B', '书记评议预警', '双述双评', 'ratio', 0.2, 8 / 30],
      ['C', '书记评议预警', '双述双评', 'ratio', 0.2, 0.2],
    ]);
    expect(bc[0]?.diff).toBeCloseTo(8 / 30 - 0.2, 12);
    expect(bc[1]?.diff).toBeCloseTo(0, 12);
  });

  it('民主评议优秀超比例: 2 of 3 优秀 with 1/3 → 标准 1/3, 实际 2/3, 差距 1/3', () => {
    const g = gaps.filter((x) => x.type === '民主评议优秀超比例');
    expect(g.map(pick)).toEqual([['A', '民主评议优秀超比例', '民主评议', 'ratio', 1 / 3, 2 / 3]]);
    expect(g[0]?.diff).toBeCloseTo(1 / 3, 12);
  });

  it('gap types in §5.3 order: … 满意率偏低, 书记评议预警, 连续较差, 民主评议优秀超比例', () => {
    expect(gaps.filter((g) => g.branch === 'A').map((g) => g.type)).toEqual([
      '指标低于预警线',
      '维度未达强',
      '满意率偏低',
      '书记评议预警',
      '连续较差',
      '民主评议优秀超比例',
    ]);
  });

  it('the compute output carries the ballot results', () => {
    expect([...ballots.review.keys()]).toEqual(['A', 'B', 'C']);
    expect(ballots.review.get('C')?.interview).toBe(true);
    expect(ballots.appraisalByBranch.get('A')?.flag).toBe(true);
  });
});

describe('BALLOT_TURNOUT_LOW in the run', () => {
  it('is raised by computeResults at the branch cell', () => {
    const model = byTotals(
      { A: 95 },
      { branches: [{ id: 'A', members: 40 }], ballots: { review: tally('review', { A: rev([10, 5, 3, 1]) }) } },
    );
    const turnout = computeResults(model).issues.filter((i) => i.code === 'BALLOT_TURNOUT_LOW');
    expect(turnout.map((i) => [i.at, i.params])).toEqual([[branchCell(0), { branch: 'A', ballots: 19, members: 40 }]]);
  });
});
