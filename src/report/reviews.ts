/**
 * The team's reviews in the report model, and their follow-up: the one home of the rules for
 * which actions a report shows, when an action is overdue, and the lints from the article's
 * mistakes about monitoring (a KPI off track with no cause written, an action nobody can do,
 * an action past its due date, a KPI not reviewed at its frequency). Pure.
 *
 * An action lives in the review that sets it; a later review may list it again (same id) to
 * carry it over and to change its status. Its status now is the one in the newest review that
 * lists it; its status "as of" a period is the one in the newest review up to that period.
 */
import { monthsOf, parsePeriod, type Grain } from '../calendar/periods.ts';
import { PLANNING_GRAIN_OF_FREQUENCY } from '../kpi/schema.ts';
import type { ActionStatus } from '../schema/review.ts';
import type { ParsedReview } from '../validate/reviews.ts';
import type { Lint } from './lints.ts';
import type { ReportCore, ReviewsModel, ReviewView, TrackedAction } from './model.ts';

/** Days after a month closes before an off-track KPI of it needs a cause even with no review yet (company.yaml `review_due_days`). */
const REVIEW_DUE_DAYS = 10;

const GRAIN_RANK: Record<Grain, number> = { month: 0, quarter: 1, year: 2 };

/** Orders periods of any grain: by their last month, then month before quarter before year. */
export function periodKey(period: string, fyStart: number): number {
  const p = parsePeriod(period);
  if (!p) return Number.NaN;
  return monthsOf(p.grain, p.index, fyStart)[1] * 3 + GRAIN_RANK[p.grain];
}

/** The reviews oldest first, and every action followed across them. `asOf`: the day overdue is judged on. */
export function buildReviews(reviews: ParsedReview[], fyStart: number, asOf: string | null): ReviewsModel {
  const list: ReviewView[] = [...reviews]
    .sort((a, b) => periodKey(a.period, fyStart) - periodKey(b.period, fyStart))
    .map((r) => ({ file: r.file, period: r.period, grain: r.grain, lang: r.lang, participants: r.participants, causes: r.causes, actions: r.actions, annotations: r.annotations }));
  const byId = new Map<string, TrackedAction>();
  for (const r of list) {
    for (const a of r.actions) {
      const known = byId.get(a.id);
      if (!known) byId.set(a.id, { ...a, setIn: r.period, file: r.file, history: [{ period: r.period, status: a.status }], overdue: false });
      else {
        // The newest listing decides the status, the due date, the owner and the words.
        byId.set(a.id, { ...known, ...a, setIn: known.setIn, file: known.file, history: [...known.history, { period: r.period, status: a.status }], overdue: false });
      }
    }
  }
  const actions = [...byId.values()].map((a) => ({ ...a, overdue: isOverdue(a.status, a.due, asOf) }));
  return { list, actions, asOf };
}

export function isOverdue(status: ActionStatus, due: string, day: string | null): boolean {
  return status === 'open' && day !== null && due < day;
}

/** An action's status as of a period: the one in the newest review up to it (its first status if none). */
export function statusAsOf(action: TrackedAction, period: string, fyStart: number): ActionStatus {
  const key = periodKey(period, fyStart);
  let status = action.history[0]!.status;
  for (const h of action.history) if (periodKey(h.period, fyStart) <= key) status = h.status;
  return status;
}

export interface FollowUp {
  action: TrackedAction;
  /** Its status as of the period. */
  status: ActionStatus;
  /** Open as of the period and due before the period's last day. */
  overdue: boolean;
  /** From the review just before this one of the same grain (shown whatever its status), or older and still open. */
  from: 'previous' | 'older';
}

/**
 * What a period's report follows up from earlier reviews: every action of the previous review of
 * the same grain, with its status as of this period, and every older action still open as of this
 * period (it stays until it is done or dropped). `periodEnd` is the period's last day.
 */
