/** Shared by the Office adapter tests: seed a fake from a RawWorkbook, and make a host over a fake. */
import { dateToSerial } from '../../../addin/office/cells';
import { createExcelHost, type ExcelHostOptions } from '../../../addin/office';
import type { WorkbookHost } from '../../../addin/host';
import type { RawWorkbook, Scalar } from '../../../engine/raw';
import { FakeWorkbook, installOffice, type SeedValue } from './fake-excel';

/** A Scalar as a cell of the fake: dates as serials with a date format, errors as Excel errors. */
export function seedValue(v: Scalar | undefined): SeedValue {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return { serial: dateToSerial(v), format: 'yyyy-mm-dd' };
  if (typeof v === 'object') return { error: v.code };
  return v;
}

/** A fake workbook holding a RawWorkbook's sheets, as if the user had typed them in Excel. */
export function fakeFrom(raw: RawWorkbook, apiVersion = 1.9): FakeWorkbook {
  const wb = new FakeWorkbook(apiVersion);
  for (const sheet of raw.sheets) wb.addSheet(sheet.name, sheet.cells.map((row) => row.map(seedValue)));
  return wb;
}

/**
 * The Excel host over a fake, with the Office global (office-addin-mock) answering for the same ExcelApi
 * version, and the fake's Excel.createWorkbook.
 */
export function hostOver(wb: FakeWorkbook, options: Omit<ExcelHostOptions, 'run'> = {}): WorkbookHost {
  installOffice(wb.apiVersion);
  return createExcelHost({ run: wb.run, createWorkbook: wb.createWorkbook, ...options });
}

/** Blocks of ≤ 5,000 rows a sheet of this many grid rows needs when no block is cut short by bytes. */
export function blocksFor(gridRows: number): number {
  return Math.ceil(gridRows / 5000);
}
