import { beforeAll, describe, expect, it } from 'vitest';
import { runWorkbook, type Report } from '../../../engine';
import type { OutputSheet, OutputValue } from '../../../engine/output';
import { sampleWorkbook } from '../../../engine/template';
import { HostError } from '../../../addin/host';
import { charsToPoints, HIGHLIGHT_COLORS, TEMP_SHEET_PREFIX } from '../../../addin/office/write';
import { FAKE_PAYLOAD_LIMIT, FakeOfficeError, FakeWorkbook, type SheetData } from './fake-excel';
import { blocksFor, hostOver } from './helpers';
import { displayWidth } from '../../../cli/messages';

let report: Report;
beforeAll(() => {
  report = runWorkbook(sampleWorkbook({ branches: 255 }));
});

/** What a written cell reads back as: the engine's value (text kept as text, non-finite numbers empty). */
function expected(v: OutputValue | undefined): unknown {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v;
}

/** The fake sheet's grid against the output: preamble, header, rows, cell by cell. */
function expectSheetHolds(sheet: SheetData, out: OutputSheet): void {
  const pre = out.preamble ?? [];
  const rows: readonly (readonly OutputValue[])[] = [...pre, out.columns.map((c) => c.header), ...out.rows];
  rows.forEach((row, r) => {
    row.forEach((v, c) => {
      const cell = sheet.cell(r, c);
      const want = expected(v);
      if ((cell?.value ?? null) !== want) expect({ sheet: out.name, r, c, got: cell ?? null }).toEqual({ sheet: out.name, r, c, got: want });
      if (typeof v === 'string' && v !== '' && cell?.type !== 'String') expect({ r, c, type: cell?.type }).toEqual({ r, c, type: 'String' });
    });
  });
}

