/**
 * Tallies are a mergeable value (workbook.md §5.4, §8 Ballots), checked on random ballots (fast-check,
 * fixed seed): the tally PARSED from the rows A ++ B equals the merge of the tallies parsed from A and
 * from B, for every kind and both forms; merge is commutative and associative with emptyTally as its
 * identity. "Equal" includes Map iteration order, so no caller can observe the order of merging.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BallotKind, Ballots, Tally } from '../../../engine/ballots';
import { canonicalTally, emptyTally, mergeTallies, tallyEquals } from '../../../engine/compute/tally';
import { parseWorkbook } from '../../../engine/parse';
import type { Scalar } from '../../../engine/raw';
import { book, branchesSheet, sheet } from '../parse/helpers';

const SEED = 20260503;
const RUNS = 150;

// Unknown branches (009), blank targets, unknown groups and every kind of level text, valid or not.
const branch = fc.constantFrom<Scalar>('001', '002', '003', '009', null, '００１');
const reviewGroup = fc.constantFrom<Scalar>('上级', '党员', '群众', null, '学生', ' 上级 ');
const openGroup = fc.constantFrom<Scalar>('党员', '群众', null, '学生代表', 'Ｘ');
const reviewLevel = fc.constantFrom<Scalar>('好', '较好', '一般', '差', '较差', 'A', 'ｂ', 'd', '', null, '优', 3);
const satisfactionLevel = fc.constantFrom<Scalar>('满意', '基本满意', '不满意', '不了解', 'C', 'ａ', null, '很好');
const appraisalLevel = fc.constantFrom<Scalar>('优秀', '合格', '基本合格', '不合格', 'B', 'Ｄ', null, '良');
const member = fc.constantFrom<Scalar>('M1', 'M2', 'M3', 'Ｍ４', null);
const memberName = fc.constantFrom<Scalar>('甲', '乙', null);
const count = fc.constantFrom<Scalar>(0, 1, 2, 5, null, '3票', '４', -1, 2.5, 'x');
const aspect = fc.constantFrom<Scalar>('党建', '业务', '思想', null);
/** Raters are numbered per sheet (unique, so no duplicate is dropped) or left blank. */
const hasRater = fc.boolean();

const reviewLong = fc.array(fc.tuple(branch, reviewGroup, hasRater, reviewLevel, reviewLevel), { maxLength: 25 });
const reviewCounts = fc.array(fc.tuple(branch, reviewGroup, aspect, count, count, count, count), { maxLength: 10 });
const satisfactionLong = fc.array(fc.tuple(branch, openGroup, hasRater, satisfactionLevel), { maxLength: 25 });
const satisfactionCounts = fc.array(fc.tuple(branch, openGroup, count, count, count, count), { maxLength: 10 });
const appraisalLong = fc.array(fc.tuple(member, memberName, branch, hasRater, appraisalLevel), { maxLength: 25 });
const appraisalCounts = fc.array(fc.tuple(member, memberName, branch, count, count, count, count), { maxLength: 10 });

const ballotRows = fc.record({ reviewLong, reviewCounts, satisfactionLong, satisfactionCounts, appraisalLong, appraisalCounts });
type Rows = typeof ballotRows extends fc.Arbitrary<infer T> ? T : never;

function concat(a: Rows, b: Rows): Rows {
  return {
    reviewLong: [...a.reviewLong, ...b.reviewLong],
    reviewCounts: [...a.reviewCounts, ...b.reviewCounts],
    satisfactionLong: [...a.satisfactionLong, ...b.satisfactionLong],
    satisfactionCounts: [...a.satisfactionCounts, ...b.satisfactionCounts],
    appraisalLong: [...a.appraisalLong, ...b.appraisalLong],
    appraisalCounts: [...a.appraisalCounts, ...b.appraisalCounts],
  };
}

const rater = (given: boolean, i: number): Scalar => (given ? `评议人${i}` : null);

/** The ballots parsed from a workbook holding `rows` (both forms of every kind, so no tally is null). */
function parseRows(rows: Rows): Ballots {
  const raw = book(
    branchesSheet(),
    sheet('双述双评', [['支部编号', '评议人类别', '评议人', '党建', '业务'], ...rows.reviewLong.map(([b, g, r, p, w], i) => [b, g, rater(r, i), p, w])]),
    sheet('双述双评计票', [['支部编号', '评议人类别', '方面', '好', '较好', '一般', '差'], ...rows.reviewCounts.map((r) => [...r])]),
    sheet('满意度', [['支部编号', '评议人类别', '评议人', '评价'], ...rows.satisfactionLong.map(([b, g, r, l], i) => [b, g, rater(r, i), l])]),
    sheet('满意度计票', [['支部编号', '评议人类别', '满意', '基本满意', '不满意', '不了解'], ...rows.satisfactionCounts.map((r) => [...r])]),
    sheet('民主评议', [['党员编号', '姓名', '支部编号', '评议人', '评价'], ...rows.appraisalLong.map(([m, n, b, r, l], i) => [m, n, b, rater(r, i), l])]),
    sheet('民主评议计票', [['党员编号', '姓名', '支部编号', '优秀', '合格', '基本合格', '不合格'], ...rows.appraisalCounts.map((r) => [...r])]),
  );
  return parseWorkbook(raw).model.ballots;
}

const KINDS: readonly BallotKind[] = ['review', 'satisfaction', 'appraisal'];

function tallyOf(b: Ballots, kind: BallotKind): Tally {
  const t = b[kind];
  if (!t) throw new Error(`no ${kind} tally`);
  return t;
}

/** Every Map as an array of entries, in iteration order: equal only when contents and order are. */
function ordered(t: Tally): unknown {
  return [
    t.kind,
    [...t.targets].map(([k, tt]) => [k, [...tt.groups].map(([g, gt]) => [g, gt.rows, [...gt.aspects].map(([a, c]) => [a, [...c.levels], c.invalid, c.precounted])])]),
  ];
}

function expectSame(x: Tally, y: Tally): void {
  expect(tallyEquals(x, y)).toBe(true);
  expect(canonicalTally(x)).toEqual(canonicalTally(y));
  expect(ordered(x)).toEqual(ordered(y));
}

describe('tally(A ++ B) = mergeTallies(tally(A), tally(B)), tallies parsed from sheets', () => {
  it('holds for every kind, long and 计票 forms mixed', () => {
    fc.assert(
      fc.property(ballotRows, ballotRows, (a, b) => {
        const ta = parseRows(a);
        const tb = parseRows(b);
        const tab = parseRows(concat(a, b));
        for (const kind of KINDS) expectSame(tallyOf(tab, kind), mergeTallies(tallyOf(ta, kind), tallyOf(tb, kind)));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('mergeTallies laws', () => {
  it('is commutative and associative, with emptyTally as identity', () => {
    fc.assert(
      fc.property(ballotRows, ballotRows, ballotRows, (ra, rb, rc) => {
        const [a, b, c] = [parseRows(ra), parseRows(rb), parseRows(rc)];
        for (const kind of KINDS) {
          const [x, y, z] = [tallyOf(a, kind), tallyOf(b, kind), tallyOf(c, kind)];
          expectSame(mergeTallies(x, y), mergeTallies(y, x));
          expectSame(mergeTallies(mergeTallies(x, y), z), mergeTallies(x, mergeTallies(y, z)));
          expectSame(mergeTallies(emptyTally(kind), x), x);
          expectSame(mergeTallies(x, emptyTally(kind)), x);
        }
      }),
      { seed: SEED + 1, numRuns: RUNS / 3 },
    );
  });
});
