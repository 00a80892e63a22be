import { describe, expect, it } from 'vitest';
import { computeResults } from '../../../engine/compute';
import { branchCell, buildModel, sc } from './build';

const weights = { roleWeights: new Map([['上级', 1]]), topGradeQuota: 1 };
const rubric = [
  { id: '1.1', dimension: 'X', points: 10 },
  { id: '1.2', dimension: 'X', points: 10 },
  { id: '1.3', dimension: 'Y', points: 10 },
];

describe('未评定 (§3.7, §8)', () => {
  it('one unscored 评分 indicator: blank cells listed, complete dimensions kept, everything graded blank', () => {
    const cells = [{ sheet: '评分-张三', row: 6, col: 4 }, { sheet: '评分-李四', row: 6, col: 4 }];
    const model = buildModel({
      branches: ['A', 'B'],
      indicators: rubric,
      scores: [sc('A', '1.1', '甲', 9), sc('A', '1.2', '甲', 9), sc('B', '1.1', '甲', 9), sc('B', '1.2', '甲', 9), sc('B', '1.3', '甲', 9)],
      wideBlanks: [{ branch: 'A', indicator: '1.3', cells }],
      settings: weights,
    });
    const out = computeResults(model);
    const a = out.results[0];
    expect(a?.missing).toEqual([{ kind: 'unscored', indicator: '1.3', cells }]);
    expect(a?.dimensions).toEqual([
      { name: 'X', points: 20, score: 18, rate: 0.9, strong: true },
      { name: 'Y', points: 10, score: null, rate: null, strong: null },
    ]);
    expect([a?.percent, a?.total, a?.rank, a?.unitRank, a?.strongCount, a?.allStrong, a?.baseGrade, a?.grade]).toEqual([
      null, null, null, null, null, null, null, null,
    ]);
    expect(a?.reasons).toEqual([]);
    expect(a?.redFlag).toBe(false);
    expect(a?.redFlagFailures).toEqual([{ kind: 'unrated' }]);
    expect(out.issues).toEqual([
      { code: 'BRANCH_UNRATED', severity: 'error', at: branchCell(0), params: { branch: 'A', missing: '评分-张三!E7, 评分-李四!E7', count: 2 } },
    ]);
    // B is alone in n: keep floor(1 × 1) = 1, rank 1
    expect(out.results[1]?.grade).toBe(0);
    expect(out.results[1]?.rank).toBe(1);
    expect(out.summary).toEqual({ gradeCounts: [1, 0, 0, 0, 1], unrated: 1, allStrong: 1, redFlag: 1, gaps: 0 });
  });

  it('long-form only: the 指标编号 is named; the first five and the count', () => {
    const ids = ['1', '2', '3', '4', '5', '6', '7'];
    const model = buildModel({ branches: ['A'], indicators: ids.map((id) => ({ id })), scores: [sc('A', '4', '甲', 5)], settings: weights });
    const out = computeResults(model);
    expect(out.issues).toEqual([
      { code: 'BRANCH_UNRATED', severity: 'error', at: branchCell(0), params: { branch: 'A', missing: '1, 2, 3, 5, 6', count: 6 } },
    ]);
  });

  it('no usable rubric: every branch 未评定, one issue each naming 指标', () => {
    const out = computeResults(buildModel({ branches: ['A', 'B'], indicators: [], rubricAvailable: false }));
    expect(out.results.map((r) => r.missing)).toEqual([[{ kind: 'rubric' }], [{ kind: 'rubric' }]]);
    expect(out.results.map((r) => r.grade)).toEqual([null, null]);
    expect(out.issues).toEqual([
      { code: 'BRANCH_UNRATED', severity: 'error', at: branchCell(0), params: { branch: 'A', missing: '指标', count: 1 } },
      { code: 'BRANCH_UNRATED', severity: 'error', at: branchCell(1), params: { branch: 'B', missing: '指标', count: 1 } },
    ]);
    expect(out.summary.gradeCounts).toEqual([0, 0, 0, 0, 2]);
  });

  it('a rubric with only 加分/扣分 rows grades nothing', () => {
    const out = computeResults(buildModel({ branches: ['A'], indicators: [{ id: 'B1', method: 'bonus' }], scores: [sc('A', 'B1', '甲', 3)], settings: weights }));
    expect(out.results[0]?.missing).toEqual([{ kind: 'rubric' }]);
    expect(out.results[0]?.bonus).toBe(3);
  });

  it('unrated and a ledger cell: both named, the unscored first in rubric order', () => {
    const model = buildModel({
      branches: ['A'],
      indicators: [
        { id: '1.1' },
        { id: '2.1', method: 'ledger', formula: { source: '党课', names: ['党课'], evaluate: (v) => v.get('党课') ?? Number.NaN } },
      ],
      ledger: { columns: ['支委会', '党课'], rows: { A: { 支委会: 1, 党课: null } } },
      settings: weights,
    });
    const issue = computeResults(model).issues.find((i) => i.code === 'BRANCH_UNRATED');
    expect(issue?.params).toEqual({ branch: 'A', missing: '1.1, 台账!C2', count: 2 });
  });
});
