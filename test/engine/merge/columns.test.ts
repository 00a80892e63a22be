/** Consolidation matches headers per sheet kind like the parser: every alias names its contract column. */
import { describe, expect, it } from 'vitest';
import { columnKey, DATA_KINDS, KIND_COLUMNS } from '../../../engine/merge/columns';

describe('columnKey', () => {
  it('maps each contract header and alias of a kind to the contract header, ignoring width, case and spaces', () => {
    for (const kind of DATA_KINDS) {
      for (const [header, ...aliases] of KIND_COLUMNS[kind]) {
        for (const name of [header, ...aliases]) expect(columnKey(kind, ` ${name.toUpperCase()} `)).toBe(header);
      }
    }
    expect(columnKey('ledger', 'Ｎａｍｅ')).toBe('支部名称');
    expect(columnKey('appraisal', 'name')).toBe('姓名');
    expect(columnKey('reviewCounts', '较差')).toBe('差');
  });

  it('keys other columns by their text and 来源 as itself; a blank header has no key', () => {
    expect(columnKey('ledger', '人均学习学时')).toBe('~人均学习学时');
    expect(columnKey('scores', 'Source')).toBe('来源');
    expect(columnKey('scores', '  ')).toBeUndefined();
  });
});
