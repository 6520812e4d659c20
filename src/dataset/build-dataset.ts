/**
 * Validated data -> the column tables KPI formulas read (see fields.ts for what each field
 * means). Pure. The month files arrive as columns already (ingest/chunk.ts); here they are
 * joined with the base files (customers, products, leads) and the derived fields are computed
 * once: a lead's first contact and outcome, the gaps between touches with an open lead (the lead
 * story, lead-story.ts), each customer's first order (or its `since`, when that is before the data begins).
 *
 * Codes are handed out in the order values are first met (orders, then leads, activities,
 * surveys), as the KPI engine lists breakdown members in code order of first appearance. An
 * order's code is its row, and its lines are one run of rows in order_lines, orders in order:
 * the engine counts distinct orders over lines in one pass when it finds them so (compute/distinct.ts).
 */
import { monthIndex, parseMonth } from '../calendar/periods.ts';
import { offsetMinutes } from '../calendar/zoned-time.ts';
import { ABSENT, ACTIVITY_TYPE_CODES, ENUM_COLUMNS, LINE_KIND_CODES, LOST } from '../ingest/chunk.ts';
import { dayOf, daysFromCivil, Midnights, monthOfDay } from '../ingest/days.ts';
import { leadKeys } from '../ingest/links.ts';
import type { ValidData } from '../validate/repo-data.ts';
import { DATASETS, UNSPECIFIED_REASON, type DatasetName } from './fields.ts';
import { leadStories, TOUCHES, type ActivityRows } from './lead-story.ts';
import { Interner, RowIds, TableBuilder, type Table, type TimeColumn, type Vocabulary } from './table.ts';

export interface Dataset {
  tables: Record<DatasetName, Table>;
  /** Code -> value, per vocabulary (rep, region, customer, …). */
  vocabularies: Record<string, Vocabulary>;
  /** First and last month index that has a month folder; null when there is no month data. */
  firstMonth: number | null;
  lastMonth: number | null;
  /** The company timezone: where a day begins. */
  timezone: string;
}

const HOUR = 3_600_000;
const DAY = 86_400_000;

/**
 * `keep(dataset, field)` chooses the columns to build (default: all); the KPIs of a repository
 * read only some of them, and at a million orders a column is megabytes. With `consume`, the
 * month files' chunks in `data` are emptied as soon as their tables are built, so the two do not
 * fill memory together (the pipeline, which reads no chunk afterwards, asks for this).
 */
