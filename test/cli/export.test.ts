/**
 * `branch-rating export`: the summary workbook read back (sheets, titles, print setup, chart) and
 * the CSV (BOM, sheet choice, scores), with the exit codes. LibreOffice: export-libreoffice.test.ts.
 */
import JSZip from 'jszip';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../cli/export';
import { readWorkbook } from '../../cli/xlsx-read';
import { loadXlsx, readRaw, records, runCli, sampleFile, saveXlsx, sheetOf, tempDir } from './helpers';

let dir = '';
let sample = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('export'));
  sample = await sampleFile(dir, 'sample.xlsx', 12);
});
afterAll(() => cleanup());

const SHEETS = ['公示名单', '单位汇总', '评定结果', '问题清单'];

/** RFC 4180 lines of a CSV without embedded line breaks (公示名单's fields have none). */
function csvRows(text: string): string[][] {
  return text.replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '').map((l) => l.split(','));
}

describe('export to .xlsx', () => {
  let out = '';
  beforeAll(async () => {
    out = join(dir, '汇总.xlsx');
    const run = await runCli(['export', sample, '-o', out]);
    expect(run.stderr).not.toMatch(/错误|error/i);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('已写入');
  });

  it('holds the four summary sheets, each with a title row and the date above its header', async () => {
    const raw = await readRaw(out);
    expect(raw.sheets.map((s) => s.name)).toEqual(SHEETS);
    const today = localDate();
    for (const s of raw.sheets) {
      expect(String(s.cells[0]?.[0])).toMatch(/^2026年度党支部/);
      expect(s.cells[1]?.[0]).toBe(`导出日期：${today}`);
    }
    expect(sheetOf(raw, '公示名单').cells[2]).toEqual(['支部编号', '支部名称', '所属党委', '等次', '红旗候选']);
    expect(records(sheetOf(raw, '公示名单'), 2)).toHaveLength(12);
  });

  it('matches what score writes for the same data', async () => {
    const scored = join(dir, 'scored.xlsx');
    expect((await runCli(['score', sample, '-o', scored])).code).toBe(0);
    const a = await readRaw(out);
    const b = await readRaw(scored);
    for (const name of ['单位汇总', '评定结果']) expect(records(sheetOf(a, name), 2)).toEqual(records(sheetOf(b, name)));
    const list = records(sheetOf(a, '公示名单'), 2);
    expect(list.map((r) => [r['支部编号'], r['等次'], r['红旗候选']])).toEqual(
      records(sheetOf(b, '评定结果')).map((r) => [r['支部编号'], r['等次'], r['红旗候选']]),
    );
    // 公示名单 has no scores.
    expect(Object.keys(list[0] ?? {})).not.toContain('总分');
  });

  it('is print-ready: landscape, one page wide, title and header rows repeated', async () => {
    const wb = await loadXlsx(out);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printTitlesRow: '1:3' });
    }
    const zip = await JSZip.loadAsync(await readFile(out));
    const workbook = await zip.file('xl/workbook.xml')?.async('string');
    for (const [i, name] of SHEETS.entries()) {
      expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">&apos;${name}&apos;!$1:$3</definedName>`);
    }
  });

  it('has the grade-distribution chart on 单位汇总', async () => {
    const zip = await JSZip.loadAsync(await readFile(out));
    const chart = (await zip.file('xl/charts/chart1.xml')?.async('string')) ?? '';
    expect(chart).toContain('<c:barDir val="col"/>');
    expect(chart).toContain('<a:t>各单位等次分布</a:t>');
    // 12 branches over 12 units (sample default caps units by branches): rows 4–15, 合计 on 16 left out.
    expect(chart).toContain('<c:f>&apos;单位汇总&apos;!$A$4:$A$15</c:f>');
    expect(chart).toContain('<c:f>&apos;单位汇总&apos;!$D$3</c:f>');
    expect(Object.keys(zip.files).filter((f) => /^xl\/charts\/[^/]+\.xml$/.test(f))).toEqual(['xl/charts/chart1.xml']);
  });

  it('adds 总分 and 排名 with --scores', async () => {
    const file = join(dir, 'scores.xlsx');
    expect((await runCli(['export', sample, '-o', file, '--scores'])).code).toBe(0);
    const list = sheetOf(await readRaw(file), '公示名单');
    expect(list.cells[2]).toEqual(['支部编号', '支部名称', '所属党委', '等次', '红旗候选', '总分', '排名']);
  });

  it('leaves the input file unchanged', async () => {
    const before = await stat(sample);
    expect((await runCli(['export', sample, '-o', join(dir, 'again.xlsx')])).code).toBe(0);
    expect((await stat(sample)).mtimeMs).toBe(before.mtimeMs);
  });

  it('writes English titles with --lang en-US', async () => {
    const file = join(dir, 'en.xlsx');
    expect((await runCli(['export', sample, '-o', file, '--lang', 'en-US'])).code).toBe(0);
    expect(sheetOf(await readRaw(file), '公示名单').cells[0]).toEqual(['2026 party branch grading — public list']);
  });
});

