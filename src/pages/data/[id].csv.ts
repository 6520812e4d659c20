/**
 * A KPI's numbers as CSV, language-free: every grain and period, the same columns as
 * `capaian compute --format csv`. Cells a spreadsheet would run as a formula are defused.
 */
import type { APIRoute } from 'astro';
import type { Grain } from '../../calendar/periods.ts';
import { csvCell } from '../../report/csv.ts';
import { loadReport } from '../../site/site-data.ts';
import type { ReportKpi } from '../../report/model.ts';

export async function getStaticPaths() {
  const report = await loadReport();
  return report.kpis.map((kpi) => ({ params: { id: kpi.id } }));
}

const COLUMNS = ['kpi', 'grain', 'period', 'value', 'reason', 'target', 'attainment', 'status', 'previous', 'change', 'notes', 'gap', 'not_final', 'last_year', 'last_year_change'] as const;

export function kpiCsv(kpi: ReportKpi): string {
  const rows = [COLUMNS.join(',')];
  for (const grain of ['month', 'quarter', 'year'] as Grain[]) {
    for (const v of kpi.values[grain] ?? []) {
      const cells = [kpi.id, grain, v.period, v.value, v.reason ?? '', v.target, v.attainment, v.status ?? '', v.previous, v.change, v.notes.join(' '), v.gap, v.notFinal ?? '', v.lastYear?.value, v.lastYear?.change];
      rows.push(cells.map(csvCell).join(','));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

export const GET: APIRoute = async ({ params }) => {
  const report = await loadReport();
  const kpi = report.kpis.find((k) => k.id === params.id);
  if (!kpi) return new Response('not found', { status: 404 });
  return new Response(kpiCsv(kpi), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
