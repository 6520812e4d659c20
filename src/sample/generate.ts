/**
 * The seeded sample repository: a fictional Indonesian FMCG distributor's data/ folder.
 * Pure: no file system, no clock; the same options give the same files, byte for byte.
 *
 * Months are generated in order and yielded as they are done, so a million orders never sit in
 * memory at once. What spans months (a lead's life, a won customer's first order) is planned
 * ahead into per-month queues. customers.yaml and the targets come last: they depend on the
 * leads won and on the sales made.
 */
import { LAYOUTS } from '../format/layout.ts';
import { listToYaml, toYaml } from '../format/to-yaml.ts';
import type { FileKind } from '../schema/file-kinds.ts';
import { activityRecords, countLeadWork, planActivities } from './activities.ts';
import { monthsEnding, WorkCalendar, type Month } from './calendar.ts';
import { CATEGORIES, PRODUCTS } from './catalog.ts';
import { emptyStats, RETENTION_WINDOW_DAYS, widthFor, type Ctx } from './context.ts';
import { createInitialCustomers, customerRecords, initialCustomerCount } from './customers.ts';
import { holidaysOf } from './holidays.ts';
import { createLeads, LOST_REASONS } from './leads.ts';
import { orderRecords, planOrders, type OrderDraft } from './orders.ts';
import { planMonths } from './plan.ts';
import { streamOf } from './random.ts';
import { createSurveys } from './surveys.ts';
import { createTargets, targetYears } from './targets.ts';
import { COMPANY_NAME, GOALS, LEAD_SOURCES, placeTeam, REGIONS, SEGMENTS, type Vocabulary } from './world.ts';

export interface SampleOptions {
  ordersPerMonth?: number;
  months?: number;
  seed?: number;
  /** Last month of the period, YYYY-MM. */
  endMonth?: string;
}

export interface SampleFile {
  /** Relative to the repository root, e.g. data/2026/03/orders.yaml. */
  path: string;
  text: string;
  kind: FileKind;
  records: number;
}

const SAMPLE_DEFAULTS = { ordersPerMonth: 500, months: 24, seed: 1, endMonth: '2026-10' } as const;

/**
 * The sample's files one at a time, months in order; customers.yaml and targets come last.
 * Bad options throw a RangeError here, before the first file.
 */
export function generateSampleFiles(options: SampleOptions = {}): Generator<SampleFile> {
  return files(checkOptions(options));
}

function* files(o: Required<SampleOptions>): Generator<SampleFile> {
  const months = monthsEnding(o.endMonth, o.months);
  const first = months[0]!;
  const last = months[months.length - 1]!;
  const years = range(first.year, last.year);
  const cal = new WorkCalendar(range(first.year - 1, last.year + 1));
  const reps = placeTeam(months);
  const plans = planMonths(months, cal, reps, o.ordersPerMonth, streamOf(o.seed, 'plan'));
  const totalLeads = plans.reduce((n, p) => n + p.leads.reduce((a, b) => a + b, 0), 0);
  const ctx: Ctx = {
    seed: o.seed,
    ordersPerMonth: o.ordersPerMonth,
    months,
    start: first.start,
    end: last.end,
    cal,
    reps,
    repById: new Map(reps.map((r) => [r.id, r])),
    customers: [],
    customersByRegion: new Map(REGIONS.map((r) => [r.id, []])),
    customerIdWidth: widthFor(initialCustomerCount(o.ordersPerMonth) + totalLeads),
    stats: months.map(emptyStats),
    plannedActivities: months.map(() => []),
    plannedOrders: months.map(() => []),
  };
  const header = `Fictional sample data made by capaian sample (seed ${o.seed}).`;
  // Lists (arrays or generators of records) and single mappings.
  const file = (path: string, kind: FileKind, value: Iterable<unknown> | object, records: number): SampleFile => ({
    path,
    kind,
    records,
    text: Symbol.iterator in value ? listToYaml(value as Iterable<unknown>, LAYOUTS[kind], { header }) : toYaml(value, LAYOUTS[kind], { header }),
  });

  yield file('data/company.yaml', 'company', company(years), 1);
  const team = reps.map((r) => ({ id: r.id, name: r.name, region: r.region, team: r.team, manager: r.manager, joined: r.joined, left: r.left }));
  yield file('data/team.yaml', 'team', team, team.length);
  const products = PRODUCTS.map(({ sku, name, category, tier, list_price }) => ({ sku, name, category, tier, list_price }));
  yield file('data/products.yaml', 'products', { categories: CATEGORIES.map(vocab), products }, products.length);
  yield file('data/goals.yaml', 'goals', GOALS, GOALS.length);

  createInitialCustomers(ctx, streamOf(o.seed, 'customers'));
  const activeCustomers = new ActiveCustomers(ctx);
  let lastBuyers: Set<string> | undefined;
  for (const m of months) {
    const plan = plans[m.index]!;
    const leads = createLeads(ctx, m, plan.leads, streamOf(o.seed, 'leads', m.index));
    const orders = planOrders(ctx, m, plan.orders, streamOf(o.seed, 'orders', m.index));
    const activities = planActivities(ctx, m, Math.round(orders.length * 1.5), streamOf(o.seed, 'visits', m.index));
    countLeadWork(ctx, m, activities);
    const surveys = createSurveys(ctx, m, orders, streamOf(o.seed, 'surveys', m.index));
    lastBuyers = retention(ctx, m, orders, lastBuyers);
    activeCustomers.month(m, orders);
    const dir = `data/${m.label.replace('-', '/')}`;
    // Order lines and activity records are made while writing, so they do not pile up.
    yield file(`${dir}/orders.yaml`, 'orders', orderRecords(ctx, m, orders, streamOf(o.seed, 'lines', m.index)), orders.length);
    yield file(`${dir}/leads.yaml`, 'leads', leads, leads.length);
    yield file(`${dir}/activities.yaml`, 'activities', activityRecords(m, activities), activities.length);
    yield file(`${dir}/surveys.yaml`, 'surveys', surveys, surveys.length);
    // Free the queues of the month just written.
    ctx.plannedActivities[m.index] = [];
    ctx.plannedOrders[m.index] = [];
  }

  const customers = customerRecords(ctx);
  yield file('data/customers.yaml', 'customers', customers, customers.length);
  const planYears = targetYears(ctx);
  for (const [rank, year] of planYears.entries()) {
    const targets = createTargets(ctx, year, rank, streamOf(o.seed, 'targets', year));
    yield file(`data/targets/${year}.yaml`, 'targets', targets, targets.length);
  }
}

