/**
 * The report model: the one JSON-able value the pipeline builds (build-report.ts) and every
 * output reads, the site's pages, the charts, the CLI and the diff. Only types (and the model's
 * version): the report's helpers import them from here and compute them, the pages import them
 * from here and never compute.
 */
import type { Grain } from '../calendar/periods.ts';
import type { Note, PeriodInfo, WeekInfo } from '../compute/compute-kpis.ts';
import type { Reason } from '../compute/value.ts';
import type { Judging } from '../kpi/judging.ts';
import type { Kpi } from '../kpi/schema.ts';
import type { Lint } from './lints.ts';
import type { NotFinal, Status } from './status.ts';
import type { TargetValue } from './targets.ts';
import type { Action, ActionStatus } from '../schema/review.ts';
import type { ParsedReview } from '../validate/reviews.ts';

/** What the model's values carry from the engine, named here so its readers need not import compute/. */
export type { Note, PeriodInfo, Reason, WeekInfo };

export const REPORT_VERSION = 2;

export interface ReportMember {
  member: string;
  value: number | null;
  reason?: Reason;
  /** Share of the total, for additive KPIs. */
  share: number | null;
  target: number | null;
  attainment: number | null;
  /** value - target, in the KPI's unit (a fraction for percent KPIs); null without both. */
  gap: number | null;
  status: Status | null;
  /** Only when the member has a value and a target that are not judged yet (the period's `notFinal`). */
  notFinal?: NotFinal;
  /** The records behind the value (the KPI's `counts`: orders, leads…), when the KPI has a basis. */
  count?: number;
  /** Set when `count` is below MIN_RECORDS (report/status.ts): too few records to judge the member by. */
  fewRecords?: true;
}

export interface ReportValue {
  period: string;
  value: number | null;
  reason?: Reason;
  secondary?: { value: number | null; reason?: Reason };
  notes: Note[];
  previous: number | null;
  /** value - previous (percentage points for percent KPIs). */
  change: number | null;
  /** change / |previous|. */
  changeRatio: number | null;
  /** Partial quarters and years of additive KPIs: the change against the same months of the previous period. */
  likeForLike?: LikeForLike;
  target: number | null;
  targetSource?: TargetValue['source'];
  /** value / target (target / value when lower is better); null when the KPI is judged in points or the ratio means nothing. */
  attainment: number | null;
  /** value - target, in the KPI's unit (a fraction for percent KPIs: points / 100). */
  gap: number | null;
  /** The one status of this number (src/report/status.ts `judge`); null without a value or target, or when not final. */
  status: Status | null;
  /** Why a value is not judged yet: a cohort still maturing, or a partial period of a KPI that grows with the period against a whole period's target. */
  notFinal: NotFinal | null;
  /** The same period a year before (year on year). */
  lastYear?: LastYear;
  /** breakdown -> members, largest value first. */
  breakdowns: Record<string, ReportMember[]>;
}

export interface ReportKpi {
  id: string;
  title: Kpi['title'];
  description: Kpi['description'];
  group: Kpi['group'];
  unit: Kpi['unit'];
  direction: Kpi['direction'];
  grains: Kpi['grains'];
  frequency: Kpi['frequency'];
  goal: string | null;
  owner: string | null;
  additive: boolean;
  /** How a value is judged against its target, with its status band (the KPI's or the default for its unit). */
  judging: Judging;
  /** The companion value's title, unit and formula as written. */
  secondary: { title: Kpi['title']; unit: Kpi['unit']; formula?: Kpi['formula'] } | null;
  breakdowns: string[];
  /** What a breakdown member's `count` counts (kpi/basis.ts): order, lead, survey, customer or a field's name; absent without one. */
  counts?: string;
  /** The definition as written, for display. */
  formula: Kpi['formula'];
  /** Per grain; `week` (one value per Report.weeks) only for a KPI that declares the week grain. */
  values: Partial<Record<Grain | 'week', ReportValue[]>>;
  /** The text of kpis/<id>.yaml, comments included (filled by the pipeline from the file read). */
  source?: string;
}

