/**
 * The peer benchmark's data: a deterministic (seeded) export of order lines, the kind a point of
 * sale or an accounting package writes, and the repository scaffold to import it into.
 *
 * Shape: 40 reps in 5 regions (8 each), 10 categories × 30 SKUs, repeat customers (one customer
 * per 50 lines, each owned by one rep and in that rep's region), 1 to 4 lines per order (2.5 on
 * average, so 1,000,000 lines are 400,000 orders), over 24 months from 2024-01. An order's rep
 * is its customer's owner, so capaian's sales per rep (credited to the account owner) and sales
 * by region (the customer's region) are the plain sums by the CSV's `rep` and `region` columns.
 *
 * No clock and no randomness outside the seed: the same arguments give the same bytes.
 */
import { Rng } from '../../src/sample/random.ts';

export interface PeerDataOptions {
  /** Order lines to write (about; whole orders: the last order may take the count over by up to 3). */
  lines: number;
  months?: number;
  /** First month, YYYY-MM. */
  start?: string;
  seed?: number;
}

export const REGIONS = ['jawa', 'sumatra', 'kalimantan', 'sulawesi', 'bali-nusa'] as const;
export const CATEGORIES = ['minuman', 'makanan-ringan', 'bumbu', 'susu', 'roti', 'kebersihan', 'perawatan', 'alat-tulis', 'elektronik', 'rumah-tangga'] as const;
export const SEGMENTS = ['retail', 'grosir', 'korporat'] as const;
export const REP_COUNT = 40;
export const SKUS_PER_CATEGORY = 30;
export const DISCOUNTS = [0, 0, 0, 0.05, 0.1, 0.15] as const;
export const CSV_HEADER = 'order_id,order_date,customer_id,customer_name,segment,region,rep,sku,product_name,category,qty,unit_price,discount';

/** The sample generator's seeded PRNG (mulberry32, src/sample/random.ts) as a function. */
export function random(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
export const repId = (i: number) => `rep-${pad(i + 1, 2)}`;
const regionOfRep = (i: number) => REGIONS[i % REGIONS.length]!;

export interface Product {
  sku: string;
  name: string;
  category: string;
  /** In cents. */
  priceCents: number;
}

export function products(seed = 1): Product[] {
  const rnd = random(seed * 7919 + 17);
  const out: Product[] = [];
  CATEGORIES.forEach((category, c) => {
    for (let s = 0; s < SKUS_PER_CATEGORY; s++) {
      out.push({ sku: `SKU-${pad(c + 1, 2)}-${pad(s + 1, 3)}`, name: `${category} ${s + 1}`, category, priceCents: 500 + Math.floor(rnd() * 49_500) });
    }
  });
  return out;
}

/** The months, YYYY-MM, from `start`. */
export function monthList(start: string, months: number): string[] {
  const [y0, m0] = start.split('-').map(Number) as [number, number];
  return Array.from({ length: months }, (_, i) => {
    const m = m0 - 1 + i;
    return `${y0 + Math.floor(m / 12)}-${pad((m % 12) + 1, 2)}`;
  });
}

const daysIn = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};

/**
 * The CSV, one month at a time (each chunk ends with a line end; the header comes first), so a
 * million lines never sit in one string. Orders are in date order and numbered in that order.
 */
