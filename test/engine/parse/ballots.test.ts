import { describe, expect, it } from 'vitest';
import type { Tally } from '../../../engine/ballots';
import { canonicalTally } from '../../../engine/compute/tally';
import type { Issue } from '../../../engine/issues';
import { parseWorkbook } from '../../../engine/parse';
import type { RawSheet } from '../../../engine/raw';
import { book, branchesSheet, err, sheet, withCode } from './helpers';

const BALLOT_SHEETS = new Set(['双述双评', '双述双评计票', '满意度', '满意度计票', '民主评议', '民主评议计票', 'Review', '民主评议汇总']);

/** Parse 支部 (001, 002, 003) plus the given sheets; only the issues of ballot sheets are returned. */
function parse(...sheets: RawSheet[]) {
  const { model, issues } = parseWorkbook(book(branchesSheet(), ...sheets));
  return { ballots: model.ballots, issues: issues.filter((i) => BALLOT_SHEETS.has(i.at.sheet)) };
}

function canon(t: Tally | null) {
  expect(t).not.toBeNull();
  return canonicalTally(t as Tally).targets;
}

const at = (s: string, row: number, col: number) => ({ sheet: s, row, col });
const codes = (issues: readonly Issue[]) => issues.map((i) => [i.code, i.at]);
const counts = (levels: number[], invalid = 0, precounted = 0) => ({ levels, invalid, precounted });