export interface Report {
  version: typeof REPORT_VERSION;
  company: { name: string; currency: string; locale: string; timezone: string; fiscalYearStart: number };
  /** Last day covered by the data. */
  asOf: string | null;
  /** The newest month with data. */
  latestMonth: string | null;
  /** The commit the data was read from, when known. */
  commit: string | null;
  periods: Record<Grain, PeriodInfo[]>;
  /** The weeks of the data (compute-kpis.ts WeekInfo); present only when a KPI declares the week grain. */
  weeks?: WeekInfo[];
  /** Display names of breakdown members: vocabulary -> id -> name (a rep's name, a region's name in both languages). */
  labels: Record<string, Record<string, string | { id: string; en: string }>>;
  goals: { id: string; title: Kpi['title']; description: Kpi['title'] | null; kpi: string | null; owner: string | null; kpis: string[]; progress: GoalProgress | null }[];
  kpis: ReportKpi[];
  lints: Lint[];
  /** Per grain and period: status counts, biggest movers, drivers of off-track and at-risk KPIs (src/report/insights.ts). */
  insights: Insights;
  /** Reps (joined, left), rep and region leaderboards per period, each rep's and region's month series (src/report/team.ts). */
  team: TeamView;
  /** The team's reviews (reviews/<period>.mdx) and their actions followed up (src/report/reviews.ts); absent without reviews. */
  reviews?: ReviewsModel;
}

/**
 * The report without the views built from its KPIs for the site (insights, team): what
 * `capaian compute`'s table and CSV read (build-report.ts buildReportCore; buildReport adds the views).
 */
export type ReportCore = Omit<Report, 'insights' | 'team'>;

// reviews.ts computes these.
/** A review as the report carries it: the checked frontmatter (src/validate/reviews.ts), without what only validation needs. */
export type ReviewView = Omit<ParsedReview, 'kpisEmbedded'>;

/** An action followed across reviews: the review that set it, and its status in each review that lists it. */
export interface TrackedAction extends Action {
  /** The period of the review that set it, and that review's file. */
  setIn: string;
  file: string;
  /** Its status now: the one in the newest review that lists it. */
  status: ActionStatus;
  /** Each review that lists it, oldest first, with the status written there. */
  history: { period: string; status: ActionStatus }[];
  /** Open and due before the report's day (today, or the last day of the data). */
  overdue: boolean;
}

export interface ReviewsModel {
  /** Oldest first (a month's review before the quarter's that ends with it). */
  list: ReviewView[];
  actions: TrackedAction[];
  /** The day overdue is judged on (YYYY-MM-DD). */
  asOf: string | null;
}

// like-for-like.ts computes these.
export interface LikeForLike {
  /** The months of the period the data covers, first and last (YYYY-MM). */
  months: [string, string];
  /** The same months of the previous period of the grain. */
  previousMonths: [string, string];
  /** The sum of those months' values; null when one of them has no value or is not in the data (no comparison). */
  previous: number | null;
  change: number | null;
  changeRatio: number | null;
}

/** The same period a year before, and the change against it (year on year). */
export interface LastYear {
  /** 2025-10 for 2026-10, 2025-Q4 for 2026-Q4, 2025 for 2026. */
  period: string;
  /** Its value; null when it is not in the data or has no value. */
  value: number | null;
  change: number | null;
  changeRatio: number | null;
  /** Additive KPIs, quarters and years when this period or last year's is partial: the same months a year before. */
  likeForLike?: LikeForLike;
}

