/**
 * Working days: the company's working weekdays minus its holidays. March 2026 starts on a Sunday:
 * its Saturdays are the 7th, 14th, 21st and 28th, its Sundays the 1st, 8th, 15th, 22nd and 29th,
 * so Monday to Friday it has 31 - 9 = 22 working days.
 */
import { describe, expect, it } from 'vitest';
import { dayNumber, parseMonth } from '../../src/calendar/periods.ts';
import { workCalendar } from '../../src/calendar/working-days.ts';

const MON_FRI = ['mon', 'tue', 'wed', 'thu', 'fri'];
const MARCH = parseMonth('2026-03');

describe('workCalendar', () => {
  it('counts 22 working days Monday to Friday in March 2026', () => {
    expect(workCalendar(MON_FRI, []).workingDaysInMonth(MARCH)).toBe(22);
  });

  it('takes a holiday on a working day off, and ignores one on a weekend', () => {
    expect(workCalendar(MON_FRI, [{ date: '2026-03-20' }]).workingDaysInMonth(MARCH)).toBe(21); // a Friday
    expect(workCalendar(MON_FRI, [{ date: '2026-03-21' }]).workingDaysInMonth(MARCH)).toBe(22); // a Saturday
    expect(workCalendar(MON_FRI, [{ date: '2026-04-03' }]).workingDaysInMonth(MARCH)).toBe(22); // another month
  });

  it('counts Saturdays for a six-day week: 31 - 5 Sundays = 26', () => {
    expect(workCalendar([...MON_FRI, 'sat'], []).workingDaysInMonth(MARCH)).toBe(26);
  });

  it('knows the weekday of a day: 1970-01-01 was a Thursday', () => {
    const cal = workCalendar(MON_FRI, [{ date: '2026-03-20' }]);
    expect(cal.isWorkingDay(dayNumber('1970-01-01'))).toBe(true);
    expect(cal.isWorkingDay(dayNumber('1970-01-03'))).toBe(false); // Saturday
    expect(cal.isWorkingDay(dayNumber('2026-03-02'))).toBe(true); // Monday
    expect(cal.isWorkingDay(dayNumber('2026-03-01'))).toBe(false); // Sunday
    expect(cal.isWorkingDay(dayNumber('2026-03-20'))).toBe(false); // the holiday
    expect(cal.isWorkingDay(dayNumber('1969-12-29'))).toBe(true); // a Monday before 1970
  });

  it('counts part of a month, clamped to the month, without spoiling the whole-month count', () => {
    const cal = workCalendar(MON_FRI, []);
    expect(cal.workingDaysInMonth(MARCH, dayNumber('2026-03-09'), dayNumber('2026-03-13'))).toBe(5);
    expect(cal.workingDaysInMonth(MARCH, dayNumber('2026-03-14'), dayNumber('2026-03-15'))).toBe(0);
    expect(cal.workingDaysInMonth(MARCH, dayNumber('2026-02-01'), dayNumber('2026-03-06'))).toBe(5); // from 1 March
    expect(cal.workingDaysInMonth(MARCH, dayNumber('2026-03-30'))).toBe(2); // Monday 30, Tuesday 31
    expect(cal.workingDaysInMonth(MARCH)).toBe(22);
    expect(cal.workingDaysInMonth(MARCH)).toBe(22);
  });

  it('has no working days when the company names none', () => {
    expect(workCalendar([], []).workingDaysInMonth(MARCH)).toBe(0);
  });
});
