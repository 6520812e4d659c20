/**
 * targets/YYYY.yaml: what management planned, set the way a real plan is, never from the
 * month's own actuals (so a month is not "at risk" by construction):
 *
 * - Amounts and counts (sales, units, leads, new customers): a plan for the year, last year's
 *   total plus a growth ambition, spread over the months by the trading calendar the company
 *   plans with (trading days weighted for the Ramadan peak before Lebaran and the slump after,
 *   for sales; working days for leads and new customers), rising through the year at the planned
 *   growth. Quarter and year targets are the sums of the months (the report derives them).
 *   Sales are planned region by region: +15 % (the grow-sales goal) for a region that grew over
 *   the last year, +5 % for one that shrank (sumatera-utara, which still misses it: a rep leaves
 *   and is not replaced). The company's net sales is the sum of the regions; categories get the
 *   company plan by their share of last year's sales; reps get their region's plan by their
 *   share of its accounts (weighted by how often each orders) on the month's first day.
 * - Rates, averages and scores: one plain target for the year, written for the year, each
 *   quarter and each month: last year's level, with a small ambition, rounded as people write
 *   them. Month-on-month sales growth: the swing the sales plan itself makes.
 * - Lower is better (days to convert, hours between touches): a bar for the year near what the
 *   team reaches, a little stricter each year.
 *
 * "Last year" is what the data holds; where it does not reach back (the sample's first plan
 * year), the same month a year later divided by the trend the data shows (its year-on-year
 * ratio), as if the data went back further.
 *
 * One target is planted out of reach: the last future month's net sales need 60 % growth on a
 * year before and 10 % more than the best month ever, which the report's unrealistic-target lint flags.
 */
import { dayOf, tradeWeight } from './calendar.ts';
import { CATEGORIES } from './catalog.ts';
import { RETENTION_WINDOW_DAYS, servingRep, type Ctx, type MonthStats } from './context.ts';
import type { Rng } from './random.ts';
import { REGIONS } from './world.ts';

export interface TargetRecord {
  kpi: string;
  /** A month 2026-03, a quarter 2026-Q1, or a year written as a number (2026), as people write it. */
  period: string | number;
  value: number;
  rep?: string;
  region?: string;
  category?: string;
}

/** Growth planned on last year: sales of a region that grew, of one that shrank, leads and new customers. */
const SALES_GROWTH = 0.15;
const MODEST_GROWTH = 0.05;
const LEAD_GROWTH = 0.05;
/** Out of reach on purpose: the last future month's net sales, 60 % on a year before, and 10 % over the best month ever. */
const STRETCH = 1.6;
const STRETCH_OVER_BEST = 1.1;
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

type Stat = (s: MonthStats) => number;
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

