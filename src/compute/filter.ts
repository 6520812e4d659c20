/**
 * Structured filters evaluated for all rows at once into a 0/1 mask (filterMask, what the engine
 * uses). Values are compared by their interned code, so a category condition is an integer
 * comparison per row. The row-by-row definition it must equal is the tests' oracle
 * (test/support/compile-filter.ts).
 */
import { periodOf, type Grain } from '../calendar/periods.ts';
import type { Dataset } from '../dataset/build-dataset.ts';
import { DATASETS, vocabularyOf, type DatasetName } from '../dataset/fields.ts';
import { highest, lowest } from './extent.ts';
import type { Condition, Filter } from '../kpi/schema.ts';

/**
 * The same filter evaluated for every row at once: 1 where row r matches, computed for the period
 * its `placed` month falls in (that matters only to period conditions). Row for row the result
 * is that of the row-by-row definition (the tests' compileFilter); the loops run over typed
 * arrays instead of one closure call per row and condition. Each loop is a small function of its own, so that it is compiled once
 * with the types it sees and reused for every column.
 */
export function filterMask(
  ds: Dataset,
  name: DatasetName,
  filter: Filter | undefined,
  grain: Grain,
  fyStart: number,
  placed: Int32Array,
  /** Month ranges already found, per pair of time columns (see monthRange). */
  ranges: Map<Int32Array, Map<Int32Array, [number, number]>> = new Map(),
): Uint8Array {
  const n = ds.tables[name].length;
  const out = new Uint8Array(n).fill(1);
  if (!filter) return out;
  for (const [key, cond] of Object.entries(filter)) {
    if (cond === undefined) continue;
    if (key === 'any' && Array.isArray(cond)) {
      const some = new Uint8Array(n);
      for (const f of cond as Filter[]) orInto(some, filterMask(ds, name, f, grain, fyStart, placed, ranges));
      andInto(out, some);
    } else if (key === 'not' && typeof cond === 'object' && !Array.isArray(cond)) {
      andNotInto(out, filterMask(ds, name, cond as Filter, grain, fyStart, placed, ranges));
    } else conditionMask(out, ds, name, key, cond as Condition, grain, fyStart, placed, ranges);
  }
  return out;
}

/** Does the filter compare a time field with the period being computed (so its mask depends on the grain)? */
export function filterUsesPeriod(name: DatasetName, filter: Filter | undefined): boolean {
  if (!filter) return false;
  for (const [key, cond] of Object.entries(filter)) {
    if (cond === undefined) continue;
    if (key === 'any' && Array.isArray(cond)) {
      if ((cond as Filter[]).some((f) => filterUsesPeriod(name, f))) return true;
    } else if (key === 'not' && typeof cond === 'object' && !Array.isArray(cond)) {
      if (filterUsesPeriod(name, cond as Filter)) return true;
    } else if (DATASETS[name].fields[key]?.type === 'time' && typeof cond === 'object' && cond !== null && !Array.isArray(cond) && (cond as Record<string, unknown>).period !== undefined) return true;
  }
  return false;
}

/** Clears the rows of `out` that fail one field's condition (the tests' compileCondition says the same row by row). */
function conditionMask(
  out: Uint8Array,
  ds: Dataset,
  name: DatasetName,
  field: string,
  cond: Condition,
  grain: Grain,
  fyStart: number,
  placed: Int32Array,
  ranges: Map<Int32Array, Map<Int32Array, [number, number]>>,
): void {
  const type = DATASETS[name].fields[field]!.type;
  const table = ds.tables[name];
  const obj: Record<string, unknown> = typeof cond === 'object' && !Array.isArray(cond) ? cond : Array.isArray(cond) ? { in: cond } : { eq: cond };
  if (type === 'category') {
    const codes = table.cat[field]!;
    const vocab = ds.vocabularies[vocabularyOf(name, field)];
    const code = (v: unknown) => vocab?.find(String(v)) ?? -1;
    // A code of -1 (a value not in the vocabulary) equals the code of the rows without a value.
    if (obj.eq !== undefined) {
      const c = code(obj.eq);
      if (c < 0) out.fill(0);
      else keepCodeEq(out, codes, c);
    }
    if (obj.ne !== undefined) keepCodeNe(out, codes, code(obj.ne));
    if (obj.in !== undefined) keepCodeIn(out, codes, codeTable((obj.in as unknown[]).map(code)));
    if (obj.not_in !== undefined) {
      const list = (obj.not_in as unknown[]).map(code);
      keepCodeNotIn(out, codes, codeTable(list), list.includes(-1));
    }
    if (obj.exists !== undefined) {
      if (typeof obj.exists !== 'boolean') out.fill(0);
      else keepCodeExists(out, codes, obj.exists);
    }
  } else if (type === 'number') {
    const xs = table.num[field]!;
    if (obj.eq !== undefined) keepCompare(out, xs, EQ, Number(obj.eq));
    if (obj.ne !== undefined) keepCompare(out, xs, NE, Number(obj.ne));
    if (obj.in !== undefined) keepNumberIn(out, xs, new Set((obj.in as unknown[]).map(Number)), true);
    if (obj.not_in !== undefined) keepNumberIn(out, xs, new Set((obj.not_in as unknown[]).map(Number)), false);
    if (obj.lt !== undefined) keepCompare(out, xs, LT, Number(obj.lt));
    if (obj.lte !== undefined) keepCompare(out, xs, LTE, Number(obj.lte));
    if (obj.gt !== undefined) keepCompare(out, xs, GT, Number(obj.gt));
    if (obj.gte !== undefined) keepCompare(out, xs, GTE, Number(obj.gte));
    if (obj.exists !== undefined) {
      if (typeof obj.exists !== 'boolean') out.fill(0);
      else keepNumberExists(out, xs, obj.exists);
    }
  } else {
    const months = table.time[field]!.month;
    if (obj.exists !== undefined) {
      if (typeof obj.exists !== 'boolean') out.fill(0);
      else keepCodeExists(out, months, obj.exists);
    }
    if (obj.period !== undefined) {
      const rel = obj.period === 'in' ? 0 : obj.period === 'before' ? -1 : 1;
      const [lo, hi] = monthRange(months, placed, ranges);
      // Month -> period through a table over the months that occur.
      const periodOfMonth = new Int32Array(hi >= lo ? hi - lo + 1 : 0);
      for (let j = 0; j < periodOfMonth.length; j++) periodOfMonth[j] = periodOf(grain, lo + j, fyStart);
      keepPeriod(out, months, placed, periodOfMonth, lo, rel);
    }
  }
}

