/**
 * The golden workbook: test/fixtures/golden/input.xlsx scored through the CLI, every number compared with
 * the hand-computed expectations in test/fixtures/golden/expected.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { readWorkbook } from '../../cli/xlsx-read';
import type { RawSheet, RawWorkbook, Scalar } from '../../engine/raw';
import { DIMENSIONS, EXPECTED_GAPS, EXPECTED_RESULTS, EXPECTED_UNITS } from '../fixtures/golden/expected';

const input = join(__dirname, '../fixtures/golden/input.xlsx');
let dir: string;
let out: RawWorkbook;
let before: RawWorkbook;
let exitCode: number;
let stdout = '';

/** Rows of a sheet as records keyed by the header (first row). */
function records(sheet: RawSheet): Record<string, Scalar>[] {
  const [header, ...rows] = sheet.cells;
  const names = (header ?? []).map((h) => String(h ?? ''));
  return rows.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i] ?? null])));
}

function sheet(wb: RawWorkbook, name: string): RawSheet {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`sheet ${name} missing`);
  return s;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'golden-'));
  const output = join(dir, 'out.xlsx');
  exitCode = await main(['score', input, '-o', output], {
    stdout: (s) => {
      stdout += s;
    },
    stderr: () => undefined,
  });
  out = await readWorkbook(readFileSync(output));
  before = await readWorkbook(readFileSync(input));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('golden workbook through the CLI', () => {
  it('exits 1 because branch 07 cannot be graded, and still writes everything', () => {
    expect(exitCode).toBe(1);
    expect(stdout).toContain('out.xlsx');
    for (const name of ['评定结果', '问题清单', '单位汇总', '数据校验']) expect(() => sheet(out, name)).not.toThrow();
  });

  it('leaves every input sheet exactly as it was', () => {
    for (const s of before.sheets) expect(sheet(out, s.name).cells).toEqual(s.cells);
  });

  it('writes 评定结果 with the hand-computed numbers', () => {
    const rows = records(sheet(out, '评定结果'));
    expect(rows.map((r) => r['支部编号'])).toEqual(EXPECTED_RESULTS.map((e) => e.id));
    for (const e of EXPECTED_RESULTS) {
      const r = rows.find((x) => x['支部编号'] === e.id)!;
      const ctx = `branch ${e.id}`;
      DIMENSIONS.forEach((d, i) => expect(r[d], `${ctx} ${d}`).toBe(e.dims[i]));
      expect(r['加分'], ctx).toBe(e.bonus);
      expect(r['扣分'], ctx).toBe(e.deduction);
      expect(r['百分制'], ctx).toBe(e.percent);
      expect(r['总分'], ctx).toBe(e.total);
      expect(r['排名'], ctx).toBe(e.rank);
      expect(r['单位排名'], ctx).toBe(e.unitRank);
      expect(r['强项数'], ctx).toBe(e.strong);
      expect(r['六强达标'], ctx).toBe(e.allStrong);
      expect(r['等次'], ctx).toBe(e.grade);
      expect(r['红旗候选'], ctx).toBe(e.redFlag);
      expect(r['问题数'], ctx).toBe(e.gaps);
    }
  });

  it('explains every grade that moved, and names the blank cell of the 未评定 branch', () => {
    const rows = records(sheet(out, '评定结果'));
    const why = (id: string) => String(rows.find((x) => x['支部编号'] === id)!['等次说明'] ?? '');
    for (const id of ['03', '04', '06']) expect(why(id), id).not.toBe('');
    for (const id of ['01', '02', '05']) expect(why(id), id).toBe('');
    expect(why('07')).toContain('E10');
  });

  it('writes 问题清单 with standard, actual and gap in the units of the contract', () => {
    const rows = records(sheet(out, '问题清单'));
    expect(rows.map((r) => [r['支部编号'], r['问题类型'], r['项目']])).toEqual(EXPECTED_GAPS.map((g) => g.slice(0, 3)));
    for (const [id, type, item, std, actual, gap] of EXPECTED_GAPS) {
      if (Number.isNaN(std)) continue;
      const r = rows.find((x) => x['支部编号'] === id && x['问题类型'] === type && x['项目'] === item)!;
      expect([r['标准'], r['实际'], r['差距']], `${id} ${type} ${item}`).toEqual([std, actual, gap]);
      expect(r['检出状态']).toBe('本次检出');
    }
  });

  it('writes 单位汇总 with a 合计 row', () => {
    const rows = records(sheet(out, '单位汇总'));
    const cols = ['所属党委', '支部数', '未评定', '好', '较好', '一般', '较差', '六强达标', '红旗候选', '问题数'];
    expect(rows.map((r) => cols.map((c) => r[c]))).toEqual(EXPECTED_UNITS);
    expect(rows.map((r) => r['平均总分'])).toEqual([91.57, 92.2, 91.88]);
  });

  it('lists the 未评定 branch as an error in 数据校验', () => {
    const rows = records(sheet(out, '数据校验'));
    expect(rows).toContainEqual(expect.objectContaining({ 级别: '错误', 工作表: '支部', 单元格: 'A8', 代码: 'BRANCH_UNRATED' }));
    expect(rows.filter((r) => r['级别'] === '错误').map((r) => r['代码'])).toEqual(['BRANCH_UNRATED']);
  });
});
