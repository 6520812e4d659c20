/**
 * Aggregations (sum, count, avg, min, max, median, percentile, count_distinct and a share's two
 * parts): for one formula, every period of the grain, the total and each breakdown member. The
 * values come from scans shared through the scan cache: sums and counts (additive), the values
 * themselves per month (valueBins, for what no order of the values can change), distinct
 * values (distinct.ts), or an accumulator per cell when a filter depends on the period.
 */
import { DATASETS, type DatasetName } from '../dataset/fields.ts';
import type { Aggregation, AggregationOp, Filter } from '../kpi/schema.ts';
import { accumulator, emptyValue, quantile, type Accumulator } from './accumulator.ts';
import { filterUsesPeriod } from './filter.ts';
import { val, type Cell, type Series, type Val } from './value.ts';
import type { Op } from './formula-reads.ts';
import type { EvalContext } from './eval-context.ts';
import { distinctCells } from './distinct.ts';
import { binAddScan, binFill, countScan, sumCountScan, sumScan } from './kernels.ts';
import { additiveKey, breakdownCodes, scanOf, valuesKey, cellKey, isIntegral, lutOf, maskOf, membersOf, numbersOf, placement, selectionOf, sharedOf, spansOf, wanted, widthOf, type Part, type Span, type Sums, type ValueBins } from './scan-cache.ts';

export function aggregate(op: Op, spec: Aggregation, filters: Filter[], cx: EvalContext): Series {
  const key = JSON.stringify(['agg', op, spec.of, spec.field, spec.at, spec.p, filters, cx.grain, cx.breakdowns]);
  const hit = cx.memo.get(key);
  if (hit) return hit;
  const at = spec.at ?? DATASETS[spec.of].placedBy;
  const { own, all } = spansOf(cx);
  const fields = [null, ...cx.breakdowns.map((b) => b.field)];
  // All the fields and grains in one scan.
  const scan = scanOf(op, spec, at, filters);
  if (scan.kind === 'distinct') distinctCells(spec.of, spec.field!, at, filters, fields, all, cx);
  else if (scan.kind === 'additive') additive(spec.of, spec.field, at, filters, fields, all, scan.withCount, cx);
  else if (!filters.some((f) => filterUsesPeriod(spec.of, f))) valueBins(spec.of, spec.field, at, filters, fields, cx);
  const total = part(op, spec, at, filters, null, own, cx).totals!;
  const members = cx.breakdowns.map((b) => part(op, spec, at, filters, b.field, own, cx).members!);
  const out: Series = new Map();
  cx.periods.forEach((p, i) => {
    const m: Cell['members'] = {};
    cx.breakdowns.forEach((b, j) => (m[b.by] = members[j]![i]!));
    out.set(p, { total: total[i]!, members: m });
  });
  cx.memo.set(key, out);
  return out;
}

/** One aggregation for one span: the total (field null) or each member of one breakdown field. */
function part(op: Op, spec: Aggregation, at: string, filters: Filter[], field: string | null, span: Span, cx: EvalContext): Part {
  // A share's parts are the plain count or sum.
  const kind = op === 'share-count' ? 'count' : op === 'share-sum' ? 'sum' : op;
  const sh = sharedOf(cx);
  const key = JSON.stringify([kind, spec.of, spec.field, at, kind === 'percentile' ? spec.p : null, filters, span.key, field]);
  const hit = sh.parts.get(key);
  if (hit) return hit;
  const name = spec.of;
  const codes = field === null ? null : breakdownCodes(name, field, cx);
  const universe = codes ? membersOf(codes, cx) : [0];
  const M = widthOf(codes, cx);
  const empty = emptyValue(op);
  let result: (k: number) => Val | undefined;

  const scan = scanOf(kind, spec, at, filters);
  if (scan.kind === 'additive') {
    const { s, n } = additive(name, spec.field, at, filters, [field], [span], scan.withCount, cx).get(cellKey(span, field))!;
    if (kind === 'count') result = (k) => val(n[k]!);
    else if (kind === 'sum') result = (k) => val(s[k]!);
    else result = (k) => (n[k] ? val(s[k]! / n[k]!) : undefined);
  } else if (scan.kind === 'distinct') {
    const { count } = distinctCells(name, spec.field!, at, filters, [field], [span], cx).get(cellKey(span, field))!;
    result = (k) => val(count[k]!);
  } else if (!filters.some((f) => filterUsesPeriod(name, f))) {
    // min, max, median, percentile, and distinct numbers or times: none depends on the order of
    // the values, so each cell takes its months' values.
    const bins = valueBins(name, spec.field, at, filters, [field], cx).get(field)!;
    const lut = lutOf(name, at, placement(name, at, cx), span, cx);
    const monthsOf: number[][] = Array.from({ length: span.periods.length }, () => []);
    for (let j = 0; j < lut.length; j++) if (lut[j]! >= 0) monthsOf[lut[j]!]!.push(j);
    const q = kind === 'median' ? 0.5 : (spec.p ?? 0.5);
    result = (k) => {
      const xs = valuesOfCell(bins, monthsOf[Math.floor(k / M)]!, M, k % M);
      return orderFree(kind, xs, q);
    };
  } else {
    // The same with a filter on the period: an accumulator per cell.
    const values = numbersOf(name, spec.field, cx);
    const pl = placement(name, at, cx);
    const lut = lutOf(name, at, pl, span, cx);
    const mask = maskOf(name, at, filters, span, cx);
    const accs: (Accumulator | undefined)[] = new Array(span.periods.length * M);
    const make = () => accumulator(kind, spec.p ?? 0.5);
    const { months, base } = pl;
    for (let r = 0; r < months.length; r++) {
      const mo = months[r]!;
      if (mo < 0) continue;
      const i = lut[mo - base]!;
      if (i < 0 || (mask && !mask[r])) continue;
      const x = values ? values[r]! : 1;
      if (Number.isNaN(x)) continue;
      const m = codes ? codes[r]! : 0;
      if (m < 0) continue;
      (accs[i * M + m] ??= make()).add(x);
    }
    result = (k) => accs[k]?.result();
  }

  const out: Part = {};
  const P = span.periods.length;
  if (!codes) out.totals = Array.from({ length: P }, (_, i) => result(i) ?? empty);
  else
    out.members = Array.from({ length: P }, (_, i) => {
      const m = new Map<number, Val>();
      for (const code of universe) m.set(code, result(i * M + code) ?? empty);
      return m;
    });
  sh.parts.set(key, out);
  return out;
}