export function buildDataset(data: ValidData, keep: (dataset: DatasetName, field: string) => boolean = () => true, consume = false): Dataset {
  const release = (kind: 'orders' | 'leads' | 'activities' | 'surveys') => {
    if (!consume) return;
    data[kind].length = 0;
    data.links[kind].length = 0;
  };
  const months = [...data.orders, ...data.leads, ...data.activities, ...data.surveys].map((f) => f.month).sort();
  const tz = data.company.timezone;
  const vocab: Record<string, Interner> = {};
  const v = (name: string) => (vocab[name] ??= new Interner());
  // Declare vocabularies in a stable order so codes do not depend on record order alone.
  for (const r of data.company.regions) v('region').code(r.id);
  for (const s of data.company.segments) v('segment').code(s.id);
  for (const s of data.company.lead_sources) v('source').code(s.id);
  for (const s of data.company.lost_reasons) v('lost_reason').code(s.id);
  v('lost_reason').code(UNSPECIFIED_REASON);
  for (const c of data.products.categories) v('category').code(c.id);
  for (const r of data.team.records) v('rep').code(r.id);
  for (const k of LINE_KIND_CODES) v('kind').code(k);
  for (const k of ACTIVITY_TYPE_CODES) v('type').code(k);
  for (const k of ['open', 'won', 'lost']) v('status').code(k);
  for (const k of ['yes', 'no']) v('lead_open').code(k);
  for (const k of ['yes', 'no']) v('touch').code(k);
  // An order's plain enum fields (its channel) that the dataset lists: their values, in table order.
  const orderEnums = ENUM_COLUMNS.orders.filter((f) => f.name in DATASETS.orders.fields);
  for (const f of orderEnums) for (const k of f.values) v(f.name).code(k);
  const codesOf = (name: string, values: readonly string[]) => Int32Array.from(values, (x) => v(name).code(x));
  const midnight = new Midnights(tz);
  const setEpoch = (col: TimeColumn, row: number, epoch: number) => {
    if (Number.isNaN(epoch)) return;
    col.epoch[row] = epoch;
    const local = new Date(epoch + offsetMinutes(epoch, tz) * 60_000);
    col.month[row] = monthIndex(local.getUTCFullYear(), local.getUTCMonth() + 1);
  };

  // Each customer's first order day (days since 1970), by row of customers.yaml. A start of the
  // data is not a start of the business: a customer whose `since` is before the first month of
  // data was a customer already, and counts as one from its `since` (never new in the data).
  const customers = data.customers.records;
  const firstOrder = new Int32Array(customers.length).fill(0x7fffffff);
  if (months.length) {
    const dataStart = dayOf(`${months[0]!}-01`);
    customers.forEach((c, row) => {
      if (c.since !== undefined && dayOf(c.since) < dataStart) firstOrder[row] = dayOf(c.since);
    });
  }
  data.orders.forEach((ch, k) => {
    const rowOf = data.links.orders[k]!.customer;
    for (let i = 0; i < ch.length; i++) {
      const row = rowOf[ch.customer[i]!]!;
      if (ch.day[i]! < firstOrder[row]!) firstOrder[row] = ch.day[i]!;
    }
  });

  // Codes are given when first met; what each customer code carries onto the rows that name it.
  // By customer code (a code is never more than the rows of customers.yaml): typed arrays, read
  // in the dataset's hot loop.
  const codeOfCustomer = new Int32Array(customers.length).fill(-1);
  const cust: Customers = {
    region: new Int32Array(customers.length),
    segment: new Int32Array(customers.length),
    owner: new Int32Array(customers.length),
    owners: [],
    firstEpoch: new Float64Array(customers.length),
    firstMonth: new Int32Array(customers.length),
  };
  const customerCode = (row: number) => {
    if (row < 0) return -1;
    if (codeOfCustomer[row]! >= 0) return codeOfCustomer[row]!;
    const c = customers[row]!;
    const code = v('customer').code(c.id);
    codeOfCustomer[row] = code;
    cust.region[code] = v('region').code(c.region);
    cust.segment[code] = v('segment').code(c.segment);
    const owners = { rep: Int32Array.from(c.owners, (o) => v('rep').code(o.rep)), from: Float64Array.from(c.owners, (o) => (o.from === null ? -Infinity : dayOf(o.from))) };
    cust.owners[code] = owners;
    cust.owner[code] = owners.rep.length === 0 ? -1 : owners.rep.length === 1 && owners.from[0] === -Infinity ? owners.rep[0]! : HISTORY;
    const first = firstOrder[row]!;
    cust.firstEpoch[code] = first === 0x7fffffff ? NaN : midnight.of(first);
    cust.firstMonth[code] = first === 0x7fffffff ? -1 : monthOfDay(first);
    return code;
  };
  /**
   * Fills the customer's columns of a table, row by row (the columns looked up once); the owner
   * is the account's owner on the record's day (days since 1970), or `owner` when the caller
   * found it already (an order's lines share the order's).
   */
  const customerFiller = (t: Table) => {
    const [customer, region, segment, owner] = [t.cat.customer!, t.cat.region!, t.cat.segment!, t.cat.owner!];
    const { epoch, month } = t.time.customer_first_order!;
    return (row: number, code: number, day: number, known?: number) => {
      customer[row] = code;
      region[row] = cust.region[code]!;
      segment[row] = cust.segment[code]!;
      owner[row] = known ?? ownerOn(cust, code, day);
      epoch[row] = cust.firstEpoch[code]!;
      month[row] = cust.firstMonth[code]!;
    };
  };
  /** A chunk's local codes to global ones through the rows they name: `code(row)` when first met. */
  const lazyCodes = (rows: Int32Array, code: (row: number) => number) => {
    const map = new Int32Array(rows.length).fill(-1);
    return (local: number) => (local < 0 ? -1 : map[local]! >= 0 ? map[local]! : (map[local] = code(rows[local]!)));
  };
  /** Codes of seeded vocabularies (team, regions, …) by row. */
  const seeded = (name: string, ids: string[]) => Int32Array.from(ids, (id) => v(name).code(id));
  const repCodes = seeded('rep', data.team.records.map((r) => r.id));
  const byRow = (codes: Int32Array, rows: Int32Array) => Int32Array.from(rows, (r) => (r < 0 ? -1 : codes[r]!));

  // orders and order_lines
  const customerCols = ['customer', 'region', 'segment', 'owner'];
  const orderCount = data.orders.reduce((n, ch) => n + ch.length, 0);
  const lineCount = data.orders.reduce((n, ch) => n + ch.sku.length, 0);
  const enumCols = orderEnums.map((f) => f.name);
  // Every column of these two is written for every row below (no fill with "absent" first).
  // The order's fields that its lines carry too: written in orders, then copied onto the lines
  // (expandInt), so built in orders when either table keeps them.
  const onLines = { cat: ['order', 'rep', ...customerCols, ...enumCols], time: ['date', 'customer_first_order'] };
  const shared = [...onLines.cat, ...onLines.time];
  const otb = new TableBuilder(orderCount, { cat: onLines.cat, num: ['net', 'gross', 'units', 'lines'], time: onLines.time }, (f) => keep('orders', f) || (shared.includes(f) && keep('order_lines', f)), true);
  const ltb = new TableBuilder(lineCount, { cat: ['order', 'rep', ...customerCols, 'sku', 'category', 'kind', ...enumCols], num: ['tier', 'qty', 'price', 'discount', 'net', 'gross'], time: ['date', 'customer_first_order'] }, (f) => keep('order_lines', f), true);
  const [ot, lt] = [otb.table, ltb.table];
  const products = data.products.records;
  const skuInfo = { category: new Int32Array(products.length), tier: new Float64Array(products.length) };
  const codeOfSku = new Int32Array(products.length).fill(-1);
  const skuCode = (row: number) => {
    if (codeOfSku[row]! >= 0) return codeOfSku[row]!;
    const p = products[row]!;
    const code = (codeOfSku[row] = v('sku').code(p.sku));
    skuInfo.category[code] = v('category').code(p.category);
    skuInfo.tier[code] = p.tier;
    return code;
  };
  const kindCodes = codesOf('kind', LINE_KIND_CODES);
  const orderHashes = new Float64Array(orderCount);
  let oi = 0;
  let li = 0;
  const o = { order: ot.cat.order!, rep: ot.cat.rep!, epoch: ot.time.date!.epoch, month: ot.time.date!.month, net: ot.num.net!, gross: ot.num.gross!, units: ot.num.units!, lines: ot.num.lines! };
  const l = { sku: lt.cat.sku!, category: lt.cat.category!, tier: lt.num.tier!, kind: lt.cat.kind! };
  const ln = { qty: lt.num.qty!, price: lt.num.price!, discount: lt.num.discount!, net: lt.num.net!, gross: lt.num.gross! };
  /** Each enum field: its codes by value index, and its column in orders (expandInt copies it onto the lines). */
  const enums = orderEnums.map((f) => ({ name: f.name, codes: codesOf(f.name, f.values), order: ot.cat[f.name]! }));
  const orderOf = new Int32Array(lineCount);
  const customerColumns = { customer: [ot.cat.customer!, lt.cat.customer!], region: [ot.cat.region!, lt.cat.region!], segment: [ot.cat.segment!, lt.cat.segment!], owner: [ot.cat.owner!, lt.cat.owner!], firstEpoch: [ot.time.customer_first_order!.epoch, lt.time.customer_first_order!.epoch], firstMonth: [ot.time.customer_first_order!.month, lt.time.customer_first_order!.month] };
  for (const [k, ch] of data.orders.entries()) {
    const links = data.links.orders[k]!;
    orderHashes.set(ch.idHash, oi);
    const rows = { rep: byRow(repCodes, links.rep), customer: new Int32Array(links.customer.length).fill(-1), customerRows: links.customer, sku: new Int32Array(links.sku.length).fill(-1), skuRows: links.sku };
    const enumSources = enums.map((e) => ch.enums[e.name]!);
    [oi, li] = writeOrders(ch, parseMonth(ch.month), oi, li, rows, { customerCode, skuCode, midnight, cust, skuInfo, kindCodes }, o, l, ln, customerColumns, enums, enumSources, orderOf);
  }
  // The order's fields on its lines (see expandInt).
  for (const f of onLines.cat) expandInt(lt.cat[f]!, ot.cat[f]!, orderOf);
  for (const f of onLines.time) {
    expandFloat(lt.time[f]!.epoch, ot.time[f]!.epoch, orderOf);
    expandInt(lt.time[f]!.month, ot.time[f]!.month, orderOf);
  }
  // Built for the lines only: not part of orders.
  for (const f of shared) if (!keep('orders', f)) (delete ot.cat[f], delete ot.time[f]);

  release('orders');

  // Leads: their code is their row.
  const leadCount = data.leads.reduce((n, ch) => n + ch.length, 0);
  const leadIds = leadKeys(data.leads);
  const regionCodes = seeded('region', data.company.regions.map((r) => r.id));
  const sourceCodes = seeded('source', data.company.lead_sources.map((r) => r.id));
  const segmentCodes = seeded('segment', data.company.segments.map((r) => r.id));
  const leadRegion = new Int32Array(leadCount);
  const leadSource = new Int32Array(leadCount);
  const leadSegment = new Int32Array(leadCount);
  const leadRep = new Int32Array(leadCount);
  const created = new Float64Array(leadCount);
  {
    let row = 0;
    for (const [k, ch] of data.leads.entries()) {
      const links = data.links.leads[k]!;
      const [region, source, segment] = [byRow(regionCodes, links.region), byRow(sourceCodes, links.source), byRow(segmentCodes, links.segment)];
      const rep = byRow(repCodes, links.rep);
      for (let i = 0; i < ch.length; i++, row++) {
        leadRep[row] = rep[ch.rep[i]!]!;
        leadRegion[row] = region[ch.region[i]!]!;
        leadSource[row] = source[ch.source[i]!]!;
        leadSegment[row] = ch.segment[i]! < 0 ? -1 : segment[ch.segment[i]!]!;
        created[row] = ch.created[i]!;
      }
    }
  }

  // Activities as global rows: what the lead-level derivations need.
  const activityCount = data.activities.reduce((n, ch) => n + ch.length, 0);
  const act: ActivityRows = { lead: new Int32Array(activityCount), at: new Float64Array(activityCount), day: new Int32Array(activityCount), type: new Uint8Array(activityCount), idRank: new Int32Array(activityCount), customer: new Int32Array(activityCount) };
  {
    let row = 0;
    for (const [k, ch] of data.activities.entries()) {
      const { lead, customer } = data.links.activities[k]!;
      for (let i = 0; i < ch.length; i++, row++) {
        act.lead[row] = ch.lead[i]! < 0 ? -1 : lead[ch.lead[i]!]!;
        act.at[row] = ch.at[i]!;
        act.day[row] = ch.day[i]!;
        act.type[row] = ch.type[i]!;
        act.idRank[row] = ch.idRank[i]!;
        act.customer[row] = ch.customer[i]! < 0 ? -1 : customer[ch.customer[i]!]!;
      }
    }
  }
  const story = leadStories(act, leadCount);
  const { leadOpen, leadDay, hoursSincePreviousTouch: gap } = story.activities;
  // The end of the data: midnight (company time) after the last day of its last month, the same
  // "as of" the engine uses (compute-kpis asOf).
  const lastMonth = months.length ? parseMonth(months[months.length - 1]!) : null;
  const endOfData = lastMonth === null ? NaN : midnight.of(daysFromCivil(Math.floor((lastMonth + 1) / 12), ((lastMonth + 1) % 12) + 1, 1));

  const leadsBuilder = new TableBuilder(leadCount, {
    cat: ['lead', 'rep', 'region', 'source', 'segment', 'status', 'customer'],
    num: ['first_contact_hours', 'first_touch_hours', 'age_hours', 'days_to_win', 'days_first_contact_to_win'],
    time: ['created', 'first_contact_at', 'first_touch_at', 'won_at', 'lost_at', 'closed_at'],
  }, (f) => keep('leads', f));
  const leads = leadsBuilder.table;
  const status = codesOf('status', ['open', 'won', 'lost']);
  {
    let row = 0;
    for (const [k, ch] of data.leads.entries()) {
      const rep = byRow(repCodes, data.links.leads[k]!.rep);
      for (let i = 0; i < ch.length; i++, row++) {
        const t = created[row]!;
        leads.cat.lead![row] = row;
        leads.cat.rep![row] = rep[ch.rep[i]!]!;
        leads.cat.region![row] = leadRegion[row]!;
        leads.cat.source![row] = leadSource[row]!;
        leads.cat.segment![row] = leadSegment[row]!;
        setEpoch(leads.time.created!, row, t);
        const won = story.leads.wonAt[row]!;
        const lost = story.leads.lostAt[row]!;
        const first = story.leads.firstActivityAt[row]!;
        const touch = story.leads.firstTouchAt[row]!;
        if (!Number.isNaN(endOfData)) leads.num.age_hours![row] = (endOfData - t) / HOUR;
        if (!Number.isNaN(touch)) {
          setEpoch(leads.time.first_touch_at!, row, touch);
          leads.num.first_touch_hours![row] = (touch - t) / HOUR;
        }
        leads.cat.status![row] = !Number.isNaN(won) ? status[1]! : !Number.isNaN(lost) ? status[2]! : status[0]!;
        if (!Number.isNaN(first)) {
          setEpoch(leads.time.first_contact_at!, row, first);
          leads.num.first_contact_hours![row] = (first - t) / HOUR;
          const customer = story.leads.wonCustomer[row]!;
          if (customer >= 0) leads.cat.customer![row] = customerCode(customer);
        }
        setEpoch(leads.time.won_at!, row, won);
        setEpoch(leads.time.lost_at!, row, lost);
        setEpoch(leads.time.closed_at!, row, Number.isNaN(won) ? lost : won);
        if (!Number.isNaN(won)) {
          leads.num.days_to_win![row] = (won - t) / DAY;
          leads.num.days_first_contact_to_win![row] = (won - first) / DAY;
        }
      }
    }
  }

  const activitiesBuilder = new TableBuilder(activityCount, {
    cat: ['activity', 'type', 'touch', 'rep', 'lead', 'lead_rep', 'lead_day', 'customer', 'region', 'source', 'segment', 'lead_open', 'lost_reason'],
    num: ['hours_since_previous_touch'],
    time: ['at'],
  }, (f) => keep('activities', f));
  const activities = activitiesBuilder.table;
  const typeCodes = codesOf('type', ACTIVITY_TYPE_CODES);
  const [yes, no] = codesOf('lead_open', ['yes', 'no']);
  const [touchYes, touchNo] = codesOf('touch', ['yes', 'no']);
  const touchOf = Uint8Array.from(ACTIVITY_TYPE_CODES, (_, k) => (TOUCHES.has(k) ? 1 : 0));
  const reasonCodes = seeded('lost_reason', data.company.lost_reasons.map((r) => r.id));
  const [unspecified] = codesOf('lost_reason', [UNSPECIFIED_REASON]);
  const activityHashes = new Float64Array(activityCount);
  {
    const a = { activity: activities.cat.activity!, type: activities.cat.type!, touch: activities.cat.touch!, rep: activities.cat.rep!, epoch: activities.time.at!.epoch, month: activities.time.at!.month, lead: activities.cat.lead!, leadRep: activities.cat.lead_rep!, leadDay: activities.cat.lead_day!, customer: activities.cat.customer! };
    const b = { region: activities.cat.region!, source: activities.cat.source!, segment: activities.cat.segment!, open: activities.cat.lead_open!, gap: activities.num.hours_since_previous_touch!, reason: activities.cat.lost_reason! };
    let row = 0;
    for (const [k, ch] of data.activities.entries()) {
      const links = data.links.activities[k]!;
      const rep = byRow(repCodes, links.rep);
      const reason = byRow(reasonCodes, links.reason);
      const customer = lazyCodes(links.customer, customerCode);
      const month = parseMonth(ch.month);
      activityHashes.set(ch.idHash, row);
      for (let i = 0; i < ch.length; i++, row++) {
        a.activity[row] = row;
        a.type[row] = typeCodes[ch.type[i]!]!;
        a.touch[row] = touchOf[ch.type[i]!] ? touchYes! : touchNo!;
        a.rep[row] = rep[ch.rep[i]!]!;
        a.epoch[row] = ch.at[i]!;
        a.month[row] = month;
        const lead = act.lead[row]!;
        const c = customer(ch.customer[i]!);
        if (lead >= 0) {
          a.lead[row] = lead;
          if (leadRep[lead]! >= 0) a.leadRep[row] = leadRep[lead]!;
          a.leadDay[row] = leadDay[row]!;
        }
        if (c >= 0) a.customer[row] = c;
        const region = lead >= 0 ? leadRegion[lead]! : c >= 0 ? cust.region[c]! : -1;
        if (region >= 0) b.region[row] = region;
        if (lead >= 0) b.source[row] = leadSource[lead]!;
        const segment = lead >= 0 && leadSegment[lead]! >= 0 ? leadSegment[lead]! : c >= 0 ? cust.segment[c]! : -1;
        if (segment >= 0) b.segment[row] = segment;
        if (lead >= 0) b.open[row] = leadOpen[row] ? yes! : no!;
        if (!Number.isNaN(gap[row]!)) b.gap[row] = gap[row]!;
        if (ch.type[i] === LOST) b.reason[row] = ch.reason[i]! < 0 ? unspecified! : reason[ch.reason[i]!]!;
      }
    }
  }

  release('activities');
  release('leads');
  const stb = new TableBuilder(data.surveys.reduce((n, ch) => n + ch.length, 0), { cat: customerCols, num: ['score'], time: ['date', 'customer_first_order'] }, (f) => keep('surveys', f));
  const st = stb.table;
  const surveyCustomer = customerFiller(st);
  {
    let row = 0;
    for (const [k, ch] of data.surveys.entries()) {
      const customer = lazyCodes(data.links.surveys[k]!.customer, customerCode);
      const month = parseMonth(ch.month);
      for (let i = 0; i < ch.length; i++, row++) {
        st.time.date!.epoch[row] = midnight.of(ch.day[i]!);
        st.time.date!.month[row] = month;
        surveyCustomer(row, customer(ch.customer[i]!), ch.day[i]!);
        st.num.score![row] = ch.score[i]!;
      }
    }
  }

  release('surveys');
  const toIndex = (m: string | undefined) => (m ? parseMonth(m) : null);
  return {
    tables: { orders: otb.finish(), order_lines: ltb.finish(), leads: leadsBuilder.finish(), activities: activitiesBuilder.finish(), surveys: stb.finish() },
    vocabularies: { ...vocab, order: new RowIds(orderHashes), activity: new RowIds(activityHashes), lead: new RowIds(leadIds.hashes, leadIds.checks) },
    firstMonth: toIndex(months[0]),
    lastMonth: toIndex(months[months.length - 1]),
    timezone: tz,
  };
}

