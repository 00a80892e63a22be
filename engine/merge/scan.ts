/**
 * A workbook as consolidation sees it: its data sheets (found by kind through the parser's sheet
 * discovery, headers keyed like the parser reads them), its wide scoring forms with their raters, its
 * 支部编号 list and its 指标 sheet. Reading only: no issue is raised here (the parser does that later
 * on the merged workbook).
 */
import { isBlank, isCellError, type RawSheet, type RawWorkbook, type Scalar } from '../raw';
import type { OutputValue } from '../output';
import { cellText, normId, normName } from '../parse/normalize';
import { discoverSheets } from '../parse/sheets';
import { firstNonEmptyRow, isRowBlank } from '../parse/table';
import { wideFormLabelRater } from '../parse/wide';
import { BRANCH_HEADER, columnKey, DATA_KINDS, SOURCE_HEADER, type DataKind } from './columns';

/** One data sheet (评分, 台账, 否决, a ballot sheet): its header and the rows that hold data. */
export interface DataTable {
  readonly kind: DataKind;
  readonly sheet: RawSheet;
  /** 0-based header row; -1 when the sheet has no non-empty row. */
  readonly headerRow: number;
  /** Header text per column (trimmed; '' for a blank cell), up to the last non-blank header. */
  readonly headers: readonly string[];
  /** Matching key per column (see columnKey); undefined for a blank header. */
  readonly keys: readonly (string | undefined)[];
  /** First column of each key (a repeated header: the first one counts, as in the parser). */
  readonly colOf: ReadonlyMap<string, number>;
  /** Rows below the header with any non-blank cell. */
  readonly rows: readonly number[];
}

/** A wide scoring form 评分-<rater>. */
export interface WideForm {
  readonly sheet: RawSheet;
  /** Row of the header (the row holding 支部编号); -1 when none (copied as it is, no scores read). */
  readonly headerRow: number;
  readonly branchCol: number;
  /** The rater: a 评分人 label above the header, else the sheet-name suffix. */
  readonly rater: string;
  /** The sheet has a 评分人 label (it keeps its rater whatever the sheet is called). */
  readonly labelled: boolean;
  /** The value of a `来源` label above the header (a form merged before), else undefined. */
  readonly source: string | undefined;
  readonly rows: readonly number[];
}

export interface Scanned {
  readonly tables: ReadonlyMap<DataKind, DataTable>;
  readonly wide: readonly WideForm[];
  readonly branchSheet: RawSheet | undefined;
  readonly rubricSheet: RawSheet | undefined;
}

/** Find the sheets of a workbook that consolidation reads. */
export function scanWorkbook(raw: RawWorkbook): Scanned {
  const found = discoverSheets(raw, []);
  const tables = new Map<DataKind, DataTable>();
  for (const kind of DATA_KINDS) {
    const sheet = found.byKind.get(kind);
    if (sheet) tables.set(kind, readDataTable(kind, sheet));
  }
  const wide: WideForm[] = [];
  for (const s of found.scoreSheets) {
    if (s.form === 'wide') wide.push(readWideForm(s.sheet, s.rater));
  }
  return { tables, wide, branchSheet: found.byKind.get('branches'), rubricSheet: found.byKind.get('rubric') };
}

function readDataTable(kind: DataKind, sheet: RawSheet): DataTable {
  const headerRow = firstNonEmptyRow(sheet);
  const cells = headerRow < 0 ? [] : (sheet.cells[headerRow] ?? []);
  let width = cells.length;
  while (width > 0 && headerText(cells[width - 1]) === '') width--;
  const headers: string[] = [];
  const keys: (string | undefined)[] = [];
  const colOf = new Map<string, number>();
  for (let c = 0; c < width; c++) {
    const text = headerText(cells[c]);
    const key = columnKey(kind, text);
    headers.push(text);
    keys.push(key);
    if (key !== undefined && !colOf.has(key)) colOf.set(key, c);
  }
  const rows: number[] = [];
  if (headerRow >= 0) {
    for (let r = headerRow + 1; r < sheet.cells.length; r++) if (!isRowBlank(sheet, r)) rows.push(r);
  }
  return { kind, sheet, headerRow, headers, keys, colOf, rows };
}

const BRANCH_KEYS: ReadonlySet<string> = new Set([BRANCH_HEADER, 'branch', 'id'].map(normName));
const SOURCE_LABEL = normName(SOURCE_HEADER);

function readWideForm(sheet: RawSheet, suffixRater: string): WideForm {
  let headerRow = -1;
  let branchCol = 0;
  for (let r = 0; r < sheet.cells.length && headerRow < 0; r++) {
    const cells = sheet.cells[r] ?? [];
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      if (typeof v === 'string' && BRANCH_KEYS.has(normName(v))) {
        headerRow = r;
        branchCol = c;
        break;
      }
    }
  }
  const label = wideFormLabelRater(sheet);
  const rows: number[] = [];
  if (headerRow >= 0) {
    for (let r = headerRow + 1; r < sheet.cells.length; r++) if (!isRowBlank(sheet, r)) rows.push(r);
  }
  return {
    sheet,
    headerRow,
    branchCol,
    rater: label ?? suffixRater,
    labelled: label !== undefined,
    source: headerRow < 0 ? undefined : sourceLabel(sheet, headerRow),
    rows,
  };
}

/** The row of a `来源 | X` label above `headerRow`, or -1. */
export function sourceLabelRow(sheet: RawSheet, headerRow: number): number {
  for (let r = 0; r < headerRow; r++) {
    const first = (sheet.cells[r] ?? []).find((v) => !isBlank(v));
    if (typeof first === 'string' && normName(first) === SOURCE_LABEL) return r;
  }
  return -1;
}

function sourceLabel(sheet: RawSheet, headerRow: number): string | undefined {
  const r = sourceLabelRow(sheet, headerRow);
  if (r < 0) return undefined;
  const cells = sheet.cells[r] ?? [];
  const at = cells.findIndex((v) => !isBlank(v));
  const value = cells.slice(at + 1).find((v) => !isBlank(v));
  const text = value === undefined ? '' : cellText(value).trim();
  return text === '' ? undefined : text;
}

/** The 支部编号 values of 支部 (normalised like the parser's ids); null when there is no usable 支部 sheet. */
export function branchIds(sheet: RawSheet | undefined): ReadonlySet<string> | null {
  if (!sheet) return null;
  const headerRow = firstNonEmptyRow(sheet);
  if (headerRow < 0) return null;
  const header = sheet.cells[headerRow] ?? [];
  const col = header.findIndex((v) => BRANCH_KEYS.has(normName(headerText(v))));
  if (col < 0) return null;
  const ids = new Set<string>();
  for (let r = headerRow + 1; r < sheet.cells.length; r++) {
    const id = normId(sheet.cells[r]?.[col]);
    if (id !== '') ids.add(id);
  }
  return ids;
}

/** A header cell's text, trimmed ('' for blank or an error value). */
export function headerText(v: Scalar | undefined): string {
  if (isBlank(v) || isCellError(v)) return '';
  return cellText(v).trim();
}

/** A cell as the writers take it: an Excel error value becomes its text (`#N/A`), which the parser still refuses. */
export function outputValue(v: Scalar | undefined): OutputValue {
  if (v === undefined) return null;
  if (isCellError(v)) return v.code;
  return v;
}
