import { describe, expect, it } from 'vitest';
import { COUNT_FORMAT, percentFormat, roundRatio, roundScore, scoreFormat, textOrBlank, yesNo, yesOrBlank } from '../../../engine/emit/format';

describe('display rounding', () => {
  it('rounds scores half away from zero to 小数位数', () => {
    expect(roundScore(2.345, 2)).toBe(2.35);
    expect(roundScore(-2.345, 2)).toBe(-2.35);
    expect(roundScore(1.005, 2)).toBe(1.01);
    expect(roundScore(2.5, 0)).toBe(3);
    expect(roundScore(89.99999999999999, 2)).toBe(90);
    expect(roundScore(87.654321, 3)).toBe(87.654);
  });

  it('writes -0 as 0 and keeps blanks blank', () => {
    expect(Object.is(roundScore(-0.001, 2), 0)).toBe(true);
    expect(roundScore(null, 2)).toBeNull();
    expect(roundScore(Number.NaN, 2)).toBeNull();
  });

  it('rounds ratios to 小数位数 + 2 so the percent shows 小数位数 decimals', () => {
    expect(roundRatio(0.853333, 2)).toBe(0.8533);
    expect(roundRatio(0.853356, 2)).toBe(0.8534);
    expect(roundRatio(0.853356, 0)).toBe(0.85);
    expect(roundRatio(null, 2)).toBeNull();
  });
});

describe('number formats', () => {
  it('matches the score format to 小数位数', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(scoreFormat)).toEqual(['0', '0.0', '0.00', '0.000', '0.0000', '0.00000', '0.000000']);
    expect(scoreFormat(9)).toBe('0.000000');
  });

  it('matches the percent format to 小数位数', () => {
    expect([0, 1, 2, 3].map(percentFormat)).toEqual(['0%', '0.0%', '0.00%', '0.000%']);
    expect(COUNT_FORMAT).toBe('0');
  });
});

describe('contract words', () => {
  it('writes booleans as 是/否 and flags as 是 or blank', () => {
    expect(yesNo(true)).toBe('是');
    expect(yesNo(false)).toBe('否');
    expect(yesNo(null)).toBeNull();
    expect(yesOrBlank(true)).toBe('是');
    expect(yesOrBlank(false)).toBeNull();
    expect(textOrBlank('')).toBeNull();
    expect(textOrBlank('a')).toBe('a');
  });
});
