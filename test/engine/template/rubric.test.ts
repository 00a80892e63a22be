import { describe, expect, it } from 'vitest';
import { compileFormula } from '../../../engine/formula';
import {
  BONUS_DIMENSION,
  DEDUCTION_DIMENSION,
  DEFAULT_RUBRIC,
  FORMULA_FUNCTIONS,
  FORMULA_VARIABLES,
  formulaIdentifiers,
  ledgerColumns,
  MEETING_COLUMNS,
  SIX_STRENGTHS,
  templateSheets,
} from '../../../engine/template';

const scoring = DEFAULT_RUBRIC.filter((r) => r.method === '评分' || r.method === '台账');
const ledgerRows = DEFAULT_RUBRIC.filter((r) => r.method === '台账');
const ledgerHeader = templateSheets().find((s) => s.name === '台账')?.columns.map((c) => c.header) ?? [];

describe('DEFAULT_RUBRIC', () => {
  it('has about 25 scoring indicators whose 分值 sum to exactly 100', () => {
    expect(scoring.length).toBeGreaterThanOrEqual(22);
    expect(scoring.length).toBeLessThanOrEqual(30);
    // Integer and half points only, so the sum is exact in floating point.
    expect(scoring.reduce((a, r) => a + r.points, 0)).toBe(100);
    for (const r of DEFAULT_RUBRIC) expect(r.points).toBeGreaterThan(0);
  });

  it('spans exactly the six dimensions of 六强, in order', () => {
    const dims = [...new Set(scoring.map((r) => r.dimension))];
    expect(dims).toEqual([...SIX_STRENGTHS]);
    for (const d of SIX_STRENGTHS) expect(scoring.filter((r) => r.dimension === d).length).toBeGreaterThanOrEqual(3);
  });

  it('has unique ids of the form <dimension>.<n>, numbered from the dimension', () => {
    const ids = DEFAULT_RUBRIC.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of DEFAULT_RUBRIC) expect(r.id).toMatch(/^[1-8]\.\d+$/);
    for (const r of scoring) expect(Number(r.id.split('.')[0])).toBe(SIX_STRENGTHS.indexOf(r.dimension as (typeof SIX_STRENGTHS)[number]) + 1);
  });

  it('has 2–3 加分 rows (7.x) and 2–3 扣分 rows (8.x) outside the six dimensions', () => {
    const bonus = DEFAULT_RUBRIC.filter((r) => r.method === '加分');
    const deduction = DEFAULT_RUBRIC.filter((r) => r.method === '扣分');
    expect(bonus.length).toBeGreaterThanOrEqual(2);
    expect(bonus.length).toBeLessThanOrEqual(3);
    expect(deduction.length).toBeGreaterThanOrEqual(2);
    expect(deduction.length).toBeLessThanOrEqual(3);
    for (const r of bonus) expect([r.dimension, r.id.startsWith('7.')]).toEqual([BONUS_DIMENSION, true]);
    for (const r of deduction) expect([r.dimension, r.id.startsWith('8.')]).toEqual([DEDUCTION_DIMENSION, true]);
  });

  it('has 4–6 台账 indicators, each with a formula; no other row has one', () => {
    expect(ledgerRows.length).toBeGreaterThanOrEqual(4);
    expect(ledgerRows.length).toBeLessThanOrEqual(6);
    for (const r of DEFAULT_RUBRIC) expect(r.formula !== null).toBe(r.method === '台账');
  });

  it('writes formulas only in the §4/§8 language over 台账 columns and known variables', () => {
    const allowed = new Set<string>([...FORMULA_FUNCTIONS, ...FORMULA_VARIABLES, ...ledgerHeader.slice(2)]);
    for (const r of ledgerRows) {
      const f = r.formula ?? '';
      // Numbers, identifiers, + - * / comparisons, ?:, parentheses, commas, spaces — nothing else.
      expect(f.replace(/[A-Za-z_\u3400-\u9fff][A-Za-z0-9_\u3400-\u9fff]*/g, '')).toMatch(/^[\d.\s+\-*/<>=!?:(),]*$/);
      // `=` alone is assignment (refused); `==`, `<=`, `>=`, `!=` are fine.
      expect(f).not.toMatch(/(^|[^=<>!])=($|[^=])/);
      expect(f).not.toContain('<>');
      for (const name of formulaIdentifiers(f)) expect(allowed, `${r.id}: ${name}`).toContain(name);
    }
  });

  it('uses only ledger columns that the 台账 header has', () => {
    expect(ledgerHeader.slice(0, 2)).toEqual(['支部编号', '支部名称']);
    expect(ledgerHeader.slice(2, 9)).toEqual([...MEETING_COLUMNS]);
    expect(ledgerHeader.slice(2)).toEqual(ledgerColumns());
    expect(ledgerHeader).toContain('人均学习学时');
  });

  it('compiles every formula with the engine and keeps full-compliance rows at full points', () => {
    const full = new Map<string, number>([
      ['支部党员大会', 4],
      ['支委会', 12],
      ['党小组会', 24],
      ['党课', 4],
      ['主题党日', 12],
      ['组织生活会', 1],
      ['民主评议党员', 1],
      ['人均学习学时', 32],
      ['党员人数', 20],
      ['党小组数', 2],
      ['运行月数', 12],
    ]);
    for (const r of ledgerRows) {
      const compiled = compileFormula(r.formula ?? '');
      expect(compiled.ok, r.id).toBe(true);
      if (!compiled.ok) continue;
      const vars = new Map(full).set('分值', r.points);
      expect(compiled.formula.evaluate(vars), r.id).toBeCloseTo(r.points, 9);
      const none = new Map([...vars].map(([k, v]) => [k, k === '分值' || k === '运行月数' ? v : 0]));
      expect(compiled.formula.evaluate(none), r.id).toBe(0);
    }
  });

  it('puts a 否决 effect on 1–2 indicators, with the alert it triggers on', () => {
    const vetoes = DEFAULT_RUBRIC.filter((r) => r.veto !== null);
    expect(vetoes.length).toBeGreaterThanOrEqual(1);
    expect(vetoes.length).toBeLessThanOrEqual(2);
    for (const r of vetoes) expect(r.veto).toMatch(/^(最高|定为)(好|较好|一般|较差)$/);
    expect(DEFAULT_RUBRIC.find((r) => r.formula?.includes('组织生活会'))?.veto).toBe('最高一般');
  });

  it('gives a few indicators their own 预警线 and most an 整改建议', () => {
    const alerts = DEFAULT_RUBRIC.filter((r) => r.alert !== null);
    expect(alerts.length).toBeGreaterThanOrEqual(2);
    for (const r of alerts) {
      expect(r.alert).toBeGreaterThan(0);
      expect(r.alert).toBeLessThan(1);
    }
    expect(scoring.filter((r) => r.advice !== null).length).toBe(scoring.length);
    for (const r of DEFAULT_RUBRIC) {
      expect(r.item.length).toBeGreaterThan(0);
      expect(r.standard.length).toBeGreaterThan(r.item.length);
    }
  });
});
