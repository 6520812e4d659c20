/**
 * Evaluates a formula for every period of one grain, for the total and for each breakdown
 * member. Results are memoized per formula, so net sales computed for one KPI is reused by every
 * KPI built on it; below them, one scan of a table serves every grain and breakdown field that
 * the KPIs ask of the same aggregation (see "The scans").
 */
import { GRAINS, monthsOf, periodOf, perYear, type Grain } from '../calendar/periods.ts';
import type { WorkCalendar } from '../calendar/working-days.ts';
import type { Dataset } from '../dataset/build-dataset.ts';
import { DATASETS, vocabularyOf, type DatasetName } from '../dataset/fields.ts';
import type { Aggregation, AggregationOp, Breakdown, Filter, Formula, Kpi } from '../kpi/schema.ts';
import { Midnights } from '../ingest/days.ts';
import { accumulator, emptyValue, quantile, type Accumulator } from './accumulator.ts';
import { filterMask, filterUsesPeriod } from './filter.ts';
import { divide, none, val, type Cell, type Series, type Val } from './value.ts';

export interface RepSpan {
  code: number;
  /** Day numbers (days since 1970-01-01), inclusive; left is Infinity while employed. */
  joined: number;
  left: number;
}

export interface EvalContext {
  ds: Dataset;
  fyStart: number;
  grain: Grain;
  /** The grain's period indices covered by the data, in order. */
  periods: number[];
  /** First and last month index with data. */
  firstMonth: number;
  lastMonth: number;
  breakdowns: Breakdown[];
  kpis: Map<string, Kpi>;
  calendar: WorkCalendar;
  reps: RepSpan[];
  memo: Map<string, Series>;
}

export function evaluate(f: Formula, cx: EvalContext): Series {
  const key = JSON.stringify([f, cx.grain, cx.breakdowns]);
  let s = cx.memo.get(key);
  if (!s) {
    s = evaluateUncached(f, cx);
    cx.memo.set(key, s);
  }
  return s;
}

function evaluateUncached(f: Formula, cx: EvalContext): Series {
  switch (f.op) {
    case 'kpi':
      return evaluate(cx.kpis.get(f.id)!.formula, cx);
    case 'ratio':
      return combine(evaluate(f.numerator, cx), evaluate(f.denominator, cx), cx, divide);
    case 'share': {
      const { of, where, within, field, at } = f.spec;
      const spec: Aggregation = { of: of as DatasetName, ...(field ? { field } : {}), ...(at ? { at } : {}) };
      const op = field ? 'share-sum' : 'share-count';
      const base = within ? [within] : [];
      return combine(aggregate(op, spec, [...base, where], cx), aggregate(op, spec, base, cx), cx, divide);
    }
    case 'growth': {
      const of = evaluate(f.of, cx);
      const back = f.vs === 'previous-period' ? 1 : perYear(cx.grain);
      return mapPeriods(cx, (p) => {
        const now = of.get(p)!;
        // A previous period the data covers only in part is no base for a growth rate.
        const before = covered(p - back, cx) ? of.get(p - back) : undefined;
        return mapCell(now, before, (n, b) => {
          if (!b) return none('no-previous-period');
          if (n.value === null) return n;
          if (b.value === null) return b.reason === 'no-previous-period' ? b : none('no-previous-period');
          if (b.value === 0) return none('zero-denominator');
          return val((n.value - b.value) / Math.abs(b.value));
        });
      });
    }
    case 'per_working_day':
    case 'per_rep':
      return perRep(f, cx);
    case 'retention':
      return retention(f.spec, cx);
    default:
      return aggregate(f.op, f.spec, f.spec.where ? [f.spec.where] : [], cx);
  }
}

/**
 * Rates per rep. per_working_day divides by working days (the company's, or with per: rep each
 * rep's own between joined and left, summed). per_rep is the average over the reps of the
 * period: every rep employed on at least one day of it counts as one, whatever part of it they
 * worked (a rep who joined or left mid-period too; one who left before it does not), and so does
 * a rep credited with a value while not employed (validation warns about that). Those reps are
 * the breakdown by the rep field, each with their own value (0 when they are credited nothing),
 * and the total is the sum of their values over their number: the mean of the rows shown. A
 * value credited to no rep (an account before its first owner) is in neither.
 * With per: rep the total's numerator is the sum of each rep's own value, so a lead two reps
 * both contacted counts for each of them, as it does in their own rates.
 */
