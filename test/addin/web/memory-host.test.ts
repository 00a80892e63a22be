/**
 * The web page's host over an in-memory exceljs workbook (node + exceljs; the browser runs the same code,
 * exercised whole by test/e2e/web.test.ts).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { HostError } from '../../../addin/host';
import { createEmptyHost, createMemoryHost, downloadNameFor, XLSX_MIME, type WebSelection } from '../../../addin/web/memory-host';
import { readWorkbook } from '../../../cli/xlsx-read';
import { writeNewWorkbook } from '../../../cli/xlsx-write';
import { runWorkbook } from '../../../engine/index';
import { exportSheets } from '../../../engine/export';
import { applyPlan, mergeWorkbooks } from '../../../engine/merge';
import type { OutputSheet } from '../../../engine/output';
import { OUTPUT_SHEET_NAMES } from '../../../engine/output';
import { sampleSheets, scoreSheet, templateSheets, wideFormSheet } from '../../../engine/template';

/** A Uint8Array's bytes as a standalone ArrayBuffer (what File.arrayBuffer() gives the page). */
function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}

async function sampleBytes(branches = 12): Promise<Uint8Array> {
  return writeNewWorkbook(sampleSheets({ branches, upperRaters: 2 }));
}

async function downloaded(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

describe('createMemoryHost', () => {
  it('reads the same RawWorkbook as the CLI and lists the sheets in tab order', async () => {
    const bytes = await sampleBytes();
    const host = await createMemoryHost(arrayBuffer(bytes), '样例.xlsx');
    expect(host.kind).toBe('web');
    expect(host.capabilities).toEqual({ dataValidation: true, charts: true });
    expect(host.fileName).toBe('样例.xlsx');
    expect(host.downloadName).toBe('样例-评定结果.xlsx');
    const expected = await readWorkbook(bytes);
    expect(await host.sheetNames()).toEqual(expected.sheets.map((s) => s.name));
    const progress: number[] = [];
    expect(await host.read((f) => progress.push(f))).toEqual(expected);
    expect(progress.at(0)).toBe(0);
    expect(progress.at(-1)).toBe(1);
  });

  it.each([
    ['an empty file', new Uint8Array(0), '空文件'],
    ['a legacy .xls (OLE compound file)', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), '.xls'],
    ['text that is not a zip', new TextEncoder().encode('支部编号,支部名称\n001,第一支部\n'), '不是有效的 .xlsx'],
  ])('refuses %s with HostError(unreadable) and a Chinese message', async (_what, bytes, words) => {
    const err = await createMemoryHost(arrayBuffer(bytes), '坏文件.xlsx').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe('unreadable');
    expect((err as HostError).message).toContain('坏文件.xlsx');
    expect((err as HostError).message).toContain(words);
  });

  it('refuses a workbook without worksheets', async () => {
    const { default: JSZip } = await import('jszip');
    const zip = new JSZip();
    zip.file('hello.txt', '不是工作簿');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const err = await createMemoryHost(arrayBuffer(bytes), 'x.xlsx').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe('unreadable');
  });
});