export function followUps(model: ReviewsModel, period: string, periodEnd: string, fyStart: number): FollowUp[] {
  const p = parsePeriod(period);
  if (!p) return [];
  const key = periodKey(period, fyStart);
  const previous = [...model.list].reverse().find((r) => r.grain === p.grain && periodKey(r.period, fyStart) < key);
  const out: FollowUp[] = [];
  for (const a of model.actions) {
    if (periodKey(a.setIn, fyStart) >= key) continue;
    const status = statusAsOf(a, period, fyStart);
    const fromPrevious = !!previous && previous.actions.some((x) => x.id === a.id);
    if (!fromPrevious && status !== 'open') continue;
    out.push({ action: a, status, overdue: status === 'open' && a.due < periodEnd, from: fromPrevious ? 'previous' : 'older' });
  }
  return out.sort((x, y) => (x.action.due < y.action.due ? -1 : x.action.due > y.action.due ? 1 : x.action.id < y.action.id ? -1 : 1));
}

/** Actions open now and past their due date, oldest due first: the dashboard's list. */
export function overdueActions(model: ReviewsModel): TrackedAction[] {
  return model.actions.filter((a) => a.overdue).sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}

/** The causes and actions of every review that name a KPI, newest review first. */
export function reviewsOfKpi(model: ReviewsModel, kpi: string): { review: ReviewView; causes: ReviewView['causes']; actions: TrackedAction[] }[] {
  const out = [];
  for (const r of [...model.list].reverse()) {
    const causes = r.causes.filter((c) => c.kpi === kpi);
    const actions = model.actions.filter((a) => a.kpi === kpi && a.setIn === r.period);
    if (causes.length || actions.length) out.push({ review: r, causes, actions });
  }
  return out;
}

/** The actions a rep owns, open ones first, then by due date. */
export function actionsOfRep(model: ReviewsModel, rep: string): TrackedAction[] {
  return model.actions
    .filter((a) => a.owner === rep)
    .sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open') || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
}

