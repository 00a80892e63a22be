/**
 * The MergePlan: what the adapters do to the master workbook. Rows of 评分, 台账, 否决 and the ballot
 * sheets go under the master's sheet of the same kind, in its column order, with 来源 = the file name;
 * a kind the master lacks becomes a new sheet; every wide form is copied as its own sheet.
 */
import type { OutputColumn, OutputSheet, OutputValue } from '../output';
import { SHEET_NAME } from '../parse/sheets';
import { normName } from '../parse/normalize';
import { contractOrder, DATA_KINDS, isContractKey, KIND_COLUMNS, SOURCE_HEADER, type DataKind } from './columns';
import { outputValue, sourceLabelRow, type DataTable, type Scanned, type WideForm } from './scan';
import type { AppendRows, MergePlan } from './types';

/** Excel's limit on a sheet name. */
const SHEET_NAME_MAX = 31;

/** The rows a contributed file brings (already checked: known branches only). */
export interface Contribution {
  readonly name: string;
  readonly scan: Scanned;
  /** Rows to append, per data table of the file. */
  readonly rows: ReadonlyMap<DataKind, readonly number[]>;
  /** Its wide forms and the rows of each to copy. */
  readonly wide: readonly { readonly form: WideForm; readonly rows: readonly number[] }[];
}

/** Rows a file brought, per target sheet, in plan order. */
export type RowsBySheet = ReadonlyMap<string, readonly { readonly sheet: string; readonly rows: number }[]>;

/** Where one kind's rows go: the master's sheet, or a new sheet. */
interface Target {
  readonly kind: DataKind;
  readonly sheet: string;
  readonly existing: DataTable | undefined;
  readonly header: string[];
  readonly index: Map<string, number>;
  readonly sourceCol: number;
  /** First header cell the master sheet lacks (header.length when none). */
  readonly firstNew: number;
  readonly rows: OutputValue[][];
}

/** Build the plan from the master and the accepted contributions, in their order. */
export function buildPlan(master: Scanned, masterSheetNames: readonly string[], files: readonly Contribution[]): { plan: MergePlan; rowsByFile: RowsBySheet } {
  const counts = new Map<string, Map<string, number>>(files.map((f) => [f.name, new Map<string, number>()]));
  const count = (file: string, sheet: string, n: number) => {
    const m = counts.get(file);
    if (m && n > 0) m.set(sheet, (m.get(sheet) ?? 0) + n);
  };

  const append: AppendRows[] = [];
  const add: OutputSheet[] = [];
  for (const kind of DATA_KINDS) {
    const target = makeTarget(kind, master.tables.get(kind), files);
    if (!target) continue;
    for (const f of files) {
      const table = f.scan.tables.get(kind);
      const rows = f.rows.get(kind) ?? [];
      if (!table || rows.length === 0) continue;
      for (const r of rows) target.rows.push(alignRow(table, r, target, f.name));
      count(f.name, target.sheet, rows.length);
    }
    if (target.rows.length === 0) continue;
    if (target.existing) {
      const newCols = target.firstNew < target.header.length;
      append.push({
        sheet: target.sheet,
        addSourceColumn: target.sourceCol >= target.firstNew,
        header: target.header,
        rows: target.rows,
        headerRow: Math.max(0, target.existing.headerRow),
        ...(newCols ? { firstNewColumn: target.firstNew } : {}),
      });
    } else {
      add.push(newSheet(target));
    }
  }

  const taken = new Set(masterSheetNames.map(normName));
  for (const s of add) taken.add(normName(s.name));
  let formNo = 0;
  for (const f of files) {
    for (const { form, rows } of f.wide) {
      const sheet = copyForm(form, rows, f.name, taken, ++formNo);
      taken.add(normName(sheet.name));
      add.push(sheet);
      count(f.name, sheet.name, rows.length);
    }
  }

  const rowsByFile = new Map([...counts].map(([file, m]) => [file, [...m].map(([sheet, rows]) => ({ sheet, rows }))] as const));
  return { plan: { append, add }, rowsByFile };
}

/**
 * The target of a kind: the master's sheet with the contract columns a file uses and the master lacks
 * added (a 评分 without 评分人类别 would otherwise turn every 自评 into 上级), then 来源; or, when the
 * master has no such sheet, a new one with every file's columns. Undefined when no file brings rows.
 */
