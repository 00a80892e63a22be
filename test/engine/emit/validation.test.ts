import { describe, expect, it } from 'vitest';
import { emitContext } from '../../../engine/emit/context';
import { emitValidation } from '../../../engine/emit/validation';
import { issue, type Issue } from '../../../engine/issues';
import { renderIssue } from '../../../engine/messages';
import { model } from './build';

const ISSUES: Issue[] = [
  issue('SHEET_MISSING', { sheet: '台账' }, { purpose: 'ledger', indicators: '2.1, 2.3' }),
  issue('COLUMN_MISSING', { sheet: '评分', col: 3 }, { column: '得分' }),
  issue('KEY_MISSING', { sheet: '评分', row: 6 }, { column: '支部编号' }),
  issue('SCORE_OUT_OF_RANGE', { sheet: '评分', row: 6, col: 27 }, { value: '120', max: '10', indicator: '1.3' }),
  issue('SETTING_UNKNOWN', { sheet: '参数', row: 2, col: 0 }, { key: '某参数' }),
];

function sheet(locale: 'zh-CN' | 'en-US') {
  return emitValidation(emitContext({ model: model([]), results: [], gaps: [], issues: ISSUES, existing: { sheets: [] }, locale }));
}

describe('数据校验', () => {
  it('lists every issue in the given order with level, sheet, A1 address and code', () => {
    const s = sheet('zh-CN');
    expect(s.columns.map((c) => c.header)).toEqual(['级别', '工作表', '单元格', '代码', '说明']);
    expect(s.rows.map((r) => r.slice(0, 4))).toEqual([
      ['错误', '台账', null, 'SHEET_MISSING'],
      ['错误', '评分', 'D:D', 'COLUMN_MISSING'],
      ['错误', '评分', '7:7', 'KEY_MISSING'],
      ['错误', '评分', 'AB7', 'SCORE_OUT_OF_RANGE'],
      ['警告', '参数', 'A3', 'SETTING_UNKNOWN'],
    ]);
  });

  it('renders 说明 in the locale and keeps 级别 as the contract writes it', () => {
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const s = sheet(locale);
      expect(s.rows.map((r) => r[4])).toEqual(ISSUES.map((i) => renderIssue(i, locale)));
      expect(s.rows.map((r) => r[0])).toEqual(['错误', '错误', '错误', '错误', '警告']);
    }
    expect(sheet('en-US').rows[3]?.[4]).not.toBe(sheet('zh-CN').rows[3]?.[4]);
  });

  it('highlights errors and warnings, as a text-formatted address column', () => {
    const s = sheet('zh-CN');
    expect(s.highlights).toEqual([
      { column: '级别', equals: '错误', style: 'bad' },
      { column: '级别', equals: '警告', style: 'warn' },
    ]);
    expect(s.columns[2]?.format).toBe('@');
    expect(s.tableName).toBe('BR_Validation');
  });
});
