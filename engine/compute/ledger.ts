/**
 * 台账 indicators: the compiled 台账公式 evaluated over one branch's ledger row and built-in
 * variables, clamped to [0, 分值] (workbook.md §3.3, §4, §8 Rubric and scores).
 */
import { issue, type Issue } from '../issues';
import type { Branch, Indicator, Ledger, Model } from '../model';
import { clamp } from '../numeric';
import type { MissingCell } from '../results';

/** Built-in formula variables (§4); a ledger column of the same name is shadowed by them. */
export const VAR_POINTS = '分值';
export const VAR_MEMBERS = '党员人数';
export const VAR_GROUPS = '党小组数';
export const VAR_MONTHS = '运行月数';
export const VAR_SATISFACTION = '满意率';
export const VAR_GOOD_RATE = '好评率';

export interface LedgerScore {
  /** The clamped value; null when the indicator cannot be computed for the branch. */
  readonly value: number | null;
  /** Why it cannot be computed (empty when value is a number). */
  readonly missing: readonly MissingCell[];
  /** FORMULA_RESULT_INVALID when the formula gave no finite number. */
  readonly issue: Issue | null;
}

/**
 * Score one 台账 indicator for one branch: value = clamp(formula(vars), 0, 分值).
 * `min(支部党员大会, 4)` with 分值 4 and 支部党员大会 6 → 4; with a blank 支部党员大会 cell → missing (never 0).
 */
export function scoreLedgerIndicator(ind: Indicator, branch: Branch, model: Model): LedgerScore {
  const formula = ind.formula;
  if (!formula) return unscorable([{ kind: 'formula', indicator: ind.id }]);
  const vars = new Map<string, number>();
  const missing: MissingCell[] = [];
  for (const name of formula.names) {
    const v = variable(name, ind, branch, model);
    if (typeof v === 'number') vars.set(name, v);
    else if (!missing.some((m) => sameMissing(m, v))) missing.push(v);
  }
  if (missing.length > 0) return unscorable(missing);

  let raw: number;
  let detail: string;
  try {
    raw = formula.evaluate(vars);
    detail = String(raw);
  } catch (e) {
    // The formula helper promises not to throw; if it ever does, the branch is still only 未评定.
    raw = Number.NaN;
    detail = e instanceof Error ? e.message : String(e);
  }
  if (!Number.isFinite(raw)) {
    const at = ind.formulaAt ?? ind.at;
    return {
      value: null,
      missing: [{ kind: 'formula', indicator: ind.id }],
      issue: issue('FORMULA_RESULT_INVALID', at, { id: ind.id, branch: branch.id, detail }),
    };
  }
  return { value: clamp(raw, 0, ind.points), missing: [], issue: null };
}

function unscorable(missing: readonly MissingCell[]): LedgerScore {
  return { value: null, missing, issue: null };
}

/** One variable's value, or why it is missing. */
function variable(name: string, ind: Indicator, branch: Branch, model: Model): number | MissingCell {
  switch (name) {
    case VAR_POINTS:
      return ind.points;
    case VAR_GROUPS:
      return branch.groups;
    case VAR_MONTHS:
      return branch.months;
    case VAR_MEMBERS:
      if (branch.members !== null) return branch.members;
      // A school may keep 党员人数 in 台账 rather than in 支部.
      if (model.ledger?.columns.includes(name)) return ledgerValue(name, ind, branch, model.ledger);
      return { kind: 'branchField', indicator: ind.id, name };
    case VAR_SATISFACTION:
    case VAR_GOOD_RATE: {
      const m = model.measures.get(branch.id);
      const v = name === VAR_SATISFACTION ? m?.satisfaction : m?.goodRate;
      return v ?? { kind: 'measure', indicator: ind.id, name };
    }
    default:
      if (!model.ledger) return { kind: 'ledgerSheet', indicator: ind.id };
      return ledgerValue(name, ind, branch, model.ledger);
  }
}

function ledgerValue(name: string, ind: Indicator, branch: Branch, ledger: Ledger): number | MissingCell {
  const row = ledger.rows.get(branch.id);
  if (!row) return { kind: 'ledgerRow', indicator: ind.id };
  const v = row.values.get(name);
  if (v !== undefined) return v;
  const cell = row.cells.get(name);
  // A name that is no ledger column cannot be reached here when parse did its job (FORMULA_UNKNOWN_NAME).
  return cell ? { kind: 'ledgerBlank', indicator: ind.id, cell } : { kind: 'formula', indicator: ind.id };
}

function sameMissing(a: MissingCell, b: MissingCell): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'ledgerBlank' && b.kind === 'ledgerBlank') return a.cell.row === b.cell.row && a.cell.col === b.cell.col;
  if (a.kind === 'measure' && b.kind === 'measure') return a.name === b.name;
  if (a.kind === 'branchField' && b.kind === 'branchField') return a.name === b.name;
  return true;
}
