import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeResults } from '../../../engine/compute';
import { compareIssues } from '../../../engine/issues';
import type { Model } from '../../../engine/model';
import type { BranchResult, Gap } from '../../../engine/results';
import { buildModel, formula, type IndicatorSpec, type ModelSpec, type ScoreSpec } from './build';

const SEED = 20250101;
const RUNS = 150;
const DIMS = ['组织队伍强', '制度机制强', '服务效能强'];
const ROLES = ['上级', '上级', '自评'];
const MEETINGS = ['支委会', '党课'];

/** A random but valid model: a few branches, indicators of every method, raters in two roles, a ledger, vetoes, satisfaction. */
const modelSpec: fc.Arbitrary<ModelSpec> = fc
  .record({
    branchCount: fc.integer({ min: 1, max: 8 }),
    units: fc.integer({ min: 1, max: 3 }),
    indicators: fc.array(
      fc.record({
        dim: fc.integer({ min: 0, max: DIMS.length - 1 }),
        points: fc.integer({ min: 1, max: 20 }),
        method: fc.constantFrom('score', 'score', 'score', 'bonus', 'deduction', 'ledger'),
        alert: fc.constantFrom(0.5, 0.6, 0.8),
        veto: fc.option(fc.record({ kind: fc.constantFrom('force', 'cap'), grade: fc.integer({ min: 0, max: 3 }) }), { freq: 4 }),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    raters: fc.integer({ min: 1, max: 7 }),
    tenths: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 400, maxLength: 400 }),
    skip: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 400, maxLength: 400 }),
    meetings: fc.array(fc.option(fc.integer({ min: 0, max: 14 }), { freq: 6 }), { minLength: 16, maxLength: 16 }),
    vetoes: fc.array(fc.record({ b: fc.nat(), kind: fc.constantFrom('force', 'cap'), grade: fc.integer({ min: 0, max: 3 }), weak: fc.boolean() }), { maxLength: 3 }),
    satisfaction: fc.array(fc.option(fc.integer({ min: 30, max: 100 }), { freq: 2 }), { minLength: 8, maxLength: 8 }),
    previous: fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { freq: 2 }), { minLength: 8, maxLength: 8 }),
    quota: fc.constantFrom(0.3, 0.5, 1),
    scope: fc.constantFrom('all' as const, 'unit' as const),
  })
  .map((g) => {
    const ids = Array.from({ length: g.branchCount }, (_, i) => `B${i}`);
    const indicators: IndicatorSpec[] = g.indicators.map((s, i) => ({
      id: `${i + 1}`,
      dimension: DIMS[s.dim] ?? '组织队伍强',
      points: s.points,
      method: s.method,
      alert: s.alert,
      veto: s.veto,
      ...(s.method === 'ledger' ? { formula: formula('支委会 + 党课', MEETINGS, (v) => v('支委会') / 2 + v('党课')) } : {}),
    }));
    const scores: ScoreSpec[] = [];
    let k = 0;
    for (const b of ids) {
      for (const ind of indicators) {
        if (ind.method === 'ledger') continue;
        for (let r = 0; r < g.raters; r++, k++) {
          // about one (rater, branch, indicator) in 30 left blank, so that a few branches are 未评定
          if ((g.skip[k % g.skip.length] ?? 1) === 0) continue;
          const tenth = g.tenths[k % g.tenths.length] ?? 5;
          scores.push({ branch: b, indicator: ind.id, rater: `R${r}`, role: ROLES[r % ROLES.length] ?? '上级', value: ((ind.points ?? 10) * tenth) / 10 });
        }
      }
    }
    const rows: Record<string, Record<string, number | null>> = {};
    ids.forEach((b, i) => {
      rows[b] = { 支委会: g.meetings[2 * i] ?? null, 党课: g.meetings[2 * i + 1] ?? null };
    });
    const measures: Record<string, { satisfaction: number }> = {};
    ids.forEach((b, i) => {
      const s = g.satisfaction[i];
      if (s !== null && s !== undefined) measures[b] = { satisfaction: s / 100 };
    });
    return {
      branches: ids.map((id, i) => ({ id, unit: `U${i % g.units}`, previous: g.previous[i] ?? null, months: 6 + (i % 7) })),
      indicators,
      scores,
      ledger: { columns: MEETINGS, rows },
      vetoes: g.vetoes.map((v) => ({ branch: ids[v.b % ids.length] ?? 'B0', matter: `事项${v.b % 3}`, effect: { kind: v.kind, grade: v.grade }, weak: v.weak })),
      measures,
      settings: { topGradeQuota: g.quota, quotaScope: g.scope },
    } satisfies ModelSpec;
  });

