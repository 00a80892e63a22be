/**
 * The contract of 台账公式 (workbook.md §4, §8 Formulas). A formula is compiled once per
 * indicator (issues go on the 指标 cell) and evaluated once per branch over that row's variables.
 */

/** A formula that parsed and passed the whitelist. Evaluating it touches nothing but `vars`. */
export interface CompiledFormula {
  /** The text as the user wrote it. */
  readonly source: string;
  /** Every variable name it reads (ledger columns, 分值, 党员人数 …), each once, in order of appearance. */
  readonly names: readonly string[];
  /**
   * The value for one row. `vars` must hold every name in `names` (the caller checks); comparisons
   * give 1 or 0. May return NaN or ±Infinity (division by zero): the caller turns that into an issue.
   */
  evaluate(vars: ReadonlyMap<string, number>): number;
}

export type CompileResult =
  | { readonly ok: true; readonly formula: CompiledFormula }
  | { readonly ok: false; readonly kind: 'syntax' | 'forbidden'; readonly detail: string };
