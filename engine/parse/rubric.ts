/**
 * 指标 (Rubric), workbook.md §2.2, §4: one row per lowest-level indicator. A row with a bad
 * 指标编号, 一级指标, 分值 or 计分方式 is excluded (the issue names the cell); a bad optional value
 * (预警线, 否决) falls back to its default and keeps the row.
 */
import { compileFormula } from '../formula';
import type { CompiledFormula } from '../formula/types';
import { issue, type Issue } from '../issues';
import { a1 } from '../location';
import type { Indicator, Method } from '../model';
import type { RawSheet } from '../raw';
import type { Settings } from '../settings';
import { readId, readNumber, readText, ref, required, requiredKey, valueOr, type ReadContext } from './cells';
import { parseEffect } from './effects';
import { normName } from './normalize';
import { dataRows, readTable, usedColumns, type ColumnSpec } from './table';

type Col = 'id' | 'dimension' | 'group' | 'item' | 'points' | 'method' | 'formula' | 'alert' | 'veto' | 'advice';

const COLUMNS: readonly ColumnSpec<Col>[] = [
  { key: 'id', header: '指标编号', aliases: ['id'], required: true },
  { key: 'dimension', header: '一级指标', aliases: ['dimension'], required: true },
  { key: 'group', header: '二级指标', aliases: ['group'] },
  { key: 'item', header: '三级指标', aliases: ['item'] },
  { key: 'points', header: '分值', aliases: ['points'], required: true },
  { key: 'method', header: '计分方式', aliases: ['method'] },
  { key: 'formula', header: '台账公式', aliases: ['formula'] },
  { key: 'alert', header: '预警线', aliases: ['alert'] },
  { key: 'veto', header: '否决', aliases: ['veto'] },
  { key: 'advice', header: '整改建议', aliases: ['advice'] },
];

const METHODS: ReadonlyMap<string, Method> = new Map([
  ['评分', 'score'],
  ['台账', 'ledger'],
  ['加分', 'bonus'],
  ['扣分', 'deduction'],
  ['score', 'score'],
  ['ledger', 'ledger'],
  ['bonus', 'bonus'],
  ['deduction', 'deduction'],
]);

/** Formula variables that are not ledger columns (§4); 满意率/好评率 come from the ballots. */
export const BUILTIN_VARIABLES = ['分值', '党员人数', '党小组数', '运行月数', '满意率', '好评率'] as const;

export interface RubricParse {
  /** Valid indicators, in rubric order. */
  readonly indicators: Indicator[];
  /** False when the sheet is empty or a required column is missing. */
  readonly available: boolean;
  /**
   * Ids written in 指标 whose row was excluded for an error: scores for them are dropped without
   * a second issue (the rubric row's issue already explains it).
   */
  readonly excluded: ReadonlySet<string>;
}

/**
 * Parse 指标. `ledgerColumns` are the 台账 numeric headers, or null when 台账 is absent or unreadable
 * (then formula names are not checked: SHEET_MISSING / COLUMN_MISSING already says why they
 * cannot be computed). Raises RUBRIC_EMPTY when no 评分 or 台账 indicator is left.
 */
export function parseRubric(sheet: RawSheet, settings: Settings, ledgerColumns: readonly string[] | null, issues: Issue[]): RubricParse {
  const table = readTable(sheet, COLUMNS, issues);
  if (!table || !table.complete) return { indicators: [], available: false, excluded: new Set() };
  const col = (k: Col) => table.columns.get(k);
  const idCol = col('id') ?? 0;
  const dimCol = col('dimension') ?? 0;
  const pointsCol = col('points') ?? 0;
  const ctx: ReadContext = { sheet, issues };
  const variables = variableNames(ledgerColumns);
  const firstRow = new Map<string, number>();
  const excluded = new Set<string>();
  const indicators: Indicator[] = [];

  for (const row of dataRows(sheet, table.headerRow, usedColumns(table))) {
    const id = requiredKey(ctx, readId(ctx, row, idCol, '指标编号'), row, idCol, '指标编号');
    if (!id.ok) continue;
    const first = firstRow.get(id.value);
    if (first !== undefined) {
      issues.push(issue('INDICATOR_ID_DUPLICATE', ref(ctx, row, idCol), { id: id.value, first: a1({ sheet: sheet.name, row: first, col: idCol }) }));
      continue;
    }
    firstRow.set(id.value, row);

    const dimension = required(ctx, readText(ctx, row, dimCol, '一级指标'), row, dimCol, '一级指标');
    const points = readPoints(ctx, row, pointsCol);
    const method = readMethod(ctx, row, col('method'));
    const alert = readAlert(ctx, row, col('alert'), settings.alertRatio);
    const veto = readVeto(ctx, row, col('veto'), settings.gradeNames);
    const group = valueOr(readText(ctx, row, col('group'), '二级指标'), null);
    const item = valueOr(readText(ctx, row, col('item'), '三级指标'), null);
    const advice = valueOr(readText(ctx, row, col('advice'), '整改建议'), null);
    const formulaCol = col('formula');
    const formulaAt = formulaCol === undefined ? null : ref(ctx, row, formulaCol);

    if (!dimension.ok || points === undefined || method === undefined) {
      excluded.add(id.value);
      continue;
    }
    const formula = method === 'ledger' ? readFormula(ctx, row, id.value, idCol, formulaCol, variables) : null;
    indicators.push({
      id: id.value,
      dimension: dimension.value,
      group,
      item,
      points,
      method,
      formula,
      alert,
      veto,
      advice,
      at: ref(ctx, row, idCol),
      formulaAt,
    });
  }
  if (!indicators.some((i) => i.method === 'score' || i.method === 'ledger')) {
    issues.push(issue('RUBRIC_EMPTY', { sheet: sheet.name }, {}));
  }
  return { indicators, available: true, excluded };
}

