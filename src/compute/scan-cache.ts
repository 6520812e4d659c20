/**
 * The scan cache. Every formula of one computeKpis run shares its memo, and through it
 * (sharedOf) the work of the scans: where each row falls (a month -> period table per grain), which rows pass a filter
 * (a 0/1 mask, or the list of passing rows), and per (aggregation, breakdown field, grain) the
 * sums, counts and distinct counts of each period and member, kept in typed arrays indexed by
 * period index * width + member code. One scan of the rows fills every grain and every breakdown
 * field of an aggregation that the KPIs ask for (planScans lists them beforehand).
 *
 * The numbers are those of adding the rows one by one: a sum of fractions is added up row by row
 * in table order into each cell of each grain, never regrouped (floating-point addition is not
 * associative). Only what no order can change is added up per month first and then per period:
 * counts, sums of integers whose partial sums stay exact, distinct values (bitsets, united per
 * period), and min, max and quantiles (which take a period's values in any order).
 */
import { GRAINS, periodOf, type Grain } from '../calendar/periods.ts';
import { DATASETS, vocabularyOf, type DatasetName } from '../dataset/fields.ts';
import type { Aggregation, Filter } from '../kpi/schema.ts';
import { highest, lowest } from './extent.ts';
import { filterMask, filterUsesPeriod } from './filter.ts';
import type { Series, Val } from './value.ts';
import type { Op } from './formula-reads.ts';
import type { EvalContext } from './eval-context.ts';

/** A grain and the periods computed for it (cx.periods). */
export interface Span {
  grain: Grain;
  periods: number[];
  key: string;
}

/** A table's placing months (a time column's month indices) and their range. */
interface Placement {
  months: Int32Array;
  base: number;
  /** Months from base to the last one; 0 when no row has a month. */
  length: number;
}

/** Rows with a value in a category column, grouped by value (a counting sort). */
export interface ByValue {
  /** Rows of value v: rows[start[v]] .. rows[start[v + 1] - 1]. */
  start: Int32Array;
  rows: Int32Array;
}

/** Per cell (period index * M + member code, or period index for the total). */
export interface Sums {
  s: Float64Array;
  n: Float64Array;
}

export interface Distinct {
  /** Distinct values in the cell. */
  count: Int32Array;
}

/** A column's values (of the rows that pass a filter) per (month, member), in table order within each. */
export interface ValueBins {
  /** Values of bin cell k (month - base) * width + member: values[start[k]] .. values[start[k + 1] - 1]. */
  start: Int32Array;
  values: Float64Array;
}

/** Values per period index: the total, or one map member code -> value (in universe order) per period. */
export interface Part {
  totals?: Val[];
  members?: Map<number, Val>[];
}

interface Shared {
  /** Per column: the size of its vocabulary, the codes that occur, the largest code, whether all values are integers. */
  vocabularySizes: Map<Int32Array, number>;
  universes: Map<Int32Array, number[]>;
  maxima: Map<Int32Array, number>;
  /** Per category column: whether its codes (the absent ones aside) never decrease in table order. */
  ascending: Map<Int32Array, boolean>;
  integral: Map<Float64Array, boolean>;
  /** Per pair of time columns: the lowest and highest month in either (for period filters). */
  monthRanges: Map<Int32Array, Map<Int32Array, [number, number]>>;
  placements: Map<string, Placement>;
  luts: Map<string, Int32Array>;
  masks: Map<string, Uint8Array>;
  rows: Map<string, Int32Array>;
  numeric: Map<Int32Array, Float64Array>;
  byValue: Map<string, ByValue>;
  sums: Map<string, Map<string, Sums>>;
  values: Map<string, Map<string | null, ValueBins>>;
  distinct: Map<string, Map<string, Distinct>>;
  parts: Map<string, Part>;
  /** Scan group -> the breakdown fields the KPIs will ask of it (see planScans). */
  plan: Map<string, Set<string | null>>;
}

const sharedByMemo = new WeakMap<Map<string, Series>, Shared>();

export function sharedOf(cx: EvalContext): Shared {
  let s = sharedByMemo.get(cx.memo);
  if (!s) {
    s = { vocabularySizes: new Map(), universes: new Map(), maxima: new Map(), ascending: new Map(), integral: new Map(), monthRanges: new Map(), placements: new Map(), luts: new Map(), masks: new Map(), rows: new Map(), numeric: new Map(), byValue: new Map(), sums: new Map(), values: new Map(), distinct: new Map(), parts: new Map(), plan: new Map() };
    sharedByMemo.set(cx.memo, s);
  }
  return s;
}