/** All files at once, sorted by path (fine for the default size; large runs should stream). */
export function generateSample(options: SampleOptions = {}): SampleFile[] {
  return [...generateSampleFiles(options)].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function company(years: number[]) {
  return {
    name: COMPANY_NAME,
    currency: 'IDR',
    locale: 'id-ID',
    timezone: 'Asia/Jakarta',
    fiscal_year_start: 1,
    working_days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
    holidays: years.flatMap(holidaysOf),
    regions: REGIONS.map(vocab),
    segments: SEGMENTS.map(vocab),
    lead_sources: LEAD_SOURCES.map(vocab),
    lost_reasons: LOST_REASONS,
  };
}

/** Just the id and name of a vocabulary entry (the tables carry simulation knobs too). */
function vocab(v: Vocabulary): Vocabulary {
  return { id: v.id, name: v.name };
}

/** Records who bought this month, and how many of last month's buyers came back. */
function retention(ctx: Ctx, m: Month, orders: OrderDraft[], lastBuyers: Set<string> | undefined): Set<string> {
  const buyers = new Set(orders.map((o) => o.customer.id));
  if (lastBuyers) {
    const s = ctx.stats[m.index]!;
    s.lastMonthBuyers = lastBuyers.size;
    for (const c of lastBuyers) if (buyers.has(c)) s.retained++;
  }
  return buyers;
}

/**
 * Who stays active (an order within the last ACTIVE_DAYS) through a month, a calendar quarter and
 * a year (any twelve months whose look-back lies in the data), for the retention targets.
 */
const ACTIVE_DAYS = RETENTION_WINDOW_DAYS;
class ActiveCustomers {
  private readonly lastOrder = new Map<string, number>();
  private quarter: string[] = [];
  /** The active customers at the start of each of the last twelve months. */
  private readonly starts: { day: number; ids: string[] }[] = [];
  constructor(private readonly ctx: Ctx) {}

  month(m: Month, orders: OrderDraft[]): void {
    const activeAt = (day: number) => [...this.lastOrder].filter(([, last]) => last >= day - ACTIVE_DAYS).map(([id]) => id);
    const atStart = activeAt(m.start);
    if (m.month % 3 === 1) this.quarter = atStart;
    this.starts.push({ day: m.start, ids: atStart });
    for (const o of orders) if ((this.lastOrder.get(o.customer.id) ?? -Infinity) < o.day) this.lastOrder.set(o.customer.id, o.day);
    const kept = (ids: string[]) => ids.filter((id) => this.lastOrder.get(id)! >= m.end - ACTIVE_DAYS).length;
    const s = this.ctx.stats[m.index]!;
    s.active = atStart.length;
    s.kept = kept(atStart);
    if (m.month % 3 === 0) [s.quarterActive, s.quarterKept] = [this.quarter.length, kept(this.quarter)];
    if (this.starts.length === 12) {
      const year = this.starts.shift()!;
      if (year.day - ACTIVE_DAYS >= this.ctx.start) [s.yearActive, s.yearKept] = [year.ids.length, kept(year.ids)];
    }
  }
}

function checkOptions(options: SampleOptions): Required<SampleOptions> {
  const o = { ...SAMPLE_DEFAULTS, ...stripUndefined(options) };
  const int = (name: string, v: number, min: number, max: number) => {
    if (!Number.isInteger(v) || v < min || v > max) throw new RangeError(`${name} must be a whole number from ${min} to ${max}, got ${v}`);
  };
  int('orders per month', o.ordersPerMonth, 1, 1_000_000);
  int('months', o.months, 1, 240);
  int('seed', o.seed, 0, 2 ** 32 - 1);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(o.endMonth)) throw new RangeError(`end month must be YYYY-MM, got "${o.endMonth}"`);
  return o;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
