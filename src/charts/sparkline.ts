/**
 * A word-sized trend for tables and dashboard cards: the last 12 periods as a line, no axes, the
 * target as a dashed line, the latest value marked (coloured and shaped by its status, hollow
 * and reached by a dotted line when not final) and written beside its marker. Amounts and counts
 * are drawn from zero, so a small dip does not look like a fall. Its accessible name says the
 * direction, the first and last values and the latest target in words.
 */
import * as Plot from '@observablehq/plot';
import { parsePeriod } from '../calendar/periods.ts';
import { formatValue, type Lang, type Unit } from '../i18n/format-value.ts';
import { t } from '../i18n/messages.ts';
import { periodShort, textWidth } from './chart-format.ts';
import { chartWords } from './chart-words.ts';
import { BG, FG, TARGET, statusColor, statusSymbol } from './palette.ts';
import { renderPlot } from './render-plot.ts';
import { chartValues, type ChartValue } from './chart-values.ts';

export interface SparklineOptions {
  /** The KPI's title, to start the accessible name. */
  title?: string;
  /** How many of the latest periods (default 12). */
  periods?: number;
  /** viewBox size of the line itself (default 120 × 32); the end value's label widens the viewBox to its right. */
  width?: number;
  height?: number;
}

/** A change within this share of the larger end reads as flat. */
const FLAT = 0.02;

const LABEL_FONT = 10;

/** How many of the latest periods, unless the options say. */
const PERIODS = 12;

/** All a sparkline reads of its values (the last `periods`): the chart cache keys it on this. */
export function sparklineData(values: readonly ChartValue[], periods = PERIODS): ChartValue[] {
  return chartValues(values.slice(-periods));
}

export function renderSparkline(values: readonly ChartValue[], lang: Lang, unit: Unit, currency = 'IDR', opts: SparklineOptions = {}): string {
  const { periods = PERIODS, width = 120, height = 32 } = opts;
  const shown = values.slice(-periods);
  const lastIndex = shown.findLastIndex((v) => v.value !== null);
  const last = shown[lastIndex];
  const lastNotFinal = !!last && (last.notes.length > 0 || last.notFinal !== null);
  // The last value, when not final, hangs off a dotted segment rather than continuing the line.
  const line = shown.map((v, i) => ({ i, value: v.value === null || (lastNotFinal && i === lastIndex) ? NaN : v.value }));
  const prev = shown[lastIndex - 1];
  const dotted = lastNotFinal && prev && prev.value !== null ? [{ i: lastIndex - 1, value: prev.value }, { i: lastIndex, value: last!.value }] : [];
  const targets = shown.map((v, i) => ({ i, value: v.target ?? NaN }));
  const color = statusColor(last?.status ?? null);
  const endLabel = last ? formatValue(last.value, unit, lang, currency) : '';
  const marginRight = last ? textWidth(endLabel, LABEL_FONT) + 10 : 4;
  const marks: Plot.Markish[] = [
    Plot.lineY(targets, { x: 'i', y: 'value', stroke: TARGET, strokeWidth: 1, strokeDasharray: '3,2', strokeOpacity: 0.6 }),
    Plot.lineY(line, { x: 'i', y: 'value', stroke: FG, strokeWidth: 1.25, strokeOpacity: 0.7 }),
  ];
  if (dotted.length) marks.push(Plot.lineY(dotted, { x: 'i', y: 'value', stroke: FG, strokeWidth: 1.25, strokeOpacity: 0.7, strokeDasharray: '1.5,2' }));
  if (last) {
    marks.push(
      Plot.dot([{ i: lastIndex, value: last.value }], {
        x: 'i',
        y: 'value',
        symbol: statusSymbol(last.status),
        r: 2.75,
        fill: lastNotFinal ? BG : color,
        stroke: color,
        strokeWidth: 1.25,
      }),
      Plot.text([endLabel], { text: (d: string) => d, frameAnchor: 'right', textAnchor: 'start', dx: 6, fill: FG, fontSize: LABEL_FONT }),
    );
  }
  const numbers = shown.flatMap((v) => [v.value, v.target]).filter((x): x is number => x !== null);
  const zero = unit === 'currency' || unit === 'count';
  const domain: [number, number] | undefined = numbers.length
    ? zero
      ? [Math.min(0, ...numbers), Math.max(0, ...numbers) || 1]
      : undefined
    : [0, 1];
  const viewWidth = width + marginRight - 4;
  // A natural size (1.25 px per unit, the label's 10 units at 12.5 px) rather than the container's
  // width, so every sparkline's text is the same size whatever its label's length.
  const svg = renderPlot(
    {
      width: viewWidth,
      height,
      margin: 4,
      marginRight,
      x: { domain: [0, Math.max(1, shown.length - 1)], axis: null },
      y: { axis: null, ...(domain ? { domain } : {}) },
      marks,
    },
    { kind: 'sparkline', label: describe(shown, lang, unit, currency, opts.title), fontSize: LABEL_FONT },
  );
  return svg.replace(' width="100%"', ` width="${Math.round(viewWidth * 1.25)}"`);
}

function describe(values: ChartValue[], lang: Lang, unit: Unit, currency: string, title: string | undefined): string {
  const m = t(lang);
  const words = chartWords(lang);
  const grain = parsePeriod(values[0]?.period ?? '')?.grain ?? 'month';
  const head = words.sparkline(title ?? m.value, values.length, m[grain]);
  const known = values.filter((v) => v.value !== null);
  const first = known[0];
  const last = known[known.length - 1];
  if (!first || !last) return `${head}: ${words.noData}`;
  const fmt = (v: ChartValue) => `${formatValue(v.value, unit, lang, currency)} (${periodShort(v.period, lang)})`;
  const a = first.value!;
  const b = last.value!;
  const direction = Math.abs(b - a) <= FLAT * Math.max(Math.abs(a), Math.abs(b)) ? words.direction.flat : b > a ? words.direction.up : words.direction.down;
  const status = last.status ? `, ${m[last.status]}` : last.notFinal ? `, ${m.notFinal}` : '';
  const target = last.target === null ? '' : `, ${m.target.toLowerCase()} ${formatValue(last.target, unit, lang, currency)}`;
  const notes = last.notes.map((n) => `, ${m.notes[n]}`).join('');
  return `${head}: ${first === last ? fmt(last) : words.fromTo(direction, fmt(first), fmt(last))}${target}${status}${notes}.`;
}
