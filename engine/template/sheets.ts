/**
 * The input sheets of workbook.md §2 as OutputSheets: headers, widths, formats and table names.
 * templateSheets() writes them blank (the rubric and 参数 filled with the defaults); the sample
 * generator fills the same builders with data, so a blank and a sample workbook never differ in shape.
 * The ballot sheets and 填表说明 are in ballotSheets.ts.
 */
import type { OutputSheet } from '../output';
import { col, sheet, type Rows } from './build';
import { DEFAULTS, SETTING_KEYS, type SettingKey } from '../settings';
import { blankBallotSheets, guideSheet, type BallotForm } from './ballotSheets';
import { DEFAULT_RUBRIC, type RubricRow } from './rubric';
import { SETTING_NOTES, settingsText, type TemplateLocale } from './settingsText';


/** 支部 (§2.1). */
export const BRANCH_HEADERS = ['支部编号', '支部名称', '所属党委', '支部类型', '支部书记', '党员人数', '党小组数', '运行月数', '上年等次'] as const;
/** 指标 (§2.2), plus 评分标准: an extra column for evaluators that the parser ignores (§1). */
export const RUBRIC_HEADERS = ['指标编号', '一级指标', '二级指标', '三级指标', '评分标准', '分值', '计分方式', '台账公式', '预警线', '否决', '整改建议'] as const;
/** 评分, long form (§2.3). */
export const SCORE_HEADERS = ['支部编号', '指标编号', '评分人', '评分人类别', '得分', '备注'] as const;
/** 否决 (§2.6). */
export const VETO_HEADERS = ['支部编号', '事项', '影响', '备注'] as const;
/** 参数 (§2.8), with a 说明 column the parser ignores. */
export const SETTINGS_HEADERS = ['参数', '值', '说明'] as const;
/** The meeting columns of 台账 that carry compliance meaning (§2.5, §5.3). */
export const MEETING_COLUMNS = ['支部党员大会', '支委会', '党小组会', '党课', '主题党日', '组织生活会', '民主评议党员'] as const;

/** Functions a 台账公式 may call (§8 Formulas). */
export const FORMULA_FUNCTIONS = ['min', 'max', 'abs', 'floor', 'ceil', 'round', 'tier'] as const;
/** Variables a 台账公式 may read besides the ledger columns (§4). */
export const FORMULA_VARIABLES = ['分值', '党员人数', '党小组数', '运行月数', '满意率', '好评率'] as const;

const IDENTIFIER = /[A-Za-z_\u3400-\u9fff][A-Za-z0-9_\u3400-\u9fff]*/g;

/** Every identifier a formula names (functions, variables, columns), each once, in order. */
export function formulaIdentifiers(formula: string): string[] {
  return [...new Set(formula.match(IDENTIFIER) ?? [])];
}

/**
 * The 台账 columns a rubric needs: the seven meeting columns, then every name its formulas read
 * that is neither a function nor a known variable (e.g. 人均学习学时), in rubric order.
 */
export function ledgerColumns(rubric: readonly RubricRow[] = DEFAULT_RUBRIC): string[] {
  const known = new Set<string>([...FORMULA_FUNCTIONS, ...FORMULA_VARIABLES]);
  const out = new Set<string>(MEETING_COLUMNS);
  for (const r of rubric) {
    if (r.formula === null) continue;
    for (const name of formulaIdentifiers(r.formula)) if (!known.has(name)) out.add(name);
  }
  return [...out];
}

/** `1.1 支委班子健全 (4分)`: a wide-form column header that the parser matches by its leading id. */
export function wideHeader(r: RubricRow): string {
  return `${r.id} ${r.item} (${r.points}分)`;
}

/** Rubric rows a rater scores: 评分, 加分 and 扣分 (台账 rows come from the ledger). */
export function ratedRows(rubric: readonly RubricRow[] = DEFAULT_RUBRIC): RubricRow[] {
  return rubric.filter((r) => r.method !== '台账');
}


/** 支部 with the given rows (in BRANCH_HEADERS order). Ids are text ('@') so `001` survives Excel. */
export function branchSheet(rows: Rows = []): OutputSheet {
  return sheet(
    '支部',
    'IN_Branches',
    [
      col('支部编号', 10, '@'),
      col('支部名称', 34),
      col('所属党委', 24),
      col('支部类型', 10),
      col('支部书记', 10),
      col('党员人数', 10, '0'),
      col('党小组数', 10, '0'),
      col('运行月数', 10, '0'),
      col('上年等次', 10),
    ],
    rows,
    1,
  );
}