describe('双述双评: long and 计票 forms', () => {
  const long = sheet('双述双评', [
    ['支部编号', '评议人类别', '评议人', '党建', '业务'],
    ['001', '上级', '甲', '好', '较好'],
    ['001', null, '乙', '较差', 'B'],
    ['001', '党员', '丙', 'a', 'Ａ'],
    ['001', '党员', '丁', null, '优'],
    ['002', '群众', null, '一般', '差'],
  ]);
  const pre = sheet('双述双评计票', [
    ['支部编号', '评议人类别', '方面', '好', '较好', '一般', '差'],
    ['001', '党员', '党建', 3, '１', null, '0'],
    ['003', '上级', '业务', '2票', 1, 1, 0],
    ['001', '党员', '党建', 1, 0, 0, 0],
  ]);

  it('sums both forms with synonyms and counts 废票 per aspect (hand-computed)', () => {
    const { ballots, issues } = parse(long, pre);
    expect(canon(ballots.review)).toEqual({
      '001': {
        上级: { rows: 1, aspects: { 党建: counts([1, 0, 0, 0]), 业务: counts([0, 1, 0, 0]) } },
        // Long: 差 (较差), 好 (a), blank → 党建 [1,0,0,1] + 1 废票; 计票 adds [3,1,0,0] and [1,0,0,0].
        党员: { rows: 3, aspects: { 党建: counts([5, 1, 0, 1], 1, 5), 业务: counts([1, 1, 0, 0], 1) } },
      },
      '002': { 群众: { rows: 1, aspects: { 党建: counts([0, 0, 1, 0]), 业务: counts([0, 0, 0, 1]) } } },
      '003': { 上级: { rows: 0, aspects: { 业务: counts([2, 1, 1, 0], 0, 4) } } },
    });
    expect(ballots.satisfaction).toBeNull();
    expect(ballots.appraisal).toBeNull();
    expect(codes(issues)).toEqual([
      ['BALLOT_LEVEL_INVALID', at('双述双评', 4, 3)],
      ['BALLOT_LEVEL_INVALID', at('双述双评', 4, 4)],
      ['BALLOT_FORMS_OVERLAP', at('双述双评计票', 1, 0)],
    ]);
    expect(issues[0]?.params).toEqual({ value: '', column: '党建' });
    expect(issues[1]?.params).toEqual({ value: '优', column: '业务' });
    // One warning per (target, group, aspect), though two 计票 rows overlap the long form.
    expect(issues[2]?.params).toEqual({ kind: '双述双评', target: '001', group: '党员', aspect: '党建' });
    expect(issues.map((i) => i.severity)).toEqual(['warning', 'warning', 'warning']);
  });

  it('gives the same tally whichever form comes first in the workbook', () => {
    const a = parse(long, pre);
    const b = parse(pre, long);
    expect(canon(b.ballots.review)).toEqual(canon(a.ballots.review));
    expect([...(b.ballots.review?.targets.keys() ?? [])]).toEqual(['001', '002', '003']);
  });

  it('rejects unknown groups and aspects, blank targets and unknown branches, row by row', () => {
    const { ballots, issues } = parse(
      sheet('双述双评', [
        ['支部编号', '评议人类别', '党建', '业务'],
        ['001', '学生', '好', '好'],
        [null, '上级', '好', '好'],
        ['009', '上级', '好', '好'],
        ['001', err('#N/A'), '好', '好'],
        ['001', ' 上级 ', err('#REF!'), '好'],
      ]),
      sheet('双述双评计票', [
        ['支部编号', '评议人类别', '方面', '好', '较好', '一般', '差'],
        ['001', '上级', '思想', 1, 0, 0, 0],
        ['001', '上级', null, 1, 0, 0, 0],
        ['001', '领导', '党建', 1, 0, 0, 0],
      ]),
    );
    expect(codes(issues)).toEqual([
      ['VALUE_NOT_ALLOWED', at('双述双评', 1, 1)],
      ['KEY_MISSING', at('双述双评', 2, 0)],
      ['BRANCH_UNKNOWN', at('双述双评', 3, 0)],
      ['CELL_ERROR_VALUE', at('双述双评', 4, 1)],
      ['CELL_ERROR_VALUE', at('双述双评', 5, 2)],
      ['VALUE_NOT_ALLOWED', at('双述双评计票', 1, 2)],
      ['REQUIRED_MISSING', at('双述双评计票', 2, 2)],
      ['VALUE_NOT_ALLOWED', at('双述双评计票', 3, 1)],
    ]);
    expect(issues[0]?.params).toEqual({ value: '学生', column: '评议人类别', allowed: '上级/党员/群众' });
    // Only the last long row counts: an error value in a level is that aspect's 废票.
    expect(canon(ballots.review)).toEqual({
      '001': { 上级: { rows: 1, aspects: { 党建: counts([0, 0, 0, 0], 1), 业务: counts([1, 0, 0, 0]) } } },
    });
  });

  it('flags a rater twice for one branch (any group) without naming the rater, and drops the later ballot', () => {
    const { ballots, issues } = parse(
      sheet('双述双评', [
        ['支部编号', '评议人类别', '评议人', '党建', '业务'],
        ['001', '党员', '张三', '好', '好'],
        ['002', '党员', '张三', '差', '差'],
        ['001', '上级', ' 张三 ', '差', '差'],
        ['001', '党员', '李四', '一般', '一般'],
        ['001', '党员', '张三', '差', null],
      ]),
    );
    expect(codes(issues)).toEqual([
      ['BALLOT_RATER_DUPLICATE', at('双述双评', 3, 2)],
      ['BALLOT_LEVEL_INVALID', at('双述双评', 5, 4)],
      ['BALLOT_RATER_DUPLICATE', at('双述双评', 5, 2)],
    ]);
    expect(issues[0]?.params).toEqual({ target: '001', first: 'C2' });
    expect(issues[2]?.params).toEqual({ target: '001', first: 'C2' });
    expect(JSON.stringify(issues.map((i) => i.params))).not.toContain('张三');
    expect(canon(ballots.review)).toEqual({
      '001': { 党员: { rows: 2, aspects: { 党建: counts([1, 0, 1, 0]), 业务: counts([1, 0, 1, 0]) } } },
      '002': { 党员: { rows: 1, aspects: { 党建: counts([0, 0, 0, 1]), 业务: counts([0, 0, 0, 1]) } } },
    });
  });

  it('reports negative, fractional and non-numeric counts and adds the row’s other counts', () => {
    const { ballots, issues } = parse(
      sheet('双述双评计票', [
        ['支部编号', '评议人类别', '方面', '好', '较好', '一般', '差'],
        ['001', '党员', '业务', -1, 2.5, '3票', ' ４ '],
        ['001', '党员', '党建', '1.5', '两', err('#VALUE!'), '2分'],
        ['002', null, '党建', null, null, null, null],
      ]),
    );
    expect(codes(issues)).toEqual([
      ['BALLOT_COUNT_INVALID', at('双述双评计票', 1, 3)],
      ['BALLOT_COUNT_INVALID', at('双述双评计票', 1, 4)],
      ['BALLOT_COUNT_INVALID', at('双述双评计票', 2, 3)],
      ['BALLOT_COUNT_INVALID', at('双述双评计票', 2, 4)],
      ['CELL_ERROR_VALUE', at('双述双评计票', 2, 5)],
    ]);
    expect(issues.slice(0, 4).map((i) => i.params)).toEqual([
      { value: '-1', column: '好' },
      { value: '2.5', column: '较好' },
      { value: '1.5', column: '好' },
      { value: '两', column: '较好' },
    ]);
    expect(issues[0]?.severity).toBe('error');
    expect(canon(ballots.review)).toEqual({
      '001': { 党员: { rows: 0, aspects: { 党建: counts([0, 0, 0, 2], 0, 2), 业务: counts([0, 0, 3, 4], 0, 7) } } },
      // A row whose counts are all blank is a row of zeros (the target was named).
      '002': { 党员: { rows: 0, aspects: { 党建: counts([0, 0, 0, 0]) } } },
    });
  });

  it('needs 党建 and 业务 in the long form and at least one level column in 计票', () => {
    const { ballots, issues } = parse(
      sheet('双述双评', [
        ['支部编号', '党建'],
        ['001', '好'],
      ]),
      sheet('双述双评计票', [
        ['支部编号', '方面', '合计'],
        ['001', '党建', 3],
      ]),
    );
    expect(issues.map((i) => [i.code, i.at, i.params])).toEqual([
      ['COLUMN_MISSING', { sheet: '双述双评', row: 0 }, { column: '业务' }],
      ['COLUMN_MISSING', { sheet: '双述双评计票', row: 0 }, { column: '好' }],
      ['COLUMN_MISSING', { sheet: '双述双评计票', row: 0 }, { column: '较好' }],
      ['COLUMN_MISSING', { sheet: '双述双评计票', row: 0 }, { column: '一般' }],
      ['COLUMN_MISSING', { sheet: '双述双评计票', row: 0 }, { column: '差' }],
    ]);
    // The kind's sheets exist, so its tally is there, and empty.
    expect(canon(ballots.review)).toEqual({});
  });

  it('reads the English aliases of sheet and columns', () => {
    const { ballots, issues } = parse(
      sheet('Review', [
        ['Branch', 'Group', 'Rater', 'Party work', 'Professional work'],
        ['003', '上级', 'x', 'c', 'D'],
      ]),
    );
    expect(issues).toEqual([]);
    expect(canon(ballots.review)).toEqual({
      '003': { 上级: { rows: 1, aspects: { 党建: counts([0, 0, 1, 0]), 业务: counts([0, 0, 0, 1]) } } },
    });
  });
});

