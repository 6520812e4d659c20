/**
 * The words charts say, in Indonesian and English: axis labels, legends, hover text and the
 * sentences that name a chart for screen readers. Words shared with the rest of the site (status,
 * notes, "target", units) come from i18n/glossary.ts; these are the ones only charts need.
 */
import type { Lang, Unit } from '../i18n/format-value.ts';
import { GLOSSARY } from '../i18n/glossary.ts';

const ID = GLOSSARY.id;
const EN = GLOSSARY.en;

export interface ChartWords {
  /** The y axis label of a KPI's unit. */
  unit(unit: Unit, currency: string): string;
  /** Legend entry for hollow markers (partial period or maturing cohort). */
  notFinal: string;
  noData: string;
  /** "14 periods on track, 8 at risk, 2 off track" */
  statusCounts(counts: { onTrack: number; atRisk: number; offTrack: number }): string;
  trend(title: string, grain: string, first: string, last: string): string;
  latest(period: string, value: string, target: string | null, status: string): string;
  breakdown(title: string, count: number): string;
  /** The breakdown's name when the page gives none. */
  breakdownTitle: string;
  sparkline(title: string, count: number, grain: string): string;
  direction: { up: string; down: string; flat: string };
  fromTo(direction: string, from: string, to: string): string;
  /** Goal progress: year-to-date actual and the pace line to the year target. */
  yearToDate: string;
  pace: string;
  projection: string;
  projected(value: string): string;
  goal(title: string, year: string): string;
  goalStatus(through: string, actual: string, pace: string | null, yearTarget: string | null): string;
}

const CURRENCY_NAME: Record<string, Record<Lang, string>> = {
  IDR: { id: 'Rupiah (Rp)', en: 'Rupiah (Rp)' },
};

const CHART_WORDS: Record<Lang, ChartWords> = {
  id: {
    unit: (unit, currency) => (unit === 'currency' ? CURRENCY_NAME[currency]?.id ?? currency : unit === 'percent' ? `${ID.units.percent} (%)` : ID.units[unit]),
    notFinal: ID.notFinal,
    noData: 'Tidak ada data.',
    statusCounts: ({ onTrack, atRisk, offTrack }) => `${onTrack} periode ${ID['on-track']}, ${atRisk} ${ID['at-risk']}, ${offTrack} ${ID['off-track']}.`,
    trend: (title, grain, first, last) => `Tren ${title} per ${grain}, ${first} sampai ${last}.`,
    latest: (period, value, target, status) => `Terakhir, ${period}: ${value}${target ? `, target ${target}` : ''}, ${status}.`,
    breakdown: (title, count) => `${title}, ${count} anggota, dari terbesar:`,
    breakdownTitle: 'Rincian',
    sparkline: (title, count, grain) => (count === 1 ? `${title}, ${grain} terakhir` : `${title}, ${count} ${grain} terakhir`),
    direction: { up: 'naik', down: 'turun', flat: 'stabil' },
    fromTo: (direction, from, to) => `${direction} dari ${from} ke ${to}`,
    yearToDate: 'sejak awal tahun',
    pace: 'laju target',
    projection: 'proyeksi',
    projected: (value) => `Proyeksi akhir tahun: ${value}.`,
    goal: (title, year) => `${title}: capaian kumulatif tahun ${year} terhadap laju target.`,
    goalStatus: (through, actual, pace, yearTarget) =>
      `Sampai ${through}: ${actual}${pace ? `, laju target ${pace}` : ''}${yearTarget ? `, target setahun ${yearTarget}` : ''}.`,
  },
  en: {
    unit: (unit, currency) => (unit === 'currency' ? CURRENCY_NAME[currency]?.en ?? currency : unit === 'percent' ? `${EN.units.percent} (%)` : EN.units[unit]),
    notFinal: EN.notFinal,
    noData: 'No data.',
    statusCounts: ({ onTrack, atRisk, offTrack }) => `${onTrack} periods ${EN['on-track']}, ${atRisk} ${EN['at-risk']}, ${offTrack} ${EN['off-track']}.`,
    trend: (title, grain, first, last) => `${title} by ${grain}, ${first} to ${last}.`,
    latest: (period, value, target, status) => `Latest, ${period}: ${value}${target ? `, target ${target}` : ''}, ${status}.`,
    breakdown: (title, count) => `${title}, ${count} members, largest first:`,
    breakdownTitle: 'Breakdown',
    sparkline: (title, count, grain) => (count === 1 ? `${title}, latest ${grain}` : `${title}, last ${count} ${grain}s`),
    direction: { up: 'up', down: 'down', flat: 'flat' },
    fromTo: (direction, from, to) => `${direction} from ${from} to ${to}`,
    yearToDate: 'year to date',
    pace: 'target pace',
    projection: 'projection',
    projected: (value) => `Projected year end: ${value}.`,
    goal: (title, year) => `${title}: cumulative ${year} actual against the target pace.`,
    goalStatus: (through, actual, pace, yearTarget) =>
      `Through ${through}: ${actual}${pace ? `, target pace ${pace}` : ''}${yearTarget ? `, full-year target ${yearTarget}` : ''}.`,
  },
};

export function chartWords(lang: Lang): ChartWords {
  return CHART_WORDS[lang];
}
