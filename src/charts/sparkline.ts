/**
 * A word-sized trend for tables and dashboard cards: the last 12 periods as a line, no axes, the
 * latest value marked (coloured and shaped by its status, hollow when not final). Its accessible
 * name says the direction and the first and last values in words.
 */
import * as Plot from '@observablehq/plot';
import { parsePeriod } from '../calendar/periods.ts';
import { formatValue, type Lang, type Unit } from '../i18n/format-value.ts';
import { t } from '../i18n/messages.ts';
import { periodShort } from './chart-format.ts';
import { chartWords } from './chart-words.ts';
import { BG, FG, statusColor, statusSymbol } from './palette.ts';
import { renderPlot } from './render-plot.ts';
import type { ReportValue } from '../report/model.ts';

export interface SparklineOptions {
  /** The KPI's title, to start the accessible name. */
  title?: string;
  /** How many of the latest periods (default 12). */
  periods?: number;
  /** viewBox size (default 120 × 32). */
  width?: number;
  height?: number;
}

/** A change within this share of the larger end reads as flat. */
const FLAT = 0.02;

export function renderSparkline(values: ReportValue[], lang: Lang, unit: Unit, currency = 'IDR', opts: SparklineOptions = {}): string {
  const { periods = 12, width = 120, height = 32 } = opts;
  const shown = values.slice(-periods);
  const line = shown.map((v, i) => ({ i, value: v.value ?? NaN }));
  const lastIndex = shown.findLastIndex((v) => v.value !== null);
  const last = shown[lastIndex];
  const color = statusColor(last?.status ?? null);
  const marks: Plot.Markish[] = [Plot.lineY(line, { x: 'i', y: 'value', stroke: FG, strokeWidth: 1.25, strokeOpacity: 0.7 })];
  if (last) {
    marks.push(
      Plot.dot([{ i: lastIndex, value: last.value }], {
        x: 'i',
        y: 'value',
        symbol: statusSymbol(last.status),
        r: 2.75,
        fill: last.notes.length ? BG : color,
        stroke: color,
        strokeWidth: 1.25,
      }),
    );
  }
  return renderPlot(
    {
      width,
      height,
      margin: 4,
      x: { domain: [0, Math.max(1, shown.length - 1)], axis: null },
      y: { axis: null, ...(shown.some((v) => v.value !== null) ? {} : { domain: [0, 1] }) },
      marks,
    },
    { kind: 'sparkline', label: describe(shown, lang, unit, currency, opts.title), fontSize: 10 },
  );
}

function describe(values: ReportValue[], lang: Lang, unit: Unit, currency: string, title: string | undefined): string {
  const m = t(lang);
  const words = chartWords(lang);
  const grain = parsePeriod(values[0]?.period ?? '')?.grain ?? 'month';
  const head = words.sparkline(title ?? m.value, values.length, m[grain]);
  const known = values.filter((v) => v.value !== null);
  const first = known[0];
  const last = known[known.length - 1];
  if (!first || !last) return `${head}: ${words.noData}`;
  const fmt = (v: ReportValue) => `${formatValue(v.value, unit, lang, currency)} (${periodShort(v.period, lang)})`;
  const a = first.value!;
  const b = last.value!;
  const direction = Math.abs(b - a) <= FLAT * Math.max(Math.abs(a), Math.abs(b)) ? words.direction.flat : b > a ? words.direction.up : words.direction.down;
  const status = last.status ? `, ${m[last.status]}` : '';
  const notes = last.notes.map((n) => `, ${m.notes[n]}`).join('');
  return `${head}: ${first === last ? fmt(last) : words.fromTo(direction, fmt(first), fmt(last))}${status}${notes}.`;
}
