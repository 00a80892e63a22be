import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { OutputSheet } from '../../engine/output';
import { readWorkbook } from '../../cli/xlsx-read';
import { writeNewWorkbook, writeOutputs } from '../../cli/xlsx-write';

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** An input workbook with values, a formula, styles, a merge and a validation to keep. */
async function inputWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const branches = wb.addWorksheet('支部');
  branches.addRows([
    ['支部编号', '支部名称', '所属党委', '党员人数'],
    ['001', '第一支部', '机关党委', 12],
    ['002', '第二支部', '机关党委', 30],
  ]);
  branches.getCell('A1').font = { bold: true };
  branches.getCell('D2').numFmt = '0.0';
  branches.getCell('F1').value = { formula: 'SUM(D2:D3)', result: 42 };
  branches.getCell('G1').value = { formula: 'D2-12', result: 0 };
  branches.mergeCells('H1:I1');
  branches.getCell('H1').value = '说明';
  branches.getCell('D2').dataValidation = { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true };
  const scores = wb.addWorksheet('评分');
  scores.addRows([
    ['支部编号', '指标编号', '评分人', '得分'],
    ['001', '1.1', '张三', 4],
    ['002', '1.1', '张三', 3.5],
  ]);
  return bytesOf(wb);
}

const RESULTS: OutputSheet = {
  name: '评定结果',
  tableName: 'BR_Results',
  columns: [
    { header: '支部编号', format: '@', width: 10 },
    { header: '总分', format: '0.00' },
    { header: '满意率', format: '0.0%' },
    { header: '等次' },
    { header: '红旗候选' },
  ],
  rows: [
    ['001', 91.25, 0.95, '好', true],
    ['002', 55, null, '较差', false],
  ],
  freezeColumns: 2,
  highlights: [
    { column: '等次', equals: '好', style: 'good' },
    { column: '等次', equals: '较差', style: 'bad' },
  ],
  chart: { title: '等次分布', categoryColumn: '支部编号', seriesColumns: ['总分'], excludeLastRow: false },
};

const GAPS_EMPTY: OutputSheet = {
  name: '问题清单',
  tableName: 'BR_Gaps',
  preamble: [['说明', '重新计算时保留用户列']],
  columns: [{ header: '支部编号' }, { header: '问题类型' }, { header: '整改措施', user: true }],
  rows: [],
  freezeColumns: 0,
  highlights: [{ column: '问题类型', equals: '否决事项', style: 'warn' }],
};

describe('writeOutputs', () => {
  it('leaves the input sheets identical and appends the output sheets', async () => {
    const input = await inputWorkbook();
    const written = await writeOutputs(input, [RESULTS, GAPS_EMPTY]);
    const before = await readWorkbook(input);
    const after = await readWorkbook(written);
    expect(after.sheets.map((s) => s.name)).toEqual(['支部', '评分', '评定结果', '问题清单']);
    expect(after.sheets.slice(0, 2)).toEqual(before.sheets);
    expect(after.sheets[2]?.cells).toEqual([
      ['支部编号', '总分', '满意率', '等次', '红旗候选'],
      ['001', 91.25, 0.95, '好', true],
      ['002', 55, null, '较差', false],
    ]);
    // The empty output keeps its preamble and header; its table's blank row reads as nothing.
    expect(after.sheets[3]?.cells).toEqual([['说明', '重新计算时保留用户列'], ['支部编号', '问题类型', '整改措施']]);
  });

  it('keeps the input sheets\' formulas, styles, merges and validations', async () => {
    const wb = await load(await writeOutputs(await inputWorkbook(), [RESULTS]));
    const ws = wb.getWorksheet('支部');
    expect(ws?.getCell('A1').font?.bold).toBe(true);
    expect(ws?.getCell('D2').numFmt).toBe('0.0');
    expect(ws?.getCell('F1').formula).toBe('SUM(D2:D3)');
    expect(ws?.getCell('G1').result).toBe(0);
    expect(ws?.getCell('I1').isMerged).toBe(true);
    expect(ws?.getCell('D2').dataValidation?.type).toBe('whole');
  });

  it('writes an Excel table, number formats, widths, frozen panes and conditional formats', async () => {
    const wb = await load(await writeOutputs(await inputWorkbook(), [RESULTS, GAPS_EMPTY]));
    const ws = wb.getWorksheet('评定结果');
    expect(ws).toBeDefined();
    if (!ws) return;
    const table = ws.getTable('BR_Results') as unknown as { model: { tableRef: string; columns: { name: string }[]; style: { theme: string } } };
    expect(table.model.tableRef).toBe('A1:E3');
    expect(table.model.columns.map((c) => c.name)).toEqual(['支部编号', '总分', '满意率', '等次', '红旗候选']);
    expect(table.model.style.theme).toBe('TableStyleMedium2');
    expect(ws.getCell('B2').numFmt).toBe('0.00');
    expect(ws.getCell('C2').numFmt).toBe('0.0%');
    expect(ws.getCell('A2').numFmt).toBe('@');
    expect(ws.getColumn(1).width).toBe(10);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 1 });
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { operator: string; formulae: string[]; style: { fill: { bgColor: { argb: string } }; font: { color: { argb: string } } } }[] }[] }).conditionalFormattings;
    expect(cf.map((c) => [c.ref, c.rules[0]?.formulae[0], c.rules[0]?.style.fill.bgColor.argb, c.rules[0]?.style.font.color.argb])).toEqual([
      ['D2:D3', '"好"', 'FFC6EFCE', 'FF006100'],
      ['D2:D3', '"较差"', 'FFFFC7CE', 'FF9C0006'],
    ]);

    // Zero rows: still a valid table (header + one blank row, as Excel itself keeps), frozen below the preamble.
    const gaps = wb.getWorksheet('问题清单');
    const gapsTable = gaps?.getTable('BR_Gaps') as unknown as { model: { tableRef: string } };
    expect(gapsTable.model.tableRef).toBe('A2:C3');
    expect(gaps?.views[0]).toMatchObject({ state: 'frozen', xSplit: 0, ySplit: 2 });
  });

  it('replaces output sheets on a re-run instead of duplicating them, whatever spaces their names carry', async () => {
    const first = await writeOutputs(await inputWorkbook(), [RESULTS, GAPS_EMPTY]);
    // Someone renamed the sheet with a trailing space; it is still the output sheet.
    const renamed = await load(first);
    const ws = renamed.getWorksheet('评定结果');
    if (ws) ws.name = '评定结果 ';
    const second = await writeOutputs(await bytesOf(renamed), [{ ...RESULTS, rows: [['001', 77, 0.5, '一般', false]] }, GAPS_EMPTY]);
    const raw = await readWorkbook(second);
    expect(raw.sheets.map((s) => s.name)).toEqual(['支部', '评分', '评定结果', '问题清单']);
    expect(raw.sheets[2]?.cells[1]).toEqual(['001', 77, 0.5, '一般', false]);
    expect(raw.sheets[2]?.cells).toHaveLength(2);
    const wb = await load(second);
    expect(wb.worksheets.flatMap((w) => (w.getTables() as unknown as { name: string }[]).map((t) => t.name)).sort()).toEqual(['BR_Gaps', 'BR_Results']);
  });

  it('writes dates, pads short rows and leaves non-finite numbers empty', async () => {
    const sheet: OutputSheet = {
      name: '日期',
      tableName: 'BR_Dates',
      columns: [{ header: '销号日期' }, { header: '值' }, { header: '备注' }],
      rows: [[new Date(Date.UTC(2025, 0, 15))], [null, Number.NaN, '=1+1']],
      freezeColumns: 0,
      highlights: [],
    };
    const raw = await readWorkbook(await writeNewWorkbook([sheet]));
    expect(raw.sheets[0]?.cells).toEqual([['销号日期', '值', '备注'], [new Date(Date.UTC(2025, 0, 15))], [null, null, '=1+1']]);
  });
});

