/**
 * An order line's kind must be what it claims, where the data can tell. A cross-sell sells a
 * category new to the customer: one the customer bought in an earlier order is not. An up-sell
 * sells a higher tier than the customer's last earlier purchase in that category: the same tier
 * or a lower one is not. "Earlier" is an order dated before this one (orders of the same day are
 * not ordered among themselves); the last earlier purchase is the latest such day, its highest
 * tier. Without an earlier purchase in the category (a first order, or history from before the
 * data) nothing contradicts the claim, so nothing is said. These are warnings: the data may be
 * right and the rule not fit the business.
 *
 * One check for both paths: the full checker (lineKinds, on records) and the column rules
 * (on-chunks.ts) each lay the lines out as KindLines and word what kindProblems finds with
 * kindWarning, so clean data is warned about identically either way.
 */
import { LINE_KIND_CODES } from '../../ingest/chunk.ts';
import { dayOf, dayText } from '../../ingest/days.ts';
import type { Products } from '../../schema/products.ts';
import { formatPath, issue, type DocPath, type PendingIssue } from '../../issues/issue.ts';
import type { RuleContext } from './context.ts';
import { eachRecord } from './each-record.ts';

/** Kind codes, as the columns hold them. */
const CROSS_SELL = LINE_KIND_CODES.indexOf('cross-sell');
const UP_SELL = LINE_KIND_CODES.indexOf('up-sell');

/** All order lines, one entry per line; -1 where a customer or product is not known. */
export interface KindLines {
  length: number;
  /** The order's date (days since 1970). */
  day: Int32Array;
  /** Row in customers.yaml. */
  customer: Int32Array;
  /** Row in products.yaml. */
  product: Int32Array;
  /** The index of the kind in LINE_KIND_CODES (regular, cross-sell, up-sell). */
  kind: Uint8Array;
}

export interface KindProblem {
  /** A cross-sell of a category bought before, or an up-sell not higher than the last earlier purchase. */
  what: 'bought-before' | 'not-higher';
  /** The latest earlier day the customer bought the category and the highest tier that day. */
  lastDay: number;
  lastTier: number;
}

/** Each product row's category (as a number) and tier. */
function productInfo(products: Products['products']): { category: Int32Array; tier: Int32Array; categories: number } {
  const codes = new Map<string, number>();
  const category = Int32Array.from(products, (p) => {
    let c = codes.get(p.category);
    if (c === undefined) codes.set(p.category, (c = codes.size));
    return c;
  });
  return { category, tier: Int32Array.from(products, (p) => p.tier), categories: codes.size };
}

/**
 * Calls `emit` for each line whose kind does not hold. One pass over the lines in date order (a
 * counting sort by day); per (customer, category) the latest day bought and its highest tier.
 */
