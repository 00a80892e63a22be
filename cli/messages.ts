/**
 * The command line's own words (usage, progress, summary, file errors), zh-CN and en-US. Issue
 * messages come from the engine's catalog (engine/messages); this file holds only what the CLI says.
 */

export type CliLocale = 'zh-CN' | 'en-US';

export const CLI_LOCALES: readonly CliLocale[] = ['zh-CN', 'en-US'];

export interface CliMessages {
  readonly usage: string;
  // ── bad usage (exit 2) ──
  readonly unknownCommand: (cmd: string) => string;
  readonly badOption: (detail: string) => string;
  readonly optionNotFor: (option: string, cmd: string) => string;
  readonly needsSample: (option: string) => string;
  readonly missingInput: (cmd: string) => string;
  readonly missingOutput: (cmd: string) => string;
  readonly extraArguments: (args: string) => string;
  readonly badValue: (option: string, value: string, expected: string) => string;
  readonly notXlsxName: (file: string) => string;
  readonly notExportName: (file: string) => string;
  readonly sheetOnlyForCsv: string;
  // ── files (exit 2) ──
  readonly fileMissing: (file: string) => string;
  readonly fileIsDirectory: (file: string) => string;
  readonly fileNoAccess: (file: string) => string;
  readonly fileReadFailed: (file: string, detail: string) => string;
  readonly fileOldXls: (file: string) => string;
  readonly fileNotXlsx: (file: string, detail: string) => string;
  readonly writeFailed: (file: string, detail: string) => string;
  readonly writeBusy: (file: string) => string;
  readonly writeNoDir: (file: string) => string;
  readonly internalError: (detail: string) => string;
  // ── progress (stderr) ──
  readonly reading: (file: string, time: string) => string;
  readonly computing: (time: string) => string;
  readonly writing: (file: string, time: string) => string;
  // ── summary (stdout) ──
  /** Between a label and its value: full-width `：` in Chinese. */
  readonly labelSep: string;
  readonly gradeDistribution: string;
  readonly unrated: string;
  readonly allStrong: string;
  readonly redFlag: string;
  readonly gaps: string;
  readonly issueCounts: (errors: number, warnings: number) => string;
  readonly errorsHint: (input: string) => string;
  readonly written: (file: string) => string;
  // ── check (stdout) ──
  readonly checkHeader: readonly [string, string, string, string, string];
  readonly severity: { readonly error: string; readonly warning: string };
  readonly noIssues: string;
  readonly checkTotal: (errors: number, warnings: number) => string;
}

const USAGE_ZH = `用法：branch-rating <命令> [选项]

命令：
  template -o 文件.xlsx [--sample N] [--seed S] [--form wide|long]
      生成空白模板（指标、参数等输入表）；--sample N 生成含 N 个支部的示例数据
      （--seed 固定随机种子，--form 选择宽表 评分-<评分人> 或长表 评分）。
  score 输入.xlsx -o 输出.xlsx [--lang zh-CN|en-US]
      计算分类定级、六强、问题清单，输入表原样保留，输出表写入（重复运行会替换输出表，
      问题清单中填写的整改内容保留）。输出可与输入为同一文件。
  check 输入.xlsx [--lang zh-CN|en-US]
      只检查数据，列出全部问题。
  merge 主工作簿.xlsx 甲.xlsx 乙.xlsx … -o 输出.xlsx [--lang zh-CN|en-US]
      汇总各评委、各单位的工作簿：第一个为主工作簿（以其支部、指标、参数为准），其余文件的评分、
      评分表、台账、否决和测评票按表类型追加到主工作簿（加“来源”列），评分表 评分-<评分人> 单独成表。
      指标与主工作簿不同的文件、已合并过的文件不合并；同一评分人对同一支部同一指标出现在两个文件
      中列为冲突；主工作簿没有的支部编号列为问题。有未合并的文件、冲突或问题时退出码为 1。
  export 输入.xlsx -o 汇总.xlsx|汇总.csv [--sheet 工作表] [--scores] [--lang zh-CN|en-US]
      按当前数据重新计算后导出可打印的汇总（新工作簿，输入文件不变）：公示名单、单位汇总（含
      等次分布图）、评定结果、问题清单，横向、按页宽缩放、每页重复标题行，标题含评定年度和
      导出日期。公示名单默认不含分数，--scores 加上总分和排名。导出为 .csv 时只写一张表（默认
      公示名单，--sheet 指定），UTF-8 带 BOM；以 = + - @ 开头的文字前加 ' 以防被当作公式执行。

选项：
  -o, --output 文件   输出文件
  --sheet 工作表      export 导出 .csv 时的工作表：公示名单 | 单位汇总 | 评定结果 | 问题清单
  --scores            export 的公示名单包含总分和排名
  --lang zh-CN|en-US  界面与生成文字的语言（默认 zh-CN）
  -h, --help          显示本帮助

退出码：0 成功；1 数据有错误（仍写出能计算的结果）；2 用法错误或文件无法读取/写入。`;