describe('writeOutputs and download', () => {
  it('adds the engine outputs, keeps the inputs identical, and re-running replaces rather than duplicates', async () => {
    const bytes = await sampleBytes();
    const host = await createMemoryHost(arrayBuffer(bytes), 'in.xlsx');
    const before = await host.read();
    const report = runWorkbook(before);
    const progress: number[] = [];
    const revisions: number[] = [];
    host.onChange((r) => revisions.push(r));
    expect(host.revision).toBe(0);
    await host.writeOutputs(report.outputs, (f) => progress.push(f));
    expect(progress.at(-1)).toBe(1);
    expect(host.revision).toBeGreaterThan(0);
    expect(revisions.at(-1)).toBe(host.revision);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));

    const after = await host.read();
    const inputNames = before.sheets.map((s) => s.name);
    const outputNames = report.outputs.map((o) => o.name);
    expect(after.sheets.map((s) => s.name)).toEqual([...inputNames, ...outputNames]);
    expect(after.sheets.slice(0, inputNames.length)).toEqual(before.sheets);

    // The second run reads its own outputs (user columns) and writes them again in the same places.
    const again = runWorkbook(after);
    await host.writeOutputs(again.outputs);
    const twice = await host.read();
    expect(twice.sheets.map((s) => s.name)).toEqual([...inputNames, ...outputNames]);
    expect(twice).toEqual(after);

    const blob = await host.download();
    expect(blob.type).toBe(XLSX_MIME);
    const saved = await readWorkbook(await downloaded(blob));
    expect(saved).toEqual(twice);
    for (const name of outputNames) expect(OUTPUT_SHEET_NAMES as readonly string[]).toContain(name);

    // exceljs cannot draw charts: the download adds 单位汇总's chart part, once, however often it was written.
    const zip = await JSZip.loadAsync(await downloaded(blob));
    const charts = Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(1);
    expect(await zip.file(charts[0]!)!.async('string')).toContain("单位汇总");
  });

  it('refuses an invalid sheet name before changing anything', async () => {
    const host = await createMemoryHost(arrayBuffer(await sampleBytes(4)), 'in.xlsx');
    const before = await host.read();
    const ok: OutputSheet = { name: '评定结果', tableName: 'BR_X', columns: [{ header: 'a' }], rows: [[1]], freezeColumns: 0, highlights: [] };
    for (const name of ['评分-张三/李四', '评分-' + '很长的名字'.repeat(7), "'引号"]) {
      const err = await host.writeOutputs([ok, { ...ok, name, tableName: 'BR_Y' }]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HostError);
      expect((err as HostError).message).toContain('不能用作工作表名称');
      const err2 = await host.addSheets([{ ...ok, name, tableName: 'BR_Y' }]).catch((e: unknown) => e);
      expect(err2).toBeInstanceOf(HostError);
    }
    expect(await host.read()).toEqual(before);
    // The host still works after a refused write.
    await host.writeOutputs([ok]);
    expect((await host.sheetNames()).at(-1)).toBe('评定结果');
  });
});

describe('createEmptyHost', () => {
  it('starts without sheets, refuses to download an empty workbook, and takes the template', async () => {
    const host = await createEmptyHost('新工作簿.xlsx');
    expect(await host.sheetNames()).toEqual([]);
    expect(await host.read()).toEqual({ sheets: [] });
    const err = await host.download().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).message).toContain('准备');
    const template = templateSheets();
    expect(await host.addSheets(template)).toEqual(template.map((s) => s.name));
    expect(host.revision).toBe(1);
    const saved = await readWorkbook(await downloaded(await host.download()));
    expect(saved.sheets.map((s) => s.name)).toEqual(template.map((s) => s.name));
    expect(host.downloadName).toBe('新工作簿-评定结果.xlsx');
  });
});

describe('addSheets', () => {
  it('adds only the missing sheets (names compared trimmed and case-insensitively) and never touches existing ones', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('支部 ').addRows([['支部编号', '支部名称'], ['001', '自己填的']]);
    wb.addWorksheet('Sheet1').addRow(['别的东西']);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const host = await createMemoryHost(arrayBuffer(bytes), 'blank.xlsx');
    const before = await host.read();

    const template = templateSheets();
    const added = await host.addSheets([...template, { ...scoreSheet(), name: 'sheet1' }]);
    expect(added).toEqual(template.map((s) => s.name).filter((n) => n !== '支部'));
    const after = await host.read();
    expect(after.sheets.slice(0, 2)).toEqual(before.sheets);
    expect(after.sheets.map((s) => s.name)).toEqual(['支部 ', 'Sheet1', ...added]);

    // A second call adds nothing.
    expect(await host.addSheets(template)).toEqual([]);
    expect(await host.read()).toEqual(after);
  });

  it('writes the scoring form with its data validation 0..分值', async () => {
    const host = await createMemoryHost(arrayBuffer(await sampleBytes(4)), 'in.xlsx');
    const form: OutputSheet = {
      ...wideFormSheet('王五', '上级', 9, [['001', '一支部'], ['002', '二支部']]),
      validations: [{ column: '1.1', min: 0, max: 5 }],
    };
    const withColumn: OutputSheet = { ...form, columns: [...form.columns.slice(0, 2), { header: '1.1' }] };
    expect(await host.addSheets([withColumn])).toEqual(['评分-王五']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await (await host.download()).arrayBuffer()) as ArrayBuffer);
    const ws = wb.getWorksheet('评分-王五');
    // Two preamble rows, the header on row 3, branches on rows 4–5.
    expect(ws?.getCell('C4').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 5] });
    expect(ws?.getCell('C5').dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 5] });
    expect(ws?.getCell('C3').dataValidation).toBeUndefined();
  });
});

