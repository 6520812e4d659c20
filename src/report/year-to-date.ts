/**
 * Year to date for a month or quarter report: the fiscal year from its first month to the end of
 * the period, against the target for the same months. Read from the model where it has the
 * number: when the period ends where the year's data ends, the year's own value (any KPI, rates
 * included, with its status); otherwise, for KPIs that add up, the sum of the months and of their
 * targets, judged as every value is (status.ts `judge`). Rates and averages of an earlier period
 * have no year-to-date value in the model: null. Pure.
 */
import { monthLabel, monthsOf, parseMonth, parsePeriod, periodOf, type Grain } from '../calendar/periods.ts';
import type { Report, ReportKpi } from './model.ts';
import { judge, type NotFinal, type Status } from './status.ts';

export interface YearToDate {
  /** The fiscal year, e.g. "2026". */
  year: string;
  /** First and last month summed or covered (YYYY-MM). */
  months: [string, string];
  value: number | null;
  target: number | null;
  attainment: number | null;
  gap: number | null;
  status: Status | null;
  notFinal: NotFinal | null;
}

export function yearToDate(report: Report, kpi: ReportKpi, grain: Grain, period: string): YearToDate | null {
  const p = parsePeriod(period);
  if (!p || grain === 'year' || p.grain !== grain) return null;
  const fy = report.company.fiscalYearStart;
  const lastMi = monthsOf(grain, p.index, fy)[1];
  const y = periodOf('year', lastMi, fy);
  const [yearFirst, yearLast] = monthsOf('year', y, fy);
  const year = String(y);
  const latest = report.latestMonth ? parseMonth(report.latestMonth) : null;
  const firstData = report.periods.month[0] ? parseMonth(report.periods.month[0].label) : yearFirst;
  const firstMi = Math.max(yearFirst, firstData);
  const months: [string, string] = [monthLabel(firstMi), monthLabel(lastMi)];
  // The year's value covers exactly these months when its data ends with the period.
  const yv = kpi.values.year?.find((v) => v.period === year);
  if (yv && latest !== null && lastMi === Math.min(latest, yearLast)) {
    return { year, months, value: yv.value, target: yv.target, attainment: yv.attainment, gap: yv.gap, status: yv.status, notFinal: yv.notFinal };
  }
  if (!kpi.additive || !kpi.values.month) return null;
  const byMonth = new Map(kpi.values.month.map((v) => [v.period, v]));
  let value: number | null = 0;
  let target: number | null = 0;
  for (let mi = firstMi; mi <= lastMi; mi++) {
    const v = byMonth.get(monthLabel(mi));
    value = v?.value == null || value === null ? null : value + v.value;
    target = v?.target == null || target === null ? null : target + v.target;
  }
  const j = judge(value, target, { unit: kpi.unit, direction: kpi.direction, judging: kpi.judging });
  return { year, months, value, target, ...j };
}
