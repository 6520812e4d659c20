/**
 * A KPI formula read aloud: the definition in kpis/<id>.yaml as one plain sentence, in Indonesian
 * or English, for the KPI's page ("Sum of net value over order lines where kind is cross-sell or
 * up-sell, by order date"). Pure; generated from the definition, so it never drifts from what is
 * computed. Names it does not know (a field added later) are shown as written.
 */
import type { Lang } from '../i18n/format-value.ts';
import { DATASETS, type DatasetName } from '../dataset/fields.ts';
import type { Condition, Filter, Formula } from '../kpi/schema.ts';

type Words = Record<Lang, string>;

/** Datasets as plural nouns. */
const DATASET_WORDS: Record<string, Words> = {
  orders: { id: 'pesanan', en: 'orders' },
  order_lines: { id: 'baris pesanan', en: 'order lines' },
  leads: { id: 'prospek', en: 'leads' },
  activities: { id: 'aktivitas', en: 'activities' },
  surveys: { id: 'jawaban survei', en: 'survey responses' },
};

/** Fields as nouns; `many` is the English plural, for "number of distinct leads". */
const FIELD_WORDS: Record<string, Words & { many?: string }> = {
  order: { id: 'pesanan', en: 'order', many: 'orders' },
  customer: { id: 'pelanggan', en: 'customer', many: 'customers' },
  region: { id: 'wilayah', en: 'region', many: 'regions' },
  segment: { id: 'segmen', en: 'segment', many: 'segments' },
  owner: { id: 'pemilik akun', en: 'account owner', many: 'account owners' },
  customer_first_order: { id: 'pesanan pertama pelanggan', en: "the customer's first order" },
  net: { id: 'nilai bersih', en: 'net value' },
  gross: { id: 'nilai kotor', en: 'gross value' },
  units: { id: 'unit', en: 'units' },
  lines: { id: 'jumlah baris', en: 'number of lines' },
  sku: { id: 'produk', en: 'product', many: 'products' },
  category: { id: 'kategori produk', en: 'product category', many: 'product categories' },
  tier: { id: 'tingkat produk', en: 'product tier' },
  kind: { id: 'jenis', en: 'kind' },
  channel: { id: 'saluran', en: 'channel', many: 'channels' },
  qty: { id: 'kuantitas', en: 'quantity' },
  price: { id: 'harga satuan', en: 'unit price' },
  discount: { id: 'diskon', en: 'discount' },
  lead: { id: 'prospek', en: 'lead', many: 'leads' },
  rep: { id: 'sales rep', en: 'sales rep', many: 'sales reps' },
  source: { id: 'sumber', en: 'source', many: 'sources' },
  lost_reason: { id: 'alasan kalah', en: 'lost reason', many: 'lost reasons' },
  status: { id: 'status', en: 'status' },
  first_contact_at: { id: 'waktu kontak pertama', en: 'first contact time' },
  won_at: { id: 'waktu dimenangkan', en: 'win date' },
  lost_at: { id: 'waktu kalah', en: 'loss date' },
  closed_at: { id: 'waktu ditutup', en: 'close date' },
  created: { id: 'waktu prospek dibuat', en: 'creation time' },
  first_contact_hours: { id: 'jam sampai kontak pertama', en: 'hours to first contact' },
  first_touch_at: { id: 'waktu sentuhan pertama', en: 'first touch time' },
  first_touch_hours: { id: 'jam sampai sentuhan pertama', en: 'hours to first touch' },
  age_hours: { id: 'jam sejak dibuat sampai akhir data', en: 'hours from creation to the end of the data' },
  days_to_win: { id: 'jumlah hari sejak dibuat sampai dimenangkan', en: 'days from creation to win' },
  days_first_contact_to_win: { id: 'jumlah hari sejak kontak pertama sampai dimenangkan', en: 'days from first contact to win' },
  activity: { id: 'aktivitas', en: 'activity', many: 'activities' },
  at: { id: 'waktu aktivitas', en: 'activity time' },
  type: { id: 'jenis', en: 'type' },
  lead_open: { id: 'prospek masih terbuka', en: 'lead still open' },
  touch: { id: 'sentuhan (kontak, follow-up, pertemuan atau menang)', en: 'touch (contact, follow-up, meeting or won)' },
  lead_rep: { id: 'rep prospek', en: "the lead's rep", many: "the leads' reps" },
  lead_day: { id: 'pasangan prospek dan hari', en: 'lead and day', many: 'lead-days (a lead on one day)' },
  hours_since_previous_touch: { id: 'jam sejak kontak sebelumnya', en: 'hours since the previous touch' },
  score: { id: 'skor', en: 'score' },
};

