import { describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../../engine/parse';
import type { Scalar } from '../../../engine/raw';
import { book, branchesSheet, ledgerSheet, sheet } from './helpers';

const HEADER = ['指标编号', '一级指标', '二级指标', '三级指标', '分值', '计分方式', '台账公式', '预警线', '否决', '整改建议'];
const cell = (row: number, col: number) => ({ sheet: '指标', row, col });

function parse(rows: Scalar[][], ...extra: ReturnType<typeof sheet>[]) {
  return parseWorkbook(book(branchesSheet(), ledgerSheet(), sheet('指标', [HEADER, ...rows]), ...extra));
}

describe('指标', () => {
  it('reads an indicator with every field', () => {
    const { model, issues } = parse([
      ['1.1', '组织队伍强', '班子', '支委班子健全', 4, '评分', null, '60%', '最高一般（班子不健全）', '配齐支委'],
      [2.1, '制度机制强', null, null, '10分', '台账', 'min(党课 * 2.5, 分值)', 0.5, null, null],
      ['9.1', '加分', null, null, 5, '加分', null, null, null, null],
      ['9.2', '扣分', null, null, 3, ' 扣分 ', null, null, null, null],
      ['3.1', '学用结合强', null, null, 6, null, null, null, null, null],
    ]);
    expect(issues.filter((i) => i.at.sheet === '指标')).toEqual([]);
    expect(model.rubricAvailable).toBe(true);
    expect(model.indicators.map((i) => [i.id, i.method, i.points])).toEqual([
      ['1.1', 'score', 4],
      ['2.1', 'ledger', 10],
      ['9.1', 'bonus', 5],
      ['9.2', 'deduction', 3],
      ['3.1', 'score', 6],
    ]);
    const first = model.indicators[0];
    expect(first).toMatchObject({ dimension: '组织队伍强', group: '班子', item: '支委班子健全', veto: { kind: 'cap', grade: 2 }, advice: '配齐支委', formula: null });
    expect(first?.alert).toBeCloseTo(0.6, 12);
    expect(first?.at).toEqual(cell(1, 0));
    expect(first?.formulaAt).toEqual(cell(1, 6));
    const ledger = model.indicators[1];
    expect(ledger?.alert).toBe(0.5);
    expect(ledger?.formula?.names).toEqual(['党课', '分值']);
    expect(ledger?.formula?.evaluate(new Map([['党课', 3], ['分值', 10]]))).toBe(7.5);
    expect(model.indicators[4]?.alert).toBe(0.6);
  });

  it('excludes rows with a bad 分值 or 计分方式, and reports bad ids', () => {
    const { model, issues } = parse([
      ['1.1', '组织队伍强', null, null, 0, '评分', null, null, null, null],
      ['1.2', '组织队伍强', null, null, 'abc', '评分', null, null, null, null],
      ['1.3', '组织队伍强', null, null, null, '评分', null, null, null, null],
      ['1.4', '组织队伍强', null, null, 4, '打分', null, null, null, null],
      ['1.5', null, null, null, 4, '评分', null, null, null, null],
      [null, '组织队伍强', null, null, 4, null, null, null, null, null],
      ['1.6', '组织队伍强', null, null, 4, null, null, null, null, null],
      ['１.６', '组织队伍强', null, null, 2, null, null, null, null, null],
    ]);
    expect(model.indicators.map((i) => [i.id, i.points])).toEqual([['1.6', 4]]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'NUMBER_OUT_OF_RANGE', at: cell(1, 4) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'NUMBER_INVALID', at: cell(2, 4) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'REQUIRED_MISSING', at: cell(3, 4) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'VALUE_NOT_ALLOWED', at: cell(4, 5) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'REQUIRED_MISSING', at: cell(5, 1) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'KEY_MISSING', at: cell(6, 0) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'INDICATOR_ID_DUPLICATE', at: cell(8, 0), params: { id: '1.6', first: 'A8' } }));
  });

  it('keeps the row when 预警线 or 否决 is unreadable, with the default', () => {
    const { model, issues } = parse([
      ['1.1', '组织队伍强', null, null, 4, null, null, 1.5, '降为一般', null],
      ['1.2', '组织队伍强', null, null, 4, null, null, 'abc', '最高优秀', null],
      ['2.1', '制度机制强', null, null, 10, '台账', '党课', null, null, null],
    ]);
    expect(model.indicators.map((i) => [i.id, i.alert, i.veto])).toEqual([
      ['1.1', 0.6, null],
      ['1.2', 0.6, null],
      ['2.1', 0.6, null],
    ]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'NUMBER_OUT_OF_RANGE', at: cell(1, 7) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'EFFECT_INVALID', at: cell(1, 8) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'NUMBER_INVALID', at: cell(2, 7) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'EFFECT_INVALID', at: cell(2, 8) }));
  });

  it('takes the default 预警线 from 参数', () => {
    const settings = sheet('参数', [
      ['参数', '值'],
      ['预警线', '50%'],
    ]);
    const { model } = parse([['1.1', '组织队伍强', null, null, 4, null, null, null, null, null]], settings);
    expect(model.indicators[0]?.alert).toBe(0.5);
  });

  it('turns formula problems into issues on the 台账公式 cell', () => {
    const { model, issues } = parse([
      ['2.1', '制度机制强', null, null, 10, '台账', null, null, null, null],
      ['2.2', '制度机制强', null, null, 10, '台账', '党课 +', null, null, null],
      ['2.3', '制度机制强', null, null, 10, '台账', '党课 = 1', null, null, null],
      ['2.4', '制度机制强', null, null, 10, '台账', 'min(党课, 组织生活会) + 支部党员大会', null, null, null],
      ['2.5', '制度机制强', null, null, 10, '台账', 'tier(支部党员大会, 4,4, 2,2) + 党员人数 * 0 + 满意率 * 0', null, null, null],
      ['2.6', '制度机制强', null, null, 10, '评分', '随便写', null, null, null],
    ]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'FORMULA_MISSING', at: cell(1, 6), params: { id: '2.1' } }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'FORMULA_SYNTAX', at: cell(2, 6) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'FORMULA_FORBIDDEN', at: cell(3, 6) }));
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'FORMULA_UNKNOWN_NAME', at: cell(4, 6), params: { id: '2.4', formula: 'min(党课, 组织生活会) + 支部党员大会', name: '组织生活会' } }),
    );
    expect(issues.filter((i) => i.code.startsWith('FORMULA') && i.at.sheet === '指标')).toHaveLength(4);
    const byId = new Map(model.indicators.map((i) => [i.id, i]));
    expect(byId.get('2.1')?.formula).toBeNull();
    expect(byId.get('2.2')?.formula).toBeNull();
    expect(byId.get('2.3')?.formula).toBeNull();
    expect(byId.get('2.4')?.formula).toBeNull();
    expect(byId.get('2.5')?.formula?.names).toEqual(['支部党员大会', '党员人数', '满意率']);
    expect(byId.get('2.6')?.formula).toBeNull();
  });

  it('puts FORMULA_MISSING on the 指标编号 cell when there is no 台账公式 column', () => {
    const raw = book(
      branchesSheet(),
      ledgerSheet(),
      sheet('指标', [
        ['指标编号', '一级指标', '分值', '计分方式'],
        ['2.1', '制度机制强', 10, '台账'],
      ]),
    );
    const { model, issues } = parseWorkbook(raw);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'FORMULA_MISSING', at: cell(1, 0) }));
    expect(model.indicators[0]?.formulaAt).toBeNull();
  });

  it('matches formula names to 台账 columns after normalisation and exposes the column names', () => {
    const raw = book(
      branchesSheet(),
      sheet('台账', [
        ['支部编号', 'ABC'],
        ['001', 3],
      ]),
      sheet('指标', [
        ['指标编号', '一级指标', '分值', '计分方式', '台账公式'],
        ['2.1', '制度机制强', 10, '台账', 'ａｂｃ * 2'],
      ]),
    );
    const { model, issues } = parseWorkbook(raw);
    expect(issues.filter((i) => i.at.sheet === '指标')).toEqual([]);
    const f = model.indicators[0]?.formula;
    expect(f?.names).toEqual(['ABC']);
    expect(f?.evaluate(new Map([['ABC', 3]]))).toBe(6);
  });

  it('does not check formula names when 台账 is missing (SHEET_MISSING explains)', () => {
    const raw = book(
      branchesSheet(),
      sheet('指标', [
        ['指标编号', '一级指标', '分值', '计分方式', '台账公式'],
        ['2.1', '制度机制强', 10, '台账', '党课'],
      ]),
    );
    const { model, issues } = parseWorkbook(raw);
    expect(issues.filter((i) => i.code === 'FORMULA_UNKNOWN_NAME')).toEqual([]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'SHEET_MISSING', at: { sheet: '台账' } }));
    expect(model.indicators[0]?.formula?.names).toEqual(['党课']);
  });

  it('raises RUBRIC_EMPTY when only 加分/扣分 rows are left', () => {
    const { issues } = parse([['9.1', '加分', null, null, 5, '加分', null, null, null, null]]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'RUBRIC_EMPTY', at: { sheet: '指标' } }));
  });

  it('marks the rubric unavailable when a required column is missing', () => {
    const raw = book(
      branchesSheet(),
      sheet('指标', [
        ['指标编号', '一级指标'],
        ['1.1', '组织队伍强'],
      ]),
    );
    const { model, issues } = parseWorkbook(raw);
    expect(model.rubricAvailable).toBe(false);
    expect(model.indicators).toEqual([]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'COLUMN_MISSING', at: { sheet: '指标', row: 0 }, params: { column: '分值' } }));
  });
});
