/**
 * How many orders and leads each month and region gets. Decided up front, top-down: growth per
 * region, trade seasonality (Ramadan peak, post-Lebaran slump), a little noise, then scaled so
 * the average month has the requested number of orders.
 */
import { tradeWeight, type Month, type WorkCalendar } from './calendar.ts';
import type { Rng } from './random.ts';
import { REGIONS, type Rep } from './world.ts';

export interface MonthPlan {
  /** Per region, in REGIONS order. */
  orders: number[];
  leads: number[];
}

/** Leads grow slower than sales; the struggling region's not at all. */
const LEAD_GROWTH = 1.1;

export function planMonths(months: Month[], cal: WorkCalendar, reps: Rep[], ordersPerMonth: number, rng: Rng): MonthPlan[] {
  const trade = months.map((m) => sumDays(m, (d) => tradeWeight(cal, d)));
  const working = months.map((m) => sumDays(m, (d) => (cal.isWorking(d) ? 1 : 0)));
  const meanTrade = mean(trade);
  const meanWorking = mean(working);
  const center = (months.length - 1) / 2;
  // A rep joining adds selling capacity to the region from that month on.
  const boostFrom = new Map(reps.filter((r) => r.joinsMidway).map((r) => [r.region, r.first]));

  const rawOrders = months.map((m, i) =>
    REGIONS.map((r) => {
      const years = (m.index - center) / 12;
      const boost = (boostFrom.get(r.id) ?? Infinity) < m.end ? 1.06 : 1;
      return r.share * r.growth ** years * boost * (trade[i]! / meanTrade) * (1 + 0.035 * rng.normal());
    }),
  );
  const rawLeads = months.map((m, i) =>
    REGIONS.map((r) => {
      const growth = r.growth < 1 ? 1 : LEAD_GROWTH;
      return r.share * growth ** ((m.index - center) / 12) * (working[i]! / meanWorking) * (1 + 0.06 * rng.normal());
    }),
  );
  const scaleOrders = ordersPerMonth / mean(rawOrders.map(sum));
  const scaleLeads = ordersPerMonth / 2 / mean(rawLeads.map(sum));
  return months.map((_, i) => ({
    orders: rawOrders[i]!.map((x) => Math.max(1, Math.round(x * scaleOrders))),
    leads: rawLeads[i]!.map((x) => Math.max(0, Math.round(x * scaleLeads))),
  }));
}

function sumDays(m: Month, f: (day: number) => number): number {
  let s = 0;
  for (let d = m.start; d < m.end; d++) s += f(d);
  return s;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: number[]) => sum(xs) / xs.length;
