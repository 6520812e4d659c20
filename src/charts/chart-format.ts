/**
 * Period labels and numbers as charts print them. Month names come from date-fns (Okt 2026 /
 * Oct 2026); quarters read Q4 2026 in both languages (fiscal quarters, as the report labels
 * them); numbers go through i18n/format-value.ts so a chart says what the tables say.
 */
import { format } from 'date-fns';
import { enUS, id as idLocale } from 'date-fns/locale';
import { parsePeriod } from '../calendar/periods.ts';
import { weekLabelParts } from '../calendar/weeks.ts';
import { formatValue, type Lang, type Unit } from '../i18n/format-value.ts';

const LOCALES = { id: idLocale, en: enUS } as const;

/** A month label's first day as a local date; local in, local out, so the time zone never shows. */
function monthDate(label: string): Date {
  return new Date(Number(label.slice(0, 4)), Number(label.slice(5, 7)) - 1, 1);
}

/** Okt 2026 / Oct 2026, Q4 2026, 2026, Mg 5 2026 / Wk 5 2026. Unknown labels pass through. */
export function periodShort(label: string, lang: Lang): string {
  const w = weekLabelParts(label);
  if (w) return `${lang === 'id' ? 'Mg' : 'Wk'} ${w.week} ${w.year}`;
  const p = parsePeriod(label);
  if (p?.grain === 'month') return format(monthDate(label), 'MMM yyyy', { locale: LOCALES[lang] });
  if (p?.grain === 'quarter') return `${label.slice(5)} ${label.slice(0, 4)}`;
  return label;
}

/** Oktober 2026 / October 2026, Kuartal 4 2026 / Q4 2026, 2026: for hover text and sentences. */
export function periodLong(label: string, lang: Lang): string {
  const w = weekLabelParts(label);
  if (w) return lang === 'id' ? `Minggu ke-${w.week} ${w.year}` : `Week ${w.week} ${w.year}`;
  const p = parsePeriod(label);
  if (p?.grain === 'month') return format(monthDate(label), 'MMMM yyyy', { locale: LOCALES[lang] });
  if (p?.grain === 'quarter') return lang === 'id' ? `Kuartal ${label.slice(6)} ${label.slice(0, 4)}` : `${label.slice(5)} ${label.slice(0, 4)}`;
  return label;
}

/** An x tick: the month or quarter, with the year on a second line when asked (first tick, January, Q1). */
export function periodTick(label: string, lang: Lang, withYear: boolean): string {
  const w = weekLabelParts(label);
  if (w) return withYear ? `${lang === 'id' ? 'M' : 'W'}${w.week}\n${w.year}` : `${lang === 'id' ? 'M' : 'W'}${w.week}`;
  const p = parsePeriod(label);
  if (p?.grain === 'month') {
    const month = format(monthDate(label), 'MMM', { locale: LOCALES[lang] });
    return withYear ? `${month}\n${label.slice(0, 4)}` : month;
  }
  if (p?.grain === 'quarter') return withYear ? `${label.slice(5)}\n${label.slice(0, 4)}` : label.slice(5);
  return label;
}

/** Whether a tick starts a year: January, Q1 (the fiscal year's first quarter), week 1. */
export function startsYear(label: string): boolean {
  return /-(01|Q1|W01)$/.test(label);
}

/** The tick formatter of a value axis: Rp 1,2 M / Rp 1.2bn, 12 % / 12%. */
export function tickFormatter(unit: Unit, lang: Lang, currency: string): (x: number) => string {
  return (x) => formatValue(x, unit, lang, currency);
}

/** A rough width in pixels of a line of text in the charts' sans-serif font, for margins. */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  // Errs wide: DejaVu Sans (a common fallback) is wider than most system UI fonts.
  for (const ch of text) w += /[ il.,:;'|!]/.test(ch) ? 0.33 : /[MWmw%]/.test(ch) ? 0.95 : /[A-Z0-9]/.test(ch) ? 0.72 : 0.62;
  return Math.ceil(w * fontSize);
}

/**
 * Round tick values covering [lo, hi], about `count` of them (d3's 1-2-5 steps), so the axis
 * starts and ends on a labelled tick and margins can be sized from the labels before rendering.
 * `minStep` keeps counts in whole numbers.
 */
export function niceTicks(lo: number, hi: number, count = 5, minStep = 0): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= lo === 0 ? 0 : pad;
    hi += pad;
  }
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  const step = Math.max(minStep, (error >= 7.07 ? 10 : error >= 3.16 ? 5 : error >= 1.41 ? 2 : 1) * power);
  const ticks: number[] = [];
  for (let k = Math.floor(lo / step); k <= Math.ceil(hi / step); k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}
