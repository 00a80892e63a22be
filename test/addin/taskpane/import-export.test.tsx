// @vitest-environment jsdom
/**
 * 导入 and 导出 in the task pane over the fake host: the returned workbooks are real .xlsx bytes read in the
 * "browser" (cli/xlsx-read through a lazy import), merged by the engine, shown per file; 应用合并 hands the
 * host the plan. 导出 hands the host the four export sheets; the web page also saves 公示名单 as CSV.
 */
import './setup';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../../addin/taskpane/App';
import type { ControllerOptions } from '../../../addin/taskpane/controller';
import { readWorkbook } from '../../../cli/xlsx-read';
import { writeNewWorkbook } from '../../../cli/xlsx-write';
import { runWorkbook } from '../../../engine';
import { exportSheets, toCsv } from '../../../engine/export';
import { mergeWorkbooks, type MergeSource } from '../../../engine/merge';
import type { OutputSheet } from '../../../engine/output';
import { branchSheet, DEFAULT_RUBRIC, rubricSheet, sampleWorkbook, scoreSheet, scoringForms, settingsSheet, sheetToRaw } from '../../../engine/template';
import { fakeHost } from './fakeHost';
import { BRANCHES, basicWorkbook } from './workbooks';

const tab = (name: string) => fireEvent.click(screen.getByRole('tab', { name }));
const button = (name: string | RegExp) => screen.getByRole('button', { name });

/** The master: 支部, 指标, 参数 and an empty 评分. */
function master() {
  const raw = basicWorkbook();
  return { sheets: [...raw.sheets, sheetToRaw(scoreSheet())] };
}

/** 张三's form with every score cell filled with `value`. */
function filledForm(value: number): OutputSheet {
  const form = scoringForms(basicWorkbook(), [{ name: '张三', role: '上级' }]).sheets[0];
  if (form === undefined) throw new Error('no form');
  return { ...form, rows: form.rows.map((r) => r.map((v, c) => (c >= 2 ? value : v))) };
}

/** A returned workbook: the office's 支部 and 参数, a rubric (the default, or one changed), 张三's form. */
async function returned(value: number, changeRubric = false): Promise<Uint8Array> {
  const rubric = changeRubric ? DEFAULT_RUBRIC.map((r, i) => (i === 0 ? { ...r, points: r.points + 1 } : r)) : DEFAULT_RUBRIC;
  return writeNewWorkbook([branchSheet(BRANCHES), rubricSheet(rubric), settingsSheet(), filledForm(value)]);
}

/** A picked file as the input gives it (jsdom's File cannot read its bytes back: arrayBuffer is given). */
function picked(name: string, bytes: Uint8Array): File {
  const buffer = bytes.slice().buffer as ArrayBuffer;
  return Object.assign(new File([], name), { arrayBuffer: async () => buffer });
}

function pick(files: readonly File[]): void {
  fireEvent.change(screen.getByTestId('import-files'), { target: { files } });
}

