/**
 * The scanning engine against a plain row-by-row reference, on random tables: every aggregation,
 * breakdown, filter and grain must give exactly the numbers (same floating-point sums, same
 * order of adding) that visiting the rows one by one gives. Also the vectorised filter masks
 * against the per-row filter tests.
 */
import { describe, expect, it } from 'vitest';
import { GRAINS, periodOf, type Grain } from '../../src/calendar/periods.ts';
import { workCalendar } from '../../src/calendar/working-days.ts';
import type { Dataset } from '../../src/dataset/build-dataset.ts';
import type { DatasetName } from '../../src/dataset/fields.ts';
import { Interner, type Table } from '../../src/dataset/table.ts';
import { accumulator, emptyValue } from '../../src/compute/accumulator.ts';
import { divide } from '../../src/compute/value.ts';
import type { EvalContext } from '../../src/compute/eval-context.ts';
import { evaluate } from '../../src/compute/evaluate.ts';
import { compileFilter, filterMask } from '../../src/compute/filter.ts';
import type { Aggregation, AggregationOp, Breakdown, Filter, Formula } from '../../src/kpi/schema.ts';
import type { Series, Val } from '../../src/compute/value.ts';

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = 2025 * 12 + 1; // 2025-02
const LAST = FIRST + 16;

function vocabulary(values: string[]): Interner {
  const v = new Interner();
  for (const x of values) v.code(x);
  return v;
}

/** A random order_lines table: absent values, months outside the data, codes beyond the vocabulary's start. */
function dataset(seed: number, n: number): Dataset {
  const rnd = random(seed);
  const pick = (k: number, absent = 0.05) => (rnd() < absent ? -1 : Math.floor(rnd() * k));
  const cat = { region: new Int32Array(n), rep: new Int32Array(n), kind: new Int32Array(n), customer: new Int32Array(n), category: new Int32Array(n) };
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
    },
    firstMonth: FIRST,
    lastMonth: LAST,
    timezone: 'Asia/Jakarta',
  };
}

function periodsOf(grain: Grain, fyStart: number): number[] {
  const out: number[] = [];
  for (let p = periodOf(grain, FIRST, fyStart); p <= periodOf(grain, LAST, fyStart); p++) out.push(p);
  return out;
}

function context(ds: Dataset, grain: Grain, fyStart: number, breakdowns: Breakdown[], memo: Map<string, Series>): EvalContext {
  return { ds, fyStart, grain, periods: periodsOf(grain, fyStart), firstMonth: FIRST, lastMonth: LAST, breakdowns, kpis: new Map(), calendar: workCalendar(['monday'], []), reps: [], memo };
}

const VALUES: Record<string, 'cat' | 'num'> = { net: 'num', qty: 'num', price: 'num', customer: 'cat', kind: 'cat' };

/** The aggregation row by row in table order, one accumulator per cell: what the engine must equal. */
function reference(ds: Dataset, op: AggregationOp, spec: Aggregation, filters: Filter[], grain: Grain, fyStart: number, field: string | null): Map<number, Map<number, Val> | Val> {
  const t = ds.tables[spec.of as DatasetName];
  const placed = t.time[spec.at ?? 'date']!.month;
  const tests = filters.map((f) => compileFilter(ds, spec.of as DatasetName, f, grain, fyStart));
  const values = spec.field ? (VALUES[spec.field] === 'cat' ? t.cat[spec.field]! : t.num[spec.field]!) : null;
  const codes = field ? t.cat[field]! : null;
  const universe = codes ? [...new Set(codes)].filter((c) => c >= 0).sort((a, b) => a - b) : [0];
  const out = new Map<number, Map<number, Val> | Val>();
  for (const p of periodsOf(grain, fyStart)) {
    const cells = new Map<number, ReturnType<typeof accumulator>>();
    for (let r = 0; r < t.length; r++) {
      if (placed[r]! < 0 || periodOf(grain, placed[r]!, fyStart) !== p) continue;
      if (!tests.every((test) => test(r, p))) continue;
      const x = values ? values[r]! : 1;
      if (values instanceof Int32Array ? x < 0 : Number.isNaN(x)) continue;
      const m = codes ? codes[r]! : 0;
      if (m < 0) continue;
      if (!cells.has(m)) cells.set(m, accumulator(op, spec.p ?? 0.5));
      cells.get(m)!.add(x);
    }
    const valueOf = (m: number) => cells.get(m)?.result() ?? emptyValue(op);
    out.set(p, codes ? new Map(universe.map((m) => [m, valueOf(m)])) : valueOf(0));
  }
  return out;
}

const FILTERS: Filter[][] = [
  [],
  [{ kind: ['cross-sell', 'up-sell'] }],
  [{ customer_first_order: { period: 'before' } }],
  [{ customer_first_order: { period: 'in' } }, { region: { ne: 'medan' } }],
  [{ any: [{ qty: { gte: 10 } }, { discount: { gt: 0.1 } }], not: { rep: 'andi' } }],
  [{ price: { in: [2500, 5000] }, category: { not_in: ['snack', 'nope'] } }],
  [{ region: { exists: false } }],
];

