/**
 * Text clean-up before parsing (workbook.md §4, §8 Formulas). People type formulas in Chinese input
 * methods and paste them from Word, so `（党课＋１）×２` must mean `(党课+1)*2`; the pre-checks here
 * also refuse, with a useful detail, the few things the parser would silently accept or misread.
 */

/** Longest formula text accepted; a rubric formula is a line, this is far past any real one. */
export const MAX_FORMULA_LENGTH = 1000;

/** Deepest bracket nesting accepted: the parser recurses per bracket, so this bounds its stack. */
export const MAX_BRACKET_DEPTH = 64;

/** Typographic and IME characters with an ASCII meaning. */
const TYPOGRAPHIC: ReadonlyMap<string, string> = new Map([
  ['×', '*'],
  ['÷', '/'],
  ['−', '-'], // U+2212 minus sign
  ['–', '-'], // U+2013 en dash, which Word substitutes for a typed minus
  ['≥', '>='],
  ['≤', '<='],
  ['≠', '!='],
  ['\u3000', ' '], // ideographic space
  ['\u00A0', ' '],
  // Excel cells may hold line breaks (Alt+Enter); the parser would read one as a statement break.
  ['\r', ' '],
  ['\n', ' '],
  ['\t', ' '],
]);

const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const FULL_WIDTH_OFFSET = 0xfee0;

/** Characters that mathjs already treats as letters (its isValidLatinOrGreek), plus `_` and `$`. */
const LATIN_OR_GREEK = /^[a-zA-Z_$\u00C0-\u02AF\u0370-\u03FF\u2100-\u214F]$/;

/** Han characters (any plane), full-width letters and the full-width underscore. */
const EXTRA_LETTER = /^[\p{Script=Han}\uFF21-\uFF3A\uFF41-\uFF5A\uFF3F]$/u;

const FULL_WIDTH_DIGIT = /^[\uFF10-\uFF19]$/;

/**
 * Whether one code point (a whole surrogate pair for CJK Extension B and beyond) may appear in a
 * variable name beyond what mathjs allows: Han, full-width letters, `＿`, and full-width digits
 * (the normaliser has already turned every full-width digit outside a name into ASCII).
 */
export function isExtraNameCodePoint(ch: string): boolean {
  return EXTRA_LETTER.test(ch) || FULL_WIDTH_DIGIT.test(ch);
}

function isLetter(ch: string): boolean {
  return LATIN_OR_GREEK.test(ch) || EXTRA_LETTER.test(ch);
}

function isDigit(ch: string): boolean {
  return (ch >= '0' && ch <= '9') || FULL_WIDTH_DIGIT.test(ch);
}

/**
 * Map full-width and typographic characters to ASCII, leaving names exactly as written:
 * `（党课＋１）×２` → `(党课+1)*2`, while the full-width digit in the name `第１季度` stays, so the
 * name still matches its 台账 header.
 */
export function normaliseFormula(source: string): string {
  let out = '';
  let inName = false;
  for (const ch of source) {
    const typographic = TYPOGRAPHIC.get(ch);
    if (typographic !== undefined) {
      out += typographic;
      inName = false;
      continue;
    }
    if (isLetter(ch)) {
      out += ch;
      inName = true;
      continue;
    }
    if (isDigit(ch)) {
      // A digit continues a name (`第１季度`, `x2`) or is part of a number (`１２` → `12`).
      out += inName ? ch : FULL_WIDTH_DIGIT.test(ch) ? toHalfWidth(ch) : ch;
      continue;
    }
    const code = ch.codePointAt(0) ?? 0;
    out += code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST ? toHalfWidth(ch) : ch;
    inName = false;
  }
  return out;
}

function toHalfWidth(ch: string): string {
  return String.fromCharCode((ch.codePointAt(0) ?? 0) - FULL_WIDTH_OFFSET);
}

/** Why a normalised text is refused before parsing, or null when it may go to the parser. */
export type PreCheck = { readonly kind: 'syntax' | 'forbidden'; readonly detail: string } | null;

/**
 * Refusals the parser cannot give well: `<>` (it reports a vague syntax error), a lone `=` (it
 * would build an assignment, and the user nearly always meant `==`), comments (mathjs drops
 * `# …` silently, hiding a typo), and brackets nested past MAX_BRACKET_DEPTH.
 */
export function preCheck(text: string): PreCheck {
  if (text.trim() === '') return { kind: 'syntax', detail: '公式为空' };
  if (text.includes('<>')) return { kind: 'forbidden', detail: '不支持 <>，“不等于”请写 !=' };
  const assignment = /(^|[^=<>!])=(?!=)/.exec(text);
  if (assignment !== null) {
    // `f(x) = x` is a function definition; anything else with a lone `=` is an assignment.
    const defines = /\)\s*$/.test(text.slice(0, assignment.index + assignment[0].length - 1));
    return { kind: 'forbidden', detail: defines ? '不允许定义函数' : '不允许赋值（=），比较相等请写 ==' };
  }
  if (text.includes('#')) return { kind: 'forbidden', detail: '不允许注释（#）' };
  let depth = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '[' || ch === '{') depth += 1;
    else if (ch === ')' || ch === ']' || ch === '}') depth -= 1;
    if (depth > MAX_BRACKET_DEPTH) return { kind: 'forbidden', detail: `括号嵌套超过 ${MAX_BRACKET_DEPTH} 层` };
  }
  return null;
}

/**
 * Excel-style percent literals: `90%` → `(90/100)`. mathjs would read `a + 10%` as a + a×10%
 * (its percentage arithmetic), which is not what an Excel user means, so `%` is rewritten here
 * only directly after a number and refused everywhere else.
 */
export function rewritePercent(text: string): { readonly ok: true; readonly text: string } | { readonly ok: false; readonly detail: string } {
  // A number not glued to a name on its left (`第1%` is not a percent), with `%` right after it.
  const rewritten = text.replace(
    /(^|[^\p{L}\p{N}_$.])((?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)%/gu,
    (_m, before: string, num: string) => `${before}(${num}/100)`,
  );
  if (rewritten.includes('%')) return { ok: false, detail: '% 只能紧跟在数字后表示百分数（如 90%）；不支持取余' };
  return { ok: true, text: rewritten };
}
