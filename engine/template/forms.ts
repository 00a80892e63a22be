/**
 * Scoring forms for a workbook that already holds its 支部 and 指标 (the task pane's 评分 step): one
 * `评分-<rater>` sheet per rater (workbook.md §2.4), built from the workbook's own branches and rubric
 * rather than the template's defaults, through the same wideFormSheet builder the template and the
 * sample use, so a generated form always parses back. Also the 准备 step's question "which template
 * sheets does this workbook lack?", answered with the parser's own sheet discovery.
 */
import { issue, type Issue } from '../issues';
import type { Locale } from '../messages';
import type { Indicator, Method } from '../model';
import type { OutputSheet } from '../output';
import { discoverSheets, normName, parseWorkbook, SHEET_KINDS } from '../parse';
import type { RawWorkbook } from '../raw';
import type { RubricMethod, RubricRow } from './rubric';
import { ratedRows, wideFormSheet, wideHeader } from './sheets';

/** A rater to make a form for: the name becomes the sheet-name suffix, the role its 评分人类别 cell. */
export interface FormRater {
  readonly name: string;
  readonly role: string;
}

/** Excel's longest sheet name. */
export const SHEET_NAME_MAX = 31;
/** The prefix the parser recognises as a wide form (§2.4). */
const FORM_PREFIX = '评分-';
// Excel refuses these in a sheet name.
const FORBIDDEN = /[[\]:*?/\\]/g;

const METHOD_TEXT: { readonly [M in Method]: RubricMethod } = { score: '评分', ledger: '台账', bonus: '加分', deduction: '扣分' };

/**
 * The rater part of a form's sheet name, made legal for Excel: `[]:*?/\` become `_`, control
 * characters go, apostrophes may not end the name, and `评分-` plus the name fits 31 characters
 * (`张三/李四` → `张三_李四`). '' when nothing usable is left.
 */
export function formRaterName(name: string): string {
  let s = name.replace(FORBIDDEN, '_').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const room = SHEET_NAME_MAX - FORM_PREFIX.length;
  if (s.length > room) {
    // Cut at a code-point boundary so a surrogate pair is never split.
    let cut = '';
    for (const ch of s) {
      if (cut.length + ch.length > room) break;
      cut += ch;
    }
    s = cut.trim();
  }
  return s.replace(/'+$/, '').trim();
}

/** A rubric row as the template builders take it, from a parsed indicator (三级指标 falling back to 二级, then 一级). */
function rubricRow(ind: Indicator): RubricRow {
  return {
    id: ind.id,
    dimension: ind.dimension,
    group: ind.group ?? '',
    item: ind.item ?? ind.group ?? ind.dimension,
    standard: '',
    points: ind.points,
    method: METHOD_TEXT[ind.method],
    formula: null,
    alert: null,
    veto: null,
    advice: null,
  };
}

/** The parse issues that concern what the forms are built from: the 支部, 指标 and 参数 sheets. */
function sourceIssues(raw: RawWorkbook, issues: readonly Issue[]): Issue[] {
  const found = discoverSheets(raw, []);
  const sheets = new Set<string>(['支部', '指标']);
  for (const kind of ['branches', 'rubric', 'settings'] as const) {
    const s = found.byKind.get(kind);
    if (s) sheets.add(s.name);
  }
  return issues.filter((i) => sheets.has(i.at.sheet));
}

/**
 * One `评分-<name>` form per rater from the workbook's own 支部 and 指标: an instruction line,
 * `评分人类别 | <role>`, the header 支部编号, 支部名称, `<id> <三级指标> (<分值>分)` for every 评分, 加分
 * and 扣分 indicator, one blank row per branch, data validation 0..分值 per indicator column and the
 * two key columns frozen. Names are made legal sheet names (formRaterName); a name left blank is
 * skipped, and one that repeats (after normalisation, as the parser compares sheet names) gets ` (2)`.
 * Table names continue after the workbook's existing forms (IN_Form_<n+1> …).
 *
 * `issues` are the parse issues of 支部, 指标 and 参数, plus ROLE_UNKNOWN on a form's role cell when
 * the role has no weight in 评分人类别权重 (the form is still made: 参数 may be edited later). No form is
 * made when the workbook has no branch or no rated indicator; the issues say why.
 */
export function scoringForms(
  raw: RawWorkbook,
  raters: readonly FormRater[],
  locale: Locale = 'zh-CN',
): { sheets: OutputSheet[]; issues: readonly Issue[] } {
  const parsed = parseWorkbook(raw);
  const { model } = parsed;
  const issues = sourceIssues(raw, parsed.issues);
  const rubric = model.indicators.map(rubricRow);
  const rated = ratedRows(rubric);
  if (model.branches.length === 0 || rated.length === 0) return { sheets: [], issues };

  const blanks = rated.map(() => null);
  const rows = model.branches.map((b) => [b.id, b.name, ...blanks]);
  const validations = rated.map((r) => ({ column: wideHeader(r), min: 0, max: r.points }));
  const roles = [...model.settings.roleWeights.keys()];
  const taken = new Set(raw.sheets.map((s) => normName(s.name)));
  const existingForms = discoverSheets(raw, []).scoreSheets.filter((s) => s.form === 'wide').length;

  const sheets: OutputSheet[] = [];
  const generated = new Set<string>();
  for (const rater of raters) {
    const base = formRaterName(rater.name);
    if (base === '') continue;
    const name = uniqueName(base, generated);
    generated.add(normName(FORM_PREFIX + name));
    const role = rater.role.trim();
    const form = wideFormSheet(name, role, existingForms + sheets.length, rows, rubric, locale);
    sheets.push({ ...form, validations });
    if (!roles.includes(role) && !taken.has(normName(form.name))) {
      // Row 1, column B: the value cell of the `评分人类别` preamble row.
      issues.push(issue('ROLE_UNKNOWN', { sheet: form.name, row: 1, col: 1 }, { role, known: roles.join('、') }));
    }
  }
  return { sheets, issues };
}

/** `name`, or `name (2)`, `name (3)` … cut to fit, so no two generated forms share a sheet. */
function uniqueName(base: string, generated: ReadonlySet<string>): string {
  if (!generated.has(normName(FORM_PREFIX + base))) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = formRaterName(base.slice(0, SHEET_NAME_MAX - FORM_PREFIX.length - suffix.length)) + suffix;
    if (!generated.has(normName(FORM_PREFIX + name))) return name;
  }
}

