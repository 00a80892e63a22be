/**
 * English, the second UI language. Contract values (sheet and column names, 等次 names, 问题类型)
 * stay in Chinese because they are what the user sees in the workbook.
 */
import type { Effect } from '../model';
import { badRate, hasDiff, num, pct, points, range, share } from './helpers';
import type { Fmt, IssueCatalog, LocaleCatalog, ProseCatalog } from './types';

const issues: IssueCatalog = {
  SHEET_MISSING: (p) =>
    `This sheet is missing, so the run cannot ${{ grading: 'grade any branch', scoring: 'score any indicator', ledger: `compute the ledger indicators ${p.indicators}` }[p.purpose]}; add it (see the template)`,
  SHEET_EMPTY: () => 'The sheet is empty (no header row); put the column titles in the first row',
  SHEET_DUPLICATE: (p) => `Same name as sheet "${p.other}" (ignoring spaces, case and full-width forms); only the first is read. Delete or rename the extra sheet`,
  COLUMN_MISSING: (p) => `Required column "${p.column}" is missing; add it to the header row`,
  COLUMN_DUPLICATE: (p) => `Column "${p.column}" appears twice; only the first is read. Delete or rename the duplicate`,
  CELL_ERROR_VALUE: (p) => `The cell holds the error value ${p.value} (column "${p.column}") and is not counted; fix the formula or enter a valid value`,
  NUMBER_INVALID: (p) => `"${p.value}" is not a number (column "${p.column}"); enter a number`,
  INTEGER_INVALID: (p) => `"${p.value}" is not a whole number ≥ 0 (column "${p.column}"); enter 0 or a positive whole number`,
  NUMBER_OUT_OF_RANGE: (p) => `${p.value} is outside ${range(p.min, p.max)} (column "${p.column}"); enter a number in range`,
  VALUE_NOT_ALLOWED: (p) => `"${p.value}" is not an allowed value (column "${p.column}"); choose one of: ${p.allowed}`,
  REQUIRED_MISSING: (p) => `Required cell "${p.column}" is blank; fill it in`,
  KEY_MISSING: (p) => `The row has data but "${p.column}" is blank, so the row is not counted; fill in ${p.column} or delete the row`,
  BRANCH_ID_DUPLICATE: (p) => `Branch id "${p.id}" repeats (first at ${p.first}); this row is not counted. Correct the id or delete the row`,
  INDICATOR_ID_DUPLICATE: (p) => `Indicator id "${p.id}" repeats (first at ${p.first}); this row is not counted. Correct the id or delete the row`,
  BRANCH_UNKNOWN: (p) => `Branch id "${p.id}" is not in sheet 支部; this row is not counted. Check the id or add the branch to 支部`,
  INDICATOR_UNKNOWN: (p) => `Indicator id "${p.id}" is not in sheet 指标; this row is not counted. Check the id`,
  INDICATOR_NOT_RATED: (p) => `Indicator ${p.id} is scored by "${p.method}", not by raters; this score is not counted. Delete it or change 计分方式`,
  RUBRIC_EMPTY: () => 'Sheet 指标 has no indicator scored by 评分 or 台账, so no score can be computed; add indicators',
  FORMULA_MISSING: (p) => `Indicator ${p.id} is scored by 台账 but has no 台账公式; enter the formula`,
  FORMULA_SYNTAX: (p) => `The 台账公式 of indicator ${p.id}, "${p.formula}", cannot be read (${p.detail}); check brackets, operators and commas`,
  FORMULA_FORBIDDEN: (p) =>
    `The 台账公式 of indicator ${p.id}, "${p.formula}", uses something not allowed (${p.detail}); use only arithmetic, comparisons, a ? b : c and min, max, abs, floor, ceil, round, tier`,
  FORMULA_UNKNOWN_NAME: (p) => `The 台账公式 of indicator ${p.id}, "${p.formula}", uses the unknown name "${p.name}"; check the column names of 台账`,
  FORMULA_RESULT_INVALID: (p) => `The 台账公式 of indicator ${p.id} gives no valid number for branch ${p.branch} (${p.detail}); check that branch's ledger, e.g. a division by 0`,
  SCORE_OUT_OF_RANGE: (p) => `Score ${p.value} is outside 0–${p.max} (indicator ${p.indicator}) and is not counted; enter a score between 0 and ${p.max}`,
  ROLE_UNKNOWN: (p) => `Rater role "${p.role}" has no weight (set: ${p.known}); this score is not counted. Use a role that has a weight or add it to 评分人类别权重`,
  SCORE_DUPLICATE_SAME: (p) => `Rater ${p.rater} scored branch ${p.branch}, indicator ${p.indicator} twice (see also ${p.other}) with the same value; counted once. Delete the duplicate`,
  SCORE_DUPLICATE_CONFLICT: (p) =>
    `Rater ${p.rater} gave branch ${p.branch}, indicator ${p.indicator} two different scores (${p.value} here, ${p.otherValue} at ${p.other}); neither is counted. Keep only the right one`,
  ROLE_MISSING: (p) => `Branch ${p.branch} has ${p.count} indicator(s) without a "${p.role}" score; the weights were spread over the other roles`,
  WIDE_HEADER_MISSING: () => 'No header row with 支部编号 found in this scoring form, so it cannot be read; add a 支部编号 column to the header',
  WIDE_COLUMN_UNKNOWN: (p) => `Column "${p.header}" looks like an indicator id but 指标 has no such indicator; the column is not counted. Check the id`,
  BRANCH_UNRATED: (p) => `Branch ${p.branch} could not be graded: ${p.count} value(s) missing (${p.missing}); fill them in and run again`,
  LEDGER_ROW_DUPLICATE: (p) => `Branch id "${p.id}" repeats in 台账 (first at ${p.first}); this row is not counted. Merge or delete the duplicate`,
  LEDGER_ROW_MISSING: (p) => `台账 has no row for branch ${p.branch}: its ledger indicators cannot be computed and its meetings are not checked; add the row`,
  EFFECT_INVALID: (p) => `影响 "${p.value}" is not understood, so the row is not counted; write 定为<grade> or 最高<grade>, grades: ${p.grades}`,
  SETTING_UNKNOWN: (p) => `Setting "${p.key}" is not known and was ignored; check its name`,
  SETTING_INVALID: (p) => `Setting "${p.key}" has an invalid value "${p.value}" (expected ${p.expected}); the default is used`,
  SETTING_DUPLICATE: (p) => `Setting "${p.key}" repeats (first at ${p.first}); the first counts. Delete the duplicate`,
  BALLOT_LEVEL_INVALID: (p) => `"${p.value}" is not a valid level (column "${p.column}"); this aspect of the ballot is counted as invalid. Use the listed levels or A/B/C/D`,
  BALLOT_RATER_DUPLICATE: (p) => `The same rater voted twice for ${p.target} (first at ${p.first}); the later ballot is not counted`,
  BALLOT_COUNT_INVALID: (p) => `Count "${p.value}" is not a whole number ≥ 0 (column "${p.column}"); it is not counted`,
  BALLOT_FORMS_OVERLAP: (p) => `${p.kind}: ${p.target} "${p.group || 'all'}${p.aspect ? '/' + p.aspect : ''}" appears in both the ballot sheet and the count sheet; both were added — check it was not entered twice`,
  BALLOT_MEMBER_CONFLICT: (p) => `Member ${p.id} has a different name or branch than at ${p.first}; the first is used`,
  BALLOT_TURNOUT_LOW: (p) => `Branch ${p.branch}: ${p.ballots} member ballots, fewer than half of its ${p.members} members; the round may be invalid`,
  QUOTA_TIE: (p) =>
    `The quota cut (${p.scope}) falls between equal 总分 (${p.score}): ${p.kept} keep "${p.grade}", ${p.dropped} drop one grade; the committee should decide`,
};

