/**
 * OutputSheet → RawSheet: what an adapter would read back after writing the sheet, without a
 * file. Tests and the benchmark feed the sample straight into runWorkbook this way.
 */
import type { OutputSheet } from '../output';
import type { RawSheet, RawWorkbook, Scalar } from '../raw';
import { sampleSheets, type SampleOptions } from './sample';

/** The sheet as cells from A1: preamble rows, then the header row, then the data rows. */
export function sheetToRaw(sheet: OutputSheet): RawSheet {
  const cells: (readonly Scalar[])[] = [];
  for (const row of sheet.preamble ?? []) cells.push(row);
  cells.push(sheet.columns.map((c) => c.header));
  for (const row of sheet.rows) cells.push(row);
  return { name: sheet.name, cells };
}

/** The sample workbook (sampleSheets) as a RawWorkbook, as if written to .xlsx and read back. */
export function sampleWorkbook(options: SampleOptions): RawWorkbook {
  return { sheets: sampleSheets(options).map(sheetToRaw) };
}
