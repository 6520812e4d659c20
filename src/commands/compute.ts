/** `capaian compute`: the scorecard of a period as a terminal table, CSV or the report model as JSON. */
import { parsePeriod, PERIOD_FORMS, type Grain } from '../calendar/periods.ts';
import { parseWeek, weekLabelParts, weeksInYear } from '../calendar/weeks.ts';
import { formatChange, formatValue, type Lang } from '../i18n/format-value.ts';
import { t } from '../i18n/messages.ts';
import { runPipeline, type PipelineOptions } from '../pipeline.ts';
import { GROUPS } from '../kpi/schema.ts';
import { kpisCsv } from '../report/csv.ts';
import { count } from '../i18n/count.ts';
import { CliError } from './cli-error.ts';
import { paint, type Effects, type Paint } from './effects.ts';
import { closest } from '../issues/did-you-mean.ts';
import { countByLevel, formatIssue, type PendingIssue } from '../issues/issue.ts';
import type { SourceFile } from '../validate/validate-repo.ts';
import type { Report, ReportCore, ReportKpi } from '../report/model.ts';

export interface ComputeOptions {
  period?: string;
  kpi?: string;
  format: 'table' | 'json' | 'csv';
  lang?: Lang;
}

export interface ComputeEffects extends PipelineOptions, Pick<Effects, 'out'> {
  read(): Promise<{ files: SourceFile[]; issues: PendingIssue[]; ingested?: PipelineOptions['ingested']; checked?: PipelineOptions['checked'] }>;
  /** Colour statuses (a terminal: see useColor in effects.ts). */
  color: boolean;
}

/** Kept for older imports: a usage error is a CliError with exit code 2. */
export { CliError as UsageError } from './cli-error.ts';

/** The grain of a --period: a month, quarter or year (calendar/periods.ts) or a week label `YYYY-Www`; null if malformed. */
function grainOf(label: string): Grain | 'week' | null {
  return parsePeriod(label)?.grain ?? (weekLabelParts(label) ? 'week' : null);
}

export async function computeCommand(opts: ComputeOptions, fx: ComputeEffects): Promise<number> {
  if (opts.period !== undefined && !grainOf(opts.period)) throw new CliError(`--period "${opts.period}" is not a period`, 2, `use ${PERIOD_FORMS}`);
  if (opts.period !== undefined && grainOf(opts.period) === 'week') {
    // No year has a week 0 or a week past 53, whatever day weeks start on.
    const n = weekLabelParts(opts.period)!.week;
    if (n < 1 || n > 53) throw new CliError(`--period "${opts.period}" is not a week`, 2, `a year has 52 or 53 weeks: write ${opts.period.slice(0, 4)}-W01 to ${opts.period.slice(0, 4)}-W52 (or W53)`);
  }
  const read = await fx.read();
  // The month files read ahead and the other files checked before (load/load-repo.ts): nothing is parsed or checked twice.
  const options = { ...fx, ...(read.ingested ? { ingested: read.ingested } : {}), ...(read.checked ? { checked: read.checked } : {}) };
  // The JSON is the whole report; the table and the CSV read only its KPIs and lints (ReportCore).
  const run = opts.format === 'json' ? { json: true as const, ...runPipeline(read.files, read.issues, options) } : { json: false as const, ...runPipeline(read.files, read.issues, { ...options, only: 'scorecard' }) };
  const { validation, report } = run;
  if (!report) {
    for (const i of validation.issues) fx.out(`${i.level === 'warning' ? 'warning: ' : ''}${formatIssue(i)}`);
    const c = countByLevel(validation.issues);
    fx.out(`\n${count(c.error, 'error')}, ${count(c.warning, 'warning')}: nothing computed`);
    return 1;
  }
  if (opts.kpi && !report.kpis.some((k) => k.id === opts.kpi)) {
    const ids = report.kpis.map((k) => k.id);
    const near = closest(opts.kpi, ids);
    throw new CliError(`no KPI "${opts.kpi}"`, 2, near ? `did you mean "${near}"? KPIs: ${ids.join(', ')}` : `KPIs: ${ids.join(', ')}`);
  }
  if (opts.period !== undefined && grainOf(opts.period) === 'week') checkWeek(opts.period, validation.data?.company.week_start ?? 'mon');
  if (opts.period !== undefined) checkPeriodInData(report, opts.period);
  const kpis = opts.kpi ? report.kpis.filter((k) => k.id === opts.kpi) : report.kpis;
  if (opts.kpi && opts.period !== undefined && grainOf(opts.period) === 'week' && !kpis[0]!.values.week) {
    throw new CliError(`KPI "${opts.kpi}" has no week values`, 2, `add week to its grains (kpis/${opts.kpi}.yaml), or use a month, quarter or year`);
  }
  if (run.json) {
    for (const piece of jsonPieces({ ...run.report!, kpis })) fx.out(piece);
    return 0;
  }
  if (opts.format === 'csv') {
    const csv = kpisCsv(kpis, { ...(opts.period !== undefined ? { period: opts.period } : {}), eol: '\n' });
    fx.out(csv.slice(0, -1));
    return 0;
  }
  const lang = opts.lang ?? (report.company.locale.startsWith('id') ? 'id' : 'en');
  const period = opts.period ?? report.latestMonth;
  if (!period) {
    fx.out('no month data yet: add data/YYYY/MM/orders.yaml');
    return 0;
  }
  fx.out(scorecard(report, kpis, period, lang, fx.color, !!opts.kpi));
  return 0;
}

