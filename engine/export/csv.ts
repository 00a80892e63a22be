/**
 * One output sheet as CSV: UTF-8 with a BOM (Excel on Chinese Windows otherwise reads the file as
 * GBK and garbles every Chinese character), CRLF line ends, RFC 4180 quoting, and formula injection
 * neutralised (OWASP "CSV Injection"): a text cell starting with = + - @, a tab or a CR gets a single
 * quote in front, so a spreadsheet opening the file shows it as text instead of evaluating it.
 *
 * Numbers are data, not text: a number cell (-2, -0.5) is written as the number and left alone — its
 * text can only be digits, a sign, a point and an exponent, which no spreadsheet evaluates as a
 * formula. The TEXT "-2" (a string cell, as a user might type into 整改措施) is neutralised like any
 * other text starting with -, so only values the engine itself produced as numbers are written bare.
 *
 * The CSV holds the header and the rows: it is a table for other tools; the title rows (preamble)
 * belong to the printed workbook and would break header-first readers.
 */
import type { CellFormat, NumberFormat, OutputSheet, OutputValue } from '../output';

/** The byte-order mark, as the first character of the text. */
export const CSV_BOM = '\uFEFF';

const CRLF = '\r\n';

/** What starts a formula (or, for tab and CR, hides one after leading whitespace) in Excel, LibreOffice and Google Sheets. */
const TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** A text cell made inert: `=1+1` → `'=1+1`; anything else unchanged. */
export function neutralise(text: string): string {
  return text.length > 0 && TRIGGERS.has(text.charAt(0)) ? `'${text}` : text;
}

/** RFC 4180: a field with a quote, comma, CR or LF is quoted, its quotes doubled. */
function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Decimals of a `0.00` / `0.00%` format. */
function decimalsOf(format: NumberFormat): number {
  const dot = format.indexOf('.');
  return dot < 0 ? 0 : format.replace('%', '').length - dot - 1;
}

/**
 * A number as the sheet shows it under its format: `0.00` → `87.50`, `0.00%` → `85.33%`, General →
 * the shortest text. The values are already rounded to those digits by emit; this only pads.
 */
function numberText(x: number, format: NumberFormat | undefined): string {
  if (!Number.isFinite(x)) return '';
  const v = Object.is(x, -0) ? 0 : x;
  if (format === undefined || format === 'General' || format === '@') return String(v);
  const d = decimalsOf(format);
  return format.endsWith('%') ? `${(v * 100).toFixed(d)}%` : v.toFixed(d);
}

/** `2026-11-21` (the date part, as Excel's default short date would be locale-dependent). */
function dateText(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** A cell as its CSV field (before quoting). */
function field(v: OutputValue, format: NumberFormat | undefined): string {
  if (v === null) return '';
  if (typeof v === 'number') return numberText(v, format);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return dateText(v);
  return neutralise(v);
}

/**
 * The sheet as CSV text (BOM first; encode as UTF-8): header, then one line per row, each line ended
 * by CRLF. Every field is neutralised then quoted, e.g. the text `=cmd|' /C calc'!A0` → `'=cmd|' /C calc'!A0`.
 */
export function toCsv(sheet: OutputSheet): string {
  const width = sheet.columns.length;
  const cellFormat = new Map<string, NumberFormat>();
  for (const f of sheet.cellFormats ?? ([] as readonly CellFormat[])) cellFormat.set(`${f.row}\u0000${f.column}`, f.format);
  const lines = [sheet.columns.map((c) => quote(neutralise(c.header))).join(',')];
  sheet.rows.forEach((row, r) => {
    const fields: string[] = [];
    for (let c = 0; c < Math.max(width, row.length); c++) {
      const column = sheet.columns[c];
      const format = column === undefined ? undefined : (cellFormat.get(`${r}\u0000${column.header}`) ?? column.format);
      fields.push(quote(field(row[c] ?? null, format)));
    }
    lines.push(fields.join(','));
  });
  return `${CSV_BOM}${lines.join(CRLF)}${CRLF}`;
}
