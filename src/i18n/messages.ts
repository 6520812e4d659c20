/** Every user-facing word of the CLI and the site, in Indonesian and English. */
import type { Lang } from './format-value.ts';

export const MESSAGES = {
  id: {
    kpi: 'KPI',
    value: 'Nilai',
    target: 'Target',
    attainment: 'Capaian',
    status: 'Status',
    change: 'Perubahan',
    previous: 'Sebelumnya',
    period: 'Periode',
    month: 'bulan',
    quarter: 'kuartal',
    year: 'tahun',
    vsPrevious: { month: 'vs bulan lalu', quarter: 'vs kuartal lalu', year: 'vs tahun lalu' },
    'on-track': 'sesuai target',
    'at-risk': 'berisiko',
    'off-track': 'meleset',
    noTarget: 'tanpa target',
    notFinal: 'belum final',
    vsLastYear: 'vs tahun lalu',
    groups: { volume: 'Volume penjualan', value: 'Nilai penjualan', pipeline: 'Prospek dan konversi', time: 'Waktu penjualan', retention: 'Pelanggan dan retensi', team: 'Tim penjualan' },
    reasons: { 'no-data': 'tidak ada data', 'zero-denominator': 'pembagi nol', 'no-previous-period': 'tidak ada periode sebelumnya', 'window-before-data': 'jendela aktivitas melewati awal data', 'not-applicable': 'tidak berlaku', 'not-finite': 'bukan angka terhingga' },
    notes: { partial: 'periode belum lengkap', maturing: 'kohort masih matang' },
    warning: 'peringatan',
    warnings: 'peringatan',
    breakdownBy: 'menurut',
    share: 'Pangsa',
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
    month: 'month',
    quarter: 'quarter',
    year: 'year',
    vsPrevious: { month: 'vs last month', quarter: 'vs last quarter', year: 'vs last year' },
    'on-track': 'on track',
    'at-risk': 'at risk',
    'off-track': 'off track',
    noTarget: 'no target',
    notFinal: 'not final',
    vsLastYear: 'vs last year',
    groups: { volume: 'Sales volume', value: 'Sales value', pipeline: 'Leads and conversion', time: 'Sales time', retention: 'Customers and retention', team: 'Sales team' },
    reasons: { 'no-data': 'no data', 'zero-denominator': 'zero denominator', 'no-previous-period': 'no previous period', 'window-before-data': 'activity window reaches before the data', 'not-applicable': 'not applicable', 'not-finite': 'not a finite number' },
    notes: { partial: 'period not complete', maturing: 'cohort still maturing' },
    warning: 'warning',
    warnings: 'warnings',
    breakdownBy: 'by',
    share: 'Share',
  },
} as const satisfies Record<Lang, unknown>;

export type Messages = (typeof MESSAGES)['id'];

export function t(lang: Lang): Messages {
  return MESSAGES[lang] as Messages;
}
