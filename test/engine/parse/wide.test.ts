import { describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../../engine/parse';
import { headerIndicatorId } from '../../../engine/parse/wide';
import type { RawSheet } from '../../../engine/raw';
import { book, branchesSheet, ledgerSheet, rubricSheet, sheet } from './helpers';

function parse(...forms: RawSheet[]) {
  return parseWorkbook(book(branchesSheet(), rubricSheet(), ledgerSheet(), ...forms));
}

describe('评分-<rater> wide forms', () => {
  it('matches indicator headers by id: 1.1 never reads as 1.10', () => {
    const ids = new Set(['1.1', '1.10', '2']);
    const has = (id: string) => ids.has(id);
    expect(headerIndicatorId('1.1', has)).toBe('1.1');
    expect(headerIndicatorId('1.10', has)).toBe('1.10');
    expect(headerIndicatorId('1.1 支委班子健全 (4分)', has)).toBe('1.1');
    expect(headerIndicatorId('1.1　支委班子健全', has)).toBe('1.1');
    expect(headerIndicatorId('1.10（6分）', has)).toBe('1.10');
    expect(headerIndicatorId('1.1[4]', has)).toBe('1.1');
    expect(headerIndicatorId('1.1【4分】', has)).toBe('1.1');
    expect(headerIndicatorId('1.1支委', has)).toBeUndefined();
    expect(headerIndicatorId('1.100', has)).toBeUndefined();
    expect(headerIndicatorId('20 人', has)).toBeUndefined();
  });

  it('reads labels above the header, the rater from the sheet name, and blanks as unscored', () => {
    const form = sheet('评分-张三', [
      ['机械学院支部评分表'],
      ['评分人类别', null, '自评'],
      [],
      ['支部编号', '支部名称', '1.1 支委班子健全 (4分)', '1.10 党员发展 (6分)', '9.1 加分', '说明'],
      ['001', '机械一支部', 3, '５', null, '任意'],
      ['002', '机械二支部', null, 6, 2, null],
      [null, null, null, null, null, '只写说明的行'],
    ]);
    const { model, issues } = parse(form);
    expect(issues.filter((i) => i.at.sheet === '评分-张三')).toEqual([]);
    expect(model.scores).toEqual([
      { branch: '001', indicator: '1.1', rater: '张三', role: '自评', value: 3, at: { sheet: '评分-张三', row: 4, col: 2 } },
      { branch: '001', indicator: '1.10', rater: '张三', role: '自评', value: 5, at: { sheet: '评分-张三', row: 4, col: 3 } },
      { branch: '002', indicator: '1.10', rater: '张三', role: '自评', value: 6, at: { sheet: '评分-张三', row: 5, col: 3 } },
      { branch: '002', indicator: '9.1', rater: '张三', role: '自评', value: 2, at: { sheet: '评分-张三', row: 5, col: 4 } },
    ]);
    // Only 评分-method indicators are remembered as unscored (9.1 is 加分).
    expect([...model.wideBlanks.entries()]).toEqual([['002\u00011.1', [{ sheet: '评分-张三', row: 5, col: 2 }]]]);
  });

  it('defaults the role to 上级 and checks cells like the long form', () => {
    const form = sheet('Scores_Li', [
      ['id', '1.1', '1.10', '2.1', '3.3 新指标', '4 分', '备注'],
      ['001', 5, 'abc', 2, 1, 1, 'x'],
      ['009', 1, null, null, null, null, null],
      [null, 1, null, null, null, null, null],
    ]);
    const { model, issues } = parse(form);
    const at = (row: number, col: number) => ({ sheet: 'Scores_Li', row, col });
    expect(issues).toContainEqual(expect.objectContaining({ code: 'INDICATOR_NOT_RATED', at: at(0, 3) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'WIDE_COLUMN_UNKNOWN', severity: 'warning', at: at(0, 4), params: { header: '3.3 新指标' } }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'WIDE_COLUMN_UNKNOWN', at: at(0, 5) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'SCORE_OUT_OF_RANGE', at: at(1, 1) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'NUMBER_INVALID', at: at(1, 2) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'BRANCH_UNKNOWN', at: at(2, 0) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'KEY_MISSING', at: at(3, 0) }));
    expect(issues.filter((i) => i.at.sheet === 'Scores_Li')).toHaveLength(7);
    expect(model.scores).toEqual([]);
    expect(model.wideBlanks.size).toBe(0);
  });

  it('reports an unknown role once, on the label value, and counts none of the form', () => {
    const form = sheet('评分-王五', [
      ['评分人类别', '群众'],
      ['支部编号', '1.1'],
      ['001', 3],
    ]);
    const { model, issues } = parse(form);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'ROLE_UNKNOWN', at: { sheet: '评分-王五', row: 0, col: 1 } }));
    expect(model.scores).toEqual([]);
  });

  it('reports a form without a 支部编号 header', () => {
    const { issues } = parse(sheet('评分-赵六', [['编号', '1.1'], ['001', 3]]));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'WIDE_HEADER_MISSING', at: { sheet: '评分-赵六' } }));
  });

  it('warns about a second column for the same indicator and reads the first', () => {
    const form = sheet('评分-张三', [
      ['支部编号', '1.1', '1.1 (4分)'],
      ['001', 3, 4],
    ]);
    const { model, issues } = parse(form);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'COLUMN_DUPLICATE', at: { sheet: '评分-张三', row: 0, col: 2 } }));
    expect(model.scores.map((s) => s.value)).toEqual([3]);
  });
});