/** `date` means the order date on orders and lines, the response date on surveys. */
const DATE_WORDS: Record<string, Words> = {
  orders: { id: 'tanggal pesanan', en: 'order date' },
  order_lines: { id: 'tanggal pesanan', en: 'order date' },
  surveys: { id: 'tanggal jawaban', en: 'response date' },
};

const W = {
  id: {
    count: (d: string) => `jumlah ${d}`,
    countKnown: (f: string, d: string) => `jumlah ${d} dengan ${f} terisi`,
    countDistinct: (f: string, d: string) => `jumlah ${f} berbeda pada ${d}`,
    sum: (f: string, d: string) => `total ${f} dari ${d}`,
    avg: (f: string, d: string) => `rata-rata ${f} pada ${d}`,
    median: (f: string, d: string) => `median ${f} pada ${d}`,
    percentile: (p: string, f: string, d: string) => `persentil ke-${p} ${f} pada ${d}`,
    min: (f: string, d: string) => `nilai terkecil ${f} pada ${d}`,
    max: (f: string, d: string) => `nilai terbesar ${f} pada ${d}`,
    where: (c: string) => ` dengan ${c}`,
    shareRows: (d: string, c: string) => `bagian ${d} dengan ${c}`,
    shareField: (f: string, d: string, c: string, base: string | null) => `${f} ${d} dengan ${c}, dalam persen dari ${f} ${base === null ? `seluruh ${d}` : `${d} dengan ${base}`}`,
    within: (c: string) => `, di antara yang ${c}`,
    placed: (t: string) => `, menurut ${t}`,
    ratio: (a: string, b: string) => `${a}, dibagi ${b}`,
    growth: (x: string, vs: string) => `perubahan ${x} dibanding ${vs}, dalam persen dari ${vs}`,
    previousPeriod: 'periode sebelumnya',
    lastYear: 'periode yang sama tahun lalu',
    perWorkingDayCompany: (x: string) => `${x}, dibagi hari kerja perusahaan pada periode itu`,
    perWorkingDayRep: (x: string, f: string) => `${x}, dihitung per ${f} dan dibagi hari kerja masing-masing pada periode itu; angka total adalah jumlah semua rep dibagi jumlah hari kerja mereka`,
    perRep: (x: string, f: string) => `${x}, dihitung per ${f}; angka total adalah rata-rata per rep yang bekerja pada periode itu`,
    retention: (e: string, d: string, n: string) => `dari ${e} yang aktif saat periode dimulai (punya ${d} dalam ${n} hari sebelumnya), bagian yang masih aktif saat periode berakhir (punya ${d} dalam ${n} hari sebelum akhir periode)`,
    kpi: (title: string) => title,
    sameAs: (title: string) => `sama dengan ${title}`,
    and: ' dan ',
    or: ' atau ',
    list: (items: string[]) => orList(items, ' atau '),
    anyOf: (items: string[]) => `(${items.join(' atau ')})`,
    not: (c: string) => `bukan (${c})`,
    eq: (f: string, v: string) => `${f} ${v}`,
    ne: (f: string, v: string) => `${f} bukan ${v}`,
    in: (f: string, v: string) => `${f} ${v}`,
    notIn: (f: string, v: string) => `${f} bukan ${v}`,
    lt: (f: string, v: string) => `${f} kurang dari ${v}`,
    lte: (f: string, v: string) => `${f} paling banyak ${v}`,
    gt: (f: string, v: string) => `${f} lebih dari ${v}`,
    gte: (f: string, v: string) => `${f} paling sedikit ${v}`,
    exists: (f: string) => `${f} terisi`,
    missing: (f: string) => `${f} kosong`,
    period: { in: (f: string) => `${f} jatuh pada periode itu`, before: (f: string) => `${f} sebelum periode itu`, after: (f: string) => `${f} setelah periode itu` },
    yes: 'ya',
    no: 'tidak',
  },
  en: {
    count: (d: string) => `number of ${d}`,
    countKnown: (f: string, d: string) => `number of ${d} with a known ${f}`,
    countDistinct: (f: string, d: string) => `number of distinct ${f} among ${d}`,
    sum: (f: string, d: string) => `sum of ${f} over ${d}`,
    avg: (f: string, d: string) => `average ${f} over ${d}`,
    median: (f: string, d: string) => `median ${f} over ${d}`,
    percentile: (p: string, f: string, d: string) => `${p}th percentile of ${f} over ${d}`,
    min: (f: string, d: string) => `smallest ${f} over ${d}`,
    max: (f: string, d: string) => `largest ${f} over ${d}`,
    where: (c: string) => ` where ${c}`,
    shareRows: (d: string, c: string) => `share of ${d} where ${c}`,
    shareField: (f: string, d: string, c: string, base: string | null) => `${f} of ${d} where ${c}, as a share of the ${f} of ${base === null ? `all ${d}` : `the ${d} where ${base}`}`,
    within: (c: string) => `, among those where ${c}`,
    placed: (t: string) => `, by ${t}`,
    ratio: (a: string, b: string) => `${a}, divided by ${b}`,
    growth: (x: string, vs: string) => `change in ${x} against ${vs}, as a share of ${vs}`,
    previousPeriod: 'the previous period',
    lastYear: 'the same period last year',
    perWorkingDayCompany: (x: string) => `${x}, divided by the company's working days in the period`,
    perWorkingDayRep: (x: string, f: string) => `${x}, counted per ${f} and divided by their own working days in the period; the total is the sum over reps divided by all their working days`,
    perRep: (x: string, f: string) => `${x}, counted per ${f}; the total is the average per rep employed in the period`,
    retention: (e: string, d: string, n: string) => `of the ${e} active at the start of the period (with ${d} in the ${n} days before it), the share still active at its end (with ${d} in the ${n} days before the end)`,
    kpi: (title: string) => title,
    sameAs: (title: string) => `the same as ${title}`,
    and: ' and ',
    or: ' or ',
    list: (items: string[]) => orList(items, ' or '),
    anyOf: (items: string[]) => `(${items.join(' or ')})`,
    not: (c: string) => `not (${c})`,
    eq: (f: string, v: string) => `${f} is ${v}`,
    ne: (f: string, v: string) => `${f} is not ${v}`,
    in: (f: string, v: string) => `${f} is ${v}`,
    notIn: (f: string, v: string) => `${f} is neither ${v.replace(/ or (?=[^ ]+$)/, ' nor ')}`,
    lt: (f: string, v: string) => `${f} is less than ${v}`,
    lte: (f: string, v: string) => `${f} is at most ${v}`,
    gt: (f: string, v: string) => `${f} is more than ${v}`,
    gte: (f: string, v: string) => `${f} is at least ${v}`,
    exists: (f: string) => `${f} is known`,
    missing: (f: string) => `${f} is not known`,
    period: { in: (f: string) => `${f} falls in the period`, before: (f: string) => `${f} is before the period`, after: (f: string) => `${f} is after the period` },
    yes: 'yes',
    no: 'no',
  },
} satisfies Record<Lang, unknown>;

