import { describe, expect, it } from 'vitest';
import { parseMonth, type Grain } from '../../src/calendar/periods.ts';
import type { PeriodInfo } from '../../src/compute/compute-kpis.ts';
import { withLikeForLike } from '../../src/report/like-for-like.ts';
import type { ReportValue } from '../../src/report/model.ts';

const value = (period: string, v: number | null): ReportValue => ({
  period,
  value: v,
  notes: [],
  previous: null,
  change: null,
  changeRatio: null,
  target: null,
  attainment: null,
  gap: null,
  status: null,
  notFinal: null,
  breakdowns: {},
});
const info = (grain: Grain, index: number, label: string, partial: boolean): PeriodInfo => ({ grain, index, label, start: '', end: '', partial });

// Month values from November 2024 to February 2026 (the data's first and last months).
const MONTHS: [string, number | null][] = [
  ['2024-11', 1], ['2024-12', 2],
  ['2025-01', 5], ['2025-02', 7], ['2025-03', 6], ['2025-04', 4], ['2025-05', 4], ['2025-06', 4],
  ['2025-07', 3], ['2025-08', 3], ['2025-09', 3], ['2025-10', 8], ['2025-11', 9], ['2025-12', 10],
  ['2026-01', 10], ['2026-02', 20],
];
const first = parseMonth('2024-11');
const last = parseMonth('2026-02');

describe('like-for-like change of partial periods', () => {
  const periods: Record<Grain, PeriodInfo[]> = {
    month: [],
    quarter: [info('quarter', 2025 * 4 + 3, '2025-Q4', false), info('quarter', 2026 * 4, '2026-Q1', true)],
    year: [info('year', 2024, '2024', true), info('year', 2025, '2025', false), info('year', 2026, '2026', true)],
  };
  const values = {
    month: MONTHS.map(([p, v]) => value(p, v)),
    quarter: [value('2025-Q4', 27), value('2026-Q1', 30)],
    year: [value('2024', 3), value('2025', 66), value('2026', 30)],
  };
  const out = withLikeForLike(values, periods, 1, first, last);

  it('compares the year so far with the same months of last year', () => {
    // 2026 so far is January-February: 10 + 20 = 30; January-February 2025: 5 + 7 = 12.
    expect(out.year![2]!.likeForLike).toEqual({ months: ['2026-01', '2026-02'], previousMonths: ['2025-01', '2025-02'], previous: 12, change: 18, changeRatio: 1.5 });
  });

  it('compares the quarter so far with the first months of the previous quarter', () => {
    // 2026-Q1 so far is January-February (30); 2025-Q4's first two months are October (8) and November (9): 17.
    const l = out.quarter![1]!.likeForLike!;
    expect(l.previousMonths).toEqual(['2025-10', '2025-11']);
    expect(l.previous).toBe(17);
    expect(l.change).toBe(13);
    expect(l.changeRatio).toBeCloseTo(13 / 17, 12);
  });

  it('has no comparison when the same months are not in the data', () => {
    // 2024 covers November-December 2024; November-December 2023 came before the data.
    expect(out.year![0]!.likeForLike).toEqual({ months: ['2024-11', '2024-12'], previousMonths: ['2023-11', '2023-12'], previous: null, change: null, changeRatio: null });
  });

  it('has no comparison for a complete period after a partial one', () => {
    // All of 2025 against 2024, of which the data has November and December only.
    expect(out.year![1]!.likeForLike).toEqual({ months: ['2025-01', '2025-12'], previousMonths: ['2024-01', '2024-12'], previous: null, change: null, changeRatio: null });
  });

  it('leaves complete periods after complete ones, and months, as they are', () => {
    // 2025-Q4's previous quarter (2025-Q3) is complete.
    const withQ3 = { ...periods, quarter: [info('quarter', 2025 * 4 + 2, '2025-Q3', false), ...periods.quarter] };
    const q = withLikeForLike({ ...values, quarter: [value('2025-Q3', 9), ...values.quarter] }, withQ3, 1, first, last);
    expect(q.quarter![0]!.likeForLike).toBeUndefined();
    expect(q.quarter![1]!.likeForLike).toBeUndefined();
    expect(q.month).toBe(values.month);
  });

  it('has no previous value when one of the same months has none', () => {
    const gap = { ...values, month: values.month.map((v) => (v.period === '2025-02' ? value('2025-02', null) : v)) };
    expect(withLikeForLike(gap, periods, 1, first, last).year![2]!.likeForLike).toMatchObject({ previous: null, change: null, changeRatio: null });
  });

  it('follows the fiscal year', () => {
    // fiscal_year_start 4: 2025 runs April 2025 - March 2026; the data ends in February 2026, so it
    // covers April 2025 - February 2026 (4+4+4+3+3+3+8+9+10+10+20 = 78), against April 2024 - February 2025,
    // of which the data has only November 2024 on: no comparison.
    const fy = withLikeForLike({ month: values.month, year: [value('2025', 78)] }, { month: [], quarter: [], year: [info('year', 2025, '2025', true)] }, 4, first, last);
    expect(fy.year![0]!.likeForLike).toMatchObject({ months: ['2025-04', '2026-02'], previousMonths: ['2024-04', '2025-02'], previous: null });
    // Its third quarter (October-December 2025) is complete: nothing to add.
    const q = withLikeForLike({ month: values.month, quarter: [value('2025-Q3', 27)] }, { month: [], quarter: [info('quarter', 2025 * 4 + 2, '2025-Q3', false)], year: [] }, 4, first, last);
    expect(q.quarter![0]!.likeForLike).toBeUndefined();
  });
});