function spanOf(grain: Grain, periods: number[], fyStart: number): Span {
  return { grain, periods, key: `${grain}:${fyStart}:${periods.join(',')}` };
}

/** The span of cx, and the other grains' over the same months when cx covers the usual periods (to compute them in the same scan). */
export function spansOf(cx: EvalContext): { own: Span; all: Span[] } {
  const own = spanOf(cx.grain, cx.periods, cx.fyStart);
  // Weeks have no quarters or years to compute alongside.
  if (cx.week) return { own, all: [own] };
  const all = GRAINS.map((g) => {
    const periods: number[] = [];
    for (let p = periodOf(g, cx.firstMonth, cx.fyStart); p <= periodOf(g, cx.lastMonth, cx.fyStart); p++) periods.push(p);
    return spanOf(g, periods, cx.fyStart);
  });
  return all.some((s) => s.key === own.key) ? { own, all } : { own, all: [own] };
}

export function placement(name: DatasetName, at: string, cx: EvalContext): Placement {
  const sh = sharedOf(cx);
  const key = `${name}\u0000${at}`;
  let pl = sh.placements.get(key);
  if (!pl) {
    const months = cx.ds.tables[name].time[at]!.month;
    const lo = lowest(months);
    const hi = maxOf(months, cx);
    pl = hi < 0 ? { months, base: 0, length: 0 } : { months, base: lo, length: hi - lo + 1 };
    sh.placements.set(key, pl);
  }
  return pl;
}

/** Month (minus base) -> index into the span's periods, or -1 when the month's period is not computed. */
export function lutOf(name: DatasetName, at: string, pl: Placement, span: Span, cx: EvalContext): Int32Array {
  const sh = sharedOf(cx);
  const key = `${name}\u0000${at}\u0000${span.key}`;
  let lut = sh.luts.get(key);
  if (!lut) {
    const index = new Map(span.periods.map((p, i) => [p, i]));
    lut = new Int32Array(pl.length);
    for (let j = 0; j < pl.length; j++) lut[j] = index.get(periodOf(span.grain, pl.base + j, cx.fyStart)) ?? -1;
    sh.luts.set(key, lut);
  }
  return lut;
}

/** 1 for the rows that pass every filter (in the period they fall in); null when there is no filter. */
export function maskOf(name: DatasetName, at: string, filters: Filter[], span: Span, cx: EvalContext): Uint8Array | null {
  if (filters.length === 0) return null;
  const sh = sharedOf(cx);
  // Only a period condition makes the rows that pass depend on the grain and the placing field.
  const byPeriod = filters.some((f) => filterUsesPeriod(name, f));
  const key = JSON.stringify([name, byPeriod ? at : null, byPeriod ? span.key : null, filters]);
  let mask = sh.masks.get(key);
  if (!mask) {
    const placed = cx.ds.tables[name].time[at]!.month;
    for (const f of filters) {
      const m = filterMask(cx.ds, name, f, span.grain, cx.fyStart, placed, sh.monthRanges);
      if (!mask) mask = m;
      else for (let r = 0; r < mask.length; r++) mask[r]! &= m[r]!;
    }
    sh.masks.set(key, mask!);
  }
  return mask!;
}

/** The column aggregated, as numbers (NaN when absent), or null for a count of rows. */
export function numbersOf(name: DatasetName, field: string | undefined, cx: EvalContext): Float64Array | null {
  if (!field) return null;
  const t = cx.ds.tables[name];
  const type = DATASETS[name].fields[field]!.type;
  if (type === 'time') return t.time[field]!.epoch;
  if (type === 'number') return t.num[field]!;
  const codes = t.cat[field]!;
  const sh = sharedOf(cx);
  let xs = sh.numeric.get(codes);
  if (!xs) {
    xs = codesAsNumbers(codes, new Float64Array(codes.length));
    sh.numeric.set(codes, xs);
  }
  return xs;
}

/** Width of a member axis: one more than the largest member code; 1 for the total. */
export function widthOf(codes: Int32Array | null, cx: EvalContext): number {
  if (!codes) return 1;
  membersOf(codes, cx);
  return maxOf(codes, cx) + 1;
}

