/**
 * Properties over whole workbooks (fast-check, fixed seed):
 * - the row order of any input sheet never changes a result;
 * - every indicator score stays within [0, 分值];
 * - raising one score never lowers the branch's grade before the quota.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runWorkbook, type Report } from '../../engine';
import { round6 } from '../../engine/numeric';
import type { RawSheet, Scalar } from '../../engine/raw';
import { sampleWorkbook } from '../../engine/template';

const SEED = 20261121;
const sample = sampleWorkbook({ branches: 24, units: 4, seed: 7 });

/** Index of a sheet's header row: the first row with a cell reading 支部编号/指标编号/参数 (wide forms have labels above). */
function headerRow(s: RawSheet): number {
  const i = s.cells.findIndex((r) => r.some((c) => c === '支部编号' || c === '指标编号' || c === '参数'));
  return Math.max(i, 0);
}

/** The sheet with its data rows (below the header) reordered by `perm` (a permutation of their indexes). */
function permuteRows(s: RawSheet, order: readonly number[]): RawSheet {
  const h = headerRow(s);
  const head = s.cells.slice(0, h + 1);
  const body = s.cells.slice(h + 1);
  const sorted = body.map((row, i) => ({ row, key: order[i % order.length]! * 1000 + i })).sort((a, b) => a.key - b.key);
  return { name: s.name, cells: [...head, ...sorted.map((x) => x.row)] };
}

/**
 * Every result that must not depend on row order, keyed by branch id (locations excluded). Numbers are compared
 * at 6 decimals, the precision of every comparison and output (§8): summing indicators in another row order
 * may change the last bit of a float (11.455 vs 11.454999999999998), never a written value.
 */
function fingerprint(report: Report): unknown {
  return JSON.parse(JSON.stringify(rawFingerprint(report), (_k, v: unknown) => (typeof v === 'number' ? round6(v) : v)));
}

function rawFingerprint(report: Report): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const r of report.results) {
    out[r.branch.id] = {
      scores: [...r.indicatorScores.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
      // Dimension columns follow the rubric's row order; their values must not.
      dims: r.dimensions.map((d) => [d.name, d.score, d.strong]).sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
      total: r.total,
      rank: r.rank,
      unitRank: r.unitRank,
      grade: r.grade,
      baseGrade: r.baseGrade,
      redFlag: r.redFlag,
      reasons: r.reasons,
    };
  }
  const gaps = report.gaps.map((g) => `${g.branch}|${g.type}|${g.item}|${g.actual === null ? '' : round6(g.actual)}`).sort();
  const codes = report.issues.map((i) => i.code).sort();
  return { out, gaps, codes };
}

describe('workbook properties', () => {
  const reference = fingerprint(runWorkbook(sample));

  it('the sample has no error issues (so the properties exercise graded branches)', () => {
    expect(runWorkbook(sample).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('row order of any input sheet never changes a result', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 999 }), { minLength: 1, maxLength: 40 }), fc.nat({ max: 100 }), (order, pick) => {
        const sheets = sample.sheets.map((s, i) => (i === pick % sample.sheets.length || pick > 90 ? permuteRows(s, order) : s));
        expect(fingerprint(runWorkbook({ sheets }))).toEqual(reference);
      }),
      { seed: SEED, numRuns: 25 },
    );
  });

  it('every indicator score stays within [0, 分值]', () => {
    const report = runWorkbook(sample);
    const points = new Map(report.model.indicators.map((i) => [i.id, i.points]));
    for (const r of report.results) {
      for (const [id, v] of r.indicatorScores) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(points.get(id)!);
      }
    }
  });

  it('raising one score never lowers the grade before the quota', () => {
    const longForm = sampleWorkbook({ branches: 24, units: 4, seed: 7, form: 'long' });
    const scoresSheet = longForm.sheets.find((s) => s.name === '评分')!;
    const header = scoresSheet.cells[0]!;
    const col = (name: string) => header.indexOf(name);
    const [cBranch, cIndicator, cScore] = [col('支部编号'), col('指标编号'), col('得分')];
    const points = new Map(runWorkbook(longForm).model.indicators.map((i) => [i.id, { points: i.points, method: i.method }]));
    const preQuota = (report: Report, id: string) => {
      const r = report.results.find((x) => x.branch.id === id)!;
      const quota = r.reasons.find((x) => x.kind === 'quota');
      return quota ? quota.from : r.grade;
    };
    fc.assert(
      fc.property(fc.nat({ max: scoresSheet.cells.length - 2 }), fc.double({ min: 0, max: 1, noNaN: true }), (i, frac) => {
        const row = scoresSheet.cells[i + 1]!;
        const p = points.get(String(row[cIndicator]));
        if (!p || p.method !== 'score') return;
        const old = Number(row[cScore]);
        const raised = old + (p.points - old) * frac;
        const cells: Scalar[][] = scoresSheet.cells.map((r) => [...r]);
        cells[i + 1]![cScore] = raised;
        const before = runWorkbook(longForm);
        const after = runWorkbook({ sheets: longForm.sheets.map((s) => (s === scoresSheet ? { name: s.name, cells } : s)) });
        const id = String(row[cBranch]);
        const g0 = preQuota(before, id);
        const g1 = preQuota(after, id);
        // Grades are indexes with 0 = top: not lower means the index does not grow.
        if (g0 !== null && g1 !== null) expect(g1).toBeLessThanOrEqual(g0);
      }),
      { seed: SEED, numRuns: 30 },
    );
  });
});
