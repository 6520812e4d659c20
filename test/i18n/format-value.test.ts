/**
 * Numbers as each language reads them. Large numbers come from Intl's compact notation with
 * three significant digits: id-ID's rb/jt/M/T (ribu, juta, miliar, triliun) and en-GB's
 * k/m/bn/tn, so that English never writes "M" for a million beside Indonesian "M" for miliar.
 */
import { describe, expect, it } from 'vitest';
import { columnFormatter, formatChange, formatCompact, formatValue } from '../../src/i18n/format-value.ts';

describe('formatCompact', () => {
  it('uses each language\'s scale words', () => {
    expect([1_234, 1_234_567, 1_234_567_890, 1.5e12].map((x) => formatCompact(x, 'id'))).toEqual(['1,23 rb', '1,23 jt', '1,23 M', '1,5 T']);
    expect([1_234, 1_234_567, 1_234_567_890, 1.5e12].map((x) => formatCompact(x, 'en'))).toEqual(['1.23k', '1.23m', '1.23bn', '1.5tn']);
  });

  it('moves a value that rounds up to the next scale: 999,600,000 is 1 M, never 1.000 jt', () => {
    expect(formatCompact(999_600_000, 'id')).toBe('1 M');
    expect(formatCompact(999_600_000, 'en')).toBe('1bn');
    expect(formatCompact(999_999, 'id')).toBe('1 jt');
    expect(formatCompact(999_400_000, 'id')).toBe('999 jt');
  });

  it('keeps three significant digits, dropping trailing zeros', () => {
    expect(formatCompact(12_345_678, 'id')).toBe('12,3 jt');
    expect(formatCompact(123_456_789, 'en')).toBe('123m');
    expect(formatCompact(20_000, 'en')).toBe('20k');
    expect(formatCompact(999, 'id')).toBe('999');
  });

  it('writes a plain space before the scale word, never a no-break space', () => {
    expect(formatCompact(1_030_000_000, 'id')).toBe('1,03 M');
    expect(formatCompact(1_030_000_000, 'id')).not.toMatch(/[\u00a0\u202f]/);
  });
});

describe('formatValue', () => {
  it('writes amounts with Rp and the compact scale, the sign before Rp', () => {
    expect(formatValue(1_030_000_000, 'currency', 'id')).toBe('Rp 1,03 M');
    expect(formatValue(1_030_000_000, 'currency', 'en')).toBe('Rp 1.03bn');
    expect(formatValue(5_500, 'currency', 'id')).toBe('Rp 5,5 rb');
    expect(formatValue(-2_500_000_000, 'currency', 'id')).toBe('\u2212Rp 2,5 M');
    expect(formatValue(0, 'currency', 'en')).toBe('Rp 0');
    expect(formatValue(1_500, 'currency', 'en', 'USD')).toBe('USD 1.5k');
  });

  it('writes counts in full below 100,000 and compact from there', () => {
    expect(formatValue(99_999, 'count', 'id')).toBe('99.999');
    expect(formatValue(99_999, 'count', 'en')).toBe('99,999');
    expect(formatValue(150_000, 'count', 'id')).toBe('150 rb');
    expect(formatValue(150_000, 'count', 'en')).toBe('150k');
    expect(formatValue(12.34, 'count', 'id')).toBe('12,3');
  });

  it('writes percentages, days, hours, scores and rates in each language', () => {
    expect(formatValue(0.1234, 'percent', 'id')).toBe('12,3 %');
    expect(formatValue(0.1234, 'percent', 'en')).toBe('12.3%');
    expect(formatValue(3.5, 'days', 'id')).toBe('3,5 hari');
    expect(formatValue(3.5, 'days', 'en')).toBe('3.5 days');
    expect(formatValue(2, 'hours', 'id')).toBe('2 jam');
    expect(formatValue(2, 'hours', 'en')).toBe('2 h');
    expect(formatValue(4.256, 'score', 'id')).toBe('4,26');
    expect(formatValue(3.456, 'per-day', 'id')).toBe('3,46 /hari');
    expect(formatValue(12.34, 'per-day', 'en')).toBe('12.3/day');
  });

  it('writes a dash for no value', () => {
    expect(formatValue(null, 'currency', 'id')).toBe('–');
  });
});

describe('formatChange', () => {
  it('changes percentages in points', () => {
    expect(formatChange(0.05, null, 'percent', 'id')).toBe('+5 poin');
    expect(formatChange(-0.012, null, 'percent', 'en')).toBe('−1.2 pts');
  });

  it('gives other changes as a ratio when there is one, else as a value', () => {
    expect(formatChange(-100, -0.123, 'currency', 'en')).toBe('−12.3%');
    expect(formatChange(0, 0, 'count', 'id')).toBe('±0 %');
    expect(formatChange(-2_000_000, null, 'currency', 'id')).toBe('−Rp 2 jt');
    expect(formatChange(null, null, 'count', 'en')).toBe('–');
  });
});

describe('one minus sign', () => {
  it('writes U+2212 for every negative value and change, never the hyphen', () => {
    const out = [formatValue(-3, 'count', 'id'), formatValue(-0.05, 'percent', 'en'), formatValue(-2.5, 'days', 'en'), formatValue(-2e9, 'currency', 'en'), formatChange(-0.02, null, 'percent', 'id'), formatChange(-5e6, null, 'currency', 'id')];
    expect(out).toEqual(['\u22123', '\u22125%', '\u22122.5 days', '\u2212Rp 2bn', '\u22122 poin', '\u2212Rp 5 jt']);
    expect(out.join('')).not.toContain('-');
  });
});

describe('columnFormatter', () => {
  it('puts a column of amounts in the scale of its largest value, with three significant digits there', () => {
    // Largest 1,03 M: miliar, two decimals; 970 jt reads 0,97 M beside it, not 970 jt.
    const id = columnFormatter([1.03e9, 970e6, 12e6, null], 'currency', 'id');
    expect([1.03e9, 970e6, 12e6, null, -5e7, 0].map(id)).toEqual(['Rp 1,03 M', 'Rp 0,97 M', 'Rp 0,01 M', '–', '\u2212Rp 0,05 M', 'Rp 0']);
    const en = columnFormatter([1.03e9, 970e6], 'currency', 'en');
    expect([1.03e9, 970e6].map(en)).toEqual(['Rp 1.03bn', 'Rp 0.97bn']);
  });

  it('takes the scale after rounding: 999,6 jt is 1 M, so the column is in M', () => {
    expect([999.6e6, 450e6].map(columnFormatter([999.6e6, 450e6], 'currency', 'id'))).toEqual(['Rp 1,00 M', 'Rp 0,45 M']);
    // 970 jt largest: juta, no decimals (970 has three digits); 12,5 jt rounds to 13 jt.
    expect([970e6, 12.5e6].map(columnFormatter([970e6, 12.5e6], 'currency', 'id'))).toEqual(['Rp 970 jt', 'Rp 13 jt']);
  });

  it('leaves other units and small amounts to formatValue', () => {
    expect([0.123, -0.05].map(columnFormatter([0.123, -0.05], 'percent', 'en'))).toEqual(['12.3%', '\u22125%']);
    expect([150_000, 5].map(columnFormatter([150_000, 5], 'count', 'en'))).toEqual(['150k', '5']);
    expect([500, 20].map(columnFormatter([500, 20], 'currency', 'en'))).toEqual(['Rp 500', 'Rp 20']);
  });
});
