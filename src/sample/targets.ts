/**
 * targets/YYYY.yaml: what management planned, a month target for every KPI. Made from what
 * happened (so they are plausible) with some ambition and noise (so some months beat the target
 * and some miss it). Months after the data ends are planned from the same month a year before,
 * plus growth (15 % for sales, as the grow-sales goal says).
 *
 * Volume targets are the month's actual times an ambition factor, but never more than 30 %
 * above the same month last year; regions, categories and reps get their share of the month's
 * sales plan times a factor of their own, scaled so that the parts add up to the plan. Rates and
 * averages are the month's actual times a smaller factor; month-on-month growth is the swing
 * that happened, with some ambition. The time KPIs (lower is better) are not tracked here: they
 * get a bar for the year near what the team reaches, a little stricter each year. One target is
 * planted out of reach: the last future month's net sales need 60 % growth on a year before,
 * which the report's unrealistic-target lint should flag.
 */
import { dayOf } from './calendar.ts';
import { CATEGORIES } from './catalog.ts';
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
  category?: string;
}

/** Growth planned on the same month last year, for months after the data. */
const SALES_GROWTH = 1.15;
const LEAD_GROWTH = 1.08;
const PRICE_GROWTH = 1.03;
/** No plan asks for more than this on the same month last year... */
const MAX_GROWTH = 1.3;
/** ...except one, out of reach on purpose: the last future month's net sales, 60 % on a year before. */
const STRETCH = 1.6;
/** A lead cohort is complete (its conversion rate final) this many days after its month's last day. */
const COHORT_DAYS = 60;

/**
 * Bars for the KPIs where lower is better, for the first plan year and tightened each year
 * after: the median days to win a lead, the days from first contact to win, the hours between
 * touches. Near what the sample's team reaches (about 19, 21.5 and 150 in its first year).
 */
const BARS = {
  'time-to-convert': { first: 19.5, step: 0.5, round: 0.5 },
  'sales-cycle-length': { first: 21.5, step: 0.5, round: 0.5 },
  'follow-up-interval': { first: 150, step: 2, round: 1 },
} as const;

/** Years that get a targets file: those with at least half a year of data, and the last one. */
export function targetYears(ctx: Ctx): number[] {
  const counts = new Map<number, number>();
  for (const m of ctx.months) counts.set(m.year, (counts.get(m.year) ?? 0) + 1);
  const last = ctx.months[ctx.months.length - 1]!.year;
  return [...counts].filter(([y, n]) => n >= 6 || y === last).map(([y]) => y);
}

