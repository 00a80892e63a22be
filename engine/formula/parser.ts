/**
 * mathjs as a parser only. A private instance holds nothing but `parse` and the node classes it
 * builds (parseDependencies of the number-only build: no units, matrices, BigNumber, evaluate,
 * compile, import or createUnit exist in it), and its letter test is widened to Chinese names.
 * The global mathjs instance is never touched.
 */
import { create, parseDependencies } from 'mathjs/number';
import { isExtraNameCodePoint } from './normalise';

// The typings mark every *Dependencies export optional; a mathjs without it cannot run at all.
if (parseDependencies === undefined) throw new Error('mathjs/number does not export parseDependencies');
const math = create({ parseDependencies }, {});
const parse = math.parse;
const mathjsIsAlpha = parse.isAlpha;

/**
 * mathjs calls isAlpha once per UTF-16 unit with its neighbours, so a surrogate pair (CJK
 * Extension B, e.g. 𠀀) is judged as the pair from either half.
 */
parse.isAlpha = (c: string, cPrev: string, cNext: string): boolean =>
  mathjsIsAlpha(c, cPrev, cNext) ||
  isExtraNameCodePoint(c) ||
  (isHighSurrogate(c) && isExtraNameCodePoint(c + cNext)) ||
  (isLowSurrogate(c) && isExtraNameCodePoint(cPrev + c));

function isHighSurrogate(c: string): boolean {
  const code = c.charCodeAt(0);
  return c.length === 1 && code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(c: string): boolean {
  const code = c.charCodeAt(0);
  return c.length === 1 && code >= 0xdc00 && code <= 0xdfff;
}

/** The parser's result: an untrusted tree (walked by compile.ts) or why the text does not parse. */
export type ParseOutcome = { readonly ok: true; readonly root: unknown } | { readonly ok: false; readonly detail: string };

/** Parse normalised, pre-checked text into a mathjs node tree; a syntax error becomes a detail. */
export function parseToTree(text: string): ParseOutcome {
  try {
    return { ok: true, root: parse(text) };
  } catch (err) {
    return { ok: false, detail: syntaxDetail(err) };
  }
}

/** mathjs messages end with "(char N)", 1-based: keep the position, it is what a user needs. */
function syntaxDetail(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const at = /\(char (\d+)\)/.exec(message);
  const reason = message.replace(/\s*\(char \d+\)\s*$/, '');
  return at === null ? reason : `第 ${at[1] ?? '?'} 个字符附近：${reason}`;
}
