/**
 * 问题清单 gaps (workbook.md §5.3, §8 Gaps): one per (支部编号, 问题类型, 项目), in the type order of
 * §5.3, items in rubric / sheet order. Gaps whose data is complete are raised for 未评定 branches too.
 */
import type { BranchAppraisal, ReviewResult } from '../ballots';
import type { Branch, Effect, Indicator, Ledger, Veto } from '../model';
import { round6 } from '../numeric';
import { isBelow } from './compare';
import type { DimensionResult, Gap } from '../results';
import type { Settings } from '../settings';
import { isDirectGrading, lowestGrade } from './grade';
import { isBase } from './total';

/** The meeting whose yearly minimum is per 党小组 (§5.3). */
export const GROUP_MEETING = '党小组会';
export const ITEM_SATISFACTION = '满意率';
export const ITEM_GRADE = '等次';
export const ITEM_REVIEW = '双述双评';
export const ITEM_APPRAISAL = '民主评议';

export interface GapInput {
  readonly branch: Branch;
  readonly indicators: readonly Indicator[];
  readonly scores: ReadonlyMap<string, number>;
  readonly dimensions: readonly DimensionResult[];
  readonly ledger: Ledger | null;
  /** This branch's 否决 rows, in sheet order. */
  readonly vetoes: readonly Veto[];
  readonly satisfaction: number | null;
  /** The branch's 双述双评 result; null without ballots. */
  readonly review: ReviewResult | null;
  /** The branch's 民主评议 优秀 count; null without appraised members. */
  readonly appraisal: BranchAppraisal | null;
  readonly consecutivePoor: boolean;
}

/** Every gap of one branch, in §5.3 type order. */
export function branchGaps(input: GapInput, settings: Settings): readonly Gap[] {
  return [
    ...indicatorGaps(input),
    ...dimensionGaps(input, settings),
    ...meetingGaps(input, settings),
    ...vetoGaps(input, settings),
    ...satisfactionGaps(input, settings),
    ...reviewGaps(input, settings),
    ...consecutivePoorGaps(input, settings),
    ...appraisalGaps(input, settings),
  ];
}

/**
 * 指标低于预警线: a 评分/台账 indicator with score / 分值 < 预警线 at 6 decimals.
 * 标准 = 预警线 × 分值, 差距 = 标准 − 实际: 2 of 5 with 0.6 → 标准 3, 差距 1.
 */
function indicatorGaps({ branch, indicators, scores }: GapInput): Gap[] {
  const out: Gap[] = [];
  for (const ind of indicators) {
    const score = scores.get(ind.id);
    if (!isBase(ind) || score === undefined || !isBelow(score / ind.points, ind.alert)) continue;
    const standard = ind.alert * ind.points;
    out.push({
      branch: branch.id,
      type: '指标低于预警线',
      item: ind.id,
      unit: 'points',
      standard,
      actual: score,
      diff: standard - score,
      advice: ind.advice,
      detail: ind.item ?? ind.group ?? '',
    });
  }
  return out;
}

/** 维度未达强: 标准 = 维度达标线 × the dimension's 分值 (0.8 × 20 = 16), 实际 = 维度得分. */
function dimensionGaps({ branch, dimensions }: GapInput, settings: Settings): Gap[] {
  const out: Gap[] = [];
  for (const d of dimensions) {
    if (d.strong !== false || d.score === null) continue;
    const standard = settings.dimensionPassRate * d.points;
    out.push({
      branch: branch.id,
      type: '维度未达强',
      item: d.name,
      unit: 'points',
      standard,
      actual: d.score,
      diff: standard - d.score,
      advice: null,
      detail: '',
    });
  }
  return out;
}

/**
 * The pro-rated yearly minimum of one meeting: ceil(min × 运行月数 / 12), 党小组会's min being
 * 12 × 党小组数. 支委会 12 with 运行月数 6 → 6; 党课 4 with 7 months → ceil(2.33) = 3; 党小组会 with 3
 * groups → 36. Computed at 6 decimals so that binary noise never adds a meeting.
 */
export function requiredMeetings(name: string, minimum: number, branch: Branch): number {
  const yearly = name === GROUP_MEETING ? minimum * branch.groups : minimum;
  return Math.ceil(round6((yearly * branch.months) / 12));
}

