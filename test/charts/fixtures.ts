/** Hand-built report data for the chart tests: small, with every case a chart must draw. */
import type { Status } from '../../src/report/status.ts';
import type { Note } from '../../src/compute/compute-kpis.ts';
import type { ReportKpi, ReportMember, ReportValue } from '../../src/report/model.ts';

export function value(period: string, v: number | null, target: number | null, status: Status | null, notes: Note[] = []): ReportValue {
  return {
    period,
    value: v,
    ...(v === null ? { reason: 'no-data' as const } : {}),
    notes,
    previous: null,
    change: null,
    changeRatio: null,
    target,
    ...(target === null ? {} : { targetSource: 'given' as const }),
    attainment: v !== null && target !== null ? v / target : null,
    gap: v !== null && target !== null ? v - target : null,
    status,
    notFinal: null,
    breakdowns: {},
  };
}

export function kpi(over: Partial<ReportKpi> & Pick<ReportKpi, 'id' | 'unit' | 'values'>): ReportKpi {
  return {
    title: { id: 'Penjualan Bersih', en: 'Net Sales' },
    description: { id: '', en: '' },
    group: 'volume',
    direction: 'higher',
    grains: ['month'],
    frequency: 'monthly',
    goal: null,
    owner: null,
    additive: true,
    judging: { judge: 'ratio', at_risk: 0.9 },
    secondary: null,
    breakdowns: [],
    formula: { op: 'sum', spec: { of: 'order_lines', field: 'net' } } as unknown as ReportKpi['formula'],
    ...over,
  };
}

const B = 1e9;

/**
 * Eight months across a year end: a month without a target, all three statuses, a missing value
 * (February), the target raised from Rp 1 M to Rp 1,2 M in March, and a partial last month.
 */
export const NET_SALES_MONTHS: ReportValue[] = [
  value('2025-11', 1.0 * B, null, null),
  value('2025-12', 1.1 * B, 1.0 * B, 'on-track'),
  value('2026-01', 0.95 * B, 1.0 * B, 'at-risk'),
  value('2026-02', null, 1.0 * B, null),
  value('2026-03', 0.8 * B, 1.2 * B, 'off-track'),
  value('2026-04', 1.25 * B, 1.2 * B, 'on-track'),
  value('2026-05', 1.1 * B, 1.2 * B, 'at-risk'),
  value('2026-06', 0.6 * B, 0.6 * B, 'on-track', ['partial']),
];

export const NET_SALES = kpi({ id: 'net-sales', unit: 'currency', values: { month: NET_SALES_MONTHS } });

/** A percent KPI (fractions), lower targets later, the youngest cohorts still maturing. */
export const LEAD_CONVERSION = kpi({
  id: 'lead-conversion-rate',
  title: { id: 'Rasio Konversi Prospek Menjadi Pelanggan', en: 'Lead-to-Customer Conversion Rate' },
  group: 'pipeline',
  unit: 'percent',
  additive: false,
  values: {
    month: [
      value('2026-01', 0.12, 0.1, 'on-track'),
      value('2026-02', 0.095, 0.1, 'at-risk'),
      value('2026-03', 0.07, 0.1, 'off-track'),
      value('2026-04', null, 0.1, null),
      value('2026-05', 0.105, 0.1, 'on-track', ['maturing']),
      value('2026-06', 0.04, null, null, ['partial', 'maturing']),
    ],
  },
});

export function member(id: string, v: number | null, share: number | null, target: number | null, status: Status | null): ReportMember {
  return { member: id, value: v, ...(v === null ? { reason: 'no-data' as const } : {}), share, target, attainment: v !== null && target ? v / target : null, gap: v !== null && target !== null ? v - target : null, status };
}

/** Regions in a deliberately unsorted order: every status, one without a target, one without a value. */
export const REGIONS: ReportMember[] = [
  member('jawa-barat', 249e6, 0.241, 250e6, 'at-risk'),
  member('jabodetabek', 386e6, 0.374, 367e6, 'on-track'),
  member('sumatera-utara', 123e6, 0.119, 141e6, 'off-track'),
  member('jawa-timur', 275e6, 0.266, null, null),
  member('papua', null, null, 10e6, null),
];

export const REGION_LABELS = {
  jabodetabek: { id: 'Jabodetabek', en: 'Greater Jakarta' },
  'jawa-barat': { id: 'Jawa Barat', en: 'West Java' },
  'jawa-timur': { id: 'Jawa Timur', en: 'East Java' },
  'sumatera-utara': { id: 'Sumatera Utara', en: 'North Sumatra' },
  papua: { id: 'Papua', en: 'Papua' },
};
