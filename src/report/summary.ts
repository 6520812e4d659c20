/**
 * The dashboard's summary in words, one sentence a director reads in ten seconds: how many KPIs
 * are on track, at risk and off track; the headline KPI (the first goal's, net sales in the
 * sample) against its target and the same period last year; the goal furthest behind. Pure: the
 * facts come from the report model (`summaryFacts`), the words from the caller (the site's
 * dictionaries, src/site/words/summary.ts), so the same pieces serve the dashboard and the period
 * report's longer summary (`countPhrase`, `judgementPhrase`, `yearOnYearPhrase`).
 */
import { parsePeriod, type Grain } from '../calendar/periods.ts';
import { formatChange, formatValue, type Lang, type Unit } from '../i18n/format-value.ts';
import { severity } from './attention.ts';
import { countTotal } from './insights.ts';
import type { LastYear, Report, ReportKpi, ReportValue, StatusCounts } from './model.ts';
import type { Status } from './status.ts';

/** The words a summary is written with, in one language (src/site/words/summary.ts). */
export interface SummaryWords {
  lang: Lang;
  /** Oktober 2026 / October 2026. */
  periodName(label: string): string;
  /** "Jan–Oct 2025": the months a like-for-like comparison covers. */
  monthRange(from: string, to: string): string;
  status: Record<Status, string>;
  notFinal: string;
  /** "9 of 21 KPIs on track" (the first part of the count phrase). */
  countLead(n: number, total: number, onTrack: string): string;
  /** "3 KPIs, none judged against a target": when no KPI of the period has a status or is waiting for one. */
  noneJudged(total: number): string;
  /** "a, b and c". */
  list(parts: string[]): string;
  /** "92% of target" / "2.1 pts below target" / "above target". */
  ofTarget(attainment: string): string;
  fromTarget(gap: string, side: 'above' | 'below'): string;
  /** "+8.1% vs October 2025". */
  vsLastYear(change: string, lastYear: string): string;
  /** "Net Sales Rp 1.03bn, 92% of target, +8.1% vs October 2025". */
  headline(title: string, value: string, parts: string[]): string;
  /** "the goal furthest behind: “…” (Lead conversion rate 3.2 pts below target)". */
  goalBehind(goal: string, kpi: string, judgement: string): string;
  /** When every goal's KPI with a status is on track. */
  goalsOnTrack: string;
  /** "October 2026: a; b; c." */
  sentence(period: string, parts: string[]): string;
}

export interface SummaryFacts {
  period: string;
  grain: Grain;
  /** The period's status counts, read from the report's insights (src/report/insights.ts). */
  counts: StatusCounts;
  /** The first goal's KPI with a value in the period (its value row), else null. */
  headline: { kpi: ReportKpi; value: ReportValue } | null;
  /** The goal whose KPI is furthest behind its target in the period (report/attention.ts `severity`); null when none is behind. */
  goalBehind: { goal: Report['goals'][number]; kpi: ReportKpi; value: ReportValue; severity: number } | null;
  /** Whether any goal's KPI has a status in the period (so "every goal on track" can be said). */
  goalsJudged: boolean;
}

const NO_COUNTS: StatusCounts = { 'on-track': 0, 'at-risk': 0, 'off-track': 0, 'not-final': 0, none: 0 };

/** The facts the summary states, read from the model. */
export function summaryFacts(report: Pick<Report, 'kpis' | 'goals' | 'insights'>, period: string): SummaryFacts | null {
  const grain = parsePeriod(period)?.grain;
  if (!grain) return null;
  const byId = new Map(report.kpis.map((k) => [k.id, k]));
  const at = (kpi: ReportKpi) => kpi.values[grain]?.find((v) => v.period === period);
  let headline: SummaryFacts['headline'] = null;
  let goalBehind: SummaryFacts['goalBehind'] = null;
  let goalsJudged = false;
  for (const goal of report.goals) {
    const kpi = goal.kpi ? byId.get(goal.kpi) : undefined;
    const v = kpi && at(kpi);
    if (!kpi || !v) continue;
    if (!headline && v.value !== null) headline = { kpi, value: v };
    const s = severity(kpi, v);
    if (s === null) continue;
    goalsJudged = true;
    if (s > 0 && (!goalBehind || s > goalBehind.severity)) goalBehind = { goal, kpi, value: v, severity: s };
  }
  return { period, grain, counts: report.insights[grain]?.[period]?.counts ?? NO_COUNTS, headline, goalBehind, goalsJudged };
}

