/**
 * Which periods a KPI page features beside the latest month: the latest quarter and year, unless
 * that period so far holds nothing but the latest month (October alone in Q4, January alone in
 * the year), when it would repeat the month; then the one before it, which is complete.
 * Choosing what to show, not computing: every number comes from the report model.
 */
import type { Grain } from '../../calendar/periods.ts';
import type { PeriodInfo, Report, ReportKpi, ReportValue, WeekInfo } from '../../report/model.ts';
import { lastWeekOf } from '../../report/weeks.ts';

export interface Featured {
  grain: Grain | 'week';
  info: PeriodInfo | WeekInfo;
  value: ReportValue;
}

/** A KPI with the week grain features its last complete week first (report/weeks.ts). */
export function featuredPeriods(report: Report, kpi: ReportKpi): Featured[] {
  const latest = report.latestMonth;
  const out: Featured[] = [];
  const week = kpi.values.week && latest ? lastWeekOf(report, latest) : null;
  const weekValue = week ? kpi.values.week!.find((v) => v.period === week.label) : undefined;
  if (week && weekValue) out.push({ grain: 'week', info: week, value: weekValue });
  for (const grain of ['month', 'quarter', 'year'] as const) {
    const values = kpi.values[grain];
    if (!values?.length) continue;
    const infos = report.periods[grain];
    const repeatsMonth = (p: PeriodInfo) => grain !== 'month' && p.partial && p.start.slice(0, 7) === latest;
    for (let i = infos.length - 1; i >= 0; i--) {
      const info = infos[i]!;
      if (repeatsMonth(info) && i > 0) continue;
      const value = values.find((v) => v.period === info.label);
      if (value) {
        out.push({ grain, info, value });
        break;
      }
    }
  }
  return out;
}