/** The annotations of every review that apply to a KPI's charts (its own and those for every KPI). */
export function annotationsOf(model: ReviewsModel | undefined, kpi: string): { when: string; label: string }[] {
  if (!model) return [];
  const seen = new Set<string>();
  const out: { when: string; label: string }[] = [];
  for (const r of model.list) {
    for (const a of r.annotations) {
      if (a.kpi !== undefined && a.kpi !== kpi) continue;
      const key = `${a.when}|${a.label}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ when: a.when, label: a.label });
    }
  }
  return out;
}

export interface ReviewLintInput<R extends ReportCore = ReportCore> {
  report: R;
  /** The team (team.yaml): an open action whose owner left is a lint. */
  reps: readonly { id: string; left?: string | undefined }[];
  reviews: ParsedReview[];
  /** Today (YYYY-MM-DD), when known: the off-track lint for a month without a review waits for it. */
  today?: string | undefined;
  /** company.yaml `review_due_days`. */
  dueDays?: number | undefined;
}

/** Adds the reviews to the report model and their lints to its lints. */
export function withReviews<R extends ReportCore>(input: ReviewLintInput<R>): R {
  const { report, reviews, today } = input;
  const fyStart = report.company.fiscalYearStart;
  const model = buildReviews(reviews, fyStart, today ?? report.asOf);
  return { ...report, reviews: model, lints: [...report.lints, ...lintReviews(model, reviews, input)] };
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The lints of the reviews (only once the repository has a review: a team that does not write them is not nagged). */
export function lintReviews(model: ReviewsModel, parsed: ParsedReview[], input: ReviewLintInput): Lint[] {
  const { report, today } = input;
  if (!model.list.length) return [];
  const out: Lint[] = [];
  const fileOf = new Map(parsed.map((r) => [r.period, r]));

  // A KPI off track in a reviewed period with no cause written for it.
  const offTrack = (grain: Grain, period: string) =>
    report.kpis.filter((k) => k.values[grain]?.find((v) => v.period === period)?.status === 'off-track');
  for (const r of model.list) {
    const explained = new Set(r.causes.map((c) => c.kpi));
    for (const k of offTrack(r.grain, r.period)) {
      if (explained.has(k.id)) continue;
      out.push({
        level: 'warning',
        code: 'off-track-no-cause',
        kpi: k.id,
        period: r.period,
        file: r.file,
        at: r.causes.length ? ['causes'] : ['period'],
        message: {
          id: `${k.title.id} meleset dari target di ${r.period}, tetapi tinjauannya tidak menulis penyebabnya: tambahkan causes: - kpi: ${k.id} (temukan penyebabnya, lalu bertindak)`,
          en: `${k.title.en} is off track in ${r.period} but its review writes no cause: add causes: - kpi: ${k.id} (find the cause, then act)`,
        },
      });
    }
  }
  // The newest month with data and no review: once review_due_days have passed since it closed.
  const latest = report.periods.month[report.periods.month.length - 1];
  const due = input.dueDays ?? REVIEW_DUE_DAYS;
  if (latest && today && !latest.partial && !fileOf.has(latest.label) && addDays(latest.end, due) < today) {
    for (const k of offTrack('month', latest.label)) {
      out.push({
        level: 'warning',
        code: 'off-track-no-cause',
        kpi: k.id,
        period: latest.label,
        file: `reviews/${latest.label}.mdx`,
        message: {
          id: `${k.title.id} meleset dari target di ${latest.label} dan belum ada tinjauan ${due} hari setelah bulan itu ditutup: tulis reviews/${latest.label}.mdx (capaian new-month membuat kerangkanya)`,
          en: `${k.title.en} is off track in ${latest.label} and there is no review ${due} days after the month closed: write reviews/${latest.label}.mdx (capaian new-month makes its skeleton)`,
        },
      });
    }
  }

  // Actions: where each is listed last.
  const lastListing = new Map<string, { file: string; index: number }>();
  for (const r of model.list) r.actions.forEach((a, i) => lastListing.set(a.id, { file: r.file, index: i }));
  const left = new Map(input.reps.filter((r) => r.left).map((r) => [r.id, r.left!]));
  for (const a of model.actions) {
    const at = lastListing.get(a.id)!;
    if (a.status === 'open' && left.has(a.owner)) {
      out.push({
        level: 'warning',
        code: 'action-owner-left',
        kpi: a.kpi,
        file: at.file,
        at: ['actions', at.index, 'owner'],
        message: {
          id: `Aksi ${a.id} masih terbuka, tetapi pemiliknya ${a.owner} sudah keluar pada ${left.get(a.owner)}: serahkan ke sales lain atau tandai dropped`,
          en: `Action ${a.id} is still open but its owner ${a.owner} left on ${left.get(a.owner)}: hand it to another rep or mark it dropped`,
        },
      });
    }
    if (a.overdue) {
      out.push({
        level: 'warning',
        code: 'overdue-action',
        kpi: a.kpi,
        file: at.file,
        at: ['actions', at.index, 'due'],
        message: {
          id: `Aksi ${a.id} (${a.owner}) lewat tenggat ${a.due} dan masih terbuka: selesaikan, ubah tenggatnya, atau tandai done/dropped`,
          en: `Action ${a.id} (${a.owner}) is past its due date ${a.due} and still open: finish it, move its due date, or mark it done/dropped`,
        },
      });
    }
  }

  // A KPI not reviewed at its frequency: no review of its grain for the newest complete period or the one before.
  // A weekly KPI is reviewed in the month's review (its weeks are discussed there): no review file per week.
  const reviewed = new Set(model.list.map((r) => r.period));
  const stale = new Map<Grain, string | null>();
  for (const grain of ['month', 'quarter', 'year'] as Grain[]) {
    const complete = report.periods[grain].filter((p) => !p.partial);
    const last = complete[complete.length - 1];
    if (!last) continue;
    const before = complete[complete.length - 2];
    if (reviewed.has(last.label) || (before && reviewed.has(before.label))) continue;
    stale.set(grain, last.label);
  }
  for (const k of report.kpis) {
    const grain: Grain = PLANNING_GRAIN_OF_FREQUENCY[k.frequency];
    const period = grain ? stale.get(grain) : undefined;
    if (!grain || !period || !k.values[grain]) continue;
    const words = { month: ['bulanan', 'monthly'], quarter: ['kuartalan', 'quarterly'], year: ['tahunan', 'yearly'] }[grain];
    out.push({
      level: 'warning',
      code: 'no-review',
      kpi: k.id,
      period,
      file: `reviews/${period}.mdx`,
      message: {
        id: `${k.title.id} ditinjau ${words[0]}, tetapi belum ada tinjauan untuk ${period} maupun periode sebelumnya: tulis reviews/${period}.mdx (pantau dan evaluasi secara berkala)`,
        en: `${k.title.en} is reviewed ${words[1]}, but there is no review for ${period} or the period before: write reviews/${period}.mdx (monitor and evaluate regularly)`,
      },
    });
  }
  return out;
}
