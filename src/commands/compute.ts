/** `capaian compute`: the scorecard of a period as a terminal table, CSV or the report model as JSON. */
import { parsePeriod, type Grain } from '../calendar/periods.ts';
import { formatChange, formatValue, type Lang } from '../i18n/format-value.ts';
import { t } from '../i18n/messages.ts';
import { runPipeline, type PipelineOptions } from '../pipeline.ts';
import { GROUPS } from '../kpi/schema.ts';
import { csvCell } from '../report/csv.ts';
import { countByLevel, formatIssue, type PendingIssue } from '../issues/issue.ts';
import type { SourceFile } from '../validate/validate-repo.ts';
import type { Report, ReportKpi, ReportValue } from '../report/model.ts';

export interface ComputeOptions {
  period?: string;
  kpi?: string;
  format: 'table' | 'json' | 'csv';
  lang?: Lang;
}

export interface ComputeEffects extends PipelineOptions {
  read(): Promise<{ files: SourceFile[]; issues: PendingIssue[]; ingested?: PipelineOptions['ingested'] }>;
  out(text: string): void;
  /** Colour statuses (a terminal). */
  color: boolean;
}

export class UsageError extends Error {}

export async function computeCommand(opts: ComputeOptions, fx: ComputeEffects): Promise<number> {
  if (opts.period !== undefined && !parsePeriod(opts.period)) throw new UsageError(`--period must be a month 2026-03, a quarter 2026-Q1 or a year 2026, got "${opts.period}"`);
  const read = await fx.read();
  const { validation, report } = runPipeline(read.files, read.issues, { ...fx, ...(read.ingested ? { ingested: read.ingested } : {}) });
  if (!report) {
    for (const i of validation.issues) fx.out(`${i.level === 'warning' ? 'warning: ' : ''}${formatIssue(i)}`);
    const c = countByLevel(validation.issues);
    fx.out(`\n${c.error} errors, ${c.warning} warnings: nothing computed`);
    return 1;
  }
  if (opts.kpi && !report.kpis.some((k) => k.id === opts.kpi)) throw new UsageError(`no KPI "${opts.kpi}"; KPIs: ${report.kpis.map((k) => k.id).join(', ')}`);
  const kpis = opts.kpi ? report.kpis.filter((k) => k.id === opts.kpi) : report.kpis;
  if (opts.format === 'json') {
    fx.out(JSON.stringify({ ...report, kpis }, null, 2));
    return 0;
  }
  if (opts.format === 'csv') {
    fx.out(toCsv(kpis, opts.period));
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

const CSV_COLUMNS = ['kpi', 'grain', 'period', 'value', 'reason', 'target', 'attainment', 'status', 'previous', 'change', 'notes', 'gap', 'not_final', 'last_year', 'last_year_change'] as const;

function toCsv(kpis: ReportKpi[], period?: string): string {
  const rows: string[] = [CSV_COLUMNS.join(',')];
  for (const k of kpis) {
    for (const [grain, values] of Object.entries(k.values) as [Grain, ReportValue[]][]) {
      for (const v of values) {
        if (period && v.period !== period) continue;
        const cells = [k.id, grain, v.period, v.value, v.reason ?? '', v.target, v.attainment, v.status ?? '', v.previous, v.change, v.notes.join(' '), v.gap, v.notFinal ?? '', v.lastYear?.value, v.lastYear?.change];
        rows.push(cells.map(csvCell).join(','));
      }
    }
  }
  return rows.join('\n');
}

function labelOf(report: Report, by: string, member: string, lang: Lang): string {
  const label = report.labels[by === 'owner' ? 'rep' : by]?.[member];
  return label === undefined ? member : typeof label === 'string' ? label : label[lang];
}

const COLORS: Record<string, string> = { 'on-track': '\x1b[32m', 'at-risk': '\x1b[33m', 'off-track': '\x1b[31m' };
const RESET = '\x1b[0m';

function scorecard(report: Report, kpis: ReportKpi[], period: string, lang: Lang, color: boolean, withBreakdowns: boolean): string {
  const m = t(lang);
  const grain = parsePeriod(period)!.grain;
  // A year's previous period is last year: no second column then.
  const yoy = grain !== 'year';
  const head = [m.kpi, m.value, m.target, m.attainment, m.status, m.vsPrevious[grain], ...(yoy ? [m.vsLastYear] : [])];
  const lines: string[] = [`${report.company.name} · ${period} (${m[grain]})`, ''];
  const rows: { cells: string[]; status: string | null }[] = [];
  const notes: string[] = [];
  for (const group of GROUPS) {
    const inGroup = kpis.filter((k) => k.group === group);
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
          rows.push({ cells: [`    ${m.breakdownBy} ${by}`], status: null });
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
    lines.push(color && r.status ? `${COLORS[r.status]}${text}${RESET}` : text);
  }
  const lints = report.lints;
  if (notes.length) lines.push('', ...notes.map((n) => `* ${n}`));
  if (lints.length) lines.push('', `${lints.length} ${lints.length === 1 ? m.warning : m.warnings}:`, ...lints.map((l) => `  ${l.message[lang]}`));
  return lines.join('\n');
}