describe('满意度', () => {
  it('sums long and 计票 rows; any group text is a group; A–D are 满意…不了解', () => {
    const { ballots, issues } = parse(
      sheet('满意度', [
        ['支部编号', '评议人类别', '评价'],
        ['001', null, '满意'],
        ['001', '群众', '基本满意'],
        ['001', '群众', 'd'],
        ['001', '学生代表', 'C'],
        ['002', null, ''],
        ['002', null, '很好'],
      ]),
      sheet('满意度计票', [
        ['支部编号', '评议人类别', '满意', '基本满意', '不满意', '不了解'],
        ['003', null, 10, 5, 1, 2],
        ['001', '群众', 1, 0, 0, 0],
      ]),
    );
    expect(canon(ballots.satisfaction)).toEqual({
      '001': {
        党员: { rows: 1, aspects: { '': counts([1, 0, 0, 0]) } },
        群众: { rows: 2, aspects: { '': counts([1, 1, 0, 1], 0, 1) } },
        学生代表: { rows: 1, aspects: { '': counts([0, 0, 1, 0]) } },
      },
      '002': { 党员: { rows: 2, aspects: { '': counts([0, 0, 0, 0], 2) } } },
      '003': { 党员: { rows: 0, aspects: { '': counts([10, 5, 1, 2], 0, 18) } } },
    });
    // '' is a blank level in a row with data: 废票 too.
    expect(codes(issues)).toEqual([
      ['BALLOT_LEVEL_INVALID', at('满意度', 5, 2)],
      ['BALLOT_LEVEL_INVALID', at('满意度', 6, 2)],
      ['BALLOT_FORMS_OVERLAP', at('满意度计票', 2, 0)],
    ]);
    expect(issues[1]?.params).toEqual({ value: '很好', column: '评价' });
    expect(issues[2]?.params).toEqual({ kind: '满意度', target: '001', group: '群众', aspect: '' });
    expect(ballots.review).toBeNull();
  });

  it('keeps a sheet with no rows as an empty tally, and reports an empty sheet', () => {
    const { ballots, issues } = parse(sheet('满意度', [[null]]));
    expect(codes(issues)).toEqual([['SHEET_EMPTY', { sheet: '满意度' }]]);
    expect(canon(ballots.satisfaction)).toEqual({});
  });
});

