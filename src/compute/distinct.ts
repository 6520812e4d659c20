/**
 * Distinct counts of a category field per cell: in one pass with a stamp per cell when the
 * field's values come in runs (scan-cache.ts ascending: the order of order lines), else with bitsets per (month, member) united per
 * period, with bitsets per cell, or value by value when the bitsets would be too large or the
 * rows are few.
 */
import type { DatasetName } from '../dataset/fields.ts';
import type { Filter } from '../kpi/schema.ts';
import { filterUsesPeriod } from './filter.ts';
import type { EvalContext } from './eval-context.ts';
import { binBitScan, bitScan, distinctScan, runDistinctScan } from './kernels.ts';
import { ascending, breakdownCodes, byValueOf, cellKey, distinctKey, lutOf, maxOf, placement, selectionOf, sharedOf, wanted, widthOf, type Distinct, type Span } from './scan-cache.ts';

/** Bitsets of one distinct scan may take this many bytes; beyond it the rows are visited value by value instead. */
const BITSET_BYTES = 256 * 1024 * 1024;

/**
 * Distinct values of a category field per cell, for each breakdown field and span asked for (or
 * planned) and not yet known, in one scan.
 */
export function distinctCells(name: DatasetName, valueField: string, at: string, filters: Filter[], fields: (string | null)[], spans: Span[], cx: EvalContext): Map<string, Distinct> {
  const sh = sharedOf(cx);
  const groupKey = distinctKey(name, valueField, at, filters);
  let group = sh.distinct.get(groupKey);
  if (!group) sh.distinct.set(groupKey, (group = new Map()));
  const todo = wanted(name, fields, sh.plan.get(groupKey), cx).filter((f) => spans.some((span) => !group.has(cellKey(span, f))));
  if (todo.length === 0) return group;
  if (spans.length > 3) throw new Error('at most 3 spans per scan');
  const pl = placement(name, at, cx);
  const values = cx.ds.tables[name].cat[valueField]!;
  const W = (maxOf(values, cx) + 32) >>> 5;
  const codes = todo.map((f) => (f === null ? null : breakdownCodes(name, f, cx)));
  const widths = codes.map((c) => widthOf(c, cx));
  let binBytes = 0;
  for (const w of widths) binBytes += pl.length * w * W * 4;
  const sel = selectionOf(name, at, filters, spans, cx);
  if (ascending(values, cx)) {
    // The values come in runs (an order's lines): one pass in table order, a stamp per cell.
    const { luts, masks, tcodes, twidths, stamps, counts } = stampTargets(group, todo, codes, widths, spans, sel.perSpan, (span) => lutOf(name, at, pl, span, cx));
    runDistinctScan(sel.rows, values, pl.months, pl.base, luts, masks, tcodes, twidths, stamps, counts);
    return group;
  }
  // Few rows (a narrow filter) are cheaper to visit value by value than bitsets over all values.
  const few = sel.rows !== null && sel.rows.length * todo.length * 8 < binBytes / 4;
  if (binBytes <= BITSET_BYTES && !few && !filters.some((f) => filterUsesPeriod(name, f))) {
    // One bitset of values per (month, member); a period's is the union of its months'.
    const bins = widths.map((w) => new Uint32Array(pl.length * w * W));
    const low = new Int32Array(pl.length).fill(0x7fffffff);
    const high = new Int32Array(pl.length).fill(-1);
    binBitScan(sel.rows, pl.months, pl.base, values, codes, widths, W, bins, low, high);
    todo.forEach((f, j) => {
      for (const span of spans) group.set(cellKey(span, f), rollUpBits(bins[j]!, low, high, lutOf(name, at, pl, span, cx), span.periods.length, widths[j]!, W));
    });
    return group;
  }

  let bytes = 0;
  for (const w of widths) for (const span of spans) bytes += span.periods.length * w * W * 4;
  if (bytes <= BITSET_BYTES && !few) {
    // One bit per (cell, value): a value counts in a cell when its bit is first set.
    const none = new Int32Array(pl.length).fill(-1);
    const luts = [0, 1, 2].map((g) => (spans[g] ? lutOf(name, at, pl, spans[g], cx) : none));
    const bits: Uint32Array[] = [];
    const counts: Int32Array[] = [];
    const empty = new Int32Array(0);
    todo.forEach((f, j) => {
      for (let g = 0; g < 3; g++) {
        const span = spans[g];
        if (!span) {
          bits.push(new Uint32Array(0));
          counts.push(empty);
          continue;
        }
        const P = span.periods.length;
        const d: Distinct = { count: new Int32Array(P * widths[j]!) };
        const b = new Uint32Array(P * widths[j]! * W);
        bits.push(b);
        counts.push(d.count);
        group.set(cellKey(span, f), d);
      }
    });
    const [m0, m1, m2] = [0, 1, 2].map((g) => sel.perSpan[g] ?? null);
    bitScan(sel.rows, pl.months, pl.base, luts[0]!, luts[1]!, luts[2]!, m0!, m1!, m2!, values, codes, widths, W, bits, counts);
    return group;
  }

  // Value by value: a cell counts a value the first time one of its rows carries it (a stamp per cell holds the last value counted).
  const { luts, masks, tcodes, twidths, stamps, counts } = stampTargets(group, todo, codes, widths, spans, sel.perSpan, (span) => lutOf(name, at, pl, span, cx));
  distinctScan(byValueOf(name, valueField, sel.rows, sel.rows ? JSON.stringify(filters) : '', cx), pl.months, pl.base, luts, masks, tcodes, twidths, stamps, counts);
  return group;
}

