/**
 * Validated records -> the column tables KPI formulas read (see fields.ts for what each field
 * means). Pure. Derived fields are computed here, once: a lead's first contact and outcome, the
 * gaps between touches with an open lead, each customer's first order.
 */
import { offsetMinutes, parseDateTime } from '../calendar/zoned-time.ts';
import { monthIndex } from '../calendar/periods.ts';
import type { Activity } from '../schema/activities.ts';
import type { RepoData } from '../validate/repo-data.ts';
import type { DatasetName } from './fields.ts';
import { Interner, TableBuilder, type Table, type TimeColumn } from './table.ts';

export interface Dataset {
  tables: Record<DatasetName, Table>;
  /** Code -> value, per vocabulary (rep, region, customer, …). */
  vocabularies: Record<string, Interner>;
  /** First and last month index that has a month folder; null when there is no month data. */
  firstMonth: number | null;
  lastMonth: number | null;
}

const HOUR = 3_600_000;
const DAY = 86_400_000;
const TOUCHES = new Set(['contact', 'follow-up', 'meeting']);

export function buildDataset(data: RepoData): Dataset {
  const tz = data.company.timezone;
  const vocab: Record<string, Interner> = {};
  const v = (name: string) => (vocab[name] ??= new Interner());
  // Declare vocabularies in a stable order so codes do not depend on record order alone.
  for (const r of data.company.regions) v('region').code(r.id);
  for (const s of data.company.segments) v('segment').code(s.id);
  for (const s of data.company.lead_sources) v('source').code(s.id);
  for (const c of data.products.categories) v('category').code(c.id);
  for (const r of data.team.records) v('rep').code(r.id);
  for (const k of ['regular', 'cross-sell', 'up-sell']) v('kind').code(k);
  for (const k of ['contact', 'follow-up', 'meeting', 'won', 'lost']) v('type').code(k);
  for (const k of ['open', 'won', 'lost']) v('status').code(k);
  for (const k of ['yes', 'no']) v('lead_open').code(k);

  const setDate = (col: TimeColumn, row: number, date: string) => {
    col.epoch[row] = parseDateTime(`${date}T00:00`, tz);
    col.month[row] = monthIndex(+date.slice(0, 4), +date.slice(5, 7));
  };
  const setEpoch = (col: TimeColumn, row: number, epoch: number) => {
    if (Number.isNaN(epoch)) return;
    col.epoch[row] = epoch;
    const local = new Date(epoch + offsetMinutes(epoch, tz) * 60_000);
    col.month[row] = monthIndex(local.getUTCFullYear(), local.getUTCMonth() + 1);
  };

  const customers = new Map(data.customers.records.map((c) => [c.id, c]));
  const products = new Map(data.products.records.map((p) => [p.sku, p]));
  const orders = data.orders.flatMap((f) => f.records);
  const leads = data.leads.flatMap((f) => f.records);
  const activities = data.activities.flatMap((f) => f.records);
  const surveys = data.surveys.flatMap((f) => f.records);

  // Each customer's first order date (string compare works for YYYY-MM-DD).
  const firstOrder = new Map<string, string>();
  for (const o of orders) {
    const f = firstOrder.get(o.customer);
    if (f === undefined || o.date < f) firstOrder.set(o.customer, o.date);
  }
  const customerCols = ['customer', 'region', 'segment', 'owner'];
  const fillCustomer = (t: Table, row: number, customerId: string) => {
    const c = customers.get(customerId);
    t.cat.customer![row] = v('customer').code(customerId);
    if (c) {
      t.cat.region![row] = v('region').code(c.region);
      t.cat.segment![row] = v('segment').code(c.segment);
      t.cat.owner![row] = v('rep').code(c.owner);
    }
    const first = firstOrder.get(customerId);
    if (first) setDate(t.time.customer_first_order!, row, first);
  };

  // orders and order_lines
  const lineCount = orders.reduce((n, o) => n + o.lines.length, 0);
  const ot = new TableBuilder(orders.length, { cat: ['order', 'rep', ...customerCols], num: ['net', 'gross', 'units', 'lines'], time: ['date', 'customer_first_order'] }).table;
  const lt = new TableBuilder(lineCount, { cat: ['order', 'rep', ...customerCols, 'sku', 'category', 'kind'], num: ['tier', 'qty', 'price', 'discount', 'net', 'gross'], time: ['date', 'customer_first_order'] }).table;
  let li = 0;
  orders.forEach((o, oi) => {
    const orderCode = v('order').code(o.id);
    ot.cat.order![oi] = orderCode;
    ot.cat.rep![oi] = v('rep').code(o.rep);
    setDate(ot.time.date!, oi, o.date);
    fillCustomer(ot, oi, o.customer);
    let net = 0;
    let gross = 0;
    let units = 0;
    for (const l of o.lines) {
      const g = l.qty * l.price;
      const n = g * (1 - l.discount);
      net += n;
      gross += g;
      units += l.qty;
      lt.cat.order![li] = orderCode;
      lt.cat.rep![li] = ot.cat.rep![oi]!;
      lt.time.date!.epoch[li] = ot.time.date!.epoch[oi]!;
      lt.time.date!.month[li] = ot.time.date!.month[oi]!;
      fillCustomer(lt, li, o.customer);
      const p = products.get(l.sku);
      lt.cat.sku![li] = v('sku').code(l.sku);
      if (p) {
        lt.cat.category![li] = v('category').code(p.category);
        lt.num.tier![li] = p.tier;
      }
      lt.cat.kind![li] = v('kind').code(l.kind);
      lt.num.qty![li] = l.qty;
      lt.num.price![li] = l.price;
      lt.num.discount![li] = l.discount;
      lt.num.net![li] = n;
      lt.num.gross![li] = g;
      li++;
    }
    ot.num.net![oi] = net;
    ot.num.gross![oi] = gross;
    ot.num.units![oi] = units;
    ot.num.lines![oi] = o.lines.length;
  });

  // What the activities tell about each lead.
  const byLead = new Map<string, Activity[]>();
  for (const a of activities) {
    if (!a.lead) continue;
    const list = byLead.get(a.lead);
    if (list) list.push(a);
    else byLead.set(a.lead, [a]);
  }
  const epochOf = new Map<Activity, number>();
  for (const a of activities) epochOf.set(a, parseDateTime(a.at, tz));
  const leadInfo = new Map<string, { first: number; won: number; lost: number; customer?: string }>();
  const gapOf = new Map<Activity, number>();
  const openAt = new Map<Activity, boolean>();
  for (const [lead, list] of byLead) {
    list.sort((a, b) => epochOf.get(a)! - epochOf.get(b)! || (a.id < b.id ? -1 : 1));
    let won = NaN;
    let lost = NaN;
    let customer: string | undefined;
    for (const a of list) {
      if (a.type === 'won' && Number.isNaN(won)) ((won = epochOf.get(a)!), (customer = a.customer));
      if (a.type === 'lost' && Number.isNaN(lost)) lost = epochOf.get(a)!;
    }
    const closed = Math.min(Number.isNaN(won) ? Infinity : won, Number.isNaN(lost) ? Infinity : lost);
    let previousTouch = NaN;
    for (const a of list) {
      const t = epochOf.get(a)!;
      const open = t < closed;
      openAt.set(a, open);
      if (TOUCHES.has(a.type) && open) {
        if (!Number.isNaN(previousTouch)) gapOf.set(a, (t - previousTouch) / HOUR);
        previousTouch = t;
      }
    }
    leadInfo.set(lead, { first: epochOf.get(list[0]!)!, won, lost, ...(customer ? { customer } : {}) });
  }

  const leadById = new Map(leads.map((l) => [l.id, l]));
  const lt2 = new TableBuilder(leads.length, {
    cat: ['lead', 'rep', 'region', 'source', 'segment', 'status', 'customer'],
    num: ['first_contact_hours', 'days_to_win', 'days_first_contact_to_win'],
    time: ['created', 'first_contact_at', 'won_at', 'lost_at', 'closed_at'],
  }).table;
  leads.forEach((l, i) => {
    const created = parseDateTime(l.created, tz);
    lt2.cat.lead![i] = v('lead').code(l.id);
    lt2.cat.rep![i] = v('rep').code(l.rep);
    lt2.cat.region![i] = v('region').code(l.region);
    lt2.cat.source![i] = v('source').code(l.source);
    lt2.cat.segment![i] = v('segment').code(l.segment);
    setEpoch(lt2.time.created!, i, created);
    const info = leadInfo.get(l.id);
    const won = info?.won ?? NaN;
    const lost = info?.lost ?? NaN;
    lt2.cat.status![i] = v('status').code(!Number.isNaN(won) ? 'won' : !Number.isNaN(lost) ? 'lost' : 'open');
    if (info) {
      setEpoch(lt2.time.first_contact_at!, i, info.first);
      lt2.num.first_contact_hours![i] = (info.first - created) / HOUR;
      if (info.customer) lt2.cat.customer![i] = v('customer').code(info.customer);
    }
    setEpoch(lt2.time.won_at!, i, won);
    setEpoch(lt2.time.lost_at!, i, lost);
    setEpoch(lt2.time.closed_at!, i, Number.isNaN(won) ? lost : won);
    if (!Number.isNaN(won)) {
      lt2.num.days_to_win![i] = (won - created) / DAY;
      lt2.num.days_first_contact_to_win![i] = (won - info!.first) / DAY;
    }
  });

  const at = new TableBuilder(activities.length, {
    cat: ['activity', 'type', 'rep', 'lead', 'customer', 'region', 'source', 'segment', 'lead_open'],
    num: ['hours_since_previous_touch'],
    time: ['at'],
  }).table;
  activities.forEach((a, i) => {
    at.cat.activity![i] = v('activity').code(a.id);
    at.cat.type![i] = v('type').code(a.type);
    at.cat.rep![i] = v('rep').code(a.rep);
    setEpoch(at.time.at!, i, epochOf.get(a)!);
    const lead = a.lead ? leadById.get(a.lead) : undefined;
    const customer = a.customer ? customers.get(a.customer) : undefined;
    if (a.lead) at.cat.lead![i] = v('lead').code(a.lead);
    if (a.customer) at.cat.customer![i] = v('customer').code(a.customer);
    const region = lead?.region ?? customer?.region;
    if (region) at.cat.region![i] = v('region').code(region);
    if (lead) at.cat.source![i] = v('source').code(lead.source);
    const segment = lead?.segment ?? customer?.segment;
    if (segment) at.cat.segment![i] = v('segment').code(segment);
    if (a.lead) at.cat.lead_open![i] = v('lead_open').code(openAt.get(a) ? 'yes' : 'no');
    const gap = gapOf.get(a);
    if (gap !== undefined) at.num.hours_since_previous_touch![i] = gap;
  });

  const st = new TableBuilder(surveys.length, { cat: customerCols, num: ['score'], time: ['date', 'customer_first_order'] }).table;
  surveys.forEach((s, i) => {
    setDate(st.time.date!, i, s.date);
    fillCustomer(st, i, s.customer);
    st.num.score![i] = s.score;
  });

  const months = [...data.orders, ...data.leads, ...data.activities, ...data.surveys].map((f) => f.month!).sort();
  const toIndex = (m: string | undefined) => (m ? monthIndex(+m.slice(0, 4), +m.slice(5, 7)) : null);
  return {
    tables: { orders: ot, order_lines: lt, leads: lt2, activities: at, surveys: st },
    vocabularies: vocab,
    firstMonth: toIndex(months[0]),
    lastMonth: toIndex(months[months.length - 1]),
  };
}
