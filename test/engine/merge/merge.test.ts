/**
 * mergeWorkbooks on small inline workbooks: rows land under the master's sheets by kind and header,
 * with 来源; refusals (rubric, duplicate, empty); conflicts; unknown branches; ballots add exactly.
 */
import { describe, expect, it } from 'vitest';
import type { Tally } from '../../../engine/ballots';
import { mergeTallies, tallyEquals } from '../../../engine/compute/tally';
import { runWorkbook } from '../../../engine/index';
import { applyPlan, mergeWorkbooks, type MergeSource } from '../../../engine/merge';
import { parseWorkbook } from '../../../engine/parse';
import type { RawSheet, RawWorkbook } from '../../../engine/raw';
import { book, branchesSheet, ledgerSheet, rubricSheet, sheet } from '../parse/helpers';
import { gradingDigest } from './helpers';

const SETTINGS = sheet('参数', [['参数', '值'], ['评分人类别权重', '上级=1,自评=0']]);

function master(...extra: RawSheet[]): RawWorkbook {
  return book(branchesSheet(), rubricSheet(), ledgerSheet(), SETTINGS, ...extra);
}

const src = (name: string, ...sheets: RawSheet[]): MergeSource => ({ name, workbook: book(...sheets) });

/** 张三 scores 001–003 on 1.1 and 1.10, long form. */
const scoresA = sheet('评分', [
  ['支部编号', '指标编号', '评分人', '得分'],
  ['001', '1.1', '张三', 4],
  ['001', '1.10', '张三', 5],
  ['002', '1.1', '张三', 3],
  ['002', '1.10', '张三', 4],
  ['003', '1.1', '张三', 2],
  ['003', '1.10', '张三', 6],
]);
/** 李四 scores in a wide form with English headers, columns in another order. */
const formB = sheet('评分-李四', [
  ['评分人类别', '上级'],
  ['1.10 党员发展', 'Branch', '1.1'],
  [5, '001', 3],
  [6, '002', 4],
  [3, '003', 3],
]);
const satisfactionA = sheet('满意度', [
  ['支部编号', '评议人类别', '评价'],
  ['001', '党员', '满意'],
  ['001', '党员', '不满意'],
  ['002', '群众', '基本满意'],
]);
const satisfactionB = sheet('Satisfaction', [
  ['Rating', 'Branch'],
  ['满意', '001'],
  ['满意', '003'],
]);
const countsA = sheet('满意度计票', [
  ['支部编号', '评议人类别', '满意', '基本满意', '不满意', '不了解'],
  ['001', '党员', 10, 2, 1, 0],
]);
const countsB = sheet('满意度计票', [
  ['支部编号', '评议人类别', '满意', '不满意'],
  ['001', '党员', 5, 1],
  ['002', '群众', 3, 0],
]);

