/** Small display helpers of the period reports: dates, signed changes, bar widths. No KPI is computed here. */
import type { Grain } from '../../calendar/periods.ts';
import { periodShort } from '../../charts/chart-format.ts';
import { formatChange, formatValue, type Lang, type Unit } from '../../i18n/format-value.ts';
import type { PeriodInsights, Report } from '../../report/model.ts';

const DAY: Record<Lang, Intl.DateTimeFormat> = {
  id: new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** 2026-10-31 -> 31 Oktober 2026 / 31 October 2026. */
export function dayLong(date: string, lang: Lang): string {
  return DAY[lang].format(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)));
}

/** A signed change in the KPI's unit (points for percent KPIs), no ratio: +Rp 41,4 jt, −12,9 poin. */
export function signedChange(report: Report, unit: string, change: number | null, lang: Lang): string {
  return formatChange(change, null, unit as Unit, lang, report.company.currency);
}

/** A percentage with a true minus sign, as the changes next to it have. */
export function percent(x: number | null, lang: Lang): string {
  return formatValue(x, 'percent', lang).replace(/^-/, '−');
}

/** Every period of the report's insights for a grain, newest first. */
export function newestFirst(report: Report, grain: Grain): PeriodInsights[] {
  return report.periods[grain].map((p) => report.insights[grain][p.label]!).filter(Boolean).reverse();
}

/** A bar's half-width in percent of its cell, so the largest change spans half the cell. */
export function barWidth(x: number | null, max: number): number {
  return x === null || max === 0 ? 0 : Math.round((Math.abs(x) / max) * 500) / 10;
}

/** Jul 2026, Jan–Okt 2025, Nov 2025 – Feb 2026. */
export function monthRange([from, to]: [string, string], lang: Lang): string {
  if (from === to) return periodShort(from, lang);
  if (from.slice(0, 4) === to.slice(0, 4)) return `${periodShort(from, lang).replace(/\s*\d{4}$/, '')}–${periodShort(to, lang)}`;
  return `${periodShort(from, lang)} – ${periodShort(to, lang)}`;
}

/** A CSS string literal of any text, safe inside a <style> element (quotes, backslashes, "<" escaped). */
function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/</g, '\\3c ').replace(/[\r\n]+/g, ' ')}"`;
}

/**
 * The printed page's margins for a report: the report's title and the data stamp at the top,
 * the company at the bottom left and "page n of m" at the bottom right (CSS margin boxes, which
 * Chromium prints from version 131 on, from the browser's print dialog and in the built PDF alike).
 */
export function printMargins(title: string, stamp: string, company: string, pageOf: [string, string]): string {
  const box = 'font-size: 8pt; color: #444; font-family: system-ui, sans-serif;';
  return `@media print { @page { size: A4; margin: 16mm 12mm 15mm;
  @top-left { content: ${cssString(title)}; ${box} }
  @top-right { content: ${cssString(stamp)}; ${box} }
  @bottom-left { content: ${cssString(company)}; ${box} }
  @bottom-right { content: ${cssString(pageOf[0])} counter(page) ${cssString(pageOf[1])} counter(pages); ${box} }
} }`;
}