/** The targets of the stamp scans (one per span and field), their cells registered in the group. */
function stampTargets(group: Map<string, Distinct>, todo: (string | null)[], codes: (Int32Array | null)[], widths: number[], spans: Span[], perSpan: (Uint8Array | null)[], lut: (span: Span) => Int32Array) {
  const luts: Int32Array[] = [];
  const masks: (Uint8Array | null)[] = [];
  const tcodes: (Int32Array | null)[] = [];
  const twidths: number[] = [];
  const stamps: Int32Array[] = [];
  const counts: Int32Array[] = [];
  spans.forEach((span, g) =>
    todo.forEach((f, j) => {
      const P = span.periods.length;
      const M = widths[j]!;
      const d: Distinct = { count: new Int32Array(P * M) };
      group.set(cellKey(span, f), d);
      luts.push(lut(span));
      masks.push(perSpan[g] ?? null);
      tcodes.push(codes[j]!);
      twidths.push(M);
      stamps.push(new Int32Array(P * M).fill(-1));
      counts.push(d.count);
    }),
  );
  return { luts, masks, tcodes, twidths, stamps, counts };
}

/**
 * A span's distinct counts from (month, member) bitsets: each period's set is the union of its
 * months' sets. Only the words between the months' lowest and highest value are read.
 */
function rollUpBits(bins: Uint32Array, low: Int32Array, high: Int32Array, lut: Int32Array, P: number, M: number, W: number): Distinct {
  const d: Distinct = { count: new Int32Array(P * M) };
  const monthsOfPeriod: number[][] = Array.from({ length: P }, () => []);
  for (let j = 0; j < lut.length; j++) if (lut[j]! >= 0 && high[j]! >= low[j]!) monthsOfPeriod[lut[j]!]!.push(j);
  const size = M * W;
  // A buffer for the union of a period of several months (and the empty set of one without any).
  let buffer = new Uint32Array(0);
  for (let i = 0; i < P; i++) {
    const list = monthsOfPeriod[i]!;
    let lo = 0x7fffffff;
    let hi = -1;
    for (const j of list) {
      if (low[j]! < lo) lo = low[j]!;
      if (high[j]! > hi) hi = high[j]!;
    }
    let cur: Uint32Array;
    if (list.length === 0) cur = buffer;
    else if (list.length === 1) cur = bins.subarray(list[0]! * size, (list[0]! + 1) * size);
    else {
      if (buffer.length < size) buffer = new Uint32Array(size);
      cur = buffer;
      for (let m = 0; m < M; m++) {
        const to = m * W;
        cur.fill(0, to + lo, to + hi + 1);
        for (const j of list) orWords(cur, to, bins, j * size + m * W, lo, hi);
      }
    }
    for (let m = 0; m < M; m++) d.count[i * M + m] = popcount(cur, m * W + lo, hi - lo + 1);
  }
  return d;
}

/** a[to + x] |= b[from + x] for x in lo .. hi. */
function orWords(a: Uint32Array, to: number, b: Uint32Array, from: number, lo: number, hi: number): void {
  for (let x = lo; x <= hi; x++) a[to + x] = a[to + x]! | b[from + x]!;
}

/** Bits set in words off .. off + n - 1. */
function popcount(a: Uint32Array, off: number, n: number): number {
  let count = 0;
  if (n <= 0) return 0;
  for (let w = off; w < off + n; w++) {
    let x = a[w]!;
    if (x === 0) continue;
    x = x - ((x >>> 1) & 0x55555555);
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    count += Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  }
  return count;
}
