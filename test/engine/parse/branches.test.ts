import { describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../../engine/parse';
import type { Scalar } from '../../../engine/raw';
import { book, err, rubricSheet, sheet } from './helpers';

const HEADER = ['支部编号', '支部名称', '所属党委', '支部类型', '支部书记', '党员人数', '党小组数', '运行月数', '上年等次'];

function parse(rows: Scalar[][], extra = book()) {
  return parseWorkbook(book(sheet('支部', [HEADER, ...rows]), rubricSheet(), ...extra.sheets));
}

describe('支部', () => {
  it('reads every field with its defaults', () => {
    const { model, issues } = parse([
      ['001', '机械一支部', '机械学院', '教师', '张三', 25, 3, 6, '好'],
      [1, ' 学生二支部 ', null, '学生', null, null, null, null, null],
    ]);
    expect(issues.filter((i) => i.at.sheet === '支部')).toEqual([]);
    expect(model.branches[0]).toEqual({
      id: '001',
      name: '机械一支部',
      unit: '机械学院',
      type: '教师',
      secretary: '张三',
      members: 25,
      groups: 3,
      months: 6,
      previous: 0,
      at: { sheet: '支部', row: 1, col: 0 },
    });
    expect(model.branches[1]).toMatchObject({ id: '1', name: '学生二支部', unit: '未分组', members: null, groups: 0, months: 12, previous: null });
  });

  it('keeps 001 as text and tells it apart from 1', () => {
    const { model, issues } = parse([
      ['001', '甲', null, null, null, null, null, null, null],
      [1, '乙', null, null, null, null, null, null, null],
    ]);
    expect(model.branches.map((b) => b.id)).toEqual(['001', '1']);
    expect(issues.filter((i) => i.code === 'BRANCH_ID_DUPLICATE')).toEqual([]);
  });

  it('reports a duplicate 支部编号 on the later row, naming the first; the first counts', () => {
    const { model, issues } = parse([
      ['001', '甲', null, null, null, null, null, null, null],
      ['002', '乙', null, null, null, null, null, null, null],
      ['００１ ', '丙', null, null, null, null, null, null, null],
    ]);
    expect(model.branches.map((b) => b.name)).toEqual(['甲', '乙']);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'BRANCH_ID_DUPLICATE', at: { sheet: '支部', row: 3, col: 0 }, params: { id: '001', first: 'A2' } }));
  });

  it('reports a blank 支部编号 on a row with data as KEY_MISSING and a blank 支部名称 as REQUIRED_MISSING', () => {
    const { model, issues } = parse([
      [null, '无编号支部', null, null, null, null, null, null, null],
      ['002', null, '机械学院', null, null, null, null, null, null],
    ]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'KEY_MISSING', at: { sheet: '支部', row: 1, col: 0 } }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'REQUIRED_MISSING', at: { sheet: '支部', row: 2, col: 1 } }));
    expect(model.branches.map((b) => [b.id, b.name])).toEqual([['002', '']]);
  });

  it('checks type, counts, months and previous grade, keeping the branch with defaults', () => {
    const { model, issues } = parse([
      ['001', '甲', null, '企业', null, 2.5, -1, 13, '优秀'],
      ['002', '乙', null, null, null, 'abc', '２', 0, null],
      ['003', '丙', null, null, null, null, null, 6.5, null],
    ]);
    const cell = (row: number, col: number) => ({ sheet: '支部', row, col });
    expect(issues).toContainEqual(expect.objectContaining({ code: 'VALUE_NOT_ALLOWED', at: cell(1, 3) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'INTEGER_INVALID', at: cell(1, 5) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'INTEGER_INVALID', at: cell(1, 6) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'NUMBER_OUT_OF_RANGE', at: cell(1, 7), params: { value: '13', column: '运行月数', min: '1', max: '12' } }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'VALUE_NOT_ALLOWED', at: cell(1, 8) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'NUMBER_INVALID', at: cell(2, 5) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'NUMBER_OUT_OF_RANGE', at: cell(2, 7) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'INTEGER_INVALID', at: cell(3, 7) }));
    expect(model.branches[0]).toMatchObject({ type: null, members: null, groups: 0, months: 12, previous: null });
    expect(model.branches[1]).toMatchObject({ members: null, groups: 2, months: 12 });
  });

  it('reads 上年等次 against the grade names of 参数', () => {
    const settings = sheet('参数', [
      ['参数', '值'],
      ['等次名称', '优秀,良好,合格,不合格'],
    ]);
    const { model, issues } = parse([['001', '甲', null, null, null, null, null, null, '良好']], book(settings));
    expect(model.branches[0]?.previous).toBe(1);
    expect(issues.filter((i) => i.at.sheet === '支部')).toEqual([]);
  });

  it('reports an Excel error value in a used cell', () => {
    const { model, issues } = parse([['001', '甲', null, null, null, err('#N/A'), null, null, null]]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'CELL_ERROR_VALUE', at: { sheet: '支部', row: 1, col: 5 }, params: { value: '#N/A', column: '党员人数' } }));
    expect(model.branches[0]?.members).toBeNull();
  });
});