export function* orderLinesCsv(opts: PeerDataOptions): Generator<string> {
  const months = monthList(opts.start ?? '2024-01', opts.months ?? 24);
  const seed = opts.seed ?? 1;
  const rnd = random(seed);
  const catalogue = products(seed);
  const customerCount = Math.max(REP_COUNT, Math.round(opts.lines / 50));
  const customer = (i: number) => {
    const rep = i % REP_COUNT;
    return { id: `C${pad(i + 1, 6)}`, segment: SEGMENTS[(i * 7) % SEGMENTS.length]!, region: regionOfRep(rep), rep: repId(rep) };
  };
  yield `${CSV_HEADER}\n`;
  let written = 0;
  let order = 0;
  for (let mi = 0; mi < months.length; mi++) {
    const month = months[mi]!;
    // The lines are spread evenly over the months.
    const target = Math.round(((mi + 1) * opts.lines) / months.length);
    const days = daysIn(month);
    const rows: string[] = [];
    const orders: { day: number; lines: string[] }[] = [];
    while (written < target) {
      const c = customer(Math.floor(rnd() ** 1.5 * customerCount));
      const day = 1 + Math.floor(rnd() * days);
      const n = 1 + Math.floor(rnd() * 4);
      const lines: string[] = [];
      for (let l = 0; l < n; l++) {
        const p = catalogue[Math.floor(rnd() * catalogue.length)]!;
        const qty = 1 + Math.floor(rnd() * 10);
        const discount = DISCOUNTS[Math.floor(rnd() * DISCOUNTS.length)]!;
        lines.push(`,${c.id},Pelanggan ${c.id},${c.segment},${c.region},${c.rep},${p.sku},${p.name},${p.category},${qty},${(p.priceCents / 100).toFixed(2)},${discount}`);
      }
      orders.push({ day, lines });
      written += n;
    }
    orders.sort((a, b) => a.day - b.day);
    for (const o of orders) {
      order++;
      const head = `SO-${pad(order, 7)},${month}-${pad(o.day, 2)}`;
      for (const l of o.lines) rows.push(head + l);
    }
    yield rows.length ? `${rows.join('\n')}\n` : '';
  }
}

/**
 * The same export with one month's data changed, as a correction would: in `month`, every
 * seventh line sells one unit more. The other months' rows are byte for byte the same.
 */
export function* changedMonthCsv(opts: PeerDataOptions, month: string): Generator<string> {
  let i = 0;
  for (const chunk of orderLinesCsv(opts)) {
    if (!chunk.includes(`,${month}-`)) {
      yield chunk;
      continue;
    }
    yield chunk.replace(/^([^,\n]*,(\d{4}-\d{2})-\d{2}(?:,[^,\n]*){8}),(\d+),/gm, (whole, head: string, m: string, qty: string) => (m === month && i++ % 7 === 0 ? `${head},${Number(qty) + 1},` : whole));
  }
}

/** The mapping capaian imports the CSV with (docs/import.md). */
export const MAPPING = `# capaian import mapping for the peer benchmark's order lines (bench/peers/generate.ts).
kind: orders
numbers: en
dates: yyyy-mm-dd
group_by: order_id
fields:
  id: order_id
  date: order_date
  customer: customer_id
  rep: rep
lines:
  sku: sku
  qty: qty
  price: unit_price
  discount: discount
customers:
  name: customer_name
  region: region
  segment: segment
  owner: { field: rep }
products:
  name: product_name
  category: category
`;

const words = (id: string) => id.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
const named = (id: string) => `  - id: ${id}\n    name: { id: ${words(id)}, en: ${words(id)} }\n`;

/** The repository's files before the import: path under the repository -> text. */
export function scaffold(): Record<string, string> {
  return {
    'data/company.yaml': `name: Peer benchmark (generated)\ncurrency: IDR\nlocale: en-US\ntimezone: Asia/Jakarta\nfiscal_year_start: 1\nworking_days: [mon, tue, wed, thu, fri]\nholidays: []\nregions:\n${REGIONS.map(named).join('')}segments:\n${SEGMENTS.map(named).join('')}lead_sources: []\n`,
    'data/team.yaml': Array.from({ length: REP_COUNT }, (_, i) => `- id: ${repId(i)}\n  name: Rep ${i + 1}\n  region: ${regionOfRep(i)}\n  joined: 2020-01-01\n`).join(''),
    'data/products.yaml': `categories:\n${CATEGORIES.map(named).join('')}products: []\n`,
    'data/customers.yaml': '[]\n',
  };
}