/** 分值: required, a number > 0. */
function readPoints(ctx: ReadContext, row: number, col: number): number | undefined {
  const r = required(ctx, readNumber(ctx, row, col, '分值', 'plain'), row, col, '分值');
  if (!r.ok) return undefined;
  if (!(r.value > 0)) {
    ctx.issues.push(issue('NUMBER_OUT_OF_RANGE', ref(ctx, row, col), { value: String(r.value), column: '分值', min: '0', max: '∞' }));
    return undefined;
  }
  return r.value;
}

/** 计分方式: blank → 评分; anything but 评分/台账/加分/扣分 → VALUE_NOT_ALLOWED (undefined). */
function readMethod(ctx: ReadContext, row: number, col: number | undefined): Method | undefined {
  const r = readText(ctx, row, col, '计分方式');
  if (!r.ok) return r.blank ? 'score' : undefined;
  const m = METHODS.get(normName(r.value));
  if (m === undefined && col !== undefined) {
    ctx.issues.push(issue('VALUE_NOT_ALLOWED', ref(ctx, row, col), { value: r.value, column: '计分方式', allowed: '评分/台账/加分/扣分' }));
  }
  return m;
}

/** 预警线: a ratio in (0, 1] (`0.6`, `60%`); blank or invalid → the 参数 default. */
function readAlert(ctx: ReadContext, row: number, col: number | undefined, fallback: number): number {
  const r = readNumber(ctx, row, col, '预警线', 'ratio');
  if (!r.ok || col === undefined) return fallback;
  if (!(r.value > 0 && r.value <= 1)) {
    ctx.issues.push(issue('NUMBER_OUT_OF_RANGE', ref(ctx, row, col), { value: String(r.value), column: '预警线', min: '0', max: '1' }));
    return fallback;
  }
  return r.value;
}

/** 否决: an optional effect; unreadable → EFFECT_INVALID and no veto. */
function readVeto(ctx: ReadContext, row: number, col: number | undefined, gradeNames: readonly string[]) {
  const r = readText(ctx, row, col, '否决');
  if (!r.ok || col === undefined) return null;
  const effect = parseEffect(r.value, gradeNames);
  if (!effect) {
    ctx.issues.push(issue('EFFECT_INVALID', ref(ctx, row, col), { value: r.value, grades: gradeNames.join('/') }));
    return null;
  }
  return effect;
}

/** Normalised name → the name compute will look up (a ledger header as written, or a built-in). */
function variableNames(ledgerColumns: readonly string[] | null): ReadonlyMap<string, string> | null {
  if (ledgerColumns === null) return null;
  const map = new Map<string, string>();
  for (const c of ledgerColumns) map.set(normName(c), c);
  // Built-ins shadow a ledger column of the same name, as in compute.
  for (const b of BUILTIN_VARIABLES) map.set(normName(b), b);
  return map;
}

/**
 * 台账公式 of a 台账 indicator: FORMULA_MISSING when blank, FORMULA_SYNTAX / FORMULA_FORBIDDEN when
 * it does not compile, FORMULA_UNKNOWN_NAME per name that is neither a 台账 column nor a built-in.
 * Issues go on the 台账公式 cell (the 指标编号 cell when the column is absent). Null on any issue.
 */
function readFormula(
  ctx: ReadContext,
  row: number,
  id: string,
  idCol: number,
  col: number | undefined,
  variables: ReadonlyMap<string, string> | null,
): CompiledFormula | null {
  const at = ref(ctx, row, col ?? idCol);
  const r = readText(ctx, row, col, '台账公式');
  if (!r.ok) {
    if (r.blank) ctx.issues.push(issue('FORMULA_MISSING', at, { id }));
    return null;
  }
  const compiled = compileFormula(r.value);
  if (!compiled.ok) {
    const code = compiled.kind === 'syntax' ? 'FORMULA_SYNTAX' : 'FORMULA_FORBIDDEN';
    ctx.issues.push(issue(code, at, { id, formula: r.value, detail: compiled.detail }));
    return null;
  }
  if (variables === null) return compiled.formula;
  const unknown = compiled.formula.names.filter((n) => !variables.has(normName(n)));
  for (const name of unknown) ctx.issues.push(issue('FORMULA_UNKNOWN_NAME', at, { id, formula: r.value, name }));
  if (unknown.length > 0) return null;
  return canonicalise(compiled.formula, variables);
}

/**
 * Names compare after normalisation (`ＡＢ` in a formula reads the `AB` column), but compute looks
 * variables up by exact name: expose the canonical names and translate back when evaluating.
 */
function canonicalise(formula: CompiledFormula, variables: ReadonlyMap<string, string>): CompiledFormula {
  const canonicalOf = (n: string) => variables.get(normName(n)) ?? n;
  if (formula.names.every((n) => canonicalOf(n) === n)) return formula;
  const pairs = formula.names.map((n) => [n, canonicalOf(n)] as const);
  const names = Object.freeze([...new Set(pairs.map(([, c]) => c))]);
  return Object.freeze({
    source: formula.source,
    names,
    evaluate(vars: ReadonlyMap<string, number>): number {
      const mapped = new Map<string, number>();
      for (const [written, canonical] of pairs) {
        const v = vars.get(canonical);
        if (v !== undefined) mapped.set(written, v);
      }
      return formula.evaluate(mapped);
    },
  });
}
