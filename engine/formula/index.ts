/**
 * 台账公式 (workbook.md §4, §8 Formulas): compile a rubric formula once, evaluate it per branch.
 *
 *   source ─normalise─▶ ASCII operators ─pre-checks─▶ mathjs parse (private instance)
 *          ─whitelist walk─▶ closures ─▶ evaluate(vars: Map)
 *
 * mathjs only parses; the tree is evaluated by our own closures (compile.ts), never by mathjs,
 * eval or new Function. See docs/formulas.md.
 */
import { compileTree, FormulaRefusal } from './compile';
import { MAX_FORMULA_LENGTH, normaliseFormula, preCheck, rewritePercent } from './normalise';
import { parseToTree } from './parser';
import type { CompiledFormula, CompileResult } from './types';

export type { CompiledFormula, CompileResult } from './types';
export { MissingVariableError } from './compile';

/**
 * Compile one 台账公式. `tier(支部党员大会, 4,4, 2,2, 1,1)` → ok, names ['支部党员大会'], and
 * evaluate(Map{支部党员大会: 3}) = 2. `x = 1` → { ok: false, kind: 'forbidden' }; `1 +` → 'syntax'.
 */
export function compileFormula(source: string): CompileResult {
  // Checked before any scanning, so a hostile 100 kB cell costs nothing.
  if (source.length > MAX_FORMULA_LENGTH) {
    return { ok: false, kind: 'forbidden', detail: `公式超过 ${MAX_FORMULA_LENGTH} 个字符` };
  }
  const normalised = normaliseFormula(source);
  const refused = preCheck(normalised);
  if (refused !== null) return { ok: false, ...refused };
  const percent = rewritePercent(normalised);
  if (!percent.ok) return { ok: false, kind: 'forbidden', detail: percent.detail };

  const parsed = parseToTree(percent.text);
  if (!parsed.ok) return { ok: false, kind: 'syntax', detail: parsed.detail };

  try {
    const { evaluate, names } = compileTree(parsed.root);
    const formula: CompiledFormula = Object.freeze({ source, names: Object.freeze([...names]), evaluate });
    return { ok: true, formula };
  } catch (err) {
    if (err instanceof FormulaRefusal) return { ok: false, kind: err.kind, detail: err.detail };
    throw err;
  }
}
