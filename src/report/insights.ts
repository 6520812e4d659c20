/**
 * What a period report says beyond the numbers: how many KPIs are on track, which KPIs moved
 * most against the previous period, and for each off-track or at-risk KPI which breakdown members drove
 * its change. Pure: report KPIs and periods in, insights out. Shape: docs/report-format.md.
 */
import { GRAINS, monthLabel, parseMonth, type Grain } from '../calendar/periods.ts';
import type { PeriodInfo } from '../compute/compute-kpis.ts';
import { toneOf } from './status.ts';
import type { CountKey, Driver, DriverBreakdown, Insights, KpiDrivers, LikeForLikeMonths, Mover, NotComparableReason, PeriodInsights, ReportKpi, ReportMember, ReportValue, StatusCounts } from './model.ts';

const COUNT_KEYS: readonly CountKey[] = ['on-track', 'at-risk', 'off-track', 'not-final', 'none'];

/** The key a value counts under in a period's `counts`: its status, else `not-final` when its target is withheld, else `none`. */
export function countKeyOf(v: Pick<ReportValue, 'status' | 'notFinal'>): CountKey {
  return v.status ?? (v.notFinal ? 'not-final' : 'none');
}

/** The KPIs a period's counts cover (every key once). */
export function countTotal(c: StatusCounts): number {
  return COUNT_KEYS.reduce((n, k) => n + c[k], 0);
}

export function buildInsights(kpis: ReportKpi[], periods: Record<Grain, PeriodInfo[]>): Insights {
  const byKpi = new Map(kpis.map((k) => [k.id, k]));
  const scales = (kpi: ReportKpi) => kpi.additive || scalesWithLength(kpi.formula, byKpi, new Set([kpi.id]));
  const out = {} as Insights;
  for (const grain of GRAINS) {
    out[grain] = {};
    const infos = periods[grain];
    infos.forEach((info, i) => {
      out[grain][info.label] = periodInsights(kpis, scales, grain, info, infos[i - 1], infos[i + 1]);
    });
  }
  return out;
}

/**
 * Whether a formula's value grows with the length of the period (twice the months, about twice
 * the value): sums and counts, and what is built from them without dividing by something that
 * grows too. Such values cannot be compared between a partial period and a whole one.
 */
export function scalesWithLength(f: ReportKpi['formula'], kpis: Map<string, Pick<ReportKpi, 'additive' | 'formula'>>, seen: Set<string>): boolean {
  switch (f.op) {
    case 'sum':
    case 'count':
    case 'count_distinct':
      return true;
    case 'ratio':
      return scalesWithLength(f.numerator, kpis, seen) && !scalesWithLength(f.denominator, kpis, seen);
    case 'per_rep':
    case 'growth':
      return scalesWithLength(f.of, kpis, seen);
    case 'kpi': {
      const k = kpis.get(f.id);
      if (!k || seen.has(f.id)) return false;
      return k.additive || scalesWithLength(k.formula, kpis, new Set([...seen, f.id]));
    }
    default:
      // avg, median, percentile, min, max, share, retention, per_working_day: rates and typical values.
      return false;
  }
}

function periodInsights(
  kpis: ReportKpi[],
  scales: (kpi: ReportKpi) => boolean,
  grain: Grain,
  info: PeriodInfo,
  prevInfo: PeriodInfo | undefined,
  nextInfo: PeriodInfo | undefined,
): PeriodInsights {
  const counts = Object.fromEntries(COUNT_KEYS.map((s) => [s, 0])) as StatusCounts;
  const movers: Mover[] = [];
  const notComparable: PeriodInsights['notComparable'] = [];
  const drivers: KpiDrivers[] = [];
  const partialEither = info.partial || (prevInfo?.partial ?? false);

  for (const kpi of kpis) {
    const list = kpi.values[grain];
    if (!list) continue;
    const i = list.findIndex((v) => v.period === info.label);
    const v = list[i];
    if (!v) continue;
    counts[countKeyOf(v)]++;
    // A partial period of an additive KPI compares like for like when the data has the same months before.
    const lfl = partialEither && kpi.additive && v.likeForLike && v.likeForLike.change !== null ? v.likeForLike : null;
    const cmp: ReportValue = lfl ? { ...v, previous: lfl.previous, change: lfl.change, changeRatio: lfl.changeRatio } : v;
    const reason: NotComparableReason | null = partialEither && scales(kpi) && !lfl ? 'partial' : v.notes.includes('maturing') ? 'maturing' : null;
    const months = lfl ? { months: lfl.months, previousMonths: lfl.previousMonths } : null;
    if (v.change !== null && reason) notComparable.push({ kpi: kpi.id, reason });
    else if (cmp.change !== null) {
      const mover = moverOf(kpi, cmp, months);
      if (mover) movers.push(mover);
    }
    if (v.status === 'off-track' || v.status === 'at-risk') {
      const previous = months ? membersOver(kpi, months.previousMonths) : list[i - 1]?.breakdowns;
      drivers.push(driversOf(kpi, v.status, cmp, previous, reason, months));
    }
  }

  movers.sort((a, b) => Math.abs(b.movement) - Math.abs(a.movement) || byId(a.kpi, b.kpi));
  return {
    period: info.label,
    grain,
    partial: info.partial,
    previous: prevInfo?.label ?? null,
    next: nextInfo?.label ?? null,
    counts,
    movers,
    notComparable,
    drivers,
  };
}