describe('导入', () => {
  it('reads the picked files, shows what each brings and the refused file with its differences, and applies the plan', async () => {
    const raw = master();
    const host = fakeHost(raw);
    const good = await returned(8);
    const changed = await returned(7, true);
    const sources: MergeSource[] = [
      { name: '张三.xlsx', workbook: await readWorkbook(good) },
      { name: '二级党委.xlsx', workbook: await readWorkbook(changed) },
    ];
    const expected = mergeWorkbooks(raw, sources);
    expect(expected.files.map((f) => f.status)).toEqual(['merged', 'refused']);

    render(<App host={host} />);
    tab('导入');
    // Nothing is read or written before files are picked.
    expect(host.read).not.toHaveBeenCalled();
    expect(screen.getByTestId('import-files').getAttribute('multiple')).not.toBeNull();
    expect(screen.getByTestId('import-files').getAttribute('accept')).toContain('.xlsx');
    pick([picked('张三.xlsx', good), picked('二级党委.xlsx', changed)]);

    const table = await screen.findByRole('table', { name: '各文件的内容' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    const merged = expected.files[0]!;
    expect(rows).toEqual([
      ['张三.xlsx', '可合并', merged.rows.map((r) => `${r.sheet} ${r.rows} 行`).join('、'), String(merged.raters), '0'],
      ['二级党委.xlsx', '已拒绝：指标与主工作簿不同', '无', '0', '0'],
    ]);
    expect(merged.rows.reduce((n, r) => n + r.rows, 0)).toBe(BRANCHES.length);
    // The refused file's differences: indicator, field, both values.
    const first = DEFAULT_RUBRIC[0]!;
    expect(screen.getByText('「二级党委.xlsx」的指标与主工作簿不同，未合并：')).toBeInstanceOf(HTMLElement);
    expect(screen.getByText(`指标 ${first.id} 的分值：主工作簿为“${first.points}”，该文件为“${first.points + 1}”`)).toBeInstanceOf(HTMLElement);

    fireEvent.click(button('应用合并'));
    await screen.findByText('合并已写入当前工作簿。请到“计算”重新计算。');
    expect(host.applyMerge).toHaveBeenCalledTimes(1);
    const plan = host.applyMerge.mock.calls[0]?.[0];
    expect(plan).toEqual(expected.plan);
    // Nothing of the refused file is in what was applied.
    const fromRefused = JSON.stringify(plan).includes('二级党委.xlsx');
    expect(fromRefused).toBe(false);
    // The form arrived as its own sheet; the button is gone (a plan is applied once).
    expect(host.sheets.map((s) => s.name)).toContain('评分-张三');
    expect(screen.queryByRole('button', { name: '应用合并' })).toBeNull();
    expect(screen.getByText(`新增工作表：${expected.plan.add.map((s) => s.name).join('、')}`)).toBeInstanceOf(HTMLElement);
  });

  it('lists conflicts (one rater, two files, different scores) and an unreadable file', async () => {
    const raw = master();
    const host = fakeHost(raw);
    render(<App host={host} />);
    tab('导入');
    pick([picked('张三-初稿.xlsx', await returned(8)), picked('张三-终稿.xlsx', await returned(9)), picked('坏文件.xlsx', new TextEncoder().encode('不是工作簿'))]);

    const table = await screen.findByRole('table', { name: '各文件的内容' });
    const statuses = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').slice(0, 2).map((c) => c.textContent));
    expect(statuses).toEqual([
      ['张三-初稿.xlsx', '可合并'],
      ['张三-终稿.xlsx', '可合并'],
      ['坏文件.xlsx', '无法读取'],
    ]);
    expect(screen.getByText(/「坏文件.xlsx」不是可读取的 .xlsx 工作簿/)).toBeInstanceOf(HTMLElement);
    const conflicts = screen.getByRole('table', { name: /^冲突 \d+ 处/ });
    const first = within(conflicts).getAllByRole('row')[1]!;
    expect(within(first).getAllByRole('cell').map((c) => c.textContent)).toEqual(['张三', '001', expect.any(String), '张三-初稿.xlsx、张三-终稿.xlsx', '8、9']);
    expect(button('应用合并')).toBeInstanceOf(HTMLElement);
  });

  it('offers nothing to apply when every file is refused', async () => {
    const host = fakeHost(master());
    render(<App host={host} />);
    tab('导入');
    pick([picked('改过指标.xlsx', await returned(8, true))]);
    await screen.findByText('没有可合并的内容：所有文件都被拒绝或没有数据。');
    expect(screen.queryByRole('button', { name: '应用合并' })).toBeNull();
    expect(host.applyMerge).not.toHaveBeenCalled();
  });
});

/** A fixed clock and a recorder of saved files. */
function options(): ControllerOptions & { saved: { blob: Blob; name: string }[] } {
  const saved: { blob: Blob; name: string }[] = [];
  return { now: () => new Date(2026, 10, 21, 9, 30), save: (blob, name) => saved.push({ blob, name }), saved };
}

/** A Blob's bytes as text, BOM kept (jsdom's Blob has no text()). */
function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new TextDecoder('utf-8', { ignoreBOM: true }).decode(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

describe('导出', () => {
  it('hands the host the four export sheets of today, named by 评定年度, with scores when asked', async () => {
    const raw = sampleWorkbook({ branches: 12, ballots: false });
    const report = runWorkbook(raw);
    const host = fakeHost(raw);
    const opts = options();
    render(<App host={host} controllerOptions={opts} />);
    tab('导出');
    fireEvent.click(button('导出汇总工作簿'));
    await screen.findByText('已下载「2026年度支部评定结果.xlsx」。');
    const [sheets, fileName] = host.exportWorkbook.mock.calls[0] ?? [];
    expect(fileName).toBe('2026年度支部评定结果.xlsx');
    expect(sheets).toEqual(exportSheets(report, { date: '2026-11-21', includeScores: false, locale: 'zh-CN' }));
    expect(sheets?.map((s) => s.name)).toEqual(['公示名单', '单位汇总', '评定结果', '问题清单']);
    expect(screen.getByText('包含：公示名单、单位汇总、评定结果、问题清单')).toBeInstanceOf(HTMLElement);
    // The open workbook is not written to.
    expect(host.writeOutputs).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('checkbox', { name: '公示名单中包含总分和排名' }));
    fireEvent.click(button('导出汇总工作簿'));
    await waitFor(() => expect(host.exportWorkbook).toHaveBeenCalledTimes(2));
    const withScores = host.exportWorkbook.mock.calls[1]?.[0][0];
    expect(withScores?.columns.map((c) => c.header)).toEqual(expect.arrayContaining(['总分', '排名']));
  });

  it('downloads 公示名单 as UTF-8 CSV with a BOM on the web page', async () => {
    const raw = sampleWorkbook({ branches: 12, ballots: false });
    const report = runWorkbook(raw);
    const opts = options();
    render(<App host={fakeHost(raw)} controllerOptions={opts} />);
    tab('导出');
    fireEvent.click(button('下载 CSV（公示名单）'));
    await screen.findByText('已下载「2026年度支部评定公示名单.csv」。');
    expect(opts.saved).toHaveLength(1);
    const { blob, name } = opts.saved[0]!;
    expect(name).toBe('2026年度支部评定公示名单.csv');
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const list = exportSheets(report, { date: '2026-11-21', locale: 'zh-CN' })[0]!;
    const text = await blobText(blob);
    expect(text).toBe(toCsv(list));
    expect(text.startsWith('\uFEFF支部编号,支部名称,所属党委,等次,红旗候选\r\n')).toBe(true);
    expect(text.split('\r\n').filter((l) => l !== '')).toHaveLength(13);
  });

  it('in Excel: no CSV button; a workbook opened says so, a download says why', async () => {
    const raw = sampleWorkbook({ branches: 12, ballots: false });
    const opened = { ...fakeHost(raw, { exportResult: { via: 'opened' } }), kind: 'excel' as const };
    const { unmount } = render(<App host={opened} controllerOptions={options()} />);
    tab('导出');
    expect(screen.queryByRole('button', { name: '下载 CSV（公示名单）' })).toBeNull();
    fireEvent.click(button('导出汇总工作簿'));
    await screen.findByText('已在 Excel 中打开新工作簿（2026年度支部评定结果.xlsx），请在新窗口中保存。');
    unmount();

    const downloaded = { ...fakeHost(raw, { exportResult: { via: 'downloaded', detail: 'GeneralException: The new window was blocked.' } }), kind: 'excel' as const };
    render(<App host={downloaded} controllerOptions={options()} />);
    tab('导出');
    fireEvent.click(button('导出汇总工作簿'));
    await screen.findByText('已下载「2026年度支部评定结果.xlsx」。');
    expect(screen.getByText(/此 Excel 未能直接打开新工作簿/)).toBeInstanceOf(HTMLElement);
    // Excel's own reason is shown, not swallowed.
    expect(screen.getByText(/The new window was blocked\./)).toBeInstanceOf(HTMLElement);
  });
});