type Cols<T> = Record<string, T>;

/**
 * One month chunk's orders into the orders table from row `oi` and their lines' own fields into
 * order_lines from row `li`; returns the next rows. An order's fields on its lines are copied
 * after the last chunk (expandInt, expandFloat). The hot loops of the dataset: small, every
 * column a local and no chunk object read inside a loop, so that they are optimised early and
 * stay so whatever the chunk. Customer and SKU codes are handed out first, as before: by
 * `customerCode` and `skuCode`, in record order.
 */
function writeOrders(
  ch: ValidData['orders'][number],
  month: number,
  oi: number,
  li: number,
  rows: { rep: Int32Array; customer: Int32Array; customerRows: Int32Array; sku: Int32Array; skuRows: Int32Array },
  ctx: { customerCode: (row: number) => number; skuCode: (row: number) => number; midnight: Midnights; cust: Customers; skuInfo: { category: Int32Array; tier: Float64Array }; kindCodes: Int32Array },
  o: Cols<Int32Array | Float64Array>,
  l: Cols<Int32Array | Float64Array>,
  ln: Cols<Float64Array>,
  cc: Record<'customer' | 'region' | 'segment' | 'owner' | 'firstMonth', Int32Array[]> & { firstEpoch: Float64Array[] },
  enums: { codes: Int32Array; order: Int32Array }[],
  enumSources: Uint8Array[],
  orderOf: Int32Array,
): [number, number] {
  const { customerCode, skuCode, midnight, cust, skuInfo, kindCodes } = ctx;
  const { rep, customer, customerRows, sku, skuRows } = rows;
  const { day, lineStart, qty, price, discount, lineKind } = ch;
  const { customer: customers, sku: skus, rep: reps } = ch;
  const n = ch.length;
  const lines = skus.length;
  // Codes handed out first, in record order (customers by order, SKUs by line).
  handOut(n, customers, customer, customerRows, customerCode);
  handOut(lines, skus, sku, skuRows, skuCode);
  const epochs = midnights(n, day, midnight);
  orderRows(n, oi, li, month, lineStart, day, reps, rep, customers, customer, epochs, cust, o, cc);
  lineRows(n, li, lineStart, qty, price, discount, o.net as Float64Array, o.gross as Float64Array, o.units as Float64Array, oi, ln.qty!, ln.price!, ln.discount!, ln.net!, ln.gross!, orderOf);
  productRows(lines, li, skus, sku, lineKind, skuInfo.category, skuInfo.tier, kindCodes, l.sku as Int32Array, l.category as Int32Array, l.tier as Float64Array, l.kind as Int32Array);
  for (let e = 0; e < enums.length; e++) enumRows(n, oi, enumSources[e]!, enums[e]!.codes, enums[e]!.order);
  return [oi + n, li + lines];
}