describe('export to .csv', () => {
  it('writes 公示名单 by default, UTF-8 with BOM and CRLF', async () => {
    const file = join(dir, '公示.csv');
    const run = await runCli(['export', sample, '-o', file]);
    expect(run.code).toBe(0);
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toMatch(/^\uFEFF支部编号,支部名称,所属党委,等次,红旗候选\r\n001,/);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const rows = csvRows(text);
    expect(rows).toHaveLength(13);
    const xlsx = records(sheetOf(await readRaw(join(dir, '汇总.xlsx')), '公示名单'), 2); // written by the .xlsx tests above
    expect(rows.slice(1).map((r) => r[3])).toEqual(xlsx.map((r) => r['等次']));
  });

  it('writes the sheet --sheet names, with scores only when asked', async () => {
    const file = join(dir, '结果.csv');
    expect((await runCli(['export', sample, '-o', file, '--sheet', '评定结果'])).code).toBe(0);
    const header = csvRows(await readFile(file, 'utf8'))[0];
    expect(header?.slice(0, 3)).toEqual(['支部编号', '支部名称', '所属党委']);
    expect(header).toContain('总分');

    const scored = join(dir, 'scored.csv');
    expect((await runCli(['export', sample, '-o', scored, '--scores'])).code).toBe(0);
    expect(csvRows(await readFile(scored, 'utf8'))[0]).toEqual(['支部编号', '支部名称', '所属党委', '等次', '红旗候选', '总分', '排名']);
  });

  it('neutralises a formula typed into the data', async () => {
    // A branch named like a formula (a hostile or careless entry in 支部) comes out inert.
    const wb = await loadXlsx(sample);
    const ws = wb.getWorksheet('支部');
    if (ws === undefined) throw new Error('no 支部');
    ws.getCell('B2').value = "=cmd|' /C calc'!A0";
    const hostile = join(dir, 'hostile.xlsx');
    await saveXlsx(wb, hostile);
    const file = join(dir, 'hostile.csv');
    expect((await runCli(['export', hostile, '-o', file])).code).toBeLessThanOrEqual(1);
    const line = (await readFile(file, 'utf8')).split('\r\n')[1] ?? '';
    expect(line).toContain(",'=cmd|' /C calc'!A0,");
    expect(line.split(',').every((f) => !/^[=+\-@\t\r]/.test(f))).toBe(true);
  });
});

describe('export usage', () => {
  it.each([
    [['export'], /需要一个输入文件/],
    [['export', 'x.xlsx'], /-o/],
    [['export', 'x.xlsx', '-o', 'out.pdf'], /\.xlsx 或 \.csv/],
    [['export', 'x.xlsx', '-o', 'out.xlsx', '--sheet', '评定结果'], /--sheet 只用于导出 \.csv/],
    [['export', 'x.xlsx', '-o', 'out.csv', '--sheet', '数据校验'], /--sheet.*数据校验.*公示名单/],
    [['score', 'x.xlsx', '-o', 'out.xlsx', '--scores'], /--scores 不适用于 score/],
  ])('%j exits 2', async (argv, message) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('exits 2 for a missing input and writes nothing', async () => {
    const out = join(dir, 'none.xlsx');
    const run = await runCli(['export', join(dir, 'missing.xlsx'), '-o', out]);
    expect(run.code).toBe(2);
    await expect(stat(out)).rejects.toThrow();
  });

  it('exits 1 when the data has errors, and still writes the export', async () => {
    const wb = await loadXlsx(sample);
    const ws = wb.getWorksheet('评分');
    if (ws === undefined) throw new Error('no 评分');
    // A score far over its 分值 is an error (SCORE_OUT_OF_RANGE).
    for (let r = 2; r <= ws.rowCount; r++) {
      const cell = ws.getRow(r).getCell(5);
      if (typeof cell.value === 'number') {
        cell.value = 1000;
        break;
      }
    }
    const bad = join(dir, 'bad.xlsx');
    await saveXlsx(wb, bad);
    const out = join(dir, 'bad-export.xlsx');
    const run = await runCli(['export', bad, '-o', out]);
    expect(run.code).toBe(1);
    expect((await readWorkbook(await readFile(out))).sheets.map((s) => s.name)).toEqual(SHEETS);
  });

  it('lists export in --help', async () => {
    const run = await runCli(['--help']);
    expect(run.stdout).toContain('export 输入.xlsx -o 汇总.xlsx|汇总.csv');
    expect(run.stdout).toContain('export IN.xlsx -o SUMMARY.xlsx|SUMMARY.csv');
  });
});
