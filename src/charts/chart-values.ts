/**
 * What a trend chart or a sparkline reads of a KPI's value: its period, the value and target,
 * its status and the notes that make it not final. The charts are drawn from these fields alone,
 * so the site's chart cache keys a chart on them rather than on the whole value (whose breakdowns
 * are most of its size: the key of every chart of a build was 45 MB of JSON on the sample).
 */
import type { ReportValue } from '../report/model.ts';

export type ChartValue = Pick<ReportValue, 'period' | 'value' | 'target' | 'status' | 'notFinal' | 'notes'>;

/** The fields of `values` a chart reads, as plain objects. */
export function chartValues(values: readonly ChartValue[]): ChartValue[] {
  return values.map((v) => ({ period: v.period, value: v.value, target: v.target, status: v.status, notFinal: v.notFinal, notes: v.notes }));
}
