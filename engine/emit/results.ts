/**
 * 评定结果 (workbook.md §6, §8 Output columns): one row per branch in 支部 order, scores rounded to
 * 小数位数. A 未评定 branch shows the dimensions that are complete and leaves every total blank,
 * with 等次 = 未评定 and the missing cells named in 等次说明 (§8).
 */
import { renderGradeReasons, renderRedFlagFailures, renderUnrated, gradeName } from '../messages';
import type { Model } from '../model';
import type { Highlight, OutputColumn, OutputSheet, OutputValue } from '../output';
import type { BranchResult } from '../results';
import type { EmitContext } from './context';
import { COUNT_FORMAT, levelHighlights, percentFormat, roundRatio, roundScore, scoreFormat, textOrBlank, yesNo, yesOrBlank } from './format';

export const RESULTS_SHEET = '评定结果';

/** 等次 of a branch that could not be graded. */
export const UNRATED = '未评定';

/** The dimensions in rubric order: every 一级指标 of a 评分/台账 indicator (§8: 加分/扣分 rows are not dimensions). */
export function dimensionNames(model: Model, results: readonly BranchResult[]): string[] {
  const names: string[] = [];
  const add = (n: string): void => {
    if (!names.includes(n)) names.push(n);
  };
  for (const ind of model.indicators) if (ind.method === 'score' || ind.method === 'ledger') add(ind.dimension);
  for (const r of results) for (const d of r.dimensions) add(d.name);
  return names;
}

/**
 * Grade colours by position, so they work for any 等次名称: top good, second fair, the others
 * warn, the lowest (and 未评定) bad. With two grades: good and bad.
 */
export function gradeHighlights(column: string, gradeNames: readonly string[]): Highlight[] {
  return [...levelHighlights(column, gradeNames), { column, equals: UNRATED, style: 'bad' }];
}

/** The 评定结果 sheet. */
export function emitResults(ctx: EmitContext): OutputSheet {
  const { settings, locale, prose } = ctx;
  const d = settings.decimals;
  const dims = dimensionNames(ctx.model, ctx.results);
  const score = scoreFormat(d);
  const columns: OutputColumn[] = [
    { header: '支部编号', format: '@', width: 10 },
    { header: '支部名称', width: 24 },
    { header: '所属党委', width: 18 },
    ...dims.map((name): OutputColumn => ({ header: name, format: score, width: 10 })),
    { header: '加分', format: score, width: 8 },
    { header: '扣分', format: score, width: 8 },
    { header: '百分制', format: score, width: 9 },
    { header: '总分', format: score, width: 9 },
    { header: '排名', format: COUNT_FORMAT, width: 6 },
    { header: '单位排名', format: COUNT_FORMAT, width: 8 },
    { header: '强项数', format: COUNT_FORMAT, width: 7 },
    { header: '六强达标', width: 8 },
    { header: '满意率', format: percentFormat(d), width: 9 },
    { header: '等次', width: 8 },
    { header: '等次说明', width: 40 },
    { header: '红旗候选', width: 8 },
    { header: '未达原因', width: 40 },
    { header: '上年等次', width: 8 },
    { header: '软弱涣散排查', width: 10 },
    { header: '问题数', format: COUNT_FORMAT, width: 7 },
  ];
  const rows = ctx.results.map((r): OutputValue[] => {
    const graded = r.grade !== null;
    const byName = new Map(r.dimensions.map((x) => [x.name, x]));
    return [
      r.branch.id,
      r.branch.name,
      r.branch.unit,
      ...dims.map((name) => roundScore(byName.get(name)?.score ?? null, d)),
      roundScore(r.bonus, d),
      roundScore(r.deduction, d),
      graded ? roundScore(r.percent, d) : null,
      graded ? roundScore(r.total, d) : null,
      graded ? r.rank : null,
      graded ? r.unitRank : null,
      graded ? r.strongCount : null,
      graded ? yesNo(r.allStrong) : null,
      roundRatio(r.satisfaction, d),
      r.grade === null ? UNRATED : gradeName(r.grade, settings.gradeNames),
      textOrBlank(r.grade === null ? renderUnrated(r.missing, locale) : renderGradeReasons(r.reasons, prose, locale)),
      yesNo(r.redFlag),
      textOrBlank(renderRedFlagFailures(r.redFlagFailures, prose, locale)),
      r.branch.previous === null ? null : gradeName(r.branch.previous, settings.gradeNames),
      yesOrBlank(r.weak),
      ctx.gapCounts.get(r.branch.id) ?? 0,
    ];
  });
  return {
    name: RESULTS_SHEET,
    tableName: 'BR_Results',
    columns,
    rows,
    freezeColumns: 2,
    highlights: [...gradeHighlights('等次', settings.gradeNames), { column: '红旗候选', equals: '是', style: 'good' }],
  };
}
