/**
 * targets/YYYY.yaml: what management planned. Made from what happened (so they are plausible)
 * with some ambition and noise (so some months beat the target and some miss it). Months after
 * the data ends are planned from the same month a year before, plus 15 %.
 */
import { dayOf } from './calendar.ts';
import type { Ctx, MonthStats } from './context.ts';
import type { Rng } from './random.ts';
import { REGIONS } from './world.ts';

export interface TargetRecord {
  kpi: string;
  /** A month 2026-03, or a year written as a number (2026), as people write it. */
  period: string | number;
  value: number;
  rep?: string;
  region?: string;
}

/** Years that get a targets file: those with at least half a year of data, and the last one. */
export function targetYears(ctx: Ctx): number[] {
  const counts = new Map<number, number>();
  for (const m of ctx.months) counts.set(m.year, (counts.get(m.year) ?? 0) + 1);
  const last = ctx.months[ctx.months.length - 1]!.year;
  return [...counts].filter(([y, n]) => n >= 6 || y === last).map(([y]) => y);
}

export function createTargets(ctx: Ctx, year: number, rank: number, rng: Rng): TargetRecord[] {
  const out: TargetRecord[] = [];
  const ambition = () => Math.min(1.25, Math.max(0.85, 1.03 + 0.07 * rng.normal()));
  const byLabel = new Map(ctx.months.map((m) => [m.label, ctx.stats[m.index]!]));
  const total = sumStats(ctx);
  const retention = total.lastMonthBuyers ? total.retained / total.lastMonthBuyers : 0;
  const round2 = (x: number) => Math.round(x * 100) / 100;
  let yearNet = 0;
  let monthsWithNet = 0;
  for (let month = 1; month <= 12; month++) {
    const period = `${year}-${String(month).padStart(2, '0')}`;
    const actual = byLabel.get(period);
    const lastYear = byLabel.get(`${year - 1}-${String(month).padStart(2, '0')}`);
    // What the plan is based on: this month's actuals, or last year's plus growth.
    const base = (f: (s: MonthStats) => number) => (actual ? f(actual) : lastYear ? f(lastYear) * 1.15 : 0);
    const net = base((s) => s.net);
    if (net <= 0) continue;
    const value = round3(net * ambition());
    yearNet += value;
    monthsWithNet++;
    out.push({ kpi: 'net-sales', period, value });
    for (const region of REGIONS) {
      const v = base((s) => s.netByRegion.get(region.id) ?? 0);
      if (v > 0) out.push({ kpi: 'net-sales', period, value: round3(v * ambition()), region: region.id });
    }
    for (const rep of ctx.reps) {
      const v = base((s) => s.netByRep.get(rep.id) ?? 0);
      const active = rep.first < dayOf(year, month + 1, 1) && rep.last >= dayOf(year, month, 1);
      if (v > 0 && active) out.push({ kpi: 'net-sales', period, value: round3(v * ambition()), rep: rep.id });
    }
    const fresh = base((s) => s.newCustomers);
    if (fresh > 0) out.push({ kpi: 'new-customers', period, value: Math.max(1, Math.round(fresh * (ambition() + 0.05))) });
    // Rates get one bar for the year, a little above the average so far.
    out.push({ kpi: 'follow-up-24h', period, value: rank === 0 ? 0.75 : 0.78 });
    out.push({ kpi: 'customer-satisfaction', period, value: 3.9 });
    if (retention) out.push({ kpi: 'customer-retention-rate', period, value: round2(retention + 0.01 * (rank + 1)) });
  }
  if (monthsWithNet === 12) out.push({ kpi: 'net-sales', period: year, value: yearNet });
  // Year targets for the other goals' KPIs.
  if (total.orders) out.push({ kpi: 'average-transaction-value', period: year, value: round3((total.net / total.orders) * (1.02 + 0.03 * rank)) });
  if (total.leads) out.push({ kpi: 'lead-conversion-rate', period: year, value: round2(total.won / total.leads + 0.01 * (rank + 1)) });
  return out.sort(byKey);
}

/** Totals over the whole period. */
function sumStats(ctx: Ctx) {
  const t = { net: 0, orders: 0, leads: 0, won: 0, lastMonthBuyers: 0, retained: 0 };
  for (const s of ctx.stats) {
    t.net += s.net;
    t.orders += s.orders;
    t.leads += s.leads;
    t.won += s.won;
    t.lastMonthBuyers += s.lastMonthBuyers;
    t.retained += s.retained;
  }
  return t;
}

/** Three significant digits, as a plan would be written (1 234 567 890 -> 1 230 000 000). */
function round3(v: number): number {
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(v)) - 2);
  return Math.round(v / unit) * unit;
}

function byKey(a: TargetRecord, b: TargetRecord): number {
  const ka = [a.kpi, String(a.period), a.region ?? '', a.rep ?? ''];
  const kb = [b.kpi, String(b.period), b.region ?? '', b.rep ?? ''];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
  return 0;
}
