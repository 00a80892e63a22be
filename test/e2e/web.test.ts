/**
 * The web page end to end in real Chromium: open the sample workbook (60 branches, one deliberately bad
 * score cell), run 检查 and 计算 in the task pane, compare what the page shows with the engine run in this
 * process on the same workbook, click the issue and see its cell selected, download the result and read
 * it back; import two evaluators' workbooks split from the sample, apply the merge, compute and export the
 * summary (and the CSV) whose 公示名单 is the whole sample's. Nothing may be requested from anywhere but
 * the local server. Screenshots of every step go to test-artifacts/e2e/ (git-ignored): look at them, the
 * Chinese text must render.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../cli/xlsx-read';
import { writeNewWorkbook } from '../../cli/xlsx-write';
import { localDate } from '../../addin/taskpane/controller';
import { checkWorkbook, runWorkbook, type Issue } from '../../engine/index';
import { exportSheets, toCsv } from '../../engine/export';
import { describeLocation, renderIssue } from '../../engine/messages';
import type { OutputSheet } from '../../engine/output';
import type { RawWorkbook } from '../../engine/raw';
import { sampleSheets, templateSheets } from '../../engine/template';
import { buildWebPage, launchChromium, serveStatic } from './harness';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/e2e', import.meta.url));
const FILE_NAME = '样例-60个支部.xlsx';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The bad cell: 评分!E5 (得分 of the fourth score row) holds text. */
const BAD = { sheet: '评分', row: 4, col: 4, value: '九十' } as const;

/** The sample workbook with text in a score cell. */
async function workbookWithBadCell(): Promise<Uint8Array> {
  const sheets = sampleSheets({ branches: 60 }).map((s): OutputSheet => {
    if (s.name !== BAD.sheet) return s;
    expect(s.columns[BAD.col]?.header).toBe('得分');
    const rows = s.rows.map((r, i) => (i === BAD.row - 1 ? r.map((v, c) => (c === BAD.col ? BAD.value : v)) : r));
    return { ...s, rows };
  });
  return writeNewWorkbook(sheets);
}

interface Setup {
  readonly browser: Browser;
  readonly server: Awaited<ReturnType<typeof serveStatic>>;
  readonly build: Awaited<ReturnType<typeof buildWebPage>>;
}

let setup: Promise<Setup> | undefined;
let context: BrowserContext | undefined;

/**
 * Chromium, the built page and its server, once for the file. Started from inside the tests (not a
 * beforeAll hook) so that a missing /usr/bin/chromium fails every test rather than marking them skipped.
 */
function ready(): Promise<Setup> {
  setup ??= (async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    // The browser first: without it the tests fail at once rather than after the build.
    const browser = await launchChromium();
    const build = await buildWebPage();
    return { browser, build, server: await serveStatic(build.dir) };
  })();
  return setup;
}

afterAll(async () => {
  await context?.close();
  const s = await setup?.catch(() => undefined);
  await s?.browser.close();
  await s?.server.close();
  await s?.build.cleanup();
});

/** A page in a browser of this language, recording every request and every error the page reports. */
async function openPage(locale: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const { browser, server } = await ready();
  await context?.close();
  context = await browser.newContext({ locale, viewport: { width: 1360, height: 900 }, acceptDownloads: true });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(`${server.origin}/index.html`);
  return { page, requests, errors };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, name), fullPage: true, animations: 'disabled' });
}

