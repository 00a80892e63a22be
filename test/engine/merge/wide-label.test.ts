/**
 * The one parser extension consolidation needs (engine/parse/wide.ts): a `评分人 | 张三` label above a
 * wide form's header names its rater, over the sheet-name suffix, so a form renamed `评分-张三 (2)`
 * is still 张三's.
 */
import { describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../../engine/parse';
import { wideFormLabelRater } from '../../../engine/parse/wide';
import { book, branchesSheet, ledgerSheet, rubricSheet, sheet } from '../parse/helpers';

describe('评分人 label on a wide form', () => {
  it('names the rater over the sheet-name suffix (merged cells: the first non-blank cell to its right)', () => {
    const form = sheet('评分-张三 (2)', [['评分人', null, ' 张三 '], ['评分人类别', '上级'], ['支部编号', '1.1'], ['001', 3]]);
    const long = sheet('评分', [['支部编号', '指标编号', '评分人', '得分'], ['001', '1.1', '张三', 3]]);
    const parsed = parseWorkbook(book(branchesSheet(), rubricSheet(), ledgerSheet(), long, form));
    expect(parsed.model.scores.map((s) => [s.rater, s.value])).toEqual([['张三', 3]]);
    expect(parsed.issues.filter((i) => i.code === 'SCORE_DUPLICATE_SAME').map((i) => i.at)).toEqual([{ sheet: '评分-张三 (2)', row: 3, col: 1 }]);
    expect(wideFormLabelRater(form)).toBe('张三');
  });

  it('falls back to the suffix without a label, with a blank label, or with a label below the header', () => {
    const none = sheet('评分-李四', [['支部编号', '1.1'], ['001', 3]]);
    const blank = sheet('评分-李四', [['评分人', null], ['支部编号', '1.1'], ['001', 3]]);
    const below = sheet('评分-李四', [['支部编号', '1.1'], ['001', 3], ['评分人', '王五']]);
    for (const form of [none, blank, below]) {
      const parsed = parseWorkbook(book(branchesSheet(), rubricSheet(), ledgerSheet(), form));
      expect(parsed.model.scores.map((s) => s.rater)).toEqual(['李四']);
      expect(wideFormLabelRater(form)).toBeUndefined();
    }
  });
});