/** "9 of 21 KPIs on track, 5 at risk, 4 off track and 2 not final": parts with no KPI are left out (KPIs without a target count in the total only). */
export function countPhrase(c: StatusCounts, w: SummaryWords): string {
  const total = countTotal(c);
  if (total === c.none) return w.noneJudged(total);
  const rest = [
    c['at-risk'] ? `${c['at-risk']} ${w.status['at-risk']}` : '',
    c['off-track'] ? `${c['off-track']} ${w.status['off-track']}` : '',
    c['not-final'] ? `${c['not-final']} ${w.notFinal}` : '',
  ].filter(Boolean);
  return w.list([w.countLead(c['on-track'], total, w.status['on-track']), ...rest]);
}

/** How a value stands against its target in words: "92% of target", "2.1 pts below target"; '' without a target. */
export function judgementPhrase(kpi: Pick<ReportKpi, 'unit'>, v: Pick<ReportValue, 'attainment' | 'gap' | 'notFinal'>, currency: string, w: SummaryWords): string {
  if (v.attainment !== null) return w.ofTarget(formatValue(v.attainment, 'percent', w.lang));
  if (v.gap === null) return '';
  const gap = formatChange(Math.abs(v.gap), null, kpi.unit as Unit, w.lang, currency).replace(/^[+±]/, '');
  return w.fromTarget(gap, v.gap >= 0 ? 'above' : 'below');
}

/** "+8.1% vs October 2025" (like for like: "vs Jan–Oct 2025" for a partial year of an amount); '' when last year has no value. */
export function yearOnYearPhrase(kpi: Pick<ReportKpi, 'unit'>, lastYear: LastYear | undefined, currency: string, w: SummaryWords): string {
  if (!lastYear) return '';
  const lfl = lastYear.likeForLike;
  const cmp = lfl ?? lastYear;
  if (cmp.change === null) return '';
  const name = lfl ? w.monthRange(lfl.previousMonths[0], lfl.previousMonths[1]) : w.periodName(lastYear.period);
  return w.vsLastYear(formatChange(cmp.change, cmp.changeRatio, kpi.unit as Unit, w.lang, currency), name);
}

/** The whole sentence. */
export function summarySentence(report: Pick<Report, 'kpis' | 'goals' | 'company' | 'insights'>, period: string, w: SummaryWords): string {
  const f = summaryFacts(report, period);
  if (!f) return '';
  const currency = report.company.currency;
  const parts = [countPhrase(f.counts, w)];
  if (f.headline) {
    const { kpi, value: v } = f.headline;
    const judgement = v.notFinal ? w.notFinal : judgementPhrase(kpi, v, currency, w);
    const yoy = yearOnYearPhrase(kpi, v.lastYear, currency, w);
    parts.push(w.headline(kpi.title[w.lang], formatValue(v.value, kpi.unit as Unit, w.lang, currency), [judgement, yoy].filter(Boolean)));
  }
  if (f.goalBehind) {
    const { goal, kpi, value: v } = f.goalBehind;
    parts.push(w.goalBehind(goal.title[w.lang], kpi.title[w.lang], judgementPhrase(kpi, v, currency, w)));
  } else if (f.goalsJudged) parts.push(w.goalsOnTrack);
  return w.sentence(w.periodName(period), parts);
}
