/**
 * The generic reader behind every input table (workbook.md §1): the header row is the first
 * non-empty row; columns are matched by header text or alias after normalisation, in any order;
 * unknown columns are ignored; blank rows are skipped.
 */
import { issue, type Issue } from '../issues';
import { isBlank, isCellError, type RawSheet } from '../raw';
import { cellText, isBlankCell, normName } from './normalize';

/** One column a table knows: its contract header, its aliases, and whether the table needs it. */
export interface ColumnSpec<K extends string> {
  readonly key: K;
  /** The header as the contract writes it (also the `column` parameter of issues). */
  readonly header: string;
  readonly aliases?: readonly string[];
  readonly required?: boolean;
}

/** A header cell that matched no spec (ledger columns, the user's own columns). */
export interface OtherColumn {
  /** Header text, trimmed. */
  readonly header: string;
  readonly col: number;
}

export interface Table<K extends string> {
  readonly sheet: RawSheet;
  readonly headerRow: number;
  /** Column index of each matched spec (the first one when a header repeats). */
  readonly columns: ReadonlyMap<K, number>;
  readonly others: readonly OtherColumn[];
  /** Every required column is present. */
  readonly complete: boolean;
}

/** Index of the first row with any non-blank cell, at or after `from`; -1 when none. */
export function firstNonEmptyRow(sheet: RawSheet, from = 0): number {
  for (let r = from; r < sheet.cells.length; r++) {
    if (!isRowBlank(sheet, r)) return r;
  }
  return -1;
}

/** A row is blank when every cell is blank (`cols` given: every one of those cells). */
export function isRowBlank(sheet: RawSheet, row: number, cols?: readonly number[]): boolean {
  const cells = sheet.cells[row];
  if (!cells) return true;
  // Plain loops: this runs once per data row of every sheet (~160k ballot rows).
  if (cols) {
    for (let i = 0; i < cols.length; i++) if (!isBlankCell(cells[cols[i] ?? -1])) return false;
    return true;
  }
  for (let c = 0; c < cells.length; c++) if (!isBlankCell(cells[c])) return false;
  return true;
}

/** Build the lookup from normalised header text to spec key (header and every alias). */
export function headerLookup<K extends string>(specs: readonly ColumnSpec<K>[]): ReadonlyMap<string, ColumnSpec<K>> {
  const map = new Map<string, ColumnSpec<K>>();
  for (const spec of specs) {
    map.set(normName(spec.header), spec);
    for (const alias of spec.aliases ?? []) map.set(normName(alias), spec);
  }
  return map;
}

/**
 * Read the header of `sheet`: SHEET_EMPTY when it has no non-empty row (null returned),
 * COLUMN_DUPLICATE for a repeated column (first used), COLUMN_MISSING per absent required column.
 */
export function readTable<K extends string>(
  sheet: RawSheet,
  specs: readonly ColumnSpec<K>[],
  issues: Issue[],
): Table<K> | null {
  const headerRow = firstNonEmptyRow(sheet);
  if (headerRow < 0) {
    issues.push(issue('SHEET_EMPTY', { sheet: sheet.name }, {}));
    return null;
  }
  return readHeaderAt(sheet, headerRow, specs, issues);
}

/** Match the header cells of row `headerRow` against `specs` (see {@link readTable}). */
export function readHeaderAt<K extends string>(
  sheet: RawSheet,
  headerRow: number,
  specs: readonly ColumnSpec<K>[],
  issues: Issue[],
): Table<K> {
  const lookup = headerLookup(specs);
  const columns = new Map<K, number>();
  const others: OtherColumn[] = [];
  const seenOthers = new Set<string>();
  const cells = sheet.cells[headerRow] ?? [];
  for (let c = 0; c < cells.length; c++) {
    const v = cells[c];
    if (isBlank(v) || isCellError(v)) continue;
    const text = cellText(v).trim();
    const key = normName(text);
    const spec = lookup.get(key);
    if (spec) {
      if (columns.has(spec.key)) {
        issues.push(issue('COLUMN_DUPLICATE', { sheet: sheet.name, row: headerRow, col: c }, { column: spec.header }));
      } else {
        columns.set(spec.key, c);
      }
    } else if (seenOthers.has(key)) {
      issues.push(issue('COLUMN_DUPLICATE', { sheet: sheet.name, row: headerRow, col: c }, { column: text }));
    } else {
      seenOthers.add(key);
      others.push({ header: text, col: c });
    }
  }
  let complete = true;
  for (const spec of specs) {
    if (spec.required && !columns.has(spec.key)) {
      complete = false;
      issues.push(issue('COLUMN_MISSING', { sheet: sheet.name, row: headerRow }, { column: spec.header }));
    }
  }
  return { sheet, headerRow, columns, others, complete };
}

/** The rows after the header that hold data in at least one of `cols`. */
export function dataRows(sheet: RawSheet, headerRow: number, cols: readonly number[]): number[] {
  const rows: number[] = [];
  for (let r = headerRow + 1; r < sheet.cells.length; r++) {
    if (!isRowBlank(sheet, r, cols)) rows.push(r);
  }
  return rows;
}

/** The matched column indexes of a table (the cells that count as "used"). */
export function usedColumns<K extends string>(table: Table<K>, extra: readonly number[] = []): number[] {
  return [...table.columns.values(), ...extra];
}
