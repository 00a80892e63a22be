/**
 * `branch-rating merge` through real .xlsx files: the sample split into a master and 10 evaluator files
 * merges back into the single workbook's results; the merged sheets keep their tables; a file merged
 * again is refused (exit 1); bad usage and unreadable files exit 2.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputSheet } from '../../engine/output';
import type { RawSheet, RawWorkbook } from '../../engine/raw';
import { sampleSheets } from '../../engine/template';
import { writeNewWorkbook } from '../../cli/xlsx-write';
import { grade, gradingDigest, splitSample } from '../engine/merge/helpers';
import { loadXlsx, readRaw, runCli, tempDir } from './helpers';

/** A raw sheet as the writer takes it: rows above the first 支部编号/党员编号 row are its preamble. */
function toOutput(s: RawSheet, i: number): OutputSheet {
  const h = Math.max(
    0,
    s.cells.findIndex((r) => r.includes('支部编号') || r.includes('党员编号')),
  );
  return {
    name: s.name,
    tableName: `T${i}`,
    preamble: s.cells.slice(0, h).map((r) => r.map((v) => (typeof v === 'object' && v !== null && !(v instanceof Date) ? null : v))),
    columns: (s.cells[h] ?? []).map((v) => ({ header: String(v ?? '') })),
    rows: s.cells.slice(h + 1).map((r) => r.map((v) => (typeof v === 'object' && v !== null && !(v instanceof Date) ? null : v))),
    freezeColumns: 0,
    highlights: [],
  };
}

async function writeRaw(file: string, raw: RawWorkbook): Promise<void> {
  await writeFile(file, await writeNewWorkbook(raw.sheets.map(toOutput)));
}

describe('merge command', () => {
  let dir = '';
  let cleanup: () => Promise<void> = async () => undefined;
  const split = splitSample(20);
  const files: string[] = [];

  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir('merge'));
    // The master as the template writes it (every input sheet an Excel table).
    const masterNames = new Set(split.master.sheets.map((s) => s.name));
    const masterSheets = sampleSheets({ branches: 20 })
      .filter((s) => masterNames.has(s.name))
      .map((s) => (s.name === '评分' ? { ...s, rows: s.rows.filter((r) => r[3] === '自评') } : s));
    await writeFile(join(dir, 'master.xlsx'), await writeNewWorkbook(masterSheets));
    await writeRaw(join(dir, 'single.xlsx'), split.single);
    for (const e of split.evaluators) {
      const file = join(dir, e.name);
      await writeRaw(file, e.workbook);
      files.push(file);
    }
  });
  afterAll(() => cleanup());

  it('merges 10 evaluator files into exactly the single workbook’s results', async () => {
    const out = join(dir, 'out.xlsx');
    const run = await runCli(['merge', join(dir, 'master.xlsx'), ...files, '-o', out]);
    expect(run.stderr).not.toContain('内部错误');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('评委1.xlsx  已合并：');
    expect(run.stdout).toMatch(/评委5\.xlsx  已合并：.*评分-.* \d+ 行/);
    const merged = await readRaw(out);
    const single = await readRaw(join(dir, 'single.xlsx'));
    expect(gradingDigest(grade(merged))).toEqual(gradingDigest(grade(single)));

    // 评分's table grew over the appended rows and the new 来源 column.
    const wb = await loadXlsx(out);
    const ws = wb.getWorksheet('评分');
    const table = ws?.getTables()[0] as unknown as { model: { tableRef: string; columns: { name: string }[] } };
    expect(table.model.columns.map((c) => c.name).at(-1)).toBe('来源');
    const scores = merged.sheets.find((s) => s.name === '评分');
    expect(table.model.tableRef).toBe(`A1:G${scores?.cells.length}`);
    expect(scores?.cells[0]).toEqual(['支部编号', '指标编号', '评分人', '评分人类别', '得分', '备注', '来源']);
    expect(scores?.cells.at(-1)?.at(-1)).toBe('评委8.xlsx');
  });

  it('refuses a file merged before and exits 1, writing the rest', async () => {
    const out = join(dir, 'out.xlsx');
    const again = join(dir, 'again.xlsx');
    const run = await runCli(['merge', out, files[0] ?? '', '-o', again, '--lang', 'en-US']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('评委1.xlsx  not merged: already merged');
    const before = gradingDigest(grade(await readRaw(out)));
    expect(gradingDigest(grade(await readRaw(again)))).toEqual(before);
  });

  it('lists a rubric refusal with the differing indicators', async () => {
    const changed = join(dir, 'changed.xlsx');
    const rubric = split.master.sheets.find((s) => s.name === '指标');
    if (!rubric) throw new Error('no 指标');
    const cells = rubric.cells.map((r, i) => (i === 1 ? r.map((v, c) => (c === rubric.cells[0]?.indexOf('分值') ? 99 : v)) : r));
    await writeRaw(changed, { sheets: [{ name: '指标', cells }, ...(split.evaluators[0]?.workbook.sheets ?? [])] });
    const run = await runCli(['merge', join(dir, 'master.xlsx'), changed, '-o', join(dir, 'x.xlsx')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/changed\.xlsx {2}未合并：指标与主工作簿不同/);
    expect(run.stdout).toMatch(/指标 1\.1 的分值：主工作簿“\d+”，本文件“99”/);
  });

  it('exits 2 on bad usage or an unreadable file', async () => {
    expect((await runCli(['merge', join(dir, 'master.xlsx'), '-o', join(dir, 'y.xlsx')])).code).toBe(2);
    expect((await runCli(['merge', join(dir, 'master.xlsx'), files[0] ?? ''])).code).toBe(2);
    const missing = await runCli(['merge', join(dir, 'master.xlsx'), join(dir, 'nope.xlsx'), '-o', join(dir, 'y.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.xlsx');
  });
});
