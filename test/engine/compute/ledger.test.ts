import { describe, expect, it } from 'vitest';
import { computeResults } from '../../../engine/compute';
import { branchCell, buildModel, FORMULA_COL, formula, ledgerCell, RUBRIC_SHEET, sc } from './build';

const weights = { roleWeights: new Map([['上级', 1]]) };
const rated = { id: '1.1', points: 10 };
const meetings = formula('支部党员大会', ['支部党员大会'], (v) => v('支部党员大会'));

function ledgerModel(opts: {
  f?: ReturnType<typeof formula> | null;
  points?: number;
  rows?: Record<string, Record<string, number | null>>;
  columns?: string[];
  noLedger?: boolean;
  members?: number | null;
  measures?: Record<string, { satisfaction?: number; goodRate?: number }>;
}) {
  return buildModel({
    branches: [{ id: 'A', members: opts.members ?? null, groups: 2, months: 6 }],
    indicators: [rated, { id: '2.1', points: opts.points ?? 4, method: 'ledger', formula: opts.f === undefined ? meetings : opts.f }],
    scores: [sc('A', '1.1', '甲', 10)],
    ...(opts.noLedger ? {} : { ledger: { columns: opts.columns ?? ['支部党员大会', '支委会'], rows: opts.rows ?? { A: { 支部党员大会: 3, 支委会: 12 } } } }),
    settings: weights,
    measures: opts.measures ?? {},
  });
}

