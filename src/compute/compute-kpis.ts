/**
 * The engine: every KPI for every period of each of its grains, total and per breakdown member.
 * Pure: data in, numbers out; the "as of" date is an input, never the clock.
 */
import { dayNumber, monthsOf, periodLabel, periodOf, GRAINS, type Grain, monthLabel, daysInMonth, parseMonth } from '../calendar/periods.ts';
import { weekLabel, weekOf, weekOfIndex } from '../calendar/weeks.ts';
import { workCalendar } from '../calendar/working-days.ts';
import type { Dataset } from '../dataset/build-dataset.ts';
import { basisOf } from '../kpi/basis.ts';
import type { Kpi } from '../kpi/schema.ts';
import type { ValidData as RepoData } from '../validate/repo-data.ts';
import type { EvalContext, RepSpan, WeekContext } from './eval-context.ts';
import { evaluate } from './evaluate.ts';
import { planScans } from './plan-scans.ts';
import type { Reason, Series } from './value.ts';
import { weekView } from './week-view.ts';

export interface PeriodInfo {
  grain: Grain;
  index: number;
  /** 2026-03, 2026-Q1 or 2026 (fiscal). */
  label: string;
  /** First and last day, YYYY-MM-DD. */
  start: string;
  end: string;
  /** Part of the period lies outside the months with data. */
  partial: boolean;
}

/**
 * A week of the data (the week grain, calendar/weeks.ts): ISO weeks from the company's week
 * start, labelled by their week-year (2026-W05). A week that crosses a month or year end is one
 * week; the first and last weeks of the data are partial when they reach outside its months.
 */
export interface WeekInfo {
  grain: 'week';
  /** Consecutive week index (calendar/weeks.ts). */
  index: number;
  /** 2026-W05. */
  label: string;
  /** First and last day, YYYY-MM-DD (Monday to Sunday with Monday weeks). */
  start: string;
  end: string;
  partial: boolean;
}

export type Note = 'partial' | 'maturing';

export interface MemberValue {
  member: string;
  value: number | null;
  reason?: Reason;
  /** The records behind the value (kpi/basis.ts: orders, leads, surveys…), when the KPI has a basis. */
  count?: number;
}

export interface KpiPeriodValue {
  period: string;
  value: number | null;
  reason?: Reason;
  secondary?: { value: number | null; reason?: Reason };
  notes: Note[];
  /** breakdown name -> members, in vocabulary order. */
  breakdowns: Record<string, MemberValue[]>;
}

/** A value that came out as no finite number: which KPI, period and (for a member) breakdown. */
export interface NonFinite {
  kpi: string;
  grain: Grain | 'week';
  period: string;
  /** First and last month index (year * 12 + month - 1) of the period. */
  months: [number, number];
  /** `by: member` of each breakdown member that is not finite, when the total is. */
  members: string[];
}

export interface ComputeResult {
  /** The last day of the data (end of its last month). */
  asOf: string | null;
  /** Values that are not finite numbers; present only when there is one (the pipeline refuses them). */
  nonFinite?: NonFinite[];
  periods: Record<Grain, PeriodInfo[]>;
  /** The weeks of the data; present only when a KPI declares the week grain. */
  weeks?: WeekInfo[];
  /** kpi id -> grain -> one value per period (week), oldest first (only the KPI's grains). */
  values: Record<string, Partial<Record<Grain | 'week', KpiPeriodValue[]>>>;
}

export interface ComputeInput {
  data: RepoData;
  dataset: Dataset;
  kpis: Kpi[];
}