describe('writeNewWorkbook', () => {
  it('writes the sheets in order, each with its table', async () => {
    const wb = await load(await writeNewWorkbook([GAPS_EMPTY, RESULTS]));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['问题清单', '评定结果']);
    expect(wb.worksheets.map((w) => (w.getTables() as unknown as { name: string }[]).map((t) => t.name))).toEqual([['BR_Gaps'], ['BR_Results']]);
  });
});

describe('data validation (OutputSheet.validations)', () => {
  const FORM: OutputSheet = {
    name: '评分-张三',
    tableName: 'BR_Form_1',
    preamble: [['评分人类别', '上级']],
    columns: [{ header: '支部编号', format: '@' }, { header: '支部名称' }, { header: '1.1 组织健全' }, { header: '1.2 制度落实' }],
    rows: [
      ['001', '第一支部'],
      ['002', '第二支部'],
      ['003', '第三支部'],
    ],
    freezeColumns: 2,
    highlights: [],
    validations: [
      { column: '1.1 组织健全', min: 0, max: 10 },
      { column: '1.2 制度落实', min: 0, max: 2.5 },
      { column: '不存在的列', min: 0, max: 1 },
    ],
  };

  it('puts a decimal 0..分值 rule with a Chinese prompt on every data cell of the column, and nowhere else', async () => {
    const wb = await load(await writeNewWorkbook([FORM]));
    const ws = wb.getWorksheet('评分-张三');
    if (!ws) throw new Error('no form sheet');
    // Header on row 2 (after the preamble), data rows 3–5.
    for (const row of [3, 4, 5]) {
      expect(ws.getCell(`C${row}`).dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 10], allowBlank: true, showErrorMessage: true });
      expect(ws.getCell(`D${row}`).dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 2.5] });
    }
    expect(ws.getCell('C3').dataValidation?.prompt).toBe('请输入 0–10 之间的分数');
    expect(ws.getCell('C3').dataValidation?.error).toContain('0–10');
    for (const addr of ['C1', 'C2', 'C6', 'A3', 'B3', 'E3']) expect(ws.getCell(addr).dataValidation).toBeUndefined();
  });

  it('stores one rule per column range (not one per cell) and reads back unchanged values', async () => {
    const bytes = await writeNewWorkbook([FORM]);
    const xml = await sheetXml(bytes);
    expect(xml.match(/<dataValidation /g)).toHaveLength(2);
    expect(xml).toContain('sqref="C3:C5"');
    expect(xml).toContain('sqref="D3:D5"');
    const raw = await readWorkbook(bytes);
    expect(raw.sheets[0]?.cells).toEqual([['评分人类别', '上级'], ['支部编号', '支部名称', '1.1 组织健全', '1.2 制度落实'], ['001', '第一支部'], ['002', '第二支部'], ['003', '第三支部']]);
  });

  it('covers the blank table row of a form without branches', async () => {
    const wb = await load(await writeNewWorkbook([{ ...FORM, rows: [] }]));
    expect(wb.getWorksheet('评分-张三')?.getCell('C3').dataValidation?.type).toBe('decimal');
  });
});

/** The XML of the first worksheet part, to see how the rules are stored. */
async function sheetXml(bytes: Uint8Array): Promise<string> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const part = zip.file('xl/worksheets/sheet1.xml');
  if (!part) throw new Error('no sheet1.xml');
  return part.async('string');
}
