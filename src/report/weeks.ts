/**
 * Which week a weekly KPI is shown at (its frequency, kpi/schema.ts): the last complete week that
 * ends in the month shown, so the front page (the newest month) shows last week and a past
 * month's dashboard the last week that closed in it. A week crossing a month end belongs to the
 * month it ends in here, being complete only then. Choosing, not computing: the values are the
 * report's. Pure.
 */
import type { Report, ReportKpi, ReportMember, WeekInfo } from './model.ts';

/** The last complete week ending in `month` (YYYY-MM), or null (no weeks, or none closed in it). */
export function lastWeekOf(report: Pick<Report, 'weeks'>, month: string): WeekInfo | null {
  const weeks = report.weeks ?? [];
  for (let i = weeks.length - 1; i >= 0; i--) {
    const w = weeks[i]!;
    if (!w.partial && w.end.slice(0, 7) === month) return w;
  }
  return null;
}

/** The period a KPI's dashboard card shows for `period`: a weekly KPI's last week of a month, else the period itself. */
export function shownPeriod(report: Pick<Report, 'weeks'>, kpi: Pick<ReportKpi, 'frequency' | 'values'>, period: string): string {
  if (kpi.frequency !== 'weekly' || !kpi.values.week || !/^\d{4}-\d{2}$/.test(period)) return period;
  return lastWeekOf(report, period)?.label ?? period;
}

/** One week of a rep's weekly page: each weekly KPI's value for the rep (its rep breakdown member), or null. */
export interface RepWeekRow {
  week: WeekInfo;
  cells: (ReportMember | null)[];
}

/** The KPIs a rep's weekly page lists: those with the week grain broken down by rep. */
export function repWeeklyKpis(report: Pick<Report, 'kpis'>): ReportKpi[] {
  return report.kpis.filter((k) => k.values.week && k.breakdowns.includes('rep'));
}

/**
 * A rep's weeks, newest first: the last `n` weeks up to the end of `month` (the rep's last month
 * with data), leaving out weeks where the rep has no value for any KPI (before they joined).
 */
export function repWeeks(report: Pick<Report, 'kpis' | 'weeks'>, rep: string, month: string, n = 13): RepWeekRow[] {
  const kpis = repWeeklyKpis(report);
  const weeks = (report.weeks ?? []).filter((w) => w.start.slice(0, 7) <= month);
  const rows: RepWeekRow[] = [];
  for (let i = weeks.length - 1; i >= 0 && rows.length < n; i--) {
    const w = weeks[i]!;
    const cells = kpis.map((k) => k.values.week!.find((v) => v.period === w.label)?.breakdowns.rep?.find((m) => m.member === rep) ?? null);
    if (cells.some((c) => c !== null)) rows.push({ week: w, cells });
  }
  return rows;
}
