/**
 * Company time: a date-time without an offset is read in the company's timezone, and a record
 * belongs to its company-local date. Jakarta is UTC+7 all year, Jayapura UTC+9, Kathmandu
 * UTC+5:45; New York changes clocks (in 2026: 8 March 02:00 -> 03:00, 1 November).
 */
import { describe, expect, it } from 'vitest';
import { instantOfWall, localDate, offsetMinutes, parseDateTime } from '../../src/calendar/zoned-time.ts';

describe('offsetMinutes', () => {
  it('gives minutes east of UTC', () => {
    const t = Date.UTC(2026, 2, 4, 12);
    expect(offsetMinutes(t, 'Asia/Jakarta')).toBe(420);
    expect(offsetMinutes(t, 'Asia/Makassar')).toBe(480);
    expect(offsetMinutes(t, 'Asia/Jayapura')).toBe(540);
    expect(offsetMinutes(t, 'Asia/Kathmandu')).toBe(345);
    expect(offsetMinutes(t, 'UTC')).toBe(0);
  });

  it('follows a clock change, whichever zone was asked last', () => {
    expect(offsetMinutes(Date.UTC(2026, 2, 8, 6, 59), 'America/New_York')).toBe(-300); // 01:59 EST
    expect(offsetMinutes(Date.UTC(2026, 2, 8, 4), 'Asia/Jakarta')).toBe(420);
    expect(offsetMinutes(Date.UTC(2026, 2, 8, 7), 'America/New_York')).toBe(-240); // 03:00 EDT
  });
});

describe('parseDateTime', () => {
  it('reads a date-time without an offset as company time', () => {
    expect(parseDateTime('2026-03-04T09:15', 'Asia/Jakarta')).toBe(Date.UTC(2026, 2, 4, 2, 15));
    expect(parseDateTime('2026-03-04T09:15', 'Asia/Jayapura')).toBe(Date.UTC(2026, 2, 4, 0, 15));
    expect(parseDateTime('2026-03-04T09:15:30', 'Asia/Jakarta')).toBe(Date.UTC(2026, 2, 4, 2, 15, 30));
  });

  it('keeps a written offset whatever the company timezone', () => {
    expect(parseDateTime('2026-03-04T09:15+08:00', 'Asia/Jakarta')).toBe(Date.UTC(2026, 2, 4, 1, 15));
    expect(parseDateTime('2026-03-04T09:15-05:00', 'Asia/Jakarta')).toBe(Date.UTC(2026, 2, 4, 14, 15));
    expect(parseDateTime('2026-03-04T09:15Z', 'Asia/Jakarta')).toBe(Date.UTC(2026, 2, 4, 9, 15));
    expect(parseDateTime('2026-03-04T09:15:30.5Z', 'Asia/Jakarta')).toBe(Date.UTC(2026, 2, 4, 9, 15, 30, 500));
  });

  it('reads wall-clock times either side of a clock change', () => {
    expect(parseDateTime('2026-03-08T01:30', 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 6, 30)); // EST
    expect(parseDateTime('2026-03-08T03:30', 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 7, 30)); // EDT
    expect(instantOfWall(Date.UTC(2026, 6, 1, 12), 'America/New_York')).toBe(Date.UTC(2026, 6, 1, 16));
  });

  it('is NaN for what is not a date-time', () => {
    expect(parseDateTime('yesterday', 'Asia/Jakarta')).toBeNaN();
    expect(parseDateTime('', 'Asia/Jakarta')).toBeNaN();
  });
});

describe('localDate', () => {
  it('puts a late-evening UTC instant on the next company-local day, and month', () => {
    expect(localDate(Date.UTC(2026, 2, 31, 17, 30), 'Asia/Jakarta')).toBe('2026-04-01'); // 00:30 WIB
    expect(localDate(Date.UTC(2026, 2, 31, 16, 59), 'Asia/Jakarta')).toBe('2026-03-31'); // 23:59 WIB
    expect(localDate(Date.UTC(2026, 2, 31, 16, 59), 'Asia/Jayapura')).toBe('2026-04-01'); // 01:59 WIT
  });

  it('reads back the date of a company-time date-time', () => {
    expect(localDate(parseDateTime('2026-12-31T23:59', 'Asia/Jakarta'), 'Asia/Jakarta')).toBe('2026-12-31');
    expect(localDate(parseDateTime('2027-01-01T00:00', 'Asia/Jakarta'), 'Asia/Jakarta')).toBe('2027-01-01');
  });
});
