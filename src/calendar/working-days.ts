/** Working days from company.yaml: the working weekdays, minus holidays, per month. */
import { WEEKDAYS } from '../schema/company.ts';
import { dayNumber, daysInMonth } from './periods.ts';

export interface WorkCalendar {
  /** Is this day (days since 1970-01-01) a working day? */
  isWorkingDay(day: number): boolean;
  /** Working days in month `mi` between `fromDay` and `toDay` inclusive (both optional). */
  workingDaysInMonth(mi: number, fromDay?: number, toDay?: number): number;
}

export function workCalendar(workingDays: readonly string[], holidays: readonly { date: string }[]): WorkCalendar {
  // 1970-01-01 was a Thursday; WEEKDAYS starts on Monday.
  const working = new Set(workingDays.map((d) => WEEKDAYS.indexOf(d as (typeof WEEKDAYS)[number])));
  const off = new Set(holidays.map((h) => dayNumber(h.date)));
  const isWorkingDay = (day: number) => working.has((((day + 3) % 7) + 7) % 7) && !off.has(day);
  const cache = new Map<number, number>();
  return {
    isWorkingDay,
    workingDaysInMonth(mi, fromDay, toDay) {
      const first = Date.UTC(Math.floor(mi / 12), mi % 12, 1) / 86_400_000;
      const last = first + daysInMonth(mi) - 1;
      const a = Math.max(first, fromDay ?? first);
      const b = Math.min(last, toDay ?? last);
      const whole = a === first && b === last;
      if (whole && cache.has(mi)) return cache.get(mi)!;
      let n = 0;
      for (let d = a; d <= b; d++) if (isWorkingDay(d)) n++;
      if (whole) cache.set(mi, n);
      return n;
    },
  };
}
