/**
 * 排名 and 单位排名 (workbook.md §8 Numbers): competition ranking on 总分 at 6 decimals.
 */
import { round6 } from '../numeric';

export interface Rankable {
  readonly id: string;
  readonly unit: string;
  readonly total: number;
}

export interface Ranks {
  readonly rank: ReadonlyMap<string, number>;
  readonly unitRank: ReadonlyMap<string, number>;
}

/**
 * rank = 1 + the number of entries with a higher round6(总分): 95, 90, 89.99999999999999, 80 → 1, 2, 2, 4.
 * 单位排名 is the same within each 所属党委. Only graded branches are passed in.
 */
export function rankBranches(entries: readonly Rankable[]): Ranks {
  const byUnit = new Map<string, Rankable[]>();
  for (const e of entries) {
    const list = byUnit.get(e.unit);
    if (list) list.push(e);
    else byUnit.set(e.unit, [e]);
  }
  const unitRank = new Map<string, number>();
  for (const list of byUnit.values()) for (const [id, r] of competitionRanks(list)) unitRank.set(id, r);
  return { rank: competitionRanks(entries), unitRank };
}

function competitionRanks(entries: readonly Rankable[]): Map<string, number> {
  const sorted = entries.map((e) => ({ id: e.id, key: round6(e.total) })).sort((a, b) => b.key - a.key);
  const out = new Map<string, number>();
  sorted.forEach((e, i) => {
    const prev = i > 0 ? sorted[i - 1] : undefined;
    const prevRank = prev ? out.get(prev.id) : undefined;
    out.set(e.id, prev && prevRank !== undefined && prev.key === e.key ? prevRank : i + 1);
  });
  return out;
}
