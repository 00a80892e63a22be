/**
 * The words the ballot work adds: 问题描述 of 满意率偏低 / 书记评议预警 / 民主评议优秀超比例 in both
 * locales, 预警 of 民主评议汇总, and policy shares written as people write them. Asserted by the
 * numbers they must show, never by their wording.
 */
import { describe, expect, it } from 'vitest';
import { emitContext } from '../../../engine/emit/context';
import { emitGaps } from '../../../engine/emit/gaps';
import { LOCALES, renderAppraisalWarning, renderGap, shareText, type ProseContext } from '../../../engine/messages';
import type { Gap } from '../../../engine/results';
import { branch, cell, gap, model } from './build';

const CTX: ProseContext = { gradeNames: ['好', '较好', '一般', '较差'], decimals: 2 };
const SAT = gap('001', '满意率偏低', '满意率', { unit: 'ratio', standard: 0.9, actual: 0.853333, diff: 0.046667 });
const GOOD = gap('001', '书记评议预警', '双述双评', { unit: 'ratio', standard: 0.7, actual: 6 / 11, diff: 0.7 - 6 / 11 });
const BAD = gap('001', '书记评议预警', '双述双评', { unit: 'ratio', standard: 0.2, actual: 0.25, diff: 0.05 });
const ON_LINE = gap('001', '书记评议预警', '双述双评', { unit: 'ratio', standard: 0.2, actual: 0.2, diff: 0 });
const EXCELLENT = gap('001', '民主评议优秀超比例', '民主评议', { unit: 'ratio', standard: 1 / 3, actual: 0.4, diff: 0.4 - 1 / 3 });

function wellFormed(text: string): void {
  expect(text.trim().length).toBeGreaterThan(0);
  expect(text).not.toMatch(/undefined|NaN|null|\[object|—/);
}

describe('问题描述 of the ballot gaps', () => {
  it.each(LOCALES)('names 实际, 标准 and 差距 as percents and percentage points (%s)', (locale) => {
    const sat = renderGap(SAT, CTX, locale);
    for (const n of ['85.33%', '90%', '4.67']) expect(sat).toContain(n);
    const good = renderGap(GOOD, CTX, locale);
    for (const n of ['54.55%', '70%', '15.45']) expect(good).toContain(n);
    const bad = renderGap(BAD, CTX, locale);
    for (const n of ['25%', '20%', '5']) expect(bad).toContain(n);
    const excellent = renderGap(EXCELLENT, CTX, locale);
    for (const n of ['40%', '1/3', '6.67']) expect(excellent).toContain(n);
    for (const g of [SAT, GOOD, BAD, ON_LINE, EXCELLENT]) wellFormed(renderGap(g, CTX, locale));
  });

  it.each(LOCALES)('tells 好评率 from 差评率 and leaves out a zero 差距 (%s)', (locale) => {
    const words = (g: Gap) => renderGap(g, CTX, locale).replace(/[\d./%]+/g, '#');
    expect(words(GOOD)).not.toBe(words(BAD));
    // On the line exactly: triggered, 差距 0, so no "0 points over" clause.
    expect(renderGap(ON_LINE, CTX, locale).length).toBeLessThan(renderGap(BAD, CTX, locale).length);
    expect(renderGap(ON_LINE, CTX, locale)).toContain('20%');
  });

  it('goes into 问题清单 with 标准/实际/差距 as ratios in percent format', () => {
    const m = model([branch('001')]);
    const s = emitGaps(emitContext({ model: m, results: [], gaps: [SAT, GOOD, EXCELLENT], issues: [], existing: { sheets: [] }, locale: 'en-US' }));
    expect([0, 1, 2].map((r) => [cell(s, r, '标准'), cell(s, r, '实际'), cell(s, r, '差距')])).toEqual([
      [0.9, 0.8533, 0.0467],
      [0.7, 0.5455, 0.1545],
      [0.3333, 0.4, 0.0667],
    ]);
    expect(cell(s, 1, '问题描述')).toBe(renderGap(GOOD, CTX, 'en-US'));
    expect(new Set((s.cellFormats ?? []).map((f) => f.format))).toEqual(new Set(['0.00%']));
  });
});

describe('预警 of 民主评议汇总', () => {
  it.each(LOCALES)('renders each flag, joins several and is blank for none (%s)', (locale) => {
    const one = (w: 'fail' | 'excellent' | 'notAppraised') => renderAppraisalWarning([w], 1 / 3, CTX, locale);
    for (const w of ['fail', 'excellent', 'notAppraised'] as const) wellFormed(one(w));
    expect(new Set([one('fail'), one('excellent'), one('notAppraised')]).size).toBe(3);
    expect(one('excellent')).toContain('1/3');
    expect(renderAppraisalWarning(['excellent'], 0.3, CTX, locale)).toContain('30%');
    const both = renderAppraisalWarning(['fail', 'excellent'], 1 / 3, CTX, locale);
    expect(both.startsWith(one('fail'))).toBe(true);
    expect(both.endsWith(one('excellent'))).toBe(true);
    expect(renderAppraisalWarning([], 1 / 3, CTX, locale)).toBe('');
  });
});

describe('shareText', () => {
  it('writes an exact percent as a percent, else a small fraction, else the rounded percent', () => {
    expect(shareText(0.3, 2)).toBe('30%');
    expect(shareText(0.125, 2)).toBe('12.5%');
    expect(shareText(0.125, 0)).toBe('1/8');
    expect(shareText(1 / 3, 2)).toBe('1/3');
    expect(shareText(2 / 3, 2)).toBe('2/3');
    expect(shareText(0.3333, 2)).toBe('33.33%');
    expect(shareText(1 / 17, 2)).toBe('5.88%');
  });
});
