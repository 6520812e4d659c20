/**
 * A like-for-like change for quarters and years next to a period the data covers only in part.
 * "2026 so far" (January to October) against all of 2025 reads as a fall when sales grew;
 * against January to October 2025 it reads true. And all of 2025 against the two months of 2024
 * the data holds is no +600 % growth: it has no comparison. Only for additive KPIs, whose month
 * values add up to the period's: the comparison is the sum of the same stretch of months of the
 * previous period, and there is none unless the data has every one of those months. Pure.
 */
import { monthLabel, monthsOf, parsePeriod, perYear, periodLabel, type Grain } from '../calendar/periods.ts';
import type { PeriodInfo } from '../compute/compute-kpis.ts';
import type { LastYear, LikeForLike, ReportValue } from './model.ts';

/**
 * Adds `likeForLike` to the quarters and years of an additive KPI that are partial or follow a
 * partial one (the change against the whole previous period is then not like for like).
 * `first` and `last` are the month indexes of the first and last month with data.
 */
export function withLikeForLike(values: Partial<Record<Grain, ReportValue[]>>, periods: Record<Grain, PeriodInfo[]>, fyStart: number, first: number, last: number): Partial<Record<Grain, ReportValue[]>> {
  const months = new Map((values.month ?? []).map((v) => [v.period, v.value]));
  const out: Partial<Record<Grain, ReportValue[]>> = { ...values };
  for (const grain of ['quarter', 'year'] as const) {
    const list = values[grain];
    if (!list) continue;
    const infos = new Map(periods[grain].map((p) => [p.index, p]));
    out[grain] = list.map((v) => {
      const parsed = parsePeriod(v.period);
      const info = parsed && infos.get(parsed.index);
      if (!parsed || !info || !(info.partial || infos.get(parsed.index - 1)?.partial)) return v;
      const [a, b] = monthsOf(grain, parsed.index, fyStart);
      const from = Math.max(a, first);
      const to = Math.min(b, last);
      if (from > to) return v;
      return { ...v, likeForLike: sameMonthsBefore(v.value, months, from, to, b - a + 1) };
    });
  }
  return out;
}

/**
 * Adds `lastYear` to every value: the same period a year before, the change and the change
 * ratio against it. For an additive KPI whose quarter or year is partial (or whose period a
 * year before is), the comparison is also made like for like: the months the data covers
 * against the same months a year before, as `withLikeForLike` does against the previous period.
 */
export function withLastYear(values: Partial<Record<Grain, ReportValue[]>>, periods: Record<Grain, PeriodInfo[]>, additive: boolean, fyStart: number, first: number, last: number): Partial<Record<Grain, ReportValue[]>> {
  const months = new Map((values.month ?? []).map((v) => [v.period, v.value]));
  const out: Partial<Record<Grain, ReportValue[]>> = {};
  for (const [grain, list] of Object.entries(values) as [Grain, ReportValue[]][]) {
    const byLabel = new Map(list.map((v) => [v.period, v]));
    const infos = new Map(periods[grain].map((p) => [p.label, p]));
    out[grain] = list.map((v) => {
      const parsed = parsePeriod(v.period);
      if (!parsed) return v;
      const period = periodLabel(grain, parsed.index - perYear(grain));
      const value = byLabel.get(period)?.value ?? null;
      const change = v.value !== null && value !== null ? v.value - value : null;
      const lastYear: LastYear = { period, value, change, changeRatio: change !== null && value ? change / Math.abs(value) : null };
      if (additive && grain !== 'month' && (infos.get(v.period)?.partial || infos.get(period)?.partial)) {
        const [a, b] = monthsOf(grain, parsed.index, fyStart);
        const from = Math.max(a, first);
        const to = Math.min(b, last);
        if (from <= to) lastYear.likeForLike = sameMonthsBefore(v.value, months, from, to, 12);
      }
      return { ...v, lastYear };
    });
  }
  return out;
}

/** The months from..to against the same months `shift` months before: their sum (null unless the data has each of them) and the change. */
function sameMonthsBefore(value: number | null, months: Map<string, number | null>, from: number, to: number, shift: number): LikeForLike {
  let previous: number | null = 0;
  for (let mi = from - shift; mi <= to - shift; mi++) {
    const x = months.get(monthLabel(mi));
    if (x === undefined || x === null) {
      previous = null;
      break;
    }
    previous += x;
  }
  const change = value !== null && previous !== null ? value - previous : null;
  return {
    months: [monthLabel(from), monthLabel(to)],
    previousMonths: [monthLabel(from - shift), monthLabel(to - shift)],
    previous,
    change,
    changeRatio: change !== null && previous ? change / Math.abs(previous) : null,
  };
}
