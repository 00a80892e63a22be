/**
 * Cell values between Office.js and the engine, and the byte arithmetic that keeps every request under
 * Excel on the web's 5 MB limit. Pure functions: no Office.js call here, so they are tested directly.
 */
import type { OutputValue } from '../../engine/output';
import type { Scalar } from '../../engine/raw';

/** Excel on the web refuses a request or a response over 5 MB; the stricter reading (5,000,000 bytes). */
export const PAYLOAD_LIMIT = 5_000_000;
/**
 * What one request may carry, leaving a fifth of the limit for what the estimate does not see: the
 * envelope of every queued call, object paths, the table, formats and chart queued with a sheet's last block.
 */
export const PAYLOAD_BUDGET = 4_000_000;
/** Rows per request at most (Microsoft suggests 5,000–20,000 for large ranges; the issue asks ≤ 5,000). */
export const MAX_BLOCK_ROWS = 5_000;
/**
 * Read responses cannot be measured before they arrive: assume this many bytes per cell for `values`,
 * `valueTypes` and `numberFormat` together (a 10-character Chinese text is ~32 bytes, its type `"String"`
 * 9, `"General"` 10). A response that is larger anyway is retried in halves (read.ts).
 */
export const READ_BYTES_PER_CELL = 64;

/** The value Office.js takes or gives in `Range.values`. */
export type ExcelValue = string | number | boolean | null;

/**
 * An OutputValue as Office.js should write it.
 *
 * Strings get a leading apostrophe: `Range.values` parses a string like typed input (Microsoft's own sample
 * writes '29.96' and gets a number; `=…` becomes a formula, `001` becomes 1, `1月2日` a date). The
 * apostrophe makes Excel keep the text as text and is not part of the value read back (office-js #6687).
 * Dates become serial numbers with a date format for the cell; NaN and ±∞ become empty (Excel has no such
 * value). Empty cells are `null`, which leaves the cell of the freshly added sheet empty.
 */
export function toExcelValue(v: OutputValue | undefined): { readonly value: ExcelValue; readonly format?: string } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'string') return { value: v === '' ? null : `'${v}` };
  if (typeof v === 'number') return { value: Number.isFinite(v) ? v : null };
  if (typeof v === 'boolean') return { value: v };
  const t = v.getTime();
  if (Number.isNaN(t)) return { value: null };
  return { value: dateToSerial(v), format: t % DAY_MS === 0 ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss' };
}

/**
 * One cell read through Office.js → Scalar. `valueTypes` decides: `Error` → CellError (so a text `#N/A`
 * typed as text stays text), `Empty` → null, a number whose format is a date → Date (as cli/xlsx-read.ts
 * gives through exceljs, so both hosts hand the engine the same workbook), anything else as it is.
 */
export function fromExcel(value: unknown, type: string | undefined, format: string | undefined): Scalar {
  switch (type) {
    case 'Empty':
      return null;
    case 'Error':
      return { kind: 'error', code: String(value) };
    case 'Double':
    case 'Integer':
      if (typeof value !== 'number' || !Number.isFinite(value)) return null;
      return format !== undefined && isDateFormat(format) ? serialToDate(value) : value;
    case 'Boolean':
      return typeof value === 'boolean' ? value : null;
    case 'String':
      return typeof value === 'string' ? value : String(value);
    default:
      // Unknown or RichValue (1.12+, e.g. a linked data type): keep a plain value, drop an object.
      if (typeof value === 'string') return value === '' ? null : value;
      if (typeof value === 'number') return Number.isFinite(value) ? value : null;
      if (typeof value === 'boolean') return value;
      return null;
  }
}

const DAY_MS = 86_400_000;
/** Days from Excel's 1900 epoch (serial 0 = 1899-12-30, after the 1900 leap-year bug) to 1970-01-01. */
const EPOCH_OFFSET = 25_569;

/** Excel serial (1900 date system) → Date in UTC, as exceljs reads it: 45658 → 2025-01-01. */
export function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - EPOCH_OFFSET) * DAY_MS));
}

/** Date → Excel serial (1900 date system), the inverse of serialToDate: 2025-01-01 → 45658. */
export function dateToSerial(d: Date): number {
  return d.getTime() / DAY_MS + EPOCH_OFFSET;
}

/**
 * Whether a number format shows a date or time: after removing quoted text, escaped and skipped
 * characters and bracketed sections ([Red], [$-804], [DBNum1]; an elapsed [h] counts), any of d m y h s
 * remains. `yyyy"年"m"月"d"日"` and `h:mm` are dates; `0.00`, `0.00E+00`, `#,##0"元"`, `General` are not.
 */
export function isDateFormat(format: string): boolean {
  const first = format.split(';')[0] ?? '';
  if (first === '' || first === '@' || /^general$/i.test(first)) return false;
  const stripped = first
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, (m) => (/^\[(h+|m+|s+)\]$/i.test(m) ? 'h' : ''));
  return /[dmyhs]/i.test(stripped.replace(/general/gi, ''));
}

/** UTF-8 length of a string, as it travels in a JSON request. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of a value as JSON in a request: `JSON.stringify` length in UTF-8. */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? '');
}

/**
 * Cut `rowBytes.length` rows into blocks of at most `maxRows` rows whose bytes stay within `budget`
 * (a row larger than the budget alone still gets a block of its own: Excel will say whether it fits).
 * Returns [start, count] pairs. rows 12,000 of 100 bytes, maxRows 5,000 → [0,5000] [5000,5000] [10000,2000].
 */
export function cutBlocks(rowBytes: readonly number[], maxRows: number, budget: number): [number, number][] {
  const blocks: [number, number][] = [];
  let start = 0;
  let bytes = 0;
  for (let r = 0; r < rowBytes.length; r++) {
    const b = rowBytes[r] ?? 0;
    if (r > start && (r - start >= maxRows || bytes + b > budget)) {
      blocks.push([start, r - start]);
      start = r;
      bytes = 0;
    }
    bytes += b;
  }
  if (rowBytes.length > start) blocks.push([start, rowBytes.length - start]);
  return blocks;
}

/**
 * Why Excel would refuse a sheet name, or undefined when it is legal: not empty, at most 31 characters,
 * none of * ? : \ / [ ], not starting or ending with an apostrophe, not `History` (reserved).
 */
export function sheetNameProblem(name: string): string | undefined {
  if (name.trim() === '') return '名称不能为空';
  if (name.length > 31) return '名称不能超过 31 个字符';
  if (/[*?:/\\[\]]/.test(name)) return '名称不能包含 * ? : \\ / [ ]';
  if (/^'|'$/.test(name)) return '名称不能以单引号开头或结尾';
  if (name.toLowerCase() === 'history') return '“History” 是 Excel 保留的名称';
  return undefined;
}