function perRep(f: Extract<Formula, { op: 'per_working_day' | 'per_rep' }>, cx: EvalContext): Series {
  const of = evaluate(f.of, cx);
  const byRepKey = '\u0000rep';
  const perRepSeries = f.op === 'per_rep' || f.per === 'rep' ? evaluate(f.of, { ...cx, breakdowns: [{ by: byRepKey, field: f.field }] }) : null;
  return mapPeriods(cx, (p) => {
    const [from, to] = clip(monthsOf(cx.grain, p, cx.fyStart), cx);
    const daysOf = (rep?: RepSpan) => {
      let n = 0;
      for (let mi = from; mi <= to; mi++) n += rep ? cx.calendar.workingDaysInMonth(mi, rep.joined, rep.left) : cx.calendar.workingDaysInMonth(mi);
      return n;
    };
    const cell = of.get(p)!;
    const repValues = perRepSeries?.get(p)!.members[byRepKey] ?? new Map<number, Val>();
    const sumOfReps = (): Val => {
      let s = 0;
      for (const v of repValues.values()) {
        if (v.reason === 'not-finite') return v;
        if (v.value !== null) s += v.value;
      }
      return val(s);
    };
    const repByCode = new Map(cx.reps.map((r) => [r.code, r]));
    const memberDivisor = (code: number, total: number): number =>
      f.op === 'per_rep' ? 1 : f.per === 'rep' ? (repByCode.has(code) ? daysOf(repByCode.get(code)) : 0) : total;
    let numerator = cell.total;
    let denominator: number;
    let counted: Set<number> | null = null;
    if (f.op === 'per_rep') {
      // Reps employed at some point of the period, and any rep credited with a value in it.
      counted = new Set(cx.reps.filter((r) => daysOverlap(r, from, to)).map((r) => r.code));
      for (const [code, v] of repValues) if (v.value) counted.add(code);
      if (cell.total.value !== null) numerator = sumOfReps();
      denominator = counted.size;
    } else if (f.per === 'rep') {
      numerator = sumOfReps();
      denominator = cx.reps.reduce((n, r) => n + daysOf(r), 0);
    } else denominator = daysOf();
    const members: Cell['members'] = {};
    for (const [by, values] of Object.entries(cell.members)) {
      const out = new Map<number, Val>();
      for (const [code, v] of values) out.set(code, divide(v, val(memberDivisor(code, denominator))));
      // The reps of the period are the rows of the breakdown by rep, no more (a rep met in other
      // periods only is not one) and no fewer (0 when credited nothing).
      if (counted && cx.breakdowns.some((b) => b.by === by && b.field === f.field)) {
        const rows = new Map<number, Val>();
        for (const code of [...counted].filter((c) => c >= 0).sort((x, y) => x - y)) rows.set(code, out.get(code) ?? emptyValue((f.of as { op: AggregationOp }).op));
        members[by] = rows;
        continue;
      }
      members[by] = out;
    }
    return { total: divide(numerator, val(denominator)), members };
  });
}

/** The rep was employed on at least one day of months from..to. */
function daysOverlap(rep: RepSpan, from: number, to: number): boolean {
  const start = Date.UTC(Math.floor(from / 12), from % 12, 1) / 86_400_000;
  const end = Date.UTC(Math.floor(to / 12), (to % 12) + 1, 0) / 86_400_000;
  return rep.joined <= end && rep.left >= start;
}

/** The whole period lies within the months with data. */
function covered(p: number, cx: EvalContext): boolean {
  const [a, b] = monthsOf(cx.grain, p, cx.fyStart);
  return a >= cx.firstMonth && b <= cx.lastMonth;
}

function clip([a, b]: [number, number], cx: EvalContext): [number, number] {
  return [Math.max(a, cx.firstMonth), Math.min(b, cx.lastMonth)];
}

function mapPeriods(cx: EvalContext, fn: (p: number) => Cell): Series {
  const s: Series = new Map();
  for (const p of cx.periods) s.set(p, fn(p));
  return s;
}

/** Applies fn to the totals of two cells and to each member of either. */
function mapCell(a: Cell, b: Cell | undefined, fn: (a: Val, b: Val | undefined) => Val): Cell {
  const members: Cell['members'] = {};
  for (const [by, values] of Object.entries(a.members)) {
    const other = b?.members[by];
    const out = new Map<number, Val>();
    for (const [code, v] of values) out.set(code, fn(v, b ? (other?.get(code) ?? none('no-data')) : undefined));
    members[by] = out;
  }
  return { total: fn(a.total, b?.total), members };
}

function combine(a: Series, b: Series, cx: EvalContext, fn: (a: Val, b: Val) => Val): Series {
  return mapPeriods(cx, (p) => {
    const x = a.get(p)!;
    const y = b.get(p)!;
    const members: Cell['members'] = {};
    for (const by of Object.keys(x.members)) {
      const xs = x.members[by]!;
      const ys = y.members[by]!;
      const out = new Map<number, Val>();
      for (const code of new Set([...xs.keys(), ...ys.keys()])) out.set(code, fn(xs.get(code) ?? none('no-data'), ys.get(code) ?? none('no-data')));
      members[by] = out;
    }
    return { total: fn(x.total, y.total), members };
  });
}

/** A breakdown field's column; notes the size of its vocabulary, which bounds its codes. */
function breakdownCodes(name: DatasetName, field: string, cx: EvalContext): Int32Array {
  const codes = cx.ds.tables[name].cat[field]!;
  const sizes = sharedOf(cx).vocabularySizes;
  if (codes && !sizes.has(codes)) sizes.set(codes, cx.ds.vocabularies[vocabularyOf(name, field)]?.values.length ?? 0);
  return codes;
}

/**
 * Member codes that occur in a category column, ascending: the members a breakdown lists. Cached
 * per column. With the vocabulary's size known, the scan stops once every code has been seen.
 */
