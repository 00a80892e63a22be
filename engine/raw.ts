/**
 * What every adapter hands the engine: a workbook as plain values, and nothing else.
 * Rows and columns are 0-based from A1 (row 0 = Excel row 1, col 0 = column A); the
 * adapters pad so that `cells[r][c]` is the cell at that address. Sheets may be ragged.
 */

/** An Excel error value (`#N/A`, `#DIV/0!`, `#VALUE!` …) found in a cell. */
export interface CellError {
  readonly kind: 'error';
  /** The error text as Excel shows it, e.g. `#N/A`. */
  readonly code: string;
}

/**
 * One cell's value. `null` is an empty cell. Dates are kept as `Date` so that user columns
 * (销号日期 …) round-trip; the engine never reads a date as a number.
 */
export type Scalar = string | number | boolean | Date | null | CellError;

export interface RawSheet {
  readonly name: string;
  readonly cells: readonly (readonly Scalar[])[];
}

export interface RawWorkbook {
  readonly sheets: readonly RawSheet[];
}

/** Narrow a scalar to an Excel error value. */
export function isCellError(v: Scalar | undefined): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && v.kind === 'error';
}

/** The cell at (row, col), `null` when outside the ragged array. */
export function cellAt(sheet: RawSheet, row: number, col: number): Scalar {
  return sheet.cells[row]?.[col] ?? null;
}

/** A cell is blank when empty or only white space (full-width spaces included). */
export function isBlank(v: Scalar | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.replace(/[\s\u3000]/g, '') === '');
}