// goal-progress.ts computes these.
export interface GoalProgress {
  /** The fiscal year, e.g. "2026". */
  year: string;
  /** Months of the year with data, and in all. */
  monthsDone: number;
  monthsTotal: number;
  /** Year to date: the year's value over the months with data. */
  actual: number | null;
  /** The full year's target. */
  target: number | null;
  /** The year value's target: for additive KPIs the target for the months gone (month targets summed, or the year target pro rata). */
  targetToDate: number | null;
  /** The year value's attainment, gap, status and notFinal, as in `kpis[].values.year` (copied, never recomputed). */
  attainment: number | null;
  gap: number | null;
  status: Status | null;
  notFinal: NotFinal | null;
  /** Additive KPIs where higher is better: the year to date as a share of the full year's target (for a progress bar); null otherwise. */
  shareOfYear: number | null;
  /** What each remaining month must bring to reach the target (additive KPIs only). */
  pacePerMonth: number | null;
  /** The projected year end: a forecast shown beside the status, not judged. */
  projected: number | null;
  /** How the projection was made: seasonal / linear for amounts; current: the year's rate so far. */
  projection: 'seasonal' | 'linear' | 'current' | null;
}

// insights.ts computes these.
/** Whether a change is good news given the KPI's direction; `flat` when there is no change. */
export type Tone = 'good' | 'bad' | 'flat';

export interface Mover {
  kpi: string;
  value: number | null;
  previous: number | null;
  change: number;
  changeRatio: number | null;
  /** How the movement is measured: relative change, or percentage points (as a fraction) for percent KPIs. */
  measure: 'ratio' | 'points';
  /** The signed movement in that measure: changeRatio, or change for percent KPIs. Movers are ranked by its size. */
  movement: number;
  tone: Tone;
  notes: Note[];
  /**
   * Set when the period or the previous one is partial and the KPI adds up: previous, change and
   * changeRatio then compare the months the data covers with the same months of the previous period.
   */
  likeForLike: LikeForLikeMonths | null;
}

/** The months compared like for like (YYYY-MM, first and last). */
export interface LikeForLikeMonths {
  months: [string, string];
  previousMonths: [string, string];
}

export interface Driver {
  member: string;
  /** The member's value in the period and in the previous one (null when it has none). */
  value: number | null;
  previous: number | null;
  /**
   * Additive KPIs: the member's contribution to the total's change, value - previous, a missing
   * value counting as 0. Other KPIs: the member's own change, null when either value is missing.
   */
  change: number | null;
  /** change / the total's change, for additive KPIs when the total changed. */
  shareOfChange: number | null;
  tone: Tone;
}

export interface DriverBreakdown {
  by: string;
  /**
   * `contribution`: the KPI adds up over members, so the members' changes add up to the total's
   * change. `own-change`: it does not (a rate, an average), so members are ranked by their own
   * change, which does not add up to the total's.
   */
  method: 'contribution' | 'own-change';
  /** Largest absolute change first; members without a change last. */
  members: Driver[];
}

export interface KpiDrivers {
  kpi: string;
  /** Drivers are given for the KPIs off track and at risk. */
  status: 'off-track' | 'at-risk';
  value: number | null;
  previous: number | null;
  change: number | null;
  changeRatio: number | null;
  target: number | null;
  attainment: number | null;
  /** value - target (points for percent KPIs, which have no attainment). */
  gap: number | null;
  /** Why the change is not like for like (see PeriodInsights.notComparable), or null when it is. */
  notComparable: NotComparableReason | null;
  /** As in Mover: previous values (of the total and of each member) are those of the same months of the previous period. */
  likeForLike: LikeForLikeMonths | null;
  notes: Note[];
  /** One per breakdown of the KPI, in the KPI's order. */
  breakdowns: DriverBreakdown[];
}

/** What a KPI's value in a period is counted under: its status, `not-final` (a target, not judged yet) or `none` (no target or no value). */
export type CountKey = Status | 'not-final' | 'none';

/** How many KPIs of a period count under each key; their sum is the period's KPIs (`countTotal`). */
export type StatusCounts = Record<CountKey, number>;

