/**
 * A KPI over the periods of one grain: its values as a line with a marker per period, the target
 * as a dashed step line, each marker coloured and shaped by status. Gaps where a value or a
 * target is missing; hollow markers for periods that can still change (partial, maturing).
 */
import * as Plot from '@observablehq/plot';
import type { Grain } from '../calendar/periods.ts';
import { formatValue, type Lang } from '../i18n/format-value.ts';
import { t } from '../i18n/messages.ts';
import { niceTicks, periodLong, periodShort, periodTick, startsYear, textWidth, tickFormatter } from './chart-format.ts';
import { chartWords } from './chart-words.ts';
import { legendMark, legendRows, unitLabel, type LegendItem } from './legend.ts';
import { BG, FG, NEUTRAL, STATUSES, STATUS_COLOR, STATUS_SYMBOL, TARGET, statusColor, statusSymbol } from './palette.ts';
import { renderPlot } from './render-plot.ts';
import { annotationMark, annotationPeriods, placeAnnotations, type ChartAnnotation } from './annotations.ts';
import type { ReportKpi } from '../report/model.ts';
import { chartValues, type ChartValue } from './chart-values.ts';

export interface TrendChartOptions {
  /** ISO code of the company currency (default IDR, shown as Rp). */
  currency?: string;
  /** Only the last n periods (default: all). */
  periods?: number;
  /** viewBox size (default 560 × 280). */
  width?: number;
  height?: number;
  /** Markers from the team's reviews (annotations.ts), drawn above the plot; none by default. */
  annotations?: ChartAnnotation[];
  /** The weeks' first and last days (Report.weeks), for the week grain: a day annotation goes to its week. */
  weeks?: { label: string; start: string; end: string }[];
}

const FONT = 12;
const R = 4.5;
const TARGET_DASH = '5,3';
/** The line into a value that is not final yet: dotted, lighter than the target's dashes. */
const NOT_FINAL_DASH = '2,3';

interface Point {
  i: number;
  value: number;
  symbol: string;
  fill: string;
  stroke: string;
  title: string;
}

/** The finest tick step that still reads well per unit (0.01 on a 1-5 score repeats labels). */
const MIN_STEP: Partial<Record<ReportKpi['unit'], number>> = { count: 1, score: 0.1, percent: 0.005, days: 0.5, hours: 1, 'per-day': 0.1 };

/**
 * All a trend chart reads of its KPI: the chart is drawn from this and its options alone, so the
 * site's chart cache (src/site/chart-cache.ts) keys a chart on it.
 */
export interface TrendChartData {
  unit: ReportKpi['unit'];
  title: string;
  /** The values shown: the grain's, the last `periods` of them when the options cut them. */
  values: ChartValue[];
}

export function trendChartData(kpi: ReportKpi, grain: Grain | 'week', lang: Lang, periods?: number): TrendChartData {
  const all = kpi.values[grain] ?? [];
  return { unit: kpi.unit, title: kpi.title[lang], values: chartValues(periods ? all.slice(-periods) : all) };
}

export function renderTrendChart(kpi: ReportKpi, grain: Grain | 'week', lang: Lang, opts: TrendChartOptions = {}): string {
  return drawTrendChart(trendChartData(kpi, grain, lang, opts.periods), grain, lang, opts);
}

