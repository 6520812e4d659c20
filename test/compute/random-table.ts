/**
 * Random order_lines tables for the engine's tests (test/compute/evaluate.test.ts and
 * filter.test.ts), and the filters they are tried with.
 */
import type { Dataset } from '../../src/dataset/build-dataset.ts';
import { Interner, type Table } from '../../src/dataset/table.ts';
import type { Filter } from '../../src/kpi/schema.ts';
import { Rng } from '../../src/sample/random.ts';

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}

export const FIRST = 2025 * 12 + 1; // 2025-02
export const LAST = FIRST + 16;

function vocabulary(values: string[]): Interner {
  const v = new Interner();
  for (const x of values) v.code(x);
  return v;
}

/** A random order_lines table: absent values, months outside the data, codes beyond the vocabulary's start. */
export function dataset(seed: number, n: number): Dataset {
  const rnd = random(seed);
  const pick = (k: number, absent = 0.05) => (rnd() < absent ? -1 : Math.floor(rnd() * k));
  const cat = { region: new Int32Array(n), rep: new Int32Array(n), kind: new Int32Array(n), customer: new Int32Array(n), category: new Int32Array(n), order: new Int32Array(n) };
  const num = { net: new Float64Array(n), qty: new Float64Array(n), price: new Float64Array(n), discount: new Float64Array(n) };
  const date = { epoch: new Float64Array(n), month: new Int32Array(n) };
  const first = { epoch: new Float64Array(n), month: new Int32Array(n) };
  for (let r = 0; r < n; r++) {
    cat.region[r] = pick(4);
    cat.rep[r] = pick(6);
    cat.kind[r] = pick(3, 0);
    cat.customer[r] = pick(40);
    cat.category[r] = pick(3);
    num.net[r] = rnd() < 0.05 ? NaN : Math.round(rnd() * 1e6) / 100 - (rnd() < 0.1 ? 5000 : 0);
    num.qty[r] = rnd() < 0.05 ? NaN : Math.floor(rnd() * 20);
    num.price[r] = Math.floor(rnd() * 8) * 2500;
    num.discount[r] = rnd() < 0.5 ? 0 : Math.floor(rnd() * 4) / 10;
    // Mostly in order of time, as month files are, with a few rows out of place and a few
    // outside the months with data (in a quarter or year that is computed, or not).
    date.month[r] = rnd() < 0.03 ? -1 : FIRST + Math.floor((r / n) * 17 + (rnd() < 0.2 ? rnd() * 6 - 3 : 0));
    date.epoch[r] = date.month[r]! < 0 ? NaN : date.month[r]! * 1e6;
    first.month[r] = rnd() < 0.1 ? -1 : Math.max(FIRST - 3, Math.min(LAST, date.month[r]! - Math.floor(rnd() * 8)));
    first.epoch[r] = first.month[r]! < 0 ? NaN : first.month[r]! * 1e6;
  }
  // Orders as build-dataset writes them: an order's lines one run of rows, orders ascending (runs of
  // 1 to several lines, a few rows without one); the distinct count then takes its one-pass route.
  for (let r = 0, o = 0; r < n; r++) {
    if (((r * 2654435761) >>> 0) % 3 === 0) o++;
    cat.order[r] = r % 19 === 5 ? -1 : o;
  }
  const lines: Table = { length: n, cat, num, time: { date, customer_first_order: first } };
  const empty: Table = { length: 0, cat: {}, num: {}, time: {} };
  return {
    tables: { order_lines: lines, orders: empty, leads: empty, activities: empty, surveys: empty },
    vocabularies: {
      region: vocabulary(['jakarta', 'bandung', 'surabaya', 'medan']),
      // One code short: a code beyond the vocabulary must still be listed.
      rep: vocabulary(['andi', 'budi', 'citra', 'dewi', 'eka']),
      kind: vocabulary(['regular', 'cross-sell', 'up-sell']),
      customer: vocabulary(Array.from({ length: 40 }, (_, i) => `C${i}`)),
      category: vocabulary(['minuman', 'makanan', 'snack']),
      order: vocabulary(Array.from({ length: n }, (_, i) => `O${i}`)),
    },
    firstMonth: FIRST,
    lastMonth: LAST,
    timezone: 'Asia/Jakarta',
  };
}

/** Filters of every kind of condition; a pair is a share (within the first, where the second). */
export const FILTERS: Filter[][] = [
  [],
  [{ kind: ['cross-sell', 'up-sell'] }],
  [{ customer_first_order: { period: 'before' } }],
  [{ customer_first_order: { period: 'in' } }, { region: { ne: 'medan' } }],
  [{ any: [{ qty: { gte: 10 } }, { discount: { gt: 0.1 } }], not: { rep: 'andi' } }],
  [{ price: { in: [2500, 5000] }, category: { not_in: ['snack', 'nope'] } }],
  [{ region: { exists: false } }],
];
