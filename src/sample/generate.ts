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
import { emptyStats, widthFor, type Ctx } from './context.ts';
import { createInitialCustomers, customerRecords, initialCustomerCount } from './customers.ts';
import { holidaysOf } from './holidays.ts';
import { createLeads } from './leads.ts';
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

export const SAMPLE_DEFAULTS = { ordersPerMonth: 500, months: 24, seed: 1, endMonth: '2026-10' } as const;

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
  const lastOrder = new Map<string, number>();
  for (const m of months) {
    const plan = plans[m.index]!;
    const leads = createLeads(ctx, m, plan.leads, streamOf(o.seed, 'leads', m.index));
    const orders = planOrders(ctx, m, plan.orders, streamOf(o.seed, 'orders', m.index));
    const activities = planActivities(ctx, m, Math.round(orders.length * 1.5), streamOf(o.seed, 'visits', m.index));
    countLeadWork(ctx, m, activities);
    const surveys = createSurveys(ctx, m, orders, streamOf(o.seed, 'surveys', m.index));
    retention(ctx, m, orders, lastOrder);
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
  };
}

/** Just the id and name of a vocabulary entry (the tables carry simulation knobs too). */
function vocab(v: Vocabulary): Vocabulary {
  return { id: v.id, name: v.name };
}

/** The activity window of customer-retention-rate (kpis/customer-retention-rate.yaml, window_days). */
const RETENTION_WINDOW_DAYS = 90;

/**
 * Notes each customer's last order day (in `last`, through this month), and the month's
 * retention as the KPI reads it: customers active at the month's start (an order in the window
 * before it) and those of them still active at its end. Not when the window reaches before the data.
 */
function retention(ctx: Ctx, m: Month, orders: OrderDraft[], last: Map<string, number>): void {
  const activeAtStart = [...last].filter(([, day]) => day >= m.start - RETENTION_WINDOW_DAYS).map(([c]) => c);
  for (const o of orders) if ((last.get(o.customer.id) ?? -Infinity) < o.day) last.set(o.customer.id, o.day);
  if (m.start - RETENTION_WINDOW_DAYS < ctx.start) return;
  const s = ctx.stats[m.index]!;
  s.activeAtStart = activeAtStart.length;
  s.keptToEnd = activeAtStart.filter((c) => last.get(c)! >= m.end - RETENTION_WINDOW_DAYS).length;
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