export function createTargets(ctx: Ctx, year: number, rank: number, _rng: Rng): TargetRecord[] {
  const out: TargetRecord[] = [];
  const push = (kpi: string, period: string | number, value: number, scope: Partial<Pick<TargetRecord, 'rep' | 'region' | 'category'>> = {}) => out.push({ kpi, period, value, ...scope });
  const byLabel = new Map(ctx.months.map((m) => [m.label, ctx.stats[m.index]!]));

  // Last year's value of a month (see the header for months before the data).
  const trends = new Map<Stat, number>();
  const trendOf = (f: Stat) => {
    let t = trends.get(f);
    if (t === undefined) {
      let now = 0;
      let before = 0;
      for (const m of ctx.months) {
        const later = ctx.stats[m.index + 12];
        if (!later) continue;
        now += f(later);
        before += f(ctx.stats[m.index]!);
      }
      t = before > 0 && now > 0 ? now / before : 1;
      trends.set(f, t);
    }
    return t;
  };
  const lastYear = (f: Stat, month: number) => {
    const s = byLabel.get(label(year - 1, month));
    if (s) return f(s);
    const now = byLabel.get(label(year, month));
    return now ? f(now) / trendOf(f) : 0;
  };
  const lastYearTotal = (f: Stat) => MONTHS.reduce((a, m) => a + lastYear(f, m), 0);

  // The plan's monthly shape: the calendar's weight of each month, rising at the planned growth.
  const tradeDays = (y: number, m: number) => sumDays(y, m, (d) => tradeWeight(ctx.cal, d));
  const workDays = (y: number, m: number) => sumDays(y, m, (d) => (ctx.cal.isWorking(d) ? 1 : 0));
  const spread = (total: number, growth: number, weight: (y: number, m: number) => number, y = year) => {
    const raw = MONTHS.map((m) => weight(y, m) * (1 + growth) ** ((m - 1) / 12));
    const sum = raw.reduce((a, b) => a + b, 0);
    return raw.map((w) => (sum > 0 ? (total * w) / sum : 0));
  };

  // Sales, region by region.
  const regionPlans = REGIONS.map((r) => {
    const f: Stat = (s) => s.netByRegion.get(r.id) ?? 0;
    const growth = trendOf(f) >= 1 ? SALES_GROWTH : MODEST_GROWTH;
    return { region: r.id, growth, months: spread(lastYearTotal(f) * (1 + growth), growth, tradeDays) };
  });
  const netPlan = MONTHS.map((_, i) => regionPlans.reduce((a, r) => a + r.months[i]!, 0));
  const netBase = lastYearTotal((s) => s.net);
  const salesGrowth = netBase > 0 ? netPlan.reduce((a, b) => a + b, 0) / netBase - 1 : SALES_GROWTH;
  const isLastYear = year === ctx.months[ctx.months.length - 1]!.year;
  const bestMonthNet = Math.max(0, ...ctx.stats.map((s) => s.net));
  const categoryShares = CATEGORIES.map((c) => lastYearTotal((s) => s.netByCategory.get(c.id) ?? 0) / (netBase || 1));
  let yearNet = 0;

  for (const month of MONTHS) {
    const i = month - 1;
    const period = label(year, month);
    const plan = netPlan[i]!;
    if (plan <= 0) continue;
    const stretch = isLastYear && month === 12 && !byLabel.has(period) && byLabel.get(label(year - 1, 12));
    // Beyond the best month ever too: a target already reached once is never flagged.
    const netTarget = stretch ? round3(Math.max(stretch.net * STRETCH, bestMonthNet * STRETCH_OVER_BEST)) : round3(plan);
    yearNet += netTarget;
    push('net-sales', period, netTarget);

    let regions = 0;
    for (const r of regionPlans) {
      const value = round3(r.months[i]!);
      if (value <= 0) continue;
      regions += value;
      push('net-sales', period, value, { region: r.region });
      push('sales-by-region', period, value, { region: r.region });
    }
    push('sales-by-region', period, regions);
    let categories = 0;
    CATEGORIES.forEach((c, ci) => {
      const value = round3(plan * categoryShares[ci]!);
      if (value <= 0) return;
      categories += value;
      push('sales-by-category', period, value, { category: c.id });
    });
    push('sales-by-category', period, categories);

    // Reps: the region's plan by their share of its accounts on the month's first day. Net
    // sales by the rep who records the order, sales per rep by the account's rep: the same
    // accounts. Sales per rep for the company: the plan over the reps employed in the month.
    const day = dayOf(year, month, 1);
    const end = dayOf(year, month + 1, 1);
    const weights = new Map<string, number>();
    for (const c of ctx.customers) {
      if (c.sinceDay >= day || c.churnDay <= day) continue;
      const rep = servingRep(c, day);
      weights.set(rep, (weights.get(rep) ?? 0) + c.weight);
    }
    const staff = ctx.reps.filter((r) => r.first < end && r.last >= day);
    for (const r of regionPlans) {
      const members = staff.filter((rep) => rep.region === r.region && (weights.get(rep.id) ?? 0) > 0);
      const total = members.reduce((a, rep) => a + weights.get(rep.id)!, 0);
      for (const rep of members) {
        const value = round3((r.months[i]! * weights.get(rep.id)!) / total);
        push('net-sales', period, value, { rep: rep.id });
        push('sales-per-rep', period, value, { rep: rep.id });
      }
    }
    if (staff.length) push('sales-per-rep', period, round3(plan / staff.length));
  }
  if (yearNet > 0) push('net-sales', year, yearNet);
  // Sales per rep for a quarter (an average does not add up): the plan over the reps employed at
  // any time in it. No year target: a year the data covers in part would be held to all of it.
  const perRep = (from: number, to: number, period: string | number) => {
    const staff = ctx.reps.filter((r) => r.first < dayOf(year, to + 1, 1) && r.last >= dayOf(year, from, 1)).length;
    const plan = netPlan.slice(from - 1, to).reduce((a, b) => a + b, 0);
    if (staff && plan > 0) push('sales-per-rep', period, round3(plan / staff));
  };
  for (let q = 0; q < 4; q++) perRep(q * 3 + 1, q * 3 + 3, `${year}-Q${q + 1}`);

  // Other amounts and counts: last year's total plus growth, spread by the calendar.
  const volume = (kpi: string, f: Stat, growth: number, weight: typeof tradeDays, round: (x: number) => number) => {
    const months = spread(lastYearTotal(f) * (1 + growth), growth, weight);
    months.forEach((v, i) => {
      if (v > 0) push(kpi, label(year, i + 1), round(v));
    });
  };
  volume('units-sold', (s) => s.units, salesGrowth, tradeDays, round3);
  volume('cross-up-sell', (s) => s.crossUpNet, salesGrowth, tradeDays, round3);
  volume('existing-customer-sales', (s) => s.existingNet, salesGrowth, tradeDays, round3);
  volume('new-leads', (s) => s.leads, LEAD_GROWTH, workDays, Math.round);
  volume('new-customers', (s) => s.newCustomers, LEAD_GROWTH, workDays, (x) => Math.max(1, Math.round(x)));

  // Month-on-month growth: the swing of the sales plan (January against last year's December
  // plan, the same calendar a year earlier); quarters likewise. No year target, as for sales per rep.
  const netBefore = spread(netBase, salesGrowth, tradeDays, year - 1);
  MONTHS.forEach((m, i) => {
    const before = i === 0 ? netBefore[11]! : netPlan[i - 1]!;
    if (before > 0) push('sales-growth', label(year, m), roundTo(netPlan[i]! / before - 1, 0.005));
  });
  const quarter = (xs: number[], q: number) => xs[q * 3]! + xs[q * 3 + 1]! + xs[q * 3 + 2]!;
  for (let q = 0; q < 4; q++) {
    const before = q === 0 ? quarter(netBefore, 3) : quarter(netPlan, q - 1);
    if (before > 0) push('sales-growth', `${year}-Q${q + 1}`, roundTo(quarter(netPlan, q) / before - 1, 0.005));
  }

  // Rates, averages and scores: last year's level (over the months of last year in the data, or
  // the first twelve months of the data when it holds less than half of last year), plain.
  const priorMonths = ctx.months.filter((m) => m.year === year - 1);
  const basis = (priorMonths.length >= 6 ? priorMonths : ctx.months.slice(0, 12)).map((m) => ({ m, s: ctx.stats[m.index]! }));
  const level = (num: Stat, den: Stat, only: (m: (typeof basis)[number]['m']) => boolean = () => true) => {
    let n = 0;
    let d = 0;
    for (const { m, s } of basis) {
      if (!only(m)) continue;
      n += num(s);
      d += den(s);
    }
    return d > 0 ? n / d : 0;
  };
  // `from`: the first day a period may start and still have a value (retention: its activity
  // window must lie within the data); no target where the KPI cannot have one.
  const plain = (kpi: string, value: number, quarter = value, whole = value, from = -Infinity) => {
    if (!(value > 0)) return;
    if (whole > 0 && dayOf(year, 1, 1) >= from) push(kpi, year, whole);
    if (quarter > 0) for (let q = 1; q <= 4; q++) if (dayOf(year, q * 3 - 2, 1) >= from) push(kpi, `${year}-Q${q}`, quarter);
    for (const m of MONTHS) if (dayOf(year, m, 1) >= from) push(kpi, label(year, m), value);
  };
  const lastDay = ctx.end - 1;
  // Rounded down to a figure people write: the level the team signs up to hold.
  plain('average-transaction-value', floorTo(level((s) => s.net, (s) => s.orders), 10000));
  plain('follow-up-24h', Math.min(0.98, floorTo(level((s) => s.within24h, (s) => s.leads), 0.01)));
  // Customers kept through a month, a quarter, a year: each grain its own level, down to 5
  // points (a year: over every twelve months in the data that end in last year, or else in the
  // data at all).
  const kept = level((s) => s.quarterKept, (s) => s.quarterActive);
  const all = ctx.stats.reduce((a, s) => [a[0]! + s.yearKept, a[1]! + s.yearActive], [0, 0]);
  const keptYear = level((s) => s.yearKept, (s) => s.yearActive) || (all[1]! > 0 ? all[0]! / all[1]! : 0);
  plain('customer-retention-rate', floorTo(level((s) => s.kept, (s) => s.active), 0.05), floorTo(kept, 0.05), floorTo(keptYear, 0.05), ctx.start + RETENTION_WINDOW_DAYS);
  plain('customer-satisfaction', floorTo(level((s) => s.scoreSum, (s) => s.scoreCount), 0.05));
  // Lead conversion from complete cohorts only (a cohort's leads can still be won for two months).
  plain('lead-conversion-rate', floorTo(level((s) => s.won, (s) => s.leads, (m) => m.end - 1 + COHORT_DAYS <= lastDay), 0.005));
  const conversion = floorTo(level((s) => s.leadsWon, (s) => s.leadsHandled), 0.005);
  plain('sales-conversion-rate', conversion);
  plain('conversion-rate-per-rep', conversion);
  plain('leads-contacted-per-day', floorTo(level((s) => s.repLeadContacts, (s) => s.repWorkingDays), 0.1));
  // Leads lost: at most last year's monthly level grown with the leads, up to a multiple of 5 (a quarter three months of it, the year twelve).
  const lost = Math.ceil((level((s) => s.leadsLost, () => 1) * (1 + LEAD_GROWTH)) / 5) * 5;
  plain('lost-leads', lost, 3 * lost, 12 * lost);

  // Lower is better: the year's bar.
  for (const [kpi, bar] of Object.entries(BARS)) plain(kpi, roundTo(Math.max(bar.first * 0.8, bar.first - bar.step * rank), bar.round));
  return out.sort(byKey);
}

/** YYYY-MM, with months past either end of the year moved into the next or previous one. */
function label(year: number, month: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** The sum of `f` over the days of a month. */
function sumDays(year: number, month: number, f: (day: number) => number): number {
  let sum = 0;
  for (let d = dayOf(year, month, 1); d < dayOf(year, month + 1, 1); d++) sum += f(d);
  return sum;
}

/** Three significant digits, as a plan would be written (1 234 567 890 -> 1 230 000 000). */
function round3(v: number): number {
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(v)) - 2);
  return Math.round(v / unit) * unit;
}

/** Down to a multiple of `step`. */
function floorTo(v: number, step: number): number {
  return roundTo(Math.floor(v / step + 1e-9) * step, step);
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