const USAGE_EN = `Usage: branch-rating <command> [options]

Commands:
  template -o FILE.xlsx [--sample N] [--seed S] [--form wide|long]
      Write a blank template (rubric, settings and the other input sheets); --sample N fills it
      with N sample branches (--seed fixes the random seed, --form picks wide 评分-<rater> forms
      or the long 评分 sheet).
  score IN.xlsx -o OUT.xlsx [--lang zh-CN|en-US]
      Grade the branches (分类定级, 六强, 问题清单). Input sheets are kept as they are; output
      sheets are replaced on every run and what was typed in 问题清单's user columns is kept.
      OUT may be IN.
  check IN.xlsx [--lang zh-CN|en-US]
      Check the data only and list every issue.
  merge MASTER.xlsx A.xlsx B.xlsx … -o OUT.xlsx [--lang zh-CN|en-US]
      Consolidate the evaluators' and units' workbooks: the first is the master (its 支部, 指标 and
      参数 rule); the others' scores, scoring forms, 台账, 否决 and ballots are appended to the master's
      sheets of the same kind with a 来源 column; 评分-<rater> forms are kept as their own sheets. A file
      whose 指标 differs, or that was merged before, is refused; one rater scoring the same branch and
      indicator in two files is a conflict; an unknown 支部编号 is an issue. Exit 1 when any of these.
  export IN.xlsx -o SUMMARY.xlsx|SUMMARY.csv [--sheet SHEET] [--scores] [--lang zh-CN|en-US]
      Grade the current data and export print-ready summaries to a new workbook (IN is not
      changed): 公示名单, 单位汇总 (with the grade chart), 评定结果, 问题清单 — landscape, fit to
      page width, header rows on every page, a title with 评定年度 and the export date. 公示名单
      has no scores unless --scores. A .csv holds one sheet (公示名单 unless --sheet), UTF-8 with
      BOM; text starting with = + - @ gets a leading ' so that it cannot run as a formula.

Options:
  -o, --output FILE   output file
  --sheet SHEET       export to .csv: the sheet (公示名单 | 单位汇总 | 评定结果 | 问题清单)
  --scores            export: add 总分 and 排名 to 公示名单
  --lang zh-CN|en-US  language of messages and generated text (default zh-CN)
  -h, --help          show this help

Exit codes: 0 success; 1 the data had errors (what could be computed is still written);
2 bad usage, or a file that cannot be read or written.`;

const zh: CliMessages = {
  usage: `${USAGE_ZH}\n\n${USAGE_EN}`,
  unknownCommand: (cmd) => `未知命令“${cmd}”。可用命令：template、score、check、export、merge（branch-rating --help 查看用法）。`,
  badOption: (detail) => `命令行选项有误：${detail}（branch-rating --help 查看用法）。`,
  optionNotFor: (option, cmd) => `选项 ${option} 不适用于 ${cmd} 命令。`,
  needsSample: (option) => `选项 ${option} 只用于示例数据，请同时给出 --sample N。`,
  missingInput: (cmd) =>
    cmd === 'merge'
      ? 'merge 需要主工作簿和至少一个要合并的文件，例如：branch-rating merge 主工作簿.xlsx 甲.xlsx 乙.xlsx -o 输出.xlsx'
      : `${cmd} 需要一个输入文件，例如：branch-rating ${cmd} 输入.xlsx${cmd === 'score' || cmd === 'export' ? ' -o 输出.xlsx' : ''}`,
  missingOutput: (cmd) => `${cmd} 需要用 -o 指定输出文件，例如：-o 输出.xlsx`,
  extraArguments: (args) => `多余的参数：${args}`,
  badValue: (option, value, expected) => `选项 ${option} 的值“${value}”无效，应为${expected}。`,
  notXlsxName: (file) => `输出文件“${file}”应以 .xlsx 结尾。`,
  notExportName: (file) => `导出文件“${file}”应以 .xlsx 或 .csv 结尾。`,
  sheetOnlyForCsv: '选项 --sheet 只用于导出 .csv（.xlsx 包含全部汇总表）。',
  fileMissing: (file) => `找不到文件“${file}”。请检查路径和文件名。`,
  fileIsDirectory: (file) => `“${file}”是文件夹，不是 .xlsx 文件。`,
  fileNoAccess: (file) => `没有权限读取“${file}”。请检查文件权限。`,
  fileReadFailed: (file, detail) => `无法读取“${file}”：${detail}`,
  fileOldXls: (file) =>
    `“${file}”是旧版 .xls 或设置了打开密码的工作簿。请在 Excel/WPS 中另存为“Excel 工作簿 (.xlsx)”且不设密码后重试。`,
  fileNotXlsx: (file, detail) =>
    `“${file}”不是有效的 .xlsx 工作簿（${detail}）。请在 Excel/WPS 中另存为“Excel 工作簿 (.xlsx)”后重试。`,
  writeFailed: (file, detail) => `无法写入“${file}”：${detail}。原文件未被改动。`,
  writeBusy: (file) => `无法写入“${file}”：文件可能正在 Excel/WPS 中打开。请关闭后重试；原文件未被改动。`,
  writeNoDir: (file) => `无法写入“${file}”：所在文件夹不存在。请先创建文件夹。`,
  internalError: (detail) => `内部错误：${detail}。请将输入文件和这条信息报告给维护者。`,
  reading: (file, time) => `读取 ${file} … ${time}`,
  computing: (time) => `计算 … ${time}`,
  writing: (file, time) => `写入 ${file} … ${time}`,
  labelSep: '：',
  gradeDistribution: '等次分布',
  unrated: '未评定',
  allStrong: '六强达标',
  redFlag: '红旗候选',
  gaps: '问题数',
  issueCounts: (e, w) => `数据问题：错误 ${e}，警告 ${w}`,
  errorsHint: (input) => `数据有错误：详见输出文件的“数据校验”工作表，或运行 branch-rating check ${input}`,
  written: (file) => `已写入：${file}`,
  checkHeader: ['级别', '工作表', '单元格', '代码', '说明'],
  severity: { error: '错误', warning: '警告' },
  noIssues: '未发现问题。',
  checkTotal: (e, w) => `共 ${e + w} 个问题：错误 ${e}，警告 ${w}`,
};

