/**
 * Evaluates a formula for every period of one grain, for the total and for each breakdown
 * member, in one pass over the rows per aggregation. Results are memoized per formula, so
 * net sales computed for one KPI is reused by every KPI built on it.
 */
import { monthsOf, periodOf, perYear, type Grain } from '../calendar/periods.ts';
import type { WorkCalendar } from '../calendar/working-days.ts';
import type { Dataset } from '../dataset/build-dataset.ts';
import { DATASETS, type DatasetName } from '../dataset/fields.ts';
import type { Aggregation, AggregationOp, Breakdown, Filter, Formula, Kpi } from '../kpi/schema.ts';
import { accumulator, emptyValue, type Accumulator } from './accumulator.ts';
import { compileFilter } from './filter.ts';
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
      return retention(f.spec.of as DatasetName, f.spec.entity, f.spec.at, cx);
    default:
      return aggregate(f.op, f.spec, f.spec.where ? [f.spec.where] : [], cx);
  }
}

/**
 * Rates per rep. per_working_day divides by working days (the company's, or with per: rep each
 * rep's own between joined and left, summed); per_rep divides the total by the reps active in
 * the period. With per: rep the total's numerator is the sum of each rep's own value, so a lead
 * two reps both contacted counts for each of them, as it does in their own rates.
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
      for (const v of repValues.values()) if (v.value !== null) s += v.value;
      return val(s);
    };
    const repByCode = new Map(cx.reps.map((r) => [r.code, r]));
    const memberDivisor = (code: number, total: number): number =>
      f.op === 'per_rep' ? 1 : f.per === 'rep' ? (repByCode.has(code) ? daysOf(repByCode.get(code)) : 0) : total;
    let numerator = cell.total;
    let denominator: number;
    if (f.op === 'per_rep') {
      // Reps employed at some point of the period, and any rep credited with a value in it.
      const counted = new Set(cx.reps.filter((r) => daysOverlap(r, from, to)).map((r) => r.code));
      for (const [code, v] of repValues) if (v.value) counted.add(code);
      denominator = counted.size;
    } else if (f.per === 'rep') {
      numerator = sumOfReps();
      denominator = cx.reps.reduce((n, r) => n + daysOf(r), 0);
    } else denominator = daysOf();
    const members: Cell['members'] = {};
    for (const [by, values] of Object.entries(cell.members)) {
      const out = new Map<number, Val>();
      for (const [code, v] of values) out.set(code, divide(v, val(memberDivisor(code, denominator))));
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

function passes(tests: ((r: number, p: number) => boolean)[], r: number, p: number): boolean {
  for (const test of tests) if (!test(r, p)) return false;
  return true;
}

/** Member codes that occur in a category column: the members a breakdown lists. */
function membersOf(codes: Int32Array): number[] {
  const seen = new Set<number>();
  for (let r = 0; r < codes.length; r++) if (codes[r]! >= 0) seen.add(codes[r]!);
  return [...seen].sort((a, b) => a - b);
}

function aggregate(op: AggregationOp | 'share-count' | 'share-sum', spec: Aggregation, filters: Filter[], cx: EvalContext): Series {
  const key = JSON.stringify(['agg', op, spec.of, spec.field, spec.at, spec.p, filters, cx.grain, cx.breakdowns]);
  const hit = cx.memo.get(key);
  if (hit) return hit;
  const name = spec.of;
  const t = cx.ds.tables[name];
  const placed = t.time[spec.at ?? DATASETS[name].placedBy]!.month;
  const tests = filters.map((f) => compileFilter(cx.ds, name, f, cx.grain, cx.fyStart));
  const type = spec.field ? DATASETS[name].fields[spec.field]!.type : null;
  const values: ArrayLike<number> | null = !spec.field ? null : type === 'category' ? t.cat[spec.field]! : type === 'time' ? t.time[spec.field]!.epoch : t.num[spec.field]!;
  const isCategory = type === 'category';
  const breakdownCodes = cx.breakdowns.map((b) => t.cat[b.field]!);
  const make = () => accumulator(op, spec.p ?? 0.5);
  const cells = new Map<number, { total: Accumulator; members: (Accumulator | undefined)[][] }>();
  for (const p of cx.periods) cells.set(p, { total: make(), members: cx.breakdowns.map(() => []) });

  for (let r = 0; r < t.length; r++) {
    const mi = placed[r]!;
    if (mi < 0) continue;
    const p = periodOf(cx.grain, mi, cx.fyStart);
    const cell = cells.get(p);
    if (!cell || !passes(tests, r, p)) continue;
    const x = values ? values[r]! : 1;
    if (isCategory ? x < 0 : Number.isNaN(x)) continue;
    cell.total.add(x);
    for (let b = 0; b < breakdownCodes.length; b++) {
      const m = breakdownCodes[b]![r]!;
      if (m < 0) continue;
      (cell.members[b]![m] ??= make()).add(x);
    }
  }

  const universe = breakdownCodes.map(membersOf);
  const empty = emptyValue(op);
  const out: Series = new Map();
  for (const [p, cell] of cells) {
    const members: Cell['members'] = {};
    cx.breakdowns.forEach((b, i) => {
      const m = new Map<number, Val>();
      for (const code of universe[i]!) m.set(code, cell.members[i]![code]?.result() ?? empty);
      members[b.by] = m;
    });
    out.set(p, { total: cell.total.result(), members });
  }
  cx.memo.set(key, out);
  return out;
}

/** Of the entities (e.g. customers) seen in the previous period, the share seen again in this one. */
function retention(name: DatasetName, entity: string, at: string | undefined, cx: EvalContext): Series {
  const t = cx.ds.tables[name];
  const placed = t.time[at ?? DATASETS[name].placedBy]!.month;
  const ids = t.cat[entity]!;
  const breakdownCodes = cx.breakdowns.map((b) => t.cat[b.field]!);
  const sets = new Map<number, { total: Set<number>; members: Map<number, Set<number>>[] }>();
  for (const p of cx.periods) sets.set(p, { total: new Set(), members: cx.breakdowns.map(() => new Map()) });
  for (let r = 0; r < t.length; r++) {
    if (placed[r]! < 0 || ids[r]! < 0) continue;
    const s = sets.get(periodOf(cx.grain, placed[r]!, cx.fyStart));
    if (!s) continue;
    s.total.add(ids[r]!);
    breakdownCodes.forEach((codes, b) => {
      const m = codes[r]!;
      if (m < 0) return;
      let set = s.members[b]!.get(m);
      if (!set) s.members[b]!.set(m, (set = new Set()));
      set.add(ids[r]!);
    });
  }
  const rate = (before: Set<number> | undefined, now: Set<number> | undefined): Val => {
    if (!before || before.size === 0) return none('zero-denominator');
    let kept = 0;
    for (const e of before) if (now?.has(e)) kept++;
    return val(kept / before.size);
  };
  const universe = breakdownCodes.map(membersOf);
  return mapPeriods(cx, (p) => {
    const now = sets.get(p)!;
    const before = covered(p - 1, cx) ? sets.get(p - 1) : undefined;
    const members: Cell['members'] = {};
    cx.breakdowns.forEach((b, i) => {
      const m = new Map<number, Val>();
      for (const code of universe[i]!) m.set(code, before ? rate(before.members[i]!.get(code), now.members[i]!.get(code)) : none('no-previous-period'));
      members[b.by] = m;
    });
    return { total: before ? rate(before.total, now.total) : none('no-previous-period'), members };
  });
}