describe('select and preview', () => {
  it('records the selection, tells the listeners, and shows the values around the cell', async () => {
    const bytes = await sampleBytes(12);
    const host = await createMemoryHost(arrayBuffer(bytes), 'in.xlsx');
    const raw = await host.read();
    expect(host.selection).toBeNull();
    const seen: WebSelection[] = [];
    const stop = host.onSelect((s) => seen.push(s));

    await host.select(' 评分 ', 7, 4);
    expect(host.selection).toEqual({ sheet: '评分', row: 7, col: 4, exists: true });
    expect(seen).toEqual([host.selection]);

    const sel = host.selection;
    if (sel === null) throw new Error('no selection');
    const preview = host.preview(sel);
    expect(preview).not.toBeNull();
    if (preview === null) return;
    expect(preview).toMatchObject({ sheet: '评分', firstRow: 2, firstCol: 0 });
    expect(preview.cells).toHaveLength(11);
    const sheet = raw.sheets.find((s) => s.name === '评分');
    for (let r = 0; r < preview.cells.length; r++) {
      expect(preview.cells[r]).toHaveLength(9);
      for (let c = 0; c < 9; c++) expect(preview.cells[r]?.[c]).toEqual(sheet?.cells[r + 2]?.[c] ?? null);
    }
    expect(host.preview(sel, 1, 1)).toMatchObject({ firstRow: 6, firstCol: 3, cells: [[expect.anything(), expect.anything(), null], expect.anything(), expect.anything()] });

    // Near A1 the window starts at A1; without a cell it shows the top of the sheet.
    expect(host.preview({ sheet: '评分', row: 0, col: 0, exists: true })).toMatchObject({ firstRow: 0, firstCol: 0 });
    expect(host.preview({ sheet: '评分', exists: true })?.cells[0]?.[0]).toBe('支部编号');

    stop();
    await host.select('不存在的表');
    expect(host.selection).toEqual({ sheet: '不存在的表', exists: false });
    expect(seen).toHaveLength(1);
    expect(host.preview({ sheet: '不存在的表', exists: false })).toBeNull();

    // Looking creates no cells: the saved workbook reads exactly as before.
    expect(await readWorkbook(await downloaded(await host.download()))).toEqual(raw);
  });
});

describe('downloadNameFor', () => {
  it.each([
    ['学院.xlsx', '学院-评定结果.xlsx'],
    ['学院.XLSX', '学院-评定结果.xlsx'],
    ['a.b.xls', 'a.b-评定结果.xlsx'],
    ['无扩展名', '无扩展名-评定结果.xlsx'],
    ['.xlsx', '工作簿-评定结果.xlsx'],
  ])('%s → %s', (from, to) => {
    expect(downloadNameFor(from)).toBe(to);
  });
});

