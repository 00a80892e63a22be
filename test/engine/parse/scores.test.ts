import { describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../../engine/parse';
import type { RawSheet, Scalar } from '../../../engine/raw';
import { book, branchesSheet, err, ledgerSheet, rubricSheet, sheet } from './helpers';

const HEADER = ['支部编号', '指标编号', '评分人', '评分人类别', '得分', '备注'];
const cell = (row: number, col: number) => ({ sheet: '评分', row, col });

function parse(rows: Scalar[][], ...extra: RawSheet[]) {
  return parseWorkbook(book(branchesSheet(), rubricSheet(), ledgerSheet(), sheet('评分', [HEADER, ...rows]), ...extra));
}

describe('评分 (long form)', () => {
  it('reads valid scores with their role and cell', () => {
    const { model, issues } = parse([
      ['001', '1.1', '张三', '上级', 3.5, null],
      [2, 1.1, ' 李四 ', null, '４', '手写'],
      ['003', '1.10', '王五', '自评', '5分', null],
      ['001', '9.1', '张三', null, 5, null],
    ]);
    // 支部编号 2 is not 002: ids are text. Nothing else on that row is wrong (４ reads as 4).
    expect(issues.filter((i) => i.at.sheet === '评分')).toEqual([expect.objectContaining({ code: 'BRANCH_UNKNOWN', at: cell(2, 0), params: { id: '2' } })]);
    expect(model.scores).toEqual([
      { branch: '001', indicator: '1.1', rater: '张三', role: '上级', value: 3.5, at: cell(1, 4) },
      { branch: '003', indicator: '1.10', rater: '王五', role: '自评', value: 5, at: cell(3, 4) },
      { branch: '001', indicator: '9.1', rater: '张三', role: '上级', value: 5, at: cell(4, 4) },
    ]);
  });

  it('checks every cell of a row and drops rows with errors', () => {
    const { model, issues } = parse([
      ['009', '1.1', '张三', null, 3, null],
      ['001', '7.7', '张三', null, 3, null],
      ['001', '2.1', '张三', null, 3, null],
      ['001', '1.1', null, null, 3, null],
      ['001', '1.1', '张三', '群众', 3, null],
      ['001', '1.1', '张三', null, 4.5, null],
      ['001', '1.1', '张三', null, -1, null],
      ['001', '1.1', '张三', null, '优', null],
      ['001', '1.1', '张三', null, null, null],
      [null, '1.1', '张三', null, 3, null],
      ['001', null, '张三', null, 3, null],
      ['001', '1.1', '张三', null, err('#VALUE!'), null],
      ['002', '1.1', '张三', null, '60%', null],
    ]);
    expect(model.scores).toEqual([]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'BRANCH_UNKNOWN', at: cell(1, 0), params: { id: '009' } }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'INDICATOR_UNKNOWN', at: cell(2, 1), params: { id: '7.7' } }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'INDICATOR_NOT_RATED', at: cell(3, 1) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'REQUIRED_MISSING', at: cell(4, 2) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'ROLE_UNKNOWN', at: cell(5, 3), params: { role: '群众', known: '上级/自评' } }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'SCORE_OUT_OF_RANGE', at: cell(6, 4), params: { value: '4.5', max: '4', indicator: '1.1' } }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'SCORE_OUT_OF_RANGE', at: cell(7, 4) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'NUMBER_INVALID', at: cell(8, 4), params: { value: '优', column: '得分' } }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'REQUIRED_MISSING', at: cell(9, 4) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'KEY_MISSING', at: cell(10, 0) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'KEY_MISSING', at: cell(11, 1) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'CELL_ERROR_VALUE', at: cell(12, 4), params: { value: '#VALUE!', column: '得分' } }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'NUMBER_INVALID', at: cell(13, 4) }));
    // Exactly one issue per bad row.
    expect(issues.filter((i) => i.at.sheet === '评分')).toHaveLength(13);
  });

  it('accepts a role that 参数 adds, and compares scores to 分值 at 6 decimals', () => {
    const settings = sheet('参数', [
      ['参数', '值'],
      ['评分人类别权重', '群众=0.2'],
    ]);
    const { model, issues } = parse(
      [
        ['001', '1.1', '赵六', ' 群众 ', 4.0000000001, null],
        ['001', '1.10', '赵六', '自评', 0, null],
      ],
      settings,
    );
    expect(issues.filter((i) => i.at.sheet === '评分')).toEqual([]);
    expect(model.scores.map((s) => [s.role, s.value])).toEqual([
      ['群众', 4.0000000001],
      ['自评', 0],
    ]);
  });

  it('drops scores for an excluded rubric row without a second issue', () => {
    const rubric = sheet('指标', [
      ['指标编号', '一级指标', '分值'],
      ['1.1', '组织队伍强', 'x'],
      ['1.2', '组织队伍强', 4],
    ]);
    const raw = book(branchesSheet(), rubric, sheet('评分', [HEADER, ['001', '1.1', '张三', null, 3, null]]));
    const { model, issues } = parseWorkbook(raw);
    expect(model.scores).toEqual([]);
    expect(issues.filter((i) => i.at.sheet === '评分')).toEqual([]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'NUMBER_INVALID', at: { sheet: '指标', row: 1, col: 2 } }));
  });

  it('reads the English alias sheet and headers', () => {
    const raw = book(
      branchesSheet(),
      rubricSheet(),
      ledgerSheet(),
      sheet('scores', [
        ['Branch', 'Indicator', 'Rater', 'Score'],
        ['001', '1.1', 'Li', 2],
      ]),
    );
    const { model } = parseWorkbook(raw);
    expect(model.scores.map((s) => [s.branch, s.indicator, s.rater, s.role, s.value])).toEqual([['001', '1.1', 'Li', '上级', 2]]);
  });
});