function moverOf(kpi: ReportKpi, v: ReportValue, likeForLike: LikeForLikeMonths | null): Mover | null {
  const measure = kpi.unit === 'percent' ? 'points' : 'ratio';
  const movement = measure === 'points' ? v.change : v.changeRatio;
  // A relative change from zero has no size: such a KPI cannot be ranked.
  if (movement === null || v.change === null) return null;
  return {
    kpi: kpi.id,
    value: v.value,
    previous: v.previous,
    change: v.change,
    changeRatio: v.changeRatio,
    measure,
    movement,
    tone: toneOf(v.change, kpi.direction),
    notes: v.notes,
    likeForLike,
  };
}

/** Each breakdown's members summed over a stretch of months (additive KPIs; a missing value counts as 0). */
function membersOver(kpi: ReportKpi, [from, to]: [string, string]): Record<string, ReportMember[]> {
  const months = new Map((kpi.values.month ?? []).map((v) => [v.period, v]));
  const out: Record<string, ReportMember[]> = {};
  for (const by of kpi.breakdowns) {
    const sums = new Map<string, number>();
    for (let mi = parseMonth(from); mi <= parseMonth(to); mi++) {
      for (const m of months.get(monthLabel(mi))?.breakdowns[by] ?? []) sums.set(m.member, (sums.get(m.member) ?? 0) + (m.value ?? 0));
    }
    out[by] = [...sums].map(([member, value]) => ({ member, value, share: null, target: null, attainment: null, gap: null, status: null }));
  }
  return out;
}

function driversOf(
  kpi: ReportKpi,
  status: KpiDrivers['status'],
  v: ReportValue,
  previous: Record<string, ReportMember[]> | undefined,
  notComparable: NotComparableReason | null,
  likeForLike: LikeForLikeMonths | null,
): KpiDrivers {
  const breakdowns = kpi.breakdowns.map((by): DriverBreakdown => {
    const now = v.breakdowns[by] ?? [];
    const before = previous?.[by] ?? [];
    const members = kpi.additive ? contributions(now, before, v.change, kpi.direction, previous !== undefined) : ownChanges(now, before, kpi.direction);
    members.sort((a, b) => (b.change === null ? -1 : 0) - (a.change === null ? -1 : 0) || Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0) || byId(a.member, b.member));
    return { by, method: kpi.additive ? 'contribution' : 'own-change', members };
  });
  return {
    kpi: kpi.id,
    status,
    value: v.value,
    previous: v.previous,
    change: v.change,
    changeRatio: v.changeRatio,
    target: v.target,
    attainment: v.attainment,
    gap: v.gap,
    notComparable,
    likeForLike,
    notes: v.notes,
    breakdowns,
  };
}

/** Additive KPIs: every member of either period; a member missing in one counts as 0 there. */
function contributions(now: ReportMember[], before: ReportMember[], total: number | null, direction: ReportKpi['direction'], hasPrevious: boolean): Driver[] {
  const nowBy = new Map(now.map((m) => [m.member, m.value]));
  const beforeBy = new Map(before.map((m) => [m.member, m.value]));
  const ids = [...new Set([...nowBy.keys(), ...beforeBy.keys()])];
  return ids.map((member): Driver => {
    const value = nowBy.get(member) ?? null;
    const previous = beforeBy.get(member) ?? null;
    const change = hasPrevious ? (value ?? 0) - (previous ?? 0) : null;
    return { member, value, previous, change, shareOfChange: change !== null && total ? change / total : null, tone: toneOf(change, direction) };
  });
}

/** Other KPIs: members of this period, each with its own change when both values exist. */
function ownChanges(now: ReportMember[], before: ReportMember[], direction: ReportKpi['direction']): Driver[] {
  const beforeBy = new Map(before.map((m) => [m.member, m.value]));
  return now.map((m): Driver => {
    const previous = beforeBy.get(m.member) ?? null;
    const change = m.value !== null && previous !== null ? m.value - previous : null;
    return { member: m.member, value: m.value, previous, change, shareOfChange: null, tone: toneOf(change, direction) };
  });
}

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
