/**
 * Weeks worked by hand from a wall calendar: 2026-01-01 is a Thursday, 2025-12-29 a Monday,
 * 2026-12-28 a Monday, 2027-01-03 a Sunday; 2026-03-30 a Monday, 2026-04-03 Good Friday.
 */
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/calendar/periods.ts';
import { parseWeek, weekLabel, weekOf, weekOfIndex, weeksInYear, workingDaysByMonth, workingDaysInWeek } from '../../src/calendar/weeks.ts';
import { workCalendar } from '../../src/calendar/working-days.ts';
import { companySchema } from '../../src/schema/company.ts';

const day = dayNumber;
const label = (date: string, start?: Parameters<typeof weekOf>[1]) => weekLabel(weekOf(day(date), start));

describe('ISO weeks (Monday start)', () => {
  it('puts a week that crosses the new year in the year holding four of its days', () => {
    // Mon 2025-12-29 … Sun 2026-01-04: three days in 2025, four in 2026 → 2026-W01.
    for (const d of ['2025-12-29', '2025-12-31', '2026-01-01', '2026-01-04']) expect(label(d), d).toBe('2026-W01');
    const w = weekOf(day('2025-12-31'));
    expect([w.first, w.last]).toEqual([day('2025-12-29'), day('2026-01-04')]);
    expect(label('2025-12-28')).toBe('2025-W52');
    expect(label('2026-01-05')).toBe('2026-W02');
  });

  it('gives 2026 53 weeks: 2026-W53 runs from Monday 2026-12-28 to Sunday 2027-01-03', () => {
    expect(weeksInYear(2026)).toBe(53);
    // 2025 began on a Wednesday and is no leap year; 2027 begins on a Friday: 52 each.
    expect(weeksInYear(2025)).toBe(52);
    expect(weeksInYear(2027)).toBe(52);
    // 2020 began on a Wednesday and is a leap year: 53.
    expect(weeksInYear(2020)).toBe(53);
    expect(label('2026-12-28')).toBe('2026-W53');
    expect(label('2027-01-03')).toBe('2026-W53');
    expect(label('2027-01-04')).toBe('2027-W01');
    const w53 = parseWeek('2026-W53')!;
    expect([w53.first, w53.last]).toEqual([day('2026-12-28'), day('2027-01-03')]);
    expect(parseWeek('2025-W53')).toBeNull();
    expect(parseWeek('2026-W00')).toBeNull();
    expect(parseWeek('2026-3')).toBeNull();
  });

  it('numbers weeks consecutively across week-years', () => {
    const w53 = weekOf(day('2026-12-31'));
    const next = weekOfIndex(w53.index + 1);
    expect(weekLabel(next)).toBe('2027-W01');
    expect(next.first).toBe(w53.last + 1);
    expect(weekOfIndex(weekOf(day('2026-01-01')).index - 1)).toMatchObject({ year: 2025, week: 52 });
  });

  it('counts the working days of a holiday week that spans two months, per month', () => {
    // Mon 2026-03-30 … Sun 2026-04-05 is 2026-W14 (W01 starts 2025-12-29, 91 days = 13 weeks earlier).
    const w = parseWeek('2026-W14')!;
    expect(w.first).toBe(day('2026-03-30'));
    const cal = workCalendar(['mon', 'tue', 'wed', 'thu', 'fri'], [{ date: '2026-04-03' }]);
    // Mon 30 and Tue 31 March; Wed 1 and Thu 2 April; Friday 3 April is Good Friday; weekend off.
    expect(workingDaysInWeek(w, cal)).toBe(4);
    expect([...workingDaysByMonth(w, cal)]).toEqual([
      [2026 * 12 + 2, 2],
      [2026 * 12 + 3, 2],
    ]);
    // With Saturdays worked (the sample's calendar), Saturday 4 April counts too.
    const sixDays = workCalendar(['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], [{ date: '2026-04-03' }]);
    expect([...workingDaysByMonth(w, sixDays)]).toEqual([
      [2026 * 12 + 2, 2],
      [2026 * 12 + 3, 3],
    ]);
  });
});

describe('weeks with another week start', () => {
  it('starts on Sunday: the week of 2026-01-01 is then the last week of 2025', () => {
    // Sun 2025-12-28 … Sat 2026-01-03: four days in 2025 (28-31 December) → 2025's week.
    const w = weekOf(day('2026-01-01'), 'sun');
    expect([w.first, w.last]).toEqual([day('2025-12-28'), day('2026-01-03')]);
    // Week 1 of 2025 holds Saturday 4 January 2025: Sunday 2024-12-29; 364 days later is week 53.
    expect(weekLabel(w)).toBe('2025-W53');
    expect(weeksInYear(2025, 'sun')).toBe(53);
    expect(label('2026-01-04', 'sun')).toBe('2026-W01');
  });

  it('is read from company.yaml week_start, Monday when not given', () => {
    const base = { name: 'PT Contoh', currency: 'IDR', regions: [{ id: 'jakarta', name: 'Jakarta' }] };
    expect(companySchema.parse(base).week_start).toBe('mon');
    expect(companySchema.parse({ ...base, week_start: 'sun' }).week_start).toBe('sun');
    expect(companySchema.safeParse({ ...base, week_start: 'sunday' }).success).toBe(false);
  });
});
