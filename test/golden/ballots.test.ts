/**
 * The golden ballots workbook: test/fixtures/golden-ballots/input.xlsx scored through the CLI, and every
 * ballot tally compared with expected.json — the values LibreOffice computed from the workbook's 核算
 * formulas (COUNTIFS/SUMIFS/SUMPRODUCT, see workbook.ts), not anything the engine produced. The last test
 * recalculates 核算 again, so the expectations stay tied to the formulas.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { readWorkbook } from '../../cli/xlsx-read';
import type { RawSheet, RawWorkbook, Scalar } from '../../engine/raw';
import { recalculate, type Expected, type Records } from '../fixtures/golden-ballots/recalc';

const fixture = join(__dirname, '../fixtures/golden-ballots');
const input = join(fixture, 'input.xlsx');
const expected = JSON.parse(readFileSync(join(fixture, 'expected.json'), 'utf8')) as Expected;

let dir: string;
let out: RawWorkbook;
let exitCode: number;

function records(sheet: RawSheet): Record<string, Scalar>[] {
  const [header, ...rows] = sheet.cells;
  const names = (header ?? []).map((h) => String(h ?? ''));
  return rows.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i] ?? null])));
}

function sheet(name: string): Record<string, Scalar>[] {
  const s = out.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`sheet ${name} missing`);
  return records(s);
}

function block(name: string): Records {
  const b = expected[name];
  if (!b) throw new Error(`expected.json has no block ${name}`);
  return b;
}

/**
 * Compare, for every expected row, the output row with the same key on every column both have; returns
 * those columns (so a test can check that the comparison covered what it should).
 */
