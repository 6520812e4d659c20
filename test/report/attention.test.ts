/**
 * The dashboard's "needs attention" and its rules (src/report/attention.ts), year on year for a
 * leaderboard member (src/report/year-on-year.ts) and the direction-aware colour of a change
 * (src/report/status.ts `toneOf`, site/format.ts `changeTone`), on the hand-built report of
 * dashboard-fixture.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Grain } from '../../src/calendar/periods.ts';
import type { PeriodInfo } from '../../src/compute/compute-kpis.ts';
import { breakdownParents, needsAttention, severity } from '../../src/report/attention.ts';
import type { Report, ReportKpi } from '../../src/report/model.ts';
import { STATUS_SHAPE, toneOf } from '../../src/report/status.ts';
import { lastYearLabel, memberLastYear } from '../../src/report/year-on-year.ts';
import { changeTone, STATUS_MARK } from '../../src/site/format.ts';
import { KPIS, member, REPORT, value } from './dashboard-fixture.ts';

const byId = (id: string) => KPIS.find((k) => k.id === id)!;

describe('breakdownParents', () => {
  it('finds the KPIs that are another one split another way', () => {
    // sales-by-region sums the same order lines as net-sales (fewer breakdowns); conversion-per-rep is { kpi: conversion }.
    expect(Object.fromEntries(breakdownParents(KPIS))).toEqual({ 'sales-by-region': 'net-sales', 'conversion-per-rep': 'conversion' });
  });
  it('takes the KPI with the most breakdowns as the parent, whatever the order', () => {
    expect(Object.fromEntries(breakdownParents([byId('sales-by-region'), byId('net-sales')]))).toEqual({ 'sales-by-region': 'net-sales' });
    // A copy with as many breakdowns: the first id alphabetically, in whichever order they come.
    const copy = { ...byId('net-sales'), id: 'net-sales-copy' } as ReportKpi;
    expect(Object.fromEntries(breakdownParents([copy, byId('net-sales')]))).toEqual({ 'net-sales-copy': 'net-sales' });
  });
  it('does not join KPIs whose formulas differ or whose units differ', () => {
    const units = { ...byId('net-sales'), id: 'units', unit: 'count' } as ReportKpi;
    expect(breakdownParents([byId('net-sales'), units, byId('days-to-close'), byId('satisfaction')]).size).toBe(0);
  });
});

describe('severity', () => {
  it('measures the shortfall in the KPI\'s own band, worked by hand', () => {
    // Ratio, band 10 %: 80 % attainment is 20 % short, two bands.
    expect(severity(byId('net-sales'), { value: 800, target: 1000, attainment: 0.8, status: 'off-track' })).toBeCloseTo(2, 9);
    // Lower is better: 30 days against 25 is 25/30 = 83.3 % attainment, 16.7 % short: 1.67 bands.
    expect(severity(byId('days-to-close'), { value: 30, target: 25, attainment: 25 / 30, status: 'off-track' })).toBeCloseTo(5 / 3, 9);
    // Points, band 2 points: 21 % against 25 % is 4 points short, two bands.
    expect(severity(byId('conversion'), { value: 0.21, target: 0.25, attainment: null, status: 'off-track' })).toBeCloseTo(2, 9);
    expect(severity(byId('conversion'), { value: 0.3, target: 0.25, attainment: null, status: 'on-track' })).toBe(0);
    expect(severity(byId('retention'), { value: 0.8, target: 0.85, attainment: null, status: null })).toBeNull();
  });
});

describe('needsAttention', () => {
  it('lists the KPIs at risk or off track, furthest behind first, each with who drove it', () => {
    const items = needsAttention(REPORT, '2026-10');
    // conversion 2 bands, days-to-close 1.67, satisfaction 1; conversion-per-rep is conversion split by rep.
    expect(items.map((x) => x.kpi)).toEqual(['conversion', 'days-to-close', 'satisfaction']);
    expect(items[0]!.views).toEqual(['conversion-per-rep']);
    // No drivers in the report and no member targets: the rep whose time grew most, andi 20 -> 28 days (worse, lower is better); rina's fall is good news.
    expect(items[1]!.driver).toMatchObject({ by: 'rep', member: 'andi', kind: 'change', change: 8 });
    // Satisfaction: the region furthest behind its own target, bandung 3.6 of 4 (90 %, two bands) before jakarta (97.5 %).
    expect(items[2]!.driver).toMatchObject({ by: 'region', member: 'bandung', kind: 'target', attainment: 0.9 });
    expect(items[0]!.driver).toBeNull();
  });

  it('shows a parent once for its views, with the member whose fall weighs most in the report\'s drivers', () => {
    const items = needsAttention(REPORT, '2026-09');
    expect(items.map((x) => x.kpi)).toEqual(['net-sales']);
    expect(items[0]!.views).toEqual(['sales-by-region']);
    // Category minuman is 90 % of the fall, region bandung 60 %.
    expect(items[0]!.driver).toMatchObject({ by: 'category', member: 'minuman', kind: 'change', change: -90, shareOfChange: 0.9 });
  });

  it('keeps at most `limit`', () => {
    expect(needsAttention(REPORT, '2026-10', 2).map((x) => x.kpi)).toEqual(['conversion', 'days-to-close']);
    expect(needsAttention(REPORT, 'nonsense')).toEqual([]);
  });
});

describe('the colour of a change', () => {
  it('is good or bad news by the KPI\'s direction, never by the sign alone', () => {
    expect(toneOf(5, 'higher')).toBe('good');
    expect(toneOf(-5, 'higher')).toBe('bad');
    // Days to close went up by 5: bad news; down by 5: good news.
    expect(toneOf(5, 'lower')).toBe('bad');
    expect(toneOf(-5, 'lower')).toBe('good');
    expect(toneOf(0, 'lower')).toBe('flat');
    expect(toneOf(null, 'higher')).toBe('flat');
    expect(changeTone(byId('days-to-close'), { change: 5 })).toBe('bad');
    expect(changeTone(byId('days-to-close'), { change: -5 })).toBe('good');
    expect(changeTone(byId('net-sales'), { change: 0 })).toBe('');
  });

  it('and statuses have shapes of their own, not the triangles of direction', () => {
    expect(STATUS_MARK).toEqual({ 'on-track': '●', 'at-risk': '◆', 'off-track': '■' });
    for (const s of Object.values(STATUS_SHAPE)) expect(s.mark).not.toMatch(/[▲▼△▽]/);
    expect(new Set(Object.values(STATUS_SHAPE).map((s) => s.symbol)).size).toBe(3);
  });
});

describe('memberLastYear', () => {
  const info = (grain: Grain, label: string, start: string, end: string, partial = false): PeriodInfo => ({ grain, index: 0, label, start, end, partial });
  const months = ['2025-01', '2025-02', '2025-03', '2026-01', '2026-02'];
  const periods: Record<Grain, PeriodInfo[]> = {
    month: months.map((m) => info('month', m, `${m}-01`, `${m}-28`)),
    quarter: [info('quarter', '2025-Q1', '2025-01-01', '2025-03-31'), info('quarter', '2026-Q1', '2026-01-01', '2026-03-31', true)],
    year: [],
  };
  const report = { periods } as unknown as Report;
  // Andi's sales: Jan 2025 100, Feb 2025 50, Mar 2025 70; Jan 2026 120, Feb 2026 90 (Q1 2026 so far 210).
  const sales = {
    additive: true,
    values: {
      month: [
        value('2025-01', { value: 0, breakdowns: { rep: [member('andi', 100)] } }),
        value('2025-02', { value: 0, breakdowns: { rep: [member('andi', 50)] } }),
        value('2025-03', { value: 0, breakdowns: { rep: [member('andi', 70)] } }),
        value('2026-01', { value: 0, breakdowns: { rep: [member('andi', 120)] } }),
        value('2026-02', { value: 0, breakdowns: { rep: [member('andi', 90)] } }),
      ],
      quarter: [value('2025-Q1', { value: 0, breakdowns: { rep: [member('andi', 220)] } }), value('2026-Q1', { value: 0, breakdowns: { rep: [member('andi', 210)] } })],
    },
  } as unknown as ReportKpi;

  it('compares a month with the same month a year before', () => {
    expect(lastYearLabel('2026-01')).toBe('2025-01');
    expect(lastYearLabel('2026-Q1')).toBe('2025-Q1');
    // 120 against 100: +20, +20 %.
    expect(memberLastYear(report, sales, 'rep', 'andi', '2026-01', 120)).toEqual({ period: '2025-01', value: 100, change: 20, changeRatio: 0.2 });
  });

  it('compares a partial quarter like for like: Jan–Feb 2026, 210, against Jan–Feb 2025, 150 (not the whole quarter, 220)', () => {
    expect(memberLastYear(report, sales, 'rep', 'andi', '2026-Q1', 210)).toEqual({ period: '2025-Q1', months: ['2025-01', '2025-02'], value: 150, change: 60, changeRatio: 0.4 });
  });

  it('has no comparison for a partial period of a KPI that does not add up, or without last year', () => {
    expect(memberLastYear(report, { ...sales, additive: false }, 'rep', 'andi', '2026-Q1', 210)).toBeNull();
    expect(memberLastYear(report, sales, 'rep', 'andi', '2025-01', 100)).toBeNull();
    expect(memberLastYear(report, sales, 'rep', 'andi', '2026-01', null)).toBeNull();
  });
});
