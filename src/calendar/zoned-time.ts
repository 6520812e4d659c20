/**
 * Date-times in the company timezone, with nothing but Intl: a date-time written without an
 * offset is company time; a record belongs to the month of its company-local date.
 */
import { DATE_TIME_RE } from '../schema/fields.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();
// Offsets change at most a few times a year: remember them per zone and hour.
const offsetCache = new Map<string, Map<number, number>>();

// The last two answers: records come in time order, and reading a local time asks about two
// hours in turn (the wall-clock hour and the UTC hour), so these answer most calls.
let lastTz = '';
let hourA = NaN;
let offA = 0;
let hourB = NaN;
let offB = 0;

/** Minutes east of UTC that `tz` is at instant `epochMs`. */
export function offsetMinutes(epochMs: number, tz: string): number {
  const hour = Math.floor(epochMs / 3_600_000);
  if (tz === lastTz) {
    if (hour === hourA) return offA;
    if (hour === hourB) return offB;
  } else ((lastTz = tz), (hourA = hourB = NaN));
  let zone = offsetCache.get(tz);
  if (!zone) offsetCache.set(tz, (zone = new Map()));
  let hit = zone.get(hour);
  if (hit === undefined) hit = lookUpOffset(zone, hour, tz);
  ((hourB = hourA), (offB = offA), (hourA = hour), (offA = hit));
  return hit;
}

/** The offset at the start of `hour`, from Intl, remembered. */
function lookUpOffset(zone: Map<number, number>, hour: number, tz: string): number {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(hour * 3_600_000))) if (part.type !== 'literal') p[part.type] = +part.value;
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  const off = Math.round((asUtc - hour * 3_600_000) / 60_000);
  if (zone.size > 100_000) zone.clear();
  zone.set(hour, off);
  return off;
}

/** The instant a date-time string names; without an offset it is read in `tz`. NaN if malformed. */
export function parseDateTime(s: string, tz: string): number {
  const m = DATE_TIME_RE.exec(s);
  if (!m) return NaN;
  const frac = /\.(\d{1,3})/.exec(s);
  const ms = frac ? +frac[1]!.padEnd(3, '0') : 0;
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, m[6] ? +m[6] : 0, ms);
  const off = m[7];
  if (off !== undefined) {
    if (off === 'Z') return wall;
    const sign = off[0] === '-' ? -1 : 1;
    const digits = off.slice(1).replace(':', '');
    return wall - sign * (+digits.slice(0, 2) * 60 + +digits.slice(2)) * 60_000;
  }
  return instantOfWall(wall, tz);
}

/** The instant of a wall-clock time in tz, given as if it were UTC (Date.UTC of its fields). */
export function instantOfWall(wall: number, tz: string): number {
  // Correct the guess by the offset found there (twice, for DST edges).
  const utc = wall - offsetMinutes(wall, tz) * 60_000;
  return wall - offsetMinutes(utc, tz) * 60_000;
}

/** The company-local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(epochMs: number, tz: string): string {
  return new Date(epochMs + offsetMinutes(epochMs, tz) * 60_000).toISOString().slice(0, 10);
}