function effect(e: Effect, f: Fmt): string {
  return e.kind === 'force' ? `set to ${f.grade(e.grade)}` : `at most ${f.grade(e.grade)}`;
}

function scopeText(scope: string): string {
  return scope === 'all' || scope === '全部' ? 'all branches' : scope;
}

/** ` (indicator name)` when compute gave extra words. */
function detail(text: string): string {
  return text === '' ? '' : ` (${text})`;
}

const prose: ProseCatalog = {
  reason: {
    veto: (r, f) => `veto "${r.matter}": ${effect(r.effect, f)}`,
    direct: (r, f) => `direct grading "${r.matter}": set to ${f.grade(r.grade)}`,
    rubricVeto: (r, f) => `indicator ${r.indicator} scored ${f.num(r.score)}, below its alert line ${f.num(r.threshold)}: ${effect(r.effect, f)}`,
    satisfactionCap: (r, f) => `satisfaction ${f.pct(r.rate)} below the cap line ${f.pct(r.line)}: at most ${f.grade(r.grade)}`,
    satisfactionVeto: (r, f) => `satisfaction ${f.pct(r.rate)} below the veto line ${f.pct(r.line)}: set to ${f.grade(r.grade)}`,
    quota: (r, f) =>
      `quota for ${f.grade(r.from)} (${scopeText(r.scope)}: at most ${r.kept} of ${r.n} graded branches): ranked ${r.position}, moved from ${f.grade(r.from)} to ${f.grade(r.to)}`,
  },
  redFlag: {
    notAllStrong: (r) => `not strong: ${r.weak.join(', ')}`,
    score: (r, f) => `总分 ${f.num(r.total)} below ${f.num(r.line)}`,
    grade: (r, f) => `grade is ${f.grade(r.grade)}, not ${f.grade(0)}`,
    veto: () => 'has a veto',
    satisfaction: (r, f) => `satisfaction ${f.pct(r.rate)} below ${f.pct(r.line)}`,
    previous: (r, f) => `last year's grade was ${f.grade(r.grade)}`,
    unrated: () => 'not graded',
  },
  missing: {
    unscored: (m, f) =>
      m.cells.length === 0 ? `indicator ${m.indicator} has no score` : `indicator ${m.indicator} has no score (${m.cells.map((c) => f.loc(c)).join(', ')})`,
    ledgerBlank: (m, f) => `${f.loc(m.cell)} is blank (indicator ${m.indicator})`,
    ledgerRow: (m) => `no 台账 row for this branch (indicator ${m.indicator})`,
    ledgerSheet: (m) => `no 台账 sheet (indicator ${m.indicator})`,
    measure: (m) => `${m.name} not measured (indicator ${m.indicator})`,
    formula: (m) => `the 台账公式 of indicator ${m.indicator} is invalid`,
    branchField: (m) => `${m.name} is blank in 支部 for this branch (indicator ${m.indicator})`,
    rubric: () => 'no usable 指标 sheet or scoring indicator',
  },
  unrated: (shown, count) =>
    count === 0 ? 'not graded' : `not graded, ${count} missing: ${shown.join('; ')}${count > shown.length ? `; ${count} in all` : ''}`,
  gap: {
    指标低于预警线: (g, f) => `indicator ${g.item}${detail(g.detail)} scored ${num(g.actual, f)}, below its alert line ${num(g.standard, f)} by ${num(g.diff, f)} points`,
    维度未达强: (g, f) => `${g.item} scored ${num(g.actual, f)}, below the strong line ${num(g.standard, f)} by ${num(g.diff, f)} points`,
    会议次数不足: (g, f) => `${g.item} held ${num(g.actual, f)} times, ${num(g.diff, f)} short of the minimum ${num(g.standard, f)}`,
    否决事项: (g) => `veto: ${g.item}${detail(g.detail)}`,
    满意率偏低: (g, f) =>
      `satisfaction ${pct(g.actual, f)}, below the cap line ${pct(g.standard, f)}${hasDiff(g.diff, f) ? ` by ${points(g.diff, f)} percentage points` : ''}`,
    书记评议预警: (g, f) =>
      badRate(g.actual, g.standard)
        ? `secretary's negative rate (双述双评) ${pct(g.actual, f)} reaches the interview line ${pct(g.standard, f)}${hasDiff(g.diff, f) ? `, ${points(g.diff, f)} percentage points over` : ''}: an interview is due`
        : `secretary's positive rate (双述双评) ${pct(g.actual, f)} is below the interview line ${pct(g.standard, f)}${hasDiff(g.diff, f) ? ` by ${points(g.diff, f)} percentage points` : ''}: an interview is due`,
    连续较差: (_g, f) => `graded ${f.lowestGrade} last year and this year: to be rectified`,
    民主评议优秀超比例: (g, f) =>
      `优秀 share in 民主评议 ${pct(g.actual, f)}${detail(g.detail)} above the cap ${share(g.standard, f)}${hasDiff(g.diff, f) ? ` by ${points(g.diff, f)} percentage points` : ''}`,
  },
  appraisalWarning: {
    fail: () => 'more than one third of votes 不合格',
    excellent: (cap, f) => `branch's 优秀 share above ${f.share(cap)}`,
    notAppraised: () => 'no ballots this run',
  },
  concordance: {
    strong: 'strong agreement (W ≥ 0.7)',
    moderate: 'moderate agreement (0.3 ≤ W < 0.7)',
    weak: 'weak agreement (W < 0.3): check that the raters read the rubric alike',
    raters: 'fewer than 2 raters: not computed',
    branches: 'no 2 branches scored completely (every 评分 indicator) by 2 raters or more: not computed',
    ties: 'every rater gave every branch the same total: not computed',
  },
  concordanceExcluded: (n) => `${n} more rater${n === 1 ? '' : 's'} left out (not every branch of the block scored)`,
  separator: '; ',
  unitChartTitle: 'Grades by unit',
};

export const enUS: LocaleCatalog = { issues, prose };
