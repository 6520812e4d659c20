/**
 * The follow-up of review actions (src/report/reviews.ts), worked by hand: an action lives in the
 * review that sets it, a later review may list it again to carry it over and change its status;
 * a period's report shows the previous review's actions with their status as of that period,
 * and older actions while they are open.
 */
import { describe, expect, it } from 'vitest';
import { buildReviews, followUps, isOverdue, overdueActions, periodKey, reviewsOfKpi, actionsOfRep, annotationsOf, statusAsOf } from '../../src/report/reviews.ts';
import type { ParsedReview } from '../../src/validate/reviews.ts';
import type { Action } from '../../src/schema/review.ts';

const act = (id: string, kpi: string, owner: string, due: string, status: Action['status']): Action => ({ id, kpi, owner, due, status, text: `do ${id}` });
const review = (period: string, actions: Action[], extra: Partial<ParsedReview> = {}): ParsedReview => ({
  file: `reviews/${period}.mdx`,
  period,
  grain: period.includes('Q') ? 'quarter' : period.length === 4 ? 'year' : 'month',
  lang: 'id',
  participants: ['andi'],
  causes: [],
  actions,
  annotations: [],
  kpisEmbedded: [],
  ...extra,
});

// August sets A (due 09-15) and B (due 09-30); September carries A over as still open and marks B
// done; September sets C (due 10-15). October lists A as done. asOf: 2026-10-31.
const reviews = [
  review('2026-10', [act('A', 'net-sales', 'andi', '2026-09-15', 'done')]),
  review('2026-08', [act('A', 'net-sales', 'andi', '2026-09-15', 'open'), act('B', 'new-customers', 'budi', '2026-09-30', 'open')]),
  review('2026-09', [act('A', 'net-sales', 'andi', '2026-09-15', 'open'), act('B', 'new-customers', 'budi', '2026-09-30', 'done'), act('C', 'net-sales', 'budi', '2026-10-15', 'open')]),
];
const model = buildReviews(reviews, 1, '2026-10-31');
const byId = (id: string) => model.actions.find((a) => a.id === id)!;

describe('periods in order', () => {
  it('orders a month before the quarter and the year that end with it', () => {
    expect(periodKey('2026-09', 1)).toBeLessThan(periodKey('2026-Q3', 1));
    expect(periodKey('2026-Q3', 1)).toBeLessThan(periodKey('2026-10', 1));
    expect(periodKey('2026-12', 1)).toBeLessThan(periodKey('2026', 1));
    // Fiscal year from April: 2026-Q1 is April-June 2026, so it ends before 2026-07.
    expect(periodKey('2026-Q1', 4)).toBeLessThan(periodKey('2026-07', 4));
  });
});

describe('actions followed across reviews', () => {
  it('sorts the reviews oldest first', () => {
    expect(model.list.map((r) => r.period)).toEqual(['2026-08', '2026-09', '2026-10']);
  });
  it('keeps where an action was set and its status in each review', () => {
    expect(byId('A')).toMatchObject({ setIn: '2026-08', file: 'reviews/2026-08.mdx', status: 'done' });
    expect(byId('A').history).toEqual([
      { period: '2026-08', status: 'open' },
      { period: '2026-09', status: 'open' },
      { period: '2026-10', status: 'done' },
    ]);
    expect(statusAsOf(byId('A'), '2026-09', 1)).toBe('open');
    expect(statusAsOf(byId('A'), '2026-Q3', 1)).toBe('open');
    expect(statusAsOf(byId('A'), '2026-10', 1)).toBe('done');
  });
  it('is overdue when open and due before the day', () => {
    expect(isOverdue('open', '2026-10-15', '2026-10-31')).toBe(true);
    expect(isOverdue('open', '2026-10-31', '2026-10-31')).toBe(false);
    expect(isOverdue('done', '2026-09-01', '2026-10-31')).toBe(false);
    expect(isOverdue('open', '2026-09-01', null)).toBe(false);
    // Only C is open now (A done in October, B done in September) and its due date 10-15 is before 10-31.
    expect(overdueActions(model).map((a) => a.id)).toEqual(['C']);
  });
});

