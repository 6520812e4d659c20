/**
 * Calendar days as integers (days since 1970-01-01) and company-local instants, computed the
 * same way as calendar/zoned-time.ts but without a regex or a Date per record: the month files
 * of a large repository hold millions of dates.
 */
import { monthIndex } from '../calendar/periods.ts';
import { instantOfWall, offsetMinutes, parseDateTime } from '../calendar/zoned-time.ts';

const DAY = 86_400_000;

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const num2 = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);
const num4 = (s: string, i: number) => num2(s, i) * 100 + num2(s, i + 2);

/** Days since 1970-01-01 of days from civil y-m-d (proleptic Gregorian; Hinnant's algorithm). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil year and month (1-12) of a day number. */
function civilMonth(days: number): { y: number; m: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m };
}

/** The month index (y*12 + m-1, as calendar/periods.ts) of a day number. */
export function monthOfDay(days: number): number {
  const { y, m } = civilMonth(days);
  return monthIndex(y, m);
}

/** YYYY-MM-DD (already validated) to its day number. */
export function dayOf(date: string): number {
  return daysFromCivil(num4(date, 0), num2(date, 5), num2(date, 8));
}

/** A day number as YYYY-MM-DD. */
export function dayText(days: number): string {
  return new Date(days * DAY).toISOString().slice(0, 10);
}

/** The instant of a (validated) date-time; equal to parseDateTime, faster for YYYY-MM-DDTHH:MM. */
export function instantOf(s: string, tz: string): number {
  if (s.length !== 16) return parseDateTime(s, tz);
  return instantOfWall(Date.UTC(num4(s, 0), num2(s, 5) - 1, num2(s, 8), num2(s, 11), num2(s, 14)), tz);
}

/** The company-local day number of an instant (as localDate in zoned-time.ts). */
export function localDay(epochMs: number, tz: string): number {
  return Math.floor((epochMs + offsetMinutes(epochMs, tz) * 60_000) / DAY);
}

/** Local midnight of each day, remembered: a few hundred distinct days serve millions of rows. */
export class Midnights {
  private readonly known = new Map<number, number>();
  constructor(private readonly tz: string) {}

  of(days: number): number {
    let e = this.known.get(days);
    if (e === undefined) this.known.set(days, (e = parseDateTime(`${dayText(days)}T00:00`, this.tz)));
    return e;
  }
}
