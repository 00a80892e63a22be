/**
 * 参数 as text: every setting written the way the 参数 parser reads it (lists `好,较好,一般,较差`,
 * maps `上级=0.6,自评=0.4`, ratios `0.3`, `1/3`), with a note per key saying what it does, what it
 * accepts and where the default comes from. The values are derived from a Settings object, so the
 * template can never drift from DEFAULTS.
 */
import type { SettingKey, Settings } from '../settings';

export type TemplateLocale = 'zh-CN' | 'en-US';

const list = (xs: readonly (string | number)[]): string => xs.join(',');
const map = (m: ReadonlyMap<string, number>): string => [...m].map(([k, v]) => `${k}=${v}`).join(',');
/** 1/3 has no exact decimal; write the fraction people use in the rule (民主评议优秀 ≤ 1/3). */
const ratio = (x: number): string => (Math.abs(x - 1 / 3) < 1e-12 ? '1/3' : Math.abs(x - 2 / 3) < 1e-12 ? '2/3' : String(x));

/** Each key's value as 参数 text; null for 评定年度 when unset (a blank cell). */
export function settingsText(s: Settings): { readonly [K in SettingKey]: string | null } {
  return {
    等次名称: list(s.gradeNames),
    等次分数线: list(s.gradeThresholds),
    最高等次比例上限: ratio(s.topGradeQuota),
    比例控制范围: s.quotaScope === 'all' ? '全部' : '所属党委',
    评分人类别权重: map(s.roleWeights),
    去极值最少人数: String(s.trimMinRaters),
    维度达标线: ratio(s.dimensionPassRate),
    预警线: ratio(s.alertRatio),
    加分上限: String(s.bonusCap),
    会议最低次数: map(s.meetingMinimums),
    双述双评赋值: map(s.reviewValues),
    双述双评评议人权重: map(s.reviewGroupWeights),
    党建业务权重: map(s.reviewAspectWeights),
    评议等次名称: list(s.reviewGradeNames),
    评议等次分数线: list(s.reviewGradeThresholds),
    满意度赋值: map(s.satisfactionValues),
    满意率封顶线: ratio(s.satisfactionCapLine),
    满意率否决线: ratio(s.satisfactionVetoLine),
    约谈好评率线: ratio(s.interviewGoodRateLine),
    约谈差评率线: ratio(s.interviewBadRateLine),
    民主评议优秀比例上限: ratio(s.appraisalExcellentCap),
    红旗总分线: String(s.redFlagScoreLine),
    小数位数: String(s.decimals),
    评定年度: s.year,
  };
}

const SOURCE_GUIDANCE = '中组部办公厅《关于做好基层党组织分类定级工作的指导意见》(2012)及各地实施办法';
const SOURCE_REGULATION = '《中国共产党支部工作条例（试行）》(2018)';

