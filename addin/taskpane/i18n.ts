/**
 * The task pane's own words, in zh-CN (the default) and en-US. Both tables have the type UiStrings,
 * so the compiler refuses a key that one language lacks. Issue messages and 等次说明 are not here:
 * they come from the engine's catalog (engine/messages), rendered in the same locale.
 */
import type { HostErrorCode } from '../host';
import type { Locale } from '../../engine/messages';
import type { FileSummary, RubricDifference } from '../../engine/merge/types';

/** The steps of the pane (tab order: App's TABS). */
export type StepKey = 'prepare' | 'forms' | 'import' | 'check' | 'compute' | 'results' | 'export';

export interface UiStrings {
  readonly title: string;
  readonly language: string;
  readonly languageNames: { readonly [L in Locale]: string };
  readonly steps: { readonly [S in StepKey]: string };
  readonly stepsLabel: string;

  // progress and failures
  readonly phase: { readonly reading: string; readonly computing: string; readonly writing: string };
  readonly failedTitle: string;
  readonly details: string;
  readonly dismiss: string;
  readonly stepFailed: { readonly [S in Exclude<StepKey, 'results'> | 'select']: string };
  readonly hostError: { readonly [C in HostErrorCode]: string };
  readonly unexpected: string;
  /** Between two sentences: nothing after a Chinese full stop, a space after an English one. */
  readonly sentenceGap: string;

  // 准备
  readonly prepareIntro: string;
  readonly prepareRun: string;
  readonly prepareAdded: (names: string) => string;
  readonly prepareNoneAdded: string;
  readonly preparePresent: (names: string) => string;

  // 评分
  readonly formsIntro: string;
  readonly ratersLabel: string;
  readonly ratersHint: string;
  readonly raterColumn: string;
  readonly roleColumn: string;
  readonly roleFor: (rater: string) => string;
  readonly rolesFromSettings: string;
  readonly rolesUnavailable: (message: string) => string;
  readonly formsRun: string;
  readonly formsNone: string;
  readonly formsAdded: (names: string) => string;
  readonly formsExisted: (names: string) => string;
  readonly formsNothing: string;
  readonly noValidation: string;
  readonly formsIssues: string;

  // 检查
  readonly checkIntro: string;
  readonly checkRun: string;
  readonly checkClean: string;
  readonly checkTotals: (errors: number, warnings: number) => string;
  readonly sheetCounts: (errors: number, warnings: number) => string;
  readonly severity: { readonly error: string; readonly warning: string };
  readonly cellColumn: string;
  readonly messageColumn: string;
  readonly selectIssue: (where: string, message: string) => string;
  readonly moreIssues: (n: number) => string;

  // 计算
  readonly computeIntro: string;
  readonly computeRun: string;
  readonly computeDone: (sheets: string) => string;
  readonly computeHasErrors: (errors: number) => string;
  readonly seeResults: string;

  // 结果
  readonly resultsEmpty: string;
  readonly chartTitle: string;
  readonly unrated: string;
  readonly counts: string;
  readonly allStrong: string;
  readonly redFlag: string;
  readonly gaps: string;
  readonly dataIssues: string;
  readonly redFlagList: string;
  readonly redFlagNone: string;
  readonly moved: string;
  readonly movedNone: string;
  readonly branchColumn: string;
  readonly unitColumn: string;
  readonly totalColumn: string;
  readonly baseGradeColumn: string;
  readonly gradeColumn: string;
  readonly reasonColumn: string;
  readonly explain: string;
  readonly pickBranch: string;
  readonly gradeLine: (base: string, grade: string) => string;
  readonly unratedBranch: string;
  readonly scoreLine: (percent: string, bonus: string, deduction: string, total: string, rank: string) => string;
  readonly dimensionColumn: string;
  readonly scoreColumn: string;
  readonly passLineColumn: string;
  readonly strongColumn: string;
  readonly strongYes: string;
  readonly strongNo: string;
  readonly notScored: string;
  readonly effects: string;
  readonly effectsNone: string;
  readonly quota: (share: string, scope: string) => string;
  readonly quotaScope: { readonly all: string; readonly unit: string };
  readonly quotaApplied: string;
  readonly quotaNotApplied: string;
  readonly redFlagFailures: string;

