/**
 * Where something came from or where a problem is. 0-based inside the engine; A1 notation only
 * at the edge (messages, 数据校验).
 */
export type Location =
  | { readonly sheet: string; readonly row: number; readonly col: number } // one cell
  | { readonly sheet: string; readonly row: number } // a whole row
  | { readonly sheet: string; readonly col: number } // a whole column
  | { readonly sheet: string }; // the whole sheet (or a missing one)

/** A single cell's address. */
export interface CellRef {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The address part of a location in A1 notation: `D7`, `7:7` (row), `D:D` (column), `` (sheet). */
export function a1(loc: Location): string {
  const row = 'row' in loc ? loc.row : undefined;
  const col = 'col' in loc ? loc.col : undefined;
  if (row !== undefined && col !== undefined) return `${columnLetters(col)}${row + 1}`;
  if (row !== undefined) return `${row + 1}:${row + 1}`;
  if (col !== undefined) return `${columnLetters(col)}:${columnLetters(col)}`;
  return '';
}

/** `评分!D7`, or just the sheet name when the location is the whole sheet. */
export function formatLocation(loc: Location): string {
  const addr = a1(loc);
  return addr ? `${loc.sheet}!${addr}` : loc.sheet;
}

/** Parse `D7` (A1, no sheet) into 0-based row and column; undefined when it is not one cell. */
export function parseA1(addr: string): { row: number; col: number } | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(addr.trim().toUpperCase());
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}