export function kindProblems(lines: KindLines, customers: number, products: Products['products'], emit: (line: number, problem: KindProblem) => void): void {
  const n = lines.length;
  let claims = 0;
  for (let i = 0; i < n; i++) if (lines.kind[i] === CROSS_SELL || lines.kind[i] === UP_SELL) claims++;
  if (claims === 0) return;
  const { category, tier, categories } = productInfo(products);
  let lo = 0x7fffffff;
  let hi = -1;
  for (let i = 0; i < n; i++) {
    const d = lines.day[i]!;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  const start = new Int32Array(hi - lo + 2);
  for (let i = 0; i < n; i++) start[lines.day[i]! - lo + 1]!++;
  for (let d = 0; d + 1 < start.length; d++) start[d + 1]! += start[d]!;
  const fill = start.slice(0, hi - lo + 1);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[fill[lines.day[i]! - lo]!++] = i;

  const size = customers * categories;
  const NEVER = -0x80000000;
  const lastDay = new Int32Array(size).fill(NEVER);
  const lastTier = new Int32Array(size);
  const keyOf = (i: number) => {
    const c = lines.customer[i]!;
    const p = lines.product[i]!;
    return c < 0 || p < 0 ? -1 : c * categories + category[p]!;
  };
  for (let d = 0; d <= hi - lo; d++) {
    const a = start[d]!;
    const b = start[d + 1]!;
    // First judge the day's lines by the days before, then add the day to what was bought.
    for (let j = a; j < b; j++) {
      const i = order[j]!;
      const k = lines.kind[i]!;
      if (k !== CROSS_SELL && k !== UP_SELL) continue;
      const x = keyOf(i);
      if (x < 0) continue;
      const seen = lastDay[x]!;
      if (k === CROSS_SELL) {
        if (seen !== NEVER) emit(i, { what: 'bought-before', lastDay: seen, lastTier: lastTier[x]! });
      } else if (seen !== NEVER && tier[lines.product[i]!]! <= lastTier[x]!) emit(i, { what: 'not-higher', lastDay: seen, lastTier: lastTier[x]! });
    }
    const day = d + lo;
    for (let j = a; j < b; j++) {
      const i = order[j]!;
      const x = keyOf(i);
      if (x < 0) continue;
      const t = tier[lines.product[i]!]!;
      if (lastDay[x] !== day) {
        lastDay[x] = day;
        lastTier[x] = t;
      } else if (t > lastTier[x]!) lastTier[x] = t;
    }
  }
}

/** The warning for line `line` of the order at `orderAt`. */
export function kindWarning(file: string, orderAt: DocPath, line: number, customer: string, product: Products['products'][number], p: KindProblem): PendingIssue {
  const at = [...orderAt, 'lines', line, 'kind'];
  const field = formatPath(['lines', line, 'kind']);
  const when = dayText(p.lastDay);
  if (p.what === 'bought-before') {
    return issue(file, at, 'kind-not-cross-sell', `${field} is cross-sell, but ${customer} already bought ${product.category} on ${when}`, 'a cross-sell is a category new to the customer; set kind: regular, or up-sell if it is a higher tier than their last purchase', 'warning');
  }
  return issue(file, at, 'kind-not-up-sell', `${field} is up-sell, but ${product.sku} is tier ${product.tier}, not higher than tier ${p.lastTier} that ${customer} bought in ${product.category} on ${when}`, "an up-sell is a higher tier than the customer's last purchase in the category; set kind: regular, or correct the sku", 'warning');
}

/** The full checker's rule: lines laid out from the order records. */
export function lineKinds({ data, unavailable }: RuleContext): PendingIssue[] {
  if (unavailable.has('customers') || unavailable.has('products')) return [];
  let n = 0;
  let claims = false;
  eachRecord(data.orders, (o) => {
    n += o.lines.length;
    if (!claims) claims = o.lines.some((l) => l.kind !== 'regular');
  });
  if (!claims) return [];
  const customerRow = new Map(data.customers.records.map((c, i) => [c.id, i]));
  const productRow = new Map(data.products.records.map((p, i) => [p.sku, i]));
  const lines: KindLines = { length: n, day: new Int32Array(n), customer: new Int32Array(n), product: new Int32Array(n), kind: new Uint8Array(n) };
  /** Per order: its file, place and customer; per line: its order and its index in the order. */
  const orders: { file: string; at: DocPath; customer: string }[] = [];
  const orderOf = new Int32Array(n);
  const indexIn = new Int32Array(n);
  let i = 0;
  eachRecord(data.orders, (o, file, at) => {
    const day = dayOf(o.date);
    const c = customerRow.get(o.customer) ?? -1;
    o.lines.forEach((l, j) => {
      lines.day[i] = day;
      lines.customer[i] = c;
      lines.product[i] = productRow.get(l.sku) ?? -1;
      lines.kind[i] = LINE_KIND_CODES.indexOf(l.kind);
      orderOf[i] = orders.length;
      indexIn[i] = j;
      i++;
    });
    orders.push({ file, at, customer: o.customer });
  });
  const out: PendingIssue[] = [];
  kindProblems(lines, data.customers.records.length, data.products.records, (line, p) => {
    const o = orders[orderOf[line]!]!;
    out.push(kindWarning(o.file, o.at, indexIn[line]!, o.customer, data.products.records[lines.product[line]!]!, p));
  });
  return out;
}
