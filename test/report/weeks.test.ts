/**
 * Which week a weekly KPI is shown at (src/report/weeks.ts), and the review a weekly KPI needs
 * (report/reviews.ts `no-review`), worked by hand. Weeks of October 2026 (Monday weeks):
 * 2026-W40 28 September to 4 October, W41 5-11, W42 12-18, W43 19-25, W44 26 October to
 * 1 November; the data ends on Saturday 31 October, so W44 is partial.
 */
import { describe, expect, it } from 'vitest';
import type { Report, ReportKpi, ReportValue, WeekInfo } from '../../src/report/model.ts';
import { buildReviews, lintReviews } from '../../src/report/reviews.ts';
import { lastWeekOf, repWeeks, shownPeriod } from '../../src/report/weeks.ts';
import type { ParsedReview } from '../../src/validate/reviews.ts';

const week = (label: string, start: string, end: string, partial = false): WeekInfo => ({ grain: 'week', index: 0, label, start, end, partial });
const WEEKS = [
  week('2026-W40', '2026-09-28', '2026-10-04'),
  week('2026-W41', '2026-10-05', '2026-10-11'),
  week('2026-W42', '2026-10-12', '2026-10-18'),
  week('2026-W43', '2026-10-19', '2026-10-25'),
  week('2026-W44', '2026-10-26', '2026-11-01', true),
];
const v = (period: string, rep: number | null): ReportValue =>
  ({ period, value: 10, notes: [], target: null, status: null, breakdowns: { rep: rep === null ? [] : [{ member: 'andi', value: rep, share: null, target: null, attainment: null, gap: null, status: null }] } }) as unknown as ReportValue;
const leads = {
  id: 'new-leads',
  title: { id: 'Prospek Baru', en: 'New Leads' },
  frequency: 'weekly',
  breakdowns: ['rep'],
  values: { week: WEEKS.map((w, i) => v(w.label, i === 1 ? null : i)), month: [v('2026-09', 1), v('2026-10', 2)] },
} as unknown as ReportKpi;
const sales = { ...leads, id: 'net-sales', frequency: 'monthly', breakdowns: ['rep'], values: { month: leads.values.month } } as unknown as ReportKpi;
const report = { weeks: WEEKS, kpis: [leads, sales] };

describe('the week a weekly KPI is shown at', () => {
  it('is the last complete week that ends in the month', () => {
    // W44 ends in November and is partial: October's is W43.
    expect(lastWeekOf(report, '2026-10')?.label).toBe('2026-W43');
    // W40 ends on 4 October: September has no complete week ending in it here.
    expect(lastWeekOf(report, '2026-09')).toBeNull();
  });
  it('replaces a month on the dashboard for a weekly KPI only', () => {
    expect(shownPeriod(report, leads, '2026-10')).toBe('2026-W43');
    expect(shownPeriod(report, sales, '2026-10')).toBe('2026-10');
    // A quarter's dashboard shows the quarter; a month without a complete week, the month.
    expect(shownPeriod(report, leads, '2026-Q4')).toBe('2026-Q4');
    expect(shownPeriod(report, leads, '2026-09')).toBe('2026-09');
  });
  it("lists a rep's weeks newest first, leaving out weeks where the rep has no value", () => {
    const rows = repWeeks(report, 'andi', '2026-10', 3);
    // W41 has no value for andi; the newest three others: W44, W43, W42.
    expect(rows.map((r) => [r.week.label, r.cells.map((c) => c?.value ?? null)])).toEqual([
      ['2026-W44', [4]],
      ['2026-W43', [3]],
      ['2026-W42', [2]],
    ]);
    expect(repWeeks(report, 'andi', '2026-10').map((r) => r.week.label)).toEqual(['2026-W44', '2026-W43', '2026-W42', '2026-W40']);
  });
});

describe('the review of a weekly KPI', () => {
  const review = (period: string): ParsedReview => ({ file: `reviews/${period}.mdx`, period, grain: 'month', lang: 'id', participants: ['andi'], causes: [], actions: [], annotations: [], kpisEmbedded: [] });
  const month = (label: string) => ({ grain: 'month', index: 0, label, start: `${label}-01`, end: `${label}-28`, partial: false });
  const full = { company: { fiscalYearStart: 1 }, asOf: '2026-10-31', periods: { month: ['2026-07', '2026-08', '2026-09', '2026-10'].map(month), quarter: [], year: [] }, kpis: [leads], lints: [] } as unknown as Report;
  const lints = (periods: string[]) => {
    const reviews = periods.map(review);
    return lintReviews(buildReviews(reviews, 1, '2026-10-31'), reviews, { report: full, reviews, reps: [] }).filter((l) => l.code === 'no-review');
  };
  it("is the month's review: a review of September or October covers it", () => {
    expect(lints(['2026-09'])).toEqual([]);
    expect(lints(['2026-10'])).toEqual([]);
  });
  it("asks for the month's review, never one per week, when the last two months have none", () => {
    expect(lints(['2026-07']).map((l) => [l.kpi, l.period, l.file])).toEqual([['new-leads', '2026-10', 'reviews/2026-10.mdx']]);
  });
});
