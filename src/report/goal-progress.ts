/**
 * A goal's year so far: the headline KPI's fiscal-year-to-date value with its own judgement (the
 * year value's target, attainment, status and `notFinal` from the report model: one status per
 * number), the full year's target, the pace needed in the months left, and a projected year end.
 * The projection is a figure of its own, never a status: it follows last year's seasonality when
 * last year is in the data (this year's months so far against the same months last year, applied
 * to last year's remaining months), and a straight line otherwise.
 */
import { monthLabel, monthsOf, parseMonth } from '../calendar/periods.ts';
import type { GoalProgress, ReportKpi } from './model.ts';

export function goalProgress(kpi: ReportKpi, fyStart: number, latestMonth: string, yearTarget: (year: string) => number | null): GoalProgress | null {
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
  const target = kpi.additive ? yearTarget(year.period) : year.target;
  const actual = year.value;
  const out: GoalProgress = {
    year: year.period,
    monthsDone: done.length,
    monthsTotal,
    actual,
    target,
    targetToDate: year.target,
    attainment: year.attainment,
    gap: year.gap,
    status: year.status,
    notFinal: year.notFinal,
    shareOfYear: null,
    pacePerMonth: null,
    projected: null,
    projection: null,
  };
  if (actual === null) return out;

  if (kpi.additive) {
    if (kpi.direction === 'higher' && target !== null && target > 0) out.shareOfYear = actual / target;
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
    out.projected = actual;
    out.projection = 'current';
  }
  return out;
}