describe('the web page in Chromium', () => {
  it('opens the sample, checks, selects the bad cell, computes, shows the engine\'s counts and downloads the result', async () => {
    const bytes = await workbookWithBadCell();
    const raw: RawWorkbook = await readWorkbook(bytes);
    const report = runWorkbook(raw, { locale: 'zh-CN' });
    const issues = checkWorkbook(raw);
    const bad = issues.find((i: Issue) => i.at.sheet === BAD.sheet && 'row' in i.at && i.at.row === BAD.row && 'col' in i.at && i.at.col === BAD.col);
    expect(bad, 'the engine reports the text in 评分!E5').toBeDefined();
    if (bad === undefined) return;

    const { page, requests, errors } = await openPage('zh-CN');
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('支部评定');
    await shot(page, '01-start.png');

    // Open: the file input (drag and drop ends in the same handler).
    await page.getByTestId('file-input').setInputFiles({ name: FILE_NAME, mimeType: XLSX, buffer: Buffer.from(bytes) });
    await page.getByRole('tab', { name: '检查' }).waitFor();
    expect(await page.getByTestId('file-name').textContent()).toContain(FILE_NAME);
    await shot(page, '02-opened.png');

    // 检查: the totals are the engine's.
    await page.getByRole('tab', { name: '检查' }).click();
    await page.getByRole('button', { name: '开始检查' }).click();
    const errorCount = issues.filter((i) => i.severity === 'error').length;
    await page.getByText(`共 ${errorCount} 个错误，${issues.length - errorCount} 个警告`).waitFor();
    await shot(page, '03-checked.png');

    // Click the issue: the page shows the selection and the preview highlights the cell.
    const label = `定位到 ${describeLocation(bad.at)}：${renderIssue(bad, 'zh-CN')}`;
    expect(describeLocation(bad.at)).toBe('评分!E5');
    await page.getByRole('button', { name: label }).click();
    await expect.poll(() => page.getByTestId('selection-address').textContent()).toBe('已选中 评分!E5');
    const target = page.getByTestId('preview-target');
    expect(await target.getAttribute('data-address')).toBe('E5');
    expect(await target.textContent()).toBe(BAD.value);
    await target.scrollIntoViewIfNeeded();
    await shot(page, '04-issue-selected.png');

    // 计算 → 结果: the grade counts shown are the engine's.
    await page.getByRole('tab', { name: '计算' }).click();
    await page.getByRole('button', { name: '开始计算' }).click();
    await page.getByRole('button', { name: '查看结果' }).click();
    const bars = page.locator('svg[role="img"] g[data-label]');
    await bars.first().waitFor();
    const shown = await bars.evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-label'), Number(g.getAttribute('data-count'))] as const));
    const names = report.model.settings.gradeNames;
    expect(shown).toEqual([...names.map((n, i) => [n, report.summary.gradeCounts[i] ?? 0] as const), ['未评定', report.summary.unrated] as const]);
    expect(shown.reduce((n, [, c]) => n + c, 0)).toBe(60);
    await shot(page, '05-results.png');

    // 下载结果: the file holds exactly the input sheets plus the engine's outputs.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    expect(download.suggestedFilename()).toBe('样例-60个支部-评定结果.xlsx');
    const path = await download.path();
    const saved = await readWorkbook(await readFile(path));
    expect(saved.sheets.map((s) => s.name)).toEqual([...raw.sheets.map((s) => s.name), ...report.outputs.map((o) => o.name)]);
    expect(saved.sheets.slice(0, raw.sheets.length)).toEqual(raw.sheets);
    // The outputs as the CLI's writer writes them (a workbook of the outputs alone: quicker than the whole).
    expect(saved.sheets.slice(raw.sheets.length)).toEqual((await readWorkbook(await writeNewWorkbook(report.outputs))).sheets);
    await shot(page, '06-downloaded.png');

    // Nothing left the machine: every request went to the local server (or stayed in the page as blob:/data:).
    const { origin } = (await ready()).server;
    const foreign = requests.filter((u) => !(u.startsWith(`${origin}/`) || u.startsWith(`blob:${origin}/`) || u.startsWith('data:')));
    expect(foreign).toEqual([]);
    expect(requests.some((u) => u.endsWith('/index.html'))).toBe(true);
    expect(errors).toEqual([]);
  });

  it('tells in Chinese why a file cannot be opened, and follows an English browser', async () => {
    const { page, errors } = await openPage('zh-CN');
    // Dropped on the page this time (an OLE header: a legacy .xls).
    const dropped = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])], '旧表格.xls', { type: 'application/vnd.ms-excel' }));
      return dt;
    });
    await page.dispatchEvent('main', 'dragover', { dataTransfer: dropped });
    await page.dispatchEvent('main', 'drop', { dataTransfer: dropped });
    const error = page.getByTestId('open-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('「旧表格.xls」是旧版 .xls 文件');
    expect(await error.textContent()).toContain('另存为 .xlsx');
    await shot(page, '07-unreadable.png');
    expect(errors).toEqual([]);

    const en = await openPage('en-US');
    await expect.poll(() => en.page.locator('h1').first().textContent()).toBe('Branch Rating');
    expect(await en.page.getByRole('button', { name: 'Open .xlsx' }).count()).toBe(1);
    await shot(en.page, '08-english.png');
  });

  it('starts a blank workbook, adds the template sheets in 准备 and downloads them', async () => {
    const { page, requests, errors } = await openPage('zh-CN');
    await page.getByRole('button', { name: '新建空白工作簿' }).click();
    await page.getByRole('button', { name: '创建缺少的工作表' }).click();
    await page.getByText(/^已创建：/).waitFor();
    await shot(page, '09-blank-prepared.png');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
    expect(download.suggestedFilename()).toBe('新工作簿-评定结果.xlsx');
    const saved = await readWorkbook(await readFile(await download.path()));
    const template = templateSheets({ locale: 'zh-CN' });
    expect(saved.sheets.map((s) => s.name)).toEqual(template.map((s) => s.name));
    const { origin } = (await ready()).server;
    expect(requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith(`blob:${origin}/`))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('imports two evaluators\' workbooks, applies the merge, computes and exports the 公示名单 of the whole sample', async () => {
    // The sample split in three: the office's master without two raters' 评分- forms, and one file per rater
    // (the office's 支部, 指标 and 参数 with the rater's filled form), as evaluators send them back.
    const full = sampleSheets({ branches: 20, upperRaters: 3, ballots: false });
    const forms = full.filter((s) => s.name.startsWith('评分-')).slice(0, 2);
    expect(forms).toHaveLength(2);
    const base = full.filter((s) => ['支部', '指标', '参数'].includes(s.name));
    const master = await writeNewWorkbook(full.filter((s) => !forms.includes(s)));
    const files = await Promise.all(forms.map(async (f) => ({ name: `${f.name.slice(3)}.xlsx`, mimeType: XLSX, buffer: Buffer.from(await writeNewWorkbook([...base, f])) })));
    // What the whole sample grades to, exported today.
    const report = runWorkbook(await readWorkbook(await writeNewWorkbook(full)), { locale: 'zh-CN' });
    const expected = exportSheets(report, { date: localDate(new Date()), locale: 'zh-CN' });

    const { page, requests, errors } = await openPage('zh-CN');
    await page.getByTestId('file-input').setInputFiles({ name: '党委汇总.xlsx', mimeType: XLSX, buffer: Buffer.from(master) });
    await page.getByRole('tab', { name: '导入' }).click();
    await page.getByTestId('import-files').setInputFiles(files);
    const summary = page.getByRole('table', { name: '各文件的内容' });
    await summary.waitFor();
    const rows = await summary.getByRole('row').evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows.map((r) => r.slice(0, 2))).toEqual(files.map((f) => [f.name, '可合并']));
    expect(rows.map((r) => r[2])).toEqual(forms.map((f) => `${f.name} ${f.rows.length} 行`));
    await shot(page, '10-import-summary.png');

    await page.getByRole('button', { name: '应用合并' }).click();
    await page.getByText('合并已写入当前工作簿。请到“计算”重新计算。').waitFor();
    await shot(page, '11-import-applied.png');

    await page.getByRole('tab', { name: '计算' }).click();
    await page.getByRole('button', { name: '开始计算' }).click();
    await page.getByRole('button', { name: '查看结果' }).waitFor();

    await page.getByRole('tab', { name: '导出' }).click();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出汇总工作簿' }).click()]);
    expect(xlsx.suggestedFilename()).toBe('2026年度支部评定结果.xlsx');
    await page.getByText('已下载「2026年度支部评定结果.xlsx」。').waitFor();
    await shot(page, '12-exported.png');
    const exportedBytes = await readFile(await xlsx.path());
    const exported = await readWorkbook(exportedBytes);
    // 单位汇总 carries its grade-distribution chart (cli/xlsx-chart.ts, through writeNewWorkbook).
    const { default: JSZip } = await import('jszip');
    const parts = Object.keys((await JSZip.loadAsync(exportedBytes)).files);
    expect(parts.filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(1);
    expect(exported.sheets.map((s) => s.name)).toEqual(['公示名单', '单位汇总', '评定结果', '问题清单']);
    // 公示名单 holds the rows of the whole sample: the merge brought every score the split took away.
    const want = await readWorkbook(await writeNewWorkbook(expected.slice(0, 1)));
    expect(exported.sheets[0]).toEqual(want.sheets[0]);
    expect(exported.sheets[0]?.cells.length).toBe(3 + 20);

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV（公示名单）' }).click()]);
    expect(csv.suggestedFilename()).toBe('2026年度支部评定公示名单.csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await readFile(await csv.path()));
    expect(text).toBe(toCsv(expected[0]!));

    const { origin } = (await ready()).server;
    expect(requests.filter((u) => !(u.startsWith(`${origin}/`) || u.startsWith(`blob:${origin}/`) || u.startsWith('data:')))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