/**
 * Sum (and count) of a field, or count of rows without one, per cell, for each breakdown field
 * (null: the total) and span asked for and not yet known, in one scan of the rows.
 */
function additive(name: DatasetName, valueField: string | undefined, at: string, filters: Filter[], fields: (string | null)[], spans: Span[], withCount: boolean, cx: EvalContext): Map<string, Sums> {
  const sh = sharedOf(cx);
  const xs = numbersOf(name, valueField, cx);
  // Without a field every row counts as 1: the sum is the count.
  const counting = xs === null || withCount;
  const groupKey = additiveKey(name, valueField, at, filters, counting);
  let group = sh.sums.get(groupKey);
  if (!group) sh.sums.set(groupKey, (group = new Map()));
  const todo = wanted(name, fields, sh.plan.get(groupKey), cx).filter((f) => spans.some((span) => !group.has(cellKey(span, f))));
  if (todo.length === 0) return group;
  if (spans.length > 3) throw new Error('at most 3 spans per scan');
  const pl = placement(name, at, cx);
  const sel = selectionOf(name, at, filters, spans, cx);
  const codes = todo.map((f) => (f === null ? null : breakdownCodes(name, f, cx)));
  const widths = codes.map((c) => widthOf(c, cx));
  if (sel.perSpan.every((m) => m === null) && (xs === null || isIntegral(xs, cx))) {
    // Counts, and sums of integers, come out the same in any order of adding: add up per
    // (month, member), then each period's months.
    const binS = xs === null ? null : widths.map((w) => new Float64Array(pl.length * w));
    const binC = counting ? widths.map((w) => new Float64Array(pl.length * w)) : null;
    binAddScan(sel.rows, pl.months, pl.base, xs, codes, widths, binS, binC);
    todo.forEach((f, j) => {
      for (const span of spans) {
        const lut = lutOf(name, at, pl, span, cx);
        const n = binC ? rollUp(binC[j]!, lut, span.periods.length, widths[j]!) : new Float64Array(0);
        group.set(cellKey(span, f), { s: binS ? rollUp(binS[j]!, lut, span.periods.length, widths[j]!) : n, n });
      }
    });
    return group;
  }
  const none = new Int32Array(pl.length).fill(-1);
  const luts = [0, 1, 2].map((g) => (spans[g] ? lutOf(name, at, pl, spans[g], cx) : none));
  const S: Float64Array[] = [];
  const C: Float64Array[] = [];
  const empty = new Float64Array(0);
  todo.forEach((f, j) => {
    for (let g = 0; g < 3; g++) {
      const span = spans[g];
      if (!span) {
        S.push(empty);
        C.push(empty);
        continue;
      }
      const size = span.periods.length * widths[j]!;
      const n = counting ? new Float64Array(size) : empty;
      const s = xs === null ? n : new Float64Array(size);
      S.push(s);
      C.push(n);
      group.set(cellKey(span, f), { s, n });
    }
  });
  const [m0, m1, m2] = [0, 1, 2].map((g) => sel.perSpan[g] ?? null);
  if (xs === null) countScan(sel.rows, pl.months, pl.base, luts[0]!, luts[1]!, luts[2]!, m0!, m1!, m2!, codes, widths, C);
  else if (counting && sel.perSpan.every((m) => m === null)) {
    // Sums per period in table order; counts per month, added up per period.
    sumScan(sel.rows, pl.months, pl.base, luts[0]!, luts[1]!, luts[2]!, null, null, null, xs, codes, widths, S);
    const binC = widths.map((w) => new Float64Array(pl.length * w));
    binAddScan(sel.rows, pl.months, pl.base, xs, codes, widths, null, binC);
    todo.forEach((f, j) =>
      spans.forEach((span, g) => {
        const n = rollUp(binC[j]!, luts[g]!, span.periods.length, widths[j]!);
        C[3 * j + g]!.set(n);
      }),
    );
  } else if (counting) sumCountScan(sel.rows, pl.months, pl.base, luts[0]!, luts[1]!, luts[2]!, m0!, m1!, m2!, xs, codes, widths, S, C);
  else sumScan(sel.rows, pl.months, pl.base, luts[0]!, luts[1]!, luts[2]!, m0!, m1!, m2!, xs, codes, widths, S);
  return group;
}