const en: CliMessages = {
  usage: `${USAGE_EN}\n\n${USAGE_ZH}`,
  unknownCommand: (cmd) => `Unknown command "${cmd}". Commands: template, score, check, export, merge (see branch-rating --help).`,
  badOption: (detail) => `Bad command-line option: ${detail} (see branch-rating --help).`,
  optionNotFor: (option, cmd) => `Option ${option} does not apply to the ${cmd} command.`,
  needsSample: (option) => `Option ${option} is for sample data: give --sample N as well.`,
  missingInput: (cmd) =>
    cmd === 'merge'
      ? 'merge needs the master and at least one file to merge, e.g. branch-rating merge MASTER.xlsx A.xlsx B.xlsx -o OUT.xlsx'
      : `${cmd} needs an input file, e.g. branch-rating ${cmd} IN.xlsx${cmd === 'score' || cmd === 'export' ? ' -o OUT.xlsx' : ''}`,
  missingOutput: (cmd) => `${cmd} needs an output file: -o OUT.xlsx`,
  extraArguments: (args) => `Unexpected arguments: ${args}`,
  badValue: (option, value, expected) => `Invalid value "${value}" for ${option}: expected ${expected}.`,
  notXlsxName: (file) => `The output file "${file}" should end in .xlsx.`,
  notExportName: (file) => `The export file "${file}" should end in .xlsx or .csv.`,
  sheetOnlyForCsv: 'Option --sheet is for a .csv export (an .xlsx holds every summary sheet).',
  fileMissing: (file) => `File not found: "${file}". Check the path and the file name.`,
  fileIsDirectory: (file) => `"${file}" is a folder, not an .xlsx file.`,
  fileNoAccess: (file) => `No permission to read "${file}". Check the file's permissions.`,
  fileReadFailed: (file, detail) => `Cannot read "${file}": ${detail}`,
  fileOldXls: (file) =>
    `"${file}" is an old .xls workbook or is password-protected. Save it from Excel/WPS as "Excel Workbook (.xlsx)" without a password and try again.`,
  fileNotXlsx: (file, detail) =>
    `"${file}" is not a valid .xlsx workbook (${detail}). Save it from Excel/WPS as "Excel Workbook (.xlsx)" and try again.`,
  writeFailed: (file, detail) => `Cannot write "${file}": ${detail}. The existing file was not changed.`,
  writeBusy: (file) => `Cannot write "${file}": it may be open in Excel/WPS. Close it and try again; the existing file was not changed.`,
  writeNoDir: (file) => `Cannot write "${file}": its folder does not exist. Create the folder first.`,
  internalError: (detail) => `Internal error: ${detail}. Please report it to the maintainers with the input file.`,
  reading: (file, time) => `Reading ${file} … ${time}`,
  computing: (time) => `Computing … ${time}`,
  writing: (file, time) => `Writing ${file} … ${time}`,
  labelSep: ': ',
  gradeDistribution: 'Grades',
  unrated: 'unrated (未评定)',
  allStrong: 'All six strong (六强达标)',
  redFlag: 'Red-flag candidates (红旗候选)',
  gaps: 'Gaps (问题数)',
  issueCounts: (e, w) => `Data issues: ${e} error(s), ${w} warning(s)`,
  errorsHint: (input) => `The data has errors: see the 数据校验 sheet in the output, or run branch-rating check ${input} --lang en-US`,
  written: (file) => `Written: ${file}`,
  checkHeader: ['Level', 'Sheet', 'Cell', 'Code', 'Message'],
  severity: { error: 'error', warning: 'warning' },
  noIssues: 'No issues found.',
  checkTotal: (e, w) => `${e + w} issue(s): ${e} error(s), ${w} warning(s)`,
};

/** The CLI catalog for a locale. */
export function cliMessages(locale: CliLocale): CliMessages {
  return locale === 'en-US' ? en : zh;
}

/** `1.2 s` from one second up, `15 ms` below. */
export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** Terminal width of a string: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
  }
  return w;
}

/** Pad to a terminal width (CJK-aware), for aligned tables. */
export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}
