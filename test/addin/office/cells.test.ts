import { describe, expect, it } from 'vitest';
import { cutBlocks, dateToSerial, fromExcel, isDateFormat, jsonBytes, serialToDate, sheetNameProblem, toExcelValue, utf8Length } from '../../../addin/office/cells';
import { packRequests, readBlockRows, splitRequest } from '../../../addin/office/read';
import { sheetGrid } from '../../../addin/office/write';
import { tableHeaders } from '../../../engine/output';

describe('cells', () => {
  it('tells date formats from number formats', () => {
    for (const f of ['yyyy-mm-dd', 'm/d/yyyy;@', 'yyyy"年"m"月"d"日"', '[$-804]yyyy"年"m"月"', 'h:mm', '[h]:mm:ss', 'mm:ss', 'd-mmm']) expect(isDateFormat(f), f).toBe(true);
    for (const f of ['General', '0', '0.00', '0.0%', '0.00E+00', '#,##0"元"', '@', '[Red]0.00', '[DBNum1][$-804]General', '0.00_ ;[Red]-0.00 ', '"day"0']) expect(isDateFormat(f), f).toBe(false);
  });

  it('converts serials and dates as exceljs does (1900 system, UTC)', () => {
    expect(serialToDate(45_658)).toEqual(new Date(Date.UTC(2025, 0, 1)));
    expect(dateToSerial(new Date(Date.UTC(2025, 0, 1)))).toBe(45_658);
    expect(serialToDate(45_658.5)).toEqual(new Date(Date.UTC(2025, 0, 1, 12)));
  });

  it('reads by value type: Error → CellError, text #N/A stays text, dates by format, empty → null', () => {
    expect(fromExcel('#N/A', 'Error', 'General')).toEqual({ kind: 'error', code: '#N/A' });
    expect(fromExcel('#N/A', 'String', 'General')).toBe('#N/A');
    expect(fromExcel(45_658, 'Double', 'yyyy-mm-dd')).toEqual(new Date(Date.UTC(2025, 0, 1)));
    expect(fromExcel(0.25, 'Double', '0%')).toBe(0.25);
    expect(fromExcel('', 'Empty', 'General')).toBeNull();
    expect(fromExcel(true, 'Boolean', 'General')).toBe(true);
  });

  it('writes text with an apostrophe, dates as serials with a date format, non-finite numbers as empty', () => {
    expect(toExcelValue('001')).toEqual({ value: "'001" });
    expect(toExcelValue('')).toEqual({ value: null });
    expect(toExcelValue(Number.POSITIVE_INFINITY)).toEqual({ value: null });
    expect(toExcelValue(new Date(Date.UTC(2025, 0, 1)))).toEqual({ value: 45_658, format: 'yyyy-mm-dd' });
    const withTime = toExcelValue(new Date(Date.UTC(2025, 0, 1, 8)));
    expect(withTime.format).toBe('yyyy-mm-dd hh:mm:ss');
    expect(withTime.value).toBeCloseTo(45_658 + 8 / 24, 9);
  });

  it('measures bytes in UTF-8 and cuts blocks by rows and bytes', () => {
    expect(utf8Length('a好😀')).toBe(1 + 3 + 4);
    expect(jsonBytes(['好'])).toBe(7);
    expect(cutBlocks(new Array<number>(12_000).fill(100), 5000, 4_000_000)).toEqual([[0, 5000], [5000, 5000], [10000, 2000]]);
    expect(cutBlocks([3, 3, 3, 3], 10, 6)).toEqual([[0, 2], [2, 2]]);
    expect(cutBlocks([10, 1], 10, 6)).toEqual([[0, 1], [1, 1]]);
    expect(cutBlocks([], 10, 6)).toEqual([]);
  });

  it('plans reads: 5,000 rows a block, fewer for wide sheets; small blocks share a request; halves on refusal', () => {
    expect(readBlockRows(8)).toBe(5000);
    expect(readBlockRows(100)).toBe(625);
    const small = [1, 2, 3].map((sheet) => ({ sheet, row: 0, col: 0, rows: 100, cols: 5 }));
    expect(packRequests(small)).toEqual([small]);
    const big = [0, 5000].map((row) => ({ sheet: 0, row, col: 0, rows: 5000, cols: 5 }));
    expect(packRequests([...big, ...small])).toEqual([[big[0]], [big[1]], small]);
    expect(splitRequest([{ sheet: 0, row: 10, col: 2, rows: 5, cols: 3 }])).toEqual([[{ sheet: 0, row: 10, col: 2, rows: 3, cols: 3 }], [{ sheet: 0, row: 13, col: 2, rows: 2, cols: 3 }]]);
    expect(splitRequest([{ sheet: 0, row: 10, col: 2, rows: 1, cols: 3 }])).toBeUndefined();
  });

  it('lays a sheet out: preamble, unique headers, formats, one blank row when empty', () => {
    expect(tableHeaders(['a', 'A', '', 'a'])).toEqual(['a', 'A2', '列3', 'a3']);
    const g = sheetGrid({
      name: 's',
      tableName: 'T',
      preamble: [['说明']],
      columns: [{ header: 'id', format: '@' }, { header: 'x', format: '0.00' }],
      rows: [],
      freezeColumns: 0,
      highlights: [],
    });
    expect(g.values).toEqual([["'说明", null], ["'id", "'x"], [null, null]]);
    expect(g.headerRow).toBe(1);
    expect(g.tableRows).toBe(1);
    expect(sheetNameProblem('评分-王老师')).toBeUndefined();
    expect(sheetNameProblem('a'.repeat(32))).toContain('31');
    expect(sheetNameProblem("'x")).toBeDefined();
  });
});
