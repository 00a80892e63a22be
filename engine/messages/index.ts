/**
 * The message catalog: the engine emits codes and parameters, this module renders the words in
 * the user's language (zh-CN by default, en-US second). Numbers in prose are rounded to 小数位数
 * here, at the edge, like every other displayed number.
 */
import type { ConcordanceStatus } from '../compute/consistency';
import type { Issue, IssueCode, IssueParams } from '../issues';
import { formatLocation, type Location } from '../location';
import { round6, roundHalfAway } from '../numeric';
import type { Gap, GradeReason, MissingCell, RedFlagFailure } from '../results';
import { enUS } from './en-US';
import type { AppraisalWarning, Fmt, LocaleCatalog } from './types';
import { zhCN } from './zh-CN';

export type Locale = 'zh-CN' | 'en-US';

export const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

const CATALOGS: { readonly [L in Locale]: LocaleCatalog } = { 'zh-CN': zhCN, 'en-US': enUS };

/** How many missing cells 等次说明 of a 未评定 branch names before giving only the count (§8). */
export const UNRATED_SHOWN = 5;

/** What prose needs from the run's settings: grade names (indexes → 等次名称) and 小数位数. */
export interface ProseContext {
  readonly gradeNames: readonly string[];
  readonly decimals: number;
}

/** The catalog of a locale (for the task pane's own texts and for tests). */
export function catalog(locale: Locale): LocaleCatalog {
  return CATALOGS[locale];
}

/** The issue's message without its location: `得分 120 超出范围 0–10（指标 1.3）…`. */
export function renderIssue(issue: Issue, locale: Locale): string {
  // The union does not correlate code and params for the compiler; Issue guarantees they match.
  const render = CATALOGS[locale].issues[issue.code] as (p: IssueParams[IssueCode]) => string;
  return render(issue.params);
}

/** `评分!D7`, `评分!D:D`, `评分!7:7`, or the sheet name alone. */
export function describeLocation(loc: Location): string {
  return formatLocation(loc);
}

/** One line for the command line and logs: `评分!D7：得分 120 超出范围 0–10（指标 1.3）…`. */
export function renderIssueLine(issue: Issue, locale: Locale): string {
  const colon = locale === 'zh-CN' ? '：' : ': ';
  return `${describeLocation(issue.at)}${colon}${renderIssue(issue, locale)}`;
}

/** A grade index as its 等次名称; an index the names lack (a compute bug) shows as `#3` rather than vanishing. */
export function gradeName(index: number, gradeNames: readonly string[]): string {
  return gradeNames[index] ?? `#${index}`;
}

/** A number as prose shows it: rounded to 小数位数, no trailing zeros (87.50 → `87.5`). */
export function numberText(x: number, decimals: number): string {
  const r = roundHalfAway(x, decimals);
  return String(Object.is(r, -0) ? 0 : r);
}

/** A ratio as prose shows it: a percent rounded to 小数位数 (0.8533 → `85.33%`). */
export function percentText(x: number, decimals: number): string {
  return `${numberText(x * 100, decimals)}%`;
}

/** The largest denominator `shareText` writes as a fraction. */
const MAX_DENOMINATOR = 12;

/**
 * A policy share as people write it: a percent when the percent is exact at 小数位数 (0.3 → `30%`,
 * 0.125 → `12.5%`), else a small fraction when it is one (1/3 → `1/3`, not `33.33%`), else the
 * rounded percent (0.3333 → `33.33%`).
 */
export function shareText(x: number, decimals: number): string {
  const percent = x * 100;
  if (round6(percent) === roundHalfAway(percent, decimals)) return percentText(x, decimals);
  for (let k = 2; k <= MAX_DENOMINATOR; k++) {
    const m = Math.round(x * k);
    if (m > 0 && round6(x * k) === m) return `${m}/${k}`;
  }
  return percentText(x, decimals);
}

