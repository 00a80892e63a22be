/**
 * applyMerge and exportWorkbook of the Excel host against the fake: the rows land below the last row and
 * read back exactly as the engine's applyPlan says; new header cells (来源) are written once; nothing that
 * held a value changes; syncs are a constant plus one per block; a stale plan is refused before anything
 * is written and a failure part-way is taken back. The export opens a new workbook only with ExcelApi 1.8.
 */
import { describe, expect, it } from 'vitest';
import { HostError } from '../../../addin/host';
import { readWorkbook } from '../../../cli/xlsx-read';
import { runWorkbook } from '../../../engine';
import { exportSheets } from '../../../engine/export';
import { applyPlan, mergeWorkbooks, type MergePlan } from '../../../engine/merge';
import type { RawWorkbook } from '../../../engine/raw';
import { branchSheet, DEFAULT_RUBRIC, rubricSheet, sampleWorkbook, scoreSheet, scoringForms, settingsSheet, sheetToRaw } from '../../../engine/template';
import { FakeOfficeError, type FakeWorkbook } from './fake-excel';
import { fakeFrom, hostOver } from './helpers';

const BRANCHES = [
  ['001', '第一党支部', '机关党委', '教师', '张书记', 10, 2, 12, null],
  ['002', '第二党支部', '机关党委', '学生', '李书记', 20, 3, 12, null],
];
const RATED = DEFAULT_RUBRIC.filter((r) => r.method !== '台账');

/** The master: 支部, 指标, 参数 and a 评分 with one row typed by the office. */
function masterRaw(): RawWorkbook {
  const scores = scoreSheet([['001', RATED[0]?.id ?? '1.1', '王书记', '上级', 3, null]]);
  return { sheets: [branchSheet(BRANCHES), rubricSheet(), settingsSheet(), scoreSheet([])].map(sheetToRaw).map((s, i) => (i === 3 ? sheetToRaw(scores) : s)) };
}

/** A returned workbook: long scores of one rater in 评分, and 张三's wide form. */
function sourceRaw(rater: string, value: number): RawWorkbook {
  const base = { sheets: [branchSheet(BRANCHES), rubricSheet(), settingsSheet()].map(sheetToRaw) };
  const long = scoreSheet(BRANCHES.map((b) => [b[0] ?? null, RATED[1]?.id ?? '1.2', rater, '上级', value, null]));
  const form = scoringForms(base, [{ name: `${rater}2`, role: '上级' }]).sheets[0];
  if (form === undefined) throw new Error('no form');
  const filled = { ...form, rows: form.rows.map((r) => r.map((v, c) => (c >= 2 ? value : v))) };
  return { sheets: [...base.sheets, sheetToRaw(long), sheetToRaw(filled)] };
}

/** Every sheet's values and number formats, trailing empty cells and rows left out (a cleared cell is empty). */
function cells(wb: FakeWorkbook): string {
  const trim = <T>(rows: readonly (readonly (T | null | undefined)[] | undefined)[]) => {
    const out = rows.map((r) => {
      const row = [...(r ?? [])];
      while (row.length > 0 && (row.at(-1) ?? null) === null) row.pop();
      return row;
    });
    while (out.length > 0 && out.at(-1)?.length === 0) out.pop();
    return out;
  };
  return JSON.stringify(wb.sheets.map((s) => [s.name, trim(s.grid()), trim(s.formats)]));
}