/** 说明 for each key: what it does, what it accepts, where the default comes from. */
export const SETTING_NOTES: { readonly [K in SettingKey]: { readonly zh: string; readonly en: string } } = {
  等次名称: {
    zh: `评定等次名称，从高到低，用逗号分隔。默认“好、较好、一般、较差”四个等次，依据${SOURCE_GUIDANCE}。`,
    en: 'Grade names, best first, comma-separated. Default: the four grades of the 2012 CPC guidance on branch grading.',
  },
  等次分数线: {
    zh: `除最低等次外各等次的总分下限，从高到低，个数比等次少1。默认 好≥90、较好≥80、一般≥60，依据${SOURCE_GUIDANCE}。`,
    en: 'Lower bound of 总分 for every grade but the last, best first. Default 90, 80, 60 (2012 guidance).',
  },
  最高等次比例上限: {
    zh: '最高等次（如“好”）在比例控制范围内所占比例的上限，可写0.3或30%；超出部分按总分顺序降一等次。默认0.3，依据各高校考核办法。',
    en: 'Largest share of graded branches that may keep the top grade (0.3 or 30%); the rest drop one grade. Default 0.3 (university appraisal rules).',
  },
  比例控制范围: {
    zh: '比例控制的范围：“全部”（全校统一排序）或“所属党委”（各二级党组织分别控制）。默认“全部”。',
    en: '全部 (all branches together) or 所属党委 (per secondary unit). Default 全部.',
  },
  评分人类别权重: {
    zh: '各评分人类别的权重，格式“类别=权重”，逗号分隔；缺少某类别时按现有类别重新归一。默认 上级=0.6、自评=0.4，依据高校支部考核办法。',
    en: 'Weight per rater role (role=weight, comma-separated), renormalised over the roles present. Default 上级 0.6, 自评 0.4.',
  },
  去极值最少人数: {
    zh: '同一类别评分人达到该人数时，去掉一个最高分和一个最低分后取平均。默认6人。',
    en: 'With at least this many raters in a role, drop one highest and one lowest score. Default 6.',
  },
  维度达标线: {
    zh: '一级指标（六强各维度）得分率达到该比例即为“强”，六个维度均达标为“六强达标”。可写0.8或80%。默认0.8，依据“六强”支部创建标准。',
    en: 'A dimension is 强 when its score rate reaches this ratio. Default 0.8 (六强 standard).',
  },
  预警线: {
    zh: '指标得分率低于该比例时列入问题清单；指标表中填写了预警线的以指标表为准。默认0.6。',
    en: 'An indicator below this share of its points is a gap, unless the rubric gives its own. Default 0.6.',
  },
  加分上限: {
    zh: '加分项合计的上限（分）。默认5分。',
    en: 'Cap on the sum of bonus points. Default 5.',
  },
  会议最低次数: {
    zh: `各类会议全年最低次数，格式“会议=次数”；只写部分会议时其余保持默认；党小组会按每个党小组计，运行不满一年的按月折算。默认依据${SOURCE_REGULATION}：支部党员大会每季度1次、支委会和党小组会每月1次、党课每季度1次、主题党日每月1次、组织生活会和民主评议党员每年1次。`,
    en: 'Yearly minimum per meeting (meeting=count); a partial map keeps the other defaults; 党小组会 is per group; pro-rated by 运行月数. Defaults from the 2018 branch work regulation.',
  },
  双述双评赋值: {
    zh: '双述双评各评价等次的分值，格式“等次=分值”。默认 好=100、较好=80、一般=60、差=40，依据高校双述双评实施办法。',
    en: 'Points per 双述双评 level. Default 好 100, 较好 80, 一般 60, 差 40.',
  },
  双述双评评议人权重: {
    zh: '双述双评各评议人类别的权重，格式“类别=权重”；未列出的类别（如群众）权重为0。默认 上级=0.4、党员=0.6，依据院级党委评议40%、支部党员评议60%的常见做法。',
    en: 'Weight per 双述双评 rater group; groups not listed (e.g. 群众) weigh 0. Default 上级 0.4, 党员 0.6.',
  },
  党建业务权重: {
    zh: '双述双评综合得分中党建和业务两个方面的权重。默认 党建=0.6、业务=0.4。',
    en: 'Weights of the 党建 and 业务 aspects in the 双述双评 综合 score. Default 0.6 and 0.4.',
  },
  评议等次名称: {
    zh: '双述双评评议等次名称，从高到低，与支部评定等次相互独立。默认“好、较好、一般、差”。',
    en: '双述双评 grade names, best first, independent of the branch grades. Default 好, 较好, 一般, 差.',
  },
  评议等次分数线: {
    zh: '双述双评评议等次的综合得分下限，从高到低。默认90、80、60。',
    en: 'Lower bounds of the 双述双评 grades. Default 90, 80, 60.',
  },
  满意度赋值: {
    zh: '满意度测评各选项的分值，“不了解”不计入有效票。默认 满意=100、基本满意=70、不满意=30。',
    en: 'Points per satisfaction level; 不了解 is not a valid vote. Default 100, 70, 30.',
  },
  满意率封顶线: {
    zh: `满意率（满意+基本满意占有效票比例）低于该值的，最高只能评为倒数第二个等次（默认“一般”）。默认0.9，依据${SOURCE_GUIDANCE}。`,
    en: 'Below this satisfaction rate the grade is capped at the second-lowest. Default 0.9 (2012 guidance).',
  },
  满意率否决线: {
    zh: `满意率低于该值的，直接定为最低等次（默认“较差”）。默认0.5，依据${SOURCE_GUIDANCE}。`,
    en: 'Below this satisfaction rate the grade is forced to the lowest. Default 0.5 (2012 guidance).',
  },
  约谈好评率线: {
    zh: '支部书记双述双评好评率（好+较好）低于该值的，提示约谈提醒。默认0.7。',
    en: 'A secretary whose 好评率 is below this gets 约谈提醒. Default 0.7.',
  },
  约谈差评率线: {
    zh: '支部书记双述双评差评率达到该值的，提示约谈提醒。默认0.2。',
    en: 'A secretary whose 差评率 reaches this gets 约谈提醒. Default 0.2.',
  },
  民主评议优秀比例上限: {
    zh: '民主评议党员中评为“优秀”的人数占支部参评党员的比例上限，可写1/3、0.33或33%。默认1/3，依据民主评议党员工作惯例。',
    en: 'Largest share of a branch’s appraised members rated 优秀 (1/3, 0.33 or 33%). Default 1/3.',
  },
  红旗总分线: {
    zh: '红旗党支部候选的最低总分，同时须六强达标、评为最高等次且无否决事项。默认90。',
    en: 'Minimum 总分 for 红旗候选 (also: all six dimensions strong, top grade, no veto). Default 90.',
  },
  小数位数: {
    zh: '写出结果时保留的小数位数（计算过程保持全精度）。默认2。',
    en: 'Decimals when writing results (computation keeps full precision). Default 2.',
  },
  评定年度: {
    zh: '评定年度，显示在导出标题中，如2026。可留空。',
    en: 'The appraisal year shown in export titles, e.g. 2026. May be blank.',
  },
};