/** 会议次数不足: a number in the branch's ledger row below the pro-rated minimum (blank → no gap). */
function meetingGaps({ branch, ledger }: GapInput, settings: Settings): Gap[] {
  const row = ledger?.rows.get(branch.id);
  if (!ledger || !row) return [];
  const out: Gap[] = [];
  for (const [name, minimum] of settings.meetingMinimums) {
    const count = row.values.get(name);
    if (!ledger.columns.includes(name) || count === undefined) continue;
    const required = requiredMeetings(name, minimum, branch);
    if (!(count < required)) continue;
    out.push({
      branch: branch.id,
      type: '会议次数不足',
      item: name,
      unit: 'count',
      standard: required,
      actual: count,
      diff: required - count,
      advice: null,
      detail: '',
    });
  }
  return out;
}

/** 否决事项: one per veto row of 否决 (直接定级 rows excluded); a repeated 事项 gives one gap (the first). */
function vetoGaps({ branch, vetoes }: GapInput, settings: Settings): Gap[] {
  const out: Gap[] = [];
  const seen = new Set<string>();
  for (const v of vetoes) {
    if (isDirectGrading(v) || seen.has(v.matter)) continue;
    seen.add(v.matter);
    out.push({
      branch: branch.id,
      type: '否决事项',
      item: v.matter,
      unit: 'none',
      standard: null,
      actual: null,
      diff: null,
      advice: null,
      detail: effectText(v.effect, settings),
    });
  }
  return out;
}

/** The 影响 text of an effect as 否决 writes it: `定为较差`, `最高一般`. */
export function effectText(effect: Effect, settings: Settings): string {
  const name = settings.gradeNames[effect.grade] ?? '';
  return `${effect.kind === 'force' ? '定为' : '最高'}${name}`;
}

/** 满意率偏低: a measured 满意率 < 满意率封顶线 (0.85 with 0.9 → 差距 0.05). */
function satisfactionGaps({ branch, satisfaction }: GapInput, settings: Settings): Gap[] {
  const line = settings.satisfactionCapLine;
  if (satisfaction === null || !isBelow(satisfaction, line)) return [];
  return [
    {
      branch: branch.id,
      type: '满意率偏低',
      item: ITEM_SATISFACTION,
      unit: 'ratio',
      standard: line,
      actual: satisfaction,
      diff: line - satisfaction,
      advice: null,
      detail: '',
    },
  ];
}

/**
 * 书记评议预警: 约谈提醒 on the overall 双述双评 rates. When 好评率 is below 约谈好评率线: 标准 = the line,
 * 实际 = 好评率, 差距 = 标准 − 实际 (0.6 with 0.7 → 0.1); when only 差评率 triggered it: 标准 = 约谈差评率线,
 * 实际 = 差评率, 差距 = 实际 − 标准 (0.25 with 0.2 → 0.05; exactly 0.2 triggers with 差距 0).
 */
function reviewGaps({ branch, review }: GapInput, settings: Settings): Gap[] {
  if (!review?.interview) return [];
  const { goodRate, badRate } = review;
  const goodLine = settings.interviewGoodRateLine;
  const byGood = goodRate !== null && isBelow(goodRate, goodLine);
  const badLine = settings.interviewBadRateLine;
  const standard = byGood ? goodLine : badLine;
  const actual = byGood ? goodRate : badRate;
  if (actual === null) return [];
  return [
    {
      branch: branch.id,
      type: '书记评议预警',
      item: ITEM_REVIEW,
      unit: 'ratio',
      standard,
      actual,
      diff: byGood ? standard - actual : actual - standard,
      advice: null,
      detail: '',
    },
  ];
}

/**
 * 民主评议优秀超比例: the branch's members ending 优秀 (最终等次, else 建议等次) above 民主评议优秀比例上限
 * of its appraised members. 标准 = the cap, 实际 = the share, 差距 = 实际 − 标准 (2 of 5 with 1/3 → 1/15).
 */
function appraisalGaps({ branch, appraisal }: GapInput, settings: Settings): Gap[] {
  if (!appraisal?.flag || appraisal.share === null) return [];
  const standard = settings.appraisalExcellentCap;
  return [
    {
      branch: branch.id,
      type: '民主评议优秀超比例',
      item: ITEM_APPRAISAL,
      unit: 'ratio',
      standard,
      actual: appraisal.share,
      diff: appraisal.share - standard,
      advice: null,
      detail: '',
    },
  ];
}

/** 连续较差: 上年 and 本年 both the lowest grade; detail is that grade's name. */
function consecutivePoorGaps({ branch, consecutivePoor }: GapInput, settings: Settings): Gap[] {
  if (!consecutivePoor) return [];
  return [
    {
      branch: branch.id,
      type: '连续较差',
      item: ITEM_GRADE,
      unit: 'none',
      standard: null,
      actual: null,
      diff: null,
      advice: null,
      detail: settings.gradeNames[lowestGrade(settings)] ?? '',
    },
  ];
}
