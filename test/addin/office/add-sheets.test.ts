import { describe, expect, it } from 'vitest';
import type { OutputSheet } from '../../../engine/output';
import { sampleWorkbook, scoringForms, templateSheets } from '../../../engine/template';
import { FakeWorkbook } from './fake-excel';
import { hostOver } from './helpers';

/** Everything a user could have changed on a sheet, to prove it was not touched. */
function snapshot(wb: FakeWorkbook, name: string): string {
  const s = wb.sheet(name);
  if (s === undefined) throw new Error(`${name} missing`);
  return JSON.stringify({
    grid: s.grid(),
    formats: s.formats,
    tables: s.tables.map((t) => ({ ...t, sheet: undefined })),
    cf: s.conditionalFormats.length,
    dv: s.validations.length,
    widths: [...s.columnWidths],
    freeze: s.freeze,
  });
}

function forms(): OutputSheet[] {
  const raw = sampleWorkbook({ branches: 12, ballots: false });
  return scoringForms(raw, [
    { name: '王老师', role: '上级' },
    { name: '李老师', role: '上级' },
  ]).sheets;
}

describe('addSheets', () => {
  it('adds only the missing template sheets (names compared trimmed and ignoring case) and never touches one that exists', async () => {
    const wb = new FakeWorkbook(1.8);
    wb.addSheet(' 支部 ', [['我的支部表'], ['保持不变']]);
    wb.addSheet('参数', [['自定义参数', 99]]);
    const before = [snapshot(wb, ' 支部 '), snapshot(wb, '参数')];
    const template = templateSheets();
    const host = hostOver(wb);

    const added = await host.addSheets(template);

    const expected = template.map((t) => t.name).filter((n) => n !== '支部' && n !== '参数');
    expect(added).toEqual(expected);
    expect([snapshot(wb, ' 支部 '), snapshot(wb, '参数')]).toEqual(before);
    expect(wb.sheets.map((s) => s.name)).toEqual([' 支部 ', '参数', ...expected]);
    for (const t of template.filter((x) => expected.includes(x.name))) {
      const s = wb.sheet(t.name);
      expect(s?.tables[0]?.name).toBe(t.tableName);
      expect(s?.cell(t.preamble?.length ?? 0, 0)?.value).toBe(t.columns[0]?.header);
    }
    // Adding again adds nothing and makes one sync (the sheet list).
    wb.syncs = 0;
    expect(await host.addSheets(template)).toEqual([]);
    expect(wb.syncs).toBe(1);
  });

  it('applies 0..分值 data validation with Chinese prompt and error where ExcelApi 1.8 is supported', async () => {
    const wb = new FakeWorkbook(1.8);
    wb.addSheet('支部', [['x']]);
    const host = hostOver(wb);
    expect(host.capabilities).toEqual({ dataValidation: true, charts: true });
    const sheets = forms();
    const added = await host.addSheets(sheets);
    expect(added).toEqual(sheets.map((s) => s.name));
    const form = sheets[0];
    const sheet = wb.sheet(form?.name ?? '');
    if (form === undefined || sheet === undefined) throw new Error('form missing');
    const first = (form.preamble?.length ?? 0) + 1;
    expect(form.validations?.length).toBeGreaterThan(0);
    expect(sheet.validations).toHaveLength(form.validations?.length ?? 0);
    form.validations?.forEach((v, k) => {
      const col = form.columns.findIndex((c) => c.header === v.column);
      const span = `${v.min}–${v.max}`;
      expect(sheet.validations[k]).toMatchObject({
        range: { row: first, col, rows: form.rows.length, cols: 1 },
        rule: { decimal: { formula1: v.min, formula2: v.max, operator: 'Between' } },
        ignoreBlanks: true,
        prompt: { showPrompt: true, title: v.column.slice(0, 32), message: `请输入 ${span} 之间的分数` },
        errorAlert: { showAlert: true, style: 'Stop', title: '超出分值', message: `得分须在 ${span} 之间（可留空）` },
      });
    });
    // The form's preamble (instruction, 评分人类别) above the table, key columns frozen below the header.
    expect(sheet.cell(1, 0)?.value).toBe('评分人类别');
    expect(sheet.freeze).toEqual({ rows: first, cols: form.freezeColumns });
    expect(sheet.tables[0]).toMatchObject({ row: first - 1, rows: 1 + form.rows.length });
  });

  it('skips validation on ExcelApi 1.7 (Office 2019) and says so through the capability; the forms are still made', async () => {
    const wb = new FakeWorkbook(1.7);
    wb.addSheet('支部', [['x']]);
    const host = hostOver(wb);
    expect(host.capabilities.dataValidation).toBe(false);
    const sheets = forms();
    // The fake throws ApiNotFound for dataValidation below 1.8 and for suspendScreenUpdating below 1.9: none is called.
    expect(await host.addSheets(sheets)).toEqual(sheets.map((s) => s.name));
    for (const s of sheets) {
      expect(wb.sheet(s.name)?.validations).toEqual([]);
      expect(wb.sheet(s.name)?.tables).toHaveLength(1);
    }
    expect(wb.suspendScreen).toBe(0);
    expect(wb.suspendCalculation).toBeGreaterThan(0);
  });

  it('refuses an illegal sheet name before changing anything', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('支部', [['x']]);
    const bad = { ...(forms()[0] as OutputSheet), name: '评分-王/李' };
    await expect(hostOver(wb).addSheets([bad])).rejects.toMatchObject({ code: 'unknown', message: expect.stringContaining('* ? : \\ / [ ]') });
    expect(wb.sheets.map((s) => s.name)).toEqual(['支部']);
    expect(wb.syncs).toBe(0);
  });
});
