import { describe, expect, it } from 'vitest';
import { deriveUnitPrice } from '../../src/import/map-rows.ts';
import { isDateFormat, parseDate, parseNumber, slugify } from '../../src/import/values.ts';

const num = (s: string, f: 'en' | 'id') => {
  const r = parseNumber(s, f);
  if (!r.ok) throw new Error(`${r.message} (${r.hint})`);
  return r.value;
};
const date = (s: string, f: string) => {
  const r = parseDate(s, f);
  if (!r.ok) throw new Error(`${r.message} (${r.hint})`);
  return r.value;
};

describe('parseNumber', () => {
  it('reads Indonesian amounts: points group thousands, a comma marks decimals', () => {
    expect(num('1.234.567', 'id')).toBe(1234567);
    expect(num('1.234.567,89', 'id')).toBe(1234567.89);
    expect(num('1,5', 'id')).toBe(1.5);
    expect(num('1234567', 'id')).toBe(1234567);
  });

  it('reads English amounts: commas group thousands, a point marks decimals', () => {
    expect(num('1,234,567', 'en')).toBe(1234567);
    expect(num('1,234,567.89', 'en')).toBe(1234567.89);
    expect(num('957.5775', 'en')).toBe(957.5775);
    expect(num('.5', 'en')).toBe(0.5);
    expect(num('1.2E+06', 'en')).toBe(1200000);
  });

  it('drops currency symbols and codes, spaces and the ",-" of Rp 15.000,-', () => {
    expect(num('Rp 1.250.000', 'id')).toBe(1250000);
    expect(num('Rp1.250.000,00', 'id')).toBe(1250000);
    expect(num('Rp. 15.000,-', 'id')).toBe(15000);
    expect(num('IDR 2.500', 'id')).toBe(2500);
    expect(num('2.500 IDR', 'id')).toBe(2500);
    expect(num('\u00a01.250.000\u00a0', 'id')).toBe(1250000);
    expect(num('$1,234.50', 'en')).toBe(1234.5);
    expect(num('USD 99', 'en')).toBe(99);
  });

  it('reads percentages as fractions, and minus signs or parentheses as negative', () => {
    expect(num('12,5 %', 'id')).toBe(0.125);
    expect(num('10%', 'en')).toBe(0.1);
    expect(num('-1.500', 'id')).toBe(-1500);
    expect(num('(1,500)', 'en')).toBe(-1500);
    expect(num('Rp -5.000', 'id')).toBe(-5000);
  });

  it('refuses numbers written the other way, and says which format they look like', () => {
    const r = parseNumber('1.234.567,89', 'en');
    expect(r).toEqual({ ok: false, message: '"1.234.567,89" is not a number written the en way (1,234,567.89)', hint: 'it looks like points group thousands and a comma marks decimals: set numbers: id in the mapping' });
    expect(parseNumber('1,234,567.89', 'id')).toMatchObject({ ok: false, hint: 'it looks like commas group thousands and a point marks decimals: set numbers: en in the mapping' });
  });

  it('refuses one separator with exactly three digits after it when the format is the locale\'s guess, not stated (fixed: "1.234" read as 1234 and "1,234" as 1.234 under id-ID without a word)', () => {
    const hint = 'say how the CSV writes numbers in the mapping: numbers: "1.234,5" (id) or numbers: "1,234.5" (en); see docs/import.md';
    expect(parseNumber('1.234', 'id', false)).toEqual({ ok: false, message: '"1.234" is ambiguous: 1234 written the id way (1.234,5), 1.234 the en way (1,234.5)', hint });
    expect(parseNumber('1,234', 'id', false)).toEqual({ ok: false, message: '"1,234" is ambiguous: 1.234 written the id way (1.234,5), 1234 the en way (1,234.5)', hint });
    for (const s of ['Rp 12.500', '-0,500', '(123.456)', '1,500 %', '999.999']) expect(parseNumber(s, 'id', false), s).toMatchObject({ ok: false, hint });
    for (const s of ['Rp 12.500', '-0,500', '999.999']) expect(parseNumber(s, 'en', false), s).toMatchObject({ ok: false, hint });
    // Not ambiguous: two groups, decimals that are not three digits, four digits before the separator, no separator.
    expect([parseNumber('1.234.567', 'id', false), parseNumber('1,5', 'id', false), parseNumber('12,50', 'id', false), parseNumber('1234', 'id', false), parseNumber('1.234,5', 'id', false)].map((r) => r.ok && r.value)).toEqual([1234567, 1.5, 12.5, 1234, 1234.5]);
    expect(parseNumber('1234,567', 'id', false)).toMatchObject({ ok: true, value: 1234.567 });
    // Stated: read the stated way.
    expect([num('1.234', 'id'), num('1,234', 'id'), num('1.234', 'en'), num('1,234', 'en')]).toEqual([1234, 1.234, 1.234, 1234]);
  });

  it('refuses thousand groups that are not threes, rather than guess', () => {
    expect(parseNumber('1.5', 'id')).toMatchObject({ ok: false });
    expect(parseNumber('12,34,567', 'en')).toMatchObject({ ok: false });
  });

  it('refuses words and empty text', () => {
    expect(parseNumber('dua ribu', 'id')).toMatchObject({ ok: false, hint: 'a number may carry a currency (Rp, IDR, $, USD) but no other words' });
    expect(parseNumber('Rp', 'id')).toMatchObject({ ok: false });
  });
});