/** Global codes for a chunk's local ones (`code[local]`, -1 until met), handed out by `give` in row order. */
function handOut(n: number, locals: Int32Array, code: Int32Array, rows: Int32Array, give: (row: number) => number): void {
  for (let i = 0; i < n; i++) {
    const local = locals[i]!;
    if (local >= 0 && code[local]! < 0) code[local] = give(rows[local]!);
  }
}

/** Local midnight of each row's day (days repeat in runs). */
function midnights(n: number, day: Int32Array, midnight: Midnights): Float64Array {
  const epochs = new Float64Array(n);
  let lastDay = NaN;
  let epoch = NaN;
  for (let i = 0; i < n; i++) {
    const d = day[i]!;
    if (d !== lastDay) epoch = midnight.of((lastDay = d));
    epochs[i] = epoch;
  }
  return epochs;
}

/** An enum field's codes by order from the chunk's value indexes. */
function enumRows(n: number, oi: number, values: Uint8Array, codes: Int32Array, order: Int32Array): void {
  for (let i = 0; i < n; i++) order[oi + i] = values[i]! === ABSENT ? -1 : codes[values[i]!]!;
}

/** The orders' own columns. */
function orderRows(
  n: number,
  oi: number,
  li: number,
  month: number,
  lineStart: Int32Array,
  day: Int32Array,
  reps: Int32Array,
  rep: Int32Array,
  customers: Int32Array,
  customer: Int32Array,
  epochs: Float64Array,
  cust: Customers,
  o: Cols<Int32Array | Float64Array>,
  cc: Record<'customer' | 'region' | 'segment' | 'owner' | 'firstMonth', Int32Array[]> & { firstEpoch: Float64Array[] },
): void {
  const [oOrder, oRep, oMonth, oEpoch, oLines] = [o.order as Int32Array, o.rep as Int32Array, o.month as Int32Array, o.epoch as Float64Array, o.lines as Float64Array];
  const [oCustomer, oRegion, oSegment, oOwner, oFirstEpoch, oFirstMonth] = [cc.customer[0]!, cc.region[0]!, cc.segment[0]!, cc.owner[0]!, cc.firstEpoch[0]!, cc.firstMonth[0]!];
  const { region: custRegion, segment: custSegment, owner: custOwner, firstEpoch: custFirstEpoch, firstMonth: custFirstMonth } = cust;
  for (let i = 0; i < n; i++) {
    const row = oi + i;
    const local = customers[i]!;
    const c = local < 0 ? -1 : customer[local]!;
    const fixed = custOwner[c]!;
    oOrder[row] = row;
    oRep[row] = rep[reps[i]!]!;
    oEpoch[row] = epochs[i]!;
    oMonth[row] = month;
    oCustomer[row] = c;
    oRegion[row] = custRegion[c]!;
    oSegment[row] = custSegment[c]!;
    oOwner[row] = fixed === HISTORY ? ownerCode(cust.owners[c]!, day[i]!) : fixed;
    oFirstEpoch[row] = custFirstEpoch[c]!;
    oFirstMonth[row] = custFirstMonth[c]!;
    oLines[row] = lineStart[i + 1]! - lineStart[i]!;
  }
}