describe('applyMerge', () => {
  it('appends below the last row, adds 来源 once and the new forms; reads back as the engine applies the plan; 2 + blocks + add syncs', async () => {
    const master = masterRaw();
    const result = mergeWorkbooks(master, [
      { name: '张三.xlsx', workbook: sourceRaw('张三', 4) },
      { name: '李四.xlsx', workbook: sourceRaw('李四', 5) },
    ]);
    expect(result.files.map((f) => f.status)).toEqual(['merged', 'merged']);
    const scoreAppend = result.plan.append.find((a) => a.sheet === '评分');
    expect(scoreAppend?.addSourceColumn).toBe(true);
    expect(result.plan.add.length).toBeGreaterThan(0);

    const wb = fakeFrom(master);
    const before = wb.sheet('评分')?.grid();
    const host = hostOver(wb);
    const progress: number[] = [];
    await host.applyMerge(result.plan, (f) => progress.push(f));
    const syncs = wb.syncs;

    // What Excel holds reads back exactly as the engine's own application of the plan (both read through
    // the adapter, which trims trailing empty cells as cli/xlsx-read does).
    expect(await host.read()).toEqual(await hostOver(fakeFrom(applyPlan(master, result.plan))).read());
    const sheet = wb.sheet('评分');
    if (sheet === undefined || before === undefined || scoreAppend === undefined) throw new Error('评分 missing');
    // The typed rows are untouched; 来源 is the one new header cell; the rows start right below.
    expect(sheet.grid().slice(0, before.length).map((r, i) => (i === scoreAppend.headerRow ? r.slice(0, -1) : r))).toEqual(before);
    expect(sheet.grid()[scoreAppend.headerRow]?.filter((v) => v === '来源')).toHaveLength(1);
    expect(sheet.grid()[before.length]?.at(-1)).toBe('张三.xlsx');
    expect(sheet.cell(before.length, 0)).toEqual({ value: '001', type: 'String' });
    // 1 sheet list + 1 used ranges and header cells + 1 block per sheet appended + (1 + 1 block per new sheet).
    const appended = result.plan.append.filter((a) => a.rows.length > 0).length;
    expect(syncs).toBe(2 + appended + 1 + result.plan.add.length);
    expect(wb.refused).toEqual([]);
    expect(progress.at(0)).toBe(0);
    expect(progress.at(-1)).toBe(1);

    // Importing again: the engine refuses both files (already merged); nothing more to apply.
    const again = mergeWorkbooks(await host.read(), [{ name: '张三.xlsx', workbook: sourceRaw('张三', 4) }]);
    expect(again.files[0]).toMatchObject({ status: 'refused', refusal: 'duplicate' });
  });

  it('writes 12,000 appended rows in blocks of ≤ 5,000: 2 + 3 syncs, each request under 5 MB', async () => {
    const wb = fakeFrom(masterRaw());
    const header = ['支部编号', '指标编号', '评分人', '评分人类别', '得分', '备注', '来源'];
    const rows = Array.from({ length: 12_000 }, (_, i) => ['001', '1.1', `评分人${i}`, '上级', i % 5, null, '大文件.xlsx']);
    const plan: MergePlan = { append: [{ sheet: '评分', addSourceColumn: true, header, rows, headerRow: 0 }], add: [] };
    await hostOver(wb).applyMerge(plan);
    expect(wb.syncs).toBe(2 + 3);
    expect(wb.refused).toEqual([]);
    expect(wb.maxRequestBytes).toBeLessThan(5_000_000);
    const sheet = wb.sheet('评分');
    expect(sheet?.grid()).toHaveLength(2 + 12_000);
    expect(sheet?.grid()[0]).toEqual(header);
    expect(sheet?.grid()[12_001]).toEqual(['001', '1.1', '评分人11999', '上级', 4, null, '大文件.xlsx']);
  });

  it('refuses a stale plan before writing: a filled 来源 cell, a sheet that exists, a sheet that is gone', async () => {
    const master = masterRaw();
    const result = mergeWorkbooks(master, [{ name: '张三.xlsx', workbook: sourceRaw('张三', 4) }]);
    const scoreAppend = result.plan.append.find((a) => a.sheet === '评分');
    if (scoreAppend === undefined) throw new Error('no append');

    const filled = fakeFrom(master);
    filled.sheet('评分')?.setCell(scoreAppend.headerRow, scoreAppend.header.length - 1, { value: '备注2', type: 'String' });
    const before = cells(filled);
    const err = await hostOver(filled).applyMerge(result.plan).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).message).toContain('请重新选择文件导入');
    expect(cells(filled)).toBe(before);
    expect(filled.syncs).toBe(2);

    const exists = fakeFrom(master);
    exists.addSheet(result.plan.add[0]?.name ?? '评分-张三2', [['已有']]);
    const before2 = cells(exists);
    await expect(hostOver(exists).applyMerge(result.plan)).rejects.toMatchObject({ code: 'unknown', message: expect.stringContaining('已有名为') });
    expect(cells(exists)).toBe(before2);
    expect(exists.syncs).toBe(1);

    const gone = fakeFrom({ sheets: master.sheets.filter((s) => s.name !== '评分') });
    await expect(hostOver(gone).applyMerge(result.plan)).rejects.toMatchObject({ message: expect.stringContaining('没有「评分」表') });
  });

  // Sync 3 appends to 评分; sync 4 is writeSheets' sheet list, sync 5 the new form's only block.
  it.each([4, 5])('takes back what it appended when request %i fails (the merge is whole or not at all)', async (failing) => {
    const master = masterRaw();
    const result = mergeWorkbooks(master, [{ name: '张三.xlsx', workbook: sourceRaw('张三', 4) }]);
    const wb = fakeFrom(master);
    const before = cells(wb);
    wb.failAt.set(failing, new FakeOfficeError('InvalidOperationInCellEditMode', 'cell edit'));
    await expect(hostOver(wb).applyMerge(result.plan)).rejects.toMatchObject({ code: 'busy' });
    expect(cells(wb)).toBe(before);
    expect(wb.sheets.map((s) => s.name)).toEqual(master.sheets.map((s) => s.name));
  });
});

