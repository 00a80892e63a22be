/**
 * The template and sample generator: the blank input workbook (templateSheets) with the default
 * 六强 rubric and 参数, and a realistic filled one (sampleSheets / sampleWorkbook) for the CLI's
 * `template --sample`, `npm run demo`, the benchmark and the add-in's 准备 step.
 */
export { DEFAULT_RUBRIC, SIX_STRENGTHS, BONUS_DIMENSION, DEDUCTION_DIMENSION, type RubricRow, type RubricMethod } from './rubric';
export {
  templateSheets,
  branchSheet,
  rubricSheet,
  scoreSheet,
  ledgerSheet,
  vetoSheet,
  settingsSheet,
  wideFormSheet,
  wideHeader,
  type TemplateBallots,
  ratedRows,
  ledgerColumns,
  formulaIdentifiers,
  BRANCH_HEADERS,
  RUBRIC_HEADERS,
  SCORE_HEADERS,
  VETO_HEADERS,
  SETTINGS_HEADERS,
  MEETING_COLUMNS,
  FORMULA_FUNCTIONS,
  FORMULA_VARIABLES,
} from './sheets';
export { settingsText, SETTING_NOTES, type TemplateLocale } from './settingsText';
export { sampleSheets, DEFAULT_SEED, type SampleOptions } from './sample';
export { sampleBallotSheets, type BallotForms } from './ballots';
export {
  reviewSheet,
  satisfactionSheet,
  appraisalSheet,
  reviewCountSheet,
  satisfactionCountSheet,
  appraisalCountSheet,
  blankBallotSheets,
  guideSheet,
  REVIEW_HEADERS,
  SATISFACTION_HEADERS,
  APPRAISAL_HEADERS,
  REVIEW_COUNT_HEADERS,
  SATISFACTION_COUNT_HEADERS,
  APPRAISAL_COUNT_HEADERS,
  type BallotForm,
} from './ballotSheets';
export { sheetToRaw, sampleWorkbook } from './raw';
export { scoringForms, formRaterName, formRoles, missingTemplateSheets, SHEET_NAME_MAX, type FormRater } from './forms';
export { createRandom, mulberry32, type Random } from './random';
