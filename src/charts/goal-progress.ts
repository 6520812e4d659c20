/**
 * Year-to-date progress of an additive KPI (net sales, units, new customers…): the cumulative
 * actual month by month against the pace to the year's target. The pace follows the month
 * targets where they exist (so a seasonal plan is not judged against a straight line), and runs
 * straight to the year target where they do not.
 */
import * as Plot from '@observablehq/plot';
import { formatValue, type Lang } from '../i18n/format-value.ts';
import { t } from '../i18n/messages.ts';
import { niceTicks, periodLong, periodTick, textWidth, tickFormatter } from './chart-format.ts';
import { chartWords } from './chart-words.ts';
import { legendMark, legendRows, unitLabel, type LegendItem } from './legend.ts';
import { BG, FG, TARGET, statusColor, statusSymbol } from './palette.ts';
import { renderPlot } from './render-plot.ts';
import type { GoalProgress, ReportKpi } from '../report/model.ts';

export interface GoalProgressOptions {
  currency?: string;
  /**
   * The goal's progress from the report (`report.goals[].progress`) for this year: its full-year
   * target and its projection, drawn as a dotted line to the year end. The status shown is always
   * the year value's own status in the report model.
   */
  progress?: GoalProgress | null;
  /**
   * The full-year target, when the page knows it. Without it, it is read from the report: a
   * `given` year target as is, a `prorated` one scaled back to twelve months; a `derived` one of
   * a partial year is only the covered months' sum, so the pace then stops at the last month.
   */
  yearTarget?: number;
  width?: number;
  height?: number;
}

/** The fiscal year, as in `report.periods.year`. */
export interface YearPeriod {
  label: string;
  /** First and last day, YYYY-MM-DD. */
  start: string;
  end: string;
}

const FONT = 12;
const PACE_DASH = '5,3';
const PROJECTION_DASH = '1,3';

