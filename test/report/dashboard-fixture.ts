/**
 * A small hand-built report for the dashboard's summary and "needs attention" (test/report/
 * summary.test.ts, attention.test.ts). Two months, September and October 2026, and October 2025
 * for year on year. Every number is chosen so its judgement can be worked by hand:
 *
 * | KPI | 2026-10 | target | judged | 2026-09 |
 * | --- | --- | --- | --- | --- |
 * | net-sales (Rp, higher, ratio 0.9) | 1 020 000 000 | 1 000 000 000 | 102 %, on track; 2025-10: 850 000 000, +20 % | 800 000 000 / 1 000 000 000: 80 %, off track |
 * | sales-by-region (same formula as net-sales) | same | same | on track | off track |
 * | conversion (percent, higher, points band 2) | 21 % | 25 % | 4 points short, off track | 25 % on 25 %: on track |
 * | satisfaction (score, higher, ratio 0.95) | 3.8 | 4 | 95 %, at risk; members jakarta 3.9/4 (97.5 %), bandung 3.6/4 (90 %, off track) | – |
 * | retention (percent) | 80 % | 85 % | not final (maturing) | – |
 * | new-leads (count) | 12 | – | no target | – |
 * | days-to-close (days, lower, ratio 0.9) | 30 | 25 | 25/30 = 83.3 %, off track; reps andi 28 (was 20), budi 32 (was 30), rina 35 (was 40) | 25 on 25 |
 */
import type { Grain } from '../../src/calendar/periods.ts';
import type { PeriodInfo } from '../../src/compute/compute-kpis.ts';
import type { Judging } from '../../src/kpi/judging.ts';
import type { Insights, KpiDrivers, Report, ReportKpi, ReportMember, ReportValue } from '../../src/report/model.ts';
import type { NotFinal, Status } from '../../src/report/status.ts';

const info = (grain: Grain, label: string, start: string, end: string, partial = false): PeriodInfo => ({ grain, index: 0, label, start, end, partial });

export const PERIODS: Record<Grain, PeriodInfo[]> = {
  month: [info('month', '2025-10', '2025-10-01', '2025-10-31'), info('month', '2026-09', '2026-09-01', '2026-09-30'), info('month', '2026-10', '2026-10-01', '2026-10-31')],
  quarter: [],
  year: [],
};

export const member = (m: string, value: number | null, target: number | null = null, status: Status | null = null, attainment: number | null = null): ReportMember => ({
  member: m,
  value,
  share: null,
  target,
  attainment,
  gap: value !== null && target !== null ? value - target : null,
  status,
});

interface V {
  value: number | null;
  target?: number | null;
  attainment?: number | null;
  status?: Status | null;
  notFinal?: NotFinal | null;
  previous?: number | null;
  lastYear?: { period: string; value: number };
  notes?: ReportValue['notes'];
  breakdowns?: Record<string, ReportMember[]>;
}

export const value = (period: string, v: V): ReportValue => {
  const target = v.target ?? null;
  const previous = v.previous ?? null;
  const change = v.value !== null && previous !== null ? v.value - previous : null;
  const lyChange = v.lastYear && v.value !== null ? v.value - v.lastYear.value : null;
  return {
    period,
    value: v.value,
    notes: v.notes ?? [],
    previous,
    change,
    changeRatio: change !== null && previous ? change / Math.abs(previous) : null,
    target,
    attainment: v.attainment ?? null,
    gap: v.value !== null && target !== null ? v.value - target : null,
    status: v.status ?? null,
    notFinal: v.notFinal ?? null,
    ...(v.lastYear ? { lastYear: { period: v.lastYear.period, value: v.lastYear.value, change: lyChange, changeRatio: lyChange !== null ? lyChange / v.lastYear.value : null } } : {}),
    breakdowns: v.breakdowns ?? {},
  };
};

const ratio = (at_risk: number): Judging => ({ judge: 'ratio', at_risk });
const points = (at_risk_points: number): Judging => ({ judge: 'points', at_risk_points });
const SUM = { op: 'sum', spec: { of: 'order_lines', field: 'net' } };

const kpi = (id: string, en: string, idTitle: string, unit: ReportKpi['unit'], direction: ReportKpi['direction'], judging: Judging, formula: unknown, month: ReportValue[], breakdowns: string[] = [], additive = false): ReportKpi =>
  ({ id, title: { id: idTitle, en }, unit, direction, judging, formula, breakdowns, additive, values: { month } }) as unknown as ReportKpi;