/** A span's cells from (month, member) cells: each period adds up its months (exact for counts and integer sums). */
function rollUp(bins: Float64Array, lut: Int32Array, P: number, M: number): Float64Array {
  const out = new Float64Array(P * M);
  for (let j = 0; j < lut.length; j++) {
    const i = lut[j]!;
    if (i < 0) continue;
    for (let m = 0; m < M; m++) out[i * M + m] = out[i * M + m]! + bins[j * M + m]!;
  }
  return out;
}

function valueBins(name: DatasetName, valueField: string | undefined, at: string, filters: Filter[], fields: (string | null)[], cx: EvalContext): Map<string | null, ValueBins> {
  const sh = sharedOf(cx);
  const groupKey = valuesKey(name, valueField, at, filters);
  let group = sh.values.get(groupKey);
  if (!group) sh.values.set(groupKey, (group = new Map()));
  const todo = wanted(name, fields, sh.plan.get(groupKey), cx).filter((f) => !group.has(f));
  if (todo.length === 0) return group;
  const pl = placement(name, at, cx);
  const sel = selectionOf(name, at, filters, [spansOf(cx).own], cx);
  const xs = numbersOf(name, valueField, cx) ?? new Float64Array(pl.months.length).fill(1);
  const codes = todo.map((f) => (f === null ? null : breakdownCodes(name, f, cx)));
  const widths = codes.map((c) => widthOf(c, cx));
  const counts = widths.map((w) => new Float64Array(pl.length * w));
  binAddScan(sel.rows, pl.months, pl.base, xs, codes, widths, null, counts);
  const fill = counts.map((c) => {
    const pos = new Int32Array(c.length + 1);
    for (let k = 0; k < c.length; k++) pos[k + 1] = pos[k]! + c[k]!;
    return pos;
  });
  const starts = fill.map((pos) => pos.slice());
  const values = fill.map((pos) => new Float64Array(pos[pos.length - 1]!));
  binFill(sel.rows, pl.months, pl.base, xs, codes, widths, fill, values);
  todo.forEach((f, j) => group.set(f, { start: starts[j]!, values: values[j]! }));
  return group;
}

/** The values of member m over the listed months. */
function valuesOfCell(bins: ValueBins, months: number[], M: number, m: number): Float64Array {
  const { start, values } = bins;
  if (months.length === 1) return values.subarray(start[months[0]! * M + m]!, start[months[0]! * M + m + 1]!);
  let n = 0;
  for (const j of months) n += start[j * M + m + 1]! - start[j * M + m]!;
  const out = new Float64Array(n);
  n = 0;
  for (const j of months) {
    const part = values.subarray(start[j * M + m]!, start[j * M + m + 1]!);
    out.set(part, n);
    n += part.length;
  }
  return out;
}

/** An aggregation whose value does not depend on the order of the values (undefined: no value, the empty one). */
function orderFree(kind: AggregationOp, xs: Float64Array, q: number): Val | undefined {
  switch (kind) {
    case 'median':
    case 'percentile':
      return xs.length ? val(quantile(xs, q)) : undefined;
    case 'min': {
      let m = Infinity;
      for (let i = 0; i < xs.length; i++) m = Math.min(m, xs[i]!);
      return m === Infinity ? undefined : val(m);
    }
    case 'max': {
      let m = -Infinity;
      for (let i = 0; i < xs.length; i++) m = Math.max(m, xs[i]!);
      return m === -Infinity ? undefined : val(m);
    }
    case 'count_distinct':
      return val(new Set(xs).size);
    default:
      throw new Error(`not an order-free aggregation: ${kind}`);
  }
}
