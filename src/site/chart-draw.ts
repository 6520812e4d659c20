/**
 * One chart drawn from its plain input: the kind and the input the chart cache keys it on
 * (charts.ts builds both), so the same call draws it on Astro's thread and in a chart thread
 * (chart-thread.ts), from the same source.
 */
import { drawBreakdownChart, type BreakdownChartData } from '../charts/breakdown-chart.ts';
import { renderSparkline, type SparklineOptions } from '../charts/sparkline.ts';
import { drawTrendChart, type TrendChartData, type TrendChartOptions } from '../charts/trend-chart.ts';
import type { Grain } from '../calendar/periods.ts';
import type { Lang, Unit } from '../i18n/format-value.ts';
import type { ChartValue } from '../charts/chart-values.ts';

/** Each kind's input, as charts.ts keys it. */
export interface ChartInputs {
  trend: [data: TrendChartData, grain: Grain | 'week', lang: Lang, opts: Omit<TrendChartOptions, 'periods'>];
  breakdown: [data: BreakdownChartData, lang: Lang, width: number | null];
  sparkline: [values: ChartValue[], lang: Lang, unit: Unit, currency: string, opts: SparklineOptions];
}
export type ChartKind = keyof ChartInputs;

/** The SVG of a chart of `kind` drawn from `input`. */
export function drawChart<K extends ChartKind>(kind: K, input: ChartInputs[K]): string {
  switch (kind) {
    case 'trend': {
      const [data, grain, lang, opts] = input as ChartInputs['trend'];
      return drawTrendChart(data, grain, lang, opts);
    }
    case 'breakdown': {
      const [data, lang, width] = input as ChartInputs['breakdown'];
      return drawBreakdownChart(data, lang, width ?? undefined);
    }
    case 'sparkline': {
      const [values, lang, unit, currency, opts] = input as ChartInputs['sparkline'];
      return renderSparkline(values, lang, unit, currency, opts);
    }
  }
  throw new Error(`chart: no chart of kind "${String(kind)}"`);
}