// The ballot kinds come in a long and a counted (计票) form; a workbook that has either has that kind.
const BALLOT_PAIRS: ReadonlyMap<string, string> = new Map([
  ['review', 'reviewCounts'],
  ['reviewCounts', 'review'],
  ['satisfaction', 'satisfactionCounts'],
  ['satisfactionCounts', 'satisfaction'],
  ['appraisal', 'appraisalCounts'],
  ['appraisalCounts', 'appraisal'],
]);

const KIND_OF: ReadonlyMap<string, string> = new Map(SHEET_KINDS.flatMap((k) => k.names.map((n) => [normName(n), k.kind] as const)));

/**
 * Split the template's sheets into those the workbook lacks and those it has. A sheet counts as
 * present when a sheet of the same name (as the parser normalises names) or of the same kind exists
 * (`Branches` is 支部), or for a ballot sheet when its other form exists (满意度计票 covers 满意度), so
 * the 准备 step never adds a sheet the parser would then read as a duplicate.
 */
export function missingTemplateSheets(
  sheetNames: readonly string[],
  template: readonly OutputSheet[],
): { missing: OutputSheet[]; present: string[] } {
  const names = new Set(sheetNames.map(normName));
  const kinds = new Set<string>();
  for (const n of names) {
    const kind = KIND_OF.get(n);
    if (kind !== undefined) kinds.add(kind);
  }
  const missing: OutputSheet[] = [];
  const present: string[] = [];
  for (const s of template) {
    const kind = KIND_OF.get(normName(s.name));
    const pair = kind === undefined ? undefined : BALLOT_PAIRS.get(kind);
    const has = names.has(normName(s.name)) || (kind !== undefined && kinds.has(kind)) || (pair !== undefined && kinds.has(pair));
    if (has) present.push(s.name);
    else missing.push(s);
  }
  return { missing, present };
}

/** The 评分人类别 a form may name: the roles of 评分人类别权重 in the workbook's 参数 (the defaults when it has none). */
export function formRoles(raw: RawWorkbook): string[] {
  return [...parseWorkbook(raw).model.settings.roleWeights.keys()];
}