function byId(results: readonly BranchResult[]): Map<string, BranchResult> {
  return new Map(results.map((r) => [r.branch.id, r]));
}

function gapsById(gaps: readonly Gap[]): Map<string, Gap[]> {
  const out = new Map<string, Gap[]>();
  for (const g of gaps) out.set(g.branch, [...(out.get(g.branch) ?? []), g]);
  return out;
}

describe('compute properties (fast-check, fixed seed)', () => {
  it('every indicator score stays within [0, 分值]; dimensions, 百分制 and 总分 within bounds', () => {
    fc.assert(
      fc.property(modelSpec, (spec) => {
        const model = buildModel(spec);
        const points = new Map(model.indicators.map((i) => [i.id, i.points]));
        for (const r of computeResults(model).results) {
          for (const [id, s] of r.indicatorScores) {
            expect(s).toBeGreaterThanOrEqual(0);
            expect(s).toBeLessThanOrEqual((points.get(id) ?? 0) + 1e-9);
          }
          for (const d of r.dimensions) if (d.score !== null) expect(d.score).toBeLessThanOrEqual(d.points + 1e-9);
          if (r.percent !== null) expect(r.percent).toBeLessThanOrEqual(100 + 1e-9);
          if (r.total !== null) expect(r.total).toBeGreaterThanOrEqual(0);
          expect(r.bonus).toBeLessThanOrEqual(model.settings.bonusCap);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('raising one score never lowers the base grade or the grade before the quota', () => {
    const raised = modelSpec.chain((spec) =>
      fc.tuple(fc.constant(spec), fc.nat({ max: Math.max(0, (spec.scores?.length ?? 1) - 1) }), fc.integer({ min: 1, max: 10 })),
    );
    fc.assert(
      fc.property(raised, ([spec, index, tenths]) => {
        const noQuota = { ...spec, settings: { ...spec.settings, topGradeQuota: 1 } };
        const scores = [...(spec.scores ?? [])];
        const target = scores[index];
        const ind = spec.indicators?.find((i) => i.id === target?.indicator);
        // a higher 扣分 rightly lowers the grade: only 评分 and 加分 scores are raised
        if (!target || !ind || ind.method === 'deduction') return;
        const points = ind.points ?? 10;
        scores[index] = { ...target, value: Math.min(points, target.value + (points * tenths) / 10) };
        const before = byId(computeResults(buildModel(noQuota)).results);
        const after = byId(computeResults(buildModel({ ...noQuota, scores })).results);
        for (const [id, b] of before) {
          const a = after.get(id);
          if (b.baseGrade === null || b.grade === null) continue;
          expect(a?.baseGrade).not.toBeNull();
          expect(a?.baseGrade ?? 99).toBeLessThanOrEqual(b.baseGrade);
          expect(a?.grade ?? 99).toBeLessThanOrEqual(b.grade);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('permuting model.scores and model.branches never changes any result, gap or issue', () => {
    const permuted = modelSpec.chain((spec) => {
      const model = buildModel(spec);
      return fc.tuple(
        fc.constant(model),
        fc.shuffledSubarray([...model.scores], { minLength: model.scores.length, maxLength: model.scores.length }),
        fc.shuffledSubarray([...model.branches], { minLength: model.branches.length, maxLength: model.branches.length }),
      );
    });
    fc.assert(
      fc.property(permuted, ([model, scores, branches]) => {
        const shuffled: Model = { ...model, scores, branches };
        const a = computeResults(model);
        const b = computeResults(shuffled);
        expect(byId(b.results)).toEqual(byId(a.results));
        expect(gapsById(b.gaps)).toEqual(gapsById(a.gaps));
        expect([...b.issues].sort(compareIssues)).toEqual([...a.issues].sort(compareIssues));
        expect(b.summary).toEqual(a.summary);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
