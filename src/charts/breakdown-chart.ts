/**
 * A KPI's breakdown for one period (by region, category, rep, …): one horizontal bar per member,
 * largest first, named with the member's display name and labelled with its value and share.
 * A member with a target gets a target tick across its bar and a bar coloured by status, with the
 * status marker before its label; members without a target are neutral. With `href`, each bar
 * and its value link to the member's own page; with `records`, each label also gives the records
 * behind the value ("42 leads") and says when they are too few to judge by.
 */
import * as Plot from '@observablehq/plot';
import { formatValue, type Lang, type Unit } from '../i18n/format-value.ts';
import { t } from '../i18n/messages.ts';
import { textWidth } from './chart-format.ts';
import { chartWords } from './chart-words.ts';
import { legendMark, legendRows, type LegendItem } from './legend.ts';
import { FG, NEUTRAL, STATUSES, STATUS_COLOR, STATUS_SYMBOL, TARGET, statusColor, statusSymbol } from './palette.ts';
import { renderPlot } from './render-plot.ts';
import type { ReportMember } from '../report/model.ts';

/** Display names of one vocabulary's members (a `Report['labels']` entry): a name, or one per language. */
export type MemberLabels = Record<string, string | { id: string; en: string }>;

export interface BreakdownChartOptions {
  /** What is broken down, for the accessible name, e.g. "Net Sales by region, Oct 2026". */
  title?: string;
  /** viewBox width (default 560); the height follows the number of members. */
  width?: number;
  /** The page of a member (a rep's or region's page), linked from its bar and label; null for none. */
  href?: (member: string) => string | null;
  /** The records behind a value in words ("42 leads"), added to its label where the member has a count. */
  records?: (count: number) => string;
  /** Added after the records of a member with too few to judge by ("too few to judge"). */
  fewRecords?: string;
}

const FONT = 12;
const ROW = 28;
const NAME_WIDTH = 180;

interface Row {
  member: string;
  name: string;
  value: number | null;
  target: number | null;
  labelAt: number;
  text: string;
  /** The label without the records, for when the full one leaves the bars too little room. */
  short: string;
  fill: string;
  symbol: string | null;
  title: string;
  href: string | null;
}

/**
 * Cuts a name to fit `width` pixels by our own (generous) width estimate, with an ellipsis;
 * Plot's own cut uses a narrower estimate, so long names ran off the chart's left edge.
 */
