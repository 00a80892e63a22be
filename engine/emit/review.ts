/**
 * 双述双评汇总 and 双述双评分组 (workbook.md §5.4, §8 Ballots, §8 Output columns): the secretary's
 * ratings per branch, and their breakdown by rater group. Written only when the workbook has
 * 双述双评 ballots. Rater names are never written; a group with fewer than 3 ballots shows `<3` in
 * every count and score of the breakdown, so no single rater can be identified.
 */
import { BALLOT_LEVELS, REVIEW_ASPECTS, REVIEW_GROUPS, type LevelStats, type ReviewAspectResult, type ReviewGroupRow } from '../ballots';
import { gradeName } from '../messages';
import type { OutputColumn, OutputSheet, OutputValue } from '../output';
import { branchIndex, countColumn, idColumn, inBranchOrder, levelCount, NAME_COLUMN_WIDTH, rateColumn, scoreColumn } from './ballot-common';
import type { EmitContext } from './context';
import { levelHighlights, roundRatio, roundScore, yesNo } from './format';

export const REVIEW_SHEET = '双述双评汇总';
export const REVIEW_GROUPS_SHEET = '双述双评分组';

/** What a breakdown cell of a group with fewer than 3 ballots reads (§5.4). */
export const SUPPRESSED = '<3';

const LEVELS = BALLOT_LEVELS.review;

/**
 * The per-aspect headers of 双述双评汇总, prefixed with the aspect so that they are unique in the
 * Excel table (§8 names 党建好评率 … itself): 党建有效票, 党建废票, 党建好, 党建较好, 党建一般, 党建差,
 * 党建好评率, 党建差评率, 党建得分, and the same for 业务.
 */
export function reviewAspectHeaders(aspect: string): string[] {
  return [`${aspect}有效票`, `${aspect}废票`, ...LEVELS.map((l) => `${aspect}${l}`), `${aspect}好评率`, `${aspect}差评率`, `${aspect}得分`];
}

/** 约谈提醒 of a branch whose rates call for an interview. */
const INTERVIEW = '是';

/** The 双述双评汇总 sheet: one row per branch with 双述双评 ballots, in 支部 order. */
export function emitReview(ctx: EmitContext): OutputSheet | null {
  if (ctx.model.ballots.review === null) return null;
  const d = ctx.settings.decimals;
  const branches = branchIndex(ctx.model);
  const columns: OutputColumn[] = [
    idColumn('支部编号'),
    { header: '支部名称', width: NAME_COLUMN_WIDTH },
    { header: '支部书记', width: 10 },
    ...REVIEW_ASPECTS.flatMap((aspect) => aspectColumns(aspect, d)),
    rateColumn('好评率', d),
    rateColumn('差评率', d),
    scoreColumn('综合得分', d),
    { header: '评议等次', width: 9 },
    { header: '约谈提醒', width: 9 },
  ];
  const rows = inBranchOrder(ctx.model, ctx.ballots.review).map(([id, r]): OutputValue[] => {
    const branch = branches.get(id);
    return [
      id,
      branch?.name ?? null,
      branch?.secretary ?? null,
      ...REVIEW_ASPECTS.flatMap((aspect) => aspectCells(r.aspects.find((a) => a.aspect === aspect), d)),
      roundRatio(r.goodRate, d),
      roundRatio(r.badRate, d),
      roundScore(r.composite, d),
      r.grade === null ? null : gradeName(r.grade, ctx.settings.reviewGradeNames),
      yesNo(r.interview),
    ];
  });
  return {
    name: REVIEW_SHEET,
    tableName: 'BR_Review',
    columns,
    rows,
    freezeColumns: 2,
    highlights: [...levelHighlights('评议等次', ctx.settings.reviewGradeNames), { column: '约谈提醒', equals: INTERVIEW, style: 'bad' }],
  };
}

/** Counts (有效票, 废票, one per level), then the two rates, then the score. */
function aspectColumns(aspect: string, d: number): OutputColumn[] {
  const headers = reviewAspectHeaders(aspect);
  const counts = LEVELS.length + 2;
  return headers.map((h, i) => (i < counts ? countColumn(h) : i === headers.length - 1 ? scoreColumn(h, d) : rateColumn(h, d)));
}

/** An aspect's cells; all blank when the branch has no ballot for it. */
function aspectCells(a: ReviewAspectResult | undefined, d: number): OutputValue[] {
  if (a === undefined) return new Array<OutputValue>(LEVELS.length + 5).fill(null);
  return [...countCells(a.counts), roundRatio(a.goodRate, d), roundRatio(a.badRate, d), roundScore(a.score, d)];
}

/** 有效票, 废票, then one count per level. */
function countCells(c: LevelStats): number[] {
  return [c.valid, c.invalid, ...LEVELS.map((_, i) => levelCount(c, i))];
}

const GROUP_COUNT_HEADERS = ['有效票', '废票', ...LEVELS] as const;

/**
 * The 双述双评分组 sheet: one row per branch × rater group × aspect, branches in 支部 order, groups
 * 上级, 党员, 群众 then any other, 党建 before 业务. A group with fewer than 3 ballots reads `<3` in
 * every count and in its score.
 */
export function emitReviewGroups(ctx: EmitContext): OutputSheet | null {
  if (ctx.model.ballots.review === null) return null;
  const d = ctx.settings.decimals;
  const branches = branchIndex(ctx.model);
  const columns: OutputColumn[] = [
    idColumn('支部编号'),
    { header: '支部名称', width: NAME_COLUMN_WIDTH },
    { header: '评议人类别', width: 10 },
    { header: '方面', width: 6 },
    ...GROUP_COUNT_HEADERS.map((h) => countColumn(h)),
    scoreColumn('得分', d),
  ];
  const rows: OutputValue[][] = [];
  for (const [id, r] of inBranchOrder(ctx.model, ctx.ballots.review)) {
    const name = branches.get(id)?.name ?? null;
    for (const g of sortGroups(r.groups)) {
      const cells: OutputValue[] = g.suppressed
        ? new Array<OutputValue>(GROUP_COUNT_HEADERS.length + 1).fill(SUPPRESSED)
        : [...countCells(g.counts), roundScore(g.score, d)];
      rows.push([id, name, g.group, g.aspect, ...cells]);
    }
  }
  return { name: REVIEW_GROUPS_SHEET, tableName: 'BR_ReviewGroups', columns, rows, freezeColumns: 2, highlights: [] };
}

/** The known groups in contract order, any other group after them in order of first appearance; 党建 before 业务 within a group. */
function sortGroups(groups: readonly ReviewGroupRow[]): ReviewGroupRow[] {
  const order: string[] = REVIEW_GROUPS.filter((k) => groups.some((g) => g.group === k));
  for (const g of groups) if (!order.includes(g.group)) order.push(g.group);
  const aspectRank = (a: string): number => {
    const i = (REVIEW_ASPECTS as readonly string[]).indexOf(a);
    return i < 0 ? REVIEW_ASPECTS.length : i;
  };
  return groups
    .map((g, i) => ({ g, i }))
    .sort((a, b) => order.indexOf(a.g.group) - order.indexOf(b.g.group) || aspectRank(a.g.aspect) - aspectRank(b.g.aspect) || a.i - b.i)
    .map(({ g }) => g);
}
