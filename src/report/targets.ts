/**
 * Which target applies to a KPI in a period, for the company or one breakdown member. Quarter
 * and year targets of additive KPIs are derived from month targets when not given; a period
 * the data covers only in part is judged against the target for the months it covers.
 */
import { monthLabel, monthsOf, parsePeriod, type Grain } from '../calendar/periods.ts';
import type { PeriodInfo } from '../compute/compute-kpis.ts';
import type { Target } from '../schema/targets.ts';

export interface TargetValue {
  value: number;
  /** given: written for this period; derived: the sum of month targets; prorated: a given target scaled to the months with data. */
  source: 'given' | 'derived' | 'prorated';
}

export type TargetScope = { dim: 'company' } | { dim: 'rep' | 'region' | 'category'; member: string };

export class TargetBook {
  private readonly byKey = new Map<string, number>();

  constructor(targets: Target[]) {
    for (const t of targets) this.byKey.set(key(t.kpi, t.period, scopeOf(t)), t.value);
  }

  /** True when any target is written for this KPI. */
  has(kpi: string): boolean {
    for (const k of this.byKey.keys()) if (k.startsWith(`${kpi}|`)) return true;
    return false;
  }

  /** The target for a period; `firstMonth`/`lastMonth` bound the months with data. */
  find(kpi: string, period: PeriodInfo, scope: TargetScope, additive: boolean, fyStart: number, firstMonth: number, lastMonth: number): TargetValue | null {
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
}

function scopeOf(t: Target): TargetScope {
  if (t.rep) return { dim: 'rep', member: t.rep };
  if (t.region) return { dim: 'region', member: t.region };
  if (t.category) return { dim: 'category', member: t.category };
  return { dim: 'company' };
}

function key(kpi: string, period: string, scope: TargetScope): string {
  return `${kpi}|${period}|${scope.dim === 'company' ? 'company' : `${scope.dim}:${scope.member}`}`;
}