type Phrases = (typeof W)['id'];

function orList(items: string[], or: string): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')}${or}${items[items.length - 1]}`;
}

const NUMBER: Record<Lang, Intl.NumberFormat> = {
  id: new Intl.NumberFormat('id-ID', { maximumFractionDigits: 6 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 }),
};

export interface DescribeOptions {
  /** Another KPI's title, for `{ kpi: <id> }` (default: the id). */
  kpiTitle?: (id: string) => string | undefined;
}

/** The formula as one sentence, starting with a capital letter, without a final full stop. */
export function describeFormula(formula: Formula, lang: Lang, opts: DescribeOptions = {}): string {
  const placements = new Set<string>();
  collectPlacements(formula, lang, placements);
  // One placement for the whole formula is said once, at the end; several are said per part.
  const once = placements.size === 1;
  const w = W[lang] as Phrases;
  const tail = once ? w.placed([...placements][0]!) : '';
  const ctx: Ctx = { lang, w, opts, inline: !once };
  if (formula.op === 'kpi') return capitalise(w.sameAs(kpiName(formula.id, ctx)));
  // A per-rep or per-day wrapper ends in a clause of its own: the placement goes with what it wraps.
  if (formula.op === 'per_rep' || formula.op === 'per_working_day') return capitalise(node(formula, { ...ctx, ofTail: tail }));
  return capitalise(node(formula, ctx) + tail);
}

