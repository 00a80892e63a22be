/**
 * Property: whatever the committee types in 民主评议汇总 (最终等次 and a column of its own) and whichever
 * members the next run appraises, re-running keeps every value typed, by 党员编号, loses no row, starts
 * new members blank, and re-running on its own output changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppraisalResult, BallotResults } from '../../../engine/ballots';
import { emitAppraisal, FINAL_GRADE } from '../../../engine/emit/appraisal';
import { emitContext } from '../../../engine/emit/context';
import { rowKey } from '../../../engine/emit/user-columns';
import type { OutputSheet, OutputValue } from '../../../engine/output';
import type { RawSheet, Scalar } from '../../../engine/raw';
import { asRaw, branch, model, stats, withBallots } from './build';
import { isSubMultiset } from './multiset';

const M = withBallots(model([branch('001'), branch('002')]), ['appraisal']);
const UNIVERSE: readonly AppraisalResult[] = [
  ['M1', '001', [5, 3, 1, 0], 0],
  ['M2', '001', [1, 2, 1, 5], 3],
  ['M3', '002', [0, 0, 0, 0], null],
  ['M4', '002', [2, 6, 1, 0], 1],
  ['0005', '001', [3, 3, 3, 0], 1],
].map(([id, b, levels, suggested]) => ({
  member: { id: id as string, name: `党员${String(id)}`, branch: b as string, at: { sheet: '民主评议', row: 1, col: 0 } },
  counts: stats(levels as number[]),
  excellentShare: null,
  failShare: null,
  suggested: suggested as number | null,
  final: null,
  failFlag: false,
}));
const EXTRA = '备注';
const CARRIED = [FINAL_GRADE, EXTRA];

function run(members: readonly AppraisalResult[], existing: readonly RawSheet[]): OutputSheet {
  const ballots: BallotResults = {
    review: new Map(),
    satisfaction: new Map(),
    appraisal: members,
    appraisalByBranch: new Map([['001', { branch: '001', appraised: 3, excellent: 2, share: 2 / 3, flag: true }]]),
  };
  const sheet = emitAppraisal(emitContext({ model: M, results: [], gaps: [], issues: [], existing: { sheets: existing }, locale: 'zh-CN', ballots }));
  if (sheet === null) throw new Error('no sheet');
  return sheet;
}

/** A subset of the universe in a random order: the order members first appear in the ballots. */
const members = fc
  .array(fc.boolean(), { minLength: UNIVERSE.length, maxLength: UNIVERSE.length })
  .chain((bits) => fc.shuffledSubarray(UNIVERSE.filter((_, i) => bits[i]), { minLength: UNIVERSE.filter((_, i) => bits[i]).length }));
const value: fc.Arbitrary<Scalar> = fc.oneof(
  fc.constant(null),
  fc.constantFrom('优秀', '合格', '基本合格', '不合格', ' 优秀', 'A', '待定'),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -5, max: 50 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.date({ noInvalidDate: true }),
  fc.boolean(),
);
const addedRow = fc.record({
  id: fc.constantFrom('M1', 'Ｍ2', ' M9 ', '5', '0005'),
  values: fc.array(value, { minLength: CARRIED.length, maxLength: CARRIED.length }),
});
const scenario = fc.record({
  first: members,
  second: members,
  edits: fc.array(fc.array(value, { minLength: CARRIED.length, maxLength: CARRIED.length }), { minLength: UNIVERSE.length, maxLength: UNIVERSE.length }),
  added: fc.array(addedRow, { maxLength: 3 }),
});

/** The first run's output as the committee leaves it: 最终等次 typed, a 备注 column and rows added. */
function userEdited(first: OutputSheet, edits: readonly (readonly Scalar[])[], added: readonly { id: string; values: Scalar[] }[]): RawSheet {
  const raw = asRaw(first);
  const header = [...(raw.cells[0] ?? []), EXTRA] as Scalar[];
  const at = (h: string) => header.indexOf(h);
  const rows = raw.cells.slice(1).map((r, i) => {
    const row = [...r, null];
    CARRIED.forEach((c, j) => (row[at(c)] = edits[i]?.[j] ?? null));
    return row;
  });
  for (const a of added) {
    const row: Scalar[] = new Array<Scalar>(header.length).fill(null);
    row[at('党员编号')] = a.id;
    CARRIED.forEach((c, j) => (row[at(c)] = a.values[j] ?? null));
    rows.push(row);
  }
  return { name: '民主评议汇总', cells: [header, ...rows] };
}

const isBlankCell = (v: Scalar | OutputValue | undefined) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** Each row's key with the carried columns, serialised, so rows compare as a multiset. */
function carriedRows(header: readonly Scalar[], rows: readonly (readonly (Scalar | OutputValue)[])[]): string[] {
  const at = (h: string) => header.indexOf(h);
  return rows
    .map((r) => {
      const vals = CARRIED.map((c) => {
        const v = r[at(c)] ?? null;
        return v instanceof Date ? `D${v.getTime()}` : JSON.stringify(v);
      });
      return JSON.stringify([rowKey([(r[at('党员编号')] ?? null) as OutputValue]), ...vals]);
    })
    .sort();
}


describe('民主评议汇总 最终等次 merge (property, fixed seed)', () => {
  it('keeps every value typed, by 党员编号, loses no row and starts new members blank', () => {
    fc.assert(
      fc.property(scenario, ({ first, second, edits, added }) => {
        const old = userEdited(run(first, []), edits, added);
        const next = run(second, [old]);
        const header = next.columns.map((c) => c.header);
        const oldHeader = old.cells[0] ?? [];
        const oldRows = old.cells.slice(1).filter((r) => r.some((v) => !isBlankCell(v)));
        const oldKeys = new Set(oldRows.map((r) => rowKey([(r[oldHeader.indexOf('党员编号')] ?? null) as OutputValue])));
        const taken = second.filter((a) => oldKeys.has(rowKey([a.member.id]))).length;
        expect(next.rows.length).toBe(second.length + oldRows.length - taken);
        expect(isSubMultiset(carriedRows(oldHeader, oldRows), carriedRows(header, next.rows))).toBe(true);
        // This run's members come first, in ballot order; one that had no old row starts blank.
        second.forEach((a, i) => {
          const row = next.rows[i] ?? [];
          expect(row[header.indexOf('党员编号')]).toBe(a.member.id);
          if (!oldKeys.has(rowKey([a.member.id]))) for (const c of CARRIED) expect(row[header.indexOf(c)]).toBeNull();
        });
      }),
      { seed: 20250611, numRuns: 300 },
    );
  });

  it('is stable: re-running on its own output changes nothing', () => {
    fc.assert(
      fc.property(scenario, ({ first, second, edits, added }) => {
        const next = run(second, [userEdited(run(first, []), edits, added)]);
        expect(run(second, [asRaw(next)])).toEqual(next);
      }),
      { seed: 20250612, numRuns: 300 },
    );
  });
});