function compareRows(actual: Record<string, Scalar>[], wanted: Records, key: readonly string[]): string[] {
  const keyOf = (r: Record<string, Scalar>) => key.map((k) => String(r[k])).join('|');
  expect(actual.map(keyOf).sort()).toEqual(wanted.map(keyOf).sort());
  const compared = new Set<string>();
  for (const w of wanted) {
    const a = actual.find((r) => keyOf(r) === keyOf(w))!;
    for (const [column, value] of Object.entries(w)) {
      if (!(column in a)) continue;
      expect(a[column], `${keyOf(w)} ${column}`).toEqual(value);
      compared.add(column);
    }
  }
  return [...compared];
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'golden-ballots-'));
  const output = join(dir, 'out.xlsx');
  exitCode = await main(['score', input, '-o', output], { stdout: () => undefined, stderr: () => undefined });
  out = await readWorkbook(readFileSync(output));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('golden ballots workbook through the CLI', () => {
  it('exits 0: 废票 and the 民主评议 form overlap are warnings, with their cells', () => {
    expect(exitCode).toBe(0);
    const issues = sheet('数据校验').map((r) => [r['工作表'], r['单元格'], r['代码'], r['级别']]);
    expect(issues.filter((i) => i[3] === '错误')).toEqual([]);
    // The blank and unreadable levels of workbook.ts, by hand: 双述双评 rows 9 (业务 blank) and 10 (党建 优),
    // 满意度 rows 19 (blank) and 20 (非常满意), 民主评议 rows 25 (blank) and 39 (良好).
    expect(issues.filter((i) => i[2] === 'BALLOT_LEVEL_INVALID').map((i) => `${String(i[0])}!${String(i[1])}`).sort()).toEqual(
      ['双述双评!D10', '双述双评!E9', '满意度!C19', '满意度!C20', '民主评议!D25', '民主评议!D39'].sort(),
    );
    expect(issues.filter((i) => i[2] === 'BALLOT_FORMS_OVERLAP').map((i) => i[0])).toEqual(['民主评议计票']);
  });

  it('writes 双述双评汇总 as the 核算 formulas computed it', () => {
    const compared = compareRows(sheet('双述双评汇总'), block('双述双评汇总'), ['支部编号']);
    // Every tally column of §8 (支部名称 and 支部书记 aside): 9 per aspect, then 好评率 … 约谈提醒.
    expect(compared).toHaveLength(1 + 18 + 5);
  });

  it('writes 双述双评分组: the groups that voted, counts and scores as computed, `<3` for a group under 3 ballots', () => {
    const groups = block('双述双评分组').filter((g) => Number(g['票数']) > 0);
    const rows = sheet('双述双评分组');
    const key = (r: Record<string, Scalar>) => [r['支部编号'], r['评议人类别'], r['方面']].join('|');
    expect(rows.map(key).sort()).toEqual(groups.map(key).sort());
    const columns = ['有效票', '废票', '好', '较好', '一般', '差', '得分'];
    for (const g of groups) {
      const r = rows.find((x) => key(x) === key(g))!;
      const shown = columns.map((c) => r[c]);
      if (Number(g['票数']) < 3) expect(shown, key(g)).toEqual(columns.map(() => '<3'));
      else expect(shown, key(g)).toEqual(columns.map((c) => g[c]));
    }
    expect(groups.some((g) => Number(g['票数']) < 3)).toBe(true);
  });

  it('writes 满意度汇总 as computed (不了解 outside 有效票 and 满意率)', () => {
    const compared = compareRows(sheet('满意度汇总'), block('满意度汇总'), ['支部编号']);
    expect(compared.sort()).toEqual(['不了解', '不满意', '基本满意', '废票', '支部编号', '有效票', '满意', '满意度得分', '满意率'].sort());
  });

  it('writes 民主评议汇总 as computed, and 预警 exactly where the formulas flag a member', () => {
    const rows = sheet('民主评议汇总');
    const wanted = block('民主评议汇总');
    const compared = compareRows(
      rows,
      wanted.map((w) => Object.fromEntries(Object.entries(w).filter(([k]) => k !== '不合格超三分之一'))),
      ['党员编号'],
    );
    expect(compared).toHaveLength(12);
    const overCap = new Set(block('民主评议支部').filter((b) => b['优秀超比例'] === '是').map((b) => b['支部编号']));
    for (const w of wanted) {
      const flagged = w['不合格超三分之一'] === '是' || (overCap.has(w['支部编号']) && w['建议等次'] === '优秀');
      const warning = rows.find((r) => r['党员编号'] === w['党员编号'])!['预警'];
      expect(warning !== null && warning !== '', String(w['党员编号'])).toBe(flagged);
    }
    expect(rows.every((r) => r['最终等次'] === null)).toBe(true);
  });

  it('feeds 满意率 into 评定结果 and its gates; 问题清单 lists the flags the formulas raise', () => {
    const results = sheet('评定结果');
    for (const s of block('满意度汇总')) {
      expect(results.find((r) => r['支部编号'] === s['支部编号'])!['满意率'], String(s['支部编号'])).toBe(s['满意率']);
    }
    // By hand: 总分 95, 93, 85, 70 → base 好, 好, 较好, 一般. 02's 满意率 < 0.9 caps it at 一般; 03's < 0.5
    // forces 较差; the quota keeps floor(0.3 × 4) = 1 好 (01, the only one left).
    expect(results.map((r) => [r['支部编号'], r['等次']])).toEqual([
      ['01', '好'],
      ['02', '一般'],
      ['03', '较差'],
      ['04', '一般'],
    ]);
    const gaps = sheet('问题清单').map((g) => `${String(g['支部编号'])}|${String(g['问题类型'])}`);
    const low = block('满意度汇总').filter((s) => Number(s['满意率']) < 0.9).map((s) => `${String(s['支部编号'])}|满意率偏低`);
    const interview = block('双述双评汇总').filter((s) => s['约谈提醒'] === '是').map((s) => `${String(s['支部编号'])}|书记评议预警`);
    const excess = block('民主评议支部').filter((s) => s['优秀超比例'] === '是').map((s) => `${String(s['支部编号'])}|民主评议优秀超比例`);
    expect(low.length + interview.length + excess.length).toBeGreaterThanOrEqual(3);
    for (const g of [...low, ...interview, ...excess]) expect(gaps, g).toContain(g);
  });

  it('never writes a rater name', () => {
    const raters = new Set(['S1', 'S2', 'S3', 'P01', 'P02', 'P03', 'P04', 'P05', 'P06', 'Q1', 'Q2', 'Q3', 'P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
    for (const name of ['评定结果', '问题清单', '数据校验', '双述双评汇总', '双述双评分组', '满意度汇总', '民主评议汇总']) {
      const s = out.sheets.find((x) => x.name === name)!;
      for (const row of s.cells) for (const c of row) expect(raters.has(String(c)), `${name}: ${String(c)}`).toBe(false);
    }
  });
});

describe('the expectations are the spreadsheet formulas', () => {
  it('LibreOffice recalculating 核算 of input.xlsx gives expected.json', async () => {
    expect(await recalculate(input)).toEqual(expected);
  });
});
