/**
 * A month of orders. Each region gets its planned number; each order goes to a customer that
 * is buying on that day (won before, not yet churned), weighted by how often they order, on a
 * day drawn by trade weight (so the Ramadan weeks are busy). Lines follow the shop's segment:
 * what it usually buys, cross-sells from another category, up-sells to a higher tier.
 */
import { CATEGORIES, PRODUCTS, type Product } from './catalog.ts';
import { dateOf, isRamadanTrade, tradeWeight, type Month } from './calendar.ts';
import { seq, servingRep, sortByKey, widthFor, type Ctx, type Customer } from './context.ts';
import { WeightedTable, type Rng } from './random.ts';
import { REGIONS, SEGMENTS, type Segment } from './world.ts';

export interface OrderLine {
  sku: string;
  qty: number;
  price: number;
  discount: number;
  kind: 'regular' | 'cross-sell' | 'up-sell';
}

export interface OrderRecord {
  id: string;
  date: string;
  customer: string;
  rep: string;
  lines: OrderLine[];
}

/** An order before its lines are drawn (lines are made while writing, see orderRecords). */
export interface OrderDraft {
  id: string;
  day: number;
  customer: Customer;
  rep: string;
}

const DISCOUNTS = [0.02, 0.03, 0.05, 0.075, 0.1, 0.125, 0.15];
const DISCOUNT_TABLE = new WeightedTable([3, 2, 3, 1, 1.5, 0.5, 0.5]);
const LINE_COUNT_WEIGHTS = [14, 24, 26, 18, 11, 7]; // 1 to 6 lines
const TIER_WEIGHTS = [0, 5, 3.5, 1.5];

const byCategory = CATEGORIES.map((c) => PRODUCTS.filter((p) => p.category === c.id));
const productTables = (ramadan: boolean) =>
  byCategory.map((ps) => new WeightedTable(ps.map((p) => TIER_WEIGHTS[p.tier]! * (ramadan && p.lebaran ? 4 : 1))));
const NORMAL_TABLES = productTables(false);
const RAMADAN_TABLES = productTables(true);
const segmentById = new Map(SEGMENTS.map((s) => [s.id, s]));
const categoryOf = new Map(PRODUCTS.map((p) => [p.sku, p.category]));

/** The month's orders: who buys on which day, sorted by day, with ids. */
export function planOrders(ctx: Ctx, month: Month, perRegion: number[], rng: Rng): OrderDraft[] {
  const days: number[] = [];
  const weights: number[] = [];
  for (let d = month.start; d < month.end; d++) {
    const w = tradeWeight(ctx.cal, d);
    if (w > 0) {
      days.push(d);
      weights.push(w);
    }
  }
  const dayTable = new WeightedTable(weights);
  const planned = ctx.plannedOrders[month.index]!;
  const drafts: OrderDraft[] = planned.map((p) => ({ id: '', day: p.day, customer: p.customer, rep: p.rep }));
  const add = (c: Customer, day: number) => drafts.push({ id: '', day, customer: c, rep: servingRep(c, day) });

  REGIONS.forEach((region, r) => {
    const buyers = ctx.customersByRegion.get(region.id)!.filter((c) => c.sinceDay < month.end && c.churnDay > month.start);
    if (!buyers.length || !days.length) return;
    let count = Math.max(0, perRegion[r]! - planned.filter((p) => p.customer.region === region.id).length);
    // In the first month every existing customer buys once, so that later first orders
    // really are new customers and not shops that happened to wait.
    if (month.index === 0) {
      for (const c of rng.shuffle(buyers.slice())) {
        if (count === 0) break;
        const day = days[dayTable.draw(rng)]!;
        if (c.sinceDay > day || day >= c.churnDay) continue;
        add(c, day);
        count--;
      }
    }
    const table = new WeightedTable(buyers.map((c) => c.weight));
    for (let i = 0; i < count; i++) {
      for (let attempt = 0; attempt < 20; attempt++) {
        const day = days[dayTable.draw(rng)]!;
        const c = buyers[table.draw(rng)]!;
        if (c.sinceDay > day || day >= c.churnDay) continue;
        add(c, day);
        break;
      }
    }
  });

  const sorted = sortByKey(drafts, (d) => d.day - month.start, month.end - month.start);
  const width = widthFor(sorted.length);
  const stats = ctx.stats[month.index]!;
  sorted.forEach((d, i) => {
    d.id = `SO-${month.label}-${seq(i + 1, width)}`;
    if (d.customer.firstOrderMonth < 0) {
      d.customer.firstOrderMonth = month.index;
      // A customer from before the data is an existing one, not a new one.
      if (d.customer.sinceDay >= ctx.start) stats.newCustomers++;
    }
  });
  return sorted;
}

