/**
 * The report model: computed values joined with targets into attainment and status, with
 * change against the previous period, breakdown shares and lints. One JSON-serialisable object,
 * versioned, that every output (site, CLI, exports) reads. Pure. Shape: docs/report-format.md.
 */
import { dayNumber, GRAINS, parseMonth } from '../calendar/periods.ts';
import { workCalendar } from '../calendar/working-days.ts';
import type { ComputeResult, KpiPeriodValue, PeriodInfo } from '../compute/compute-kpis.ts';
import { isAdditive, type Kpi } from '../kpi/schema.ts';
import { UNSPECIFIED_REASON } from '../dataset/fields.ts';
import type { ValidData as RepoData } from '../validate/repo-data.ts';
import { lintReport } from './lints.ts';
import { judgingOf, type Judging } from '../kpi/judging.ts';
import { judge, MIN_RECORDS, type NotFinal } from './status.ts';
import { basisOf } from '../kpi/basis.ts';
import { goalProgress } from './goal-progress.ts';
import { withLastYear, withLikeForLike } from './like-for-like.ts';
import { buildInsights, scalesWithLength } from './insights.ts';
import { TargetBook, type TargetScope, type TargetValue } from './targets.ts';
import { teamView } from './team.ts';
import { REPORT_VERSION, type GoalProgress, type Report, type ReportCore, type ReportKpi, type ReportMember, type ReportValue } from './model.ts';

export interface ReportInput {
  data: RepoData;
  kpis: Kpi[];
  computed: ComputeResult;
  /** Today, for the stale-data lint; omit for a report that depends on the data alone. */
  today?: string;
  commit?: string;
  /** YYYY-MM of every month folder. */
  months: string[];
}

const SCOPED = new Set(['rep', 'region', 'category']);

export function buildReport(input: ReportInput): Report {
  return withViews(buildReportCore(input), input);
}

/** The views the site reads, built from the report's KPIs: insights and the team's leaderboards and series. */
export function withViews(core: ReportCore, { data, computed, months }: Pick<ReportInput, 'data' | 'computed' | 'months'>): Report {
  return {
    ...core,
    insights: buildInsights(core.kpis, computed.periods),
    team: teamView({ kpis: core.kpis, periods: computed.periods, reps: data.team.records, regions: data.company.regions.map((r) => r.id), latestMonth: months[months.length - 1] ?? null }),
  };
}

/** The report without its views (withViews): every KPI's values, targets and statuses, the goals and the lints. */
export function buildReportCore({ data, kpis, computed, today, commit, months }: ReportInput): ReportCore {
  const book = new TargetBook(data.targets.flatMap((f) => f.records));
  const fyStart = data.company.fiscal_year_start;
  const first = months.length ? parseMonth(months[0]!) : 0;
  const last = months.length ? parseMonth(months[months.length - 1]!) : 0;
  // Weeks take their targets from week or month targets, prorated by working days (targets.ts findWeek).
  const calendar = workCalendar(data.company.working_days, data.company.holidays);
  const days: [number, number] = months.length && computed.asOf ? [dayNumber(`${months[0]!}-01`), dayNumber(computed.asOf)] : [0, -1];
  // What scalesWithLength reads of the KPIs a formula refers to.
  const lite = new Map(kpis.map((k) => [k.id, { additive: isAdditive(k), formula: k.formula }]));
  const byFormula = new Map(kpis.map((k) => [k.id, { formula: k.formula }]));

  const reportKpis = kpis.map((kpi): ReportKpi => {
    const additive = isAdditive(kpi);
    const judging = judgingOf(kpi);
    const scales = scalesWithLength(kpi.formula, lite, new Set());
    const values: ReportKpi['values'] = {};
    for (const grain of GRAINS) {
      const list = computed.values[kpi.id]?.[grain];
      if (!list) continue;
      const infos = computed.periods[grain];
      // A per-rep KPI's total is an average, but each rep's own value is a sum: rep targets add up.
      const membersAdd = additive || kpi.formula.op === 'per_rep';
      values[grain] = list.map((v, i) =>
        reportValue(kpi, judging, scales, infos[i]!, v, list[i - 1], additive, (scope) => book.find(kpi.id, infos[i]!, scope, scope.dim === 'company' ? additive : membersAdd, fyStart, first, last)),
      );
    }
    const weekList = computed.values[kpi.id]?.week;
    const weeks = weekList?.map((v, i) => {
      const info = computed.weeks![i]!;
      return reportValue(kpi, judging, scales, info, v, weekList[i - 1], additive, (scope) => book.findWeek(kpi.id, info, scope, scope.dim === 'company' ? additive : additive || kpi.formula.op === 'per_rep', calendar, days));
    });
    return {
      id: kpi.id,
      title: kpi.title,
      description: kpi.description,
      group: kpi.group,
      unit: kpi.unit,
      direction: kpi.direction,
      grains: kpi.grains,
      frequency: kpi.frequency,
      goal: kpi.goal ?? null,
      owner: kpi.owner ?? null,
      additive,
      judging,
      secondary: kpi.secondary ? { title: kpi.secondary.title, unit: kpi.secondary.unit, formula: kpi.secondary.formula } : null,
      breakdowns: kpi.breakdowns.map((b) => b.by),
      ...(kpi.breakdowns.length && basisOf(kpi.formula, byFormula) ? { counts: basisOf(kpi.formula, byFormula)!.counts } : {}),
      formula: kpi.formula,
      values: { ...withLastYear(additive ? withLikeForLike(values, computed.periods, fyStart, first, last) : values, computed.periods, additive, fyStart, first, last), ...(weeks ? { week: weeks } : {}) },
    };
  });

  return {
    version: REPORT_VERSION,
    company: { name: data.company.name, currency: data.company.currency, locale: data.company.locale, timezone: data.company.timezone, fiscalYearStart: fyStart },
    asOf: computed.asOf,
    latestMonth: months[months.length - 1] ?? null,
    commit: commit ?? null,
    periods: computed.periods,
    ...(computed.weeks ? { weeks: computed.weeks } : {}),
    labels: labelsOf(data),
    goals: data.goals.records.map((g) => ({
      id: g.id,
      title: g.title,
      description: g.description ?? null,
      kpi: g.kpi ?? null,
      owner: g.owner ?? null,
      kpis: kpis.filter((k) => k.goal === g.id).map((k) => k.id),
      progress: progressOf(g.kpi, reportKpis, computed, book, fyStart, months),
    })),
    kpis: reportKpis,
    lints: lintReport({ data, kpis, computed, months, today }),
  };
}