  // 导入
  readonly importIntro: string;
  readonly importPick: string;
  readonly importPickLabel: string;
  readonly importSummary: string;
  readonly fileColumn: string;
  readonly statusColumn: string;
  readonly rowsColumn: string;
  readonly ratersColumn: string;
  readonly conflictsColumn: string;
  /** A file's status: merged, refused for a reason, or unreadable. */
  readonly fileStatus: { readonly [K in 'merged' | 'unreadable' | NonNullable<FileSummary['refusal']>]: string };
  readonly sheetRows: (sheet: string, rows: number) => string;
  readonly noRows: string;
  readonly listSep: string;
  readonly differencesTitle: (file: string) => string;
  readonly difference: (d: RubricDifference) => string;
  readonly unreadableDetail: (file: string) => string;
  readonly conflictsTitle: (n: number) => string;
  readonly conflictsNote: string;
  readonly indicatorColumn: string;
  readonly filesColumn: string;
  readonly valuesColumn: string;
  readonly importIssues: string;
  readonly importApply: string;
  readonly importNothing: string;
  readonly importApplied: (rows: string) => string;
  readonly importAdded: (sheets: string) => string;
  readonly importNext: string;

  // 导出
  readonly exportIntro: string;
  readonly includeScores: string;
  readonly exportRun: string;
  readonly exportCsv: string;
  readonly exportOpened: (file: string) => string;
  readonly exportDownloaded: (file: string) => string;
  readonly exportFallback: string;
  readonly exportContains: (sheets: string) => string;
}