/** The lines' amounts and order rows (`orderOf`), and each order's sums over its lines. */
function lineRows(
  n: number,
  li: number,
  lineStart: Int32Array,
  qtys: Float64Array,
  prices: Float64Array,
  discounts: Float64Array,
  oNet: Float64Array,
  oGross: Float64Array,
  oUnits: Float64Array,
  oi: number,
  lQty: Float64Array,
  lPrice: Float64Array,
  lDiscount: Float64Array,
  lNet: Float64Array,
  lGross: Float64Array,
  orderOf: Int32Array,
): void {
  for (let i = 0; i < n; i++) {
    let net = 0;
    let gross = 0;
    let units = 0;
    const end = lineStart[i + 1]!;
    for (let k = lineStart[i]!; k < end; k++) {
      const q = qtys[k]!;
      const price = prices[k]!;
      const discount = discounts[k]!;
      const g = q * price;
      const v = g * (1 - discount);
      net += v;
      gross += g;
      units += q;
      lQty[li + k] = q;
      lPrice[li + k] = price;
      lDiscount[li + k] = discount;
      lNet[li + k] = v;
      lGross[li + k] = g;
      orderOf[li + k] = oi + i;
    }
    oNet[oi + i] = net;
    oGross[oi + i] = gross;
    oUnits[oi + i] = units;
  }
}

