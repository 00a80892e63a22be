/**
 * Typed cell readers that report problems as they read, so every sheet parser treats error
 * values, blanks and bad numbers the same way and names the cell each time.
 */
import { issue, type Issue } from '../issues';
import type { CellRef } from '../location';
import { cellAt, isCellError, type RawSheet, type Scalar } from '../raw';
import { cellText, isBlankCell, normId, plainText } from './normalize';
import { readNumberCell, type NumberKind } from './numbers';

/** A read cell: its value, or why there is none (blank, or already reported). */
export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly blank: boolean };

/** The sheet being read and where its issues go. */
export interface ReadContext {
  readonly sheet: RawSheet;
  readonly issues: Issue[];
}

const BLANK: Read<never> = { ok: false, blank: true };
const BAD: Read<never> = { ok: false, blank: false };

/** The address of a cell on the context's sheet. */
export function ref(ctx: ReadContext, row: number, col: number): CellRef {
  return { sheet: ctx.sheet.name, row, col };
}

/** Any non-blank text-like cell; an Excel error value → CELL_ERROR_VALUE. */
function readWith(ctx: ReadContext, row: number, col: number | undefined, column: string, f: (v: Scalar) => string): Read<string> {
  if (col === undefined) return BLANK;
  const v = cellAt(ctx.sheet, row, col);
  if (isBlankCell(v)) return BLANK;
  if (isCellError(v)) {
    ctx.issues.push(issue('CELL_ERROR_VALUE', ref(ctx, row, col), { value: v.code, column }));
    return BAD;
  }
  return { ok: true, value: f(v) };
}

/** An id cell (支部编号, 指标编号): text, trimmed, half-width; `1` → `1`, `001` → `001`. */
export function readId(ctx: ReadContext, row: number, col: number | undefined, column: string): Read<string> {
  return readWith(ctx, row, col, column, normId);
}

/** A free-text cell, trimmed. */
export function readText(ctx: ReadContext, row: number, col: number | undefined, column: string): Read<string> {
  return readWith(ctx, row, col, column, plainText);
}

/** A number cell of the given kind; unreadable → NUMBER_INVALID, error value → CELL_ERROR_VALUE. */
export function readNumber(ctx: ReadContext, row: number, col: number | undefined, column: string, kind: NumberKind): Read<number> {
  if (col === undefined) return BLANK;
  const v = cellAt(ctx.sheet, row, col);
  const r = readNumberCell(v, kind);
  if (r.ok) return { ok: true, value: r.value };
  if (r.reason === 'blank') return BLANK;
  if (r.reason === 'error') {
    ctx.issues.push(issue('CELL_ERROR_VALUE', ref(ctx, row, col), { value: cellText(v), column }));
  } else {
    ctx.issues.push(issue('NUMBER_INVALID', ref(ctx, row, col), { value: cellText(v), column }));
  }
  return BAD;
}

/** Raise REQUIRED_MISSING when a read came back blank; returns the read unchanged. */
export function required<T>(ctx: ReadContext, read: Read<T>, row: number, col: number, column: string): Read<T> {
  if (!read.ok && read.blank) ctx.issues.push(issue('REQUIRED_MISSING', ref(ctx, row, col), { column }));
  return read;
}

/** Raise KEY_MISSING when a key read came back blank (the row has other data). */
export function requiredKey<T>(ctx: ReadContext, read: Read<T>, row: number, col: number, column: string): Read<T> {
  if (!read.ok && read.blank) ctx.issues.push(issue('KEY_MISSING', ref(ctx, row, col), { column }));
  return read;
}

/** The read value, or `fallback` when blank or invalid. */
export function valueOr<T, F>(read: Read<T>, fallback: F): T | F {
  return read.ok ? read.value : fallback;
}