export function createTargets(ctx: Ctx, year: number, rank: number, rng: Rng): TargetRecord[] {
  const out: TargetRecord[] = [];
  const factor = (mean: number, sd: number, lo: number, hi: number) => () => Math.min(hi, Math.max(lo, mean + sd * rng.normal()));
  // The month's sales ambition; each region, category or rep's own on top; rates; scores; growth.
  const ambition = factor(1.02, 0.06, 0.9, 1.16);
  const memberAmbition = factor(1, 0.05, 0.9, 1.1);
  const rateAmbition = factor(1, 0.03, 0.94, 1.07);
  const scoreAmbition = factor(1, 0.015, 0.96, 1.04);
  const growthAmbition = factor(1.01, 0.04, 0.93, 1.08);
  const byLabel = new Map(ctx.months.map((m) => [m.label, ctx.stats[m.index]!]));
  const lastDay = ctx.end - 1;
  const isLastYear = year === ctx.months[ctx.months.length - 1]!.year;
  const total = sumStats(ctx);
  let yearNet = 0;
  let monthsWithNet = 0;
  for (let month = 1; month <= 12; month++) {
    const period = label(year, month);
    const actual = byLabel.get(period);
    const lastYear = byLabel.get(label(year - 1, month));
    const push = (kpi: string, value: number, scope: Partial<Pick<TargetRecord, 'rep' | 'region' | 'category'>> = {}) => out.push({ kpi, period, value, ...scope });
    // What the plan is based on: this month's actuals, or last year's plus growth.
    const base = (f: (s: MonthStats) => number, growth: number) => (actual ? f(actual) : lastYear ? f(lastYear) * growth : 0);
    const capped = (value: number, f: (s: MonthStats) => number) => {
      const before = lastYear ? f(lastYear) : 0;
      return before > 0 ? Math.min(value, before * MAX_GROWTH) : value;
    };
    const rate = (num: (s: MonthStats) => number, den: (s: MonthStats) => number, s = actual ?? lastYear) => (s && den(s) > 0 ? num(s) / den(s) : 0);

    // Sales: the month's plan, split over regions, categories and reps.
    const net = base((s) => s.net, SALES_GROWTH);
    if (net <= 0) continue;
    const plan = capped(net * ambition(), (s) => s.net);
    const stretch = !actual && isLastYear && month === 12;
    const netTarget = stretch && lastYear ? round3(lastYear.net * STRETCH) : round3(plan);
    yearNet += netTarget;
    monthsWithNet++;
    push('net-sales', netTarget);
    // The plan split over regions, categories and reps: each gets its share of the month's
    // sales times an ambition of its own, scaled so that the parts add up to the plan.
    const split = (shares: number[]) => {
      const weights = shares.map((share) => (share > 0 ? share * memberAmbition() : 0));
      const sum = weights.reduce((a, b) => a + b, 0);
      return weights.map((w) => (sum > 0 ? (plan * w) / sum : 0));
    };
    const byMember = <T>(members: T[], of: (m: T) => (s: MonthStats) => number) => {
      const parts = split(members.map((m) => base(of(m), SALES_GROWTH)));
      return members.map((m, i) => ({ member: m, value: parts[i]! > 0 ? round3(parts[i]!) : 0 }));
    };
    let regions = 0;
    for (const { member: region, value } of byMember(REGIONS, (r) => (s) => s.netByRegion.get(r.id) ?? 0)) {
      if (value <= 0) continue;
      regions += value;
      push('net-sales', value, { region: region.id });
      push('sales-by-region', value, { region: region.id });
    }
    push('sales-by-region', regions);
    let categories = 0;
    for (const { member: category, value } of byMember(CATEGORIES, (c) => (s) => s.netByCategory.get(c.id) ?? 0)) {
      if (value <= 0) continue;
      categories += value;
      push('sales-by-category', value, { category: category.id });
    }
    push('sales-by-category', categories);
    // Reps: net sales by the rep who records the order, sales per rep by the account owner
    // (after the data ends, reps record their own accounts' orders). Only reps employed in the
    // month get targets; sales per rep averages over them and any rep whose accounts bought.
    const reps = ctx.reps.map((rep) => {
      const owned = base((s) => s.netByOwner.get(rep.id) ?? 0, SALES_GROWTH);
      return {
        rep,
        active: rep.first < dayOf(year, month + 1, 1) && rep.last >= dayOf(year, month, 1),
        owned,
        recorded: actual ? (actual.netByRep.get(rep.id) ?? 0) : owned,
      };
    });
    const staff = reps.filter((r) => r.active);
    const parts = split(staff.map((r) => r.recorded));
    staff.forEach((r, i) => {
      if (r.recorded <= 0) return;
      push('net-sales', round3(parts[i]!), { rep: r.rep.id });
      if (r.owned > 0) push('sales-per-rep', round3((parts[i]! * r.owned) / r.recorded), { rep: r.rep.id });
    });
    const employed = reps.filter((r) => r.active || r.owned > 0).length;
    if (employed) push('sales-per-rep', round3(plan / employed));

    // Other volumes: this month's (or last year's plus growth) times their own ambition.
    const volume = (kpi: string, f: (s: MonthStats) => number, growth: number, round: (x: number) => number, extra = 0) => {
      const v = base(f, growth);
      if (v > 0) push(kpi, round(capped(v * (ambition() + extra), f)));
    };
    volume('units-sold', (s) => s.units, SALES_GROWTH, round3);
    volume('cross-up-sell', (s) => s.crossUpNet, SALES_GROWTH, round3);
    volume('existing-customer-sales', (s) => s.existingNet, SALES_GROWTH, round3);
    volume('new-leads', (s) => s.leads, LEAD_GROWTH, Math.round);
    // A few dozen a month: one shop more than last time is already a real ask.
    volume('new-customers', (s) => s.newCustomers, SALES_GROWTH, (x) => Math.max(1, Math.round(x)), 0.02);

    // Month on month growth: the growth that happened (or last year's seasonal swing), with ambition.
    const before = byLabel.get(label(year, month - 1));
    const lastYearBefore = byLabel.get(label(year - 1, month - 1));
    const swing = actual ? (before?.net ? actual.net / before.net : 0) : lastYear && lastYearBefore?.net ? lastYear.net / lastYearBefore.net : 0;
    if (swing > 0) push('sales-growth', roundTo(swing * growthAmbition() - 1, 0.005));

    // Rates and averages: this month's (or last year's), times a smaller ambition.
    const ratio = (kpi: string, value: number, round: number, cap = Infinity) => {
      if (value > 0) push(kpi, Math.min(cap, roundTo(value, round)));
    };
    ratio('average-transaction-value', base((s) => (s.orders ? s.net / s.orders : 0), PRICE_GROWTH) * rateAmbition(), 1000);
    ratio('follow-up-24h', rate((s) => s.within24h, (s) => s.leads) * rateAmbition(), 0.001, 0.98);
    ratio('customer-retention-rate', rate((s) => s.keptToEnd, (s) => s.activeAtStart) * rateAmbition(), 0.001, 0.98);
    ratio('customer-satisfaction', rate((s) => s.scoreSum, (s) => s.scoreCount) * scoreAmbition(), 0.05, 5);
    // A cohort still maturing (its leads can still be won) is planned from last year's.
    const mature = actual && dayOf(year, month + 1, 0) + COHORT_DAYS <= lastDay;
    ratio('lead-conversion-rate', rate((s) => s.won, (s) => s.leads, mature ? actual : lastYear) * rateAmbition(), 0.001);
    const conversion = rate((s) => s.leadsWon, (s) => s.leadsHandled) * rateAmbition();
    ratio('sales-conversion-rate', conversion, 0.001);
    ratio('conversion-rate-per-rep', conversion, 0.001);
    ratio('leads-contacted-per-day', rate((s) => s.repLeadContacts, (s) => s.repWorkingDays) * rateAmbition(), 0.01);

    // Lower is better: the year's bar.
    for (const [kpi, bar] of Object.entries(BARS)) push(kpi, roundTo(Math.max(bar.first * 0.8, bar.first - bar.step * rank), bar.round));
  }
  if (monthsWithNet === 12) out.push({ kpi: 'net-sales', period: year, value: yearNet });
  // Year targets for the other goals' KPIs.
  if (total.orders) out.push({ kpi: 'average-transaction-value', period: year, value: round3((total.net / total.orders) * (1.02 + 0.03 * rank)) });
  if (total.leads) out.push({ kpi: 'lead-conversion-rate', period: year, value: roundTo(total.won / total.leads + 0.01 * (rank + 1), 0.01) });
  return out.sort(byKey);
}

/** YYYY-MM, with months past either end of the year moved into the next or previous one. */
function label(year: number, month: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** Totals over the whole period. */
function sumStats(ctx: Ctx) {
  const t = { net: 0, orders: 0, leads: 0, won: 0 };
  for (const s of ctx.stats) {
    t.net += s.net;
    t.orders += s.orders;
    t.leads += s.leads;
    t.won += s.won;
  }
  return t;
}

/** Three significant digits, as a plan would be written (1 234 567 890 -> 1 230 000 000). */
function round3(v: number): number {
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(v)) - 2);
  return Math.round(v / unit) * unit;
}

/** To a multiple of `step` (0.001, 0.05, 1000), without binary fractions creeping in. */
function roundTo(v: number, step: number): number {
  const decimals = (String(step).split('.')[1] ?? '').length;
  return +(Math.round(v / step) * step).toFixed(decimals);
}

function byKey(a: TargetRecord, b: TargetRecord): number {
  const ka = [a.kpi, String(a.period), a.region ?? '', a.category ?? '', a.rep ?? ''];
  const kb = [b.kpi, String(b.period), b.region ?? '', b.category ?? '', b.rep ?? ''];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
  return 0;
}