const zhCN: UiStrings = {
  title: '支部评定',
  language: '界面语言',
  languageNames: { 'zh-CN': '中文', 'en-US': 'English' },
  steps: { prepare: '准备', forms: '评分', import: '导入', check: '检查', compute: '计算', results: '结果', export: '导出' },
  stepsLabel: '步骤',

  phase: { reading: '正在读取工作簿…', computing: '正在计算…', writing: '正在写入工作表…' },
  failedTitle: '操作未完成',
  details: '详细信息',
  dismiss: '关闭',
  stepFailed: {
    prepare: '创建工作表失败。',
    forms: '生成评分表失败。',
    import: '导入失败。',
    check: '检查失败。',
    compute: '计算失败。',
    export: '导出失败。',
    select: '无法定位到该单元格。',
  },
  hostError: {
    busy: 'Excel 正忙（可能有单元格正在编辑）。请按 Enter 或 Esc 结束编辑，然后重试。',
    tooLarge: '数据量超出 Excel 单次处理的上限。请删除多余的空行空列，或把工作簿拆小后重试。',
    unsupported: '当前 Office 版本不支持这项功能。请更新 Office，或改用网页版任务窗格。',
    protected: '工作表或工作簿受保护。请在“审阅”选项卡中撤销保护后重试。',
    unreadable: '无法打开该文件。请确认它是未损坏的 .xlsx 工作簿后重新打开。',
    unknown: '操作未能完成。请重试；若仍失败，请保存并重新打开工作簿后再试。',
  },
  unexpected: '发生了意外错误。请重试；若仍失败，请把下方的详细信息发给管理员。',
  sentenceGap: '',

  prepareIntro: '为工作簿补齐缺少的输入表（支部、指标、评分、台账、否决、测评表、参数、填表说明）。已有的工作表不会被改动。',
  prepareRun: '创建缺少的工作表',
  prepareAdded: (names) => `已创建：${names}`,
  prepareNoneAdded: '工作簿已包含全部输入表，未创建新表。',
  preparePresent: (names) => `已存在（未改动）：${names}`,

  formsIntro: '为每位评分人生成一张“评分-姓名”评分表：每个支部一行，每个评分指标一列。',
  ratersLabel: '评分人（每行一个姓名）',
  ratersHint: '例如：张三',
  raterColumn: '评分人',
  roleColumn: '评分人类别',
  roleFor: (rater) => `${rater}的评分人类别`,
  rolesFromSettings: '评分人类别取自“参数”表的评分人类别权重。',
  rolesUnavailable: (message) => `未能读取“参数”中的评分人类别，暂用默认类别（上级、自评）。${message}`,
  formsRun: '生成评分表',
  formsNone: '请先输入至少一位评分人。',
  formsAdded: (names) => `已生成：${names}`,
  formsExisted: (names) => `已存在（未改动）：${names}`,
  formsNothing: '没有生成评分表：工作簿需要有支部和评分指标。请先在“准备”中创建并填写支部、指标表。',
  noValidation: '当前 Excel 版本不支持数据验证，评分表未设置 0 至分值的输入限制；填写后请用“检查”核对。',
  formsIssues: '需要注意的问题',

  checkIntro: '检查工作簿中的全部输入，列出每个问题及其单元格。点击问题可定位到该单元格。',
  checkRun: '开始检查',
  checkClean: '没有发现问题。',
  checkTotals: (errors, warnings) => `共 ${errors} 个错误，${warnings} 个警告`,
  sheetCounts: (errors, warnings) => `错误 ${errors} · 警告 ${warnings}`,
  severity: { error: '错误', warning: '警告' },
  cellColumn: '单元格',
  messageColumn: '说明',
  selectIssue: (where, message) => `定位到 ${where}：${message}`,
  moreIssues: (n) => `另有 ${n} 个问题未列出，请查看计算后的“数据校验”表。`,

  computeIntro: '计算全部支部的得分与等次，并写入评定结果、问题清单、单位汇总、数据校验等输出表。输入表不会被改动。',
  computeRun: '开始计算',
  computeDone: (sheets) => `已写入：${sheets}`,
  computeHasErrors: (errors) => `数据中有 ${errors} 个错误，相关数值留空；详见“检查”或“数据校验”表。`,
  seeResults: '查看结果',

  resultsEmpty: '尚无结果。请先在“计算”中运行计算。',
  chartTitle: '等次分布',
  unrated: '未评定',
  counts: '统计',
  allStrong: '六强达标',
  redFlag: '红旗候选',
  gaps: '问题数',
  dataIssues: '数据问题（错误/警告）',
  redFlagList: '红旗候选支部',
  redFlagNone: '没有红旗候选支部。',
  moved: '等次调整的支部',
  movedNone: '没有支部的等次被调整。',
  branchColumn: '支部',
  unitColumn: '所属党委',
  totalColumn: '总分',
  baseGradeColumn: '原等次',
  gradeColumn: '等次',
  reasonColumn: '等次说明',
  explain: '等次依据',
  pickBranch: '选择支部',
  gradeLine: (base, grade) => `按总分为${base}，最终等次${grade}`,
  unratedBranch: '未评定',
  scoreLine: (percent, bonus, deduction, total, rank) => `百分制 ${percent} + 加分 ${bonus} − 扣分 ${deduction} = 总分 ${total}（排名 ${rank}）`,
  dimensionColumn: '维度',
  scoreColumn: '得分',
  passLineColumn: '达标线',
  strongColumn: '是否达强',
  strongYes: '强',
  strongNo: '未达强',
  notScored: '未评分',
  effects: '影响等次的事项',
  effectsNone: '无',
  quota: (share, scope) => `最高等次比例上限 ${share}（${scope}）`,
  quotaScope: { all: '全部支部', unit: '按所属党委' },
  quotaApplied: '本支部受比例控制调整。',
  quotaNotApplied: '本支部未受比例控制影响。',
  redFlagFailures: '未达红旗候选的原因',

  importIntro:
    '选择各评分人、各二级党委交回的工作簿（可一次选择多个 .xlsx）。文件只在本机读取，不会上传。当前打开的工作簿是主工作簿，以它的支部、指标和参数为准；先列出每个文件带来的内容，核对后再应用合并。',
  importPick: '选择工作簿…',
  importPickLabel: '要导入的工作簿（.xlsx，可多选）',
  importSummary: '各文件的内容',
  fileColumn: '文件',
  statusColumn: '状态',
  rowsColumn: '数据行',
  ratersColumn: '评分人数',
  conflictsColumn: '冲突',
  fileStatus: {
    merged: '可合并',
    rubric: '已拒绝：指标与主工作簿不同',
    duplicate: '已拒绝：该文件已导入过',
    empty: '已拒绝：没有可合并的数据',
    unreadable: '无法读取',
  },
  sheetRows: (sheet, rows) => `${sheet} ${rows} 行`,
  noRows: '无',
  listSep: '、',
  differencesTitle: (file) => `「${file}」的指标与主工作簿不同，未合并：`,
  difference: (d) =>
    d.field === 'missing'
      ? `指标 ${d.indicator}：主工作簿有，该文件没有`
      : d.field === 'extra'
        ? `指标 ${d.indicator}：该文件有，主工作簿没有`
        : `指标 ${d.indicator} 的${d.field}：主工作簿为“${d.master}”，该文件为“${d.source}”`,
  unreadableDetail: (file) => `「${file}」不是可读取的 .xlsx 工作簿（旧版 .xls 或设置了打开密码的文件请先在 Excel 或 WPS 中另存为 .xlsx），未合并。`,
  conflictsTitle: (n) => `冲突 ${n} 处：同一评分人对同一支部、同一指标在多个文件中都有得分`,
  conflictsNote: '这些得分仍会追加，不会重复计算：相同的得分只计一次，不同的得分在“检查”中列为错误，请核对后只保留正确的一个。',
  indicatorColumn: '指标',
  filesColumn: '文件',
  valuesColumn: '得分',
  importIssues: '导入数据中的问题',
  importApply: '应用合并',
  importNothing: '没有可合并的内容：所有文件都被拒绝或没有数据。',
  importApplied: (rows) => `已合并：${rows}`,
  importAdded: (sheets) => `新增工作表：${sheets}`,
  importNext: '合并已写入当前工作簿。请到“计算”重新计算。',

  exportIntro:
    '导出用于公示和汇报的汇总工作簿：公示名单、单位汇总（含等次分布图）、评定结果、问题清单，已设置横向打印、按页宽缩放、每页重复标题行。当前工作簿不会被修改。',
  includeScores: '公示名单中包含总分和排名',
  exportRun: '导出汇总工作簿',
  exportCsv: '下载 CSV（公示名单）',
  exportOpened: (file) => `已在 Excel 中打开新工作簿（${file}），请在新窗口中保存。`,
  exportDownloaded: (file) => `已下载「${file}」。`,
  exportFallback:
    '此 Excel 未能直接打开新工作簿（需要 Excel 2019 或更高版本，或浏览器阻止了新窗口），已改为下载文件。若没有看到下载（Mac 版 Office 不支持从任务窗格下载文件），请改用网页版或命令行 branch-rating export 导出。',
  exportContains: (sheets) => `包含：${sheets}`,
};

