import { describe, expect, it } from 'vitest';
import type { PeriodInfo } from '../../src/compute/compute-kpis.ts';
import { attainmentOf, statusOf } from '../../src/report/status.ts';
import { TargetBook } from '../../src/report/targets.ts';
import { goalProgress } from '../../src/report/goal-progress.ts';
import type { ReportKpi, ReportValue } from '../../src/report/build-report.ts';
import { parseMonth } from '../../src/calendar/periods.ts';

const company = { dim: 'company' } as const;
const q = (label: string, partial = false): PeriodInfo => ({ grain: 'quarter', index: 0, label, start: '', end: '', partial });

describe('status', () => {
  it('is on track at or above the target when higher is better', () => {
    expect(statusOf(100, 100, 'higher', 0.9)).toBe('on-track');
    expect(statusOf(95, 100, 'higher', 0.9)).toBe('at-risk'); // 0.95 >= 0.9
    expect(statusOf(89, 100, 'higher', 0.9)).toBe('off-track');
  });
  it('turns the ratio round when lower is better', () => {
    expect(attainmentOf(20, 25, 'lower')).toBeCloseTo(25 / 20, 12); // 20 days against a 25-day target
    expect(statusOf(20, 25, 'lower', 0.9)).toBe('on-track');
    expect(statusOf(27, 25, 'lower', 0.9)).toBe('at-risk'); // 25/27 = 0.926
    expect(statusOf(30, 25, 'lower', 0.9)).toBe('off-track'); // 25/30 = 0.833
  });
  it('compares plainly around zero and negatives', () => {
    expect(statusOf(0, 0, 'higher', 0.9)).toBe('on-track');
    expect(statusOf(-0.05, 0.1, 'higher', 0.9)).toBe('off-track');
    expect(statusOf(0, 3, 'lower', 0.9)).toBe('on-track');
    expect(statusOf(null, 3, 'lower', 0.9)).toBeNull();
    expect(statusOf(3, null, 'lower', 0.9)).toBeNull();
  });
});

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

describe('goal progress', () => {
  const month = (period: string, value: number): ReportValue => ({ period, value, notes: [], previous: null, change: null, changeRatio: null, target: null, attainment: null, status: null, breakdowns: {} });
  const kpi = (additive: boolean, months: ReportValue[], year: number): ReportKpi =>
    ({ id: 'k', additive, direction: 'higher', thresholds: { at_risk: 0.9 }, values: { month: months, year: [month('2026', year)] } }) as unknown as ReportKpi;
  it('projects a year by last year’s seasonality', () => {
    // 2025: Jan-Dec 10 each except Dec 40 (a December peak); 2026 so far: Jan-Oct 12 each.
    const months = [
      ...Array.from({ length: 12 }, (_, i) => month(`2025-${String(i + 1).padStart(2, '0')}`, i === 11 ? 40 : 10)),
      ...Array.from({ length: 10 }, (_, i) => month(`2026-${String(i + 1).padStart(2, '0')}`, 12)),
    ];
    const p = goalProgress(kpi(true, months, 120), 1, '2026-10', () => 200, () => 15)!;
    expect(p.monthsDone).toBe(10);
    expect(p.actual).toBe(120);
    expect(p.targetToDate).toBe(150); // ten month targets of 15
    expect(p.pacePerMonth).toBe((200 - 120) / 2);
    expect(p.projected).toBeCloseTo(120 + (120 / 100) * (10 + 40), 9); // this year runs at 1.2x last year
    expect(p.projection).toBe('seasonal');
    expect(p.status).toBe('at-risk'); // 180 / 200 = 0.9: at risk, not yet on track
  });
  it('judges a rate without a year target by the average of its months', () => {
    const months = [month('2026-01', 0.5), month('2026-02', 0.7)];
    const p = goalProgress(kpi(false, months, 0.9), 1, '2026-02', () => null, (m) => (m <= '2026-06' ? 0.5 : 0.7))!;
    expect(p.actual).toBeCloseTo(0.6, 12);
    expect(p.target).toBeCloseTo((0.5 * 6 + 0.7 * 6) / 12, 12);
    expect(p.status).toBe('on-track'); // 0.6 / 0.6
  });
});
