/**
 * 单位汇总 (workbook.md §6, §8 Output columns): per 所属党委, in order of first appearance in 支部,
 * then a 合计 row; a clustered column chart of the grade counts by unit.
 */
import { catalog } from '../messages';
import type { OutputColumn, OutputSheet, OutputValue } from '../output';
import type { BranchResult } from '../results';
import type { EmitContext } from './context';
import { COUNT_FORMAT, roundScore, scoreFormat } from './format';
import { UNRATED } from './results';

export const UNITS_SHEET = '单位汇总';
export const TOTAL_ROW = '合计';

interface Tally {
  branches: number;
  unrated: number;
  grades: number[];
  allStrong: number;
  redFlag: number;
  totalSum: number;
  graded: number;
  gaps: number;
}

function emptyTally(grades: number): Tally {
  return { branches: 0, unrated: 0, grades: new Array<number>(grades).fill(0), allStrong: 0, redFlag: 0, totalSum: 0, graded: 0, gaps: 0 };
}

function add(t: Tally, r: BranchResult, gaps: number): void {
  t.gaps += gaps;
  if (r.allStrong === true) t.allStrong++;
  if (r.redFlag) t.redFlag++;
  if (r.grade === null || r.total === null) {
    t.unrated++;
    return;
  }
  t.grades[r.grade] = (t.grades[r.grade] ?? 0) + 1;
  t.totalSum += r.total;
  t.graded++;
}

/** The 单位汇总 sheet. 支部数 counts every branch of 支部; 平均总分 averages the graded ones (blank when none). */
export function emitUnits(ctx: EmitContext): OutputSheet {
  const d = ctx.settings.decimals;
  const names = ctx.settings.gradeNames;
  const tallies = new Map<string, Tally>();
  const tallyOf = (unit: string): Tally => {
    let t = tallies.get(unit);
    if (t === undefined) {
      t = emptyTally(names.length);
      tallies.set(unit, t);
    }
    return t;
  };
  for (const b of ctx.model.branches) tallyOf(b.unit).branches++;
  for (const r of ctx.results) add(tallyOf(r.branch.unit), r, ctx.gapCounts.get(r.branch.id) ?? 0);

  const total = emptyTally(names.length);
  for (const t of tallies.values()) {
    total.branches += t.branches;
    total.unrated += t.unrated;
    t.grades.forEach((n, i) => (total.grades[i] = (total.grades[i] ?? 0) + n));
    total.allStrong += t.allStrong;
    total.redFlag += t.redFlag;
    total.totalSum += t.totalSum;
    total.graded += t.graded;
    total.gaps += t.gaps;
  }

  const row = (label: string, t: Tally): OutputValue[] => [
    label,
    t.branches,
    t.unrated,
    ...t.grades,
    t.allStrong,
    t.redFlag,
    t.graded === 0 ? null : roundScore(t.totalSum / t.graded, d),
    t.gaps,
  ];
  const columns: OutputColumn[] = [
    { header: '所属党委', width: 20 },
    { header: '支部数', format: COUNT_FORMAT, width: 8 },
    { header: UNRATED, format: COUNT_FORMAT, width: 8 },
    ...names.map((header): OutputColumn => ({ header, format: COUNT_FORMAT, width: 8 })),
    { header: '六强达标', format: COUNT_FORMAT, width: 8 },
    { header: '红旗候选', format: COUNT_FORMAT, width: 8 },
    { header: '平均总分', format: scoreFormat(d), width: 9 },
    { header: '问题数', format: COUNT_FORMAT, width: 8 },
  ];
  return {
    name: UNITS_SHEET,
    tableName: 'BR_Units',
    columns,
    rows: [...[...tallies].map(([unit, t]) => row(unit, t)), row(TOTAL_ROW, total)],
    freezeColumns: 1,
    highlights: [],
    chart: { title: catalog(ctx.locale).prose.unitChartTitle, categoryColumn: '所属党委', seriesColumns: [...names], excludeLastRow: true },
  };
}
