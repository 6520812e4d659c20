/**
 * The charts as the pages draw them: src/charts/'s functions, with the same arguments, through
 * the build's chart cache (chart-cache.ts), keyed on the plain data each chart is drawn from.
 */
import { breakdownChartData, drawBreakdownChart, type BreakdownChartOptions, type MemberLabels } from '../charts/breakdown-chart.ts';
import { renderSparkline as drawSparkline, sparklineData, type SparklineOptions } from '../charts/sparkline.ts';
import { drawTrendChart, trendChartData, type TrendChartOptions } from '../charts/trend-chart.ts';
import type { Grain } from '../calendar/periods.ts';
import type { Lang, Unit } from '../i18n/format-value.ts';
import type { ReportKpi, ReportMember, ReportValue } from '../report/model.ts';
import { memoChart } from './chart-cache.ts';

export function renderTrendChart(kpi: ReportKpi, grain: Grain | 'week', lang: Lang, opts: TrendChartOptions = {}): string {
  const { periods, ...rest } = opts;
  const data = trendChartData(kpi, grain, lang, periods);
  return memoChart('trend', [data, grain, lang, rest], () => drawTrendChart(data, grain, lang, rest));
}

export function renderBreakdownChart(members: ReportMember[], labels: MemberLabels | undefined, lang: Lang, unit: Unit, currency = 'IDR', opts: BreakdownChartOptions = {}): string {
  const data = breakdownChartData(members, labels, lang, unit, currency, opts);
  return memoChart('breakdown', [data, lang, opts.width ?? null], () => drawBreakdownChart(data, lang, opts.width));
}

export function renderSparkline(values: ReportValue[], lang: Lang, unit: Unit, currency = 'IDR', opts: SparklineOptions = {}): string {
  const data = sparklineData(values, opts.periods);
  return memoChart('sparkline', [data, lang, unit, currency, opts], () => drawSparkline(data, lang, unit, currency, opts));
}
