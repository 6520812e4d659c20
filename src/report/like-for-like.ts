/**
 * A like-for-like change for quarters and years next to a period the data covers only in part.
 * "2026 so far" (January to October) against all of 2025 reads as a fall when sales grew;
 * against January to October 2025 it reads true. And all of 2025 against the two months of 2024
 * the data holds is no +600 % growth: it has no comparison. Only for additive KPIs, whose month
 * values add up to the period's: the comparison is the sum of the same stretch of months of the
 * previous period, and there is none unless the data has every one of those months. Pure.
 */
import { monthLabel, monthsOf, parsePeriod, type Grain } from '../calendar/periods.ts';
import type { PeriodInfo } from '../compute/compute-kpis.ts';
import type { ReportValue } from './build-report.ts';

export interface LikeForLike {
  /** The months of the period the data covers, first and last (YYYY-MM). */
  months: [string, string];
  /** The same months of the previous period of the grain. */
  previousMonths: [string, string];
  /** The sum of those months' values; null when one of them has no value or is not in the data (no comparison). */
  previous: number | null;
  change: number | null;
  changeRatio: number | null;
}

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
      const shift = b - a + 1;
      let previous: number | null = 0;
      for (let mi = from - shift; mi <= to - shift; mi++) {
        const x = months.get(monthLabel(mi));
        if (x === undefined || x === null) {
          previous = null;
          break;
        }
        previous += x;
      }
      const change = v.value !== null && previous !== null ? v.value - previous : null;
      const likeForLike: LikeForLike = {
        months: [monthLabel(from), monthLabel(to)],
        previousMonths: [monthLabel(from - shift), monthLabel(to - shift)],
        previous,
        change,
        changeRatio: change !== null && previous ? change / Math.abs(previous) : null,
      };
      return { ...v, likeForLike };
    });
  }
  return out;
}
