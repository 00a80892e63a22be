/**
 * The ballot sheets of workbook.md §2.7 as OutputSheets, blank or filled: 双述双评, 满意度 and 民主评议 in
 * long form (one row per ballot per target) and their pre-counted `…计票` forms (one row per target ×
 * group × aspect, a count per level). Also 填表说明, the sheet that tells users what to type where —
 * instructions never go above an input sheet's header (the header is the first non-empty row, §1).
 */
import { BALLOT_LEVELS, REVIEW_ASPECTS, REVIEW_GROUPS } from '../ballots';
import type { OutputColumn, OutputSheet } from '../output';
import { col, sheet, type Rows } from './build';
import type { TemplateLocale } from './settingsText';


/** How a ballot kind is entered: one row per ballot (long) or counts per level (counted, `…计票`). */
export type BallotForm = 'long' | 'counted';

/** 双述双评, long form. 评议人 is optional (duplicate checks only; never written out). */
export const REVIEW_HEADERS = ['支部编号', '评议人类别', '评议人', '党建', '业务'] as const;
/** 满意度, long form. */
export const SATISFACTION_HEADERS = ['支部编号', '评议人类别', '评价'] as const;
/** 民主评议, long form. */
export const APPRAISAL_HEADERS = ['党员编号', '姓名', '支部编号', '评价'] as const;
/** 双述双评计票: one row per branch × group × aspect. */
export const REVIEW_COUNT_HEADERS = ['支部编号', '评议人类别', '方面', ...BALLOT_LEVELS.review] as const;
/** 满意度计票: one row per branch × group. */
export const SATISFACTION_COUNT_HEADERS = ['支部编号', '评议人类别', ...BALLOT_LEVELS.satisfaction] as const;
/** 民主评议计票: one row per member. */
export const APPRAISAL_COUNT_HEADERS = ['党员编号', '姓名', '支部编号', ...BALLOT_LEVELS.appraisal] as const;


const counts = (levels: readonly string[]): OutputColumn[] => levels.map((l) => col(l, Math.max(8, l.length * 2 + 2), '0'));

/** 双述双评 (long form) with rows in REVIEW_HEADERS order. Ids are text ('@') so `001` survives Excel. */
export function reviewSheet(rows: Rows = []): OutputSheet {
  return sheet(
    '双述双评',
    'IN_Review',
    [col('支部编号', 10, '@'), col('评议人类别', 12), col('评议人', 10, '@'), col('党建', 8), col('业务', 8)],
    rows,
    0,
  );
}

/** 满意度 (long form) with rows in SATISFACTION_HEADERS order. */
export function satisfactionSheet(rows: Rows = []): OutputSheet {
  return sheet('满意度', 'IN_Satisfaction', [col('支部编号', 10, '@'), col('评议人类别', 12), col('评价', 10)], rows, 0);
}

/** 民主评议 (long form) with rows in APPRAISAL_HEADERS order. */
export function appraisalSheet(rows: Rows = []): OutputSheet {
  return sheet('民主评议', 'IN_Appraisal', [col('党员编号', 12, '@'), col('姓名', 10), col('支部编号', 10, '@'), col('评价', 10)], rows, 0);
}

/** 双述双评计票 with rows in REVIEW_COUNT_HEADERS order. */
export function reviewCountSheet(rows: Rows = []): OutputSheet {
  return sheet(
    '双述双评计票',
    'IN_ReviewCount',
    [col('支部编号', 10, '@'), col('评议人类别', 12), col('方面', 8), ...counts(BALLOT_LEVELS.review)],
    rows,
    1,
  );
}

/** 满意度计票 with rows in SATISFACTION_COUNT_HEADERS order. */
export function satisfactionCountSheet(rows: Rows = []): OutputSheet {
  return sheet(
    '满意度计票',
    'IN_SatisfactionCount',
    [col('支部编号', 10, '@'), col('评议人类别', 12), ...counts(BALLOT_LEVELS.satisfaction)],
    rows,
    1,
  );
}

/** 民主评议计票 with rows in APPRAISAL_COUNT_HEADERS order. */
export function appraisalCountSheet(rows: Rows = []): OutputSheet {
  return sheet(
    '民主评议计票',
    'IN_AppraisalCount',
    [col('党员编号', 12, '@'), col('姓名', 10), col('支部编号', 10, '@'), ...counts(BALLOT_LEVELS.appraisal)],
    rows,
    1,
  );
}

/** The three blank ballot sheets in one form (long: 双述双评, 满意度, 民主评议; counted: the `…计票` ones). */
export function blankBallotSheets(form: BallotForm): OutputSheet[] {
  return form === 'long' ? [reviewSheet(), satisfactionSheet(), appraisalSheet()] : [reviewCountSheet(), satisfactionCountSheet(), appraisalCountSheet()];
}

const letters = (levels: readonly string[]): string => levels.map((l, i) => `${String.fromCharCode(65 + i)}=${l}`).join('，');
const lettersEn = (levels: readonly string[]): string => levels.map((l, i) => `${String.fromCharCode(65 + i)}=${l}`).join(', ');

/** One row of 填表说明: a sheet name and what to type in it, in both languages. */
interface GuideRow {
  readonly sheet: string;
  readonly zh: string;
  readonly en: string;
}

