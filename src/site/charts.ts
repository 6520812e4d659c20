/**
 * The charts as the pages draw them: src/charts/'s functions, with the same arguments, through
 * the build's chart cache (chart-cache.ts), keyed on the plain data each chart is drawn from.
 * The `…Async` variants, which the pages await, draw in the build's chart threads when it has
 * them (chart-pool.ts), else at once like the others; the SVG is the same either way.
 */
import { breakdownChartData, type BreakdownChartOptions, type MemberLabels } from '../charts/breakdown-chart.ts';
import { sparklineData, type SparklineOptions } from '../charts/sparkline.ts';
import { trendChartData, type TrendChartOptions } from '../charts/trend-chart.ts';
import type { Grain } from '../calendar/periods.ts';
import type { Lang, Unit } from '../i18n/format-value.ts';
import type { ReportKpi, ReportMember, ReportValue } from '../report/model.ts';
import { memoChart, memoChartAsync } from './chart-cache.ts';
import { drawChart, type ChartInputs, type ChartKind } from './chart-draw.ts';
import { drawChartSoon } from './chart-pool.ts';

function trendInput(kpi: ReportKpi, grain: Grain | 'week', lang: Lang, opts: TrendChartOptions): ChartInputs['trend'] {
  const { periods, ...rest } = opts;
  return [trendChartData(kpi, grain, lang, periods), grain, lang, rest];
}

function breakdownInput(members: ReportMember[], labels: MemberLabels | undefined, lang: Lang, unit: Unit, currency: string, opts: BreakdownChartOptions): ChartInputs['breakdown'] {
  return [breakdownChartData(members, labels, lang, unit, currency, opts), lang, opts.width ?? null];
}

function sparklineInput(values: ReportValue[], lang: Lang, unit: Unit, currency: string, opts: SparklineOptions): ChartInputs['sparkline'] {
  return [sparklineData(values, opts.periods), lang, unit, currency, opts];
}

const now = <K extends ChartKind>(kind: K, input: ChartInputs[K]) => memoChart(kind, input, () => drawChart(kind, input));
const soon = <K extends ChartKind>(kind: K, input: ChartInputs[K]) => memoChartAsync(kind, input, () => drawChartSoon(kind, input, () => drawChart(kind, input)));

export function renderTrendChart(kpi: ReportKpi, grain: Grain | 'week', lang: Lang, opts: TrendChartOptions = {}): string {
  return now('trend', trendInput(kpi, grain, lang, opts));
}

export function renderBreakdownChart(members: ReportMember[], labels: MemberLabels | undefined, lang: Lang, unit: Unit, currency = 'IDR', opts: BreakdownChartOptions = {}): string {
  return now('breakdown', breakdownInput(members, labels, lang, unit, currency, opts));
}

export function renderSparkline(values: ReportValue[], lang: Lang, unit: Unit, currency = 'IDR', opts: SparklineOptions = {}): string {
  return now('sparkline', sparklineInput(values, lang, unit, currency, opts));
}

export function renderTrendChartAsync(kpi: ReportKpi, grain: Grain | 'week', lang: Lang, opts: TrendChartOptions = {}): Promise<string> {
  return soon('trend', trendInput(kpi, grain, lang, opts));
}

export function renderBreakdownChartAsync(members: ReportMember[], labels: MemberLabels | undefined, lang: Lang, unit: Unit, currency = 'IDR', opts: BreakdownChartOptions = {}): Promise<string> {
  return soon('breakdown', breakdownInput(members, labels, lang, unit, currency, opts));
}

export function renderSparklineAsync(values: ReportValue[], lang: Lang, unit: Unit, currency = 'IDR', opts: SparklineOptions = {}): Promise<string> {
  return soon('sparkline', sparklineInput(values, lang, unit, currency, opts));
}
