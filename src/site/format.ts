/** Formatting helpers for pages: a KPI's value in its unit, statuses and changes, in a language. */
import { periodLong } from '../charts/chart-format.ts';
import { formatChange, formatValue, type Lang, type Unit } from '../i18n/format-value.ts';
import { t } from '../i18n/messages.ts';
import type { Report, ReportKpi, ReportValue } from '../report/build-report.ts';
import type { Status } from '../report/status.ts';

export function kpiValue(report: Report, kpi: Pick<ReportKpi, 'unit'>, x: number | null | undefined, lang: Lang): string {
  return formatValue(x ?? null, kpi.unit as Unit, lang, report.company.currency);
}

export function kpiChange(report: Report, kpi: ReportKpi, v: ReportValue, lang: Lang): string {
  return formatChange(v.change, v.changeRatio, kpi.unit, lang, report.company.currency);
}

/** Whether a change is good news, given the KPI's direction. */
export function changeTone(kpi: ReportKpi, v: ReportValue): 'up' | 'down' | '' {
  if (!v.change) return '';
  const better = kpi.direction === 'higher' ? v.change > 0 : v.change < 0;
  return better ? 'up' : 'down';
}

export function statusWord(status: Status | null, lang: Lang): string {
  return status ? t(lang)[status] : t(lang).noTarget;
}

/** Marks that tell statuses apart without colour (the charts use the same shapes). */
export const STATUS_MARK: Record<Status, string> = { 'on-track': '●', 'at-risk': '▲', 'off-track': '■' };

export function reasonWord(v: { reason?: string }, lang: Lang): string {
  return v.reason ? t(lang).reasons[v.reason as keyof ReturnType<typeof t>['reasons']] : '';
}

export function periodName(label: string, lang: Lang): string {
  return periodLong(label, lang);
}

/** A breakdown member's display name. */
export function memberLabel(report: Report, by: string, member: string, lang: Lang): string {
  const l = report.labels[by === 'owner' ? 'rep' : by]?.[member];
  return l === undefined ? member : typeof l === 'string' ? l : l[lang];
}
