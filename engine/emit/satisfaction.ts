/**
 * 满意度汇总 (workbook.md §5.4, §8 Ballots, §8 Output columns): one row per branch with 满意度
 * ballots, in 支部 order. 不了解 is a valid ballot but not a vote, so 有效票 = 满意 + 基本满意 + 不满意
 * and 满意率 = (满意 + 基本满意) / 有效票: 满意 6, 基本满意 2, 不满意 2, 不了解 5 → 8 / 10 = 80%.
 * Written only when the workbook has 满意度 ballots.
 */
import { BALLOT_LEVELS } from '../ballots';
import type { OutputColumn, OutputSheet, OutputValue } from '../output';
import { branchIndex, countColumn, idColumn, inBranchOrder, levelCount, NAME_COLUMN_WIDTH, rateColumn, scoreColumn } from './ballot-common';
import type { EmitContext } from './context';
import { roundRatio, roundScore } from './format';

export const SATISFACTION_SHEET = '满意度汇总';

/** The 满意度汇总 sheet. */
export function emitSatisfaction(ctx: EmitContext): OutputSheet | null {
  if (ctx.model.ballots.satisfaction === null) return null;
  const d = ctx.settings.decimals;
  const branches = branchIndex(ctx.model);
  const levels = BALLOT_LEVELS.satisfaction;
  const columns: OutputColumn[] = [
    idColumn('支部编号'),
    { header: '支部名称', width: NAME_COLUMN_WIDTH },
    ...levels.map((l) => countColumn(l)),
    countColumn('废票'),
    countColumn('有效票'),
    rateColumn('满意率', d),
    scoreColumn('满意度得分', d),
  ];
  const rows = inBranchOrder(ctx.model, ctx.ballots.satisfaction).map(([id, r]): OutputValue[] => [
    id,
    branches.get(id)?.name ?? null,
    ...levels.map((_, i) => levelCount(r.counts, i)),
    r.counts.invalid,
    r.counts.valid,
    roundRatio(r.rate, d),
    roundScore(r.score, d),
  ]);
  return { name: SATISFACTION_SHEET, tableName: 'BR_Satisfaction', columns, rows, freezeColumns: 2, highlights: [] };
}