export interface PeriodInsights {
  period: string;
  grain: Grain;
  partial: boolean;
  /** The previous and next period of the same grain, when the report has them. */
  previous: string | null;
  next: string | null;
  /** KPIs reported at this grain, by status (src/report/insights.ts `countKeyOf`): `not-final` a target but not judged yet, `none` no target or no value. */
  counts: StatusCounts;
  /** KPIs with a change against the previous period, largest movement first. */
  movers: Mover[];
  /** KPIs with a change that is not like for like, left out of movers, with the reason. */
  notComparable: { kpi: string; reason: NotComparableReason }[];
  /** One per off-track or at-risk KPI, in the report's KPI order. */
  drivers: KpiDrivers[];
}

/**
 * `partial`: the KPI grows with the period's length (a sum, a count, a per-rep sum, a growth of
 * one) and this or the previous period is partial, so the change compares part of a period with
 * a whole one. `maturing`: the value is a cohort still maturing, so it will still move.
 */
export type NotComparableReason = 'partial' | 'maturing';

export type Insights = Record<Grain, Record<string, PeriodInsights>>;

// team.ts computes these.
/** Member vocabularies with a view of their own. */
export type Vocabulary = 'rep' | 'region';

/** One column of a leaderboard: the KPI whose breakdown member fills the cells, and the KPI whose company value is the total row. */
export interface BoardColumn {
  kpi: string;
  totalKpi: string;
}

export interface TeamRep {
  id: string;
  name: string;
  region: string;
  team: string | null;
  manager: string | null;
  joined: string;
  left: string | null;
  /** The newest month of the data the rep worked in (the month they left, or the latest month); null if they joined after it. */
  lastMonth: string | null;
}

/** A company value, for a leaderboard's total row. */
export interface BoardTotal {
  value: number | null;
  reason?: Reason;
  target: number | null;
  attainment: number | null;
  gap: number | null;
  status: Status | null;
  notFinal: NotFinal | null;
}

export interface BoardRow {
  member: string;
  /** 1 = best. */
  rank: number;
  /** Set when the rep joined after the period began (the date they joined). */
  joined?: string;
  /** Set when the rep left before the period ended (their last day). */
  left?: string;
  /** One per column; null when the KPI has no value for this member in this period. */
  cells: (ReportMember | null)[];
}

export interface Board {
  period: string;
  grain: Grain;
  partial: boolean;
  /** attainment: members with a target first, by attainment, then the rest by value; value: by value alone (no member has a target). */
  sortedBy: 'attainment' | 'value';
  columns: BoardColumn[];
  rows: BoardRow[];
  /** One per column: the company value of the column's totalKpi. */
  totals: (BoardTotal | null)[];
}

/** A member's value in one month, shaped like the company's so the same charts and formats apply. */
export interface MemberValue extends ReportValue {
  /** Share of the company total, for additive KPIs. */
  share: number | null;
  /** Where the member stands among the members with a value that month; absent without a value. */
  peers?: Peers;
  /** The records behind the value and whether they are too few to judge by (as ReportMember's). */
  count?: number;
  fewRecords?: true;
}

/**
 * A member among its peers in one month: `rank` 1 is the best (ties share a rank), by attainment
 * when every member with a value has one (as the leaderboards rank), else by value in the KPI's
 * direction; `of` the members with a value, `average` their plain mean (each member counts once,
 * whatever its size).
 */
export interface Peers {
  rank: number;
  of: number;
  by: 'attainment' | 'value';
  average: number;
}

export interface TeamView {
  /** Every rep in data/team.yaml, in file order. */
  reps: TeamRep[];
  /** Every region id, in company.yaml order. */
  regions: string[];
  /** vocabulary -> grain -> one board per period, oldest first. */
  boards: Record<Vocabulary, Record<Grain, Board[]>>;
  /** vocabulary -> member -> KPI id -> month values, oldest first (KPIs broken down by that vocabulary; members that never appear are left out). */
  series: Record<Vocabulary, Record<string, Record<string, MemberValue[]>>>;
}
