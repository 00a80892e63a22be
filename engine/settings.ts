/**
 * 参数 (Settings): every threshold and weight the rules use. One DEFAULTS object, each field
 * commented with its 参数 key and the policy document behind the number, so a reviewer can check it.
 * Every one is a setting because every school issues its own standard (workbook.md §7).
 */

export type QuotaScope = 'all' | 'unit';

export interface Settings {
  /** 等次名称: grade names, best first. */
  readonly gradeNames: readonly string[];
  /** 等次分数线: lower bounds of every grade but the last, best first (总分 ≥ bound). */
  readonly gradeThresholds: readonly number[];
  /** 最高等次比例上限: the share of graded branches in scope that may keep the top grade. */
  readonly topGradeQuota: number;
  /** 比例控制范围: 全部 (all branches) or 所属党委 (per secondary unit). */
  readonly quotaScope: QuotaScope;
  /** 评分人类别权重: weight per rater role, renormalised over the roles present. */
  readonly roleWeights: ReadonlyMap<string, number>;
  /** 去极值最少人数: with at least this many raters of a role, drop one highest and one lowest. */
  readonly trimMinRaters: number;
  /** 维度达标线: a dimension is 强 when 维度得分率 ≥ this. */
  readonly dimensionPassRate: number;
  /** 预警线: default alert ratio for indicators without their own. */
  readonly alertRatio: number;
  /** 加分上限: cap on the sum of 加分. */
  readonly bonusCap: number;
  /** 会议最低次数: yearly minimum per meeting column (党小组会 is per 党小组). */
  readonly meetingMinimums: ReadonlyMap<string, number>;
  /** 双述双评赋值: points per level. */
  readonly reviewValues: ReadonlyMap<string, number>;
  /** 双述双评评议人权重: weight per rater group, renormalised over groups present. */
  readonly reviewGroupWeights: ReadonlyMap<string, number>;
  /** 党建业务权重: weights of the two aspects in 综合. */
  readonly reviewAspectWeights: ReadonlyMap<string, number>;
  /** 评议等次名称: grades for 双述双评, best first (independent of branch grades). */
  readonly reviewGradeNames: readonly string[];
  /** 评议等次分数线: their lower bounds. */
  readonly reviewGradeThresholds: readonly number[];
  /** 满意度赋值: points per satisfaction level. */
  readonly satisfactionValues: ReadonlyMap<string, number>;
  /** 满意率封顶线: below it the grade is capped at the second-lowest. */
  readonly satisfactionCapLine: number;
  /** 满意率否决线: below it the grade is forced to the lowest. */
  readonly satisfactionVetoLine: number;
  /** 约谈好评率线: 好评率 below it → 约谈提醒. */
  readonly interviewGoodRateLine: number;
  /** 约谈差评率线: 差评率 at or above it → 约谈提醒. */
  readonly interviewBadRateLine: number;
  /** 民主评议优秀比例上限: share of a branch's appraised members that may be 优秀. */
  readonly appraisalExcellentCap: number;
  /** 红旗总分线: minimum 总分 for 红旗候选. */
  readonly redFlagScoreLine: number;
  /** 小数位数: display rounding when writing. */
  readonly decimals: number;
  /** 评定年度: the year shown in titles; null when not set. */
  readonly year: string | null;
}

export const DEFAULTS: Settings = {
  // 中组部办公厅《关于做好基层党组织分类定级工作的指导意见》(2012): four grades.
  gradeNames: ['好', '较好', '一般', '较差'],
  // Same source and its provincial derivatives: 好 ≥ 90, 较好 ≥ 80, 一般 ≥ 60.
  gradeThresholds: [90, 80, 60],
  // University appraisal rules commonly cap 好 at 30% of branches.
  topGradeQuota: 0.3,
  quotaScope: 'all',
  // University appraisal rules: 上级 (the assessing committee) 60%, 自评 40%.
  roleWeights: new Map([
    ['上级', 0.6],
    ['自评', 0.4],
  ]),
  // With 6 or more raters, drop one highest and one lowest (common 去掉最高分最低分 practice).
  trimMinRaters: 6,
  // 六强 standard: a dimension is 强 at 80% of its points.
  dimensionPassRate: 0.8,
  // An indicator below 60% of its points is a gap.
  alertRatio: 0.6,
  // Bonus points are capped at 5.
  bonusCap: 5,
  // 《中国共产党支部工作条例（试行）》(2018): 支部党员大会 quarterly, 支委会 monthly, 党小组会 monthly,
  // 党课 quarterly, 主题党日 monthly, 组织生活会 and 民主评议党员 yearly.
  meetingMinimums: new Map([
    ['支部党员大会', 4],
    ['支委会', 12],
    ['党小组会', 12],
    ['党课', 4],
    ['主题党日', 12],
    ['组织生活会', 1],
    ['民主评议党员', 1],
  ]),
  // 双述双评 ballot values used by universities: 好 100, 较好 80, 一般 60, 差 40.
  reviewValues: new Map([
    ['好', 100],
    ['较好', 80],
    ['一般', 60],
    ['差', 40],
  ]),
  // 院级党委 40%, 支部党员 60%; 群众 0 unless set.
  reviewGroupWeights: new Map([
    ['上级', 0.4],
    ['党员', 0.6],
  ]),
  reviewAspectWeights: new Map([
    ['党建', 0.6],
    ['业务', 0.4],
  ]),
  reviewGradeNames: ['好', '较好', '一般', '差'],
  reviewGradeThresholds: [90, 80, 60],
  satisfactionValues: new Map([
    ['满意', 100],
    ['基本满意', 70],
    ['不满意', 30],
  ]),
  // 分类定级 guidance and local derivatives: satisfaction below 90% cannot be rated 好/较好,
  // below 50% is rated 较差.
  satisfactionCapLine: 0.9,
  satisfactionVetoLine: 0.5,
  interviewGoodRateLine: 0.7,
  interviewBadRateLine: 0.2,
  // 民主评议党员 practice: 优秀 at most one third of members.
  appraisalExcellentCap: 1 / 3,
  redFlagScoreLine: 90,
  decimals: 2,
  year: null,
};

/** 参数 keys in the order the template writes them; each maps to a Settings field. */
export const SETTING_KEYS = [
  '等次名称',
  '等次分数线',
  '最高等次比例上限',
  '比例控制范围',
  '评分人类别权重',
  '去极值最少人数',
  '维度达标线',
  '预警线',
  '加分上限',
  '会议最低次数',
  '双述双评赋值',
  '双述双评评议人权重',
  '党建业务权重',
  '评议等次名称',
  '评议等次分数线',
  '满意度赋值',
  '满意率封顶线',
  '满意率否决线',
  '约谈好评率线',
  '约谈差评率线',
  '民主评议优秀比例上限',
  '红旗总分线',
  '小数位数',
  '评定年度',
] as const;

export type SettingKey = (typeof SETTING_KEYS)[number];
