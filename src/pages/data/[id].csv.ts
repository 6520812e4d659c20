/**
 * A KPI's numbers as CSV, language-free: every grain, period and breakdown member, written by the
 * same writer as `capaian compute --format csv` (src/report/csv.ts, columns in
 * docs/report-format.md). Cells a spreadsheet would run as a formula are defused.
 */
import type { APIRoute } from 'astro';
import { kpisCsv } from '../../report/csv.ts';
import { loadReport } from '../../site/site-data.ts';
import type { ReportKpi } from '../../report/model.ts';

export async function getStaticPaths() {
  const report = await loadReport();
  return report.kpis.map((kpi) => ({ params: { id: kpi.id } }));
}

export function kpiCsv(kpi: ReportKpi): string {
  return kpisCsv([kpi], { eol: '\r\n' });
}

export const GET: APIRoute = async ({ params }) => {
  const report = await loadReport();
  const kpi = report.kpis.find((k) => k.id === params.id);
  if (!kpi) return new Response('not found', { status: 404 });
  return new Response(kpiCsv(kpi), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
