import { describe, expect, it } from 'vitest';
import { issue, SEVERITY, type Issue, type IssueCode, type IssueParams } from '../../../engine/issues';
import type { Location } from '../../../engine/location';
import {
  describeLocation,
  gradeName,
  LOCALES,
  numberText,
  percentText,
  renderGap,
  renderGradeReason,
  renderGradeReasons,
  renderIssue,
  renderIssueLine,
  renderMissingCell,
  renderRedFlagFailure,
  renderUnrated,
  type ProseContext,
} from '../../../engine/messages';
import type { Gap, GapType, GradeReason, MissingCell, RedFlagFailure } from '../../../engine/results';

/** Parameters for any code: every field reads `‹field›`, so a message can be checked for stray `undefined`. */
function anyParams<C extends IssueCode>(): IssueParams[C] {
  return new Proxy({}, { get: (_t, prop) => `‹${String(prop)}›` }) as IssueParams[C];
}

const CODES = Object.keys(SEVERITY) as IssueCode[];
const CTX: ProseContext = { gradeNames: ['好', '较好', '一般', '较差'], decimals: 2 };
const AT: Location = { sheet: '评分', row: 6, col: 3 };

function wellFormed(text: string): void {
  expect(text.trim().length).toBeGreaterThan(0);
  expect(text).not.toMatch(/undefined|NaN|\[object|#\d/);
}

describe('issue catalog', () => {
  it.each(LOCALES)('renders a non-empty message for every code in %s', (locale) => {
    expect(CODES.length).toBeGreaterThan(30);
    for (const code of CODES) {
      // SHEET_MISSING's purpose is an enum, not free text: give it a real member.
      const params = code === 'SHEET_MISSING' ? { purpose: 'ledger' as const, indicators: '‹indicators›' } : anyParams();
      const text = renderIssue(issue(code, AT, params as IssueParams[typeof code]), locale);
      wellFormed(text);
    }
  });

  it('renders SHEET_MISSING for each purpose without Chinese in the English message', () => {
    for (const purpose of ['grading', 'scoring', 'ledger'] as const) {
      const i = issue('SHEET_MISSING', { sheet: '台账' }, { purpose, indicators: '2.1, 2.3' });
      expect(renderIssue(i, 'en-US')).not.toMatch(/[\u4e00-\u9fff]/);
      wellFormed(renderIssue(i, 'zh-CN'));
    }
    expect(renderIssue(issue('SHEET_MISSING', { sheet: '台账' }, { purpose: 'ledger', indicators: '2.1, 2.3' }), 'en-US')).toContain('2.1, 2.3');
  });

  it('passes every parameter a code declares into both locales', () => {
    // A message that forgets a parameter loses information the user needs to fix the cell.
    const sample: Issue = issue('SCORE_OUT_OF_RANGE', AT, { value: '120', max: '10', indicator: '1.3' });
    for (const locale of LOCALES) {
      const text = renderIssue(sample, locale);
      expect(text).toContain('120');
      expect(text).toContain('10');
      expect(text).toContain('1.3');
    }
  });

  it('shows the range bounds that parse gives, even one-sided ones', () => {
    const twoSided = renderIssue(issue('NUMBER_OUT_OF_RANGE', AT, { value: '13', column: '运行月数', min: '1', max: '12' }), 'zh-CN');
    expect(twoSided).toContain('1–12');
    const lowerOnly = renderIssue(issue('NUMBER_OUT_OF_RANGE', AT, { value: '0', column: '分值', min: '0', max: '' }), 'zh-CN');
    expect(lowerOnly).toContain('≥ 0');
    const positive = renderIssue(issue('NUMBER_OUT_OF_RANGE', AT, { value: '0', column: '分值', min: '0', max: '∞' }), 'en-US');
    expect(positive).toContain('> 0');
  });

  it('prefixes a line with the location in A1 notation', () => {
    const line = renderIssueLine(issue('SCORE_OUT_OF_RANGE', AT, { value: '120', max: '10', indicator: '1.3' }), 'zh-CN');
    expect(line.startsWith('评分!D7：')).toBe(true);
    expect(renderIssueLine(issue('RUBRIC_EMPTY', { sheet: '指标' }, {}), 'en-US').startsWith('指标: ')).toBe(true);
  });
});

describe('describeLocation', () => {
  it('writes a cell, a column, a row and a whole sheet', () => {
    expect(describeLocation({ sheet: '评分', row: 6, col: 3 })).toBe('评分!D7');
    expect(describeLocation({ sheet: '评分', col: 27 })).toBe('评分!AB:AB');
    expect(describeLocation({ sheet: '评分', row: 6 })).toBe('评分!7:7');
    expect(describeLocation({ sheet: '参数' })).toBe('参数');
  });
});

describe('numbers in prose', () => {
  it('rounds half away from zero to 小数位数 and drops trailing zeros', () => {
    expect(numberText(2.345, 2)).toBe('2.35');
    expect(numberText(-2.345, 2)).toBe('-2.35');
    expect(numberText(87.5, 2)).toBe('87.5');
    expect(numberText(89.99999999999999, 2)).toBe('90');
    expect(numberText(-0.001, 2)).toBe('0');
    expect(numberText(2.5, 0)).toBe('3');
  });

  it('shows ratios as percents with 小数位数 decimals', () => {
    expect(percentText(0.853333, 2)).toBe('85.33%');
    expect(percentText(0.285, 0)).toBe('29%');
    expect(percentText(0.9, 2)).toBe('90%');
  });

  it('names grades from the run’s 等次名称', () => {
    expect(gradeName(0, ['A', 'B'])).toBe('A');
    expect(gradeName(1, ['A', 'B'])).toBe('B');
    expect(gradeName(5, ['A', 'B'])).toBe('#5');
  });
});

const REASONS: readonly GradeReason[] = [
  { kind: 'veto', effect: { kind: 'force', grade: 3 }, matter: '发生违纪' },
  { kind: 'direct', grade: 0, matter: '全国先进' },
  { kind: 'rubricVeto', effect: { kind: 'cap', grade: 2 }, indicator: '1.3', score: 2, threshold: 3 },
  { kind: 'satisfactionCap', grade: 2, rate: 0.85, line: 0.9 },
  { kind: 'satisfactionVeto', grade: 3, rate: 0.4, line: 0.5 },
  { kind: 'quota', from: 0, to: 1, position: 4, kept: 3, n: 10, scope: '全部' },
];
const FAILURES: readonly RedFlagFailure[] = [
  { kind: 'notAllStrong', weak: ['组织队伍强', '制度机制强'] },
  { kind: 'score', total: 87.456, line: 90 },
  { kind: 'grade', grade: 1 },
  { kind: 'veto' },
  { kind: 'satisfaction', rate: 0.85, line: 0.9 },
  { kind: 'previous', grade: 2 },
  { kind: 'unrated' },
];
const MISSING: readonly MissingCell[] = [
  { kind: 'unscored', indicator: '1.1', cells: [] },
  { kind: 'unscored', indicator: '1.2', cells: [{ sheet: '评分-甲', row: 4, col: 2 }] },
  { kind: 'ledgerBlank', indicator: '2.1', cell: { sheet: '台账', row: 6, col: 4 } },
  { kind: 'ledgerRow', indicator: '2.2' },
  { kind: 'ledgerSheet', indicator: '2.3' },
  { kind: 'measure', indicator: '2.4', name: '满意率' },
  { kind: 'formula', indicator: '2.5' },
  { kind: 'branchField', indicator: '2.6', name: '党员人数' },
  { kind: 'rubric' },
];
const GAP_TYPES: readonly GapType[] = ['指标低于预警线', '维度未达强', '会议次数不足', '否决事项', '满意率偏低', '书记评议预警', '连续较差', '民主评议优秀超比例'];

describe('prose renderers', () => {
  it.each(LOCALES)('render every reason, failure, missing cell and gap type in %s', (locale) => {
    for (const r of REASONS) wellFormed(renderGradeReason(r, CTX, locale));
    for (const f of FAILURES) wellFormed(renderRedFlagFailure(f, CTX, locale));
    for (const m of MISSING) wellFormed(renderMissingCell(m, locale));
    for (const type of GAP_TYPES) {
      const g: Gap = { branch: 'B1', type, item: 'x', unit: 'points', standard: 3, actual: 2, diff: 1, advice: null, detail: '' };
      wellFormed(renderGap(g, CTX, locale));
    }
  });

  it('renders grade indexes with the run’s grade names, not the defaults', () => {
    const ctx: ProseContext = { gradeNames: ['优', '良', '中', '差等'], decimals: 2 };
    const text = renderGradeReason({ kind: 'veto', effect: { kind: 'force', grade: 3 }, matter: 'm' }, ctx, 'zh-CN');
    expect(text).toContain('差等');
    expect(text).not.toContain('较差');
  });

  it('rounds numbers and shows ratios as percents in reasons', () => {
    const text = renderGradeReason({ kind: 'satisfactionCap', grade: 2, rate: 0.853333, line: 0.9 }, CTX, 'en-US');
    expect(text).toContain('85.33%');
    expect(text).toContain('90%');
    expect(renderRedFlagFailure({ kind: 'score', total: 87.455, line: 90 }, CTX, 'zh-CN')).toContain('87.46');
  });

  it('names the missing cells of a ledger gap by address', () => {
    expect(renderMissingCell({ kind: 'ledgerBlank', indicator: '2.1', cell: { sheet: '台账', row: 6, col: 4 } }, 'zh-CN')).toContain('台账!E7');
  });

  it('joins several reasons into one cell, in order', () => {
    const [a, b] = [REASONS[0], REASONS[5]] as [GradeReason, GradeReason];
    const joined = renderGradeReasons([a, b], CTX, 'zh-CN');
    expect(joined).toBe(`${renderGradeReason(a, CTX, 'zh-CN')}；${renderGradeReason(b, CTX, 'zh-CN')}`);
    expect(renderGradeReasons([], CTX, 'zh-CN')).toBe('');
  });

  it.each(LOCALES)('lists only the first five missing cells of a 未评定 branch, with the count (%s)', (locale) => {
    const seven: MissingCell[] = Array.from({ length: 7 }, (_, i) => ({ kind: 'unscored', indicator: `9.${i + 1}`, cells: [] }));
    const text = renderUnrated(seven, locale);
    for (const m of seven.slice(0, 5)) expect(text).toContain(renderMissingCell(m, locale));
    for (const m of seven.slice(5)) expect(text).not.toContain(renderMissingCell(m, locale));
    expect(text).toContain('7');
    const two = renderUnrated(seven.slice(0, 2), locale);
    for (const m of seven.slice(0, 2)) expect(two).toContain(renderMissingCell(m, locale));
  });

  it('tells a 书记评议预警 raised by 差评率 from one raised by 好评率', () => {
    const good: Gap = { branch: 'B', type: '书记评议预警', item: '双述双评', unit: 'ratio', standard: 0.7, actual: 0.6, diff: 0.1, advice: null, detail: '' };
    const bad: Gap = { ...good, standard: 0.2, actual: 0.25, diff: 0.05 };
    const words = (g: Gap): string => renderGap(g, CTX, 'zh-CN').replace(/[\d.]+%/g, '');
    expect(renderGap(good, CTX, 'zh-CN')).toContain('60%');
    expect(renderGap(bad, CTX, 'zh-CN')).toContain('25%');
    expect(words(good)).not.toBe(words(bad));
  });
});
