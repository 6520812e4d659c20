/**
 * Company-local calendar arithmetic for the generator. Jakarta has no daylight saving, so a
 * local date-time is simply "minutes since 1970-01-01 00:00 local": no timezone library needed,
 * and the strings we write carry no offset.
 */
import { holidaysOf, IDUL_FITRI } from './holidays.ts';
import type { Rng } from './random.ts';

export const MINUTES_PER_DAY = 1440;

/** Day number (days since 1970-01-01) of a calendar date. */
export function dayOf(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function dayOfDate(s: string): number {
  return dayOf(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10));
}

const dateCache = new Map<number, string>();

/** YYYY-MM-DD of a day number (cached: the same few hundred days are formatted millions of times). */
export function dateOf(day: number): string {
  let s = dateCache.get(day);
  if (s === undefined) {
    s = new Date(day * 86_400_000).toISOString().slice(0, 10);
    dateCache.set(day, s);
  }
  return s;
}

/** YYYY-MM-DDTHH:MM of a local minute. */
export function dateTimeOf(t: number): string {
  const day = Math.floor(t / MINUTES_PER_DAY);
  const min = t - day * MINUTES_PER_DAY;
  const hh = Math.floor(min / 60);
  const mm = min % 60;
  return `${dateOf(day)}T${hh < 10 ? '0' : ''}${hh}:${mm < 10 ? '0' : ''}${mm}`;
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export interface Month {
  /** Position in the generated period, 0 = first month. */
  index: number;
  year: number;
  month: number;
  /** YYYY-MM */
  label: string;
  /** First day (inclusive) and end day (exclusive), as day numbers. */
  start: number;
  end: number;
}

/** The `count` months ending with `end` (YYYY-MM), oldest first. */
export function monthsEnding(end: string, count: number): Month[] {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(end);
  if (!m) throw new RangeError(`end month must be YYYY-MM, got "${end}"`);
  const last = +m[1]! * 12 + (+m[2]! - 1);
  const months: Month[] = [];
  for (let i = 0; i < count; i++) {
    const abs = last - count + 1 + i;
    const year = Math.floor(abs / 12);
    const month = (abs % 12) + 1;
    months.push({
      index: i,
      year,
      month,
      label: `${year}-${String(month).padStart(2, '0')}`,
      start: dayOf(year, month, 1),
      end: dayOf(year, month + 1, 1),
    });
  }
  return months;
}

/** Working days are Monday to Saturday, except public holidays and collective leave. */
export class WorkCalendar {
  private readonly holidays = new Set<number>();

  constructor(years: number[]) {
    for (const y of years) for (const h of holidaysOf(y)) this.holidays.add(dayOfDate(h.date));
  }

  isWorking(day: number): boolean {
    return weekday(day) !== 0 && !this.holidays.has(day);
  }

  isHoliday(day: number): boolean {
    return this.holidays.has(day);
  }

  /** The first working moment at or after `t` (08:00-17:30), moving forward only; a new day starts at 08:00-09:15. */
  nextWorkingTime(t: number, rng: Rng): number {
    let day = Math.floor(t / MINUTES_PER_DAY);
    let min = t - day * MINUTES_PER_DAY;
    if (min > 17 * 60 + 30) {
      day++;
      min = 8 * 60 + rng.int(0, 75);
    } else if (min < 8 * 60) {
      min = 8 * 60 + rng.int(0, 75);
    }
    while (!this.isWorking(day)) {
      day++;
      min = 8 * 60 + rng.int(0, 75);
    }
    return day * MINUTES_PER_DAY + min;
  }
}

const RAMADAN_DAYS = 35;

/**
 * How much trade a day sees, relative to an ordinary weekday: nothing on days off, less on
 * Saturdays, a strong Ramadan stock-up before Idul Fitri (shops fill up for Lebaran), a slump
 * in the week after it (people are home for mudik), and a small year-end lift.
 */
export function tradeWeight(cal: WorkCalendar, day: number): number {
  if (!cal.isWorking(day)) return 0;
  const wd = weekday(day);
  let w = wd === 6 ? 0.7 : wd === 1 ? 1.1 : 1;
  const date = dateOf(day);
  const year = +date.slice(0, 4);
  for (const y of [year, year + 1]) {
    const fitri = IDUL_FITRI[y];
    if (!fitri) continue;
    const toFitri = dayOfDate(fitri) - day;
    if (toFitri >= 4 && toFitri <= RAMADAN_DAYS) w *= 1.8;
    else if (toFitri < 0 && toFitri >= -12) w *= 0.6;
  }
  const md = date.slice(5);
  if (md >= '12-08' && md <= '12-22') w *= 1.1;
  return w;
}

/** True in the weeks before Idul Fitri, when Lebaran goods (cookies, syrup) sell. */
export function isRamadanTrade(day: number): boolean {
  const fitri = IDUL_FITRI[+dateOf(day).slice(0, 4)];
  if (!fitri) return false;
  const toFitri = dayOfDate(fitri) - day;
  return toFitri >= 4 && toFitri <= RAMADAN_DAYS;
}

/** The month (YYYY-MM) of `year` with the most trade: the Ramadan month before Idul Fitri. */
export function lebaranPeakMonth(year: number): string | undefined {
  if (!IDUL_FITRI[year]) return undefined;
  const cal = new WorkCalendar([year - 1, year, year + 1]);
  let best = '';
  let bestWeight = -1;
  for (const m of monthsEnding(`${year}-12`, 12)) {
    let w = 0;
    for (let d = m.start; d < m.end; d++) w += tradeWeight(cal, d);
    if (w > bestWeight) [best, bestWeight] = [m.label, w];
  }
  return best;
}