/** A breakdown field's column; notes the size of its vocabulary, which bounds its codes. */
export function breakdownCodes(name: DatasetName, field: string, cx: EvalContext): Int32Array {
  const codes = cx.ds.tables[name].cat[field]!;
  const sizes = sharedOf(cx).vocabularySizes;
  if (codes && !sizes.has(codes)) sizes.set(codes, cx.ds.vocabularies[vocabularyOf(name, field)]?.values.length ?? 0);
  return codes;
}

/**
 * Member codes that occur in a category column, ascending: the members a breakdown lists. Cached
 * per column. With the vocabulary's size known, the scan stops once every code has been seen.
 */
export function membersOf(codes: Int32Array, cx: EvalContext): number[] {
  const { universes, maxima, vocabularySizes } = sharedOf(cx);
  let u = universes.get(codes);
  if (!u) {
    const size = vocabularySizes.get(codes) ?? 0;
    let seen = new Uint8Array(Math.max(size, 1));
    // Codes beyond the vocabulary (not expected) make the scan start over without stopping early.
    if (markCodes(codes, seen, size) >= seen.length) markCodes(codes, (seen = new Uint8Array(highest(codes) + 1)), 0);
    u = [];
    for (let c = 0; c < seen.length; c++) if (seen[c]) u.push(c);
    universes.set(codes, u);
    maxima.set(codes, u.length ? u[u.length - 1]! : -1);
  }
  return u;
}

/**
 * Sets seen[c] for each code c that fits, until `stop` distinct codes are seen (0: all rows).
 * Returns a code that did not fit, or -1.
 */
function markCodes(codes: Int32Array, seen: Uint8Array, stop: number): number {
  const size = seen.length;
  let distinct = 0;
  for (let r = 0; r < codes.length; r++) {
    const c = codes[r]!;
    if (c < 0 || seen[c] === 1) continue;
    if (c >= size) return c;
    seen[c] = 1;
    if (++distinct === stop) break;
  }
  return -1;
}

/** The largest code in a category column (-1 when none). Cached per column. */
export function maxOf(codes: Int32Array, cx: EvalContext): number {
  const { maxima } = sharedOf(cx);
  let max = maxima.get(codes);
  if (max === undefined) maxima.set(codes, (max = highest(codes)));
  return max;
}

/**
 * Whether a category column's codes, the absent ones (-1) aside, never decrease from row to row:
 * then each code's rows are one run (the order of an order line: build-dataset.ts writes an
 * order's lines together, orders in order). Checked on the column, never assumed; cached per column.
 */
export function ascending(codes: Int32Array, cx: EvalContext): boolean {
  const cache = sharedOf(cx).ascending;
  let ok = cache.get(codes);
  if (ok === undefined) {
    ok = true;
    let last = -1;
    for (let r = 0; r < codes.length; r++) {
      const c = codes[r]!;
      if (c < 0) continue;
      if (c < last) {
        ok = false;
        break;
      }
      last = c;
    }
    cache.set(codes, ok);
  }
  return ok;
}

function countOnes(mask: Uint8Array): number {
  let n = 0;
  for (let r = 0; r < mask.length; r++) n += mask[r]!;
  return n;
}

/** The rows where mask is 1, into `rows` (sized to fit). */
function listRows(mask: Uint8Array, rows: Int32Array): Int32Array {
  let j = 0;
  for (let r = 0; r < mask.length; r++) if (mask[r] !== 0) rows[j++] = r;
  return rows;
}

/**
 * The rows an aggregation visits: with a filter that does not depend on the period, the list of
 * rows that pass it (rows); with one that does, a mask per span (perSpan).
 */
interface Selection {
  rows: Int32Array | null;
  perSpan: (Uint8Array | null)[];
}

export function selectionOf(name: DatasetName, at: string, filters: Filter[], spans: Span[], cx: EvalContext): Selection {
  if (filters.length === 0) return { rows: null, perSpan: spans.map(() => null) };
  if (filters.some((f) => filterUsesPeriod(name, f))) return { rows: null, perSpan: spans.map((span) => maskOf(name, at, filters, span, cx)) };
  const sh = sharedOf(cx);
  const key = JSON.stringify([name, filters]);
  let rows = sh.rows.get(key);
  if (!rows) {
    const mask = maskOf(name, at, filters, spans[0]!, cx)!;
    rows = listRows(mask, new Int32Array(countOnes(mask)));
    sh.rows.set(key, rows);
  }
  return { rows, perSpan: spans.map(() => null) };
}

