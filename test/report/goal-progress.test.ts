import { describe, expect, it } from 'vitest';
import { goalProgress } from '../../src/report/goal-progress.ts';
import type { ReportKpi, ReportValue } from '../../src/report/model.ts';

describe('goal progress', () => {
  const month = (period: string, value: number): ReportValue => ({ period, value, notes: [], previous: null, change: null, changeRatio: null, target: null, attainment: null, gap: null, status: null, notFinal: null, breakdowns: {} });
  const kpi = (additive: boolean, months: ReportValue[], year: ReportValue): ReportKpi =>
    ({ id: 'k', additive, direction: 'higher', judging: { judge: 'ratio', at_risk: 0.9 }, values: { month: months, year: [year] } }) as unknown as ReportKpi;
  it('projects a year by last year’s seasonality, and takes the status from the year value, not the projection', () => {
    // 2025: Jan-Dec 10 each except Dec 40 (a December peak); 2026 so far: Jan-Oct 12 each.
    const months = [
      ...Array.from({ length: 12 }, (_, i) => month(`2025-${String(i + 1).padStart(2, '0')}`, i === 11 ? 40 : 10)),
      ...Array.from({ length: 10 }, (_, i) => month(`2026-${String(i + 1).padStart(2, '0')}`, 12)),
    ];
    // The year value as the report model judged it: 120 against the ten month targets of 15 = 150: 80 %.
    const year = { ...month('2026', 120), target: 150, attainment: 0.8, gap: -30, status: 'off-track' as const };
    const p = goalProgress(kpi(true, months, year), 1, '2026-10', () => 200)!;
    expect(p.monthsDone).toBe(10);
    expect(p.actual).toBe(120);
    expect(p.targetToDate).toBe(150);
    expect(p.pacePerMonth).toBe((200 - 120) / 2);
    expect(p.projected).toBeCloseTo(120 + (120 / 100) * (10 + 40), 9); // this year runs at 1.2x last year: 180
    expect(p.projection).toBe('seasonal');
    expect(p.shareOfYear).toBeCloseTo(120 / 200, 12);
    // 180 / 200 would read "at risk"; the year to date is off track, and that is the one status.
    expect(p.status).toBe('off-track');
    expect(p.attainment).toBe(0.8);
  });
  it('shows a rate’s year value and its own target, with no status when the year has no target', () => {
    const months = [month('2026-01', 0.5), month('2026-02', 0.7)];
    const p = goalProgress(kpi(false, months, month('2026', 0.58)), 1, '2026-02', () => 0.9)!;
    expect(p.actual).toBe(0.58);
    expect(p.target).toBeNull(); // the year value's own target, not an average of month targets
    expect(p.status).toBeNull();
    expect(p.projection).toBe('current');
  });
});
