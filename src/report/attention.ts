/**
 * What the dashboard puts first: which KPIs are the same number split another way (shown as
 * breakdowns of their parent, not as cards of their own), how far behind its target a judged
 * value is, and the KPIs that need attention in a period, each with the member (rep, region,
 * category...) that drove it. Pure: the report model in, plain data out.
 */
import { parsePeriod, type Grain } from '../calendar/periods.ts';
import type { Driver, Report, ReportKpi, ReportMember, ReportValue } from './model.ts';
import { toneOf, type Status } from './status.ts';

/**
 * KPIs that are another KPI's value split another way, id -> the parent's id. A KPI is such a
 * view when its formula is `{ kpi: <parent> }` (conversion rate per rep of the sales conversion
 * rate) or is written exactly as the parent's (sales by category and by region sum the same
 * order lines as net sales). Among KPIs with the same formula the parent is the one with the
 * most breakdowns (then the first id in alphabetical order, whatever the files' order). A parent
 * is never itself a view.
 */
export function breakdownParents(kpis: Pick<ReportKpi, 'id' | 'formula' | 'unit' | 'breakdowns'>[]): Map<string, string> {
  const out = new Map<string, string>();
  const byId = new Map(kpis.map((k) => [k.id, k]));
  const groups = new Map<string, typeof kpis>();
  for (const k of kpis) {
    if (k.formula.op === 'kpi') continue;
    const key = `${k.unit}|${JSON.stringify(k.formula)}`;
    groups.set(key, [...(groups.get(key) ?? []), k]);
  }
  for (const same of groups.values()) {
    if (same.length < 2) continue;
    const parent = same.reduce((best, k) => (k.breakdowns.length > best.breakdowns.length || (k.breakdowns.length === best.breakdowns.length && k.id < best.id) ? k : best));
    for (const k of same) if (k !== parent) out.set(k.id, parent.id);
  }
  for (const k of kpis) {
    if (k.formula.op !== 'kpi') continue;
    const target = byId.get(k.formula.id);
    if (target && target.unit === k.unit) out.set(k.id, out.get(target.id) ?? target.id);
  }
  return out;
}

/**
 * How far behind its target a judged value is, in its own status band: 0 at the target, 1 at the
 * border between at risk and off track, more beyond; 0 when on track. Ratio-judged values measure
 * the attainment's shortfall (1 − attainment) against 1 − at_risk; points-judged values the points
 * short against at_risk_points. Null when the value is not judged (no target, not final).
 */
export function severity(kpi: Pick<ReportKpi, 'unit' | 'direction' | 'judging'>, v: Pick<ReportValue, 'value' | 'target' | 'attainment' | 'status'>): number | null {
  if (v.status === null || v.value === null || v.target === null) return null;
  if (v.status === 'on-track') return 0;
  const j = kpi.judging;
  if (j.judge === 'ratio') {
    // A target or value at or below zero has no attainment: off track is then simply off track.
    if (v.attainment === null) return v.status === 'off-track' ? 1 : 0.5;
    const band = 1 - j.at_risk;
    return band > 0 ? (1 - v.attainment) / band : v.status === 'off-track' ? 1 + (1 - v.attainment) : 0.5;
  }
  const short = kpi.direction === 'higher' ? v.target - v.value : v.value - v.target;
  const band = kpi.unit === 'percent' ? j.at_risk_points / 100 : j.at_risk_points;
  return band > 0 ? short / band : v.status === 'off-track' ? 1 + short : 0.5;
}

/** The member that drove a KPI's shortfall, and how it was found. */
export interface AttentionDriver {
  /** The breakdown (region, category, rep...). */
  by: string;
  member: string;
  /**
   * `change`: the member whose change against the previous period hurt most (the report's drivers,
   * else the previous period's breakdowns); `target`: the member furthest behind its own target, when no member's change hurt.
   */
  kind: 'change' | 'target';
  value: number | null;
  /** kind change: the member's change (its contribution to the total's for additive KPIs). */
  change: number | null;
  /** kind change, additive KPIs: the share of the total's change. */
  shareOfChange: number | null;
  /** kind target: the member's own judgement. */
  target: number | null;
  attainment: number | null;
  gap: number | null;
  status: Status | null;
}

export interface AttentionItem {
  kpi: string;
  grain: Grain;
  value: ReportValue;
  severity: number;
  driver: AttentionDriver | null;
  /** KPIs shown as breakdowns of this one (see breakdownParents). */
  views: string[];
}

/**
 * The KPIs of a period that are off track or at risk, furthest behind first (by `severity`, then
 * off track before at risk, then the report's order), at most `limit`. A KPI that is a breakdown
 * of another is left out: its parent stands for it.
 */
