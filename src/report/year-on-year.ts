/**
 * Year on year for a breakdown member (a rep's or a region's value in a leaderboard): the same
 * member's value in the same period a year before, read from the KPI's values in the model.
 * When either period is partial, an additive KPI compares the months the data covers with the
 * same months a year before (like for like, as the company's `lastYear.likeForLike`); a KPI that
 * does not add up has no comparison then. Pure.
 */
import { monthLabel, parseMonth, parsePeriod, type Grain } from '../calendar/periods.ts';
import type { PeriodInfo, Report, ReportKpi } from './model.ts';

export interface MemberLastYear {
  /** The period a year before (2025-10, 2025-Q3, 2025). */
  period: string;
  /** Set when compared like for like: the months a year before, first and last (YYYY-MM). */
  months?: [string, string];
  value: number | null;
  change: number | null;
  changeRatio: number | null;
}

/** 2025-10 for 2026-10, 2025-Q3 for 2026-Q3, 2025 for 2026. */
export function lastYearLabel(period: string): string {
  return `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
}

/** The months of a period the data covers (YYYY-MM labels). */
function monthsCovered(info: PeriodInfo, months: PeriodInfo[]): string[] {
  return months.filter((m) => m.start >= info.start && m.end <= info.end).map((m) => m.label);
}

/**
 * A member's value a year before and the change to `value` (its value in `period`), or null when
 * there is nothing to compare with.
 */
export function memberLastYear(report: Pick<Report, 'periods'>, kpi: Pick<ReportKpi, 'values' | 'additive'>, by: string, member: string, period: string, value: number | null): MemberLastYear | null {
  const grain: Grain | undefined = parsePeriod(period)?.grain;
  if (!grain || value === null) return null;
  const ly = lastYearLabel(period);
  const info = report.periods[grain].find((p) => p.label === period);
  const lyInfo = report.periods[grain].find((p) => p.label === ly);
  if (!info || !lyInfo) return null;
  const valueIn = (label: string, g: Grain) => {
    const v = kpi.values[g]?.find((x) => x.period === label);
    if (!v) return undefined;
    return v.breakdowns[by]?.find((m) => m.member === member)?.value ?? null;
  };
  let before: number | null;
  let months: [string, string] | undefined;
  if (!info.partial && !lyInfo.partial) {
    before = valueIn(ly, grain) ?? null;
  } else {
    if (!kpi.additive || grain === 'month') return null;
    const dataMonths = new Set(report.periods.month.map((m) => m.label));
    const shifted = monthsCovered(info, report.periods.month).map((m) => monthLabel(parseMonth(m) - 12));
    if (shifted.length === 0 || !shifted.every((m) => dataMonths.has(m))) return null;
    // A member with no row in a month of the data had none of it: 0 for a sum.
    before = shifted.reduce((sum, m) => sum + (valueIn(m, 'month') ?? 0), 0);
    months = [shifted[0]!, shifted[shifted.length - 1]!];
  }
  const change = before !== null ? value - before : null;
  return { period: ly, ...(months ? { months } : {}), value: before, change, changeRatio: change !== null && before ? change / Math.abs(before) : null };
}