describe('what a period report follows up', () => {
  it('September shows August\'s actions with their status as of September, overdue if open past the end of September', () => {
    const got = followUps(model, '2026-09', '2026-09-30', 1).map((f) => [f.action.id, f.status, f.overdue, f.from]);
    // A: open in September, due 09-15 < 09-30: overdue. B: done in September.
    expect(got).toEqual([
      ['A', 'open', true, 'previous'],
      ['B', 'done', false, 'previous'],
    ]);
  });
  it('October shows September\'s actions (A done by October, B done, C open due 10-15 < 10-31)', () => {
    const got = followUps(model, '2026-10', '2026-10-31', 1).map((f) => [f.action.id, f.status, f.overdue, f.from]);
    expect(got).toEqual([
      ['A', 'done', false, 'previous'],
      ['B', 'done', false, 'previous'],
      ['C', 'open', true, 'previous'],
    ]);
  });
  it('November (no review of its own) keeps the still open C, as an older action, and drops the closed ones', () => {
    const got = followUps(model, '2026-11', '2026-11-30', 1).map((f) => [f.action.id, f.status, f.overdue, f.from]);
    // The previous month review is October's, which lists A (done): shown with its status.
    expect(got).toEqual([
      ['A', 'done', false, 'previous'],
      ['C', 'open', true, 'older'],
    ]);
  });
  it('December, after a November review that drops C: shows only November\'s C with its status', () => {
    const later = buildReviews([...reviews, review('2026-11', [act('C', 'net-sales', 'budi', '2026-10-15', 'dropped')])], 1, '2026-12-31');
    const got = followUps(later, '2026-12', '2026-12-31', 1).map((f) => [f.action.id, f.status, f.from]);
    // November's review lists only C (dropped): shown as the previous review's; A (done) no longer.
    expect(got).toEqual([['C', 'dropped', 'previous']]);
  });
  it('a quarter report follows up the previous quarter review, not the months', () => {
    const withQuarter = buildReviews([...reviews, review('2026-Q2', [act('Q', 'net-sales', 'andi', '2026-07-31', 'done')])], 1, '2026-10-31');
    const got = followUps(withQuarter, '2026-Q3', '2026-09-30', 1).map((f) => [f.action.id, f.status, f.from]);
    // Q (done) from the previous quarter review; of the month reviews before the Q3 review, the
    // actions open as of Q3: A (September lists it open) and C (set in September); B was done.
    expect(got).toEqual([
      ['Q', 'done', 'previous'],
      ['A', 'open', 'older'],
      ['C', 'open', 'older'],
    ]);
  });
});

describe('by KPI, by rep, annotations', () => {
  it('lists the causes and actions of each review naming a KPI, newest first', () => {
    const m = buildReviews([review('2026-08', [act('A', 'net-sales', 'andi', '2026-09-15', 'open')], { causes: [{ kpi: 'net-sales', text: 'rain' }] }), review('2026-09', [act('C', 'net-sales', 'budi', '2026-10-15', 'open')])], 1, null);
    expect(reviewsOfKpi(m, 'net-sales').map((x) => [x.review.period, x.causes.length, x.actions.map((a) => a.id)])).toEqual([
      ['2026-09', 0, ['C']],
      ['2026-08', 1, ['A']],
    ]);
    expect(reviewsOfKpi(m, 'new-customers')).toEqual([]);
  });
  it('lists a rep\'s actions, open first', () => {
    expect(actionsOfRep(model, 'budi').map((a) => a.id)).toEqual(['C', 'B']);
    expect(actionsOfRep(model, 'andi').map((a) => a.id)).toEqual(['A']);
  });
  it('gives a KPI its own annotations and those for every KPI, once each', () => {
    const m = buildReviews([
      review('2026-08', [], { annotations: [{ when: '2026-08-17', label: 'Promo' }, { when: '2026-08', kpi: 'new-customers', label: 'Gudang' }] }),
      review('2026-09', [], { annotations: [{ when: '2026-08-17', label: 'Promo' }] }),
    ], 1, null);
    expect(annotationsOf(m, 'net-sales')).toEqual([{ when: '2026-08-17', label: 'Promo' }]);
    expect(annotationsOf(m, 'new-customers')).toEqual([{ when: '2026-08-17', label: 'Promo' }, { when: '2026-08', label: 'Gudang' }]);
    expect(annotationsOf(undefined, 'x')).toEqual([]);
  });
});
