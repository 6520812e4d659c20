import { describe, expect, it } from 'vitest';
import type { PeriodInfo, WeekInfo } from '../../src/compute/compute-kpis.ts';
import { TargetBook } from '../../src/report/targets.ts';
import { dayNumber, parseMonth } from '../../src/calendar/periods.ts';
import { workCalendar } from '../../src/calendar/working-days.ts';

const company = { dim: 'company' } as const;
const q = (label: string, partial = false): PeriodInfo => ({ grain: 'quarter', index: 0, label, start: '', end: '', partial });

// Statuses: test/report/status.test.ts; a goal's year to date: goal-progress.test.ts.

describe('targets', () => {
  const book = new TargetBook([
    { kpi: 'net-sales', period: '2026-01', value: 10 },
    { kpi: 'net-sales', period: '2026-02', value: 20 },
    { kpi: 'net-sales', period: '2026-03', value: 30 },
    { kpi: 'net-sales', period: '2026-Q2', value: 90 },
    { kpi: 'net-sales', period: '2026-01', value: 4, region: 'jakarta' },
    { kpi: 'follow-up-24h', period: '2026-Q1', value: 0.8 },
  ]);
  const jan = parseMonth('2026-01');
  it('derives a quarter target from its month targets for additive KPIs', () => {
    expect(book.find('net-sales', q('2026-Q1'), company, true, 1, jan, parseMonth('2026-06'))).toEqual({ value: 10 + 20 + 30, source: 'derived' });
  });
  it('prefers a given quarter target when the quarter is complete', () => {
    expect(book.find('net-sales', q('2026-Q2'), company, true, 1, jan, parseMonth('2026-06'))).toEqual({ value: 90, source: 'given' });
  });
  it('prorates a given target over the months a partial period covers', () => {
    expect(book.find('net-sales', q('2026-Q2', true), company, true, 1, jan, parseMonth('2026-05'))).toEqual({ value: (90 * 2) / 3, source: 'prorated' });
  });
  it('judges a partial quarter against the month targets it covers', () => {
    expect(book.find('net-sales', q('2026-Q1', true), company, true, 1, jan, parseMonth('2026-02'))).toEqual({ value: 10 + 20, source: 'derived' });
  });
  it('never derives for KPIs that do not add up', () => {
    expect(book.find('follow-up-24h', q('2026-Q2'), company, false, 1, jan, parseMonth('2026-06'))).toBeNull();
    expect(book.find('follow-up-24h', q('2026-Q1'), company, false, 1, jan, parseMonth('2026-06'))).toEqual({ value: 0.8, source: 'given' });
  });
  it('keeps scoped targets apart', () => {
    const m: PeriodInfo = { grain: 'month', index: jan, label: '2026-01', start: '', end: '', partial: false };
    expect(book.find('net-sales', m, { dim: 'region', member: 'jakarta' }, true, 1, jan, jan)?.value).toBe(4);
    expect(book.find('net-sales', m, { dim: 'region', member: 'bandung' }, true, 1, jan, jan)).toBeNull();
  });
});

/**
 * Week targets, worked by hand. Working days Monday to Friday; Good Friday, 3 April 2026, is a
 * holiday. March 2026 has 22 working days, April 2026 21 (22 weekdays less Good Friday).
 * 2026-W14 runs from Monday 30 March to Sunday 5 April: working days 30 and 31 March (2 of
 * March's) and 1 and 2 April (2 of April's; Friday 3 April a holiday).
 */
describe('week targets', () => {
  const cal = workCalendar(['mon', 'tue', 'wed', 'thu', 'fri'], [{ date: '2026-04-03' }]);
  const w14 = (partial = false): WeekInfo => ({ grain: 'week', index: 0, label: '2026-W14', start: '2026-03-30', end: '2026-04-05', partial });
  const all: [number, number] = [dayNumber('2026-01-01'), dayNumber('2026-12-31')];
  const toMarch: [number, number] = [dayNumber('2026-01-01'), dayNumber('2026-03-31')];
  const book = new TargetBook([
    { kpi: 'new-leads', period: '2026-03', value: 44 },
    { kpi: 'new-leads', period: '2026-04', value: 42 },
    { kpi: 'new-leads', period: '2026-03', value: 11, rep: 'andi' },
    { kpi: 'leads-week', period: '2026-03', value: 44 },
    { kpi: 'leads-week', period: '2026-04', value: 42 },
    { kpi: 'leads-week', period: '2026-W14', value: 12 },
    { kpi: 'follow-up-24h', period: '2026-03', value: 0.8 },
    { kpi: 'follow-up-24h', period: '2026-04', value: 0.9 },
  ]);

  it('derives an additive KPI’s week target from each month’s share by working days, across the month end', () => {
    // March: 44 × 2/22 = 4; April: 42 × 2/21 = 4 (Good Friday is no working day).
    expect(book.findWeek('new-leads', w14(), company, true, cal, all)).toEqual({ value: 8, source: 'derived' });
  });
  it('takes only the days with data for a partial week', () => {
    // The data ends on 31 March: March's share only, 4.
    expect(book.findWeek('new-leads', w14(true), company, true, cal, toMarch)).toEqual({ value: 4, source: 'derived' });
  });
  it('derives nothing when a month the week touches has no target', () => {
    // andi has a March target only.
    expect(book.findWeek('new-leads', w14(), { dim: 'rep', member: 'andi' }, true, cal, all)).toBeNull();
  });
  it('prefers a week target given, prorated by working days for a partial week', () => {
    expect(book.findWeek('leads-week', w14(), company, true, cal, all)).toEqual({ value: 12, source: 'given' });
    // 2 of the week's 4 working days lie in the data: 12 × 2/4 = 6.
    expect(book.findWeek('leads-week', w14(true), company, true, cal, toMarch)).toEqual({ value: 6, source: 'prorated' });
  });
  it('gives a rate the target of the month holding the week’s Thursday, as is', () => {
    // Thursday 2 April: April's 0.9, not a blend with March's 0.8.
    expect(book.findWeek('follow-up-24h', w14(), company, false, cal, all)).toEqual({ value: 0.9, source: 'derived' });
  });
});