export const KPIS: ReportKpi[] = [
  kpi('net-sales', 'Net Sales', 'Penjualan Bersih', 'currency', 'higher', ratio(0.9), SUM, [
    value('2025-10', { value: 850_000_000 }),
    value('2026-09', { value: 800_000_000, target: 1_000_000_000, attainment: 0.8, status: 'off-track' }),
    value('2026-10', { value: 1_020_000_000, target: 1_000_000_000, attainment: 1.02, status: 'on-track', previous: 800_000_000, lastYear: { period: '2025-10', value: 850_000_000 } }),
  ], ['region', 'category'], true),
  kpi('sales-by-region', 'Sales by Region', 'Penjualan per Wilayah', 'currency', 'higher', ratio(0.9), SUM, [
    value('2026-09', { value: 800_000_000, target: 1_000_000_000, attainment: 0.8, status: 'off-track' }),
    value('2026-10', { value: 1_020_000_000, target: 1_000_000_000, attainment: 1.02, status: 'on-track' }),
  ], ['region'], true),
  kpi('conversion', 'Conversion', 'Konversi', 'percent', 'higher', points(2), { op: 'ratio' }, [
    value('2026-09', { value: 0.25, target: 0.25, status: 'on-track' }),
    value('2026-10', { value: 0.21, target: 0.25, status: 'off-track', previous: 0.25 }),
  ]),
  kpi('conversion-per-rep', 'Conversion per Rep', 'Konversi per Rep', 'percent', 'higher', points(2), { op: 'kpi', id: 'conversion' }, [
    value('2026-09', { value: 0.25, target: 0.25, status: 'on-track' }),
    value('2026-10', { value: 0.21, target: 0.25, status: 'off-track', previous: 0.25 }),
  ], ['rep']),
  kpi('satisfaction', 'Satisfaction', 'Kepuasan', 'score', 'higher', ratio(0.95), { op: 'avg' }, [
    value('2026-10', { value: 3.8, target: 4, attainment: 0.95, status: 'at-risk', breakdowns: { region: [member('jakarta', 3.9, 4, 'at-risk', 0.975), member('bandung', 3.6, 4, 'off-track', 0.9)] } }),
  ], ['region']),
  kpi('retention', 'Retention', 'Retensi', 'percent', 'higher', points(2), { op: 'retention' }, [
    value('2026-10', { value: 0.8, target: 0.85, notFinal: 'maturing', notes: ['maturing'] }),
  ]),
  kpi('new-leads', 'New Leads', 'Prospek Baru', 'count', 'higher', ratio(0.9), { op: 'count' }, [value('2026-10', { value: 12 })]),
  kpi('days-to-close', 'Days to Close', 'Hari Sampai Deal', 'days', 'lower', ratio(0.9), { op: 'avg', spec: { of: 'leads', field: 'days' } }, [
    value('2026-09', { value: 25, target: 25, attainment: 1, status: 'on-track', breakdowns: { rep: [member('andi', 20), member('budi', 30), member('rina', 40)] } }),
    value('2026-10', { value: 30, target: 25, attainment: 25 / 30, status: 'off-track', previous: 25, breakdowns: { rep: [member('andi', 28), member('budi', 32), member('rina', 35)] } }),
  ], ['rep']),
];

const drivers = (kpi: string, breakdowns: KpiDrivers['breakdowns']): KpiDrivers => ({
  kpi, status: 'off-track', value: null, previous: null, change: null, changeRatio: null, target: null, attainment: null, gap: null, notComparable: null, likeForLike: null, notes: [], breakdowns,
});

/** The report's drivers for September's off-track net sales: region bandung −60 (60 % of the fall), category minuman −90 (90 %). */
export const INSIGHTS = {
  month: {
    // The counts as src/report/insights.ts gives them (test/report/insights.test.ts holds them to it).
    '2025-10': { counts: { 'on-track': 0, 'at-risk': 0, 'off-track': 0, 'not-final': 0, none: 1 }, drivers: [] },
    '2026-09': {
      counts: { 'on-track': 3, 'at-risk': 0, 'off-track': 2, 'not-final': 0, none: 0 },
      drivers: [
        drivers('net-sales', [
          { by: 'region', method: 'contribution', members: [{ member: 'bandung', value: 40, previous: 100, change: -60, shareOfChange: 0.6, tone: 'bad' }, { member: 'jakarta', value: 60, previous: 100, change: -40, shareOfChange: 0.4, tone: 'bad' }] },
          { by: 'category', method: 'contribution', members: [{ member: 'minuman', value: 10, previous: 100, change: -90, shareOfChange: 0.9, tone: 'bad' }, { member: 'makanan', value: 90, previous: 100, change: -10, shareOfChange: 0.1, tone: 'bad' }] },
        ]),
      ],
    },
    '2026-10': { counts: { 'on-track': 2, 'at-risk': 1, 'off-track': 3, 'not-final': 1, none: 1 }, drivers: [] },
  },
  quarter: {},
  year: {},
} as unknown as Insights;

const goal = (id: string, en: string, idTitle: string, k: string) => ({ id, title: { id: idTitle, en }, description: null, kpi: k, owner: null, kpis: [k], progress: null });

export const REPORT = {
  company: { name: 'PT Contoh', currency: 'IDR', locale: 'id-ID', timezone: 'Asia/Jakarta', fiscalYearStart: 1 },
  periods: PERIODS,
  goals: [
    goal('grow-sales', 'Grow net sales', 'Tumbuhkan penjualan', 'net-sales'),
    goal('happy', 'Happy customers', 'Pelanggan puas', 'satisfaction'),
    goal('convert', 'Turn more leads into customers', 'Ubah prospek menjadi pelanggan', 'conversion'),
  ],
  kpis: KPIS,
  insights: INSIGHTS,
} as unknown as Report;
