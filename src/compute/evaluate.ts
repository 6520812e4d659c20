/**
 * The interpreter: evaluates a formula for every period of one grain, for the total and for each
 * breakdown member. Results are memoized per formula, so net sales computed for one KPI is reused
 * by every KPI built on it. What a formula reads is decided once, in formula-reads.ts (the scan
 * planner walks the same reads); here the reads are combined. Below, the aggregations
 * (aggregate.ts) share their scans through the scan cache (scan-cache.ts).
 */
import { monthsOf, perYear } from '../calendar/periods.ts';
import { weekOfIndex } from '../calendar/weeks.ts';
import type { AggregationOp, Formula } from '../kpi/schema.ts';
import { emptyValue } from './accumulator.ts';
import { aggregate } from './aggregate.ts';
import type { EvalContext, RepSpan } from './eval-context.ts';
import { readFormula, type FormulaReader, type GrowthFormula, type PerFormula } from './formula-reads.ts';
import { retention } from './retention.ts';
import { divide, none, val, type Cell, type Series, type Val } from './value.ts';

export function evaluate(f: Formula, cx: EvalContext): Series {
  const key = JSON.stringify([f, cx.grain, cx.breakdowns]);
  let s = cx.memo.get(key);
  if (!s) {
    s = evaluateUncached(f, cx);
    cx.memo.set(key, s);
  }
  return s;
}

/** The breakdown key of a formula evaluated per rep (by one field only). */
const byRepKey = '\u0000rep';

function evaluateUncached(f: Formula, cx: EvalContext): Series {
  const reader: FormulaReader<Series> = {
    kpi: (id) => evaluate(cx.kpis.get(id)!.formula, cx),
    formula: (g) => evaluate(g, cx),
    byField: (g, field) => evaluate(g, { ...cx, breakdowns: [{ by: byRepKey, field }] }),
    aggregation: ({ op, spec, filters }) => aggregate(op, spec, filters, cx),
    // Weeks refuse retention (kpi/check-kpis.ts): its activity windows start at month starts.
    retention: (spec) => (cx.week ? mapPeriods(cx, () => ({ total: none('not-applicable'), members: {} })) : retention(spec, cx)),
  };
  const r = readFormula(f, reader);
  switch (r.op) {
    case 'kpi':
    case 'retention':
    case 'aggregation':
      return r.value;
    case 'ratio':
      return combine(r.numerator, r.denominator, cx, divide);
    case 'share':
      return combine(r.part, r.whole, cx, divide);
    case 'growth':
      return growth(r.formula, r.of, cx);
    case 'per':
      return perRep(r.formula, r.of, r.byRep, cx);
  }
}

/** Change against the previous period, or the same period a year before. */
function growth(f: GrowthFormula, of: Series, cx: EvalContext): Series {
  const back = f.vs === 'previous-period' ? 1 : perYear(cx.grain);
  return mapPeriods(cx, (p) => {
    // A year has 52 or 53 weeks: weeks refuse the same period last year (kpi/check-kpis.ts).
    if (cx.week && f.vs !== 'previous-period') return mapCell(of.get(p)!, undefined, () => none('not-applicable'));
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
function perRep(f: PerFormula, of: Series, perRepSeries: Series | null, cx: EvalContext): Series {
  return mapPeriods(cx, (p) => {
    const [from, to] = clip(cx.week ? [p, p] : monthsOf(cx.grain, p, cx.fyStart), cx);
    const [firstDay, lastDay] = daysOfPeriod(from, to, cx);
    const daysOf = (rep?: RepSpan) => {
      let n = 0;
      if (cx.week) for (let d = Math.max(firstDay, rep?.joined ?? firstDay); d <= Math.min(lastDay, rep?.left ?? lastDay); d++) n += cx.calendar.isWorkingDay(d) ? 1 : 0;
      else for (let mi = from; mi <= to; mi++) n += rep ? cx.calendar.workingDaysInMonth(mi, rep.joined, rep.left) : cx.calendar.workingDaysInMonth(mi);
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
      counted = new Set(cx.reps.filter((r) => r.joined <= lastDay && r.left >= firstDay).map((r) => r.code));
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

/** The first and last day of months from..to, or (weeks) of week from, within the days with data. */
function daysOfPeriod(from: number, to: number, cx: EvalContext): [number, number] {
  if (cx.week) {
    const w = weekOfIndex(from, cx.week.start);
    return [Math.max(w.first, cx.week.firstDay), Math.min(w.last, cx.week.lastDay)];
  }
  return [Date.UTC(Math.floor(from / 12), from % 12, 1) / 86_400_000, Date.UTC(Math.floor(to / 12), (to % 12) + 1, 0) / 86_400_000];
}

/** The whole period lies within the months (weeks: the days) with data. */
function covered(p: number, cx: EvalContext): boolean {
  if (cx.week) {
    const w = weekOfIndex(p, cx.week.start);
    return w.first >= cx.week.firstDay && w.last <= cx.week.lastDay;
  }
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