/** 1 at each listed code (codes below 0 left out). */
function codeTable(codes: number[]): Uint8Array {
  let max = -1;
  for (const c of codes) if (c > max) max = c;
  const table = new Uint8Array(max + 1);
  for (const c of codes) if (c >= 0) table[c] = 1;
  return table;
}

/** Lowest and highest month (>= 0) in either column; kept in `ranges` per pair of columns. */
function monthRange(a: Int32Array, b: Int32Array, ranges: Map<Int32Array, Map<Int32Array, [number, number]>>): [number, number] {
  let inner = ranges.get(a);
  if (!inner) ranges.set(a, (inner = new Map()));
  let range = inner.get(b);
  if (!range) {
    const lo = Math.min(lowest(a), lowest(b));
    const hi = Math.max(highest(a), highest(b));
    inner.set(b, (range = [lo, hi]));
  }
  return range;
}


function orInto(out: Uint8Array, m: Uint8Array): void {
  for (let r = 0; r < out.length; r++) out[r] = out[r]! | m[r]!;
}

function andInto(out: Uint8Array, m: Uint8Array): void {
  for (let r = 0; r < out.length; r++) out[r] = out[r]! & m[r]!;
}

function andNotInto(out: Uint8Array, m: Uint8Array): void {
  for (let r = 0; r < out.length; r++) if (m[r] !== 0) out[r] = 0;
}

function keepCodeEq(out: Uint8Array, codes: Int32Array, c: number): void {
  for (let r = 0; r < out.length; r++) if (codes[r] !== c) out[r] = 0;
}

function keepCodeNe(out: Uint8Array, codes: Int32Array, c: number): void {
  for (let r = 0; r < out.length; r++) if (codes[r] === c) out[r] = 0;
}

/** Keeps the rows whose code is listed. */
function keepCodeIn(out: Uint8Array, codes: Int32Array, listed: Uint8Array): void {
  const size = listed.length;
  for (let r = 0; r < out.length; r++) {
    const c = codes[r]!;
    if (!(c >= 0 && c < size && listed[c] === 1)) out[r] = 0;
  }
}

/** Keeps the rows whose code is not listed; with `absent` (a listed value not in the vocabulary) also drops the rows without a code. */
function keepCodeNotIn(out: Uint8Array, codes: Int32Array, listed: Uint8Array, absent: boolean): void {
  const size = listed.length;
  for (let r = 0; r < out.length; r++) {
    const c = codes[r]!;
    if (c < 0 ? absent && c === -1 : c < size && listed[c] === 1) out[r] = 0;
  }
}

function keepCodeExists(out: Uint8Array, codes: Int32Array, exists: boolean): void {
  for (let r = 0; r < out.length; r++) if (codes[r]! >= 0 !== exists) out[r] = 0;
}

function keepNumberExists(out: Uint8Array, xs: Float64Array, exists: boolean): void {
  for (let r = 0; r < out.length; r++) if (!Number.isNaN(xs[r]!) !== exists) out[r] = 0;
}

function keepNumberIn(out: Uint8Array, xs: Float64Array, set: Set<number>, inside: boolean): void {
  for (let r = 0; r < out.length; r++) {
    const x = xs[r]!;
    if (inside ? !set.has(x) : Number.isNaN(x) || set.has(x)) out[r] = 0;
  }
}

const EQ = 0;
const NE = 1;
const LT = 2;
const LTE = 3;
const GT = 4;
const GTE = 5;

/** Keeps the rows whose value compares so with y; a missing value (NaN) or a NaN y fails every comparison, and ne needs a value. */
function keepCompare(out: Uint8Array, xs: Float64Array, op: number, y: number): void {
  for (let r = 0; r < out.length; r++) {
    const x = xs[r]!;
    const ok = op === EQ ? x === y : op === NE ? x === x && x !== y : op === LT ? x < y : op === LTE ? x <= y : op === GT ? x > y : x >= y;
    if (!ok) out[r] = 0;
  }
}

/** Keeps the rows whose `months` period is in (0), before (-1) or after (1) the period of their `placed` month. */
function keepPeriod(out: Uint8Array, months: Int32Array, placed: Int32Array, periodOfMonth: Int32Array, lo: number, rel: number): void {
  for (let r = 0; r < out.length; r++) {
    const m = months[r]!;
    const pm = placed[r]!;
    if (m < 0 || pm < 0) {
      out[r] = 0;
      continue;
    }
    const q = periodOfMonth[m - lo]!;
    const p = periodOfMonth[pm - lo]!;
    if (rel === 0 ? q !== p : rel < 0 ? q >= p : q <= p) out[r] = 0;
  }
}
