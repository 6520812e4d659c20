import { describe, expect, it } from 'vitest';
import type { PeriodInfo } from '../../src/compute/compute-kpis.ts';
import { TargetBook } from '../../src/report/targets.ts';
import { parseMonth } from '../../src/calendar/periods.ts';

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