const GUIDE: readonly GuideRow[] = [
  {
    sheet: '总则',
    zh: '每个工作表的第一行是表头（列名），表头上方不要插入标题或说明；列的顺序可以调整，多出的列会被忽略。编号（支部编号、指标编号、党员编号）按文本填写，001 不要写成 1。',
    en: 'The first row of every sheet is its header; put no title above it. Columns may be reordered; extra columns are ignored. Ids are text: keep 001 as 001.',
  },
  {
    sheet: '支部',
    zh: '每个支部一行。党员人数用于检查测评参与率：双述双评中党员类别的票数少于党员人数一半时给出提醒。',
    en: 'One row per branch. 党员人数 is used for turnout: fewer 党员 双述双评 ballots than half of it is warned.',
  },
  {
    sheet: '评分 / 评分-<评分人>',
    zh: '评分表可按长表（每行一个支部的一个指标）或每位评分人一张宽表（工作表名“评分-姓名”）填写，两种可以同时使用。',
    en: 'Scores in long form (one row per branch and indicator) or one wide form per rater (sheet 评分-<name>); both may be used together.',
  },
  {
    sheet: '双述双评',
    zh: `每张评议票一行。评议人类别填 ${REVIEW_GROUPS.join('、')}（空白按党员）；评议人可填匿名编号（如 P017），仅用于检查重复投票，不会出现在结果中。党建、业务两列各填 ${BALLOT_LEVELS.review.join('、')}，也可填字母（${letters(BALLOT_LEVELS.review)}），“较差”视同“差”；空白或无法识别的计为废票并在数据校验中列出。`,
    en: `One row per ballot. 评议人类别: ${REVIEW_GROUPS.join(', ')} (blank = 党员). 评议人 is optional (an anonymous code such as P017), used only to catch duplicate ballots and never written out. 党建 and 业务: ${BALLOT_LEVELS.review.join(', ')} or letters (${lettersEn(BALLOT_LEVELS.review)}); 较差 means 差; blank or unknown is an invalid ballot (废票), listed in 数据校验.`,
  },
  {
    sheet: '满意度',
    zh: `每张测评票一行。评议人类别填 党员 或 群众；评价填 ${BALLOT_LEVELS.satisfaction.join('、')}（或 ${letters(BALLOT_LEVELS.satisfaction)}）。“不了解”是有效票但不计入满意率的分母；满意率 =（满意+基本满意）÷（满意+基本满意+不满意）。`,
    en: `One row per ballot. 评议人类别: 党员 or 群众. 评价: ${BALLOT_LEVELS.satisfaction.join(', ')} (or ${lettersEn(BALLOT_LEVELS.satisfaction)}). 不了解 is valid but not a vote: 满意率 = (满意 + 基本满意) / (满意 + 基本满意 + 不满意).`,
  },
  {
    sheet: '民主评议',
    zh: `每张评议票对每名党员一行：党员编号、姓名、所在支部编号、评价（${BALLOT_LEVELS.appraisal.join('、')}，或 ${letters(BALLOT_LEVELS.appraisal)}）。结果表“民主评议汇总”给出建议等次，党组织可在“最终等次”列填写认定结果，重新计算时保留。`,
    en: `One row per ballot per member: 党员编号, 姓名, the member's 支部编号, 评价 (${BALLOT_LEVELS.appraisal.join(', ')} or ${lettersEn(BALLOT_LEVELS.appraisal)}). 民主评议汇总 suggests a grade; type the committee's decision in its 最终等次 column, which re-runs keep.`,
  },
  {
    sheet: '双述双评计票 / 满意度计票 / 民主评议计票',
    zh: `已经手工计票的，可不逐票录入，改为新建计票表，按等次填票数（非负整数）：双述双评计票（支部编号、评议人类别、方面〔${REVIEW_ASPECTS.join('/')}〕、${BALLOT_LEVELS.review.join('、')}），每个支部×评议人类别×方面一行；满意度计票（支部编号、评议人类别、${BALLOT_LEVELS.satisfaction.join('、')}）；民主评议计票（党员编号、姓名、支部编号、${BALLOT_LEVELS.appraisal.join('、')}）。逐票表与计票表可以并存、结果相加，但同一支部（党员）同一类别同一方面不要在两种表中重复填写。`,
    en: `Ballots already counted by hand go into count sheets instead, one count per level (whole numbers ≥ 0): 双述双评计票 (支部编号, 评议人类别, 方面 ${REVIEW_ASPECTS.join('/')}, ${BALLOT_LEVELS.review.join(', ')}), one row per branch × group × aspect; 满意度计票 (支部编号, 评议人类别, ${BALLOT_LEVELS.satisfaction.join(', ')}); 民主评议计票 (党员编号, 姓名, 支部编号, ${BALLOT_LEVELS.appraisal.join(', ')}). Both forms may be used and are added up, but do not enter the same target, group and aspect in both.`,
  },
  {
    sheet: '参数',
    zh: '所有参数都可留空（使用默认值）；每个参数的含义、写法和默认值依据见该表“说明”列。',
    en: 'Every setting may be left blank (default); the 说明 column gives each one’s meaning, format and source.',
  },
];

/** 填表说明: one row per input sheet with what to type in it (levels, A–D letters, 计票 forms). Ignored by the parser. */
export function guideSheet(locale: TemplateLocale = 'zh-CN'): OutputSheet {
  const rows = GUIDE.map((g) => [g.sheet, locale === 'en-US' ? g.en : g.zh]);
  return sheet('填表说明', 'IN_Guide', [col('工作表', 24), col('填写说明', 120)], rows, 1);
}
