import { copyFile, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_SHEET_NAMES } from '../../engine/output';
import { columnOf, loadXlsx, readRaw, records, rowOf, runCli, sampleFile, saveXlsx, sheetOf, tempDir } from './helpers';

let dir = '';
let cleanup: () => Promise<void> = async () => undefined;
/** A clean 12-branch sample, shared read-only by the tests below. */
let sample = '';

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('main'));
  sample = await sampleFile(dir, 'sample.xlsx');
});
afterAll(() => cleanup());

/** Make a sample with one invalid score (`abc` in a wide form): a data error. */
async function brokenSample(name: string): Promise<{ file: string; sheet: string; cell: string }> {
  const file = join(dir, name);
  const wb = await loadXlsx(sample);
  const ws = wb.worksheets.find((w) => w.name.startsWith('评分-'));
  if (!ws) throw new Error('the sample has no wide form');
  const headerRow = 3; // instruction line, 评分人类别 label, then the header (engine/template)
  const row = rowOf(ws, '支部编号', '002', headerRow);
  const cell = ws.getRow(row).getCell(3);
  cell.value = 'abc';
  await saveXlsx(wb, file);
  return { file, sheet: ws.name, cell: cell.address };
}

describe('usage', () => {
  it('prints Chinese usage with English below for --help and for no arguments (exit 0)', async () => {
    for (const argv of [['--help'], [], ['score', '-h']]) {
      const run = await runCli(argv);
      expect(run.code).toBe(0);
      expect(run.stdout.indexOf('用法')).toBeGreaterThanOrEqual(0);
      expect(run.stdout.indexOf('用法')).toBeLessThan(run.stdout.indexOf('Usage'));
    }
  });

  it('puts English first with --lang en-US', async () => {
    const run = await runCli(['--help', '--lang', 'en-US']);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('Usage')).toBe(true);
  });

  it.each([
    [['grade', 'x.xlsx'], '未知命令'],
    [['score'], '需要一个输入文件'],
    [['score', 'in.xlsx'], '-o'],
    [['score', 'in.xlsx', '-o', 'out.csv'], '.xlsx'],
    [['score', 'a.xlsx', 'b.xlsx', '-o', 'o.xlsx'], '多余的参数'],
    [['check', 'in.xlsx', '--sample', '3'], '--sample'],
    [['check', 'in.xlsx', '--bogus'], '命令行选项有误'],
    [['check', 'in.xlsx', '--lang', 'fr-FR'], 'fr-FR'],
    [['template', '-o', 'x.xlsx', '--sample', '0'], '--sample'],
    [['template', '-o', 'x.xlsx', '--sample', '3', '--form', 'tall'], '--form'],
    [['template', '-o', 'x.xlsx', '--seed', '3'], '--seed'],
    [['-o', 'x.xlsx'], 'branch-rating'],
  ])('exits 2 on bad usage: %j', async (argv, text) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(text);
  });

  it('speaks English on bad usage with --lang en-US', async () => {
    const run = await runCli(['score', '--lang', 'en-US']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('needs an input file');
  });
});