describe('民主评议', () => {
  const long = sheet('民主评议', [
    ['党员编号', '姓名', '支部编号', '评价', '评议人'],
    ['M1', '张三', '001', '优秀', '甲'],
    ['M1', '张三', '001', '合格', '乙'],
    ['M1', '张叁', '001', 'A', '丙'],
    ['M1', '张三', '001', '优秀', '甲 '],
    ['M2', '李四', '002', '不合格', null],
    ['M2', '李四', '003', '基本合格', null],
    [null, '王五', '001', '优秀', null],
    ['M3', '王五', '009', '优秀', null],
    ['M4', '赵六', null, '合格', null],
    ['M2', '李四', '003', 'b', null],
  ]);
  const pre = sheet('民主评议计票', [
    ['党员编号', '姓名', '支部编号', '优秀', '合格', '基本合格', '不合格'],
    ['M5', '钱七', '003', 2, '3', 0, 0],
    ['M1', '张三', '001', -1, 2.5, '三', 1],
  ]);

  it('tallies members from both forms, first row wins, conflicts and duplicates flagged (hand-computed)', () => {
    const { ballots, issues } = parse(long, pre);
    expect(canon(ballots.appraisal)).toEqual({
      // 优秀, 合格, A (优秀); the repeat of 甲 is not counted; 计票 adds 不合格 1 (its bad counts are not added).
      M1: { '': { rows: 3, aspects: { '': counts([2, 1, 0, 1], 0, 1) } } },
      M2: { '': { rows: 3, aspects: { '': counts([0, 1, 1, 1]) } } },
      M5: { '': { rows: 0, aspects: { '': counts([2, 3, 0, 0], 0, 5) } } },
    });
    expect([...ballots.members.values()]).toEqual([
      { id: 'M1', name: '张三', branch: '001', at: at('民主评议', 1, 0) },
      { id: 'M2', name: '李四', branch: '002', at: at('民主评议', 5, 0) },
      { id: 'M5', name: '钱七', branch: '003', at: at('民主评议计票', 1, 0) },
    ]);
    expect(codes(issues)).toEqual([
      ['BALLOT_MEMBER_CONFLICT', at('民主评议', 3, 1)],
      ['BALLOT_RATER_DUPLICATE', at('民主评议', 4, 4)],
      // Once per distinct variant: the last row repeats row 6's 支部编号 003.
      ['BALLOT_MEMBER_CONFLICT', at('民主评议', 6, 2)],
      ['KEY_MISSING', at('民主评议', 7, 0)],
      ['BRANCH_UNKNOWN', at('民主评议', 8, 2)],
      ['REQUIRED_MISSING', at('民主评议', 9, 2)],
      ['BALLOT_COUNT_INVALID', at('民主评议计票', 2, 3)],
      ['BALLOT_COUNT_INVALID', at('民主评议计票', 2, 4)],
      ['BALLOT_COUNT_INVALID', at('民主评议计票', 2, 5)],
      ['BALLOT_FORMS_OVERLAP', at('民主评议计票', 2, 0)],
    ]);
    expect(issues[0]?.params).toEqual({ id: 'M1', first: '民主评议!A2' });
    expect(issues[1]?.params).toEqual({ target: 'M1', first: 'E2' });
    expect(issues[2]?.params).toEqual({ id: 'M2', first: '民主评议!A6' });
    expect(issues[9]?.params).toEqual({ kind: '民主评议', target: 'M1', group: '', aspect: '' });
    expect(ballots.appraisalOverrides.size).toBe(0);
  });

  it('takes the first member record from whichever sheet comes first in the workbook', () => {
    const { ballots, issues } = parse(pre, long);
    expect(ballots.members.get('M1')).toEqual({ id: 'M1', name: '张三', branch: '001', at: at('民主评议计票', 2, 0) });
    expect([...ballots.members.keys()]).toEqual(['M5', 'M1', 'M2']);
    // The long row with 张叁 now conflicts with the 计票 row.
    expect(withCode(issues, 'BALLOT_MEMBER_CONFLICT').map((i) => [i.at, i.params])).toEqual([
      [at('民主评议', 3, 1), { id: 'M1', first: '民主评议计票!A3' }],
      [at('民主评议', 6, 2), { id: 'M2', first: '民主评议!A6' }],
    ]);
  });

  it('lets a later row fill a blank 姓名 without a conflict', () => {
    const { ballots, issues } = parse(
      sheet('民主评议', [
        ['党员编号', '姓名', '支部编号', '评价'],
        ['００７', null, '001', '合格'],
        ['007', '孙八', '001', '合格'],
        ['007', null, '001', '合格'],
      ]),
    );
    expect(issues).toEqual([]);
    expect(ballots.members.get('007')).toEqual({ id: '007', name: '孙八', branch: '001', at: at('民主评议', 1, 0) });
    expect(canon(ballots.appraisal)).toEqual({ '007': { '': { rows: 3, aspects: { '': counts([0, 3, 0, 0]) } } } });
  });

  it('reads 最终等次 overrides from the previous 民主评议汇总 without validating it', () => {
    const { ballots, issues } = parse(
      sheet('民主评议汇总', [
        [null, null],
        ['党员编号', '姓名', '支部编号', '建议等次', '最终等次', '预警'],
        ['M1', '张三', '001', '优秀', '合格', null],
        ['M2', '李四', '002', '合格', null, null],
        ['M3', null, '009', err('#N/A'), 'D', null],
        [' Ｍ４ ', null, null, null, 'ｂ', null],
        ['M5', null, null, null, '好', null],
        ['M1', null, null, null, '优秀', null],
        [err('#REF!'), null, null, null, '合格', null],
        [null, null, null, null, '合格', null],
      ]),
    );
    expect(issues).toEqual([]);
    expect([...ballots.appraisalOverrides]).toEqual([
      ['M1', 1],
      ['M3', 3],
      ['M4', 1],
    ]);
    // An output sheet is not a ballot sheet: no tally, no members.
    expect(ballots.appraisal).toBeNull();
    expect(ballots.members.size).toBe(0);
  });

  it('has no overrides when the previous 民主评议汇总 lacks 最终等次', () => {
    const { ballots } = parse(sheet('民主评议汇总', [['党员编号', '建议等次'], ['M1', '优秀']]));
    expect(ballots.appraisalOverrides.size).toBe(0);
  });
});

describe('a workbook without ballot sheets', () => {
  it('has no tallies, members or overrides', () => {
    const { ballots, issues } = parse();
    expect(ballots.review).toBeNull();
    expect(ballots.satisfaction).toBeNull();
    expect(ballots.appraisal).toBeNull();
    expect(ballots.members.size).toBe(0);
    expect(ballots.appraisalOverrides.size).toBe(0);
    expect(issues).toEqual([]);
  });
});