interface Ctx {
  lang: Lang;
  w: Phrases;
  opts: DescribeOptions;
  /** Say each aggregation's placement right after it. */
  inline: boolean;
  /** Said right after the operand of a per-rep or per-day wrapper. */
  ofTail?: string;
}

function node(f: Formula, ctx: Ctx): string {
  const { w } = ctx;
  switch (f.op) {
    case 'ratio':
      return w.ratio(node(f.numerator, ctx), node(f.denominator, ctx));
    case 'growth':
      return w.growth(node(f.of, ctx), f.vs === 'same-period-last-year' ? w.lastYear : w.previousPeriod);
    case 'per_working_day':
    case 'per_rep': {
      const { ofTail = '', ...inner } = ctx;
      const of = node(f.of, inner) + ofTail;
      const rep = fieldWord(f.field, undefined, ctx.lang);
      return f.op === 'per_rep' ? w.perRep(of, rep) : f.per === 'rep' ? w.perWorkingDayRep(of, rep) : w.perWorkingDayCompany(of);
    }
    case 'kpi':
      return w.kpi(kpiName(f.id, ctx));
    case 'retention': {
      const { of, entity, at, window_days } = f.spec;
      return w.retention(fieldWord(entity, of, ctx.lang, true), datasetWord(of, ctx.lang), NUMBER[ctx.lang].format(window_days)) + inlinePlacement(of, at, ctx);
    }
    case 'share': {
      const { of, where, within, field, at } = f.spec;
      const d = datasetWord(of, ctx.lang);
      const c = filterText(where, of, ctx);
      const base = within && Object.keys(within).length ? filterText(within, of, ctx) : null;
      const text = field ? w.shareField(fieldWord(field, of, ctx.lang), d, c, base) : w.shareRows(d, c) + (base === null ? '' : w.within(base));
      return text + inlinePlacement(of, at, ctx);
    }
    default: {
      const { of, field, where, at, p } = f.spec;
      const d = datasetWord(of, ctx.lang);
      const fw = field ? fieldWord(field, of, ctx.lang) : '';
      let text: string;
      switch (f.op) {
        case 'count':
          text = field ? w.countKnown(fw, d) : w.count(d);
          break;
        case 'count_distinct':
          text = w.countDistinct(field ? fieldWord(field, of, ctx.lang, true) : d, d);
          break;
        case 'percentile':
          text = w.percentile(NUMBER[ctx.lang].format((p ?? 0.5) * 100), fw, d);
          break;
        default:
          text = w[f.op](fw, d);
      }
      const cond = where && Object.keys(where).length ? w.where(filterText(where, of, ctx)) : '';
      return text + cond + inlinePlacement(of, at, ctx);
    }
  }
}

