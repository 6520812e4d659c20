/**
 * The peer benchmark's agreement check: the six common KPIs (net sales, units sold, average
 * transaction value, each month; net sales by region, by category and by rep, each month) as one
 * flat table of `kpi period [member]` -> value, from capaian's report model (`compute --format
 * json`) or from the peers' per-month figures (reference-kpis.mjs's shape), and the entries where
 * two tables differ by half a cent or more, so values agree when they round to the same cent.
 */

export interface MonthFigures {
  net: number;
  units: number;
  orders: number;
  region: Record<string, number>;
  category: Record<string, number>;
  rep: Record<string, number>;
}

export type KpiTable = Map<string, number>;

/** capaian's KPI and the breakdown of it that holds each member figure. */
export const COMMON_KPIS = {
  'net-sales': null,
  'units-sold': null,
  'average-transaction-value': null,
  'sales-by-region': 'region',
  'sales-by-category': 'category',
  'sales-per-rep': 'rep',
} as const;

export function fromFigures(months: Record<string, MonthFigures>): KpiTable {
  const t: KpiTable = new Map();
  for (const [month, m] of Object.entries(months)) {
    t.set(`net-sales ${month}`, m.net);
    t.set(`units-sold ${month}`, m.units);
    t.set(`average-transaction-value ${month}`, m.orders === 0 ? 0 : m.net / m.orders);
    for (const [kpi, by] of Object.entries(COMMON_KPIS)) {
      if (by) for (const [member, v] of Object.entries(m[by])) t.set(`${kpi} ${month} ${member}`, v);
    }
  }
  return t;
}

interface ReportLike {
  kpis: { id: string; values: { month?: { period: string; value: number | null; breakdowns: Record<string, { member: string; value: number | null }[]> }[] } }[];
}

export function fromReport(report: ReportLike): KpiTable {
  const t: KpiTable = new Map();
  for (const [kpi, by] of Object.entries(COMMON_KPIS)) {
    const k = report.kpis.find((x) => x.id === kpi);
    if (!k) throw new Error(`the report has no KPI ${kpi}`);
    for (const v of k.values.month ?? []) {
      if (!by) t.set(`${kpi} ${v.period}`, v.value ?? 0);
      else for (const m of v.breakdowns[by] ?? []) t.set(`${kpi} ${v.period} ${m.member}`, m.value ?? 0);
    }
  }
  return t;
}

export interface Disagreement {
  key: string;
  a: number;
  b: number;
}

/** Every entry of either table where the two differ by half a cent or more (an entry one lacks counts as 0). */
export function disagreements(a: KpiTable, b: KpiTable): Disagreement[] {
  const out: Disagreement[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key) ?? 0;
    const y = b.get(key) ?? 0;
    if (!(Math.abs(x - y) < 0.005)) out.push({ key, a: x, b: y });
  }
  return out.sort((p, q) => (p.key < q.key ? -1 : 1));
}