/** The chart of `data` (trendChartData); `opts.periods` was applied there. */
export function drawTrendChart(data: TrendChartData, grain: Grain | 'week', lang: Lang, opts: Omit<TrendChartOptions, 'periods'> = {}): string {
  const { currency = 'IDR', width = 560, height = 280 } = opts;
  const values = data.values;
  const words = chartWords(lang);
  const fmt = (x: number | null) => formatValue(x, data.unit, lang, currency);

  const points: Point[] = [];
  values.forEach((v, i) => {
    if (v.value === null) return;
    const color = statusColor(v.status);
    const hollow = v.notes.length > 0 || v.notFinal !== null;
    points.push({ i, value: v.value, symbol: statusSymbol(v.status), fill: hollow ? BG : color, stroke: color, title: hoverText(v, lang, fmt) });
  });
  // Solid between final values; a not-final value gets its own dotted segment from its neighbour.
  const notFinal = (v: ChartValue | undefined) => !!v && v.value !== null && (v.notes.length > 0 || v.notFinal !== null);
  const line = values.map((v, i) => ({ i, value: v.value === null || notFinal(v) ? NaN : v.value }));
  const dotted = values.flatMap((v, i) => {
    if (!notFinal(v)) return [];
    const prev = values[i - 1];
    return prev && prev.value !== null ? [{ i: i - 1, value: prev.value, seg: i }, { i, value: v.value!, seg: i }] : [];
  });
  const lastNotFinal = values.findLastIndex((v) => notFinal(v));
  const steps = targetSteps(values);

  // The value axis: zero-based for amounts (currency, counts), fitted to the data otherwise.
  const numbers = [...points.map((p) => p.value), ...values.flatMap((v) => (v.target === null ? [] : [v.target]))];
  const zero = data.unit === 'currency' || data.unit === 'count';
  const lo = numbers.length ? Math.min(...numbers, ...(zero ? [0] : [])) : 0;
  const hi = numbers.length ? Math.max(...numbers, ...(zero ? [0] : [])) : 1;
  const yTicks = niceTicks(lo, hi, 5, MIN_STEP[data.unit] ?? 0);
  const yFormat = tickFormatter(data.unit, lang, currency);
  const marginLeft = Math.max(40, ...yTicks.map((y) => textWidth(yFormat(y), FONT))) + 12;

  const legend = legendItems(values, lang);
  const legendHeight = legendRows(legend, width - marginLeft, FONT) * FONT * 1.5;
  const marginRight = 16;

  const labels = values.map((v) => v.period);
  // Review annotations: a band of label rows between the legend and the plot.
  const xOf = (i: number) => marginLeft + ((i + 0.5) / Math.max(1, labels.length)) * (width - marginLeft - marginRight);
  const notes = placeAnnotations(annotationPeriods(opts.annotations ?? [], labels, grain === 'week' ? new Map((opts.weeks ?? []).map((w) => [w.label, w])) : undefined), xOf, marginLeft, width - marginRight, FONT);
  const notesHeight = notes.rows * FONT * 1.3;
  const marginTop = legendHeight + 34 + notesHeight;
  const xTicks = periodTicks(labels, grain, (width - marginLeft - marginRight) / Math.max(1, labels.length));

  const label = describe(data, grain, values, lang, fmt);
  return renderPlot(
    {
      width,
      height,
      marginLeft,
      marginRight,
      marginTop,
      marginBottom: 40,
      x: {
        domain: [-0.5, Math.max(0, labels.length - 0.5)],
        ticks: xTicks,
        tickFormat: (i: number) => periodTick(labels[i]!, lang, i === xTicks[0] || startsYear(labels[i]!)),
        label: null,
        tickSize: 4,
      },
      y: { domain: [yTicks[0]!, yTicks[yTicks.length - 1]!], ticks: yTicks, tickFormat: yFormat, label: null, grid: true, tickSize: 0 },
      symbol: { type: 'identity' },
      color: { type: 'identity' },
      marks: [
        Plot.lineY(steps, { x: 'x', y: 'y', stroke: TARGET, strokeWidth: 1.5, strokeDasharray: TARGET_DASH, strokeOpacity: 0.7 }),
        Plot.lineY(line, { x: 'i', y: 'value', stroke: FG, strokeWidth: 1.5, strokeOpacity: 0.55 }),
        Plot.lineY(dotted, { x: 'i', y: 'value', z: 'seg', stroke: FG, strokeWidth: 1.5, strokeOpacity: 0.55, strokeDasharray: NOT_FINAL_DASH }),
        Plot.dot(points, { x: 'i', y: 'value', symbol: 'symbol', fill: 'fill', stroke: 'stroke', r: R, strokeWidth: 1.5, title: 'title' }),
        ...(lastNotFinal >= 0
          ? [Plot.text([{ i: lastNotFinal, value: values[lastNotFinal]!.value! }], { x: 'i', y: 'value', text: () => words.notFinal, dy: -R - 8, textAnchor: lastNotFinal === values.length - 1 ? 'end' : 'middle', fill: FG, fontStyle: 'italic' })]
          : []),
        unitLabel(`↑ ${words.unit(data.unit, currency)}`, marginLeft),
        legendMark(legend, { x: marginLeft, y: FONT * 0.75, fontSize: FONT, r: R }),
        ...(notes.placed.length ? [annotationMark(notes.placed, { top: legendHeight + 22, fontSize: FONT })] : []),
      ],
    },
    { kind: 'trend', label, fontSize: FONT },
  );
}

