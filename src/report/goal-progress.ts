/**
 * A goal's year so far: the headline KPI's fiscal-year-to-date value against its year target,
 * the target for the months gone, the pace needed in the months left, and a projected year end.
 * The projection follows last year's seasonality when last year is in the data (this year's
 * months so far against the same months last year, applied to last year's remaining months),
 * and a straight line otherwise.
 */
import { monthLabel, monthsOf, parseMonth } from '../calendar/periods.ts';
import type { ReportKpi } from './build-report.ts';
import { statusOfAttainment, type Status } from './status.ts';

export interface GoalProgress {
  /** The fiscal year, e.g. "2026". */
  year: string;
  /** Months of the year with data, and in all. */
  monthsDone: number;
  monthsTotal: number;
  /** Year to date: the year's value over the months with data. */
  actual: number | null;
  /** The full year's target. */
  target: number | null;
  /** The target for the months gone (month targets summed, or the year target pro rata). */
  targetToDate: number | null;
  /** What each remaining month must bring to reach the target (additive KPIs only). */
  pacePerMonth: number | null;
  projected: number | null;
  /** How the projection was made. */
  /** seasonal / linear for amounts; current: the year's rate so far; month-average: the average of the months so far. */
  projection: 'seasonal' | 'linear' | 'current' | 'month-average' | null;
  status: Status | null;
}

export function goalProgress(kpi: ReportKpi, fyStart: number, latestMonth: string, yearTarget: (year: string) => number | null, monthTarget: (month: string) => number | null): GoalProgress | null {
  const years = kpi.values.year;
  const months = kpi.values.month;
  if (!years?.length || !months) return null;
  const year = years[years.length - 1]!;
  const [first, last] = monthsOf('year', +year.period, fyStart);
  const latest = parseMonth(latestMonth);
  const byMonth = new Map(months.map((m) => [m.period, m.value]));
  const done: number[] = [];
  for (let mi = first; mi <= Math.min(last, latest); mi++) if (byMonth.has(monthLabel(mi))) done.push(mi);
  const monthsTotal = last - first + 1;
  const target = yearTarget(year.period);
  const actual = year.value;
  const out: GoalProgress = { year: year.period, monthsDone: done.length, monthsTotal, actual, target, targetToDate: null, pacePerMonth: null, projected: null, projection: null, status: null };
  if (actual === null) return out;

  if (kpi.additive) {
    const monthTargets = done.map((mi) => monthTarget(monthLabel(mi)));
    out.targetToDate = monthTargets.every((t) => t !== null) && monthTargets.length ? monthTargets.reduce((a, b) => a! + b!, 0) : target === null ? null : (target * done.length) / monthsTotal;
    const remaining = monthsTotal - done.length;
    if (target !== null && remaining > 0) out.pacePerMonth = (target - actual) / remaining;
    const lastYear = (mi: number) => byMonth.get(monthLabel(mi - 12));
    const sameMonthsBefore = done.map(lastYear);
    const restBefore: (number | null | undefined)[] = [];
    for (let mi = first + done.length; mi <= last; mi++) restBefore.push(lastYear(mi));
    const known = (xs: (number | null | undefined)[]) => xs.every((x) => typeof x === 'number');
    const before = sameMonthsBefore.reduce<number>((a, b) => a + (b ?? 0), 0);
    if (known(sameMonthsBefore) && known(restBefore) && before > 0) {
      out.projected = actual + (actual / before) * restBefore.reduce<number>((a, b) => a + (b ?? 0), 0);
      out.projection = 'seasonal';
    } else if (done.length) {
      out.projected = (actual / done.length) * monthsTotal;
      out.projection = 'linear';
    }
  } else {
    // A rate without a year target is judged month by month: the average of its months so far
    // against the average of its month targets (a year's retention is not a month's).
    if (out.target === null) {
      const ts: number[] = [];
      for (let mi = first; mi <= last; mi++) {
        const t = monthTarget(monthLabel(mi));
        if (t !== null) ts.push(t);
      }
      const vs = done.map((mi) => byMonth.get(monthLabel(mi))).filter((v): v is number => typeof v === 'number');
      if (ts.length && vs.length) {
        out.target = ts.reduce((a, b) => a + b, 0) / ts.length;
        out.actual = vs.reduce((a, b) => a + b, 0) / vs.length;
        out.projection = 'month-average';
      }
    }
    out.targetToDate = out.target;
    out.projected = out.actual;
    out.projection ??= 'current';
  }
  if (out.projected !== null && out.target !== null) {
    const ratio = kpi.direction === 'higher' ? out.projected / out.target : out.target / out.projected;
    out.status = Number.isFinite(ratio) ? statusOfAttainment(ratio, kpi.thresholds.at_risk) : null;
  }
  return out;
}