export function computeKpis({ data, dataset, kpis }: ComputeInput): ComputeResult {
  const fyStart = data.company.fiscal_year_start;
  const empty: ComputeResult = { asOf: null, periods: { month: [], quarter: [], year: [] }, values: {} };
  if (dataset.firstMonth === null || dataset.lastMonth === null) return empty;
  const first = dataset.firstMonth;
  const last = dataset.lastMonth;
  const asOf = dayString(dayOfMonthEnd(last));
  const calendar = workCalendar(data.company.working_days, data.company.holidays);
  const reps: RepSpan[] = data.team.records.map((r) => ({
    code: dataset.vocabularies.rep!.find(r.id),
    joined: dayNumber(r.joined),
    left: r.left ? dayNumber(r.left) : Infinity,
  }));
  const byId = new Map(kpis.map((k) => [k.id, k]));
  const memo = new Map<string, Series>();

  const periods = {} as Record<Grain, PeriodInfo[]>;
  for (const grain of GRAINS) {
    const list: PeriodInfo[] = [];
    for (let p = periodOf(grain, first, fyStart); p <= periodOf(grain, last, fyStart); p++) {
      const [a, b] = monthsOf(grain, p, fyStart);
      list.push({ grain, index: p, label: periodLabel(grain, p), start: `${monthLabel(a)}-01`, end: dayString(dayOfMonthEnd(b)), partial: a < first || b > last });
    }
    periods[grain] = list;
  }

  // The records behind each breakdown member's value (kpi/basis.ts), planned with the KPIs' own scans.
  const bases = new Map(kpis.flatMap((k) => {
    const b = k.breakdowns.length ? basisOf(k.formula, byId) : null;
    return b ? [[k.id, b] as const] : [];
  }));
  // Each scan of the rows then serves every KPI that needs it.
  planScans([...kpis, ...kpis.flatMap((k) => (bases.has(k.id) ? [{ ...k, id: `${k.id}#basis`, formula: bases.get(k.id)!.formula, secondary: undefined }] : []))], { ds: dataset, fyStart, grain: 'month', periods: periods.month.map((p) => p.index), firstMonth: first, lastMonth: last, breakdowns: [], kpis: byId, calendar, reps, memo });

  // The week grain, for the KPIs that declare it: the engine over a week view of the data (week-view.ts), with a memo of its own.
  const weekly = kpis.filter((k) => k.grains.includes('week'));
  let weeks: WeekInfo[] | undefined;
  let weekCx: Omit<EvalContext, 'breakdowns'> | undefined;
  if (weekly.length) {
    const start = data.company.week_start;
    const week: WeekContext = { start, firstDay: dayNumber(`${monthLabel(first)}-01`), lastDay: dayOfMonthEnd(last) };
    weeks = [];
    for (let i = weekOf(week.firstDay, start).index; i <= weekOf(week.lastDay, start).index; i++) {
      const w = weekOfIndex(i, start);
      weeks.push({ grain: 'week', index: i, label: weekLabel(w), start: dayString(w.first), end: dayString(w.last), partial: w.first < week.firstDay || w.last > week.lastDay });
    }
    weekCx = { ds: weekView(dataset, start), fyStart, grain: 'month', periods: weeks.map((w) => w.index), firstMonth: weeks[0]!.index, lastMonth: weeks[weeks.length - 1]!.index, kpis: byId, calendar, reps, memo: new Map(), week };
    planScans(weekly, { ...weekCx, breakdowns: [] });
  }

  const values: ComputeResult['values'] = {};
  const nonFinite: NonFinite[] = [];
  for (const kpi of kpis) {
    values[kpi.id] = {};
    for (const grain of kpi.grains) {
      const infos = grain === 'week' ? weeks! : periods[grain];
      const cx: EvalContext =
        grain === 'week' ? { ...weekCx!, breakdowns: kpi.breakdowns } : { ds: dataset, fyStart, grain, periods: periods[grain].map((p) => p.index), firstMonth: first, lastMonth: last, breakdowns: kpi.breakdowns, kpis: byId, calendar, reps, memo };
      const main = evaluate(kpi.formula, cx);
      const secondary = kpi.secondary ? evaluate(kpi.secondary.formula, { ...cx, breakdowns: [] }) : null;
      const basis = bases.get(kpi.id);
      const counts = basis ? evaluate(basis.formula, cx) : null;
      values[kpi.id]![grain] = (infos as (PeriodInfo | WeekInfo)[]).map((info) => {
        const cell = main.get(info.index)!;
        const notes: Note[] = [];
        if (info.partial) notes.push('partial');
        if (kpi.maturity_days !== undefined && dayNumber(info.end) + kpi.maturity_days > dayOfMonthEnd(last)) notes.push('maturing');
        const breakdowns: Record<string, MemberValue[]> = {};
        for (const b of kpi.breakdowns) {
          const vocabulary = dataset.vocabularies[vocabularyFor(b.field)];
          const n = counts?.get(info.index)?.members[b.by];
          breakdowns[b.by] = [...(cell.members[b.by] ?? new Map())].map(([code, v]) => {
            const c = n ? (n.get(code)?.value ?? 0) : null;
            return { member: vocabulary?.values[code] ?? String(code), ...v, ...(c !== null ? { count: c } : {}) };
          });
        }
        const s = secondary?.get(info.index)?.total;
        const members: string[] = [];
        for (const by in breakdowns) for (const m of breakdowns[by]!) if (m.reason === 'not-finite') members.push(`${by}: ${m.member}`);
        if (cell.total.reason === 'not-finite' || s?.reason === 'not-finite' || members.length) {
          nonFinite.push({ kpi: kpi.id, grain, period: info.label, months: info.grain === 'week' ? [parseMonth(info.start), parseMonth(info.end)] : monthsOf(info.grain, info.index, fyStart), members: cell.total.reason === 'not-finite' ? [] : members });
        }
        return { period: info.label, ...cell.total, ...(s ? { secondary: s } : {}), notes, breakdowns };
      });
    }
  }
  return { asOf, ...(nonFinite.length ? { nonFinite } : {}), periods, ...(weeks ? { weeks } : {}), values };
}

/** Breakdown fields that name a rep in another role (owner, lead_rep) draw from the rep vocabulary. */
function vocabularyFor(field: string): string {
  return field === 'owner' || field === 'lead_rep' ? 'rep' : field;
}

function dayOfMonthEnd(mi: number): number {
  return Date.UTC(Math.floor(mi / 12), mi % 12, daysInMonth(mi)) / 86_400_000;
}

function dayString(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