describe('台账 indicators (§3.3, §4)', () => {
  it('the formula value over the row', () => {
    const r = computeResults(ledgerModel({})).results[0];
    expect(r?.indicatorScores.get('2.1')).toBe(3);
    // (10 + 3) / 14 × 100
    expect(r?.total).toBeCloseTo((13 / 14) * 100, 12);
  });

  it('clamped to [0, 分值]', () => {
    const hi = computeResults(ledgerModel({ rows: { A: { 支部党员大会: 9, 支委会: 1 } } })).results[0];
    expect(hi?.indicatorScores.get('2.1')).toBe(4);
    const neg = formula('支部党员大会 - 10', ['支部党员大会'], (v) => v('支部党员大会') - 10);
    expect(computeResults(ledgerModel({ f: neg })).results[0]?.indicatorScores.get('2.1')).toBe(0);
  });

  it('built-in variables: 分值, 党小组数, 运行月数, 党员人数, 满意率, 好评率', () => {
    const names = ['分值', '党小组数', '运行月数', '党员人数', '满意率', '好评率'];
    const f = formula('…', names, (v) => v('分值') * 0 + v('党小组数') + v('运行月数') / 6 + v('党员人数') / 100 + v('满意率') + v('好评率'));
    const model = ledgerModel({ f, points: 10, members: 50, measures: { A: { satisfaction: 0.5, goodRate: 0.25 } } });
    // 2 + 1 + 0.5 + 0.5 + 0.25
    expect(computeResults(model).results[0]?.indicatorScores.get('2.1')).toBe(4.25);
  });

  it('a blank ledger cell is missing, not 0: 未评定 naming the cell', () => {
    const out = computeResults(ledgerModel({ rows: { A: { 支部党员大会: null, 支委会: 12 } } }));
    const r = out.results[0];
    expect(r?.missing).toEqual([{ kind: 'ledgerBlank', indicator: '2.1', cell: ledgerCell(0, 0) }]);
    expect(r?.total).toBeNull();
    expect(r?.grade).toBeNull();
    expect(r?.indicatorScores.has('2.1')).toBe(false);
    expect(out.issues).toContainEqual({ code: 'BRANCH_UNRATED', severity: 'error', at: branchCell(0), params: { branch: 'A', missing: '台账!B2', count: 1 } });
  });

  it('a blank cell of a column the formula does not read does not matter', () => {
    const out = computeResults(ledgerModel({ rows: { A: { 支部党员大会: 4, 支委会: null } } }));
    expect(out.results[0]?.total).toBe(100);
  });

  it('no 台账 row: 未评定 and LEDGER_ROW_MISSING', () => {
    const out = computeResults(ledgerModel({ rows: { Z: { 支部党员大会: 4, 支委会: 12 } } }));
    expect(out.results[0]?.missing).toEqual([{ kind: 'ledgerRow', indicator: '2.1' }]);
    expect(out.issues).toContainEqual({ code: 'LEDGER_ROW_MISSING', severity: 'warning', at: branchCell(0), params: { branch: 'A' } });
    expect(out.issues).toContainEqual({ code: 'BRANCH_UNRATED', severity: 'error', at: branchCell(0), params: { branch: 'A', missing: '2.1', count: 1 } });
  });

  it('no 台账 sheet: 未评定 (ledgerSheet), no LEDGER_ROW_MISSING', () => {
    const out = computeResults(ledgerModel({ noLedger: true }));
    expect(out.results[0]?.missing).toEqual([{ kind: 'ledgerSheet', indicator: '2.1' }]);
    expect(out.issues.map((i) => i.code)).toEqual(['BRANCH_UNRATED']);
  });

  it('a formula that reads 满意率 for a branch without ballots is missing (measure)', () => {
    const f = formula('满意率 * 分值', ['满意率', '分值'], (v) => v('满意率') * v('分值'));
    const out = computeResults(ledgerModel({ f }));
    expect(out.results[0]?.missing).toEqual([{ kind: 'measure', indicator: '2.1', name: '满意率' }]);
    expect(out.results[0]?.grade).toBeNull();
  });

  it('党员人数 blank in 支部: missing, unless 台账 has a 党员人数 column', () => {
    const f = formula('党员人数 / 10', ['党员人数'], (v) => v('党员人数') / 10);
    const blank = computeResults(ledgerModel({ f }));
    expect(blank.results[0]?.missing).toEqual([{ kind: 'branchField', indicator: '2.1', name: '党员人数' }]);
    const fromLedger = computeResults(ledgerModel({ f, columns: ['党员人数'], rows: { A: { 党员人数: 30 } } }));
    expect(fromLedger.results[0]?.indicatorScores.get('2.1')).toBe(3);
  });

  it('a non-finite result is FORMULA_RESULT_INVALID on the formula cell and the branch is 未评定', () => {
    const f = formula('支委会 / 支部党员大会', ['支委会', '支部党员大会'], (v) => v('支委会') / v('支部党员大会'));
    const out = computeResults(ledgerModel({ f, rows: { A: { 支部党员大会: 0, 支委会: 0 } } }));
    expect(out.issues).toContainEqual({
      code: 'FORMULA_RESULT_INVALID',
      severity: 'error',
      at: { sheet: RUBRIC_SHEET, row: 2, col: FORMULA_COL },
      params: { id: '2.1', branch: 'A', detail: 'NaN' },
    });
    expect(out.results[0]?.missing).toEqual([{ kind: 'formula', indicator: '2.1' }]);
    expect(out.results[0]?.total).toBeNull();
  });

  it('a formula that did not compile (null) makes every branch 未评定 for it', () => {
    const out = computeResults(ledgerModel({ f: null }));
    expect(out.results[0]?.missing).toEqual([{ kind: 'formula', indicator: '2.1' }]);
  });

  it('LEDGER_ROW_MISSING also when 台账 only has meeting columns; not when it has neither', () => {
    const withMeetings = buildModel({
      branches: ['A'],
      indicators: [rated],
      scores: [sc('A', '1.1', '甲', 10)],
      ledger: { columns: ['支委会'], rows: {} },
      settings: weights,
    });
    expect(computeResults(withMeetings).issues.map((i) => i.code)).toEqual(['LEDGER_ROW_MISSING']);
    const other = buildModel({
      branches: ['A'],
      indicators: [rated],
      scores: [sc('A', '1.1', '甲', 10)],
      ledger: { columns: ['志愿服务时长'], rows: {} },
      settings: weights,
    });
    expect(computeResults(other).issues).toEqual([]);
  });
});