describe('applyMerge', () => {
  /** The master (sample with 3 upper raters, long 评分) and two evaluator files with 评分- forms and long rows. */
  async function merging() {
    const full = sampleSheets({ branches: 8, upperRaters: 3, ballots: false });
    const forms = full.filter((s) => s.name.startsWith('评分-'));
    const base = full.filter((s) => ['支部', '指标', '参数'].includes(s.name));
    const masterBytes = await writeNewWorkbook(full.filter((s) => !s.name.startsWith('评分-')));
    const a = await readWorkbook(await writeNewWorkbook([...base, forms[0]!]));
    const longRows = scoreSheet([['001', '1.1', '赵六', '上级', 3, null], ['002', '1.1', '赵六', '上级', 4, null]]);
    const b = await readWorkbook(await writeNewWorkbook([...base, forms[1]!, longRows]));
    const master = await readWorkbook(masterBytes);
    const result = mergeWorkbooks(master, [
      { name: '甲.xlsx', workbook: a },
      { name: '乙.xlsx', workbook: b },
    ]);
    return { masterBytes, master, result, forms };
  }

  it('appends below the last row with 来源 and adds the forms, as the engine applies the plan; the table grows over the rows', async () => {
    const { masterBytes, master, result, forms } = await merging();
    expect(result.files.map((f) => f.status)).toEqual(['merged', 'merged']);
    const host = await createMemoryHost(arrayBuffer(masterBytes), '汇总.xlsx');
    const progress: number[] = [];
    await host.applyMerge(result.plan, (f) => progress.push(f));
    expect(progress).toEqual([0, 1]);
    expect(host.revision).toBe(1);

    // Read back (and saved) exactly as the engine's own application of the plan, read through the same reader.
    const applied = applyPlan(master, result.plan);
    const after = await host.read();
    const trim = (raw: typeof after) => raw.sheets.map((s) => [s.name, s.cells.map((r) => r.filter((_, i) => r.slice(i).some((v) => v !== null)))]);
    expect(trim(after)).toEqual(trim(applied));
    expect(after.sheets.map((s) => s.name)).toEqual([...master.sheets.map((s) => s.name), ...forms.slice(0, 2).map((f) => f.name)]);
    const score = after.sheets.find((s) => s.name === '评分');
    expect(score?.cells[0]?.at(-1)).toBe('来源');
    expect(score?.cells.at(-1)).toEqual(['002', '1.1', '赵六', '上级', 4, null, '乙.xlsx']);

    const saved = await downloaded(await host.download());
    expect(await readWorkbook(saved)).toEqual(after);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(saved.slice().buffer as ArrayBuffer);
    const table = (wb.getWorksheet('评分')?.getTables() as unknown as { table: { tableRef?: string; ref?: string; columns: unknown[] } }[])[0];
    const ref = table?.table.tableRef ?? table?.table.ref;
    expect(ref).toBe(`A1:G${score?.cells.length}`);
    expect(table?.table.columns).toHaveLength(7);
  });

  it('refuses a stale plan before writing anything', async () => {
    const { masterBytes, result } = await merging();
    const host = await createMemoryHost(arrayBuffer(masterBytes), '汇总.xlsx');
    await host.applyMerge(result.plan);
    const once = await host.read();
    // The same plan again: its new sheets exist now.
    const err = await host.applyMerge(result.plan).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).message).toContain('请重新选择文件导入');
    expect(await host.read()).toEqual(once);
    expect(host.revision).toBe(1);
  });
});

describe('exportWorkbook', () => {
  it('always downloads a new workbook of the export sheets; the open workbook is unchanged', async () => {
    const bytes = await sampleBytes(8);
    const saved: { blob: Blob; name: string }[] = [];
    const host = await createMemoryHost(arrayBuffer(bytes), 'in.xlsx', { save: (blob, name) => saved.push({ blob, name }) });
    const before = await host.read();
    const sheets = exportSheets(runWorkbook(before), { date: '2026-11-21' });
    expect(await host.exportWorkbook(sheets, '2026年度支部评定结果.xlsx')).toEqual({ via: 'downloaded' });
    expect(saved.map((s) => [s.name, s.blob.type])).toEqual([['2026年度支部评定结果.xlsx', XLSX_MIME]]);
    const file = await readWorkbook(await downloaded(saved[0]!.blob));
    expect(file.sheets.map((s) => s.name)).toEqual(['公示名单', '单位汇总', '评定结果', '问题清单']);
    expect(file.sheets[0]?.cells[1]?.[0]).toBe('导出日期：2026-11-21');
    expect(await host.read()).toEqual(before);
    expect(host.revision).toBe(0);
  });
});
