/**
 * 评分一致性 (issue #5): one row per rater (scorer) of 评分 indicators, with Kendall's W per role in a
 * block above the table. Diagnostics only: nothing here feeds a grade. Rater names appear by design
 * (the office checks its own evaluators); 测评 ballot raters are never named, here or anywhere.
 */
import { renderConcordance } from '../messages';
import type { OutputColumn, OutputSheet, OutputValue } from '../output';
import type { EmitContext } from './context';
import { COUNT_FORMAT, percentFormat, roundRatio, roundScore, scoreFormat, yesNo } from './format';

export const CONSISTENCY_SHEET = '评分一致性';

/** 偏离提示 values, as the contract writes flags: in Chinese whatever the locale. */
export const FLAG_LABEL = { high: '偏高', low: '偏低' } as const;

/** z is a statistic, not a score: two decimals whatever 小数位数 says. */
const Z_DECIMALS = 2;
const Z_FORMAT = '0.00';
/** W in [0, 1]: three decimals (0.162). */
const W_DECIMALS = 3;

/** Title and header of the W block above the table. */
export const CONCORDANCE_TITLE = '各评分人类别的评分一致性（Kendall 协调系数 W）';
export const CONCORDANCE_HEADER = ['评分人类别', '评分人数', '支部数', 'W', '说明'] as const;

/** The 评分一致性 sheet; null when compute gave no consistency or no rater scored a 评分 indicator. */
export function emitConsistency(ctx: EmitContext): OutputSheet | null {
  const c = ctx.consistency;
  if (c === undefined || c.raters.length === 0) return null;
  const d = ctx.settings.decimals;
  const score = scoreFormat(d);
  const columns: OutputColumn[] = [
    { header: '评分人类别', width: 10 },
    { header: '评分人', width: 12 },
    { header: '评分支部数', format: COUNT_FORMAT, width: 10 },
    { header: '比较单元格数', format: COUNT_FORMAT, width: 12 },
    { header: '平均偏差', format: score, width: 10 },
    { header: '平均绝对偏差', format: score, width: 12 },
    { header: '相对偏差', format: percentFormat(d), width: 10 },
    { header: 'z 值', format: Z_FORMAT, width: 8 },
    { header: '偏离提示', width: 9 },
    { header: '打分无差异', width: 10 },
  ];
  const rows = c.raters.map((r): OutputValue[] => [
    r.role,
    r.rater,
    r.branches,
    r.cells,
    roundScore(r.meanDeviation, d),
    roundScore(r.meanAbsDeviation, d),
    roundRatio(r.relativeDeviation, d),
    roundScore(r.z, Z_DECIMALS),
    r.flag === null ? null : FLAG_LABEL[r.flag],
    yesNo(r.constant),
  ]);
  const block: OutputValue[][] = c.concordance.map((k) => [
    k.role,
    k.raters,
    k.branches,
    roundScore(k.w, W_DECIMALS),
    renderConcordance(k.status, k.excluded, ctx.locale),
  ]);
  return {
    name: CONSISTENCY_SHEET,
    tableName: 'BR_Consistency',
    preamble: [[CONCORDANCE_TITLE], [...CONCORDANCE_HEADER], ...block, []],
    columns,
    rows,
    freezeColumns: 2,
    highlights: [
      { column: '偏离提示', equals: FLAG_LABEL.high, style: 'warn' },
      { column: '偏离提示', equals: FLAG_LABEL.low, style: 'warn' },
      { column: '打分无差异', equals: '是', style: 'warn' },
    ],
  };
}
