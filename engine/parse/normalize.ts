/**
 * Text normalisation shared by every input sheet (workbook.md §1): users type on Chinese IMEs, so
 * `Ｂｒａｎｃｈｅｓ `, `８５` and `１．１` must read like `Branches`, `85` and `1.1`.
 */
import { isBlank, isCellError, type Scalar } from '../raw';

/**
 * Full-width ASCII (U+FF01–U+FF5E) → half-width, U+3000 → space, U+2212 (−) → `-`:
 * `Ｂｒａｎｃｈ　８５％` → `Branch 85%`.
 */
export function toHalfWidth(s: string): string {
  // Most cells need no change: scan first and return the string itself, so reading ~160k ballot rows
  // does not build a copy of every id and level character by character.
  let i = 0;
  while (i < s.length) {
    const code = s.charCodeAt(i);
    if ((code >= 0xff01 && code <= 0xff5e) || code === 0x3000 || code === 0x2212) break;
    i++;
  }
  if (i === s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else if (code === 0x2212) out += '-';
    else out += s[i];
  }
  return out;
}

/**
 * Exactly `isBlank` (engine/raw.ts), with a fast path for the common cell: a string whose first
 * character is plainly not white space (printable ASCII, or above U+3000 other than U+FEFF, which
 * covers CJK) is not blank, without running a regex over it. Matters at ~800k ballot cells.
 */
export function isBlankCell(v: Scalar | undefined): boolean {
  if (typeof v === 'string' && v.length > 0) {
    const c = v.charCodeAt(0);
    if ((c > 32 && c < 127) || (c > 0x3000 && c !== 0xfeff)) return false;
  }
  return isBlank(v);
}

/** How sheet names, headers, setting keys and choice values compare: half-width, trimmed, lower case. */
export function normName(s: string): string {
  return toHalfWidth(s).trim().toLowerCase();
}

/**
 * The text of a cell as a user would read it, for ids and issue parameters: a number cell `1` is
 * `1`, text `001` stays `001`; errors give their code (`#N/A`); blank gives ''.
 */
export function cellText(v: Scalar | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (isCellError(v)) return v.code;
  return '';
}

/** An id (支部编号, 指标编号): text, half-width, trimmed; case is kept (ids compare exactly after that). */
export function normId(v: Scalar | undefined): string {
  return toHalfWidth(cellText(v)).trim();
}

/** Free text from a cell (names, notes): half-width is not applied, only trimming, so names stay as typed. */
export function plainText(v: Scalar | undefined): string {
  return cellText(v).trim();
}
