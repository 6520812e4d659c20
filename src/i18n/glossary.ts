/**
 * The glossary: the terms the CLI, the site, the diff comment and the charts share, once per
 * language. A page's own sentences stay beside the page (site/words*, charts/chart-words.ts,
 * diff/markdown.ts); whenever one of them says "target", a status, a period word, a KPI group, a
 * unit, "vs last month" or why a value is missing, it reads the word from here, so changing a term
 * changes it everywhere. Both languages have the same keys (test/i18n/glossary.test.ts).
 */
import type { Lang } from './format-value.ts';

export const GLOSSARY = {
  id: {
    kpi: 'KPI',
    value: 'Nilai',
    target: 'Target',
    attainment: 'Capaian',
    status: 'Status',
    change: 'Perubahan',
    previous: 'Sebelumnya',
    period: 'Periode',
    share: 'Pangsa',
    /** A period of each grain, in running text: "per bulan". */
    week: 'minggu',
    month: 'bulan',
    quarter: 'kuartal',
    year: 'tahun',
    /** The grains as headings: "Bulanan". */
    grainHeadings: { week: 'Mingguan', month: 'Bulanan', quarter: 'Kuartalan', year: 'Tahunan' },
    vsPrevious: { week: 'vs minggu lalu', month: 'vs bulan lalu', quarter: 'vs kuartal lalu', year: 'vs tahun lalu' },
    vsLastYear: 'vs tahun lalu',
    /** What a breakdown splits by, in running text ("menurut wilayah"): the `by` of a KPI's breakdowns. */
    breakdowns: { region: 'wilayah', category: 'kategori produk', segment: 'segmen pelanggan', rep: 'sales rep', owner: 'sales rep', lead_rep: 'sales rep', source: 'sumber prospek', kind: 'jenis penjualan', channel: 'saluran', lost_reason: 'alasan kalah' },
    'on-track': 'sesuai target',
    'at-risk': 'berisiko',
    'off-track': 'meleset',
    noTarget: 'tanpa target',
    notFinal: 'belum final',
    groups: { volume: 'Volume penjualan', value: 'Nilai penjualan', pipeline: 'Prospek dan konversi', time: 'Waktu penjualan', retention: 'Pelanggan dan retensi', team: 'Tim penjualan' },
    /** Units in words (an amount's unit is its currency, named where it is shown). */
    units: { percent: 'persen', count: 'jumlah', days: 'hari', hours: 'jam', score: 'skor 1–5', 'per-day': 'per hari kerja' },
    reasons: { 'no-data': 'tidak ada data', 'zero-denominator': 'pembagi nol', 'no-previous-period': 'tidak ada periode sebelumnya', 'window-before-data': 'jendela aktivitas melewati awal data', 'not-applicable': 'tidak berlaku', 'not-finite': 'bukan angka terhingga' },
    notes: { partial: 'periode belum lengkap', maturing: 'kohort masih matang' },
    warning: 'peringatan',
    warnings: 'peringatan',
    breakdownBy: 'menurut',
  },
  en: {
    kpi: 'KPI',
    value: 'Value',
    target: 'Target',
    attainment: 'Attainment',
    status: 'Status',
    change: 'Change',
    previous: 'Previous',
    period: 'Period',
    share: 'Share',
    week: 'week',
    month: 'month',
    quarter: 'quarter',
    year: 'year',
    grainHeadings: { week: 'Weekly', month: 'Monthly', quarter: 'Quarterly', year: 'Yearly' },
    vsPrevious: { week: 'vs last week', month: 'vs last month', quarter: 'vs last quarter', year: 'vs last year' },
    vsLastYear: 'vs last year',
    breakdowns: { region: 'region', category: 'product category', segment: 'customer segment', rep: 'sales rep', owner: 'sales rep', lead_rep: 'sales rep', source: 'lead source', kind: 'kind of sale', channel: 'channel', lost_reason: 'lost reason' },
    'on-track': 'on track',
    'at-risk': 'at risk',
    'off-track': 'off track',
    noTarget: 'no target',
    notFinal: 'not final',
    groups: { volume: 'Sales volume', value: 'Sales value', pipeline: 'Leads and conversion', time: 'Sales time', retention: 'Customers and retention', team: 'Sales team' },
    units: { percent: 'percent', count: 'count', days: 'days', hours: 'hours', score: 'score 1–5', 'per-day': 'per working day' },
    reasons: { 'no-data': 'no data', 'zero-denominator': 'zero denominator', 'no-previous-period': 'no previous period', 'window-before-data': 'activity window reaches before the data', 'not-applicable': 'not applicable', 'not-finite': 'not a finite number' },
    notes: { partial: 'period not complete', maturing: 'cohort still maturing' },
    warning: 'warning',
    warnings: 'warnings',
    breakdownBy: 'by',
  },
} as const satisfies Record<Lang, unknown>;

/** One language's glossary; `(typeof GLOSSARY)['id']` widened so both languages fit it. */
export type Glossary = { [K in keyof (typeof GLOSSARY)['id']]: (typeof GLOSSARY)['id'][K] extends string ? string : { [J in keyof (typeof GLOSSARY)['id'][K]]: string } };

export function glossary(lang: Lang): Glossary {
  return GLOSSARY[lang];
}
