/**
 * Keeping what the user typed in an output sheet across runs (workbook.md §5.3, §8 Gaps): the
 * previous version of the sheet is read back from the workbook, its rows are matched to this
 * run's rows by a key, and the user's columns — and any column the user added — travel with the
 * key. Generic over the sheet: 问题清单 uses it now, 民主评议汇总's 最终等次 later.
 */
import type { OutputValue } from '../output';
import { cellText, normId, normName } from '../parse/normalize';
import { cellAt, isBlank, isCellError, type RawSheet, type RawWorkbook, type Scalar } from '../raw';
import { columnLetters } from '../location';

/** An existing output sheet read back: rows as values by header. */
export interface ExistingTable {
  /** Headers of columns the sheet's spec does not know (the user's own), in sheet order. */
  readonly extraColumns: readonly string[];
  /** Non-blank rows below the header, in sheet order; known columns under their contract header. */
  readonly rows: readonly ReadonlyMap<string, OutputValue>[];
}

/** An old row that no fresh key claimed. */
export interface Leftover {
  readonly values: ReadonlyMap<string, OutputValue>;
  /** Its key is one of this run's keys, but an earlier old row already matched it (the user copied a row). */
  readonly duplicate: boolean;
}

export interface MergeResult {
  /** Per fresh key, in order: the matching old row's values (every column), or undefined for a new key. */
  readonly matched: readonly (ReadonlyMap<string, OutputValue> | undefined)[];
  readonly extraColumns: readonly string[];
  /** Old rows not matched, in sheet order. */
  readonly leftovers: readonly Leftover[];
}

const EMPTY: ExistingTable = { extraColumns: [], rows: [] };

/** The sheet named `name` (ignoring case, surrounding spaces and full-width forms), if the workbook has it. */
export function findSheet(workbook: RawWorkbook, name: string): RawSheet | undefined {
  const wanted = normName(name);
  return workbook.sheets.find((s) => normName(s.name) === wanted);
}

/**
 * A cell value as it can be written back unchanged. Excel error values cannot be written as values,
 * so they come back as their text (`#N/A`); everything else, Dates included, is kept as is.
 */
export function keepValue(v: Scalar): OutputValue {
  return isCellError(v) ? v.code : v;
}

/** The key of a row from its key cells: ids compare trimmed and half-width (`００１ ` = `001`). */
export function rowKey(parts: readonly (OutputValue | undefined)[]): string {
  return parts.map((p) => normId(p ?? null)).join('\u0001');
}

/**
 * Read the previous version of an output sheet. The header row is the first non-empty row; headers
 * matching `known` (normalised) map to the contract header; any other header with data below it is
 * an extra column, named as written (a blank header becomes `列H`, a repeated one `备注 (2)`, so
 * nothing typed under it is lost and the names stay unique for the Excel table).
 */
export function readExisting(sheet: RawSheet | undefined, known: readonly string[]): ExistingTable {
  if (sheet === undefined) return EMPTY;
  const headerRow = sheet.cells.findIndex((row) => row.some((v) => !isBlank(v)));
  if (headerRow < 0) return EMPTY;
  const byNorm = new Map(known.map((h) => [normName(h), h]));
  const width = sheet.cells.reduce((w, r) => Math.max(w, r.length), 0);
  const taken = new Set<string>();
  const names: (string | undefined)[] = [];
  const extraColumns: string[] = [];
  for (let c = 0; c < width; c++) {
    const text = cellText(cellAt(sheet, headerRow, c)).trim();
    const canonical = byNorm.get(normName(text));
    if (canonical !== undefined && !taken.has(canonical)) {
      taken.add(canonical);
      names.push(canonical);
      continue;
    }
    if (text === '' && !columnHasData(sheet, headerRow, c)) {
      names.push(undefined);
      continue;
    }
    const name = unique(text === '' ? `列${columnLetters(c)}` : text, taken);
    taken.add(name);
    names.push(name);
    extraColumns.push(name);
  }
  const rows: Map<string, OutputValue>[] = [];
  for (let r = headerRow + 1; r < sheet.cells.length; r++) {
    const cells = sheet.cells[r] ?? [];
    if (cells.every((v) => isBlank(v))) continue;
    const values = new Map<string, OutputValue>();
    names.forEach((name, c) => {
      if (name !== undefined) values.set(name, keepValue(cells[c] ?? null));
    });
    rows.push(values);
  }
  return { extraColumns, rows };
}

function columnHasData(sheet: RawSheet, headerRow: number, col: number): boolean {
  for (let r = headerRow + 1; r < sheet.cells.length; r++) if (!isBlank(cellAt(sheet, r, col))) return true;
  return false;
}

function unique(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  let i = 2;
  while (taken.has(`${name} (${i})`)) i++;
  return `${name} (${i})`;
}

/**
 * Match this run's keys to the old rows. The first old row with a key supplies that key's values;
 * every other old row is a leftover for the caller to keep (the caller decides how: 问题清单 keeps
 * them all). Keys are compared with `rowKey`.
 */
export function mergeByKey(existing: ExistingTable, keyColumns: readonly string[], freshKeys: readonly string[]): MergeResult {
  const fresh = new Set(freshKeys);
  const firstByKey = new Map<string, ReadonlyMap<string, OutputValue>>();
  const leftovers: Leftover[] = [];
  for (const row of existing.rows) {
    const key = rowKey(keyColumns.map((c) => row.get(c)));
    if (fresh.has(key) && !firstByKey.has(key)) firstByKey.set(key, row);
    else leftovers.push({ values: row, duplicate: fresh.has(key) });
  }
  return { matched: freshKeys.map((k) => firstByKey.get(k)), extraColumns: existing.extraColumns, leftovers };
}

/** Lay values out in column order; columns the values lack are blank. */
export function layout(columns: readonly string[], values: ReadonlyMap<string, OutputValue>): OutputValue[] {
  return columns.map((c) => values.get(c) ?? null);
}
