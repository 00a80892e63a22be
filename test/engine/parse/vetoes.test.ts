import { describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../../engine/parse';
import { parseEffect } from '../../../engine/parse/effects';
import type { Scalar } from '../../../engine/raw';
import { DEFAULTS } from '../../../engine/settings';
import { book, branchesSheet, rubricSheet, sheet } from './helpers';

const cell = (row: number, col: number) => ({ sheet: '否决', row, col });

function parse(rows: Scalar[][], ...extra: ReturnType<typeof sheet>[]) {
  return parseWorkbook(book(branchesSheet(), rubricSheet(), sheet('否决', [['支部编号', '事项', '影响', '备注'], ...rows]), ...extra));
}

describe('effects', () => {
  const names = DEFAULTS.gradeNames;
  it('reads 定为X / 最高X from the start; the rest is a note', () => {
    expect(parseEffect('定为较差', names)).toEqual({ kind: 'force', grade: 3 });
    expect(parseEffect('最高一般（年度考核）', names)).toEqual({ kind: 'cap', grade: 2 });
    expect(parseEffect(' 定为好 全国先进', names)).toEqual({ kind: 'force', grade: 0 });
    expect(parseEffect('定为：较好', names)).toEqual({ kind: 'force', grade: 1 });
  });

  it('prefers the longest grade name', () => {
    expect(parseEffect('最高较好', names)).toEqual({ kind: 'cap', grade: 1 });
    expect(parseEffect('定为AB', ['A', 'AB'])).toEqual({ kind: 'force', grade: 1 });
    expect(parseEffect('定为ａｂ', ['A', 'AB'])).toEqual({ kind: 'force', grade: 1 });
  });

  it('refuses anything else', () => {
    expect(parseEffect('降为一般', names)).toBeUndefined();
    expect(parseEffect('直接定为较差', names)).toBeUndefined();
    expect(parseEffect('定为优秀', names)).toBeUndefined();
    expect(parseEffect('最高', names)).toBeUndefined();
  });
});

describe('否决', () => {
  it('reads veto rows with effect, 软弱涣散 flag and note', () => {
    const { model, issues } = parse([
      ['001', '发生违纪问题', '定为较差', '纪委通报'],
      ['002', '软弱涣散基层党组织', '最高一般', null],
      ['003', '整顿', '定为较差（软弱涣散）', null],
      ['001', '全国先进基层党组织', '定为好', null],
    ]);
    expect(issues.filter((i) => i.at.sheet === '否决')).toEqual([]);
    expect(model.vetoes).toEqual([
      { branch: '001', matter: '发生违纪问题', effect: { kind: 'force', grade: 3 }, weak: false, note: '纪委通报', at: cell(1, 0) },
      { branch: '002', matter: '软弱涣散基层党组织', effect: { kind: 'cap', grade: 2 }, weak: true, note: null, at: cell(2, 0) },
      { branch: '003', matter: '整顿', effect: { kind: 'force', grade: 3 }, weak: true, note: null, at: cell(3, 0) },
      { branch: '001', matter: '全国先进基层党组织', effect: { kind: 'force', grade: 0 }, weak: false, note: null, at: cell(4, 0) },
    ]);
  });

  it('reports bad rows and excludes them', () => {
    const { model, issues } = parse([
      ['009', '事项', '定为较差', null],
      ['001', null, '定为较差', null],
      ['001', '事项', null, null],
      ['001', '事项', '降一档', null],
      [null, '事项', '定为较差', null],
    ]);
    expect(model.vetoes).toEqual([]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'BRANCH_UNKNOWN', at: cell(1, 0) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'REQUIRED_MISSING', at: cell(2, 1) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'REQUIRED_MISSING', at: cell(3, 2) }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'EFFECT_INVALID', at: cell(4, 2), params: { value: '降一档', grades: '好/较好/一般/较差' } }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'KEY_MISSING', at: cell(5, 0) }));
  });

  it('reads effects against the grade names of 参数', () => {
    const settings = sheet('参数', [
      ['参数', '值'],
      ['等次名称', '优秀、良好、合格、不合格'],
    ]);
    const { model, issues } = parse([['001', '事项', '最高合格', null], ['002', '事项', '定为较差', null]], settings);
    expect(model.vetoes.map((v) => v.effect)).toEqual([{ kind: 'cap', grade: 2 }]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'EFFECT_INVALID', at: cell(2, 2) }));
  });
});