describe('parseDate', () => {
  it('reads day-first dates, padded or not', () => {
    expect(date('04/03/2026', 'dd/mm/yyyy')).toEqual({ date: '2026-03-04' });
    expect(date('4/3/2026', 'dd/mm/yyyy')).toEqual({ date: '2026-03-04' });
    expect(date('04.03.2026', 'dd.mm.yyyy')).toEqual({ date: '2026-03-04' });
  });

  it('reads month-first dates (Superstore writes 11/8/2018 for 8 November)', () => {
    expect(date('11/8/2018', 'm/d/yyyy')).toEqual({ date: '2018-11-08' });
    expect(date('11/08/2018', 'mm/dd/yyyy')).toEqual({ date: '2018-11-08' });
  });

  it('always reads ISO dates, whatever the format says', () => {
    expect(date('2017-03-01', 'yyyy-mm-dd')).toEqual({ date: '2017-03-01' });
    expect(date('2017-03-01', 'dd/mm/yyyy')).toEqual({ date: '2017-03-01' });
  });

  it('reads a time after the date, with seconds, AM/PM or an offset', () => {
    expect(date('04/03/2026 09:15', 'dd/mm/yyyy')).toEqual({ date: '2026-03-04', time: '09:15' });
    expect(date('3/4/2026 2:15:30 PM', 'm/d/yyyy')).toEqual({ date: '2026-03-04', time: '14:15:30' });
    expect(date('3/4/2026 12:05 AM', 'm/d/yyyy')).toEqual({ date: '2026-03-04', time: '00:05' });
    expect(date('2026-03-04T09:15+0700', 'yyyy-mm-dd')).toEqual({ date: '2026-03-04', time: '09:15', offset: '+07:00' });
  });

  it('reads Excel serial dates, with a time of day from the fraction', () => {
    expect(date('46085', 'excel')).toEqual({ date: '2026-03-04' });
    expect(date('46085.5', 'excel')).toEqual({ date: '2026-03-04', time: '12:00' });
    expect(date('2026-03-04', 'excel')).toEqual({ date: '2026-03-04' });
    expect(parseDate('04/03/2026', 'excel')).toMatchObject({ ok: false });
  });

  it('refuses dates that do not exist', () => {
    expect(parseDate('31/02/2026', 'dd/mm/yyyy')).toMatchObject({ ok: false, message: '"31/02/2026" is not a real date (dd/mm/yyyy)' });
    expect(parseDate('29/02/2025', 'dd/mm/yyyy')).toMatchObject({ ok: false });
    expect(date('29/02/2024', 'dd/mm/yyyy')).toEqual({ date: '2024-02-29' });
  });

  it('says when the day and month seem the wrong way round', () => {
    expect(parseDate('13/02/2026', 'mm/dd/yyyy')).toEqual({
      ok: false,
      message: '"13/02/2026" is not a date written mm/dd/yyyy: there is no month 13',
      hint: 'the file may have day and month the other way round: dates: dd/mm/yyyy',
    });
  });

  it('refuses two-digit years, and points at Excel serials and other separators', () => {
    expect(parseDate('04/03/26', 'dd/mm/yyyy')).toMatchObject({ ok: false, hint: 'write years with four digits (2026), so that no century is guessed' });
    expect(parseDate('46085', 'dd/mm/yyyy')).toMatchObject({ ok: false, hint: 'this looks like an Excel serial date: set dates: excel in the mapping' });
    expect(parseDate('04-03-2026', 'dd/mm/yyyy')).toMatchObject({ ok: false, hint: 'the cell separates with "-", the format with "/": dates: dd-mm-yyyy' });
  });

  it('knows which formats it can read', () => {
    for (const f of ['dd/mm/yyyy', 'mm/dd/yyyy', 'm/d/yyyy', 'd/m/yyyy', 'yyyy-mm-dd', 'dd.mm.yyyy', 'excel']) expect(isDateFormat(f)).toBe(true);
    for (const f of ['dd/mm/yy', 'yyyy/dd', 'dd/yyyy/mm', 'dd/mm-yyyy', 'mm/mm/yyyy']) expect(isDateFormat(f)).toBe(false);
  });
});

describe('slugify', () => {
  it('makes ids of names', () => {
    expect(slugify('GTX Pro')).toBe('GTX-Pro');
    expect(slugify('Gekko & Co')).toBe('Gekko-Co');
    expect(slugify('Home Office')).toBe('Home-Office');
    expect(slugify('  Café Sinar / Jaya ')).toBe('Cafe-Sinar-Jaya');
  });
});

describe('deriveUnitPrice', () => {
  it('gives the unit price before discount from a line total after discount, in the fewest decimals that give the total back', () => {
    expect(deriveUnitPrice(957.5775, 5, 0.45)).toBe(348.21);
    expect(deriveUnitPrice(261.96, 2, 0)).toBe(130.98);
    expect(deriveUnitPrice(1250000, 4)).toBe(312500);
  });

  it('keeps 12 significant digits when no short decimal fits', () => {
    expect(deriveUnitPrice(10, 3, 0)).toBe(3.33333333333);
  });

  it('has no price for a 100 % discount or no quantity', () => {
    expect(deriveUnitPrice(0, 1, 1)).toBe('discount is 1');
    expect(deriveUnitPrice(10, 0)).toBe('qty is 0');
  });
});