describe('exportWorkbook', () => {
  const raw = sampleWorkbook({ branches: 12, ballots: false });
  const sheets = exportSheets(runWorkbook(raw), { date: '2026-11-21' });

  it('opens the export as a new workbook with ExcelApi 1.8 (no sync on the open workbook, no download)', async () => {
    const wb = fakeFrom(raw, 1.8);
    const saved: string[] = [];
    const host = hostOver(wb, { save: (_b, name) => saved.push(name) });
    expect(await host.exportWorkbook(sheets, '2026年度支部评定结果.xlsx')).toEqual({ via: 'opened' });
    expect(wb.created).toHaveLength(1);
    const opened = await readWorkbook(Buffer.from(wb.created[0] ?? '', 'base64'));
    expect(opened.sheets.map((s) => s.name)).toEqual(['公示名单', '单位汇总', '评定结果', '问题清单']);
    expect(opened.sheets[0]?.cells[0]?.[0]).toBe('2026年度党支部分类定级结果公示');
    expect(wb.syncs).toBe(0);
    expect(saved).toEqual([]);
  });

  it('downloads below ExcelApi 1.8 (createWorkbook is never called), and when Excel refuses to open it', async () => {
    const old = fakeFrom(raw, 1.7);
    const saved: { blob: Blob; name: string }[] = [];
    const host = hostOver(old, { save: (blob, name) => saved.push({ blob, name }) });
    expect(await host.exportWorkbook(sheets, '结果.xlsx')).toEqual({ via: 'downloaded' });
    expect(old.created).toEqual([]);
    expect(saved.map((s) => [s.name, s.blob.type])).toEqual([['结果.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']]);
    const file = await readWorkbook(new Uint8Array(await saved[0]!.blob.arrayBuffer()));
    expect(file.sheets.map((s) => s.name)).toEqual(sheets.map((s) => s.name));

    const blocked = fakeFrom(raw, 1.9);
    blocked.createFailure = new FakeOfficeError('GeneralException', 'The new window was blocked.');
    const saved2: string[] = [];
    // Excel's reason for refusing to open it is kept for the pane, not swallowed.
    expect(await hostOver(blocked, { save: (_b, name) => saved2.push(name) }).exportWorkbook(sheets, '结果.xlsx')).toEqual({
      via: 'downloaded',
      detail: expect.stringContaining('The new window was blocked.'),
    });
    expect(saved2).toEqual(['结果.xlsx']);
  });
});