/** The orders with their lines, made one by one while the file is written; adds up what was sold. */
export function* orderRecords(ctx: Ctx, month: Month, drafts: OrderDraft[], rng: Rng): Generator<OrderRecord> {
  const stats = ctx.stats[month.index]!;
  const add = (map: Map<string, number>, key: string, v: number) => map.set(key, (map.get(key) ?? 0) + v);
  let day = -1;
  let today: { c: Customer; cat: number; tier: number }[] = [];
  for (const d of drafts) {
    // What a customer bought counts for their orders of later days (drafts come in day order).
    if (d.day !== day) {
      bought(today, day);
      today = [];
      day = d.day;
    }
    const lines = orderLines(rng, segmentById.get(d.customer.segment)!, isRamadanTrade(d.day), d.customer);
    for (const l of lines) today.push({ c: d.customer, cat: categoryIndex.get(l.sku)!, tier: tierOf.get(l.sku)! });
    let net = 0;
    for (const l of lines) {
      const lineNet = l.qty * l.price * (1 - l.discount);
      net += lineNet;
      stats.units += l.qty;
      add(stats.netByCategory, categoryOf.get(l.sku)!, lineNet);
      if (l.kind !== 'regular') stats.crossUpNet += lineNet;
    }
    stats.net += net;
    stats.orders++;
    if (d.customer.firstOrderMonth < month.index || d.customer.sinceDay < ctx.start) stats.existingNet += net;
    add(stats.netByRegion, d.customer.region, net);
    add(stats.netByRep, d.rep, net);
    add(stats.netByOwner, servingRep(d.customer, d.day), net);
    yield { id: d.id, date: dateOf(d.day), customer: d.customer.id, rep: d.rep, lines };
  }
  bought(today, day);
}

const categoryIndex = new Map(PRODUCTS.map((p) => [p.sku, CATEGORIES.findIndex((c) => c.id === p.category)]));
const tierOf = new Map(PRODUCTS.map((p) => [p.sku, p.tier]));

/** Notes a day's purchases: per customer and category the last day bought and its highest tier. */
function bought(lines: { c: Customer; cat: number; tier: number }[], day: number): void {
  for (const { c, cat, tier } of lines) {
    const lastDay = (c.lastDay ??= CATEGORIES.map(() => -1));
    const lastTier = (c.lastTier ??= CATEGORIES.map(() => 0));
    if (lastDay[cat] !== day) {
      lastDay[cat] = day;
      lastTier[cat] = tier;
    } else if (tier > lastTier[cat]!) lastTier[cat] = tier;
  }
}

/** Per category: the table to draw from when another category is wanted (cross-sell), per segment. */
const crossTables = new Map(
  SEGMENTS.map((seg) => [seg.id, CATEGORIES.map((_, first) => new WeightedTable(seg.categories.map((w, c) => (c === first ? 0 : w + 1))))]),
);
const segmentTables = new Map(SEGMENTS.map((seg) => [seg.id, new WeightedTable(seg.categories)]));
/** Per sku: the higher tiers of the same category (up-sell candidates). */
const higherTiers = new Map(PRODUCTS.map((p) => [p.sku, PRODUCTS.filter((x) => x.category === p.category && x.tier > p.tier)]));
const LINE_COUNTS = new WeightedTable(LINE_COUNT_WEIGHTS);

/**
 * A cross-sell is a category the customer has not bought on an earlier day; an up-sell a higher
 * tier than the first line's and than the customer's last earlier purchase in that category.
 * Otherwise the line is regular: validation checks both claims (validate/rules/line-kinds.ts).
 */
function orderLines(rng: Rng, segment: Segment, ramadan: boolean, customer: Customer): OrderLine[] {
  const tables = ramadan ? RAMADAN_TABLES : NORMAL_TABLES;
  const categories = segmentTables.get(segment.id)!;
  const firstCat = categories.draw(rng);
  const first = byCategory[firstCat]![tables[firstCat]!.draw(rng)]!;
  const lines = [line(rng, segment, first, 'regular')];
  const n = 1 + LINE_COUNTS.draw(rng);
  for (let i = 1; i < n; i++) {
    const r = rng.next();
    let p: Product;
    let kind: OrderLine['kind'] = 'regular';
    const lastDay = customer.lastDay;
    const lastTier = customer.lastTier?.[firstCat] ?? 0;
    if (r < 0.14) {
      // Cross-sell: something from a category the order did not start in, new to the customer.
      const cat = crossTables.get(segment.id)![firstCat]!.draw(rng);
      p = byCategory[cat]![tables[cat]!.draw(rng)]!;
      if ((lastDay?.[cat] ?? -1) < 0) kind = 'cross-sell';
    } else if (r < 0.25 && first.tier < 3) {
      // Up-sell: a higher tier of what the shop came for, above what it last bought there.
      p = rng.pick(higherTiers.get(first.sku)!);
      if ((lastDay?.[firstCat] ?? -1) < 0 || p.tier > lastTier) kind = 'up-sell';
    } else {
      const cat = categories.draw(rng);
      p = byCategory[cat]![tables[cat]!.draw(rng)]!;
    }
    if (lines.some((l) => l.sku === p.sku)) continue;
    lines.push(line(rng, segment, p, kind));
  }
  return lines;
}

function line(rng: Rng, segment: Segment, p: Product, kind: OrderLine['kind']): OrderLine {
  // Shops buy whole cases; small shops sometimes a few loose units.
  const qty = segment.id === 'toko-kelontong' && rng.chance(0.15) ? Math.max(1, Math.round(p.pack * rng.pick([0.25, 0.5]))) : p.pack * rng.pick(segment.cases);
  const discounted = rng.chance(segment.discountRate + (kind === 'up-sell' ? 0.3 : 0));
  const discount = discounted ? DISCOUNTS[DISCOUNT_TABLE.draw(rng)]! : 0;
  return { sku: p.sku, qty, price: p.list_price, discount, kind };
}
