/**
 * How a KPI is judged against its targets, from its definition: by ratio or in points, and the
 * status band (docs/kpi-definitions.md, "Status bands"). A property of the KPI, so validation
 * (target signs) and the report (status.ts `judge`) read it from here.
 */
import type { Kpi } from './schema.ts';

export type Judge = 'ratio' | 'points';

/** How a KPI is judged, with its band resolved (the KPI's own or the default). */
export type Judging = { judge: 'ratio'; at_risk: number } | { judge: 'points'; at_risk_points: number };

/** Attainment from which a ratio-judged KPI is at risk (below: off track), by unit. */
export const DEFAULT_AT_RISK: Record<Kpi['unit'], number> = {
  currency: 0.9,
  count: 0.9,
  'per-day': 0.9,
  days: 0.9,
  hours: 0.9,
  score: 0.95,
  percent: 0.9,
};
/** Points short of the target within which a points-judged percent KPI is at risk. */
export const DEFAULT_AT_RISK_POINTS = 2;

/** How a KPI is judged: `judge` when set, else points for percent KPIs and ratio for the others; bands default by unit. */
export function judgingOf(kpi: Pick<Kpi, 'unit'> & { judge?: Judge | undefined; thresholds?: { at_risk?: number | undefined; at_risk_points?: number | undefined } | undefined }): Judging {
  const judge = kpi.judge ?? (kpi.unit === 'percent' ? 'points' : 'ratio');
  if (judge === 'points') return { judge, at_risk_points: kpi.thresholds?.at_risk_points ?? (kpi.unit === 'percent' ? DEFAULT_AT_RISK_POINTS : 0) };
  return { judge, at_risk: kpi.thresholds?.at_risk ?? DEFAULT_AT_RISK[kpi.unit] };
}
