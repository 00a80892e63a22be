/**
 * What the ballot sheets (双述双评汇总/分组, 满意度汇总, 民主评议汇总) share: the row order of branch
 * targets and the column specs of counts, rates and scores.
 */
import type { LevelStats } from '../ballots';
import type { Branch, Model } from '../model';
import type { OutputColumn } from '../output';
import { COUNT_FORMAT, percentFormat, scoreFormat } from './format';

/**
 * The branch targets of a tally in 支部 order; a target 支部 lacks (parse reports it and should
 * drop it) follows in the tally's own order, so no counted row is hidden.
 */
export function inBranchOrder<T>(model: Model, byBranch: ReadonlyMap<string, T>): [string, T][] {
  const out: [string, T][] = [];
  const seen = new Set<string>();
  for (const b of model.branches) {
    const v = byBranch.get(b.id);
    if (v !== undefined && !seen.has(b.id)) {
      out.push([b.id, v]);
      seen.add(b.id);
    }
  }
  for (const [id, v] of byBranch) if (!seen.has(id)) out.push([id, v]);
  return out;
}

/** The count of one level; 0 when the tally has fewer levels than the kind names. */
export function levelCount(counts: LevelStats, index: number): number {
  return counts.levels[index] ?? 0;
}

/** Widths of the id and branch-name columns, as in 评定结果. */
export const ID_COLUMN_WIDTH = 10;
export const NAME_COLUMN_WIDTH = 24;

/** 支部编号 / 党员编号: text, so `001` stays `001`. */
export function idColumn(header: string): OutputColumn {
  return { header, format: '@', width: ID_COLUMN_WIDTH };
}

/** A whole count (票数, 有效票, 废票). */
export function countColumn(header: string): OutputColumn {
  return { header, format: COUNT_FORMAT, width: Math.max(6, header.length * 2 + 2) };
}

/** A ratio rounded to 小数位数 + 2 and shown as a percent. */
export function rateColumn(header: string, decimals: number): OutputColumn {
  return { header, format: percentFormat(decimals), width: Math.max(9, header.length * 2 + 2) };
}

/** A score rounded to 小数位数. */
export function scoreColumn(header: string, decimals: number): OutputColumn {
  return { header, format: scoreFormat(decimals), width: Math.max(9, header.length * 2 + 2) };
}

/** 支部 by 支部编号 (the first row of an id, as parse keeps it). */
export function branchIndex(model: Model): ReadonlyMap<string, Branch> {
  const out = new Map<string, Branch>();
  for (const b of model.branches) if (!out.has(b.id)) out.set(b.id, b);
  return out;
}
