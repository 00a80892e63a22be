import { describe, expect, it } from 'vitest';
import { findSheet, keepValue, layout, mergeByKey, readExisting, rowKey } from '../../../engine/emit/user-columns';
import type { RawSheet } from '../../../engine/raw';

const KNOWN = ['党员编号', '姓名', '最终等次'];

describe('reading an existing output sheet', () => {
  it('finds the sheet by normalised name', () => {
    const wb = { sheets: [{ name: 'Other', cells: [] }, { name: ' 民主评议汇总　', cells: [] }] };
    expect(findSheet(wb, '民主评议汇总')?.name).toBe(' 民主评议汇总　');
    expect(findSheet(wb, '问题清单')).toBeUndefined();
  });

  it('takes the first non-empty row as header, maps known headers and keeps the others as extra columns', () => {
    const date = new Date(Date.UTC(2025, 0, 2));
    const sheet: RawSheet = {
      name: 'x',
      cells: [
        [],
        [null, '   '],
        ['最终等次 ', '党员编号', '备注', null, '备注', '', '姓名'],
        ['优秀', 'M1', 'a', 'under blank', 'b', null, '甲'],
        [null, null, null, null, null, null, null],
        [null, 'M2', date, null, null, null, '乙'],
      ],
    };
    const t = readExisting(sheet, KNOWN);
    expect(t.extraColumns).toEqual(['备注', '列D', '备注 (2)']);
    expect(t.rows.map((r) => Object.fromEntries(r))).toEqual([
      { 最终等次: '优秀', 党员编号: 'M1', 备注: 'a', 列D: 'under blank', '备注 (2)': 'b', 姓名: '甲' },
      { 最终等次: null, 党员编号: 'M2', 备注: date, 列D: null, '备注 (2)': null, 姓名: '乙' },
    ]);
  });

  it('matches headers typed full-width', () => {
    const t = readExisting({ name: 'x', cells: [['ＩＤ', '姓名'], ['1', '甲']] }, ['ID', '姓名']);
    expect(t.extraColumns).toEqual([]);
    expect(Object.fromEntries(t.rows[0] ?? [])).toEqual({ ID: '1', 姓名: '甲' });
  });

  it('reads nothing from a missing or empty sheet', () => {
    expect(readExisting(undefined, KNOWN)).toEqual({ extraColumns: [], rows: [] });
    expect(readExisting({ name: 'x', cells: [[null], []] }, KNOWN)).toEqual({ extraColumns: [], rows: [] });
  });

  it('writes an Excel error value back as its text and keeps everything else as is', () => {
    expect(keepValue({ kind: 'error', code: '#DIV/0!' })).toBe('#DIV/0!');
    const d = new Date(Date.UTC(2025, 0, 2));
    expect(keepValue(d)).toBe(d);
    expect(keepValue(' x ')).toBe(' x ');
    expect(keepValue(3)).toBe(3);
  });
});

describe('merging by key', () => {
  it('normalises keys: trimmed, half-width, numbers as text', () => {
    expect(rowKey([' ００１ ', 'a'])).toBe(rowKey(['001', 'a']));
    expect(rowKey([1, 'a'])).toBe(rowKey(['1', 'a']));
    expect(rowKey(['001', 'a'])).not.toBe(rowKey(['1', 'a']));
    expect(rowKey(['a', 'bc'])).not.toBe(rowKey(['ab', 'c']));
  });

  it('gives each fresh key its first old row and returns the rest as leftovers', () => {
    const t = readExisting(
      {
        name: 'x',
        cells: [
          ['党员编号', '最终等次'],
          ['M1', '优秀'],
          ['M9', '合格'],
          ['Ｍ1', '不合格'],
        ],
      },
      KNOWN,
    );
    const m = mergeByKey(t, ['党员编号'], [rowKey(['M2']), rowKey(['M1'])]);
    expect(m.matched.map((r) => r?.get('最终等次'))).toEqual([undefined, '优秀']);
    expect(m.leftovers.map((l) => [l.values.get('最终等次'), l.duplicate])).toEqual([
      ['合格', false],
      ['不合格', true],
    ]);
  });

  it('lays values out in column order, blanks where absent', () => {
    expect(layout(['a', 'b', 'c'], new Map<string, string | number>([['c', 1], ['a', 'x']]))).toEqual(['x', null, 1]);
  });
});