/** Columns of integers whose absolute values add up to at most 2^53 - 1: every partial sum is exact, so any order of adding gives the same sum. */
export function isIntegral(xs: Float64Array, cx: EvalContext): boolean {
  const { integral } = sharedOf(cx);
  let ok = integral.get(xs);
  if (ok === undefined) integral.set(xs, (ok = integers(xs)));
  return ok;
}

function integers(xs: Float64Array): boolean {
  let total = 0;
  for (let r = 0; r < xs.length; r++) {
    const x = xs[r]!;
    if (x !== x) continue;
    if (!Number.isInteger(x)) return false;
    total += Math.abs(x);
    if (total > Number.MAX_SAFE_INTEGER) return false;
  }
  return true;
}

function codesAsNumbers(codes: Int32Array, xs: Float64Array): Float64Array {
  for (let r = 0; r < codes.length; r++) xs[r] = codes[r]! < 0 ? NaN : codes[r]!;
  return xs;
}

export function cellKey(span: Span, field: string | null): string {
  return `${span.key}\u0000${field ?? ''}`;
}

export function additiveKey(name: DatasetName, valueField: string | undefined, at: string, filters: Filter[], counting: boolean): string {
  return JSON.stringify(['add', name, valueField ?? null, at, filters, counting]);
}

export function distinctKey(name: DatasetName, valueField: string, at: string, filters: Filter[]): string {
  return JSON.stringify(['distinct', name, valueField, at, filters]);
}

export function valuesKey(name: DatasetName, valueField: string | undefined, at: string, filters: Filter[]): string {
  return JSON.stringify(['values', name, valueField ?? null, at, filters]);
}

/**
 * The scan that serves an aggregation and the key of its group: distinct values of a category
 * field (distinct.ts), sums and counts (additive), or the values themselves (valueBins). The one
 * home of that choice, read by the aggregation and by the scan planner.
 */
export function scanOf(op: Op, spec: Aggregation, at: string, filters: Filter[]): { kind: 'distinct' | 'additive' | 'values'; key: string; withCount: boolean } {
  const type = spec.field ? DATASETS[spec.of]?.fields[spec.field]?.type : null;
  if (op === 'count_distinct' && spec.field && type === 'category') return { kind: 'distinct', key: distinctKey(spec.of, spec.field, at, filters), withCount: false };
  if (op === 'sum' || op === 'share-sum' || op === 'count' || op === 'share-count' || op === 'avg') {
    const withCount = op === 'avg' || op === 'count' || op === 'share-count';
    // Without a field every row counts as 1: the sum is the count.
    return { kind: 'additive', key: additiveKey(spec.of, spec.field, at, filters, !spec.field || withCount), withCount };
  }
  return { kind: 'values', key: valuesKey(spec.of, spec.field, at, filters), withCount: false };
}

/** The fields asked for, and the planned ones the table has. */
export function wanted(name: DatasetName, fields: (string | null)[], planned: Set<string | null> | undefined, cx: EvalContext): (string | null)[] {
  const out = new Set(fields);
  if (planned) for (const f of planned) if (f === null || cx.ds.tables[name].cat[f]) out.add(f);
  return [...out];
}

/** The rows (all, or the listed ones) that have a value in a category column, grouped by value (a counting sort). */
export function byValueOf(name: DatasetName, field: string, rows: Int32Array | null, rowsKey: string, cx: EvalContext): ByValue {
  const sh = sharedOf(cx);
  const key = JSON.stringify([name, field, rowsKey]);
  let bv = sh.byValue.get(key);
  if (!bv) {
    const xs = cx.ds.tables[name].cat[field]!;
    const max = maxOf(xs, cx);
    const len = rows === null ? xs.length : rows.length;
    const start = new Int32Array(max + 2);
    for (let j = 0; j < len; j++) {
      const v = xs[rows === null ? j : rows[j]!]!;
      if (v >= 0) start[v + 1]!++;
    }
    for (let v = 0; v <= max; v++) start[v + 1]! += start[v]!;
    const fill = start.slice(0, max + 1);
    const out = new Int32Array(start[max + 1]!);
    for (let j = 0; j < len; j++) {
      const r = rows === null ? j : rows[j]!;
      const v = xs[r]!;
      if (v >= 0) out[fill[v]!++] = r;
    }
    sh.byValue.set(key, (bv = { start, rows: out }));
  }
  return bv;
}
