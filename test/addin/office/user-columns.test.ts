import { describe, expect, it } from 'vitest';
import { runWorkbook } from '../../../engine';
import type { RawSheet, Scalar } from '../../../engine/raw';
import { sampleWorkbook } from '../../../engine/template';
import { dateToSerial } from '../../../addin/office/cells';
import type { SheetData } from './fake-excel';
import { fakeFrom, hostOver } from './helpers';

function column(sheet: RawSheet, header: string): number {
  const c = sheet.cells[0]?.findIndex((v) => v === header) ?? -1;
  if (c < 0) throw new Error(`${sheet.name} has no ${header}`);
  return c;
}

function fakeColumn(sheet: SheetData, header: string): number {
  const c = (sheet.rows[0] ?? []).findIndex((cell) => cell?.value === header);
  if (c < 0) throw new Error(`${sheet.name} has no ${header}`);
  return c;
}

describe('user columns survive a re-run through the Excel host', () => {
  it('keeps what was typed in 问题清单 and 民主评议汇总 by key, and never changes an input sheet', async () => {
    const wb = fakeFrom(sampleWorkbook({ branches: 255 }));
    const inputs = wb.sheets.map((s) => ({ sheet: s, grid: s.grid(), formats: JSON.stringify(s.formats) }));
    const host = hostOver(wb);

    // First run: read, compute, write.
    await host.writeOutputs(runWorkbook(await host.read()).outputs);

    // The user types into 问题清单's user columns (rows 1–5) and a column of their own, and sets 最终等次.
    const gaps = wb.sheet('问题清单');
    const appraisal = wb.sheet('民主评议汇总');
    if (gaps === undefined || appraisal === undefined) throw new Error('outputs missing');
    const measures = fakeColumn(gaps, '整改措施');
    const owner = fakeColumn(gaps, '责任人');
    const status = fakeColumn(gaps, '整改状态');
    const closed = fakeColumn(gaps, '销号日期');
    const note = (gaps.rows[0] ?? []).length; // a column right of the table: the user's own
    gaps.setCell(0, note, { value: '备注', type: 'String' });
    const typed = [
      { measures: '=先学习后整改', owner: '001', status: '已销号', closed: Date.UTC(2026, 5, 30), note: '已复核' },
      { measures: '召开专题组织生活会', owner: '张三', status: '整改中', closed: undefined, note: undefined },
      { measures: '补齐支委', owner: '李四', status: '已销号', closed: Date.UTC(2026, 4, 1), note: '材料在档案室' },
    ];
    const keyCols = ['支部编号', '问题类型', '项目'].map((h) => fakeColumn(gaps, h));
    const keys = typed.map((_, i) => keyCols.map((c) => gaps.cell(i + 1, c)?.value).join('|'));
    typed.forEach((t, i) => {
      const r = i + 1;
      gaps.setCell(r, measures, { value: t.measures, type: 'String' });
      gaps.setCell(r, owner, { value: t.owner, type: 'String' });
      gaps.setCell(r, status, { value: t.status, type: 'String' });
      if (t.closed !== undefined) {
        gaps.setCell(r, closed, { value: dateToSerial(new Date(t.closed)), type: 'Double' });
        gaps.setFormat(r, closed, 'yyyy/m/d');
      }
      if (t.note !== undefined) gaps.setCell(r, note, { value: t.note, type: 'String' });
    });
    const memberCol = fakeColumn(appraisal, '党员编号');
    const finalCol = fakeColumn(appraisal, '最终等次');
    const member = appraisal.cell(7, memberCol)?.value;
    appraisal.setCell(7, finalCol, { value: '优秀', type: 'String' });

    // Second run: the engine merges the typed columns by key; the host writes the merge.
    await host.writeOutputs(runWorkbook(await host.read()).outputs);
    const raw = await host.read();

    const after = raw.sheets.find((s) => s.name === '问题清单');
    if (after === undefined) throw new Error('问题清单 missing');
    const key = (row: readonly Scalar[]): string => ['支部编号', '问题类型', '项目'].map((h) => row[column(after, h)]).join('|');
    typed.forEach((t, i) => {
      const row = after.cells.find((r, k) => k > 0 && key(r) === keys[i]);
      expect(row, `row ${keys[i]}`).toBeDefined();
      if (row === undefined) return;
      expect(row[column(after, '整改措施')]).toBe(t.measures);
      expect(row[column(after, '责任人')]).toBe(t.owner);
      expect(row[column(after, '整改状态')]).toBe(t.status);
      expect(row[column(after, '销号日期')] ?? null).toEqual(t.closed === undefined ? null : new Date(t.closed));
      expect(row[column(after, '备注')] ?? null).toBe(t.note ?? null);
    });

    const appraisalAfter = raw.sheets.find((s) => s.name === '民主评议汇总');
    if (appraisalAfter === undefined) throw new Error('民主评议汇总 missing');
    const memberRow = appraisalAfter.cells.find((r) => r[column(appraisalAfter, '党员编号')] === member);
    expect(memberRow?.[column(appraisalAfter, '最终等次')]).toBe('优秀');

    // The input sheets are the very same sheets, cell for cell, format for format.
    for (const { sheet, grid, formats } of inputs) {
      expect(wb.sheets).toContain(sheet);
      expect(sheet.grid()).toEqual(grid);
      expect(JSON.stringify(sheet.formats)).toBe(formats);
      expect(sheet.tables).toEqual([]);
    }
  });
});