describe('writeOutputs', () => {
  it('writes every output for 255 branches: values, tables, formats, highlights, chart; 1 + blocks + 1 syncs under 5 MB', async () => {
    const wb = new FakeWorkbook();
    const input = wb.addSheet('支部', [['支部编号', '支部名称'], ['001', '一支部']]);
    const host = hostOver(wb);

    await host.writeOutputs(report.outputs);

    const outputs = report.outputs;
    expect(outputs.map((o) => o.name)).toEqual(['评定结果', '问题清单', '单位汇总', '双述双评汇总', '双述双评分组', '满意度汇总', '民主评议汇总', '评分一致性', '数据校验']);
    expect(wb.sheets.map((s) => s.name)).toEqual(['支部', ...outputs.map((o) => o.name)]);
    expect(input.grid()).toEqual([['支部编号', '支部名称'], ['001', '一支部']]);

    for (const out of outputs) {
      const sheet = wb.sheet(out.name);
      if (sheet === undefined) throw new Error(`${out.name} missing`);
      expectSheetHolds(sheet, out);

      // One table over header + rows, named as the engine asks, in the CLI's style.
      const headerRow = out.preamble?.length ?? 0;
      expect(sheet.tables).toHaveLength(1);
      expect(sheet.tables[0]).toMatchObject({
        name: out.tableName,
        style: 'TableStyleMedium2',
        row: headerRow,
        col: 0,
        rows: 1 + Math.max(1, out.rows.length),
        cols: out.columns.length,
        headers: out.columns.map((c) => c.header),
      });

      // Column number formats on the data cells, the cell formats over them.
      out.columns.forEach((c, i) => {
        if (c.format !== undefined && c.format !== 'General' && out.rows.length > 0 && !(out.cellFormats ?? []).some((f) => f.column === c.header && f.row === 0)) {
          expect(sheet.format(headerRow + 1, i)).toBe(c.format);
        }
        expect(sheet.columnWidths.get(i)).toBe(charsToPoints(c.width ?? Math.min(40, Math.max(8, displayWidth(c.header) + 2))));
      });
      for (const f of out.cellFormats ?? []) {
        const col = out.columns.findIndex((c) => c.header === f.column);
        expect(sheet.format(headerRow + 1 + f.row, col)).toBe(f.format);
      }

      // A conditional format per highlight: cell value = "text" → the CLI's fill and font.
      expect(sheet.conditionalFormats).toHaveLength(out.highlights.length);
      out.highlights.forEach((h, k) => {
        const cf = sheet.conditionalFormats[k];
        const col = out.columns.findIndex((c) => c.header === h.column);
        expect(cf).toMatchObject({
          type: 'CellValue',
          rule: { formula1: `="${h.equals}"`, operator: 'EqualTo' },
          fill: HIGHLIGHT_COLORS[h.style].fill,
          font: HIGHLIGHT_COLORS[h.style].font,
        });
        expect(cf?.range).toMatchObject({ row: headerRow + 1, col, rows: Math.max(1, out.rows.length), cols: 1 });
      });

      expect(sheet.freeze).toEqual({ rows: headerRow + 1, cols: out.freezeColumns });
      expect(sheet.validations).toEqual([]);
    }

    // Colours: the CLI's ARGB palette, as #RRGGBB.
    expect(HIGHLIGHT_COLORS).toEqual({
      good: { fill: '#C6EFCE', font: '#006100' },
      fair: { fill: '#FFEB9C', font: '#9C5700' },
      warn: { fill: '#FCE4D6', font: '#9C3400' },
      bad: { fill: '#FFC7CE', font: '#9C0006' },
    });

    // The chart on 单位汇总: categories = 所属党委 without the 合计 row, one series per grade.
    const units = outputs.find((o) => o.name === '单位汇总');
    const unitSheet = wb.sheet('单位汇总');
    expect(units?.chart).toBeDefined();
    expect(unitSheet?.charts).toHaveLength(1);
    const chart = unitSheet?.charts[0];
    const col = (h: string): number => units?.columns.findIndex((c) => c.header === h) ?? -1;
    const dataRows = (units?.rows.length ?? 0) - 1;
    expect(units?.rows.at(-1)?.[0]).toBe('合计');
    expect(chart).toMatchObject({ type: 'ColumnClustered', title: '各单位等次分布' });
    expect(chart?.series.map((s) => s.name)).toEqual(['好', '较好', '一般', '较差']);
    chart?.series.forEach((s) => {
      expect(s.values).toMatchObject({ row: 1, col: col(s.name), rows: dataRows, cols: 1 });
      expect(s.xValues).toMatchObject({ row: 1, col: col('所属党委'), rows: dataRows, cols: 1 });
    });
    expect(wb.allTables().filter((t) => t.sheet === unitSheet)).toHaveLength(1);
    for (const other of wb.sheets) if (other !== unitSheet) expect(other.charts).toEqual([]);

    // Syncs: 1 (sheets, tables, names) + one per block of ≤ 5,000 grid rows + 1 (the swap).
    const blocks = outputs.map((o) => blocksFor((o.preamble?.length ?? 0) + 1 + Math.max(1, o.rows.length)));
    const b = blocks.reduce((n, x) => n + x, 0);
    expect(blocks).toEqual([1, 1, 1, 1, 1, 1, 2, 1, 1]); // 民主评议汇总 has 5,641 rows: two blocks
    expect(wb.syncs).toBe(1 + b + 1);
    expect(wb.refused).toEqual([]);
    expect(wb.maxRequestBytes).toBeLessThan(FAKE_PAYLOAD_LIMIT);
    // Calculation suspended in every block's request and the swap; screen updating too (1.9).
    expect(wb.suspendCalculation).toBe(b + 1);
    expect(wb.suspendScreen).toBe(b);
    // No temporary sheet or table name is left.
    expect(wb.sheets.some((s) => s.name.startsWith(TEMP_SHEET_PREFIX))).toBe(false);
    expect(wb.allTables().map((t) => t.name).sort()).toEqual(outputs.map((o) => o.tableName).sort());
  });

  it('replaces the outputs in place on a re-run: same tab positions, same table names, nothing else touched', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('支部', [['支部编号'], ['001']]);
    const host = hostOver(wb);
    const first = report.outputs.slice(0, 3);
    await host.writeOutputs(first);
    wb.addSheet('备注', [['用户自己的表']]);
    // Move 问题清单 to the end, as a user might.
    const gaps = wb.sheet('问题清单');
    if (gaps === undefined) throw new Error('问题清单 missing');
    wb.sheets.splice(wb.sheets.indexOf(gaps), 1);
    wb.sheets.push(gaps);
    const before = wb.sheets.map((s) => s.name);
    expect(before).toEqual(['支部', '评定结果', '单位汇总', '备注', '问题清单']);
    const kept = wb.sheet('备注');

    wb.syncs = 0;
    await host.writeOutputs(first);

    expect(wb.sheets.map((s) => s.name)).toEqual(before);
    expect(wb.sheet('备注')).toBe(kept);
    expect(kept?.grid()).toEqual([['用户自己的表']]);
    expect(wb.sheet('问题清单')).not.toBe(gaps);
    expect(wb.allTables().map((t) => t.name).sort()).toEqual(first.map((o) => o.tableName).sort());
    expect(wb.syncs).toBe(1 + 3 + 1);
  });

  it('cuts a sheet of long texts into smaller blocks so that no request exceeds 5 MB', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('支部', [['x']]);
    const text = (i: number, j: number): string => `${i}-${j}-${'整改'.repeat(100)}`;
    const out: OutputSheet = {
      name: '问题清单',
      tableName: 'BR_Gaps',
      columns: ['a', 'b', 'c', 'd', 'e'].map((header) => ({ header })),
      rows: Array.from({ length: 6000 }, (_, i) => Array.from({ length: 5 }, (_, j) => text(i, j))),
      freezeColumns: 0,
      highlights: [],
    };
    await hostOver(wb).writeOutputs([out]);
    // ~18 MB of text: more blocks than the 2 that 6,001 rows would need, each request under the limit.
    const blocks = wb.syncs - 2;
    expect(blocks).toBeGreaterThan(blocksFor(6001));
    expect(wb.refused).toEqual([]);
    expect(wb.maxRequestBytes).toBeLessThan(FAKE_PAYLOAD_LIMIT);
    expect(wb.sheet('问题清单')?.cell(6000, 4)?.value).toBe(text(5999, 4));
    expect(wb.sheet('问题清单')?.tables[0]).toMatchObject({ rows: 6001 });
  });

  it('gives an output without rows a table with one blank data row, which reads back as the header only', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('支部', [['x']]);
    const empty: OutputSheet = {
      name: '数据校验',
      tableName: 'BR_Validation',
      columns: [{ header: '级别' }, { header: '说明' }],
      rows: [],
      freezeColumns: 0,
      highlights: [{ column: '级别', equals: '错误', style: 'bad' }],
    };
    const host = hostOver(wb);
    await host.writeOutputs([empty]);
    const sheet = wb.sheet('数据校验');
    expect(sheet?.tables[0]).toMatchObject({ name: 'BR_Validation', row: 0, rows: 2, cols: 2 });
    expect(sheet?.conditionalFormats[0]?.range).toMatchObject({ row: 1, rows: 1 });
    const raw = await host.read();
    expect(raw.sheets.find((s) => s.name === '数据校验')?.cells).toEqual([['级别', '说明']]);
  });

  it('keeps text as text: ids with leading zeros, text like numbers, dates or formulas; dates as dates', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('支部', [['x']]);
    const tricky = ['001', '=SUM(A1:A2)', '1月2日', '50%', 'TRUE', '#N/A', "'quoted", '+86 10', '2026-01-01'];
    const out: OutputSheet = {
      name: '问题清单',
      tableName: 'BR_Gaps',
      columns: [{ header: '文本' }, { header: '销号日期' }, { header: '数' }],
      rows: tricky.map((t, i) => [t, i === 0 ? new Date(Date.UTC(2026, 2, 15)) : null, i === 1 ? Number.NaN : i]),
      freezeColumns: 0,
      highlights: [],
    };
    const host = hostOver(wb);
    await host.writeOutputs([out]);
    const raw = await host.read();
    const cells = raw.sheets.find((s) => s.name === '问题清单')?.cells ?? [];
    expect(cells.slice(1).map((r) => r[0])).toEqual(tricky);
    expect(cells[1]?.[1]).toEqual(new Date(Date.UTC(2026, 2, 15)));
    expect(wb.sheet('问题清单')?.format(1, 1)).toBe('yyyy-mm-dd');
    expect(cells[2]?.[2] ?? null).toBeNull(); // NaN is written as an empty cell
    expect(cells[3]?.[2]).toBe(2);
  });

  it('leaves the old outputs and no half-written sheet when Excel fails midway, and says why', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('支部', [['x']]);
    const host = hostOver(wb);
    const outputs = report.outputs.slice(0, 3);
    await host.writeOutputs(outputs);
    const before = wb.sheets.map((s) => s);
    const grids = before.map((s) => s.grid());

    // Sheet list (1), 评定结果 (2), then Excel refuses the 问题清单 block: the user started editing a cell.
    wb.syncs = 0;
    wb.failAt.set(3, new FakeOfficeError('InvalidOperationInCellEditMode', 'The operation is not available in cell edit mode.'));
    const error = await host.writeOutputs(outputs).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).code).toBe('busy');
    expect((error as HostError).message).toContain('按 Enter 或 Esc');
    expect((error as HostError).detail).toContain('InvalidOperationInCellEditMode');
    // The old sheets are the same objects with the same cells; no temporary sheet is left.
    expect(wb.sheets).toEqual(before);
    expect(wb.sheets.map((s) => s.grid())).toEqual(grids);
    expect(wb.sheets.some((s) => s.name.startsWith(TEMP_SHEET_PREFIX))).toBe(false);
    // The failed request, then two for the clean-up: find the temporary 评定结果, delete it.
    expect(wb.syncs).toBe(3 + 2);
  });
});
