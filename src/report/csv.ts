/**
 * The one CSV writer of the report model, for `capaian compute --format csv` and the site's
 * downloads (/data/<kpi>.csv) alike: the same columns, the same rows. Language-free: ids and
 * numbers as the model holds them (fractions for percentages), never formatted text.
 * The columns are documented in docs/report-format.md (CSV).
 */
import type { Grain } from '../calendar/periods.ts';
import type { ReportKpi } from './model.ts';

/**
 * One row per KPI and period (breakdown and member empty), then one row per breakdown member of
 * that period: `breakdown` is what it splits by (region, rep, category, …), `member` the id.
 */
export const CSV_COLUMNS = [
  'kpi',
  'grain',
  'period',
  'breakdown',
  'member',
  'value',
  'reason',
  'target',
  'attainment',
  'status',
  'previous',
  'change',
  'notes',
  'gap',
  'not_final',
  'last_year',
  'last_year_change',
  'share',
] as const;

/** Weeks first (a KPI that declares the week grain, docs/kpi-definitions.md "Weeks"), then months, quarters, years. */
const GRAINS: (Grain | 'week')[] = ['week', 'month', 'quarter', 'year'];

/**
 * The KPIs' values as CSV rows (the header first), every grain and period unless `period` picks
 * one. `eol`: "\n" for a terminal, "\r\n" (RFC 4180) for a download.
 */
export function kpisCsv(kpis: readonly ReportKpi[], opts: { period?: string; eol?: '\n' | '\r\n' } = {}): string {
  const eol = opts.eol ?? '\r\n';
  const rows: string[] = [CSV_COLUMNS.join(',')];
  const row = (cells: unknown[]) => rows.push(cells.map(csvCell).join(','));
  for (const k of kpis) {
    for (const grain of GRAINS) {
      for (const v of k.values[grain] ?? []) {
        if (opts.period !== undefined && v.period !== opts.period) continue;
        row([k.id, grain, v.period, '', '', v.value, v.reason ?? '', v.target, v.attainment, v.status ?? '', v.previous, v.change, v.notes.join(' '), v.gap, v.notFinal ?? '', v.lastYear?.value, v.lastYear?.change, '']);
        for (const [by, members] of Object.entries(v.breakdowns)) {
          for (const m of members) {
            row([k.id, grain, v.period, by, m.member, m.value, m.reason ?? '', m.target, m.attainment, m.status ?? '', '', '', '', m.gap, m.notFinal ?? '', '', '', m.share]);
          }
        }
      }
    }
  }
  return rows.join(eol) + eol;
}

/** A CSV cell; text that a spreadsheet would run as a formula is quoted with a leading apostrophe. */
export function csvCell(x: unknown): string {
  if (x === null || x === undefined) return '';
  let s = String(x);
  if (typeof x === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
