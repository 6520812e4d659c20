/**
 * Periods as integers: a month index is y*12 + (m-1); fiscal years are named by the calendar year
 * they start in (fiscal_year_start 4: "2026" is April 2026 to March 2027, "2026-Q1" April-June 2026).
 */
import { describe, expect, it } from 'vitest';
import { dayNumber, daysInMonth, monthIndex, monthLabel, monthsOf, parseMonth, parsePeriod, periodLabel, periodOf, perYear } from '../../src/calendar/periods.ts';

const mi = (label: string) => parseMonth(label);
const labelOf = (grain: 'month' | 'quarter' | 'year', month: string, fyStart: number) => periodLabel(grain, periodOf(grain, mi(month), fyStart));

describe('months', () => {
  it('numbers March 2026 as 2026*12 + 2 and reads it back', () => {
    expect(monthIndex(2026, 3)).toBe(24_314);
    expect(parseMonth('2026-03')).toBe(24_314);
    expect(monthLabel(24_314)).toBe('2026-03');
    expect(monthLabel(monthIndex(2026, 12) + 1)).toBe('2027-01');
  });

  it('knows the days of each month, leap years included', () => {
    expect(daysInMonth(mi('2026-02'))).toBe(28);
    expect(daysInMonth(mi('2024-02'))).toBe(29);
    expect(daysInMonth(mi('2000-02'))).toBe(29); // divisible by 400
    expect(daysInMonth(mi('2100-02'))).toBe(28); // divisible by 100 only
    expect(daysInMonth(mi('2026-04'))).toBe(30);
    expect(daysInMonth(mi('2026-12'))).toBe(31);
  });

  it('counts days from 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1971-01-01')).toBe(365);
    expect(dayNumber('2026-03-01') - dayNumber('2026-02-01')).toBe(28);
  });
});

describe('calendar fiscal year (fiscal_year_start 1)', () => {
  it('puts February in Q1 and December in Q4 of the same year', () => {
    expect(labelOf('quarter', '2026-02', 1)).toBe('2026-Q1');
    expect(labelOf('quarter', '2026-04', 1)).toBe('2026-Q2');
    expect(labelOf('quarter', '2026-12', 1)).toBe('2026-Q4');
    expect(labelOf('year', '2026-12', 1)).toBe('2026');
    expect(labelOf('month', '2026-12', 1)).toBe('2026-12');
  });
});

describe('fiscal year from April (fiscal_year_start 4)', () => {
  it('names the year by the calendar year it starts in', () => {
    expect(labelOf('year', '2026-03', 4)).toBe('2025'); // April 2025 - March 2026
    expect(labelOf('year', '2026-04', 4)).toBe('2026');
    expect(labelOf('year', '2027-03', 4)).toBe('2026');
  });

  it('starts Q1 in April and ends Q4 in March of the next calendar year', () => {
    expect(labelOf('quarter', '2026-04', 4)).toBe('2026-Q1');
    expect(labelOf('quarter', '2026-06', 4)).toBe('2026-Q1');
    expect(labelOf('quarter', '2026-07', 4)).toBe('2026-Q2');
    expect(labelOf('quarter', '2027-01', 4)).toBe('2026-Q4');
    expect(labelOf('quarter', '2027-03', 4)).toBe('2026-Q4');
  });

  it('gives the first and last month of a period', () => {
    const year = periodOf('year', mi('2026-04'), 4);
    expect(monthsOf('year', year, 4).map(monthLabel)).toEqual(['2026-04', '2027-03']);
    const q4 = periodOf('quarter', mi('2027-02'), 4);
    expect(monthsOf('quarter', q4, 4).map(monthLabel)).toEqual(['2027-01', '2027-03']);
    expect(monthsOf('month', mi('2026-05'), 4).map(monthLabel)).toEqual(['2026-05', '2026-05']);
  });
});

describe('fiscal year from July (fiscal_year_start 7)', () => {
  it('puts every month of 2026-07 .. 2027-06 in fiscal year 2026, three to a quarter', () => {
    const quarters = ['07', '08', '09', '10', '11', '12'].map((m) => labelOf('quarter', `2026-${m}`, 7));
    quarters.push(...['01', '02', '03', '04', '05', '06'].map((m) => labelOf('quarter', `2027-${m}`, 7)));
    expect(quarters).toEqual(['2026-Q1', '2026-Q1', '2026-Q1', '2026-Q2', '2026-Q2', '2026-Q2', '2026-Q3', '2026-Q3', '2026-Q3', '2026-Q4', '2026-Q4', '2026-Q4']);
  });
});

describe('period labels', () => {
  it('reads a month, a quarter and a year, and reads back what it writes', () => {
    expect(parsePeriod('2026-03')).toEqual({ grain: 'month', index: 24_314 });
    expect(parsePeriod('2026-Q1')).toEqual({ grain: 'quarter', index: 2026 * 4 });
    expect(parsePeriod('2026')).toEqual({ grain: 'year', index: 2026 });
    for (const label of ['2026-03', '2026-Q4', '2026']) {
      const p = parsePeriod(label)!;
      expect(periodLabel(p.grain, p.index)).toBe(label);
    }
  });

  it('refuses what is not a period', () => {
    for (const label of ['2026-13', '2026-00', '2026-Q5', '2026-Q0', '26-03', '2026-3', '2026/03', 'Q1-2026', '']) expect(parsePeriod(label), label).toBeNull();
  });

  it('has 12 months, 4 quarters and 1 year a year', () => {
    expect([perYear('month'), perYear('quarter'), perYear('year')]).toEqual([12, 4, 1]);
  });
});