/**
 * JSON.stringify(report, null, 2) in pieces that join with line ends into exactly that text: the
 * report's own fields, then each KPI on its own. At a million orders the report is megabytes;
 * written a KPI at a time it is never one string, nor one buffer to write.
 */
export function* jsonPieces(report: Report): Generator<string> {
  const { kpis } = report;
  const shell = JSON.stringify({ ...report, kpis: [] }, null, 2);
  // The top-level field, two spaces in; a line end in JSON text is always layout (strings escape theirs).
  const at = shell.indexOf('\n  "kpis": []');
  if (at < 0 || !kpis.length) {
    yield at < 0 ? JSON.stringify(report, null, 2) : shell;
    return;
  }
  yield `${shell.slice(0, at)}\n  "kpis": [`;
  // A KPI at the depth it has in the report (two arrays in: four spaces) by JSON.stringify itself,
  // without indenting its text again.
  const [open, close] = ['[\n  [\n', '\n  ]\n]'];
  for (let i = 0; i < kpis.length; i++) yield `${JSON.stringify([[kpis[i]]], null, 2).slice(open.length, -close.length)}${i < kpis.length - 1 ? ',' : ''}`;
  yield `  ]${shell.slice(at + '\n  "kpis": []'.length)}`;
}

/** A week label whose number the week-year does not have (2025-W53 with Monday weeks: 2025 has 52). */
function checkWeek(label: string, start: Parameters<typeof parseWeek>[1]): void {
  if (parseWeek(label, start)) return;
  const year = label.slice(0, 4);
  const n = weeksInYear(+year, start);
  throw new CliError(`--period "${label}" is not a week: ${year} has ${n} weeks`, 2, `write a week from ${year}-W01 to ${year}-W${n}`);
}

/** A period the data does not reach is a usage error, not a table of dashes. */
function checkPeriodInData(report: ReportCore, period: string): void {
  const grain = grainOf(period)!;
  const known: { label: string }[] = grain === 'week' ? (report.weeks ?? []) : (report.periods[grain] ?? []);
  if (known.some((p) => p.label === period)) return;
  if (grain === 'week' && !report.weeks) throw new CliError(`no data for period ${period}`, 2, `no KPI lists week in its grains (kpis/<id>.yaml grains: [week, month, quarter, year]); or use a month 2026-03, a quarter 2026-Q1 or a year 2026`);
  const range = known.length === 0 ? `the data has no ${grain}s` : known.length === 1 ? `the data has the ${grain} ${known[0]!.label}` : `the data has ${grain}s ${known[0]!.label} to ${known[known.length - 1]!.label}`;
  throw new CliError(`no data for period ${period}`, 2, `${range}; use ${PERIOD_FORMS}`);
}

function labelOf(report: ReportCore, by: string, member: string, lang: Lang): string {
  const label = report.labels[by === 'owner' ? 'rep' : by]?.[member];
  return label === undefined ? member : typeof label === 'string' ? label : label[lang];
}

const NO_WEEKS: Record<Lang, (titles: string[]) => string> = {
  id: (titles) => `${titles.length} KPI tidak dihitung per minggu (week tidak ada di grains-nya): ${titles.join(', ')}`,
  en: (titles) => `${titles.length} KPI${titles.length === 1 ? ' is' : 's are'} not computed per week (week is not in ${titles.length === 1 ? 'its' : 'their'} grains): ${titles.join(', ')}`,
};

const COLORS: Record<string, Paint> = { 'on-track': 'green', 'at-risk': 'yellow', 'off-track': 'red' };

