/**
 * Reading a number out of a cell (workbook.md §1): numbers may arrive as numbers or as text —
 * `85`, `85.5`, `８５`, ` 85 `, `85分`; `60%` only where a percent or ratio makes sense; a ratio
 * also as a fraction `1/3`. Anything else is an issue, never a zero.
 */
import { isCellError, type Scalar } from '../raw';
import { toHalfWidth } from './normalize';

/**
 * - `plain`: a number, optionally followed by `分` (points): `85分` → 85; `60%` is refused.
 * - `percent`: like plain, and `60%` → 0.6 (a percent column).
 * - `ratio`: `0.6`, `60%` → 0.6, `1/3` → 0.333…; `分` is refused.
 */
export type NumberKind = 'plain' | 'percent' | 'ratio';

export type NumberRead =
  | { readonly ok: true; readonly value: number }
  | { readonly ok: false; readonly reason: 'blank' | 'error' | 'invalid' };

// Compiled once: a decimal with optional sign and exponent (`85`, `-1.5`, `.5`, `1e3`).
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const FRACTION = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*\/\s*((?:\d+(?:\.\d*)?|\.\d+))$/;
const BLANK = /^[\s\u3000]*$/;

function decimal(s: string): number | undefined {
  if (!DECIMAL.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** Parse text as a number of the given kind; undefined when it is not one. `' ８５分 '` → 85. */
export function parseNumberText(text: string, kind: NumberKind): number | undefined {
  let s = toHalfWidth(text).trim();
  if (s === '') return undefined;
  if (kind === 'plain' || kind === 'percent') {
    if (s.endsWith('分')) s = s.slice(0, -1).trim();
  }
  if (kind === 'percent' || kind === 'ratio') {
    if (s.endsWith('%')) {
      const n = decimal(s.slice(0, -1).trim());
      return n === undefined ? undefined : n / 100;
    }
  }
  if (kind === 'ratio') {
    const m = FRACTION.exec(s);
    if (m && m[1] !== undefined && m[2] !== undefined) {
      const a = Number(m[1]);
      const b = Number(m[2]);
      return b === 0 ? undefined : a / b;
    }
  }
  return decimal(s);
}

/**
 * Read a cell as a number: numbers as they are, text through {@link parseNumberText}; booleans and
 * dates are never numbers; an Excel error value is reported as `error`.
 */
export function readNumberCell(v: Scalar | undefined, kind: NumberKind): NumberRead {
  if (v === null || v === undefined) return { ok: false, reason: 'blank' };
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v } : { ok: false, reason: 'invalid' };
  if (typeof v === 'string') {
    if (BLANK.test(v)) return { ok: false, reason: 'blank' };
    const n = parseNumberText(v, kind);
    return n === undefined ? { ok: false, reason: 'invalid' } : { ok: true, value: n };
  }
  if (isCellError(v)) return { ok: false, reason: 'error' };
  return { ok: false, reason: 'invalid' };
}
