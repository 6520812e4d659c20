/**
 * The week grain through the month engine. The engine places each row by the month index of a
 * time column and adds months up into periods (scan-cache.ts); for weeks, weekView gives it a
 * dataset whose time columns hold, in place of the month, the consecutive week index
 * (calendar/weeks.ts) of the row's company-local day. Evaluated at the month grain over week
 * indices, every scan, filter (a `period:` condition compares weeks) and formula then computes
 * per week unchanged, and a week that crosses a month end is one period holding the records of
 * both months. What needs real days (the working days of a rate per working day, whether a week
 * lies within the data) reads EvalContext.week. Only KPIs that declare the week grain pay for it:
 * a time column is converted when first read.
 */
import { weekIndexOf, type WeekStart } from '../calendar/weeks.ts';
import { offsetMinutes } from '../calendar/zoned-time.ts';
import type { Dataset } from '../dataset/build-dataset.ts';
import type { DatasetName } from '../dataset/fields.ts';
import type { Table, TimeColumn } from '../dataset/table.ts';

const HOUR = 3_600_000;
const DAY = 86_400_000;

export function weekView(ds: Dataset, start: WeekStart): Dataset {
  const offsets = new Map<number, number>();
  // The company's UTC offset, per hour (exact: an hour whose offset changes inside it is asked row by row).
  const localDay = (e: number): number => {
    const h = Math.floor(e / HOUR);
    let o = offsets.get(h);
    if (o === undefined) {
      const a = offsetMinutes(h * HOUR, ds.timezone);
      offsets.set(h, (o = a === offsetMinutes(h * HOUR + HOUR - 1, ds.timezone) ? a : NaN));
    }
    if (o !== o) o = offsetMinutes(e, ds.timezone);
    return Math.floor((e + o * 60_000) / DAY);
  };
  const column = (col: TimeColumn): TimeColumn => {
    const month = new Int32Array(col.epoch.length);
    for (let r = 0; r < month.length; r++) {
      const e = col.epoch[r]!;
      month[r] = e !== e ? -1 : weekIndexOf(localDay(e), start);
    }
    return { epoch: col.epoch, month };
  };
  const table = (t: Table): Table => {
    const time: Record<string, TimeColumn> = {};
    for (const [field, col] of Object.entries(t.time)) {
      Object.defineProperty(time, field, {
        enumerable: true,
        configurable: true,
        get() {
          const converted = column(col);
          Object.defineProperty(time, field, { value: converted, enumerable: true });
          return converted;
        },
      });
    }
    return { ...t, time };
  };
  const tables = Object.fromEntries(Object.entries(ds.tables).map(([name, t]) => [name, table(t)])) as Record<DatasetName, Table>;
  return { ...ds, tables };
}
