import { describe, expect, it } from 'vitest';
import { computeResults } from '../../../engine/compute';
import { rankBranches } from '../../../engine/compute/rank';
import { buildModel, sc } from './build';

describe('排名 and 单位排名 (§8 Numbers)', () => {
  it('1, 2, 2, 4 with ties at 6 decimals', () => {
    const ranks = rankBranches([
      { id: 'A', unit: 'u', total: 80 },
      { id: 'B', unit: 'u', total: 95 },
      { id: 'C', unit: 'u', total: 90 },
      { id: 'D', unit: 'u', total: 89.99999999999999 },
    ]);
    expect(['B', 'C', 'D', 'A'].map((id) => ranks.rank.get(id))).toEqual([1, 2, 2, 4]);
  });

  it('单位排名 within 所属党委; 未评定 has no rank and is not counted', () => {
    const model = buildModel({
      branches: [{ id: 'A', unit: '甲' }, { id: 'B', unit: '乙' }, { id: 'C', unit: '甲' }, { id: 'D', unit: '乙' }, { id: 'U', unit: '甲' }],
      indicators: [{ id: '1.1', points: 100 }],
      scores: [sc('A', '1.1', '甲', 70), sc('B', '1.1', '甲', 90), sc('C', '1.1', '甲', 85), sc('D', '1.1', '甲', 90)],
      settings: { roleWeights: new Map([['上级', 1]]) },
    });
    const out = computeResults(model);
    expect(out.results.map((r) => r.rank)).toEqual([4, 1, 3, 1, null]);
    expect(out.results.map((r) => r.unitRank)).toEqual([2, 1, 1, 1, null]);
  });
});