/** 指标 holding a rubric (the default unless given). */
export function rubricSheet(rubric: readonly RubricRow[] = DEFAULT_RUBRIC): OutputSheet {
  const rows = rubric.map((r) => [r.id, r.dimension, r.group, r.item, r.standard, r.points, r.method, r.formula, r.alert, r.veto, r.advice]);
  return sheet(
    '指标',
    'IN_Rubric',
    [
      // Text, or Excel turns `1.10` into the number 1.1.
      col('指标编号', 10, '@'),
      col('一级指标', 14),
      col('二级指标', 14),
      col('三级指标', 26),
      col('评分标准', 50),
      col('分值', 8, 'General'),
      col('计分方式', 10),
      col('台账公式', 44, '@'),
      col('预警线', 9, '0%'),
      col('否决', 10),
      col('整改建议', 50),
    ],
    rows,
    1,
  );
}

/** 评分 (long form) with the given rows (in SCORE_HEADERS order). */
export function scoreSheet(rows: Rows = []): OutputSheet {
  return sheet(
    '评分',
    'IN_Scores',
    [col('支部编号', 10, '@'), col('指标编号', 10, '@'), col('评分人', 12), col('评分人类别', 12), col('得分', 8, 'General'), col('备注', 30)],
    rows,
    0,
  );
}

/** 台账 with its columns (支部编号, 支部名称, then `columns`) and rows. */
export function ledgerSheet(columns: readonly string[] = ledgerColumns(), rows: Rows = []): OutputSheet {
  return sheet(
    '台账',
    'IN_Ledger',
    [col('支部编号', 10, '@'), col('支部名称', 34), ...columns.map((c) => col(c, Math.max(8, c.length * 2 + 2), 'General'))],
    rows,
    1,
  );
}

/** 否决 with the given rows (in VETO_HEADERS order). */
export function vetoSheet(rows: Rows = []): OutputSheet {
  return sheet('否决', 'IN_Vetoes', [col('支部编号', 10, '@'), col('事项', 40), col('影响', 12), col('备注', 30)], rows, 0);
}

/**
 * 参数 with every key of SETTING_KEYS: the default text unless `overrides` gives another (null
 * writes a blank), and the 说明 in the locale's language. 值 is a text column so that `1/3` is not
 * read by Excel as a date.
 */
export function settingsSheet(
  overrides: Partial<Record<SettingKey, string | null>> = {},
  locale: TemplateLocale = 'zh-CN',
): OutputSheet {
  const defaults = settingsText(DEFAULTS);
  const rows = SETTING_KEYS.map((key) => {
    const value = key in overrides ? (overrides[key] ?? null) : defaults[key];
    const note = SETTING_NOTES[key];
    return [key, value, locale === 'en-US' ? note.en : note.zh];
  });
  return sheet('参数', 'IN_Settings', [col('参数', 22), col('值', 44, '@'), col('说明', 90)], rows, 1);
}

/** The instruction line above a wide scoring form. */
export function wideInstruction(rater: string, locale: TemplateLocale): string {
  return locale === 'en-US'
    ? `Scoring form of ${rater}: enter a score from 0 to the indicator's points in every indicator column (one decimal at most); leave 加分/扣分 blank when none applies.`
    : `${rater}的评分表：请在各指标列填写0至该指标分值之间的得分（最多一位小数）；加分、扣分项无则留空。`;
}

/**
 * A wide scoring form `评分-<rater>` (§2.4): an instruction line, `评分人类别 | <role>`, then one
 * row per branch with one column per rated indicator. `rows` are [支部编号, 支部名称, scores…].
 */
export function wideFormSheet(
  rater: string,
  role: string,
  index: number,
  rows: Rows,
  rubric: readonly RubricRow[] = DEFAULT_RUBRIC,
  locale: TemplateLocale = 'zh-CN',
): OutputSheet {
  return {
    name: `评分-${rater}`,
    tableName: `IN_Form_${index + 1}`,
    preamble: [[wideInstruction(rater, locale)], ['评分人类别', role]],
    columns: [col('支部编号', 10, '@'), col('支部名称', 34), ...ratedRows(rubric).map((r) => col(wideHeader(r), 14, 'General'))],
    rows,
    // Id and name stay visible while scrolling across the indicator columns.
    freezeColumns: 2,
    highlights: [],
  };
}

/** What the blank template holds for ballots: the long forms (default), the `…计票` forms, or none. */
export type TemplateBallots = BallotForm | 'none';

/**
 * The blank input workbook: 支部, 指标 (the default rubric), 评分, 台账, 否决, the three ballot sheets
 * (双述双评, 满意度, 民主评议 in long form unless `ballots` says `counted` or `none`), 参数 (defaults)
 * and 填表说明. One form per kind: an office either types each ballot or the counts, rarely both.
 */
export function templateSheets(options: { locale?: TemplateLocale; ballots?: TemplateBallots } = {}): OutputSheet[] {
  const locale = options.locale ?? 'zh-CN';
  const ballots = options.ballots ?? 'long';
  return [
    branchSheet(),
    rubricSheet(),
    scoreSheet(),
    ledgerSheet(),
    vetoSheet(),
    ...(ballots === 'none' ? [] : blankBallotSheets(ballots)),
    settingsSheet({}, locale),
    guideSheet(locale),
  ];
}
