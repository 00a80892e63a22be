import { describe, expect, it } from 'vitest';
import { cellText, normId, normName, toHalfWidth } from '../../../engine/parse/normalize';
import { parseNumberText, readNumberCell } from '../../../engine/parse/numbers';
import { err } from './helpers';

describe('normalisation', () => {
  it('maps full-width ASCII and U+3000 to half-width', () => {
    expect(toHalfWidth('Ｂｒａｎｃｈ　８５％（１）')).toBe('Branch 85%(1)');
  });

  it('compares names trimmed, half-width and case-insensitively', () => {
    expect(normName(' Ｂｒａｎｃｈｅｓ ')).toBe('branches');
    expect(normName('支部 ')).toBe('支部');
  });

  it('reads ids as text: number 1 is "1", text "001" stays "001", full-width is folded', () => {
    expect(normId(1)).toBe('1');
    expect(normId(1.1)).toBe('1.1');
    expect(normId('001')).toBe('001');
    expect(normId(' ００１　')).toBe('001');
    expect(normId('Ab')).toBe('Ab');
  });

  it('shows error values by their code', () => {
    expect(cellText(err('#N/A'))).toBe('#N/A');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(null)).toBe('');
  });
});

describe('numbers', () => {
  it('accepts numbers as numbers or text in plain columns', () => {
    expect(parseNumberText('85', 'plain')).toBe(85);
    expect(parseNumberText('85.5', 'plain')).toBe(85.5);
    expect(parseNumberText('８５', 'plain')).toBe(85);
    expect(parseNumberText(' 85 ', 'plain')).toBe(85);
    expect(parseNumberText('85分', 'plain')).toBe(85);
    expect(parseNumberText('８５．５分', 'plain')).toBe(85.5);
    expect(parseNumberText('-1', 'plain')).toBe(-1);
  });

  it('refuses percent and fractions in plain columns, and other text', () => {
    expect(parseNumberText('60%', 'plain')).toBeUndefined();
    expect(parseNumberText('1/3', 'plain')).toBeUndefined();
    expect(parseNumberText('abc', 'plain')).toBeUndefined();
    expect(parseNumberText('85分x', 'plain')).toBeUndefined();
    expect(parseNumberText('8 5', 'plain')).toBeUndefined();
    expect(parseNumberText('', 'plain')).toBeUndefined();
  });

  it('reads percents in percent columns and ratios as 0.6, 60% or a/b', () => {
    expect(parseNumberText('60%', 'percent')).toBeCloseTo(0.6, 12);
    expect(parseNumberText('６０％', 'ratio')).toBeCloseTo(0.6, 12);
    expect(parseNumberText('0.6', 'ratio')).toBe(0.6);
    expect(parseNumberText('1/3', 'ratio')).toBeCloseTo(1 / 3, 12);
    expect(parseNumberText('1/0', 'ratio')).toBeUndefined();
    expect(parseNumberText('60分', 'ratio')).toBeUndefined();
  });

  it('classifies cells: blank, error value, booleans and dates are not numbers', () => {
    expect(readNumberCell(null, 'plain')).toEqual({ ok: false, reason: 'blank' });
    expect(readNumberCell('　', 'plain')).toEqual({ ok: false, reason: 'blank' });
    expect(readNumberCell(err('#DIV/0!'), 'plain')).toEqual({ ok: false, reason: 'error' });
    expect(readNumberCell(true, 'plain')).toEqual({ ok: false, reason: 'invalid' });
    expect(readNumberCell(new Date(Date.UTC(2026, 0, 1)), 'plain')).toEqual({ ok: false, reason: 'invalid' });
    expect(readNumberCell(Number.NaN, 'plain')).toEqual({ ok: false, reason: 'invalid' });
    expect(readNumberCell(7, 'plain')).toEqual({ ok: true, value: 7 });
  });
});
