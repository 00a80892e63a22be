/**
 * The exported summary through LibreOffice headless, as WPS/LibreOffice users will open it: converted
 * to .xlsx it keeps the sheets, the chart (as a chart part with the same ranges) and the print setup;
 * converted to PDF every page is landscape A4. This test fails, never skips, without `soffice`
 * (CI installs libreoffice-calc-nogui).
 *
 * What LibreOffice rewrites on the way (seen in its output, not asserted): sheet names in chart and
 * print-title references lose their quotes (`单位汇总!$A$4:$A$15`; it quotes only names that need
 * it), the chart's c:lang becomes its own UI language (en-US), pageSetup gains its own DPI, copies
 * and pageOrder fields. It drops nothing we assert on: the sheets, title rows, values, the chart (type,
 * series, ranges, title, cached values, its anchor below the table), the table style and the print
 * setup all survive; the PDF shows the pages are landscape A4.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readRaw, records, runCli, sampleFile, sheetOf, tempDir } from './helpers';

const run = promisify(execFile);

let dir = '';
let exported = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('export-lo'));
  const sample = await sampleFile(dir, 'sample.xlsx', 20);
  exported = join(dir, 'summary.xlsx');
  expect((await runCli(['export', sample, '-o', exported])).code).toBe(0);
});
afterAll(() => cleanup());

/** Convert with soffice into `outdir`, on a private profile so parallel runs do not lock one. */
async function convert(file: string, to: 'xlsx' | 'pdf', outdir: string): Promise<void> {
  await mkdir(outdir, { recursive: true });
  const profile = `file://${join(dir, `lo-${to}-${process.pid}`)}`;
  try {
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', outdir, file], { timeout: 110_000 });
  } catch (e) {
    if ((e as { code?: unknown }).code === 'ENOENT') throw new Error('soffice (LibreOffice) is not installed: apt-get install -y libreoffice-calc-nogui');
    throw e;
  }
}

async function part(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (f === null) throw new Error(`no ${path}; have ${Object.keys(zip.files).join(', ')}`);
  return f.async('string');
}

it('LibreOffice keeps the sheets, the chart and the print setup of the export', async () => {
  const outdir = join(dir, 'xlsx');
  await convert(exported, 'xlsx', outdir);
  const converted = join(outdir, 'summary.xlsx');

  const before = await readRaw(exported);
  const after = await readRaw(converted);
  expect(after.sheets.map((s) => s.name)).toEqual(['公示名单', '单位汇总', '评定结果', '问题清单']);
  for (const name of ['公示名单', '单位汇总', '评定结果']) {
    expect(sheetOf(after, name).cells.slice(0, 2)).toEqual(sheetOf(before, name).cells.slice(0, 2)); // title and date
    expect(records(sheetOf(after, name), 2)).toEqual(records(sheetOf(before, name), 2));
  }

  const zip = await JSZip.loadAsync(await readFile(converted));
  const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
  expect(charts).toHaveLength(1);
  const chart = await part(zip, charts[0] as string);
  expect(chart).toContain('<c:barDir val="col"/>');
  expect(chart).toContain('<c:grouping val="clustered"/>');
  expect(chart.match(/<c:ser>/g)).toHaveLength(4);
  // Same ranges; LibreOffice writes the sheet name unquoted. 20 branches → 20 units: rows 4–23, 合计 on 24 out.
  const refs = [...chart.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => (m[1] ?? '').replace(/&apos;|'/g, ''));
  expect(refs.slice(0, 3)).toEqual(['单位汇总!$D$3', '单位汇总!$A$4:$A$23', '单位汇总!$D$4:$D$23']);
  expect(chart).toContain('各单位等次分布');

  // Every sheet: landscape A4, fit to 1 page wide × automatic height, rows 1–3 repeated.
  const workbook = await part(zip, 'xl/workbook.xml');
  for (let i = 1; i <= 4; i++) {
    const sheet = await part(zip, `xl/worksheets/sheet${i}.xml`);
    const pageSetup = /<pageSetup\b[^>]*>/.exec(sheet)?.[0] ?? '';
    expect(pageSetup).toContain('orientation="landscape"');
    expect(pageSetup).toContain('fitToWidth="1"');
    expect(pageSetup).toContain('fitToHeight="0"');
    expect(pageSetup).toContain('paperSize="9"');
    expect(sheet).toMatch(/<pageSetUpPr fitToPage="(true|1)"\/>/);
  }
  const titles = [...workbook.matchAll(/<definedName[^>]*name="_xlnm\.Print_Titles"[^>]*>([^<]*)</g)].map((m) => (m[1] ?? '').replace(/&apos;|'/g, ''));
  expect(titles).toEqual(['公示名单!$1:$3', '单位汇总!$1:$3', '评定结果!$1:$3', '问题清单!$1:$3']);
});

it('LibreOffice prints the export on landscape A4 pages', async () => {
  const outdir = join(dir, 'pdf');
  await convert(exported, 'pdf', outdir);
  const pdf = (await readFile(join(outdir, 'summary.pdf'))).toString('latin1');
  const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Number(m[3]), Number(m[4])]);
  const pages = pdf.match(/\/Type\s*\/Page\b/g) ?? [];
  // At least one page per sheet (the chart adds to 单位汇总's).
  expect(pages.length).toBeGreaterThanOrEqual(4);
  expect(boxes.length).toBeGreaterThanOrEqual(1);
  // A4 landscape: 842 × 595 points.
  for (const [w, h] of boxes) {
    expect(Math.round(w ?? 0)).toBe(842);
    expect(Math.round(h ?? 0)).toBe(595);
  }
});