describe('mergeWorkbooks', () => {
  it('appends rows under the master sheet of the same kind, by header, with 来源', () => {
    const m = master(sheet('评分', [['支部编号', '指标编号', '评分人', '评分人类别', '得分', '备注']]));
    const r = mergeWorkbooks(m, [src('a.xlsx', scoresA, sheet('说明', [['随便']]))]);
    expect(r.files).toEqual([
      { name: 'a.xlsx', status: 'merged', differences: [], rows: [{ sheet: '评分', rows: 6 }], raters: 1, conflicts: 0 },
    ]);
    expect(r.plan.append).toHaveLength(1);
    const a = r.plan.append[0];
    expect(a?.sheet).toBe('评分');
    expect(a?.addSourceColumn).toBe(true);
    expect(a?.headerRow).toBe(0);
    expect(a?.header).toEqual(['支部编号', '指标编号', '评分人', '评分人类别', '得分', '备注', '来源']);
    expect(a?.rows[0]).toEqual(['001', '1.1', '张三', null, 4, null, 'a.xlsx']);
    expect(r.plan.add).toEqual([]);
  });

  it('adds contract columns the master lacks (评分人类别) before 来源, and keeps no unknown column', () => {
    const m = master(sheet('评分', [['指标编号', '支部编号', '得分', '评分人', '来源']]));
    const s = sheet('评分', [
      ['支部编号', '指标编号', '评分人', '评分人类别', '得分', '我的列'],
      ['001', '1.1', '王五', '自评', 4, 'x'],
    ]);
    const a = mergeWorkbooks(m, [src('b.xlsx', s)]).plan.append[0];
    expect(a?.header).toEqual(['指标编号', '支部编号', '得分', '评分人', '来源', '评分人类别']);
    expect(a?.addSourceColumn).toBe(false);
    expect(a?.firstNewColumn).toBe(5);
    expect(a?.rows).toEqual([['1.1', '001', 4, '王五', 'b.xlsx', '自评']]);
    const merged = applyPlan(m, mergeWorkbooks(m, [src('b.xlsx', s)]).plan);
    expect(parseWorkbook(merged).model.scores.map((x) => [x.rater, x.role])).toEqual([['王五', '自评']]);
  });

  it('copies wide forms as their own sheets, renaming a repeated name and labelling its rater', () => {
    const m = master(sheet('评分-李四', [['支部编号', '1.1'], ['001', 2]]));
    const r = mergeWorkbooks(m, [src('b.xlsx', formB)]);
    expect(r.plan.add.map((s) => s.name)).toEqual(['评分-李四 (2)']);
    const form = r.plan.add[0];
    expect(form?.preamble).toEqual([['评分人类别', '上级'], ['评分人', '李四'], ['来源', 'b.xlsx']]);
    expect(form?.columns.map((c) => c.header)).toEqual(['1.10 党员发展', 'Branch', '1.1']);
    expect(form?.rows).toEqual([[5, '001', 3], [6, '002', 4], [3, '003', 3]]);
    // 李四 gave 001/1.1 in both files: a conflict listed, both values kept for §8 (2 ≠ 3: neither counts).
    expect(r.conflicts).toEqual([{ rater: '李四', branch: '001', indicator: '1.1', files: ['主工作簿', 'b.xlsx'], values: [2, 3] }]);
    const parsed = parseWorkbook(applyPlan(m, r.plan));
    expect(parsed.issues.filter((i) => i.code === 'SCORE_DUPLICATE_CONFLICT').map((i) => i.at)).toEqual([
      { sheet: '评分-李四', row: 1, col: 1 },
      { sheet: '评分-李四 (2)', row: 4, col: 2 },
    ]);
  });

  it('cuts a renamed form to 31 characters', () => {
    const long = `评分-${'很长的名字'.repeat(6)}`.slice(0, 31);
    const m = master(sheet(long, [['支部编号', '1.1'], ['001', 2]]));
    const r = mergeWorkbooks(m, [src('b.xlsx', sheet(long, [['支部编号', '1.1'], ['002', 2]]))]);
    const name = r.plan.add[0]?.name ?? '';
    expect(name.length).toBe(31);
    expect(name.endsWith(' (2)')).toBe(true);
  });

  it('refuses a file whose rubric differs, naming the indicators and fields', () => {
    const changed = sheet('Rubric', [
      ['ID', '一级指标', '分值', '计分方式', '台账公式'],
      ['1.1', '组织队伍强', '５分', 'score', null],
      ['1.10', '组织队伍强', 6, '评分', null],
      ['2.1', '制度机制强', 10, '台账', 'min(党课*2.5,分值)'],
      ['9.1', '加分', 5, '加分', null],
      ['9.3', '扣分', 3, '扣分', null],
    ]);
    const r = mergeWorkbooks(master(), [src('c.xlsx', changed, scoresA)]);
    expect(r.files[0]?.status).toBe('refused');
    expect(r.files[0]?.refusal).toBe('rubric');
    expect(r.files[0]?.differences).toEqual([
      { indicator: '1.1', field: '分值', master: '4', source: '５分' },
      { indicator: '9.2', field: 'missing', master: '9.2', source: '' },
      { indicator: '9.3', field: 'extra', master: '', source: '9.3' },
    ]);
    expect(r.plan).toEqual({ append: [], add: [] });
  });

  it('accepts a rubric that differs only in spelling (aliases, full width, spaces in formulas)', () => {
    const same = sheet('指标', [
      ['指标编号', '一级指标', '分值', '计分方式', '台账公式', '预警线'],
      ['1.1', '组织队伍强', '４', 'Score', null, null],
      ['1.10', ' 组织队伍强 ', 6, null, null, null],
      ['2.1', '制度机制强', '10分', '台账', ' min( 党课 * 2.5 , 分值 )', null],
      ['9.1', '加分', 5, 'bonus', null, null],
      ['9.2', '扣分', 3, '扣分', null, null],
    ]);
    expect(mergeWorkbooks(master(), [src('d.xlsx', same, scoresA)]).files[0]?.status).toBe('merged');
  });

  it('refuses a file merged before (same 来源 or same content) and counts nothing twice', () => {
    const m0 = master(sheet('评分', [['支部编号', '指标编号', '评分人', '得分']]), sheet('满意度', [['支部编号', '评议人类别', '评价']]));
    const once = mergeWorkbooks(m0, [src('a.xlsx', scoresA, satisfactionA)]);
    const m1 = applyPlan(m0, once.plan);
    // The same file again, by name and under another name; and twice in one run.
    const again = mergeWorkbooks(m1, [src('a.xlsx', scoresA, satisfactionA), src('a-copy.xlsx', satisfactionA, scoresA)]);
    expect(again.files.map((f) => [f.status, f.refusal])).toEqual([
      ['refused', 'duplicate'],
      ['refused', 'duplicate'],
    ]);
    expect(again.plan).toEqual({ append: [], add: [] });
    const twice = mergeWorkbooks(m0, [src('a.xlsx', scoresA, satisfactionA), src('b.xlsx', scoresA, satisfactionA)]);
    expect(twice.files.map((f) => f.status)).toEqual(['merged', 'refused']);
    const satisfaction = (raw: RawWorkbook) => parseWorkbook(raw).model.ballots.satisfaction;
    const after = satisfaction(applyPlan(m0, twice.plan));
    const one = satisfaction(applyPlan(m0, once.plan));
    expect(after && one && tallyEquals(after, one)).toBe(true);
    expect(gradingDigest(runWorkbook(applyPlan(m0, twice.plan)))).toEqual(gradingDigest(runWorkbook(m1)));
    // The master itself as a source: its own rows are already there.
    expect(mergeWorkbooks(m1, [src('master.xlsx', ...m1.sheets)]).files[0]?.refusal).toBe('duplicate');
  });

  it('refuses a file without data rows as empty', () => {
    const r = mergeWorkbooks(master(), [src('e.xlsx', sheet('评分', [['支部编号', '指标编号', '评分人', '得分']]))]);
    expect(r.files[0]).toMatchObject({ status: 'refused', refusal: 'empty' });
  });

  it('reports a row for a branch the master lacks on its cell and does not merge it', () => {
    const s = sheet('评分', [
      ['备注', '支部编号', '指标编号', '评分人', '得分'],
      [null, '001', '1.1', '赵六', 4],
      [null, '０９９', '1.1', '赵六', 4],
    ]);
    const form = sheet('评分-钱七', [['支部编号', '1.1'], ['001', 3], ['777', 3]]);
    const r = mergeWorkbooks(master(), [src('f.xlsx', s, form)]);
    expect(r.issues.map((i) => [i.code, i.at, i.params])).toEqual([
      ['BRANCH_UNKNOWN', { sheet: 'f.xlsx:评分', row: 2, col: 1 }, { id: '099' }],
      ['BRANCH_UNKNOWN', { sheet: 'f.xlsx:评分-钱七', row: 2, col: 0 }, { id: '777' }],
    ]);
    expect(r.files[0]?.rows).toEqual([
      { sheet: '评分', rows: 1 },
      { sheet: '评分-钱七', rows: 1 },
    ]);
    // 评分 is missing in the master: a new sheet with the file's columns and 来源.
    // (备注 is blank in every row, so it is not carried.)
    expect(r.plan.add[0]?.columns.map((c) => c.header)).toEqual(['支部编号', '指标编号', '评分人', '得分', '来源']);
    expect(r.plan.add[0]?.rows).toEqual([['001', '1.1', '赵六', 4, 'f.xlsx']]);
    expect(r.plan.add[1]?.rows).toEqual([['001', 3]]);
  });

  it('is order-free: merge(A, B) and merge(B, A) grade alike', () => {
    const m = master(sheet('评分', [['支部编号', '指标编号', '评分人', '得分']]));
    const a = src('a.xlsx', scoresA, satisfactionA, countsA);
    const b = src('b.xlsx', formB, satisfactionB, countsB, sheet('评分', [['支部编号', '指标编号', '评分人', '得分'], ['001', '1.1', '张三', 3]]));
    const ab = mergeWorkbooks(m, [a, b]);
    const ba = mergeWorkbooks(m, [b, a]);
    expect(ab.conflicts).toEqual([{ rater: '张三', branch: '001', indicator: '1.1', files: ['a.xlsx', 'b.xlsx'], values: [4, 3] }]);
    expect(ba.conflicts.map((c) => [c.rater, c.branch, c.indicator])).toEqual([['张三', '001', '1.1']]);
    const gradeAB = runWorkbook(applyPlan(m, ab.plan));
    const gradeBA = runWorkbook(applyPlan(m, ba.plan));
    expect(gradingDigest(gradeAB, true)).toEqual(gradingDigest(gradeBA, true));
    expect(gradeAB.results.map((x) => x.total)).toEqual(gradeBA.results.map((x) => x.total));
    // 003 has no 台账 row, so it stays 未评定 in both.
    expect(gradeAB.results.map((x) => x.total === null)).toEqual([false, false, true]);
  });

  it('adds ballots and pre-counted tallies exactly: the merged tally is the merge of each file’s', () => {
    const m = master();
    const a = book(satisfactionA, countsA);
    const b = book(satisfactionB, countsB);
    const tallyOf = (raw: RawWorkbook): Tally => {
      const t = parseWorkbook(book(branchesSheet(), ...raw.sheets)).model.ballots.satisfaction;
      if (!t) throw new Error('no satisfaction tally');
      return t;
    };
    const merged = applyPlan(m, mergeWorkbooks(m, [src('a.xlsx', ...a.sheets), src('b.xlsx', ...b.sheets)]).plan);
    const t = parseWorkbook(merged).model.ballots.satisfaction;
    expect(t && tallyEquals(t, mergeTallies(tallyOf(a), tallyOf(b)))).toBe(true);
    // 001 党员: 满意 1 (A) + 1 (B, blank group = 党员) + 10 + 5 counted, 基本满意 2, 不满意 1 + 1 + 1; 19 of them pre-counted.
    expect(t?.targets.get('001')?.groups.get('党员')?.aspects.get('')).toEqual({ levels: [17, 2, 3, 0], invalid: 0, precounted: 19 });
  });
});
