/**
 * Which target applies to a KPI in a period, for the company or one breakdown member. Quarter
 * and year targets of additive KPIs are derived from month targets when not given; a period
 * the data covers only in part is judged against the target for the months it covers. Weeks:
 * see findWeek.
 */
import { dayNumber, monthIndex, monthLabel, monthsOf, parsePeriod, type Grain } from '../calendar/periods.ts';
import { workingDaysByMonth, workingDaysInWeek } from '../calendar/weeks.ts';
import type { WorkCalendar } from '../calendar/working-days.ts';
import type { PeriodInfo, WeekInfo } from '../compute/compute-kpis.ts';
import type { Target } from '../schema/targets.ts';

export interface TargetValue {
  value: number;
  /**
   * given: written for this period; derived: the sum of month targets (a week: its share of its
   * months' targets, or its month's target as is); prorated: a given target scaled to the months
   * (a week: the working days) with data.
   */
  source: 'given' | 'derived' | 'prorated';
}

export type TargetScope = { dim: 'company' } | { dim: 'rep' | 'region' | 'category'; member: string };

export class TargetBook {
  private readonly byKey = new Map<string, number>();
  /** Each KPI and scope with a target for some period: any other has none for any period. */
  private readonly scopes = new Set<string>();

  constructor(targets: Target[]) {
    for (const t of targets) {
      this.byKey.set(key(t.kpi, t.period, scopeOf(t)), t.value);
      this.scopes.add(scopeKey(t.kpi, scopeOf(t)));
    }
  }

  /** True when any target is written for this KPI. */
  has(kpi: string): boolean {
    for (const k of this.byKey.keys()) if (k.startsWith(`${kpi}|`)) return true;
    return false;
  }

  /** The target for a period; `firstMonth`/`lastMonth` bound the months with data. */
  find(kpi: string, period: PeriodInfo, scope: TargetScope, additive: boolean, fyStart: number, firstMonth: number, lastMonth: number): TargetValue | null {
    // No target in any period (most breakdown members): none is given, derived or prorated here.
    if (!this.scopes.has(scopeKey(kpi, scope))) return null;
    const given = this.byKey.get(key(kpi, period.label, scope));
    if (period.grain === 'month') return given === undefined ? null : { value: given, source: 'given' };
    const [a, b] = monthsOf(period.grain as Grain, parsePeriod(period.label)!.index, fyStart);
    const from = Math.max(a, firstMonth);
    const to = Math.min(b, lastMonth);
    if (additive) {
      let sum = 0;
      let all = from <= to;
      for (let mi = from; mi <= to && all; mi++) {
        const m = this.byKey.get(key(kpi, monthLabel(mi), scope));
        if (m === undefined) all = false;
        else sum += m;
      }
      if (!period.partial && given !== undefined) return { value: given, source: 'given' };
      if (all) return { value: sum, source: 'derived' };
      if (given !== undefined) return { value: (given * (to - from + 1)) / (b - a + 1), source: 'prorated' };
      return null;
    }
    return given === undefined ? null : { value: given, source: 'given' };
  }

  /**
   * The target for a week. A target given for the week (2026-W05) wins; for a week the data
   * covers only in part, an additive KPI's is scaled by the working days with data. Otherwise it
   * is derived from month targets: an additive KPI's as each month's target times the week's
   * share of that month's working days (a week crossing a month end takes a share of each month,
   * and only of the days with data), all its months having a target; any other KPI's (a rate, an
   * average) is the target of the month holding the week's fourth day (the day that names its
   * week-year), as is. `days` bounds the days with data.
   */
  findWeek(kpi: string, week: WeekInfo, scope: TargetScope, additive: boolean, cal: WorkCalendar, days: [number, number]): TargetValue | null {
    if (!this.scopes.has(scopeKey(kpi, scope))) return null;
    const w = { first: dayNumber(week.start), last: dayNumber(week.end) };
    const inData = { first: Math.max(w.first, days[0]), last: Math.min(w.last, days[1]) };
    const given = this.byKey.get(key(kpi, week.label, scope));
    if (given !== undefined) {
      if (!week.partial || !additive) return { value: given, source: 'given' };
      const all = workingDaysInWeek(w, cal);
      return all ? { value: (given * workingDaysInWeek(inData, cal)) / all, source: 'prorated' } : { value: given, source: 'given' };
    }
    if (!additive) {
      const mid = new Date((w.first + 3) * 86_400_000);
      const t = this.byKey.get(key(kpi, monthLabel(monthIndex(mid.getUTCFullYear(), mid.getUTCMonth() + 1)), scope));
      return t === undefined ? null : { value: t, source: 'derived' };
    }
    const shares = workingDaysByMonth(inData, cal);
    // A week with no working day (with data) has nothing to prorate a target onto.
    if (!shares.size) return null;
    let sum = 0;
    for (const [mi, n] of shares) {
      const t = this.byKey.get(key(kpi, monthLabel(mi), scope));
      if (t === undefined) return null;
      sum += (t * n) / cal.workingDaysInMonth(mi);
    }
    return { value: sum, source: 'derived' };
  }
}

function scopeOf(t: Target): TargetScope {
  if (t.rep) return { dim: 'rep', member: t.rep };
  if (t.region) return { dim: 'region', member: t.region };
  if (t.category) return { dim: 'category', member: t.category };
  return { dim: 'company' };
}

function key(kpi: string, period: string, scope: TargetScope): string {
  return `${kpi}|${period}|${scopeText(scope)}`;
}

function scopeKey(kpi: string, scope: TargetScope): string {
  return `${kpi}|${scopeText(scope)}`;
}

function scopeText(scope: TargetScope): string {
  return scope.dim === 'company' ? 'company' : `${scope.dim}:${scope.member}`;
}
