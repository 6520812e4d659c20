/**
 * The scanning engine against a plain row-by-row reference, on random tables: every aggregation,
 * breakdown, filter and grain must give exactly the numbers (same floating-point sums, same
 * order of adding) that visiting the rows one by one gives. (The filter masks alone:
 * filter.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { GRAINS, periodOf, type Grain } from '../../src/calendar/periods.ts';
import { workCalendar } from '../../src/calendar/working-days.ts';
import type { Dataset } from '../../src/dataset/build-dataset.ts';
import type { DatasetName } from '../../src/dataset/fields.ts';
import { accumulator, emptyValue } from '../../src/compute/accumulator.ts';
import { divide } from '../../src/compute/value.ts';
import type { EvalContext } from '../../src/compute/eval-context.ts';
import { evaluate } from '../../src/compute/evaluate.ts';
import type { Aggregation, AggregationOp, Breakdown, Filter, Formula } from '../../src/kpi/schema.ts';
import type { Series, Val } from '../../src/compute/value.ts';
import { compileFilter } from '../support/compile-filter.ts';
import { dataset, FILTERS, FIRST, LAST } from './random-table.ts';

function periodsOf(grain: Grain, fyStart: number): number[] {
  const out: number[] = [];
  for (let p = periodOf(grain, FIRST, fyStart); p <= periodOf(grain, LAST, fyStart); p++) out.push(p);
  return out;
}

function context(ds: Dataset, grain: Grain, fyStart: number, breakdowns: Breakdown[], memo: Map<string, Series>): EvalContext {
  return { ds, fyStart, grain, periods: periodsOf(grain, fyStart), firstMonth: FIRST, lastMonth: LAST, breakdowns, kpis: new Map(), calendar: workCalendar(['monday'], []), reps: [], memo };
}

const VALUES: Record<string, 'cat' | 'num'> = { net: 'num', qty: 'num', price: 'num', customer: 'cat', kind: 'cat', order: 'cat' };

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
  // Values in runs (an order's lines): counted in one pass with stamps, not with bitsets.
  ['count_distinct', { field: 'order' }],
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