export function renderGoalProgress(kpi: ReportKpi, year: YearPeriod, lang: Lang, opts: GoalProgressOptions = {}): string {
  if (!kpi.additive) throw new Error(`goal progress needs an additive KPI (one whose months add up to the year): ${kpi.id}`);
  const { currency = 'IDR', width = 560, height = 280 } = opts;
  const m = t(lang);
  const words = chartWords(lang);
  const fmt = (x: number | null) => formatValue(x, kpi.unit, lang, currency);

  const months = monthLabels(year.start);
  const byPeriod = new Map((kpi.values.month ?? []).map((v) => [v.period, v]));
  const covered = months.filter((p) => byPeriod.has(p));
  const through = covered.length ? months.indexOf(covered[covered.length - 1]!) + 1 : 0;

  // Cumulative actual at each month end (x = 1 … through), from 0 at the year's start (x = 0).
  // A month without a value adds nothing: for sums, no records means nothing sold.
  const actual = [{ x: 0, y: 0 }];
  for (let k = 0; k < through; k++) actual.push({ x: k + 1, y: actual[k]!.y + (byPeriod.get(months[k]!)?.value ?? 0) });

  const progress = opts.progress?.year === year.label ? opts.progress : undefined;
  const yearTarget = opts.yearTarget ?? progress?.target ?? fullYearTarget(kpi, year.label, covered.length);
  const pace = paceLine(months.map((p) => byPeriod.get(p)?.target ?? null), yearTarget);
  const paceNow = pace.find((p) => p.x === through)?.y ?? null;
  const actualNow = actual[through]!.y;
  // The year to date's own status from the report model (the projection is drawn, never judged).
  const status = (kpi.values.year ?? []).find((v) => v.period === year.label)?.status ?? null;
  const projected = progress?.projected != null && through > 0 && through < 12 ? progress.projected : null;
  const projection = projected === null ? [] : [actual[through]!, { x: 12, y: projected }];
  const color = statusColor(status);

  const numbers = [...actual.map((p) => p.y), ...pace.map((p) => p.y), ...(yearTarget === null ? [] : [yearTarget]), ...(projected === null ? [] : [projected])];
  const yTicks = niceTicks(0, Math.max(...numbers, 0), 5, kpi.unit === 'count' ? 1 : 0);
  const yFormat = tickFormatter(kpi.unit, lang, currency);
  const marginLeft = Math.max(40, ...yTicks.map((y) => textWidth(yFormat(y), FONT))) + 12;
  const legend: LegendItem[] = [
    { label: status ? `${words.yearToDate} (${m[status]})` : words.yearToDate, line: { stroke: color, width: 2.5 } },
    ...(projection.length ? [{ label: words.projection, line: { stroke: color, dasharray: PROJECTION_DASH } }] : []),
    ...(pace.length ? [{ label: words.pace, line: { stroke: TARGET, dasharray: PACE_DASH } }] : []),
  ];
  const marginTop = legendRows(legend, width - marginLeft, FONT) * FONT * 1.5 + 34;
  const last = through ? byPeriod.get(months[through - 1]!) : undefined;

  const label = [
    words.goal(kpi.title[lang], year.label),
    through ? words.goalStatus(periodLong(months[through - 1]!, lang), fmt(actualNow), paceNow === null ? null : fmt(paceNow), yearTarget === null ? null : fmt(yearTarget)) : words.noData,
    projected === null ? '' : words.projected(fmt(projected)),
    status ? `${m.status}: ${m[status]}.` : '',
  ]
    .filter(Boolean)
    .join(' ');

  return renderPlot(
    {
      width,
      height,
      marginLeft,
      marginRight: 16,
      marginTop,
      marginBottom: 40,
      x: {
        domain: [0, 12],
        ticks: months.map((_, k) => k + 1).filter((x) => x % 2 === 1),
        tickFormat: (x: number) => periodTick(months[x - 1]!, lang, x === 1 || months[x - 1]!.endsWith('-01')),
        label: null,
        tickSize: 4,
      },
      y: { domain: [yTicks[0]!, yTicks[yTicks.length - 1]!], ticks: yTicks, tickFormat: yFormat, label: null, grid: true, tickSize: 0 },
      symbol: { type: 'identity' },
      color: { type: 'identity' },
      marks: [
        Plot.areaY(actual, { x: 'x', y: 'y', fill: color, fillOpacity: 0.15 }),
        Plot.lineY(pace, { x: 'x', y: 'y', stroke: TARGET, strokeWidth: 1.5, strokeDasharray: PACE_DASH, strokeOpacity: 0.7 }),
        ...(yearTarget === null
          ? []
          : [
              Plot.ruleY([yearTarget], { stroke: TARGET, strokeOpacity: 0.35 }),
              Plot.text([yearTarget], { x: 12, y: (y: number) => y, text: (y: number) => `${m.target} ${year.label}: ${fmt(y)}`, textAnchor: 'end', dy: -8, fill: FG }),
            ]),
        Plot.lineY(projection, { x: 'x', y: 'y', stroke: color, strokeWidth: 2, strokeDasharray: PROJECTION_DASH, strokeLinecap: 'round' }),
        Plot.lineY(actual, { x: 'x', y: 'y', stroke: color, strokeWidth: 2.5 }),
        ...(through
          ? [
              Plot.dot([actual[through]!], {
                x: 'x',
                y: 'y',
                r: 5,
                symbol: statusSymbol(status),
                fill: last?.notes.length ? BG : color,
                stroke: color,
                strokeWidth: 1.5,
                title: () => label,
              }),
              Plot.text([actual[through]!], { x: 'x', y: 'y', text: (p: { y: number }) => fmt(p.y), dy: -12, textAnchor: through > 9 ? 'end' : 'middle', fill: FG }),
            ]
          : []),
        unitLabel(`↑ ${words.unit(kpi.unit, currency)}`, marginLeft),
        legendMark(legend, { x: marginLeft, y: FONT * 0.75, fontSize: FONT }),
      ],
    },
    { kind: 'goal-progress', label, fontSize: FONT },
  );
}

/** The twelve month labels of the fiscal year starting at `start` (YYYY-MM-DD). */
function monthLabels(start: string): string[] {
  const y = Number(start.slice(0, 4));
  const m0 = Number(start.slice(5, 7)) - 1;
  return Array.from({ length: 12 }, (_, k) => `${y + Math.floor((m0 + k) / 12)}-${String(((m0 + k) % 12) + 1).padStart(2, '0')}`);
}

function fullYearTarget(kpi: ReportKpi, year: string, coveredMonths: number): number | null {
  const v = (kpi.values.year ?? []).find((x) => x.period === year);
  if (!v || v.target === null) return null;
  if (v.targetSource === 'prorated') return coveredMonths ? (v.target * 12) / coveredMonths : null;
  if (v.targetSource === 'derived' && coveredMonths < 12) return null;
  return v.target;
}

/**
 * The cumulative target at each month end. Month targets while every month so far has one;
 * then (or from the start, without month targets) a straight line on to the year target.
 */
function paceLine(monthTargets: (number | null)[], yearTarget: number | null): { x: number; y: number }[] {
  const out = [{ x: 0, y: 0 }];
  let k = 0;
  for (; k < 12 && monthTargets[k] !== null; k++) out.push({ x: k + 1, y: out[k]!.y + monthTargets[k]! });
  if (yearTarget !== null) {
    const from = out[out.length - 1]!;
    for (let x = from.x + 1; x <= 12; x++) out.push({ x, y: from.y + ((yearTarget - from.y) * (x - from.x)) / (12 - from.x) });
  }
  return out.length > 1 ? out : [];
}
