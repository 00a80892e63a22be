/**
 * 评分一致性 is a diagnostic: grades, totals, gaps and issues are the same with and without it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ComputeOutput } from '../../../engine/compute';
import type { Model } from '../../../engine/model';
import { buildModel, sc } from './build';

/** A model where the consistency sheet has a lot to say: a flagged rater, a constant rater, two roles. */
function model(): Model {
  const branches = ['A', 'B', 'C', 'D'];
  const strict = { A: 2, B: 3, C: 2, D: 1 } as const; // far below the others: flagged 偏低
  const scores = branches.flatMap((b, i) => [
    ...['甲', '乙', '丙', '丁', '戊'].flatMap((r) => [sc(b, '1.1', r, 9 - i), sc(b, '1.2', r, 18 - i)]),
    sc(b, '1.1', '己', strict[b as keyof typeof strict]),
    sc(b, '1.2', '己', 10),
    sc(b, '1.1', `${b}书记`, 10, '自评'),
    sc(b, '1.2', `${b}书记`, 20, '自评'),
  ]);
  return buildModel({
    branches,
    indicators: [
      { id: '1.1', points: 10 },
      { id: '1.2', points: 20, dimension: '制度机制强' },
    ],
    scores,
  });
}

/** Everything computeResults gives but the consistency itself. */
function graded(out: ComputeOutput): Omit<ComputeOutput, 'consistency'> {
  const { consistency: _omit, ...rest } = out;
  return rest;
}

afterEach(() => {
  vi.doUnmock('../../../engine/compute/consistency');
  vi.resetModules();
});

describe('评分一致性 never changes a grade', () => {
  it('computeResults gives the same results, gaps, issues and summary when the consistency step is replaced by nothing', async () => {
    vi.resetModules();
    const real = await import('../../../engine/compute');
    const withIt = real.computeResults(model());
    expect(withIt.consistency.raters.some((r) => r.flag !== null)).toBe(true);

    vi.resetModules();
    vi.doMock('../../../engine/compute/consistency', () => ({ raterConsistency: () => ({ raters: [], concordance: [] }) }));
    const mocked = await import('../../../engine/compute');
    const without = mocked.computeResults(model());
    expect(without.consistency.raters).toEqual([]);

    expect(graded(without)).toEqual(graded(withIt));
    expect(withIt.results.map((r) => [r.branch.id, r.total, r.grade])).toEqual(without.results.map((r) => [r.branch.id, r.total, r.grade]));
  });

  it('does not modify the model', async () => {
    const { raterConsistency } = await import('../../../engine/compute/consistency');
    const m = model();
    const before = structuredClone({ scores: m.scores, indicators: m.indicators, branches: m.branches });
    raterConsistency(m);
    expect({ scores: m.scores, indicators: m.indicators, branches: m.branches }).toEqual(before);
  });
});