const CASES: [AggregationOp, Omit<Aggregation, 'of'>][] = [
  ['sum', { field: 'net' }],
  ['sum', { field: 'qty' }],
  ['sum', {}],
  ['count', {}],
  ['count', { field: 'net' }],
  ['avg', { field: 'net' }],
  ['avg', { field: 'qty', at: 'customer_first_order' }],
  ['count_distinct', { field: 'customer' }],
  ['count_distinct', { field: 'price' }],
  ['median', { field: 'net' }],
  ['percentile', { field: 'qty', p: 0.9 }],
  ['min', { field: 'net' }],
  ['max', { field: 'net' }],
];

const BREAKDOWNS: Breakdown[] = [
  { by: 'region', field: 'region' },
  { by: 'rep', field: 'rep' },
  { by: 'kind', field: 'kind' },
];

describe('the scanning engine', () => {
  for (const seed of [1, 2]) {
    const ds = dataset(seed, 3000);
    for (const fyStart of [1, 4]) {
      it(`equals the row-by-row reference (seed ${seed}, fiscal year from month ${fyStart})`, () => {
        // One memo for all, as in one computeKpis run: the scans are shared between formulas.
        const memo = new Map<string, Series>();
        FILTERS.forEach((filters, i) => {
          const breakdowns = BREAKDOWNS.slice(0, 1 + (i % 3));
          for (const [op, rest] of CASES) {
            const spec: Aggregation = { of: 'order_lines', ...rest };
            // Two filters: a share, where within the first; otherwise the aggregation itself.
            const share = filters.length === 2 && (op === 'sum' || op === 'count') && !rest.at;
            if (filters.length === 2 && !share) continue;
            const f = (
              share
                ? { op: 'share', spec: { of: 'order_lines', within: filters[0], where: filters[1], ...(rest.field ? { field: rest.field } : {}) } }
                : { op, spec: { ...spec, ...(filters.length ? { where: filters[0] } : {}) } }
            ) as Formula;
            for (const grain of GRAINS) {
              const series = evaluate(f, context(ds, grain, fyStart, breakdowns, memo));
              const expected = (field: string | null) => {
                if (!share) return reference(ds, op, spec, filters, grain, fyStart, field);
                const ref = (fs: Filter[]) => reference(ds, rest.field ? 'sum' : 'count', { of: 'order_lines', ...(rest.field ? { field: rest.field } : {}) }, fs, grain, fyStart, field);
                const [num, den] = [ref(filters), ref(filters.slice(0, 1))];
                const out = new Map<number, Map<number, Val> | Val>();
                for (const [p, n] of num) {
                  const d = den.get(p)!;
                  out.set(p, n instanceof Map ? new Map([...n].map(([m, v]) => [m, divide(v, (d as Map<number, Val>).get(m)!)])) : divide(n, d as Val));
                }
                return out;
              };
              const total = expected(null);
              const byField = breakdowns.map((b) => expected(b.field));
              for (const [p, cell] of series) {
                expect(cell.total, `${f.op} ${op} ${JSON.stringify(rest)} ${JSON.stringify(filters)} ${grain} ${p}`).toStrictEqual(total.get(p));
                breakdowns.forEach((b, j) => expect([...cell.members[b.by]!]).toStrictEqual([...(byField[j]!.get(p) as Map<number, Val>)]));
              }
            }
          }
        });
      });
    }
  }

  it('keeps each period sum in table order (floating-point sums are not regrouped)', () => {
    // A quarter adds its rows one by one: (0.1 + 0.2) + 0.3 = 0.6000000000000001 and
    // (1e16 + 1) + 1 = 1e16, where adding up by month first would give 0.6 and 1e16 + 2.
    for (const [xs, sum] of [
      [[0.1, 0.2, 0.3], 0.1 + 0.2 + 0.3],
      [[1e16, 1, 1], 1e16 + 1 + 1],
    ] as const) {
      const ds = dataset(3, 3);
      const t = ds.tables.order_lines;
      t.num.net!.set(xs);
      t.time.date!.month.set([FIRST, FIRST + 1, FIRST + 1]);
      t.cat.region!.set([0, 0, 0]);
      const s = evaluate({ op: 'sum', spec: { of: 'order_lines', field: 'net' } }, context(ds, 'quarter', 2, [{ by: 'region', field: 'region' }], new Map()));
      const q = s.get(periodOf('quarter', FIRST, 2))!;
      expect(q.total.value).toBe(sum);
      expect(q.members.region!.get(0)!.value).toBe(sum);
    }
  });
});

describe('filter masks', () => {
  const ds = dataset(7, 2000);
  const placed = ds.tables.order_lines.time.date!.month;
  for (const filters of FILTERS.slice(1))
    for (const grain of GRAINS)
      it(`match the row tests: ${JSON.stringify(filters)} by ${grain}`, () => {
        for (const f of filters) {
          const mask = filterMask(ds, 'order_lines', f, grain, 4, placed);
          const test = compileFilter(ds, 'order_lines', f, grain, 4);
          for (let r = 0; r < placed.length; r++) if (placed[r]! >= 0) expect(mask[r] === 1, `row ${r}`).toBe(test(r, periodOf(grain, placed[r]!, 4)));
        }
      });
});