function fitText(name: string, width: number): string {
  if (textWidth(name, FONT) <= width) return name;
  let cut = name;
  while (cut.length > 1 && textWidth(`${cut}…`, FONT) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

export function memberName(labels: MemberLabels | undefined, member: string, lang: Lang): string {
  const name = labels?.[member];
  return name === undefined ? member : typeof name === 'string' ? name : name[lang];
}

/**
 * All a breakdown chart reads: its members with the options' functions already applied (each
 * member's display name, link and records in words), so the chart is drawn from plain data, which
 * the site's chart cache (src/site/chart-cache.ts) keys a chart on.
 */
export interface BreakdownChartData {
  members: (ReportMember & { name: string; href: string | null; records: string | null })[];
  unit: Unit;
  currency: string;
  title?: string;
}

export function breakdownChartData(members: ReportMember[], labels: MemberLabels | undefined, lang: Lang, unit: Unit, currency = 'IDR', opts: BreakdownChartOptions = {}): BreakdownChartData {
  return {
    members: members.map((x) => ({ ...x, name: memberName(labels, x.member, lang), href: opts.href?.(x.member) ?? null, records: recordsText(x, opts) })),
    unit,
    currency,
    ...(opts.title === undefined ? {} : { title: opts.title }),
  };
}

export function renderBreakdownChart(members: ReportMember[], labels: MemberLabels | undefined, lang: Lang, unit: Unit, currency = 'IDR', opts: BreakdownChartOptions = {}): string {
  return drawBreakdownChart(breakdownChartData(members, labels, lang, unit, currency, opts), lang, opts.width);
}

/** The chart of `data` (breakdownChartData), `width` viewBox units wide (default 560). */
export function drawBreakdownChart(data: BreakdownChartData, lang: Lang, width = 560): string {
  const { members, unit, currency } = data;
  const m = t(lang);
  const fmt = (x: number | null) => formatValue(x, unit, lang, currency);
  const sorted = [...members].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || (a.member < b.member ? -1 : a.member > b.member ? 1 : 0));
  const anyTarget = sorted.some((x) => x.target !== null);

  const rows: Row[] = sorted.map((x) => {
    const name = x.name;
    const text =
      x.value === null
        ? `– (${m.reasons[x.reason ?? 'no-data']})`
        : [fmt(x.value), x.share === null ? null : formatValue(x.share, 'percent', lang), x.records].filter(Boolean).join(' · ');
    const short = x.value === null ? text : [fmt(x.value), x.share === null ? null : formatValue(x.share, 'percent', lang)].filter(Boolean).join(' · ');
    const lines = [name, `${m.value}: ${fmt(x.value)}`];
    if (x.share !== null) lines.push(`${m.share}: ${formatValue(x.share, 'percent', lang)}`);
    if (anyTarget) lines.push(`${m.target}: ${x.target === null ? m.noTarget : fmt(x.target)}`);
    if (x.status) lines.push(`${m.status}: ${m[x.status]}`);
    const records = x.records;
    if (records) lines.push(records);
    return {
      member: x.member,
      name,
      value: x.value,
      target: x.target,
      labelAt: Math.max(x.value ?? 0, x.target ?? 0, 0),
      text,
      short,
      fill: statusColor(x.status),
      symbol: x.status ? statusSymbol(x.status) : null,
      title: lines.join('\n'),
      href: x.href,
    };
  });

  let marginLeft = Math.min(NAME_WIDTH, Math.max(40, ...rows.map((r) => textWidth(r.name, FONT)))) + 10;
  const labelRoom = (key: 'text' | 'short') => Math.max(...rows.map((r) => textWidth(r[key], FONT)), 0) + (anyTarget ? 30 : 12);
  // The records stay in the label while the bars keep at least a third of the width (else in the hover text and the name only).
  if (width - marginLeft - labelRoom('text') < width / 3) for (const r of rows) r.text = r.short;
  const marginRight = labelRoom('text');
  // Still too wide: the names give way (cut with an ellipsis, whole on hover), down to 60 units.
  marginLeft = Math.max(60, Math.min(marginLeft, width - marginRight - width / 3));
  const legend = legendItems(sorted, lang);
  const marginTop = legend.length ? legendRows(legend, width - marginLeft, FONT) * FONT * 1.5 + 6 : 4;
  const height = marginTop + Math.max(1, rows.length) * ROW + 4;
  const numbers = rows.flatMap((r) => [r.value ?? 0, r.target ?? 0]);

  return renderPlot(
    {
      width,
      height,
      marginLeft,
      marginRight,
      marginTop,
      marginBottom: 4,
      x: { domain: [Math.min(0, ...numbers), Math.max(0, ...numbers) || 1], axis: null },
      y: { domain: rows.map((r) => r.member), axis: null, padding: 0.25 },
      symbol: { type: 'identity' },
      color: { type: 'identity' },
      marks: [
        Plot.axisY({ tickFormat: (member: string) => fitText(rows.find((r) => r.member === member)?.name ?? member, marginLeft - 10), title: (member: string) => {
          // The full name on hover, only where it was cut.
          const name = rows.find((r) => r.member === member)?.name ?? member;
          return fitText(name, marginLeft - 10) === name ? null : name;
        }, tickSize: 0, label: null }),
        Plot.barX(rows.filter((r) => r.value !== null), { x: 'value', y: 'member', fill: 'fill', title: 'title', href: 'href' }),
        Plot.ruleX([0], { stroke: FG, strokeOpacity: 0.5 }),
        Plot.tickX(
          rows.filter((r) => r.target !== null),
          { x: 'target', y: 'member', stroke: TARGET, strokeWidth: 2, inset: -3 },
        ),
        Plot.dot(
          rows.filter((r) => r.symbol),
          { x: 'labelAt', y: 'member', symbol: 'symbol', fill: 'fill', stroke: 'fill', r: 4, dx: 10 },
        ),
        // After the status marker where there is one, right after the bar elsewhere.
        Plot.text(
          rows.filter((r) => r.symbol),
          { x: 'labelAt', y: 'member', text: 'text', textAnchor: 'start', dx: 20, fill: FG, href: 'href' },
        ),
        Plot.text(
          rows.filter((r) => !r.symbol),
          { x: 'labelAt', y: 'member', text: 'text', textAnchor: 'start', dx: 6, fill: FG, href: 'href' },
        ),
        ...(legend.length ? [legendMark(legend, { x: marginLeft, y: FONT * 0.75, fontSize: FONT, r: 4 })] : []),
      ],
    },
    { kind: 'breakdown', label: describe(rows, sorted, data.title, lang, fmt), fontSize: FONT },
  );
}

/** "42 leads", and "4 leads, too few to judge" under the threshold; null without a count or the words. */
function recordsText(x: ReportMember, opts: BreakdownChartOptions): string | null {
  if (x.count === undefined || !opts.records) return null;
  return x.fewRecords && opts.fewRecords ? `${opts.records(x.count)}, ${opts.fewRecords}` : opts.records(x.count);
}

function legendItems(members: ReportMember[], lang: Lang): LegendItem[] {
  const m = t(lang);
  if (!members.some((x) => x.target !== null)) return [];
  const items: LegendItem[] = STATUSES.map((s) => ({ label: m[s], symbol: STATUS_SYMBOL[s], fill: STATUS_COLOR[s], stroke: STATUS_COLOR[s] }));
  if (members.some((x) => x.status === null)) items.push({ label: m.noTarget, swatch: NEUTRAL });
  items.push({ label: m.target, line: { stroke: TARGET, width: 2 } });
  return items;
}

/** The accessible name: what is broken down, then every member with its value (a short list, so all of it). */
function describe(rows: Row[], members: BreakdownChartData['members'], title: string | undefined, lang: Lang, fmt: (x: number | null) => string): string {
  const m = t(lang);
  const words = chartWords(lang);
  const head = words.breakdown(title ?? words.breakdownTitle, rows.length);
  const list = members.map((x, i) => {
    const extra = [x.share === null ? null : formatValue(x.share, 'percent', lang), x.records, x.status ? m[x.status] : null].filter(Boolean).join(', ');
    return `${rows[i]!.name}: ${x.value === null ? rows[i]!.text : fmt(x.value)}${extra ? ` (${extra})` : ''}`;
  });
  return `${head} ${list.join('; ')}.`;
}