function makeTarget(kind: DataKind, existing: DataTable | undefined, files: readonly Contribution[]): Target | undefined {
  const used: { key: string; text: string }[] = [];
  const seen = new Set<string>();
  for (const f of files) {
    const table = f.scan.tables.get(kind);
    const rows = f.rows.get(kind) ?? [];
    if (!table || rows.length === 0) continue;
    for (const [key, col] of table.colOf) {
      if (key === SOURCE_HEADER || seen.has(key)) continue;
      if (!rows.some((r) => !isBlankValue(table, r, col))) continue;
      seen.add(key);
      used.push({ key, text: table.headers[col] ?? key });
    }
  }
  if (used.length === 0) return undefined;

  const hasHeader = existing !== undefined && existing.headerRow >= 0;
  const header = hasHeader ? [...existing.headers] : [];
  const index = new Map<string, number>(hasHeader ? existing.colOf : []);
  const firstNew = header.length;
  // Contract columns in the contract's order; for a new sheet, the file's own columns after them.
  const extra = used
    .filter((u) => !index.has(u.key) && (isContractKey(u.key) || !hasHeader))
    .sort((a, b) => contractOrder(kind, a.key) - contractOrder(kind, b.key));
  for (const u of extra) {
    index.set(u.key, header.length);
    header.push(isContractKey(u.key) ? (KIND_COLUMNS[kind].find((s) => s[0] === u.key)?.[0] ?? u.text) : u.text);
  }
  let sourceCol = index.get(SOURCE_HEADER);
  if (sourceCol === undefined) {
    sourceCol = header.length;
    header.push(SOURCE_HEADER);
  }
  return { kind, sheet: existing?.sheet.name ?? SHEET_NAME[kind], existing, header, index, sourceCol, firstNew, rows: [] };
}

function isBlankValue(table: DataTable, row: number, col: number): boolean {
  const v = table.sheet.cells[row]?.[col];
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A source row in the target's column order; columns the target does not have are dropped. */
function alignRow(table: DataTable, row: number, target: Target, file: string): OutputValue[] {
  const out = new Array<OutputValue>(target.header.length).fill(null);
  const cells = table.sheet.cells[row] ?? [];
  for (const [key, col] of table.colOf) {
    if (key === SOURCE_HEADER) continue;
    const j = target.index.get(key);
    if (j !== undefined) out[j] = outputValue(cells[col]);
  }
  out[target.sourceCol] = file;
  return out;
}

function newSheet(target: Target): OutputSheet {
  return {
    name: target.sheet,
    tableName: `IN_Merged_${target.kind}`,
    columns: target.header.map((header): OutputColumn => ({ header })),
    rows: target.rows,
    freezeColumns: 0,
    highlights: [],
  };
}

/**
 * A wide form copied as it is, above its header a `来源 | <file>` label; renamed `评分-张三 (2)` when the
 * name is taken, and then labelled `评分人 | 张三` so it keeps its rater (engine/parse/wide.ts reads the
 * label before the sheet-name suffix).
 */
function copyForm(form: WideForm, rows: readonly number[], file: string, taken: ReadonlySet<string>, no: number): OutputSheet {
  const name = freeName(form.sheet.name, taken);
  const cells = form.sheet.cells;
  const labelRow = sourceLabelRow(form.sheet, form.headerRow);
  const preamble: OutputValue[][] = [];
  for (let r = 0; r < form.headerRow; r++) {
    if (r !== labelRow) preamble.push((cells[r] ?? []).map(outputValue));
  }
  if (name !== form.sheet.name && !form.labelled) preamble.push(['评分人', form.rater]);
  preamble.push([SOURCE_HEADER, file]);
  const header = cells[form.headerRow] ?? [];
  let width = header.length;
  while (width > 0 && isBlankCell(header[width - 1])) width--;
  const columns: OutputColumn[] = [];
  for (let c = 0; c < width; c++) {
    const h = outputValue(header[c]);
    columns.push(c === form.branchCol ? { header: String(h ?? ''), format: '@' } : { header: h === null ? '' : String(h) });
  }
  return {
    name,
    tableName: `IN_Merged_Form_${no}`,
    preamble,
    columns,
    rows: rows.map((r) => (cells[r] ?? []).map(outputValue)),
    freezeColumns: Math.min(2, width),
    highlights: [],
  };
}

function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** `name`, or `name (2)`, `name (3)` … (cut to fit 31 characters) when taken (names compare like Excel's, ignoring case). */
export function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(normName(name))) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${[...name].slice(0, SHEET_NAME_MAX - suffix.length).join('').trimEnd()}${suffix}`;
    if (!taken.has(normName(candidate))) return candidate;
  }
}
