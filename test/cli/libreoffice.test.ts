/**
 * The written workbook opens in LibreOffice (as WPS and Excel users' files must) and survives a
 * round trip through it. This test fails, never skips, without `soffice`: CI installs it
 * (apt-get install libreoffice-calc-nogui).
 */
import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readRaw, records, runCli, sampleFile, sheetOf, tempDir } from './helpers';

const run = promisify(execFile);

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('lo'));
});
afterAll(() => cleanup());

it('LibreOffice opens the scored workbook and its output sheets and values survive a re-save', async () => {
  const sample = await sampleFile(dir, 'sample.xlsx', 20);
  const result = join(dir, 'result.xlsx');
  expect((await runCli(['score', sample, '-o', result])).code).toBe(0);

  const outdir = join(dir, 'converted');
  await mkdir(outdir);
  // A private profile: parallel or earlier soffice runs must not share (and lock) one.
  const profile = `file://${join(dir, `lo-${process.pid}`)}`;
  try {
    await run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', outdir, result], {
      timeout: 110_000,
    });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'ENOENT') throw new Error('soffice (LibreOffice) is not installed: apt-get install -y libreoffice-calc-nogui');
    throw e;
  }

  const before = await readRaw(result);
  const after = await readRaw(join(outdir, 'result.xlsx'));
  expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
  for (const name of ['评定结果', '问题清单', '单位汇总', '数据校验']) {
    expect(sheetOf(after, name).cells[0]).toEqual(sheetOf(before, name).cells[0]);
  }
  const pick = (rows: Record<string, unknown>[]) => rows.map((r) => [r['支部编号'], r['总分'], r['等次'], r['六强达标'], r['红旗候选']]);
  const resultsBefore = records(sheetOf(before, '评定结果'));
  expect(resultsBefore).toHaveLength(20);
  expect(pick(records(sheetOf(after, '评定结果')))).toEqual(pick(resultsBefore));
  expect(records(sheetOf(after, '问题清单'))).toHaveLength(records(sheetOf(before, '问题清单')).length);
  expect(records(sheetOf(after, '单位汇总'))).toEqual(records(sheetOf(before, '单位汇总')));
  // An input sheet too: ids stay text (`001`), numbers stay numbers.
  expect(sheetOf(after, '支部').cells.slice(0, 3)).toEqual(sheetOf(before, '支部').cells.slice(0, 3));
});
