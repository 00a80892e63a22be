/**
 * The bad-input corpus, through the facade: each case asserts the issue code and the exact cell, and that the
 * rest of the run was still computed (the other branches are graded).
 */
import { describe, expect, it } from 'vitest';
import { runWorkbook } from '../../engine';
import type { RawSheet, RawWorkbook, Scalar } from '../../engine/raw';

const sheet = (name: string, cells: Scalar[][]): RawSheet => ({ name, cells });

/** Three branches, one rated and one ledger indicator (50 points each), one 上级 rater (weight 1). */
function base(over: Partial<Record<string, Scalar[][]>> = {}): RawWorkbook {
  const sheets: Record<string, Scalar[][]> = {
    参数: [
      ['参数', '值'],
      ['评分人类别权重', '上级=1'],
    ],
    支部: [
      ['支部编号', '支部名称', '所属党委'],
      ['B1', '一支部', '甲院'],
      ['B2', '二支部', '甲院'],
      ['B3', '三支部', '乙院'],
    ],
    指标: [
      ['指标编号', '一级指标', '三级指标', '分值', '计分方式', '台账公式'],
      ['1.1', '组织队伍强', '班子建设', 50, '评分', null],
      ['1.2', '组织队伍强', '党员大会', 50, '台账', 'min(分值, 支部党员大会 / 4 * 分值)'],
    ],
    评分: [
      ['支部编号', '指标编号', '评分人', '评分人类别', '得分'],
      ['B1', '1.1', '甲', '上级', 45],
      ['B2', '1.1', '甲', '上级', 40],
      ['B3', '1.1', '甲', '上级', 35],
    ],
    台账: [
      ['支部编号', '支部党员大会'],
      ['B1', 4],
      ['B2', 4],
      ['B3', 2],
    ],
    ...over,
  };
  return { sheets: Object.entries(sheets).map(([n, c]) => sheet(n, c as Scalar[][])) };
}

/** Replace one cell of a sheet's rows (0-based). */
function withCell(name: string, rows: Scalar[][], r: number, c: number, v: Scalar): Partial<Record<string, Scalar[][]>> {
  const copy = rows.map((row) => [...row]);
  copy[r]![c] = v;
  return { [name]: copy };
}

const baseSheets = (name: string): Scalar[][] => base().sheets.find((s) => s.name === name)!.cells as Scalar[][];
const total = (wb: RawWorkbook, id: string) => runWorkbook(wb).results.find((r) => r.branch.id === id)?.total ?? null;
const gradeOf = (wb: RawWorkbook, id: string) => runWorkbook(wb).results.find((r) => r.branch.id === id)?.grade;

describe('the base workbook is clean', () => {
  it('grades all three branches with no error', () => {
    const report = runWorkbook(base());
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(report.results.map((r) => r.total)).toEqual([95, 90, 60]); // (45+50), (40+50), (35+25)
  });
});

describe('numbers typed as text', () => {
  it.each([
    ['８５ full-width', '４５', 95],
    ['with 分', '45分', 95],
    ['with spaces', ' 45 ', 95],
  ])('%s is read as the number', (_label, value, expected) => {
    const wb = base(withCell('评分', baseSheets('评分'), 1, 4, value));
    const report = runWorkbook(wb);
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(total(wb, 'B1')).toBe(expected);
  });
});