function inlinePlacement(of: string, at: string | undefined, ctx: Ctx): string {
  return ctx.inline ? ctx.w.placed(placementWord(of, at, ctx.lang)) : '';
}

/** The time field that places rows of `of` in a period, in words. */
function placementWord(of: string, at: string | undefined, lang: Lang): string {
  const field = at ?? DATASETS[of as DatasetName]?.placedBy ?? 'date';
  return fieldWord(field, of, lang);
}

function collectPlacements(f: Formula, lang: Lang, out: Set<string>): void {
  switch (f.op) {
    case 'ratio':
      collectPlacements(f.numerator, lang, out);
      collectPlacements(f.denominator, lang, out);
      return;
    case 'growth':
    case 'per_working_day':
    case 'per_rep':
      collectPlacements(f.of, lang, out);
      return;
    case 'kpi':
      return;
    default:
      out.add(placementWord(f.spec.of, f.spec.at, lang));
  }
}

function kpiName(id: string, ctx: Ctx): string {
  return ctx.opts.kpiTitle?.(id) ?? id;
}

function datasetWord(of: string, lang: Lang): string {
  return DATASET_WORDS[of]?.[lang] ?? of;
}

function fieldWord(field: string, of: string | undefined, lang: Lang, many = false): string {
  if (field === 'date' && of && DATE_WORDS[of]) return DATE_WORDS[of][lang];
  const w = FIELD_WORDS[field];
  if (!w) return field;
  return many && lang === 'en' && w.many ? w.many : w[lang];
}

function filterText(filter: Filter, of: string, ctx: Ctx): string {
  const parts: string[] = [];
  for (const [key, c] of Object.entries(filter)) {
    if (c === undefined) continue;
    if (key === 'any' && Array.isArray(c)) parts.push(ctx.w.anyOf((c as Filter[]).map((f) => filterText(f, of, ctx))));
    else if (key === 'not' && isFilter(c)) parts.push(ctx.w.not(filterText(c, of, ctx)));
    else parts.push(conditionText(key, c as Condition, of, ctx));
  }
  return parts.join(ctx.w.and);
}

function isFilter(x: unknown): x is Filter {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function conditionText(field: string, c: Condition, of: string, ctx: Ctx): string {
  const { w } = ctx;
  const f = fieldWord(field, of, ctx.lang);
  if (Array.isArray(c)) return w.in(f, w.list(c.map((v) => valueText(v, ctx))));
  if (typeof c !== 'object' || c === null) return w.eq(f, valueText(c, ctx));
  const parts: string[] = [];
  if (c.eq !== undefined) parts.push(w.eq(f, valueText(c.eq, ctx)));
  if (c.ne !== undefined) parts.push(w.ne(f, valueText(c.ne, ctx)));
  if (c.in !== undefined) parts.push(w.in(f, w.list(c.in.map((v) => valueText(v, ctx)))));
  if (c.not_in !== undefined) parts.push(w.notIn(f, w.list(c.not_in.map((v) => valueText(v, ctx)))));
  if (c.gt !== undefined) parts.push(w.gt(f, valueText(c.gt, ctx)));
  if (c.gte !== undefined) parts.push(w.gte(f, valueText(c.gte, ctx)));
  if (c.lt !== undefined) parts.push(w.lt(f, valueText(c.lt, ctx)));
  if (c.lte !== undefined) parts.push(w.lte(f, valueText(c.lte, ctx)));
  if (c.exists !== undefined) parts.push(c.exists ? w.exists(f) : w.missing(f));
  if (c.period !== undefined) parts.push(w.period[c.period](f));
  return parts.join(w.and);
}

function valueText(v: string | number | boolean, ctx: Ctx): string {
  if (typeof v === 'number') return NUMBER[ctx.lang].format(v);
  if (typeof v === 'boolean') return v ? ctx.w.yes : ctx.w.no;
  return v;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
