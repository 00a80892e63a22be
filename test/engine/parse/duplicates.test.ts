import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../../engine/parse';
import { resolveDuplicates } from '../../../engine/parse/duplicates';
import type { ScoreEntry } from '../../../engine/parse/scoreRules';
import type { RawSheet } from '../../../engine/raw';
import { book, branchesSheet, ledgerSheet, rubricSheet, sheet } from './helpers';

const LONG = ['支部编号', '指标编号', '评分人', '得分'];

function parse(...forms: RawSheet[]) {
  return parseWorkbook(book(branchesSheet(), rubricSheet(), ledgerSheet(), ...forms));
}

describe('§8 duplicate scores', () => {
  it('counts equal values (at 6 decimals) once, warning on the later cell across long and wide forms', () => {
    const long = sheet('评分', [LONG, ['001', '1.1', '张三', 3], ['001', '1.1', '李四', 2]]);
    const wide = sheet('评分-张三', [
      ['支部编号', '1.1'],
      ['001', 3.0000000001],
    ]);
    const { model, issues } = parse(long, wide);
    expect(model.scores.map((s) => [s.rater, s.value, s.at.sheet])).toEqual([
      ['张三', 3, '评分'],
      ['李四', 2, '评分'],
    ]);
    expect(issues).toContainEqual(
      expect.objectContaining({
        code: 'SCORE_DUPLICATE_SAME',
        severity: 'warning',
        at: { sheet: '评分-张三', row: 1, col: 1 },
        params: { rater: '张三', branch: '001', indicator: '1.1', other: '评分!D2' },
      }),
    );
  });

  it('counts neither of two different values and reports both cells', () => {
    const wide = sheet('评分-张三', [
      ['支部编号', '1.1'],
      ['001', 3],
    ]);
    const long = sheet('评分', [LONG, ['001', '1.1', ' 张三', 4], ['002', '1.1', '张三', 4]]);
    const { model, issues } = parse(wide, long);
    expect(model.scores.map((s) => [s.branch, s.value])).toEqual([['002', 4]]);
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'SCORE_DUPLICATE_CONFLICT', at: { sheet: '评分-张三', row: 1, col: 1 }, params: expect.objectContaining({ other: '评分!D2', value: '3', otherValue: '4' }) }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ code: 'SCORE_DUPLICATE_CONFLICT', at: { sheet: '评分', row: 1, col: 3 }, params: expect.objectContaining({ other: '评分-张三!B2', value: '4', otherValue: '3' }) }),
    );
  });

  it('treats two forms of one rater (评分-张三, Scores-张三) and rows within one sheet alike', () => {
    const a = sheet('评分-张三', [['支部编号', '1.1', '1.10'], ['001', 3, 5]]);
    const b = sheet('Scores-张三', [['支部编号', '1.10'], ['001', 6]]);
    const long = sheet('评分', [LONG, ['002', '1.1', '李四', 1], ['002', '1.1', '李四', 1]]);
    const { model, issues } = parse(a, b, long);
    expect(model.scores.map((s) => [s.branch, s.indicator, s.rater, s.value])).toEqual([
      ['001', '1.1', '张三', 3],
      ['002', '1.1', '李四', 1],
    ]);
    expect(issues.filter((i) => i.code === 'SCORE_DUPLICATE_CONFLICT').map((i) => i.at)).toEqual([
      { sheet: '评分-张三', row: 1, col: 2 },
      { sheet: 'Scores-张三', row: 1, col: 1 },
    ]);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'SCORE_DUPLICATE_SAME', at: { sheet: '评分', row: 2, col: 3 }, params: expect.objectContaining({ other: '评分!D2' }) }));
  });

  it('with three entries of which one differs, none counts and every cell is reported once', () => {
    const long = sheet('评分', [LONG, ['001', '1.1', '张三', 3], ['001', '1.1', '张三', 3], ['001', '1.1', '张三', 2]]);
    const { model, issues } = parse(long);
    expect(model.scores).toEqual([]);
    const conflicts = issues.filter((i) => i.code === 'SCORE_DUPLICATE_CONFLICT');
    expect(conflicts.map((i) => 'row' in i.at && i.at.row)).toEqual([1, 2, 3]);
    expect(issues.filter((i) => i.code === 'SCORE_DUPLICATE_SAME')).toEqual([]);
  });
});

describe('§8 duplicates, properties', () => {
  const entry = fc.record({
    rater: fc.constantFrom('张三', '李四'),
    branch: fc.constantFrom('001', '002'),
    indicator: fc.constantFrom('1.1', '1.10'),
    value: fc.constantFrom(1, 2, 3),
  });

  it('keeps exactly the keys whose values all agree, whatever the order', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 20 }), fc.integer(), (rows, seed) => {
        const toEntries = (rs: typeof rows): ScoreEntry[] =>
          rs.map((r, i) => ({ ...r, raterKey: r.rater, role: '上级', at: { sheet: '评分', row: i + 1, col: 3 } }));
        const shuffled = [...rows].sort((a, b) => ((hash(a) ^ seed) % 7) - ((hash(b) ^ seed) % 7));
        const result = (rs: typeof rows) =>
          new Map(resolveDuplicates(toEntries(rs), []).map((s) => [`${s.rater}|${s.branch}|${s.indicator}`, s.value] as const));
        const expected = new Map<string, number>();
        const values = new Map<string, Set<number>>();
        for (const r of rows) {
          const k = `${r.rater}|${r.branch}|${r.indicator}`;
          values.set(k, (values.get(k) ?? new Set()).add(r.value));
        }
        for (const [k, vs] of values) if (vs.size === 1) expected.set(k, [...vs][0] as number);
        expect(result(rows)).toEqual(expected);
        expect(result(shuffled)).toEqual(expected);
      }),
      { seed: 20260101, numRuns: 200 },
    );
  });
});

function hash(r: { rater: string; branch: string; indicator: string; value: number }): number {
  return (r.rater.length * 31 + r.branch.charCodeAt(2) * 7 + r.indicator.length * 3 + r.value) | 0;
}
