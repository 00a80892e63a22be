/**
 * Property: whatever the user types in 问题清单 and whatever the next run finds, re-running keeps
 * every value the user wrote (by key), and re-running on its own output changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emitContext } from '../../../engine/emit/context';
import { emitGaps, GAP_USER_COLUMNS } from '../../../engine/emit/gaps';
import { rowKey } from '../../../engine/emit/user-columns';
import type { OutputSheet, OutputValue } from '../../../engine/output';
import type { RawSheet, Scalar } from '../../../engine/raw';
import type { Gap } from '../../../engine/results';
import { asRaw, branch, gap, model } from './build';
import { isSubMultiset } from './multiset';

const M = model([branch('001'), branch('002'), branch('003', { unit: '理学院党委' })]);
const UNIVERSE: readonly Gap[] = [
  gap('001', '指标低于预警线', '1.1', { unit: 'points', standard: 3, actual: 1.2345, diff: 1.7655, detail: '班子' }),
  gap('001', '会议次数不足', '支委会', { unit: 'count', standard: 12, actual: 8, diff: 4 }),
  gap('002', '维度未达强', '组织队伍强', { unit: 'points', standard: 16, actual: 15.5, diff: 0.5 }),
  gap('002', '满意率偏低', '满意率', { unit: 'ratio', standard: 0.9, actual: 0.81234, diff: 0.08766 }),
  gap('003', '否决事项', '违纪', { detail: '定为较差' }),
  gap('003', '连续较差', '等次'),
];
const EXTRA = '备注';
const CARRIED = [...GAP_USER_COLUMNS, EXTRA];

function run(gaps: readonly Gap[], existing: readonly RawSheet[]): OutputSheet {
  return emitGaps(emitContext({ model: M, results: [], gaps, issues: [], existing: { sheets: existing }, locale: 'zh-CN' }));
}

const subset = fc.array(fc.boolean(), { minLength: UNIVERSE.length, maxLength: UNIVERSE.length }).map((bits) => UNIVERSE.filter((_, i) => bits[i]));
const value: fc.Arbitrary<Scalar> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 6 }),
  fc.constantFrom('未整改', '整改中', '已销号'),
  fc.integer({ min: -5, max: 50 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.date({ noInvalidDate: true }),
  fc.boolean(),
);
interface UserRow {
  branch: string;
  type: string;
  item: string;
  status: string | null;
  values: Scalar[];
}
const userRow: fc.Arbitrary<UserRow> = fc.record({
  branch: fc.constantFrom('001', '００２', ' 003 ', '009'),
  type: fc.constantFrom('会议次数不足', '否决事项', '其他'),
  item: fc.constantFrom('支委会', '违纪', '换届'),
  status: fc.constantFrom(null, '', '手工'),
  values: fc.array(value, { minLength: CARRIED.length, maxLength: CARRIED.length }),
});
const scenario = fc.record({
  first: subset,
  second: subset,
  edits: fc.array(fc.array(value, { minLength: CARRIED.length, maxLength: CARRIED.length }), { minLength: UNIVERSE.length, maxLength: UNIVERSE.length }),
  added: fc.array(userRow, { maxLength: 3 }),
});

/** The first run's output as the user leaves it: user columns typed, a 备注 column and rows added. */
function userEdited(first: OutputSheet, edits: readonly (readonly Scalar[])[], added: readonly UserRow[]): RawSheet {
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
    row[at('支部编号')] = a.branch;
    row[at('问题类型')] = a.type;
    row[at('项目')] = a.item;
    row[at('检出状态')] = a.status;
    CARRIED.forEach((c, j) => (row[at(c)] = a.values[j] ?? null));
    rows.push(row);
  }
  return { name: '问题清单', cells: [header, ...rows] };
}

/** Each row's key with the carried columns, serialised, so rows compare as a multiset. */
function carriedRows(header: readonly Scalar[], rows: readonly (readonly (Scalar | OutputValue)[])[]): string[] {
  const at = (h: string) => header.indexOf(h);
  return rows
    .map((r) => {
      const key = rowKey(['支部编号', '问题类型', '项目'].map((h) => (r[at(h)] ?? null) as OutputValue));
      const vals = CARRIED.map((c) => {
        const v = r[at(c)] ?? null;
        return v instanceof Date ? `D${v.getTime()}` : JSON.stringify(v);
      });
      return JSON.stringify([key, ...vals]);
    })
    .sort();
}


describe('问题清单 merge (property, fixed seed)', () => {
  it('keeps every value the user wrote, by key, and loses no row', () => {
    fc.assert(
      fc.property(scenario, ({ first, second, edits, added }) => {
        const old = userEdited(run(first, []), edits, added);
        const next = run(second, [old]);
        const header = next.columns.map((c) => c.header);
        const nonBlankOld = old.cells.slice(1).filter((r) => r.some((v) => v !== null && !(typeof v === 'string' && v.trim() === '')));
        // Each gap found now takes over the first old row with its key; every other old row stays.
        const oldHeader = old.cells[0] ?? [];
        const oldKeys = new Set(nonBlankOld.map((r) => rowKey(['支部编号', '问题类型', '项目'].map((h) => (r[oldHeader.indexOf(h)] ?? null) as OutputValue))));
        const taken = second.filter((g) => oldKeys.has(rowKey([g.branch, g.type, g.item]))).length;
        expect(next.rows.length).toBe(second.length + nonBlankOld.length - taken);
        expect(isSubMultiset(carriedRows(old.cells[0] ?? [], nonBlankOld), carriedRows(header, next.rows))).toBe(true);
        // Every gap found now is there, marked 本次检出.
        const keyAt = (h: string) => header.indexOf(h);
        for (const g of second) {
          const found = next.rows.filter((r) => r[keyAt('项目')] === g.item && r[keyAt('问题类型')] === g.type && r[keyAt('检出状态')] === '本次检出');
          expect(found.length).toBeGreaterThanOrEqual(1);
        }
      }),
      { seed: 20250601, numRuns: 300 },
    );
  });

  it('is stable: re-running on its own output changes nothing', () => {
    fc.assert(
      fc.property(scenario, ({ first, second, edits, added }) => {
        const next = run(second, [userEdited(run(first, []), edits, added)]);
        const again = run(second, [asRaw(next)]);
        expect(again).toEqual(next);
      }),
      { seed: 20250602, numRuns: 300 },
    );
  });
});