describe('unreadable files (exit 2, the file named)', () => {
  it('a missing file', async () => {
    const missing = join(dir, '不存在.xlsx');
    const run = await runCli(['score', missing, '-o', join(dir, 'o.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`找不到文件“${missing}”`);
  });

  it('a text file named .xlsx', async () => {
    const file = join(dir, 'text.xlsx');
    await writeFile(file, '支部编号,支部名称\n001,一支部\n');
    const run = await runCli(['check', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(file);
    expect(run.stderr).toContain('不是有效的 .xlsx');
  });

  it('an old .xls (OLE2) file', async () => {
    const file = join(dir, 'old.xlsx');
    await writeFile(file, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const run = await runCli(['check', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('另存为');
  });

  it('a corrupt zip', async () => {
    const file = join(dir, 'corrupt.xlsx');
    await writeFile(file, new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]));
    const run = await runCli(['check', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(file);
  });

  it('an output folder that does not exist: exit 2, and no temp file left behind', async () => {
    const out = join(dir, 'no-such-folder', 'out.xlsx');
    const run = await runCli(['score', sample, '-o', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('文件夹不存在');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('template', () => {
  it('writes the blank template', async () => {
    const out = join(dir, 'blank.xlsx');
    const run = await runCli(['template', '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(resolve(out));
    const names = (await readRaw(out)).sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['支部', '指标', '参数']));
  });

  it('writes a long-form sample with --form long and a wide one by default', async () => {
    const long = join(dir, 'long.xlsx');
    expect((await runCli(['template', '--sample', '5', '--form', 'long', '-o', long])).code).toBe(0);
    const longNames = (await readRaw(long)).sheets.map((s) => s.name);
    expect(longNames.some((n) => n.startsWith('评分-'))).toBe(false);
    expect(longNames).toContain('评分');
    const wideNames = (await readRaw(sample)).sheets.map((s) => s.name);
    expect(wideNames.some((n) => n.startsWith('评分-'))).toBe(true);
  });

  it('is deterministic for a given seed', async () => {
    const a = join(dir, 'seed-a.xlsx');
    const b = join(dir, 'seed-b.xlsx');
    await runCli(['template', '--sample', '6', '--seed', '42', '-o', a]);
    await runCli(['template', '--sample', '6', '--seed', '42', '-o', b]);
    expect(await readRaw(a)).toEqual(await readRaw(b));
  });
});

describe('score', () => {
  it('scores a clean workbook: exit 0, summary on stdout, progress on stderr, inputs unchanged', async () => {
    const out = join(dir, 'result.xlsx');
    const run = await runCli(['score', sample, '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/等次分布：好 \d+ · 较好 \d+ · 一般 \d+ · 较差 \d+ · 未评定 0/);
    expect(run.stdout).toMatch(/六强达标：\d+/);
    expect(run.stdout).toMatch(/红旗候选：\d+/);
    expect(run.stdout).toMatch(/问题数：\d+/);
    expect(run.stdout).toContain('错误 0');
    expect(run.stdout).toContain(resolve(out));
    expect(run.stderr).toMatch(/读取 .*sample\.xlsx … \d+(\.\d)? m?s/);
    expect(run.stderr).toMatch(/计算 … \d+(\.\d)? m?s/);
    expect(run.stderr).toMatch(/写入 .*result\.xlsx … \d+(\.\d)? m?s/);

    const before = await readRaw(sample);
    const after = await readRaw(out);
    expect(after.sheets.slice(0, before.sheets.length)).toEqual(before.sheets);
    const added = after.sheets.slice(before.sheets.length).map((s) => s.name);
    expect(added).toEqual(expect.arrayContaining(['评定结果', '问题清单', '单位汇总', '数据校验']));
    for (const n of added) expect(OUTPUT_SHEET_NAMES as readonly string[]).toContain(n);
    // The summary's grade counts are the 评定结果 sheet's.
    const grades = records(sheetOf(after, '评定结果')).map((r) => r['等次']);
    expect(grades).toHaveLength(12);
    const good = Number(/好 (\d+)/.exec(run.stdout)?.[1]);
    expect(grades.filter((g) => g === '好')).toHaveLength(good);
  });

  it('prints the summary in English with --lang en-US', async () => {
    const run = await runCli(['score', sample, '-o', join(dir, 'result-en.xlsx'), '--lang', 'en-US']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Grades: ');
    expect(run.stderr).toContain('Reading ');
  });

  it('exits 1 on data errors and still writes everything computable', async () => {
    const broken = await brokenSample('broken.xlsx');
    const out = join(dir, 'broken-result.xlsx');
    const run = await runCli(['score', broken.file, '-o', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('数据校验');
    const raw = await readRaw(out);
    expect(records(sheetOf(raw, '评定结果'))).toHaveLength(12);
    const issues = records(sheetOf(raw, '数据校验'));
    expect(issues.some((i) => i['代码'] === 'NUMBER_INVALID' && i['工作表'] === broken.sheet && i['单元格'] === broken.cell)).toBe(true);
  });

  it('may write over its input (OUT = IN), keeping the input sheets', async () => {
    const file = join(dir, 'inplace.xlsx');
    await copyFile(sample, file);
    const before = await readRaw(file);
    expect((await runCli(['score', file, '-o', file])).code).toBe(0);
    const after = await readRaw(file);
    expect(after.sheets.slice(0, before.sheets.length)).toEqual(before.sheets);
    expect(after.sheets.map((s) => s.name)).toContain('评定结果');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps what users typed in 问题清单 across runs, and keeps a gap no longer found as 本次未检出', async () => {
    // A branch with no 党课 at all: a 会议次数不足 gap on the first run.
    const input = join(dir, 'rerun.xlsx');
    const wb0 = await loadXlsx(sample);
    const ledger = wb0.getWorksheet('台账');
    if (!ledger) throw new Error('no 台账');
    const ledgerRow = rowOf(ledger, '支部编号', '003');
    const lessonCol = columnOf(ledger, '党课');
    ledger.getRow(ledgerRow).getCell(lessonCol).value = 0;
    await saveXlsx(wb0, input);

    const first = join(dir, 'rerun-1.xlsx');
    expect((await runCli(['score', input, '-o', first])).code).toBe(0);
    const firstGaps = records(sheetOf(await readRaw(first), '问题清单'));
    const target = firstGaps.find((g) => g['支部编号'] === '003' && g['问题类型'] === '会议次数不足' && g['项目'] === '党课');
    expect(target?.['检出状态']).toBe('本次检出');
    const other = firstGaps.find((g) => g !== target);
    if (!other) throw new Error('need a second gap');

    // Type into the user columns of both gaps, and fix the ledger so the 党课 gap disappears.
    const wb1 = await loadXlsx(first);
    const gapsWs = wb1.getWorksheet('问题清单');
    if (!gapsWs) throw new Error('no 问题清单');
    const typed = {
      整改措施: '补上党课两次',
      责任人: '王书记',
      整改时限: '2026年6月',
      整改状态: '整改中',
      销号日期: new Date(Date.UTC(2026, 5, 30)),
    };
    const rowFor = (g: Record<string, unknown>): number => {
      for (let r = 2; r <= gapsWs.rowCount; r++) {
        const row = gapsWs.getRow(r);
        const v = (h: string) => row.getCell(columnOf(gapsWs, h)).value;
        if (v('支部编号') === g['支部编号'] && v('问题类型') === g['问题类型'] && v('项目') === g['项目']) return r;
      }
      throw new Error('gap row not found');
    };
    for (const g of [target, other]) {
      if (!g) continue;
      const row = gapsWs.getRow(rowFor(g));
      for (const [h, v] of Object.entries(typed)) row.getCell(columnOf(gapsWs, h)).value = v;
    }
    const ledger1 = wb1.getWorksheet('台账');
    if (!ledger1) throw new Error('no 台账');
    ledger1.getRow(ledgerRow).getCell(lessonCol).value = 8;
    const edited = join(dir, 'rerun-edited.xlsx');
    await saveXlsx(wb1, edited);

    const second = join(dir, 'rerun-2.xlsx');
    expect((await runCli(['score', edited, '-o', second])).code).toBe(0);
    const gaps = records(sheetOf(await readRaw(second), '问题清单'));
    const kept = gaps.find((g) => g['支部编号'] === '003' && g['问题类型'] === '会议次数不足' && g['项目'] === '党课');
    expect(kept).toMatchObject({ ...typed, 检出状态: '本次未检出' });
    const still = gaps.find((g) => g['支部编号'] === other['支部编号'] && g['问题类型'] === other['问题类型'] && g['项目'] === other['项目']);
    expect(still).toMatchObject({ ...typed, 检出状态: '本次检出' });
    // One sheet each, never duplicated by the re-run.
    const names = (await readRaw(second)).sheets.map((s) => s.name);
    expect(names.filter((n) => n === '问题清单')).toHaveLength(1);
  });
});

describe('check', () => {
  it('reports no issues on a clean workbook (exit 0)', async () => {
    const run = await runCli(['check', sample]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('未发现问题');
  });

  it('lists the issues as an aligned table (exit 1 on errors)', async () => {
    const broken = await brokenSample('broken-check.xlsx');
    const run = await runCli(['check', broken.file]);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^级别\s+工作表\s+单元格\s+代码\s+说明$/);
    const row = lines.find((l) => l.includes('NUMBER_INVALID'));
    expect(row).toBeDefined();
    expect(row).toContain(broken.sheet);
    expect(row).toMatch(new RegExp(`\\s${broken.cell}\\s`));
    expect(row?.startsWith('错误')).toBe(true);
    // Columns line up: 代码 starts at the same terminal column on the header and on the row.
    const header = lines[0] ?? '';
    const codeAt = (l: string, word: string) => widthTo(l, l.indexOf(word));
    expect(codeAt(row ?? '', 'NUMBER_INVALID')).toBe(codeAt(header, '代码'));
    expect(run.stdout).toMatch(/共 \d+ 个问题：错误 [1-9]\d*/);
  });

  it('speaks English with --lang en-US', async () => {
    const broken = await brokenSample('broken-en.xlsx');
    const run = await runCli(['check', broken.file, '--lang', 'en-US']);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toMatch(/^Level\s+Sheet\s+Cell\s+Code\s+Message$/);
  });
});

/** Terminal width of the first `n` UTF-16 units of a line (CJK counts two). */
function widthTo(line: string, n: number): number {
  let w = 0;
  for (const ch of line.slice(0, n)) w += /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