function membersOf(codes: Int32Array, cx: EvalContext): number[] {
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
function maxOf(codes: Int32Array, cx: EvalContext): number {
  const { maxima } = sharedOf(cx);
  let max = maxima.get(codes);
  if (max === undefined) maxima.set(codes, (max = highest(codes)));
  return max;
}

function highest(xs: Int32Array): number {
  let hi = -1;
  for (let r = 0; r < xs.length; r++) if (xs[r]! > hi) hi = xs[r]!;
  return hi;
}

/** The lowest value >= 0 (0x7fffffff when none). */
function lowest(xs: Int32Array): number {
  let lo = 0x7fffffff;
  for (let r = 0; r < xs.length; r++) {
    const x = xs[r]!;
    if (x >= 0 && x < lo) lo = x;
  }
  return lo;
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

/*
 * The scans. Every formula of one computeKpis run shares its memo, and through it (sharedOf) the
 * work below: where each row falls (a month -> period table per grain), which rows pass a filter
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

/** A grain and the periods computed for it (cx.periods). */
interface Span {
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
interface ByValue {
  /** Rows of value v: rows[start[v]] .. rows[start[v + 1] - 1]. */
  start: Int32Array;
  rows: Int32Array;
}

/** Per cell (period index * M + member code, or period index for the total). */
interface Sums {
  s: Float64Array;
  n: Float64Array;
}
interface Distinct {
  /** Distinct values in the cell. */
  count: Int32Array;
}

/** Values per period index: the total, or one map member code -> value (in universe order) per period. */
interface Part {
  totals?: Val[];
  members?: Map<number, Val>[];
}

interface Shared {
  /** Per column: the size of its vocabulary, the codes that occur, the largest code, whether all values are integers. */
  vocabularySizes: Map<Int32Array, number>;
  universes: Map<Int32Array, number[]>;
  maxima: Map<Int32Array, number>;
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
function sharedOf(cx: EvalContext): Shared {
  let s = sharedByMemo.get(cx.memo);
  if (!s) {
    s = { vocabularySizes: new Map(), universes: new Map(), maxima: new Map(), integral: new Map(), monthRanges: new Map(), placements: new Map(), luts: new Map(), masks: new Map(), rows: new Map(), numeric: new Map(), byValue: new Map(), sums: new Map(), values: new Map(), distinct: new Map(), parts: new Map(), plan: new Map() };
    sharedByMemo.set(cx.memo, s);
  }
  return s;
}

function spanOf(grain: Grain, periods: number[], fyStart: number): Span {
  return { grain, periods, key: `${grain}:${fyStart}:${periods.join(',')}` };
}

/** The span of cx, and the other grains' over the same months when cx covers the usual periods (to compute them in the same scan). */
function spansOf(cx: EvalContext): { own: Span; all: Span[] } {
  const own = spanOf(cx.grain, cx.periods, cx.fyStart);
  const all = GRAINS.map((g) => {
    const periods: number[] = [];
    for (let p = periodOf(g, cx.firstMonth, cx.fyStart); p <= periodOf(g, cx.lastMonth, cx.fyStart); p++) periods.push(p);
    return spanOf(g, periods, cx.fyStart);
  });
  return all.some((s) => s.key === own.key) ? { own, all } : { own, all: [own] };
}

function placement(name: DatasetName, at: string, cx: EvalContext): Placement {
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
function lutOf(name: DatasetName, at: string, pl: Placement, span: Span, cx: EvalContext): Int32Array {
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
function maskOf(name: DatasetName, at: string, filters: Filter[], span: Span, cx: EvalContext): Uint8Array | null {
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
function numbersOf(name: DatasetName, field: string | undefined, cx: EvalContext): Float64Array | null {
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
function widthOf(codes: Int32Array | null, cx: EvalContext): number {
  if (!codes) return 1;
  membersOf(codes, cx);
  return maxOf(codes, cx) + 1;
}

type Op = AggregationOp | 'share-count' | 'share-sum';

function aggregate(op: Op, spec: Aggregation, filters: Filter[], cx: EvalContext): Series {
  const key = JSON.stringify(['agg', op, spec.of, spec.field, spec.at, spec.p, filters, cx.grain, cx.breakdowns]);
  const hit = cx.memo.get(key);
  if (hit) return hit;
  const at = spec.at ?? DATASETS[spec.of].placedBy;
  const { own, all } = spansOf(cx);
  const fields = [null, ...cx.breakdowns.map((b) => b.field)];
  // All the fields and grains in one scan.
  if (op === 'count_distinct' && spec.field && DATASETS[spec.of].fields[spec.field]!.type === 'category') distinctCells(spec.of, spec.field, at, filters, fields, all, cx);
  else if (op === 'sum' || op === 'share-sum' || op === 'count' || op === 'share-count' || op === 'avg') additive(spec.of, spec.field, at, filters, fields, all, op === 'avg' || op === 'count' || op === 'share-count', cx);
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

  const type = spec.field ? DATASETS[name].fields[spec.field]!.type : null;
  if (kind === 'count' || kind === 'sum' || kind === 'avg') {
    const { s, n } = additive(name, spec.field, at, filters, [field], [span], kind !== 'sum', cx).get(cellKey(span, field))!;
    if (kind === 'count') result = (k) => val(n[k]!);
    else if (kind === 'sum') result = (k) => val(s[k]!);
    else result = (k) => (n[k] ? val(s[k]! / n[k]!) : undefined);
  } else if (kind === 'count_distinct' && type === 'category') {
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
 * The rows an aggregation visits: with a filter that does not depend on the period, the list of
 * rows that pass it (rows); with one that does, a mask per span (perSpan).
 */
interface Selection {
  rows: Int32Array | null;
  perSpan: (Uint8Array | null)[];
}

function selectionOf(name: DatasetName, at: string, filters: Filter[], spans: Span[], cx: EvalContext): Selection {
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

/** Columns of integers whose absolute values add up to at most 2^53 - 1: every partial sum is exact, so any order of adding gives the same sum. */
function isIntegral(xs: Float64Array, cx: EvalContext): boolean {
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

/** Per (month, member) sums or counts, in table order. */
function binAddScan(rows: Int32Array | null, months: Int32Array, base: number, xs: Float64Array | null, codes: (Int32Array | null)[], widths: number[], S: Float64Array[] | null, C: Float64Array[] | null): void {
  const F = codes.length;
  const len = rows === null ? months.length : rows.length;
  for (let j = 0; j < len; j++) {
    const r = rows === null ? j : rows[j]!;
    const mo = months[r]!;
    if (mo < 0) continue;
    const x = xs === null ? 1 : xs[r]!;
    if (x !== x) continue;
    const rel = mo - base;
    for (let f = 0; f < F; f++) {
      const cd = codes[f]!;
      let m = 0;
      if (cd !== null) {
        m = cd[r]!;
        if (m < 0) continue;
      }
      const k = rel * widths[f]! + m;
      if (S !== null) {
        const s = S[f]!;
        s[k] = s[k]! + x;
      }
      if (C !== null) {
        const c = C[f]!;
        c[k] = c[k]! + 1;
      }
    }
  }
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

/*
 * The scan kernels: rows in table order (all, or the listed ones); per row up to three spans
 * (lut: month - base -> period index, or -1) and any number of breakdown fields (codes null: the
 * total). Cell k = period index * width + member code; target f * 3 + g.
 */

function sumScan(
  rows: Int32Array | null,
  months: Int32Array,
  base: number,
  l0: Int32Array,
  l1: Int32Array,
  l2: Int32Array,
  m0: Uint8Array | null,
  m1: Uint8Array | null,
  m2: Uint8Array | null,
  xs: Float64Array,
  codes: (Int32Array | null)[],
  widths: number[],
  S: Float64Array[],
): void {
  const F = codes.length;
  const len = rows === null ? months.length : rows.length;
  for (let j = 0; j < len; j++) {
    const r = rows === null ? j : rows[j]!;
    const mo = months[r]!;
    if (mo < 0) continue;
    const x = xs[r]!;
    if (x !== x) continue;
    const rel = mo - base;
    const i0 = m0 !== null && m0[r] === 0 ? -1 : l0[rel]!;
    const i1 = m1 !== null && m1[r] === 0 ? -1 : l1[rel]!;
    const i2 = m2 !== null && m2[r] === 0 ? -1 : l2[rel]!;
    for (let f = 0; f < F; f++) {
      const cd = codes[f]!;
      let m = 0;
      if (cd !== null) {
        m = cd[r]!;
        if (m < 0) continue;
      }
      const w = widths[f]!;
      if (i0 >= 0) {
        const s = S[3 * f]!;
        const k = i0 * w + m;
        s[k] = s[k]! + x;
      }
      if (i1 >= 0) {
        const s = S[3 * f + 1]!;
        const k = i1 * w + m;
        s[k] = s[k]! + x;
      }
      if (i2 >= 0) {
        const s = S[3 * f + 2]!;
        const k = i2 * w + m;
        s[k] = s[k]! + x;
      }
    }
  }
}

function sumCountScan(
  rows: Int32Array | null,
  months: Int32Array,
  base: number,
  l0: Int32Array,
  l1: Int32Array,
  l2: Int32Array,
  m0: Uint8Array | null,
  m1: Uint8Array | null,
  m2: Uint8Array | null,
  xs: Float64Array,
  codes: (Int32Array | null)[],
  widths: number[],
  S: Float64Array[],
  C: Float64Array[],
): void {
  const F = codes.length;
  const len = rows === null ? months.length : rows.length;
  for (let j = 0; j < len; j++) {
    const r = rows === null ? j : rows[j]!;
    const mo = months[r]!;
    if (mo < 0) continue;
    const x = xs[r]!;
    if (x !== x) continue;
    const rel = mo - base;
    const i0 = m0 !== null && m0[r] === 0 ? -1 : l0[rel]!;
    const i1 = m1 !== null && m1[r] === 0 ? -1 : l1[rel]!;
    const i2 = m2 !== null && m2[r] === 0 ? -1 : l2[rel]!;
    for (let f = 0; f < F; f++) {
      const cd = codes[f]!;
      let m = 0;
      if (cd !== null) {
        m = cd[r]!;
        if (m < 0) continue;
      }
      const w = widths[f]!;
      if (i0 >= 0) {
        const s = S[3 * f]!;
        const n = C[3 * f]!;
        const k = i0 * w + m;
        s[k] = s[k]! + x;
        n[k] = n[k]! + 1;
      }
      if (i1 >= 0) {
        const s = S[3 * f + 1]!;
        const n = C[3 * f + 1]!;
        const k = i1 * w + m;
        s[k] = s[k]! + x;
        n[k] = n[k]! + 1;
      }
      if (i2 >= 0) {
        const s = S[3 * f + 2]!;
        const n = C[3 * f + 2]!;
        const k = i2 * w + m;
        s[k] = s[k]! + x;
        n[k] = n[k]! + 1;
      }
    }
  }
}

function countScan(
  rows: Int32Array | null,
  months: Int32Array,
  base: number,
  l0: Int32Array,
  l1: Int32Array,
  l2: Int32Array,
  m0: Uint8Array | null,
  m1: Uint8Array | null,
  m2: Uint8Array | null,
  codes: (Int32Array | null)[],
  widths: number[],
  C: Float64Array[],
): void {
  const F = codes.length;
  const len = rows === null ? months.length : rows.length;
  for (let j = 0; j < len; j++) {
    const r = rows === null ? j : rows[j]!;
    const mo = months[r]!;
    if (mo < 0) continue;
    const rel = mo - base;
    const i0 = m0 !== null && m0[r] === 0 ? -1 : l0[rel]!;
    const i1 = m1 !== null && m1[r] === 0 ? -1 : l1[rel]!;
    const i2 = m2 !== null && m2[r] === 0 ? -1 : l2[rel]!;
    for (let f = 0; f < F; f++) {
      const cd = codes[f]!;
      let m = 0;
      if (cd !== null) {
        m = cd[r]!;
        if (m < 0) continue;
      }
      const w = widths[f]!;
      if (i0 >= 0) C[3 * f]![i0 * w + m]!++;
      if (i1 >= 0) C[3 * f + 1]![i1 * w + m]!++;
      if (i2 >= 0) C[3 * f + 2]![i2 * w + m]!++;
    }
  }
}

/** A column's values (of the rows that pass a filter) per (month, member), in table order within each. */
interface ValueBins {
  /** Values of bin cell k (month - base) * width + member: values[start[k]] .. values[start[k + 1] - 1]. */
  start: Int32Array;
  values: Float64Array;
}

function valueBins(name: DatasetName, valueField: string | undefined, at: string, filters: Filter[], fields: (string | null)[], cx: EvalContext): Map<string | null, ValueBins> {
  const sh = sharedOf(cx);
  const groupKey = JSON.stringify(['values', name, valueField ?? null, at, filters]);
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

/** Puts each row's value in its (month, member) bin, for each field, in table order. */
function binFill(rows: Int32Array | null, months: Int32Array, base: number, xs: Float64Array, codes: (Int32Array | null)[], widths: number[], pos: Int32Array[], out: Float64Array[]): void {
  const F = codes.length;
  const len = rows === null ? months.length : rows.length;
  for (let j = 0; j < len; j++) {
    const r = rows === null ? j : rows[j]!;
    const mo = months[r]!;
    if (mo < 0) continue;
    const x = xs[r]!;
    if (x !== x) continue;
    const rel = mo - base;
    for (let f = 0; f < F; f++) {
      const cd = codes[f]!;
      let m = 0;
      if (cd !== null) {
        m = cd[r]!;
        if (m < 0) continue;
      }
      const k = rel * widths[f]! + m;
      const p = pos[f]!;
      out[f]![p[k]!] = x;
      p[k] = p[k]! + 1;
    }
  }
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

function additiveKey(name: DatasetName, valueField: string | undefined, at: string, filters: Filter[], counting: boolean): string {
  return JSON.stringify(['add', name, valueField ?? null, at, filters, counting]);
}

function distinctKey(name: DatasetName, valueField: string, at: string, filters: Filter[]): string {
  return JSON.stringify(['distinct', name, valueField, at, filters]);
}

/** The fields asked for, and the planned ones the table has. */
function wanted(name: DatasetName, fields: (string | null)[], planned: Set<string | null> | undefined, cx: EvalContext): (string | null)[] {
  const out = new Set(fields);
  if (planned) for (const f of planned) if (f === null || cx.ds.tables[name].cat[f]) out.add(f);
  return [...out];
}

/**
 * Walks the KPIs' formulas as evaluate will, and notes for each scan group every breakdown field
 * it will be asked for, so that the first scan of a group computes them all. Only a hint: a field
 * not planned is still computed when asked for.
 */
export function planScans(kpis: Kpi[], cx: EvalContext): void {
  const sh = sharedOf(cx);
  const note = (key: string, fields: (string | null)[]) => {
    let set = sh.plan.get(key);
    if (!set) sh.plan.set(key, (set = new Set()));
    for (const f of fields) set.add(f);
  };
  const aggregation = (op: Op, spec: Aggregation, filters: Filter[], fields: (string | null)[]) => {
    const at = spec.at ?? DATASETS[spec.of]?.placedBy;
    if (!at) return;
    const type = spec.field ? DATASETS[spec.of].fields[spec.field]?.type : null;
    if (op === 'count_distinct' && spec.field && type === 'category') note(distinctKey(spec.of, spec.field, at, filters), fields);
    else if (op === 'sum' || op === 'share-sum' || op === 'count' || op === 'share-count' || op === 'avg')
      note(additiveKey(spec.of, spec.field, at, filters, !spec.field || op === 'avg' || op === 'count' || op === 'share-count'), fields);
    else note(JSON.stringify(['values', spec.of, spec.field ?? null, at, filters]), fields);
  };
  const visit = (f: Formula | undefined, fields: (string | null)[], stack: string[]): void => {
    if (!f) return;
    switch (f.op) {
      case 'kpi':
        if (!stack.includes(f.id)) visit(cx.kpis.get(f.id)?.formula, fields, [...stack, f.id]);
        return;
      case 'ratio':
        visit(f.numerator, fields, stack);
        visit(f.denominator, fields, stack);
        return;
      case 'share': {
        const { of, where, within, field, at } = f.spec;
        const spec: Aggregation = { of: of as DatasetName, ...(field ? { field } : {}), ...(at ? { at } : {}) };
        const op = field ? 'share-sum' : 'share-count';
        const base = within ? [within] : [];
        aggregation(op, spec, [...base, where], fields);
        aggregation(op, spec, base, fields);
        return;
      }
      case 'growth':
        visit(f.of, fields, stack);
        return;
      case 'per_working_day':
      case 'per_rep':
        visit(f.of, fields, stack);
        if (f.op === 'per_rep' || f.per === 'rep') visit(f.of, [null, f.field], stack);
        return;
      case 'retention':
        return;
      default:
        aggregation(f.op, f.spec, f.spec.where ? [f.spec.where] : [], fields);
    }
  };
  for (const kpi of kpis) {
    visit(kpi.formula, [null, ...kpi.breakdowns.map((b) => b.field)], [kpi.id]);
    if (kpi.secondary) visit(kpi.secondary.formula, [null], [kpi.id]);
  }
}

function cellKey(span: Span, field: string | null): string {
  return `${span.key}\u0000${field ?? ''}`;
}

/** Rows grouped by their value of a category column (rows without one left out). */
/** The rows (all, or the listed ones) that have a value in a category column, grouped by value (a counting sort). */
function byValueOf(name: DatasetName, field: string, rows: Int32Array | null, rowsKey: string, cx: EvalContext): ByValue {
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

/** Bitsets of one distinct scan may take this many bytes; beyond it the rows are visited value by value instead. */
const BITSET_BYTES = 256 * 1024 * 1024;

/**
 * Distinct values of a category field per cell, for each breakdown field and span asked for (or
 * planned) and not yet known, in one scan.
 */
function distinctCells(name: DatasetName, valueField: string, at: string, filters: Filter[], fields: (string | null)[], spans: Span[], cx: EvalContext): Map<string, Distinct> {
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
      luts.push(lutOf(name, at, pl, span, cx));
      masks.push(sel.perSpan[g] ?? null);
      tcodes.push(codes[j]!);
      twidths.push(M);
      stamps.push(new Int32Array(P * M).fill(-1));
      counts.push(d.count);
    }),
  );
  distinctScan(byValueOf(name, valueField, sel.rows, sel.rows ? JSON.stringify(filters) : '', cx), pl.months, pl.base, luts, masks, tcodes, twidths, stamps, counts);
  return group;
}

/**
 * Sets bit v of the (month, member) bitset of each row, for each field; notes per month the
 * lowest and highest value seen, so later steps read only the words in between.
 */
function binBitScan(rows: Int32Array | null, months: Int32Array, base: number, values: Int32Array, codes: (Int32Array | null)[], widths: number[], W: number, bins: Uint32Array[], low: Int32Array, high: Int32Array): void {
  const F = codes.length;
  const len = rows === null ? months.length : rows.length;
  for (let j = 0; j < len; j++) {
    const r = rows === null ? j : rows[j]!;
    const mo = months[r]!;
    if (mo < 0) continue;
    const v = values[r]!;
    if (v < 0) continue;
    const rel = mo - base;
    const word = v >>> 5;
    const bit = 1 << (v & 31);
    if (word < low[rel]!) low[rel] = word;
    if (word > high[rel]!) high[rel] = word;
    for (let f = 0; f < F; f++) {
      const cd = codes[f]!;
      let m = 0;
      if (cd !== null) {
        m = cd[r]!;
        if (m < 0) continue;
      }
      const b = bins[f]!;
      const x = (rel * widths[f]! + m) * W + word;
      b[x] = b[x]! | bit;
    }
  }
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

function bitScan(
  rows: Int32Array | null,
  months: Int32Array,
  base: number,
  l0: Int32Array,
  l1: Int32Array,
  l2: Int32Array,
  m0: Uint8Array | null,
  m1: Uint8Array | null,
  m2: Uint8Array | null,
  values: Int32Array,
  codes: (Int32Array | null)[],
  widths: number[],
  W: number,
  bits: Uint32Array[],
  counts: Int32Array[],
): void {
  const F = codes.length;
  const len = rows === null ? months.length : rows.length;
  for (let j = 0; j < len; j++) {
    const r = rows === null ? j : rows[j]!;
    const mo = months[r]!;
    if (mo < 0) continue;
    const v = values[r]!;
    if (v < 0) continue;
    const rel = mo - base;
    const i0 = m0 !== null && m0[r] === 0 ? -1 : l0[rel]!;
    const i1 = m1 !== null && m1[r] === 0 ? -1 : l1[rel]!;
    const i2 = m2 !== null && m2[r] === 0 ? -1 : l2[rel]!;
    const word = v >>> 5;
    const bit = 1 << (v & 31);
    for (let f = 0; f < F; f++) {
      const cd = codes[f]!;
      let m = 0;
      if (cd !== null) {
        m = cd[r]!;
        if (m < 0) continue;
      }
      const w = widths[f]!;
      if (i0 >= 0) {
        const k = i0 * w + m;
        const b = bits[3 * f]!;
        const x = k * W + word;
        if ((b[x]! & bit) === 0) {
          b[x] = b[x]! | bit;
          counts[3 * f]![k]!++;
        }
      }
      if (i1 >= 0) {
        const k = i1 * w + m;
        const b = bits[3 * f + 1]!;
        const x = k * W + word;
        if ((b[x]! & bit) === 0) {
          b[x] = b[x]! | bit;
          counts[3 * f + 1]![k]!++;
        }
      }
      if (i2 >= 0) {
        const k = i2 * w + m;
        const b = bits[3 * f + 2]!;
        const x = k * W + word;
        if ((b[x]! & bit) === 0) {
          b[x] = b[x]! | bit;
          counts[3 * f + 2]![k]!++;
        }
      }
    }
  }
}

function distinctScan(
  bv: ByValue,
  months: Int32Array,
  base: number,
  luts: Int32Array[],
  masks: (Uint8Array | null)[],
  codes: (Int32Array | null)[],
  widths: number[],
  stamps: Int32Array[],
  counts: Int32Array[],
): void {
  const T = luts.length;
  const { start, rows } = bv;
  const values = start.length - 1;
  for (let v = 0; v < values; v++) {
    const end = start[v + 1]!;
    for (let j = start[v]!; j < end; j++) {
      const r = rows[j]!;
      const mo = months[r]!;
      if (mo < 0) continue;
      const rel = mo - base;
      for (let t = 0; t < T; t++) {
        const mask = masks[t]!;
        if (mask !== null && mask[r] === 0) continue;
        const i = luts[t]![rel]!;
        if (i < 0) continue;
        const M = widths[t]!;
        let k = i;
        const cd = codes[t]!;
        if (cd !== null) {
          const m = cd[r]!;
          if (m < 0) continue;
          k = i * M + m;
        }
        const stamp = stamps[t]!;
        if (stamp[k] === v) continue;
        stamp[k] = v;
        counts[t]![k]!++;
      }
    }
  }
}

/**
 * Entities kept (customers, by default over orders): of those active at the start of the period
 * (a row within the window before it starts), the share still active at its end (a row within
 * the window before it ends; the end of the last month with data, for a period still running).
 * Every period starts and ends at a month start, so activity is known per month start (see
 * activityOf) and serves every grain. Each breakdown member from its own rows. A window that
 * starts before the first month of data gives no value (window-before-data): who was active
 * then is only partly known.
 */
function retention(spec: RetentionSpec, cx: EvalContext): Series {
  const act = activityOf(spec, cx);
  const B = act.boundaries;
  // Each period's start and end boundary; -1 when its window reaches before the data.
  const P = cx.periods.length;
  const from = new Int32Array(P);
  const to = new Int32Array(P);
  cx.periods.forEach((p, i) => {
    const [a, z] = monthsOf(cx.grain, p, cx.fyStart);
    const s = a - cx.firstMonth;
    from[i] = s >= 0 && act.known[s] ? s : -1;
    to[i] = Math.min(z, cx.lastMonth) + 1 - cx.firstMonth;
  });
  /** Per period and member: the entities active at the start, and those of them active at the end. */
  const count = (bits: Uint8Array, members: Int32Array | null, M: number) => {
    const base = new Int32Array(P * M);
    const kept = new Int32Array(P * M);
    const rows = bits.length / B;
    for (let r = 0; r < rows; r++) {
      const m = members === null ? 0 : members[r]!;
      const o = r * B;
      for (let i = 0; i < P; i++) {
        const s = from[i]!;
        if (s < 0 || bits[o + s] === 0) continue;
        base[i * M + m]!++;
        if (bits[o + to[i]!] === 1) kept[i * M + m]!++;
      }
    }
    return { base, kept };
  };
  const total = count(act.total, null, 1);
  const fields = cx.breakdowns.map((b) => {
    const codes = breakdownCodes(spec.of as DatasetName, b.field, cx);
    const M = widthOf(codes, cx);
    const f = activityByMember(spec, b.field, cx);
    return { universe: membersOf(codes, cx), M, ...count(f.bits, f.members, M) };
  });
  const rate = (i: number, b: Int32Array, k: Int32Array, x: number): Val => (from[i]! < 0 ? none('window-before-data') : b[x] === 0 ? none('zero-denominator') : val(k[x]! / b[x]!));
  const out: Series = new Map();
  cx.periods.forEach((p, i) => {
    const members: Cell['members'] = {};
    cx.breakdowns.forEach((b, j) => {
      const { universe, M, base, kept } = fields[j]!;
      const m = new Map<number, Val>();
      for (const code of universe) m.set(code, rate(i, base, kept, i * M + code));
      members[b.by] = m;
    });
    out.set(p, { total: rate(i, total.base, total.kept, i), members });
  });
  return out;
}

type RetentionSpec = Extract<Formula, { op: 'retention' }>['spec'];

/**
 * Activity at month starts: boundary b is the start of month firstMonth + b, for b = 0 .. B - 1
 * (the last one the end of the data). A row makes its entity active at the boundaries that
 * follow it within the window. `total` holds B flags per entity (in entity code order).
 */
interface Activity {
  boundaries: number;
  /** The window before boundary b lies within the data. */
  known: Uint8Array;
  startAt: Float64Array;
  windowAt: Float64Array;
  total: Uint8Array;
}

const activityByMemo = new WeakMap<Map<string, Series>, Map<string, Activity | { members: Int32Array; bits: Uint8Array }>>();
function activityCache(cx: EvalContext) {
  let c = activityByMemo.get(cx.memo);
  if (!c) activityByMemo.set(cx.memo, (c = new Map()));
  return c;
}

/** Marks in bits[o ..] the boundaries row r makes active. */
function markRow(act: Activity, placed: { epoch: Float64Array; month: Int32Array }, firstMonth: number, r: number, bits: Uint8Array, o: number): void {
  const e = placed.epoch[r]!;
  const mo = placed.month[r]!;
  if (mo < 0 || Number.isNaN(e)) return;
  for (let b = Math.max(0, mo - firstMonth + 1); b < act.boundaries && act.windowAt[b]! <= e; b++) if (e < act.startAt[b]!) bits[o + b] = 1;
}

function activityOf(spec: RetentionSpec, cx: EvalContext): Activity {
  const cache = activityCache(cx);
  const key = JSON.stringify([spec, cx.firstMonth, cx.lastMonth]);
  let act = cache.get(key) as Activity | undefined;
  if (act) return act;
  const name = spec.of as DatasetName;
  const B = cx.lastMonth - cx.firstMonth + 2;
  const midnight = new Midnights(cx.ds.timezone);
  const firstDay = monthStartDay(cx.firstMonth);
  act = { boundaries: B, known: new Uint8Array(B), startAt: new Float64Array(B), windowAt: new Float64Array(B), total: new Uint8Array(0) };
  for (let b = 0; b < B; b++) {
    const day = monthStartDay(cx.firstMonth + b);
    act.startAt[b] = midnight.of(day);
    act.windowAt[b] = midnight.of(day - spec.window_days);
    act.known[b] = day - spec.window_days >= firstDay ? 1 : 0;
  }
  const placed = cx.ds.tables[name].time[spec.at ?? DATASETS[name].placedBy]!;
  const entities = cx.ds.tables[name].cat[spec.entity]!;
  const total = new Uint8Array((maxOf(entities, cx) + 1) * B);
  for (let r = 0; r < entities.length; r++) if (entities[r]! >= 0) markRow(act, placed, cx.firstMonth, r, total, entities[r]! * B);
  act.total = total;
  cache.set(key, act);
  return act;
}

/**
 * The same per (entity, member) pair of a breakdown field: `members[k]` is pair k's member, its
 * flags bits[k * B ..]. Rows are visited entity by entity (a counting sort); an entity's rows
 * usually carry one member (a customer's region), sometimes a few.
 */
function activityByMember(spec: RetentionSpec, field: string, cx: EvalContext): { members: Int32Array; bits: Uint8Array } {
  const cache = activityCache(cx);
  const key = JSON.stringify([spec, field, cx.firstMonth, cx.lastMonth]);
  let got = cache.get(key) as { members: Int32Array; bits: Uint8Array } | undefined;
  if (got) return got;
  const act = activityOf(spec, cx);
  const B = act.boundaries;
  const name = spec.of as DatasetName;
  const placed = cx.ds.tables[name].time[spec.at ?? DATASETS[name].placedBy]!;
  const codes = breakdownCodes(name, field, cx);
  const { start, rows } = byValueOf(name, spec.entity, null, '', cx);
  let members: Int32Array<ArrayBuffer> = new Int32Array(1024);
  let bits = new Uint8Array(1024 * B);
  let pairs = 0;
  const seen: number[] = [];
  for (let v = 0; v + 1 < start.length; v++) {
    const first = pairs;
    seen.length = 0;
    for (let j = start[v]!; j < start[v + 1]!; j++) {
      const r = rows[j]!;
      const m = codes[r]!;
      if (m < 0) continue;
      let k = seen.indexOf(m);
      if (k < 0) {
        k = seen.push(m) - 1;
        if (pairs === members.length) {
          members = growInt32(members, pairs * 2);
          const more = new Uint8Array(pairs * 2 * B);
          more.set(bits);
          bits = more;
        }
        members[pairs++] = m;
      }
      markRow(act, placed, cx.firstMonth, r, bits, (first + k) * B);
    }
  }
  got = { members: members.subarray(0, pairs), bits: bits.subarray(0, pairs * B) };
  cache.set(key, got);
  return got;
}

function growInt32(xs: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(size);
  out.set(xs);
  return out;
}

function monthStartDay(mi: number): number {
  return Date.UTC(Math.floor(mi / 12), mi % 12, 1) / 86_400_000;
}
