import { describe, expect, it } from 'vitest';
import type { Scalar } from '../../../engine/raw';
import { FAKE_PAYLOAD_LIMIT, FakeWorkbook, type SeedValue } from './fake-excel';
import { hostOver } from './helpers';

const ROWS = 20_000;
const COLS = 8;

/** Row i of the big sheet: every kind of cell, some blank, at fixed places so the expectation is computable. */
function seedRow(i: number): SeedValue[] {
  return [
    `B${String(i).padStart(5, '0')}`, // text that looks like an id
    i * 0.5, // number
    i % 7 === 0 ? { error: '#N/A' } : i % 7 === 1 ? '#N/A' : '一般', // an Excel error vs the text #N/A
    i % 3 === 0, // boolean
    i % 11 === 0 ? null : `支部${i}`, // blank now and then
    i % 13 === 0 ? { serial: 45_658 + (i % 365), format: 'yyyy"年"m"月"d"日"' } : i, // a date where formatted as one
    i % 17 === 0 ? { serial: 0.25, format: '0.00%' } : null, // a percent stays a number
    i % 5 === 0 ? null : '', // empty strings never reach the sheet (Excel clears the cell)
  ];
}

function expectedRow(i: number): Scalar[] {
  const row: Scalar[] = [
    null,
    null, // the used range starts at C3: two padding columns
    `B${String(i).padStart(5, '0')}`,
    i * 0.5,
    i % 7 === 0 ? { kind: 'error', code: '#N/A' } : i % 7 === 1 ? '#N/A' : '一般',
    i % 3 === 0,
    i % 11 === 0 ? null : `支部${i}`,
    i % 13 === 0 ? new Date(Date.UTC(2025, 0, 1 + (i % 365))) : i,
    i % 17 === 0 ? 0.25 : null,
  ];
  while (row.length > 0 && row[row.length - 1] === null) row.pop();
  return row;
}

describe('read', () => {
  it('reads a 20,000-row sheet exactly, padded from A1, in ceil(20000/5000) blocks after 2 syncs', async () => {
    const wb = new FakeWorkbook();
    // The '' cells of seedRow are written as strings the fake would keep; clear them so the sheet holds what Excel would.
    const sheet = wb.addSheet('评分', Array.from({ length: ROWS }, (_, i) => seedRow(i).map((v) => (v === '' ? null : v))), { row: 2, col: 2 });
    expect(sheet.used(true)).toEqual({ row: 2, col: 2, rows: ROWS, cols: COLS - 1 });
    const host = hostOver(wb);
    const fractions: number[] = [];

    const raw = await host.read((f) => fractions.push(f));

    expect(raw.sheets).toHaveLength(1);
    const cells = raw.sheets[0]?.cells ?? [];
    expect(cells).toHaveLength(ROWS + 2);
    expect(cells[0]).toEqual([]);
    expect(cells[1]).toEqual([]);
    for (let i = 0; i < ROWS; i++) {
      const got = cells[i + 2];
      const want = expectedRow(i);
      // toEqual over 20,000 rows at once gives an unreadable diff; fail on the first row that differs.
      if (JSON.stringify(got) !== JSON.stringify(want)) expect({ row: i, got }).toEqual({ row: i, got: want });
    }
    expect(cells[2]?.[4]).toEqual({ kind: 'error', code: '#N/A' });
    expect(cells[3]?.[4]).toBe('#N/A');
    expect(cells[15]?.[7]).toBeInstanceOf(Date);

    // 1 sync for the sheet list, 1 for the used ranges, 1 per block of ≤ 5,000 rows.
    expect(wb.syncs).toBe(2 + Math.ceil(ROWS / 5000));
    expect(wb.refused).toEqual([]);
    expect(wb.maxResponseBytes).toBeLessThan(FAKE_PAYLOAD_LIMIT);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  });

  it('reads many small sheets in one request, in tab order, and an empty sheet as no cells', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('支部', [['支部编号', '支部名称'], ['001', '一支部'], ['002', '二支部']]);
    wb.addSheet('空白');
    wb.addSheet('参数', [['参数', '值'], ['小数位数', 2]], { row: 0, col: 1 });
    const raw = await hostOver(wb).read();
    expect(raw.sheets.map((s) => s.name)).toEqual(['支部', '空白', '参数']);
    expect(raw.sheets[0]?.cells).toEqual([['支部编号', '支部名称'], ['001', '一支部'], ['002', '二支部']]);
    expect(raw.sheets[1]?.cells).toEqual([]);
    expect(raw.sheets[2]?.cells).toEqual([[null, '参数', '值'], [null, '小数位数', 2]]);
    expect(wb.syncs).toBe(2 + 1);
  });

  it('retries a block in halves when Excel on the web refuses a response as over 5 MB', async () => {
    const wb = new FakeWorkbook();
    // 4,000 rows × 5 columns of 150 Chinese characters: ~9 MB of values, far over the per-cell estimate.
    const text = (i: number, j: number): string => `${i}-${j}-${'长'.repeat(150)}`;
    wb.addSheet('问题清单', Array.from({ length: 4000 }, (_, i) => Array.from({ length: 5 }, (_, j) => text(i, j))));
    const raw = await hostOver(wb).read();
    const cells = raw.sheets[0]?.cells ?? [];
    expect(cells).toHaveLength(4000);
    expect(cells[3999]?.[4]).toBe(text(3999, 4));
    expect(cells.every((row, i) => row.every((v, j) => v === text(i, j)))).toBe(true);
    expect(wb.refused.length).toBeGreaterThan(0);
    expect(wb.refused.every((r) => r.code === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    // Every accepted response stayed under the limit.
    expect(wb.maxResponseBytes).toBeLessThanOrEqual(FAKE_PAYLOAD_LIMIT);
  });
});