function fmt(ctx: ProseContext): Fmt {
  return {
    grade: (i) => gradeName(i, ctx.gradeNames),
    lowestGrade: gradeName(ctx.gradeNames.length - 1, ctx.gradeNames),
    num: (x) => numberText(x, ctx.decimals),
    pct: (x) => percentText(x, ctx.decimals),
    share: (x) => shareText(x, ctx.decimals),
    loc: formatLocation,
  };
}

/** One clause of 等次说明: `否决事项“…”：定为较差`. */
export function renderGradeReason(reason: GradeReason, ctx: ProseContext, locale: Locale): string {
  const render = CATALOGS[locale].prose.reason[reason.kind] as (r: GradeReason, f: Fmt) => string;
  return render(reason, fmt(ctx));
}

/** 等次说明 of a graded branch: every reason in the order applied, blank when none. */
export function renderGradeReasons(reasons: readonly GradeReason[], ctx: ProseContext, locale: Locale): string {
  return reasons.map((r) => renderGradeReason(r, ctx, locale)).join(CATALOGS[locale].prose.separator);
}

/** One clause of 未达原因: `总分 87.5 低于 90`. */
export function renderRedFlagFailure(failure: RedFlagFailure, ctx: ProseContext, locale: Locale): string {
  const render = CATALOGS[locale].prose.redFlag[failure.kind] as (r: RedFlagFailure, f: Fmt) => string;
  return render(failure, fmt(ctx));
}

/** 未达原因: every failed condition, blank when the branch is 红旗候选. */
export function renderRedFlagFailures(failures: readonly RedFlagFailure[], ctx: ProseContext, locale: Locale): string {
  return failures.map((f) => renderRedFlagFailure(f, ctx, locale)).join(CATALOGS[locale].prose.separator);
}

/** One missing cell of a 未评定 branch: `台账!E7 为空（指标 2.1）`. */
export function renderMissingCell(missing: MissingCell, locale: Locale): string {
  const render = CATALOGS[locale].prose.missing[missing.kind] as (m: MissingCell, f: Fmt) => string;
  // Missing cells carry no numbers or grades, so any context renders them the same.
  return render(missing, fmt({ gradeNames: [], decimals: 0 }));
}

/** 等次说明 of a 未评定 branch: the first five missing cells and the count (§8): `未评定，缺少 7 项：…；等共 7 项`. */
export function renderUnrated(missing: readonly MissingCell[], locale: Locale): string {
  const shown = missing.slice(0, UNRATED_SHOWN).map((m) => renderMissingCell(m, locale));
  return CATALOGS[locale].prose.unrated(shown, missing.length);
}

/** 问题描述 of a gap: `指标 1.3（…）得分 2.5，低于预警线 3 分，差 0.5 分`. */
export function renderGap(gap: Gap, ctx: ProseContext, locale: Locale): string {
  return CATALOGS[locale].prose.gap[gap.type](gap, fmt(ctx));
}

/**
 * 预警 of a 民主评议汇总 row: its flags in the order given, joined (`不合格票超过三分之一；本支部优秀比例超过1/3`);
 * '' when none. `cap` is 民主评议优秀比例上限.
 */
export function renderAppraisalWarning(warnings: readonly AppraisalWarning[], cap: number, ctx: ProseContext, locale: Locale): string {
  const prose = CATALOGS[locale].prose;
  const f = fmt(ctx);
  return warnings.map((w) => prose.appraisalWarning[w](cap, f)).join(prose.separator);
}

/**
 * 说明 of a 评分一致性 W row: `一致性较强`, or `一致性一般；另有 1 名评分人未完整评分这些支部，未计入`.
 */
export function renderConcordance(status: ConcordanceStatus, excluded: number, locale: Locale): string {
  const prose = CATALOGS[locale].prose;
  const base = prose.concordance[status];
  return excluded > 0 ? `${base}${prose.separator}${prose.concordanceExcluded(excluded)}` : base;
}

export type { AppraisalWarning, Fmt, IssueCatalog, LocaleCatalog, ProseCatalog } from './types';
