import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../cli/xlsx-read';

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('readWorkbook', () => {
  it('reads every kind of cell value, padded from A1', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('值');
    ws.getCell('B2').value = 85.5;
    ws.getCell('C2').value = '一般';
    ws.getCell('D2').value = true;
    ws.getCell('E2').value = false;
    ws.getCell('B3').value = { richText: [{ text: '组织' }, { font: { bold: true }, text: '队伍强' }] };
    ws.getCell('C3').value = { text: '链接文字', hyperlink: 'https://example.org' };
    ws.getCell('D3').value = new Date(Date.UTC(2024, 11, 31));
    ws.getCell('E3').value = { error: '#N/A' };
    ws.getCell('A5').value = '001';
    const bytes = await bytesOf(wb);

    const raw = await readWorkbook(bytes);
    expect(raw.sheets.map((s) => s.name)).toEqual(['值']);
    const cells = raw.sheets[0]?.cells ?? [];
    expect(cells[0] ?? []).toEqual([]); // row 1 is empty but present, so rows keep their index
    expect(cells[1]).toEqual([null, 85.5, '一般', true, false]);
    expect(cells[2]).toEqual([null, '组织队伍强', '链接文字', new Date(Date.UTC(2024, 11, 31)), { kind: 'error', code: '#N/A' }]);
    expect(cells[3] ?? []).toEqual([]);
    expect(cells[4]).toEqual(['001']);
  });

  it('accepts an ArrayBuffer as well as a Uint8Array', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A').getCell('A1').value = 1;
    const bytes = await bytesOf(wb);
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect((await readWorkbook(ab)).sheets[0]?.cells).toEqual([[1]]);
  });

  it('reads formulas as their cached results, keeping cached 0 and false (exceljs #2943)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('公式');
    ws.getCell('A1').value = { formula: '1-1', result: 0 };
    ws.getCell('B1').value = { formula: '1>2', result: false };
    ws.getCell('C1').value = { formula: 'TRIM(" ")', result: '' };
    ws.getCell('D1').value = { formula: '40+2', result: 42 };
    ws.getCell('E1').value = { formula: '"好"&""', result: '好' };
    ws.getCell('F1').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    ws.getCell('G1').value = { formula: 'A1+1' }; // never calculated: no cached result
    ws.getCell('H1').value = { formula: '1>0', result: true };
    const raw = await readWorkbook(await bytesOf(wb));
    // A cached "" reads as empty: exceljs's parser drops an empty <v> before any getter runs.
    // Both are blank to the engine (isBlank), so nothing changes meaning.
    expect(raw.sheets[0]?.cells[0]).toEqual([0, false, null, 42, '好', { kind: 'error', code: '#DIV/0!' }, null, true]);
  });

  it('reads shared formulas as their cached results too', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('共享');
    ws.getCell('A1').value = 1;
    ws.getCell('A2').value = 2;
    ws.getCell('A3').value = 3;
    // exceljs's typings lack shareType/ref, which its writer reads to emit a shared formula.
    ws.getCell('B1').value = { formula: 'A1*0', result: 0, shareType: 'shared', ref: 'B1:B3' } as unknown as ExcelJS.CellValue;
    ws.getCell('B2').value = { sharedFormula: 'B1', result: 0 };
    ws.getCell('B3').value = { sharedFormula: 'B1', result: 0 };
    const bytes = await bytesOf(wb);
    // Prove the file really holds a shared formula (so this test covers the slave-cell path).
    const check = new ExcelJS.Workbook();
    await check.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(check.worksheets[0]?.getCell('B3').formulaType).toBe(ExcelJS.FormulaType.Shared);

    const raw = await readWorkbook(bytes);
    expect(raw.sheets[0]?.cells).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
    ]);
  });

  it('gives a merged range its value in the top-left cell only', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('合并');
    ws.getCell('A1').value = '评分人类别';
    ws.getCell('B1').value = '自评';
    ws.mergeCells('B1:D2');
    ws.getCell('A3').value = 'x';
    const raw = await readWorkbook(await bytesOf(wb));
    expect(raw.sheets[0]?.cells).toEqual([['评分人类别', '自评'], [], ['x']]);
  });

  it('keeps every sheet in tab order, including empty ones', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('支部').getCell('A1').value = '支部编号';
    wb.addWorksheet('空表');
    wb.addWorksheet('评分-张三').getCell('C2').value = 3;
    const raw = await readWorkbook(await bytesOf(wb));
    expect(raw.sheets.map((s) => [s.name, s.cells.length])).toEqual([
      ['支部', 1],
      ['空表', 0],
      ['评分-张三', 2],
    ]);
  });

  it('keeps Chinese text intact however large the shared-string table grows', async () => {
    // The streaming reader breaks a character split across a 16 KiB chunk; ~200 KiB of CJK
    // strings spans many chunk boundaries.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('测评');
    const levels = ['好', '较好', '一般', '差', '满意', '基本满意', '不满意', '不了解'];
    const rows: string[][] = [];
    for (let r = 0; r < 4000; r++) rows.push([`第${r}号`, levels[r % levels.length] ?? '', `支部${r}党建一般`]);
    ws.addRows(rows);
    const raw = await readWorkbook(await bytesOf(wb));
    expect(raw.sheets[0]?.cells).toEqual(rows);
  });

  it('throws WorkbookFormatError for bytes that are not an .xlsx', async () => {
    await expect(readWorkbook(new TextEncoder().encode('支部编号,支部名称\n001,一支部'))).rejects.toMatchObject({
      name: 'WorkbookFormatError',
    });
  });
});
