/** Formatting helpers for pages: a KPI's value in its unit, statuses and changes, in a language. */
import { periodLong } from '../charts/chart-format.ts';
import { columnFormatter, formatChange, formatValue, type Lang, type Unit } from '../i18n/format-value.ts';
import { t } from '../i18n/messages.ts';
import { STATUS_SHAPE, toneOf, type NotFinal, type Status } from '../report/status.ts';
import type { Report, ReportKpi, ReportValue } from '../report/model.ts';

export function kpiValue(report: Report, kpi: Pick<ReportKpi, 'unit'>, x: number | null | undefined, lang: Lang): string {
  return formatValue(x ?? null, kpi.unit as Unit, lang, report.company.currency);
}

/** One formatter for a table column of a KPI's values (one magnitude per column; see columnFormatter). */
export function kpiColumn(report: Report, kpi: Pick<ReportKpi, 'unit'> | undefined, values: readonly (number | null | undefined)[], lang: Lang): (x: number | null | undefined) => string {
  return kpi ? columnFormatter(values, kpi.unit as Unit, lang, report.company.currency) : () => '–';
}

export function kpiChange(report: Report, kpi: ReportKpi, v: ReportValue, lang: Lang): string {
  return formatChange(v.change, v.changeRatio, kpi.unit, lang, report.company.currency);
}

/** The class that colours a change: `good` or `bad` news given the KPI's direction (report/status.ts `toneOf`), never by its sign; '' without a change. */
export function changeTone(kpi: Pick<ReportKpi, 'direction'>, v: { change: number | null }): 'good' | 'bad' | '' {
  const tone = toneOf(v.change, kpi.direction);
  return tone === 'flat' ? '' : tone;
}

/** The word for a status from the model: not final when a value with a target is not judged yet, no target when there is none. */
export function statusWord(status: Status | null, lang: Lang, notFinal: NotFinal | null = null): string {
  return status ? t(lang)[status] : notFinal ? t(lang).notFinal : t(lang).noTarget;
}

/** The status as one word for classes and data-status: a status, not-final or none. */
export function statusKey(status: Status | null, notFinal: NotFinal | null = null): Status | 'not-final' | 'none' {
  return status ?? (notFinal ? 'not-final' : 'none');
}

/** The data-* attributes that tie a shown status to its number in the report model (test/site checks them). */
export function statusAttrs(status: Status | null, notFinal: NotFinal | null, kpi: string, period: string, by?: string, member?: string): Record<string, string> {
  return { 'data-status': statusKey(status, notFinal), 'data-kpi': kpi, 'data-period': period, ...(by !== undefined && member !== undefined ? { 'data-by': by, 'data-member': member } : {}) };
}

/** How far from the target: attainment where a ratio means something, else the difference (points for percent KPIs); '–' without a target. */
export function kpiJudgement(report: Report, kpi: Pick<ReportKpi, 'unit'>, x: { attainment: number | null; gap: number | null } | null | undefined, lang: Lang): string {
  if (!x) return '–';
  if (x.attainment !== null) return formatValue(x.attainment, 'percent', lang);
  return x.gap === null ? '–' : formatChange(x.gap, null, kpi.unit as Unit, lang, report.company.currency);
}

/** Marks that tell statuses apart without colour, from report/status.ts `STATUS_SHAPE` (the charts draw the same shapes). */
export const STATUS_MARK: Record<Status, string> = { 'on-track': STATUS_SHAPE['on-track'].mark, 'at-risk': STATUS_SHAPE['at-risk'].mark, 'off-track': STATUS_SHAPE['off-track'].mark };

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

/** The change against the same period a year before (like for like for a partial quarter or year of an additive KPI), or '–'. */
export function formatYearOnYear(report: Report, kpi: ReportKpi, v: ReportValue, lang: Lang): string {
  const ly = v.lastYear?.likeForLike ?? v.lastYear;
  return ly ? formatChange(ly.change, ly.changeRatio, kpi.unit, lang, report.company.currency) : '–';
}
