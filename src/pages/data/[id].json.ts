/** A KPI's part of the report model as JSON, language-free: definition, every grain, period and breakdown (docs/report-format.md). */
import type { APIRoute } from 'astro';
import { loadReport } from '../../site/site-data.ts';

export async function getStaticPaths() {
  const report = await loadReport();
  return report.kpis.map((kpi) => ({ params: { id: kpi.id } }));
}

export const GET: APIRoute = async ({ params }) => {
  const report = await loadReport();
  const kpi = report.kpis.find((k) => k.id === params.id);
  if (!kpi) return new Response('not found', { status: 404 });
  return new Response(`${JSON.stringify(kpi, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