export function needsAttention(report: Pick<Report, 'kpis' | 'insights'>, period: string, limit = 5): AttentionItem[] {
  const grain = parsePeriod(period)?.grain;
  if (!grain) return [];
  const parents = breakdownParents(report.kpis);
  const items: AttentionItem[] = [];
  report.kpis.forEach((kpi) => {
    if (parents.has(kpi.id)) return;
    const v = kpi.values[grain]?.find((x) => x.period === period);
    if (!v || (v.status !== 'off-track' && v.status !== 'at-risk')) return;
    const views = [...parents].filter(([, p]) => p === kpi.id).map(([id]) => id);
    items.push({ kpi: kpi.id, grain, value: v, severity: severity(kpi, v) ?? 0, driver: driverOf(report, kpi, v, period, grain), views });
  });
  const order = new Map(report.kpis.map((k, i) => [k.id, i]));
  items.sort((a, b) => b.severity - a.severity || rank(a.value.status) - rank(b.value.status) || order.get(a.kpi)! - order.get(b.kpi)!);
  return items.slice(0, limit);
}

const rank = (s: Status | null) => (s === 'off-track' ? 0 : s === 'at-risk' ? 1 : 2);

/**
 * The member that drove the shortfall: from the report's drivers (off-track KPIs), the member
 * whose change hurt most, measured by its share of the total's change where the KPI adds up
 * (else the first breakdown's); failing that, the member furthest behind its own target; failing
 * that, the member whose change against the previous period hurt most.
 */
function driverOf(report: Pick<Report, 'insights'>, kpi: ReportKpi, v: ReportValue, period: string, grain: Grain): AttentionDriver | null {
  const d = report.insights[grain]?.[period]?.drivers.find((x) => x.kpi === kpi.id);
  let best: { by: string; m: Driver } | null = null;
  // A change that is not like for like (a partial period, a maturing cohort) says nothing about who drove it.
  if (d && d.notComparable === null) {
    for (const b of d.breakdowns) {
      const m = b.members.find((x) => x.tone === 'bad' && x.change !== null);
      if (!m) continue;
      if (!best || Math.abs(m.shareOfChange ?? 0) > Math.abs(best.m.shareOfChange ?? 0)) best = { by: b.by, m };
    }
  }
  if (best) return { by: best.by, member: best.m.member, kind: 'change', value: best.m.value, change: best.m.change, shareOfChange: best.m.shareOfChange, target: null, attainment: null, gap: null, status: null };
  let worst: { by: string; m: ReportMember; s: number } | null = null;
  for (const by of kpi.breakdowns) {
    for (const m of v.breakdowns[by] ?? []) {
      const s = severity(kpi, m);
      if (s === null || s <= 0) continue;
      if (!worst || s > worst.s) worst = { by, m, s };
    }
  }
  if (worst) {
    const m = worst.m;
    return { by: worst.by, member: m.member, kind: 'target', value: m.value, change: null, shareOfChange: null, target: m.target, attainment: m.attainment, gap: m.gap, status: m.status };
  }
  return changeAgainstPrevious(kpi, v, grain);
}

/**
 * The last resort (a KPI at risk has no drivers in the report and its members may have no
 * targets): the member whose change against the previous period of the grain hurt most, as the
 * report's drivers measure it (a contribution to the total's change for additive KPIs, a member
 * missing in one period counting as 0; the member's own change otherwise). None when the change
 * is not like for like (a partial period, a maturing cohort).
 */
function changeAgainstPrevious(kpi: ReportKpi, v: ReportValue, grain: Grain): AttentionDriver | null {
  if (v.notes.length > 0) return null;
  const list = kpi.values[grain] ?? [];
  const prev = list[list.findIndex((x) => x.period === v.period) - 1];
  if (!prev || prev.notes.length > 0) return null;
  let best: AttentionDriver | null = null;
  for (const by of kpi.breakdowns) {
    const before = new Map((prev.breakdowns[by] ?? []).map((m) => [m.member, m.value]));
    const now = new Map((v.breakdowns[by] ?? []).map((m) => [m.member, m.value]));
    for (const member of kpi.additive ? new Set([...now.keys(), ...before.keys()]) : now.keys()) {
      const a = now.get(member) ?? null;
      const b = before.get(member) ?? null;
      const change = kpi.additive ? (a ?? 0) - (b ?? 0) : a !== null && b !== null ? a - b : null;
      if (change === null || toneOf(change, kpi.direction) !== 'bad') continue;
      const shareOfChange = kpi.additive && v.change ? change / v.change : null;
      const size = shareOfChange !== null ? Math.abs(shareOfChange) : null;
      const bestSize = best?.shareOfChange != null ? Math.abs(best.shareOfChange) : null;
      // Additive KPIs compare shares of the total's change across breakdowns; others keep the first breakdown's largest change.
      const better = !best || (size !== null && bestSize !== null ? size > bestSize : best.by === by && Math.abs(change) > Math.abs(best.change!));
      if (better) best = { by, member, kind: 'change', value: a, change, shareOfChange, target: null, attainment: null, gap: null, status: null };
    }
  }
  return best;
}