/** The lines' product fields. */
function productRows(
  lines: number,
  li: number,
  skus: Int32Array,
  sku: Int32Array,
  lineKind: Uint8Array,
  skuCategory: Int32Array,
  skuTier: Float64Array,
  kindCodes: Int32Array,
  lSku: Int32Array,
  lCategory: Int32Array,
  lTier: Float64Array,
  lKind: Int32Array,
): void {
  for (let k = 0; k < lines; k++) {
    const s = sku[skus[k]!]!;
    lSku[li + k] = s;
    lCategory[li + k] = skuCategory[s]!;
    lTier[li + k] = skuTier[s]!;
    lKind[li + k] = kindCodes[lineKind[k]!]!;
  }
}

/**
 * An order's value on each of its lines: the line table carries the order's own fields so that
 * a scan of lines (sales by region, by owner) reads one table and joins nothing. `orderOf`: each
 * line's order row. A column not kept (empty) is skipped. One function per element type, so each
 * loop sees one kind of array.
 */
function expandInt(line: Int32Array, order: Int32Array, orderOf: Int32Array): void {
  if (line.length === 0) return;
  for (let k = 0; k < orderOf.length; k++) line[k] = order[orderOf[k]!]!;
}

function expandFloat(line: Float64Array, order: Float64Array, orderOf: Int32Array): void {
  if (line.length === 0) return;
  for (let k = 0; k < orderOf.length; k++) line[k] = order[orderOf[k]!]!;
}

/** An account's ownership history as rep codes and first days (-Infinity: since always). */
interface Owners {
  rep: Int32Array;
  from: Float64Array;
}

/** What a customer code carries onto the rows that name it, by code. */
interface Customers {
  region: Int32Array;
  segment: Int32Array;
  /** The owner's rep code when it is one for every day (-1: none), else HISTORY: see `owners`. */
  owner: Int32Array;
  owners: Owners[];
  firstEpoch: Float64Array;
  firstMonth: Int32Array;
}

/** In Customers.owner: the owner changes over time. */
const HISTORY = -2;

/** The rep code owning a customer's account on a day. */
function ownerOn(cust: Customers, code: number, day: number): number {
  const fixed = cust.owner[code]!;
  return fixed === HISTORY ? ownerCode(cust.owners[code]!, day) : fixed;
}

/**
 * The rep code owning the account on a day: the last entry from on or before it; -1 (no owner)
 * before the first entry of a history with no "since always" (schema/customers.ts ownerOn).
 */
function ownerCode(o: Owners, day: number): number {
  for (let i = o.from.length - 1; i >= 0; i--) if (o.from[i]! <= day) return o.rep[i]!;
  return -1;
}