function scorecard(report: ReportCore, kpis: ReportKpi[], period: string, lang: Lang, color: boolean, withBreakdowns: boolean): string {
  const m = t(lang);
  const grain = grainOf(period)!;
  // A year's previous period is last year: no second column then; a week has no same week last year.
  const yoy = grain === 'month' || grain === 'quarter';
  const head = [m.kpi, m.value, m.target, m.attainment, m.status, m.vsPrevious[grain], ...(yoy ? [m.vsLastYear] : [])];
  // A week names its days: weeks cross month ends.
  const days = grain === 'week' ? report.weeks?.find((w) => w.label === period) : undefined;
  const lines: string[] = [`${report.company.name} · ${period} (${m[grain]}${days ? `, ${days.start} – ${days.end}` : ''})`, ''];
  const rows: { cells: string[]; status: string | null }[] = [];
  const notes: string[] = [];
  // A week's scorecard holds the KPIs computed per week; the others are named once below the table.
  const noWeeks = grain === 'week' ? kpis.filter((k) => !k.values.week) : [];
  if (noWeeks.length) notes.push(NO_WEEKS[lang](noWeeks.map((k) => k.title[lang])));
  for (const group of GROUPS) {
    const inGroup = kpis.filter((k) => k.group === group && !noWeeks.includes(k));
    if (!inGroup.length) continue;
    rows.push({ cells: [m.groups[group].toUpperCase()], status: null });
    for (const k of inGroup) {
      const v = k.values[grain]?.find((x) => x.period === period);
      if (!v) {
        rows.push({ cells: [`  ${k.title[lang]}`, '–', '', '', '', '', ...(yoy ? [''] : [])], status: null });
        continue;
      }
      const fmt = (x: number | null) => formatValue(x, k.unit, lang, report.company.currency);
      const value = v.value === null ? '–' : fmt(v.value) + (v.secondary?.value != null && k.secondary ? ` · ${formatValue(v.secondary.value, k.secondary.unit, lang)}` : '');
      // Attainment where a ratio means something, else the difference to the target (points for percent KPIs).
      const att = (x: { attainment: number | null; gap: number | null }) => (x.attainment !== null ? formatValue(x.attainment, 'percent', lang) : x.gap !== null ? formatChange(x.gap, null, k.unit, lang, report.company.currency) : '');
      // A partial quarter against the same months a year before when there is such a comparison.
      const ly = v.lastYear?.likeForLike ?? v.lastYear;
      rows.push({
        cells: [
          `  ${k.title[lang]}`,
          value,
          v.target === null ? '' : fmt(v.target),
          att(v),
          v.value === null ? m.reasons[v.reason ?? 'no-data'] : v.status ? m[v.status] : v.notFinal ? m.notFinal : v.target === null ? m.noTarget : '',
          formatChange(v.change, v.changeRatio, k.unit, lang, report.company.currency),
          ...(yoy ? [ly ? formatChange(ly.change, ly.changeRatio, k.unit, lang, report.company.currency) : '–'] : []),
        ],
        status: v.status,
      });
      for (const note of v.notes) notes.push(`${k.title[lang]}: ${m.notes[note]}`);
      if (withBreakdowns) {
        for (const [by, members] of Object.entries(v.breakdowns)) {
          rows.push({ cells: [`    ${m.breakdownBy} ${m.breakdowns[by as keyof typeof m.breakdowns] ?? by}`], status: null });
          for (const x of members) {
            const share = x.share === null ? '' : ` (${formatValue(x.share, 'percent', lang)})`;
            rows.push({ cells: [`      ${labelOf(report, by, x.member, lang)}`, x.value === null ? '–' : fmt(x.value) + share, x.target === null ? '' : fmt(x.target), att(x), x.value === null ? m.reasons[x.reason ?? 'no-data'] : x.status ? m[x.status] : x.notFinal ? m.notFinal : '', ''], status: x.status });
          }
        }
      }
    }
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.filter((r) => r.cells.length > 1).map((r) => (r.cells[i] ?? '').length)));
  const render = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[0]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  lines.push(render(head));
  for (const r of rows) {
    if (r.cells.length === 1) {
      lines.push(r.cells[0]!);
      continue;
    }
    const text = render(r.cells);
    lines.push(r.status ? paint(color, COLORS[r.status]!, text) : text);
  }
  const lints = report.lints;
  if (notes.length) lines.push('', ...notes.map((n) => `* ${n}`));
  if (lints.length) lines.push('', `${lints.length} ${lints.length === 1 ? m.warning : m.warnings}:`, ...lints.map((l) => `  ${l.message[lang]}`));
  return lines.join('\n');
}
