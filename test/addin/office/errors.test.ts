import { describe, expect, it } from 'vitest';
import { HostError, type HostErrorCode } from '../../../addin/host';
import { createExcelHost } from '../../../addin/office';
import { toHostError } from '../../../addin/office/errors';
import { FakeOfficeError, FakeWorkbook } from './fake-excel';
import { hostOver } from './helpers';

const CJK = /[\u4e00-\u9fff]/;

const CASES: readonly [string, HostErrorCode, string][] = [
  ['InvalidOperationInCellEditMode', 'busy', '按 Enter 或 Esc'],
  ['ActivityLimitReached', 'busy', '稍候再试'],
  ['InactiveWorkbook', 'busy', '切换回此工作簿'],
  ['RequestPayloadSizeLimitExceeded', 'tooLarge', '5 MB'],
  ['ResponsePayloadSizeLimitExceeded', 'tooLarge', '5 MB'],
  ['RangeExceedsLimit', 'tooLarge', '上限'],
  ['ApiNotFound', 'unsupported', 'Office 2019'],
  ['NotImplemented', 'unsupported', '更新'],
  ['UnsupportedOperation', 'unsupported', '更新'],
  ['AccessDenied', 'protected', '撤销工作表保护'],
  ['GeneralException', 'unknown', '详细信息'],
  ['ItemAlreadyExists', 'unknown', '重试'],
];

describe('Excel errors → HostError', () => {
  it.each(CASES)('%s → %s with a Chinese message saying what to do, the original kept as detail', (code, hostCode, hint) => {
    const e = toHostError(new FakeOfficeError(code, `original ${code} message`));
    expect(e).toBeInstanceOf(HostError);
    expect(e.code).toBe(hostCode);
    expect(e.message).toMatch(CJK);
    expect(e.message).toContain(hint);
    expect(e.detail).toBe(`${code}: original ${code} message`);
  });

  it('maps an InvalidOperation about protection to protected, other errors to unknown, and passes a HostError through', () => {
    expect(toHostError(new FakeOfficeError('InvalidOperation', 'The cell is on a protected sheet.')).code).toBe('protected');
    const plain = toHostError(new TypeError('x is undefined'));
    expect(plain).toMatchObject({ code: 'unknown', detail: 'TypeError: x is undefined' });
    const own = new HostError('busy', '忙');
    expect(toHostError(own)).toBe(own);
  });

  it('rejects every host method with the mapped error, never a raw Office error, and the next call still works', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('支部', [['支部编号'], ['001']]);
    const host = hostOver(wb);
    wb.failures.push(new FakeOfficeError('InvalidOperationInCellEditMode', 'edit mode'));
    await expect(host.read()).rejects.toMatchObject({ name: 'HostError', code: 'busy', detail: 'InvalidOperationInCellEditMode: edit mode' });
    wb.failures.push(new FakeOfficeError('AccessDenied', 'denied'));
    await expect(host.select('支部', 1, 0)).rejects.toMatchObject({ code: 'protected' });
    wb.failures.push(new FakeOfficeError('ApiNotFound', 'missing'));
    await expect(host.sheetNames()).rejects.toMatchObject({ code: 'unsupported' });
    expect(await host.sheetNames()).toEqual(['支部']);
  });

  it('reports a protected workbook or sheet as protected, and changes nothing', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('支部', [['x']]);
    const old = wb.addSheet('单位汇总', [['旧表']]);
    const host = hostOver(wb);
    const out = { name: '单位汇总', tableName: 'BR_Units', columns: [{ header: '所属党委' }], rows: [['甲']], freezeColumns: 1, highlights: [] };
    wb.structureProtected = true;
    await expect(host.writeOutputs([out])).rejects.toMatchObject({ code: 'protected', message: expect.stringContaining('撤销工作表保护'), detail: expect.stringContaining('AccessDenied') });
    expect(wb.sheets.map((s) => s.name)).toEqual(['支部', '单位汇总']);
    expect(wb.sheet('单位汇总')).toBe(old);
    expect(old.grid()).toEqual([['旧表']]);
    // A protected sheet refuses its cells (the select below only reads, so it still works).
    wb.structureProtected = false;
    old.protected = true;
    await host.select('单位汇总', 0, 0);
    expect(wb.selection?.sheet).toBe('单位汇总');
  });

  it('refuses to run below the manifest floor (ExcelApi 1.7) with an unsupported error', async () => {
    const wb = new FakeWorkbook(1.6);
    wb.addSheet('支部', [['x']]);
    await expect(hostOver(wb).read()).rejects.toMatchObject({ code: 'unsupported', message: expect.stringContaining('Excel 2019') });
    expect(wb.syncs).toBe(0);
  });

  it('uses the global Excel.run and Office when given nothing', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('支部', [['x']]);
    hostOver(wb);
    (globalThis as unknown as { Excel: unknown }).Excel = { run: wb.run };
    try {
      expect(await createExcelHost().sheetNames()).toEqual(['支部']);
    } finally {
      delete (globalThis as { Excel?: unknown }).Excel;
    }
  });
});

describe('select', () => {
  it('activates the sheet and selects the cell; or activates the sheet alone; an unknown sheet is an error in words', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('支部', [['x']]);
    wb.addSheet('评分', [['支部编号', '得分'], ['001', 5]]);
    const host = hostOver(wb);
    await host.select('评分', 1, 1);
    expect(wb.active?.name).toBe('评分');
    expect(wb.selection).toEqual({ sheet: '评分', row: 1, col: 1, rows: 1, cols: 1 });
    await host.select(' 支部');
    expect(wb.active?.name).toBe('支部');
    await expect(host.select('否决', 0, 0)).rejects.toMatchObject({ code: 'unknown', message: expect.stringContaining('否决') });
  });
});
