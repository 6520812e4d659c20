/**
 * Weeks: ISO 8601 weeks, with the company's week start (company.yaml `week_start`, default mon).
 * Pure: days are day numbers (days since 1970-01-01) of company-local dates, as the dataset keeps
 * them (ingest/days.ts localDay turns an instant into one in company time).
 *
 * - A week is seven days from its start day (Monday by default).
 * - A week that crosses a month or a year boundary is one week, never split: it belongs to the
 *   year that holds at least four of its days, its *week-year* (for Monday weeks, the year of its
 *   Thursday). So 2026-01-01 (a Thursday) is in 2026-W01 (Monday 2025-12-29 to Sunday 2026-01-04),
 *   and 2027-01-03 (a Sunday) in 2026-W53.
 * - Week 1 is the week that holds 4 January; a week-year has 52 weeks, or 53 when its last week
 *   still holds four days of it (2026 with Monday weeks: 2026-W53 runs 2026-12-28 to 2027-01-03).
 * - Labels are `YYYY-Www` (`2026-W05`), YYYY the week-year.
 * - Which month a week's days fall in is asked day by day (workingDaysByMonth): what prorating a
 *   monthly figure into weeks by working days needs.
 */
import { WEEKDAYS } from '../schema/company.ts';
import { monthIndex } from './periods.ts';
import type { WorkCalendar } from './working-days.ts';

export type WeekStart = (typeof WEEKDAYS)[number];

export interface Week {
  /** The week-year: the year holding at least four of the week's days. */
  year: number;
  /** 1 to 52 or 53. */
  week: number;
  /** Weeks since the week holding 1970-01-01 (0): consecutive weeks have consecutive indices. */
  index: number;
  /** First and last day (day numbers, inclusive). */
  first: number;
  last: number;
}

const DAY_MS = 86_400_000;
const dayOfDate = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS;
const yearOfDay = (day: number) => new Date(day * DAY_MS).getUTCFullYear();

/** Monday 0 … Sunday 6 (1970-01-01, day 0, was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

function startIndex(start: WeekStart): number {
  const s = WEEKDAYS.indexOf(start);
  if (s < 0) throw new Error(`unknown week start "${start}"`);
  return s;
}

/** The first day of the week holding `day`. */
export function weekStartOf(day: number, start: WeekStart = 'mon'): number {
  return day - ((weekdayOf(day) - startIndex(start) + 7) % 7);
}

/** The first day of week 1 of a week-year: the start of the week holding 4 January. */
function firstWeekStart(year: number, start: WeekStart): number {
  return weekStartOf(dayOfDate(year, 1, 4), start);
}

/** Consecutive week number of the week starting on `first` (a week start day). */
function indexOf(first: number, start: WeekStart): number {
  // Day numbers of week starts are ≡ base (mod 7); base is the start of the week holding day 0.
  return Math.round((first - weekStartOf(0, start)) / 7);
}

function weekAt(first: number, start: WeekStart): Week {
  const year = yearOfDay(first + 3);
  return { year, week: (first - firstWeekStart(year, start)) / 7 + 1, index: indexOf(first, start), first, last: first + 6 };
}

/** The consecutive index (Week.index) of the week holding `day`: arithmetic only, for a column of days. */
export function weekIndexOf(day: number, start: WeekStart = 'mon'): number {
  return Math.floor((day - weekStartOf(0, start)) / 7);
}

/** The week holding `day`. */
export function weekOf(day: number, start: WeekStart = 'mon'): Week {
  return weekAt(weekStartOf(day, start), start);
}

/** The week of a consecutive index (Week.index). */
export function weekOfIndex(index: number, start: WeekStart = 'mon'): Week {
  return weekAt(weekStartOf(0, start) + 7 * index, start);
}

/** 52 or 53: the weeks of a week-year. */
export function weeksInYear(year: number, start: WeekStart = 'mon'): number {
  return (firstWeekStart(year + 1, start) - firstWeekStart(year, start)) / 7;
}

/** `2026-W05`. */
export function weekLabel(w: Pick<Week, 'year' | 'week'>): string {
  return `${w.year}-W${String(w.week).padStart(2, '0')}`;
}

/** A label written as a week (`YYYY-Www`): its year and number, whether or not that year has it; else null. */
export function weekLabelParts(label: string): { year: number; week: number } | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(label);
  return m ? { year: +m[1]!, week: +m[2]! } : null;
}

/** The week a label names, or null when it is not a week of that week-year (`2025-W53` with Monday weeks). */
export function parseWeek(label: string, start: WeekStart = 'mon'): Week | null {
  const parts = weekLabelParts(label);
  if (!parts) return null;
  const { year, week } = parts;
  if (week < 1 || week > weeksInYear(year, start)) return null;
  return weekAt(firstWeekStart(year, start) + 7 * (week - 1), start);
}

/**
 * The working days of a week, per month (month index year * 12 + month - 1, as periods.ts), in
 * order: a week that crosses a month boundary gives two entries. A month with no working day in
 * the week is left out.
 */
export function workingDaysByMonth(w: Pick<Week, 'first' | 'last'>, cal: WorkCalendar): Map<number, number> {
  const out = new Map<number, number>();
  for (let d = w.first; d <= w.last; d++) {
    if (!cal.isWorkingDay(d)) continue;
    const date = new Date(d * DAY_MS);
    const mi = monthIndex(date.getUTCFullYear(), date.getUTCMonth() + 1);
    out.set(mi, (out.get(mi) ?? 0) + 1);
  }
  return out;
}

/** The working days of a week (company calendar: working weekdays less holidays). */
export function workingDaysInWeek(w: Pick<Week, 'first' | 'last'>, cal: WorkCalendar): number {
  let n = 0;
  for (let d = w.first; d <= w.last; d++) if (cal.isWorkingDay(d)) n++;
  return n;
}