const enUS: UiStrings = {
  title: 'Branch rating',
  language: 'Language',
  languageNames: { 'zh-CN': '中文', 'en-US': 'English' },
  steps: { prepare: 'Prepare', forms: 'Forms', import: 'Import', check: 'Check', compute: 'Compute', results: 'Results', export: 'Export' },
  stepsLabel: 'Steps',

  phase: { reading: 'Reading the workbook…', computing: 'Computing…', writing: 'Writing sheets…' },
  failedTitle: 'The step did not finish',
  details: 'Details',
  dismiss: 'Dismiss',
  stepFailed: {
    prepare: 'Creating the sheets failed.',
    forms: 'Generating the scoring forms failed.',
    import: 'The import failed.',
    check: 'The check failed.',
    compute: 'The computation failed.',
    export: 'The export failed.',
    select: 'Could not go to that cell.',
  },
  hostError: {
    busy: 'Excel is busy (a cell may be in edit mode). Press Enter or Esc to finish editing, then try again.',
    tooLarge: 'The data exceeds what Excel accepts in one request. Delete unused rows and columns, or split the workbook, then try again.',
    unsupported: 'This version of Office does not support this feature. Update Office, or use the web page instead.',
    protected: 'A sheet or the workbook is protected. Unprotect it on the Review tab, then try again.',
    unreadable: 'The file could not be opened. Check that it is an undamaged .xlsx workbook and open it again.',
    unknown: 'The operation did not complete. Try again; if it still fails, save and reopen the workbook.',
  },
  unexpected: 'An unexpected error occurred. Try again; if it still fails, send the details below to your administrator.',
  sentenceGap: ' ',

  prepareIntro: 'Add the input sheets the workbook lacks (支部, 指标, 评分, 台账, 否决, the ballot sheets, 参数, 填表说明). Existing sheets are never changed.',
  prepareRun: 'Create missing sheets',
  prepareAdded: (names) => `Created: ${names}`,
  prepareNoneAdded: 'The workbook already has every input sheet; nothing was created.',
  preparePresent: (names) => `Already there (unchanged): ${names}`,

  formsIntro: 'Generate a 评分-<name> scoring form per rater: one row per branch, one column per rated indicator.',
  ratersLabel: 'Raters (one name per line)',
  ratersHint: 'e.g. Zhang San',
  raterColumn: 'Rater',
  roleColumn: 'Role (评分人类别)',
  roleFor: (rater) => `Role of ${rater}`,
  rolesFromSettings: 'Roles come from 评分人类别权重 in the 参数 sheet.',
  rolesUnavailable: (message) => `Could not read the roles from 参数; using the defaults (上级, 自评). ${message}`,
  formsRun: 'Generate forms',
  formsNone: 'Enter at least one rater first.',
  formsAdded: (names) => `Generated: ${names}`,
  formsExisted: (names) => `Already there (unchanged): ${names}`,
  formsNothing: 'No form was generated: the workbook needs branches and rated indicators. Create and fill 支部 and 指标 in Prepare first.',
  noValidation: 'This version of Excel does not support data validation, so the forms do not limit entries to 0..points; run Check after filling them in.',
  formsIssues: 'Things to look at',

  checkIntro: 'Check every input of the workbook and list each problem with its cell. Click a problem to go to its cell.',
  checkRun: 'Run check',
  checkClean: 'No problems found.',
  checkTotals: (errors, warnings) => `${errors} errors, ${warnings} warnings`,
  sheetCounts: (errors, warnings) => `Errors ${errors} · Warnings ${warnings}`,
  severity: { error: 'Error', warning: 'Warning' },
  cellColumn: 'Cell',
  messageColumn: 'Message',
  selectIssue: (where, message) => `Go to ${where}: ${message}`,
  moreIssues: (n) => `${n} more problems are not listed; see the 数据校验 sheet after computing.`,

  computeIntro: 'Score and grade every branch, and write 评定结果, 问题清单, 单位汇总, 数据校验 and the other output sheets. Input sheets are never changed.',
  computeRun: 'Compute',
  computeDone: (sheets) => `Written: ${sheets}`,
  computeHasErrors: (errors) => `The data has ${errors} errors; the values they affect are left blank. See Check or the 数据校验 sheet.`,
  seeResults: 'See results',

  resultsEmpty: 'No results yet. Run Compute first.',
  chartTitle: 'Grade distribution',
  unrated: 'Unrated',
  counts: 'Counts',
  allStrong: 'All six strong (六强达标)',
  redFlag: 'Red-flag candidates',
  gaps: 'Gaps (问题清单)',
  dataIssues: 'Data issues (errors/warnings)',
  redFlagList: 'Red-flag candidates',
  redFlagNone: 'No red-flag candidates.',
  moved: 'Branches whose grade was adjusted',
  movedNone: 'No branch had its grade adjusted.',
  branchColumn: 'Branch',
  unitColumn: 'Unit',
  totalColumn: 'Total',
  baseGradeColumn: 'Base grade',
  gradeColumn: 'Grade',
  reasonColumn: 'Why',
  explain: 'Why this grade',
  pickBranch: 'Branch',
  gradeLine: (base, grade) => `Grade by score: ${base}; final grade: ${grade}`,
  unratedBranch: 'Unrated',
  scoreLine: (percent, bonus, deduction, total, rank) => `Percent ${percent} + bonus ${bonus} − deduction ${deduction} = total ${total} (rank ${rank})`,
  dimensionColumn: 'Dimension',
  scoreColumn: 'Score',
  passLineColumn: 'Pass line',
  strongColumn: 'Strong',
  strongYes: 'Strong',
  strongNo: 'Not strong',
  notScored: 'Not scored',
  effects: 'What changed the grade',
  effectsNone: 'Nothing',
  quota: (share, scope) => `Top-grade quota ${share} (${scope})`,
  quotaScope: { all: 'all branches', unit: 'per unit' },
  quotaApplied: 'The quota moved this branch.',
  quotaNotApplied: 'The quota did not affect this branch.',
  redFlagFailures: 'Why not a red-flag candidate',

  importIntro:
    'Pick the workbooks the raters and units sent back (several .xlsx at once). The files are read on this computer only; nothing is uploaded. The open workbook is the master: its 支部, 指标 and 参数 rule. What each file brings is listed first; apply the merge once it looks right.',
  importPick: 'Choose workbooks…',
  importPickLabel: 'Workbooks to import (.xlsx, several at once)',
  importSummary: 'What each file brings',
  fileColumn: 'File',
  statusColumn: 'Status',
  rowsColumn: 'Data rows',
  ratersColumn: 'Raters',
  conflictsColumn: 'Conflicts',
  fileStatus: {
    merged: 'Ready to merge',
    rubric: 'Refused: its rubric differs from the master',
    duplicate: 'Refused: already imported',
    empty: 'Refused: nothing to merge',
    unreadable: 'Unreadable',
  },
  sheetRows: (sheet, rows) => `${sheet}: ${rows} rows`,
  noRows: 'none',
  listSep: ', ',
  differencesTitle: (file) => `"${file}" has a different rubric (指标) and was not merged:`,
  difference: (d) =>
    d.field === 'missing'
      ? `Indicator ${d.indicator}: in the master, not in this file`
      : d.field === 'extra'
        ? `Indicator ${d.indicator}: in this file, not in the master`
        : `Indicator ${d.indicator}, ${d.field}: master "${d.master}", this file "${d.source}"`,
  unreadableDetail: (file) => `"${file}" is not a readable .xlsx workbook (save an old .xls or a password-protected file as .xlsx in Excel or WPS first); it was not merged.`,
  conflictsTitle: (n) => `${n} conflicts: the same rater scored the same branch and indicator in more than one file`,
  conflictsNote: 'These scores are still appended and never counted twice: equal scores count once, different ones are listed as errors in Check. Keep the right one.',
  indicatorColumn: 'Indicator',
  filesColumn: 'Files',
  valuesColumn: 'Scores',
  importIssues: 'Problems in the imported data',
  importApply: 'Apply merge',
  importNothing: 'Nothing to merge: every file was refused or brought no data.',
  importApplied: (rows) => `Merged: ${rows}`,
  importAdded: (sheets) => `Sheets added: ${sheets}`,
  importNext: 'The merge was written into this workbook. Compute again in Compute.',

  exportIntro:
    'Export the summary workbook to publish and report: 公示名单 (public list), 单位汇总 (with the grade chart), 评定结果 and 问题清单, set to print landscape, one page wide, with the header repeated. This workbook is not changed.',
  includeScores: 'Include 总分 and 排名 in the public list',
  exportRun: 'Export summary workbook',
  exportCsv: 'Download CSV (public list)',
  exportOpened: (file) => `Opened as a new workbook in Excel (${file}); save it from the new window.`,
  exportDownloaded: (file) => `Downloaded "${file}".`,
  exportFallback:
    'Excel could not open a new workbook here (it needs Excel 2019 or later, or the browser blocked the new window), so the file was downloaded instead. If no download appears (Office on Mac does not allow downloads from a task pane), export from the web page or with branch-rating export.',
  exportContains: (sheets) => `Contains: ${sheets}`,
};

const TABLES: { readonly [L in Locale]: UiStrings } = { 'zh-CN': zhCN, 'en-US': enUS };

/** The string table of a locale. */
export function strings(locale: Locale): UiStrings {
  return TABLES[locale];
}

/** The pane's language from Office's display language: `en`, `en-US`, `en-GB` … → en-US; anything else → zh-CN. */
export function pickLocale(displayLanguage?: string): Locale {
  return displayLanguage !== undefined && /^en(?:[-_]|$)/i.test(displayLanguage.trim()) ? 'en-US' : 'zh-CN';
}
