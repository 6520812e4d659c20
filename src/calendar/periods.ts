/**
 * Months, fiscal quarters and fiscal years as integers, so that placing a record in a period is
 * arithmetic. A month index is y*12 + (m-1). Fiscal years are named by the calendar year they
 * start in: with fiscal_year_start 4, "2026" runs April 2026 to March 2027 and "2026-Q1" is
 * April-June 2026.
 */
export type Grain = 'month' | 'quarter' | 'year';
export const GRAINS: readonly Grain[] = ['month', 'quarter', 'year'];

export function monthIndex(y: number, m: number): number {
  return y * 12 + (m - 1);
}

/** "2026-03" -> month index. */
export function parseMonth(label: string): number {
  return monthIndex(+label.slice(0, 4), +label.slice(5, 7));
}

export function monthLabel(mi: number): string {
  return `${Math.floor(mi / 12)}-${String((mi % 12) + 1).padStart(2, '0')}`;
}

/** The period of a grain that month `mi` falls in, as an integer that orders periods. */
export function periodOf(grain: Grain, mi: number, fyStart: number): number {
  if (grain === 'month') return mi;
  const shifted = mi - (fyStart - 1);
  if (grain === 'year') return Math.floor(shifted / 12);
  return Math.floor(shifted / 3);
}

/** First and last month index of a period. */
export function monthsOf(grain: Grain, p: number, fyStart: number): [number, number] {
  if (grain === 'month') return [p, p];
  if (grain === 'year') return [p * 12 + fyStart - 1, p * 12 + fyStart - 1 + 11];
  return [p * 3 + fyStart - 1, p * 3 + fyStart - 1 + 2];
}

export function periodLabel(grain: Grain, p: number): string {
  if (grain === 'month') return monthLabel(p);
  if (grain === 'year') return String(p);
  return `${Math.floor(p / 4)}-Q${(p % 4) + 1}`;
}

/** The grain and index of a label: 2026-03, 2026-Q1 or 2026. Null if malformed. */
export function parsePeriod(label: string): { grain: Grain; index: number } | null {
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(label);
  if (m) return { grain: 'month', index: monthIndex(+m[1]!, +m[2]!) };
  m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (m) return { grain: 'quarter', index: +m[1]! * 4 + (+m[2]! - 1) };
  m = /^(\d{4})$/.exec(label);
  if (m) return { grain: 'year', index: +m[1]! };
  return null;
}

/** Periods of a grain per year: 12, 4, 1. */
export function perYear(grain: Grain): number {
  return grain === 'month' ? 12 : grain === 'quarter' ? 4 : 1;
}

/** YYYY-MM-DD -> days since 1970-01-01. */
export function dayNumber(date: string): number {
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86_400_000;
}

export function daysInMonth(mi: number): number {
  const y = Math.floor(mi / 12);
  const m = mi % 12;
  return new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
}

/** The forms a period is written in, as the CLI's help and its errors say them. */
export const PERIOD_FORMS = 'a week 2026-W05, a month 2026-03, a quarter 2026-Q1 or a year 2026';