function reportValue(
  kpi: Kpi,
  judging: Judging,
  scales: boolean,
  info: Pick<PeriodInfo, 'partial'>,
  v: KpiPeriodValue,
  prev: KpiPeriodValue | undefined,
  additive: boolean,
  targetFor: (scope: TargetScope) => TargetValue | null,
): ReportValue {
  const judged = { unit: kpi.unit, direction: kpi.direction, judging };
  const target = targetFor({ dim: 'company' });
  // Not judged yet: a cohort that can still change; part of a period of a KPI that grows with the
  // period's length, against a target for the whole period (a derived or prorated target covers the same months).
  const notFinalOf = (t: TargetValue | null): NotFinal | null =>
    v.notes.includes('maturing') ? 'maturing' : info.partial && scales && t?.source !== 'derived' && t?.source !== 'prorated' ? 'partial' : null;
  const previous = prev?.value ?? null;
  const change = v.value !== null && previous !== null ? v.value - previous : null;
  const breakdowns: Record<string, ReportMember[]> = {};
  for (const [by, members] of Object.entries(v.breakdowns)) {
    breakdowns[by] = members
      .map((m): ReportMember => {
        const t = SCOPED.has(by) ? targetFor({ dim: by as 'rep', member: m.member }) : null;
        const tv = t?.value ?? null;
        const j = judge(m.value, tv, judged, notFinalOf(t));
        return {
          member: m.member,
          value: m.value,
          ...(m.reason ? { reason: m.reason } : {}),
          share: additive && m.value !== null && v.value ? m.value / v.value : null,
          target: tv,
          attainment: j.attainment,
          gap: j.gap,
          status: j.status,
          ...(j.notFinal ? { notFinal: j.notFinal } : {}),
          ...(m.count !== undefined ? { count: m.count, ...(m.count < MIN_RECORDS ? { fewRecords: true as const } : {}) } : {}),
        };
      })
      .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || (a.member < b.member ? -1 : 1));
  }
  return {
    period: v.period,
    value: v.value,
    ...(v.reason ? { reason: v.reason } : {}),
    ...(v.secondary ? { secondary: v.secondary } : {}),
    notes: v.notes,
    previous,
    change,
    changeRatio: change !== null && previous ? change / Math.abs(previous) : null,
    target: target?.value ?? null,
    ...(target ? { targetSource: target.source } : {}),
    ...judge(v.value, target?.value ?? null, judged, notFinalOf(target)),
    breakdowns,
  };
}

function labelsOf(data: RepoData): Report['labels'] {
  const byId = <T extends { id: string }>(list: T[], name: (x: T) => string | { id: string; en: string }) => Object.fromEntries(list.map((x) => [x.id, name(x)]));
  return {
    rep: byId(data.team.records, (r) => r.name),
    region: byId(data.company.regions, (r) => r.name),
    segment: byId(data.company.segments, (s) => s.name),
    source: byId(data.company.lead_sources, (s) => s.name),
    lost_reason: { [UNSPECIFIED_REASON]: { id: 'tidak disebut', en: 'unspecified' }, ...byId(data.company.lost_reasons, (s) => s.name) },
    category: byId(data.products.categories, (c) => c.name),
    kind: { regular: { id: 'reguler', en: 'regular' }, 'cross-sell': { id: 'cross-sell', en: 'cross-sell' }, 'up-sell': { id: 'up-sell', en: 'up-sell' } },
  };
}

function progressOf(kpiId: string | undefined, kpis: ReportKpi[], computed: ComputeResult, book: TargetBook, fyStart: number, months: string[]): GoalProgress | null {
  const kpi = kpis.find((k) => k.id === kpiId);
  const latest = months[months.length - 1];
  if (!kpi || !latest) return null;
  const company = { dim: 'company' } as const;
  return goalProgress(kpi, fyStart, latest, (year) => {
    const p = computed.periods.year.find((x) => x.label === year);
    // The full year's target: pretend the year is complete so nothing is prorated.
    return p ? (book.find(kpi.id, { ...p, partial: false }, company, kpi.additive, fyStart, -Infinity, Infinity)?.value ?? null) : null;
  });
}