/** The target as a step line over each period's full width, broken where there is no target. */
function targetSteps(values: ChartValue[]): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  values.forEach((v, i) => {
    if (v.target === null) out.push({ x: i, y: NaN });
    else out.push({ x: i - 0.5, y: v.target }, { x: i + 0.5, y: v.target });
  });
  return out;
}

/** Which periods get an x tick: as many as fit ~36 px apart, on calendar-aligned steps. */
function periodTicks(labels: string[], grain: Grain | 'week', spacing: number): number[] {
  const steps = grain === 'week' ? [1, 2, 4, 13, 26] : grain === 'month' ? [1, 2, 3, 6, 12] : grain === 'quarter' ? [1, 2, 4] : [1, 2, 5, 10];
  const step = steps.find((s) => s * spacing >= 36) ?? steps[steps.length - 1]!;
  const within = (label: string) => (grain === 'week' ? Number(label.slice(6)) - 1 : grain === 'month' ? Number(label.slice(5, 7)) - 1 : grain === 'quarter' ? Number(label.slice(6)) - 1 : Number(label));
  return labels.flatMap((label, i) => (within(label) % step === 0 ? [i] : []));
}

function hoverText(v: ChartValue, lang: Lang, fmt: (x: number | null) => string): string {
  const m = t(lang);
  const lines = [periodLong(v.period, lang), `${m.value}: ${fmt(v.value)}`, `${m.target}: ${v.target === null ? m.noTarget : fmt(v.target)}`];
  if (v.status) lines.push(`${m.status}: ${m[v.status]}`);
  else if (v.notFinal) lines.push(`${m.status}: ${m.notFinal}`);
  for (const note of v.notes) lines.push(`(${m.notes[note]})`);
  return lines.join('\n');
}

function legendItems(values: ChartValue[], lang: Lang): LegendItem[] {
  const m = t(lang);
  const items: LegendItem[] = [];
  const statuses = new Set(values.map((v) => (v.value === null ? undefined : v.status)));
  if (values.some((v) => v.target !== null)) {
    for (const s of STATUSES) items.push({ label: m[s], symbol: STATUS_SYMBOL[s], fill: STATUS_COLOR[s], stroke: STATUS_COLOR[s] });
  }
  if (statuses.has(null)) items.push({ label: m.noTarget, symbol: 'circle', fill: NEUTRAL, stroke: NEUTRAL });
  if (values.some((v) => v.value !== null && (v.notes.length || v.notFinal !== null))) items.push({ label: chartWords(lang).notFinal, symbol: 'circle', fill: BG, stroke: FG });
  if (values.some((v) => v.target !== null)) items.push({ label: m.target, line: { stroke: TARGET, dasharray: TARGET_DASH } });
  return items;
}

/** The accessible name: what, over which periods, where it stands now, and how often on target. */
function describe(data: TrendChartData, grain: Grain | 'week', values: ChartValue[], lang: Lang, fmt: (x: number | null) => string): string {
  const m = t(lang);
  const words = chartWords(lang);
  const title = data.title;
  if (!values.length) return `${title}. ${words.noData}`;
  const parts = [words.trend(title, m[grain], periodShort(values[0]!.period, lang), periodShort(values[values.length - 1]!.period, lang))];
  const latest = values.findLast((v) => v.value !== null);
  if (!latest) return `${parts[0]} ${words.noData}`;
  const notes = latest.notes.map((n) => ` (${m.notes[n]})`).join('');
  parts.push(words.latest(periodLong(latest.period, lang) + notes, fmt(latest.value), latest.target === null ? null : fmt(latest.target), latest.status ? m[latest.status] : latest.notFinal ? m.notFinal : m.noTarget));
  const count = (s: string) => values.filter((v) => v.status === s).length;
  if (values.some((v) => v.status)) parts.push(words.statusCounts({ onTrack: count('on-track'), atRisk: count('at-risk'), offTrack: count('off-track') }));
  return parts.join(' ');
}