describe('each bad input is an issue on its cell, and the rest is still computed', () => {
  const cases: [string, Partial<Record<string, Scalar[][]>>, string, { sheet: string; row?: number; col?: number }][] = [
    ['text in a score cell', withCell('评分', baseSheets('评分'), 1, 4, '优秀'), 'NUMBER_INVALID', { sheet: '评分', row: 1, col: 4 }],
    ['an Excel error value', withCell('评分', baseSheets('评分'), 1, 4, { kind: 'error', code: '#N/A' }), 'CELL_ERROR_VALUE', { sheet: '评分', row: 1, col: 4 }],
    ['a score above 分值', withCell('评分', baseSheets('评分'), 1, 4, 51), 'SCORE_OUT_OF_RANGE', { sheet: '评分', row: 1, col: 4 }],
    ['an unknown 指标编号', withCell('评分', baseSheets('评分'), 1, 1, '9.9'), 'INDICATOR_UNKNOWN', { sheet: '评分', row: 1, col: 1 }],
    ['a score for an unknown branch', withCell('评分', baseSheets('评分'), 1, 0, 'B9'), 'BRANCH_UNKNOWN', { sheet: '评分', row: 1, col: 0 }],
    [
      'a duplicate 支部编号',
      { 支部: [...baseSheets('支部'), ['B2', '重复支部', '乙院']] },
      'BRANCH_ID_DUPLICATE',
      { sheet: '支部', row: 4, col: 0 },
    ],
    [
      'a blank key row with data',
      { 评分: [...baseSheets('评分'), [null, '1.1', '甲', '上级', 40]] },
      'KEY_MISSING',
      { sheet: '评分', row: 4, col: 0 },
    ],
    [
      'a formula that does not parse',
      withCell('指标', baseSheets('指标'), 2, 5, 'min(分值, 支部党员大会 / 4 *'),
      'FORMULA_SYNTAX',
      { sheet: '指标', row: 2, col: 5 },
    ],
    [
      'a formula naming an unknown column',
      withCell('指标', baseSheets('指标'), 2, 5, 'min(分值, 党员大会次数 / 4 * 分值)'),
      'FORMULA_UNKNOWN_NAME',
      { sheet: '指标', row: 2, col: 5 },
    ],
  ];

  it.each(cases)('%s', (_label, over, code, at) => {
    const wb = base(over);
    const report = runWorkbook(wb);
    expect(report.issues).toContainEqual(expect.objectContaining({ code, at }));
    // The run went on: branch B3's row is untouched by every case, and it is still scored.
    const b3 = report.results.find((r) => r.branch.id === 'B3');
    if (code.startsWith('FORMULA')) {
      expect(b3?.grade).toBeNull(); // its ledger indicator cannot be computed → 未评定, not a silent zero
      expect(b3?.indicatorScores.get('1.1')).toBe(35);
    } else {
      expect(b3?.total).toBe(60);
    }
  });

  it('a missing required column stops only what needs it', () => {
    const noScore = baseSheets('评分').map((r) => r.slice(0, 4));
    const report = runWorkbook(base({ 评分: noScore }));
    expect(report.issues).toContainEqual(expect.objectContaining({ code: 'COLUMN_MISSING', at: expect.objectContaining({ sheet: '评分' }) }));
    // The ledger indicator is still computed for every branch.
    expect(report.results.map((r) => r.indicatorScores.get('1.2'))).toEqual([50, 50, 25]);
  });

  it('a missing required sheet is an issue naming it', () => {
    const wb: RawWorkbook = { sheets: base().sheets.filter((s) => s.name !== '支部') };
    const report = runWorkbook(wb);
    expect(report.issues).toContainEqual(expect.objectContaining({ code: 'SHEET_MISSING', at: { sheet: '支部' } }));
    expect(report.hasErrors).toBe(true);
  });
});

describe('formula injection is refused without executing anything', () => {
  const attacks = [
    'import({})',
    'import("fs")',
    'evaluate("1+1")',
    'constructor',
    '__proto__',
    'a.constructor',
    'a["constructor"]',
    '支部党员大会 = 1',
    'f(x) = x',
    'x = 1',
    'createUnit("foo")',
    '"abc"',
  ];
  it.each(attacks)('%s', (attack) => {
    const sentinel = (globalThis as Record<string, unknown>)['__brSentinel'];
    const wb = base(withCell('指标', baseSheets('指标'), 2, 5, attack));
    const report = runWorkbook(wb);
    const formulaIssues = report.issues.filter((i) => i.at.sheet === '指标' && 'row' in i.at && i.at.row === 2);
    expect(formulaIssues.map((i) => i.code)).toEqual([
      expect.stringMatching(/^FORMULA_(FORBIDDEN|SYNTAX|UNKNOWN_NAME)$/),
    ]);
    expect((globalThis as Record<string, unknown>)['__brSentinel']).toBe(sentinel);
    expect(gradeOf(wb, 'B1')).toBeNull(); // 未评定: the ledger indicator has no valid formula
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
