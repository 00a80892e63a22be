/**
 * Text normalisation shared by every input sheet (workbook.md §1): users type on Chinese IMEs, so
 * `Ｂｒａｎｃｈｅｓ `, `８５` and `１．１` must read like `Branches`, `85` and `1.1`.
 */
import { isCellError, type Scalar } from '../raw';

/**
 * Full-width ASCII (U+FF01–U+FF5E) → half-width, U+3000 → space, U+2212 (−) → `-`:
 * `Ｂｒａｎｃｈ　８５％` → `Branch 85%`.
 */
export function toHalfWidth(s: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) {
      out += String.fromCharCode(code - 0xfee0);
      changed = true;
    } else if (code === 0x3000) {
      out += ' ';
      changed = true;
    } else if (code === 0x2212) {
      out += '-';
      changed = true;
    } else {
      out += s[i];
    }
  }
  return changed ? out : s;
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
