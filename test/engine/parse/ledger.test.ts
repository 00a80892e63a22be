import { describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../../engine/parse';
import type { Scalar } from '../../../engine/raw';
import { book, branchesSheet, err, rubricSheet, sheet } from './helpers';

const cell = (row: number, col: number) => ({ sheet: '台账', row, col });

function parse(rows: Scalar[][]) {
  return parseWorkbook(book(branchesSheet(), rubricSheet(), sheet('台账', rows)));
}

describe('台账', () => {
  it('treats every column but 支部编号/支部名称/所属党委 as numeric; blank is missing, not 0', () => {
    const { model, issues } = parse([
      ['支部编号', '支部名称', '所属党委', ' 党课 ', '支部党员大会', null, '主题党日'],
      ['001', '机械一支部', '机械学院', 4, '４', 'ignored', null],
      ['002', null, null, '3次', 0, null, 12],
    ]);
    expect(model.ledger?.columns).toEqual(['党课', '支部党员大会', '主题党日']);
    expect(model.ledger?.sheet).toBe('台账');
    const r1 = model.ledger?.rows.get('001');
    expect([...(r1?.values ?? [])]).toEqual([
      ['党课', 4],
      ['支部党员大会', 4],
    ]);
    expect(r1?.cells.get('主题党日')).toEqual(cell(1, 6));
    expect(r1?.at).toEqual(cell(1, 0));
    const r2 = model.ledger?.rows.get('002');
    expect([...(r2?.values ?? [])]).toEqual([
      ['支部党员大会', 0],
      ['主题党日', 12],
    ]);
    expect(r2?.cells.get('党课')).toEqual(cell(2, 3));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'NUMBER_INVALID', at: cell(2, 3), params: { value: '3次', column: '党课' } }));
    expect(issues.filter((i) => i.at.sheet === '台账')).toHaveLength(1);
  });

  it('reports unknown branches, repeated rows, blank keys and error values', () => {
    const { model, issues } = parse([
      ['branch', '党课'],
      ['001', 4],
      ['009', 4],
      ['001', 5],
      [null, 5],
      ['002', err('#DIV/0!')],
    ]);
    expect([...(model.ledger?.rows.keys() ?? [])]).toEqual(['001', '002']);
    expect(model.ledger?.rows.get('001')?.values.get('党课')).toBe(4);
    expect(model.ledger?.rows.get('002')?.values.size).toBe(0);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'BRANCH_UNKNOWN', at: cell(2, 0) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'LEDGER_ROW_DUPLICATE', at: cell(3, 0), params: { id: '001', first: 'A2' } }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'KEY_MISSING', at: cell(4, 0) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'CELL_ERROR_VALUE', at: cell(5, 1) }));
  });

  it('is null without a 支部编号 column', () => {
    const { model, issues } = parse([['党课'], [4]]);
    expect(model.ledger).toBeNull();
    expect(issues).toContainEqual(expect.objectContaining({ code: 'COLUMN_MISSING', at: { sheet: '台账', row: 0 }, params: { column: '支部编号' } }));
  });
});
