import { describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../../engine/parse';
import { wideFormRater } from '../../../engine/parse/sheets';
import { book, branchesSheet, rubricSheet, sheet, withCode } from './helpers';

describe('sheet discovery', () => {
  it('finds a sheet by its English alias written full-width with spaces', () => {
    const raw = book(
      sheet('Ｂｒａｎｃｈｅｓ ', [
        ['ID', 'Name'],
        ['001', '一支部'],
      ]),
      rubricSheet(),
    );
    const { model, issues } = parseWorkbook(raw);
    expect(model.branches.map((b) => b.id)).toEqual(['001']);
    expect(model.branches[0]?.at).toEqual({ sheet: 'Ｂｒａｎｃｈｅｓ ', row: 1, col: 0 });
    expect(withCode(issues, 'SHEET_MISSING').filter((i) => i.at.sheet === '支部')).toEqual([]);
  });

  it('reports a missing 支部 as SHEET_MISSING on the sheet and grades no branch', () => {
    const { model, issues } = parseWorkbook(book(rubricSheet()));
    expect(model.branches).toEqual([]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'SHEET_MISSING', severity: 'error', at: { sheet: '支部' } }));
  });

  it('does not flood BRANCH_UNKNOWN or INDICATOR_UNKNOWN when 支部 or 指标 cannot be read', () => {
    const scores = sheet('评分', [
      ['支部编号', '指标编号', '评分人', '得分'],
      ['001', '1.1', '张三', 3],
    ]);
    const vetoes = sheet('否决', [
      ['支部编号', '事项', '影响'],
      ['001', '违纪', '定为较差'],
    ]);
    const { model, issues } = parseWorkbook(book(scores, vetoes));
    expect(model.scores).toEqual([]);
    expect(model.vetoes).toEqual([]);
    expect(issues.map((i) => i.code).sort()).toEqual(['SHEET_MISSING', 'SHEET_MISSING']);
  });

  it('marks the rubric unavailable when 指标 is missing', () => {
    const { model, issues } = parseWorkbook(book(branchesSheet()));
    expect(model.rubricAvailable).toBe(false);
    expect(model.indicators).toEqual([]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'SHEET_MISSING', at: { sheet: '指标' } }));
  });

  it('requires 台账 only when some indicator is computed from it', () => {
    const withLedgerIndicator = parseWorkbook(book(branchesSheet(), rubricSheet()));
    expect(withLedgerIndicator.issues).toContainEqual(expect.objectContaining({ code: 'SHEET_MISSING', at: { sheet: '台账' } }));
    const rubricOnlyRated = sheet('指标', [
      ['指标编号', '一级指标', '分值'],
      ['1.1', '组织队伍强', 4],
    ]);
    const without = parseWorkbook(book(branchesSheet(), rubricOnlyRated));
    expect(withCode(without.issues, 'SHEET_MISSING')).toEqual([]);
    expect(without.model.ledger).toBeNull();
  });

  it('warns about two sheets of one kind and reads the first', () => {
    const second = sheet('Branches', [
      ['支部编号', '支部名称'],
      ['999', '别的'],
    ]);
    const { model, issues } = parseWorkbook(book(branchesSheet(), second, rubricSheet()));
    expect(model.branches.map((b) => b.id)).toEqual(['001', '002', '003']);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'SHEET_DUPLICATE', severity: 'warning', at: { sheet: 'Branches' }, params: { other: '支部' } }));
  });

  it('never reads an output sheet as input', () => {
    const output = sheet('评定结果', [['支部编号'], ['001']]);
    const { issues } = parseWorkbook(book(branchesSheet(), rubricSheet(), output));
    expect(issues.filter((i) => i.at.sheet === '评定结果')).toEqual([]);
  });

  it('reports an empty sheet', () => {
    const { issues } = parseWorkbook(book(sheet('支部', [[null], []]), rubricSheet()));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'SHEET_EMPTY', at: { sheet: '支部' } }));
  });

  it('recognises wide-form sheet names and takes the rater from the suffix', () => {
    expect(wideFormRater('评分-张三')).toBe('张三');
    expect(wideFormRater('评分_张三 ')).toBe('张三');
    expect(wideFormRater('评分－张三')).toBe('张三');
    expect(wideFormRater('Scores-Li Lei')).toBe('Li Lei');
    expect(wideFormRater('ｓｃｏｒｅｓ_王五')).toBe('王五');
    expect(wideFormRater('评分')).toBeUndefined();
    expect(wideFormRater('评分-')).toBeUndefined();
    expect(wideFormRater('评分表-张三')).toBeUndefined();
  });
});

describe('generic table rules', () => {
  it('reports a missing required column at the header row', () => {
    const raw = book(
      sheet('支部', [
        [null],
        ['支部编号', '所属党委'],
        ['001', '机械学院'],
      ]),
      rubricSheet(),
    );
    const { model, issues } = parseWorkbook(raw);
    expect(model.branches).toEqual([]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'COLUMN_MISSING', at: { sheet: '支部', row: 1 }, params: { column: '支部名称' } }));
  });

  it('matches columns in any order by header or alias, skips blank rows and ignores unknown columns', () => {
    const raw = book(
      sheet('支部', [
        ['备忘', 'NAME', '  支部编号 '],
        ['x', '一支部', '001'],
        [null, null, null],
        ['只有备忘', null, null],
        [null, '二支部', '002'],
      ]),
      rubricSheet(),
    );
    const { model, issues } = parseWorkbook(raw);
    expect(model.branches.map((b) => [b.id, b.name])).toEqual([
      ['001', '一支部'],
      ['002', '二支部'],
    ]);
    expect(model.branches[1]?.at).toEqual({ sheet: '支部', row: 4, col: 2 });
    expect(issues.filter((i) => i.at.sheet === '支部')).toEqual([]);
  });

  it('warns about a repeated header and uses the first column', () => {
    const raw = book(
      sheet('支部', [
        ['支部编号', '支部名称', 'name'],
        ['001', '一支部', '别名'],
      ]),
      rubricSheet(),
    );
    const { model, issues } = parseWorkbook(raw);
    expect(model.branches[0]?.name).toBe('一支部');
    expect(issues).toContainEqual(expect.objectContaining({ code: 'COLUMN_DUPLICATE', severity: 'warning', at: { sheet: '支部', row: 0, col: 2 } }));
  });
});
