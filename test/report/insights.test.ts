import { describe, expect, it } from 'vitest';
import type { Grain } from '../../src/calendar/periods.ts';
import type { Note, PeriodInfo } from '../../src/compute/compute-kpis.ts';
import { buildInsights, countKeyOf, countTotal, scalesWithLength } from '../../src/report/insights.ts';
import { KPIS as DASHBOARD_KPIS, PERIODS as DASHBOARD_PERIODS, REPORT as DASHBOARD_REPORT } from './dashboard-fixture.ts';
import type { Status } from '../../src/report/status.ts';
import type { ReportKpi, ReportMember, ReportValue } from '../../src/report/model.ts';

// A small hand-built report: five months (October 2025 to February 2026) and two quarters, the
// second partial (the data stops in February).
const info = (grain: Grain, label: string, partial = false): PeriodInfo => ({ grain, index: 0, label, start: '', end: '', partial });
const periods: Record<Grain, PeriodInfo[]> = {
  month: ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02'].map((m) => info('month', m)),
  quarter: [info('quarter', '2025-Q4'), info('quarter', '2026-Q1', true)],
  year: [],
};

const members = (values: Record<string, number | null>): ReportMember[] =>
  Object.entries(values).map(([member, value]) => ({ member, value, share: null, target: null, attainment: null, gap: null, status: null }));

interface V {
  value: number | null;
  previous?: number | null;
  status?: Status | null;
  notes?: Note[];
  by?: Record<string, Record<string, number | null>>;
  likeForLike?: ReportValue['likeForLike'];
}
const value = (period: string, v: V): ReportValue => {
  const previous = v.previous ?? null;
  const change = v.value !== null && previous !== null ? v.value - previous : null;
  return {
    period,
    value: v.value,
    notes: v.notes ?? [],
    previous,
    change,
    changeRatio: change !== null && previous ? change / Math.abs(previous) : null,
    target: null,
    attainment: null,
    gap: null,
    status: v.status ?? null,
    notFinal: null,
    breakdowns: Object.fromEntries(Object.entries(v.by ?? {}).map(([by, m]) => [by, members(m)])),
    ...(v.likeForLike ? { likeForLike: v.likeForLike } : {}),
  };
};
const kpi = (id: string, unit: ReportKpi['unit'], direction: ReportKpi['direction'], additive: boolean, formula: unknown, values: ReportKpi['values'], breakdowns: string[] = []): ReportKpi =>
  ({ id, unit, direction, additive, formula, breakdowns, values }) as unknown as ReportKpi;

const sum = { op: 'sum', spec: { of: 'order_lines', field: 'net' } };
const count = { op: 'count', spec: { of: 'leads' } };
const avg = { op: 'avg', spec: { of: 'leads', field: 'days_to_win' } };
const share = { op: 'share', spec: { of: 'leads', where: { status: 'won' } } };

const kpis: ReportKpi[] = [
  // Sales by month: Oct 90 (north 50, south 40), Nov 110 (north 60, south 50), Dec 100 (north 70,
  // south 30), Jan 110 (north 60, south 40, west 10), Feb 80 (north 30, south 45, east 5), off track.
  // Q4 300; Q1 so far 190 (north 90, south 85, west 10, east 5), off track, against Oct-Nov 200
  // like for like: -10, -5 %.
  kpi('sales', 'currency', 'higher', true, sum, {
    month: [
      value('2025-10', { value: 90, by: { region: { north: 50, south: 40 } } }),
      value('2025-11', { value: 110, previous: 90, by: { region: { north: 60, south: 50 } } }),
      value('2025-12', { value: 100, previous: 110, by: { region: { north: 70, south: 30 } } }),
      value('2026-01', { value: 110, previous: 100, status: 'on-track', by: { region: { north: 60, south: 40, west: 10 } } }),
      value('2026-02', { value: 80, previous: 110, status: 'off-track', by: { region: { north: 30, south: 45, east: 5 } } }),
    ],
    quarter: [
      value('2025-Q4', { value: 300, status: 'on-track', by: { region: { north: 180, south: 120 } } }),
      value('2026-Q1', {
        value: 190,
        previous: 300,
        status: 'off-track',
        notes: ['partial'],
        by: { region: { north: 90, south: 85, west: 10, east: 5 } },
        likeForLike: { months: ['2026-01', '2026-02'], previousMonths: ['2025-10', '2025-11'], previous: 200, change: -10, changeRatio: -0.05 },
      }),
    ],
  }, ['region']),
  // Conversion (a share): Jan 25 %, Feb 10 %, off track; by rep ana 30 -> 28 %, ben 20 -> 2 %, cy new at 50 %.
  kpi('conversion', 'percent', 'higher', false, share, {
    month: [
      value('2026-01', { value: 0.25, by: { rep: { ana: 0.3, ben: 0.2 } } }),
      value('2026-02', { value: 0.1, previous: 0.25, status: 'off-track', by: { rep: { ana: 0.28, ben: 0.02, cy: 0.5 } } }),
    ],
  }, ['rep']),
  // Sales cycle in days, lower is better: 20 -> 25 days (+25 %), still on track.
  kpi('cycle', 'days', 'lower', false, avg, {
    month: [value('2026-01', { value: 20 }), value('2026-02', { value: 25, previous: 20, status: 'on-track' })],
    quarter: [value('2025-Q4', { value: 22 }), value('2026-Q1', { value: 22.5, previous: 22 })],
  }),
  // New leads: 50 -> 50, no target.
  kpi('leads', 'count', 'higher', true, count, { month: [value('2026-01', { value: 50 }), value('2026-02', { value: 50, previous: 50 })] }),
  // Lead conversion, a cohort still maturing in February: 30 % -> 10 %, at risk.
  kpi('cohort', 'percent', 'higher', false, share, {
    month: [value('2026-01', { value: 0.3 }), value('2026-02', { value: 0.1, previous: 0.3, status: 'at-risk', notes: ['maturing'] })],
  }),
  // Sales per rep (a sum divided by reps): grows with the period's length, off track in the partial quarter.
  kpi('per-rep', 'currency', 'higher', false, { op: 'per_rep', of: sum, field: 'owner' }, {
    quarter: [
      value('2025-Q4', { value: 100, by: { rep: { ana: 120, ben: 80 } } }),
      value('2026-Q1', { value: 70, previous: 100, status: 'off-track', by: { rep: { ana: 90, ben: 50 } } }),
    ],
  }, ['rep']),
  // Average ticket (a sum over a count): does not grow with the period, so partial quarters compare.
  kpi('ticket', 'currency', 'higher', false, { op: 'ratio', numerator: sum, denominator: count }, {
    quarter: [value('2025-Q4', { value: 10 }), value('2026-Q1', { value: 12, previous: 10 })],
  }),
];

const insights = buildInsights(kpis, periods);
const oct = insights.month['2025-10']!;
const feb = insights.month['2026-02']!;
const jan = insights.month['2026-01']!;
const q1 = insights.quarter['2026-Q1']!;

describe('period insights', () => {
  it('has one entry per period of every grain, linked to its neighbours', () => {
    expect(Object.keys(insights.month)).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02']);
    expect(Object.keys(insights.quarter)).toEqual(['2025-Q4', '2026-Q1']);
    expect(insights.year).toEqual({});
    expect([oct.previous, oct.next, feb.previous, feb.next]).toEqual([null, '2025-11', '2026-01', null]);
    expect([feb.partial, q1.partial]).toEqual([false, true]);
  });

  it('counts KPIs by status, those without one as none', () => {
    expect(feb.counts).toEqual({ 'on-track': 1, 'at-risk': 1, 'off-track': 2, 'not-final': 0, none: 1 });
    expect(jan.counts).toEqual({ 'on-track': 1, 'at-risk': 0, 'off-track': 0, 'not-final': 0, none: 4 });
    // Only sales has a value in October.
    expect(oct.counts).toEqual({ 'on-track': 0, 'at-risk': 0, 'off-track': 0, 'not-final': 0, none: 1 });
    expect(q1.counts).toEqual({ 'on-track': 0, 'at-risk': 0, 'off-track': 2, 'not-final': 0, none: 2 });
    expect([feb, jan, oct, q1].map((p) => countTotal(p.counts))).toEqual([5, 5, 1, 4]);
  });

  it('counts a value with a target that is not final apart from one without a target', () => {
    // The dashboard's report: October has on track net-sales, sales-by-region; at risk satisfaction;
    // off track conversion, conversion-per-rep, days-to-close; not final retention (maturing);
    // no target new-leads: 8 KPIs.
    const dash = buildInsights(DASHBOARD_KPIS, DASHBOARD_PERIODS).month;
    expect(dash['2026-10']!.counts).toEqual({ 'on-track': 2, 'at-risk': 1, 'off-track': 3, 'not-final': 1, none: 1 });
    expect(countTotal(dash['2026-10']!.counts)).toBe(8);
    // September: five KPIs have a row; net sales and sales by region off track.
    expect(dash['2026-09']!.counts).toEqual({ 'on-track': 3, 'at-risk': 0, 'off-track': 2, 'not-final': 0, none: 0 });
    // The dashboard fixture's insights carry the same counts by hand.
    for (const p of ['2025-10', '2026-09', '2026-10']) expect(DASHBOARD_REPORT.insights.month[p]!.counts).toEqual(dash[p]!.counts);
    expect(countKeyOf({ status: null, notFinal: 'maturing' })).toBe('not-final');
    expect(countKeyOf({ status: 'at-risk', notFinal: null })).toBe('at-risk');
    expect(countKeyOf({ status: null, notFinal: null })).toBe('none');
  });
});

describe('movers', () => {
  it('ranks by relative change, and percent KPIs by their change in points', () => {
    // sales -30/110 = -27.3 %, cycle +5/20 = +25 %, conversion -15 points, leads 0.
    expect(feb.movers.map((m) => m.kpi)).toEqual(['sales', 'cycle', 'conversion', 'leads']);
    const [sales, cycle, conversion, leads] = feb.movers;
    expect(sales).toMatchObject({ measure: 'ratio', change: -30, tone: 'bad' });
    expect(sales!.movement).toBeCloseTo(-30 / 110, 12);
    expect(cycle).toMatchObject({ measure: 'ratio', movement: 0.25, change: 5, value: 25, previous: 20 });
    expect(conversion).toMatchObject({ measure: 'points', tone: 'bad' });
    expect(conversion!.movement).toBeCloseTo(-0.15, 12);
    expect(leads).toMatchObject({ movement: 0, tone: 'flat' });
  });

  it('calls a change good or bad by the KPI’s direction', () => {
    // The cycle got 5 days longer: bad, since lower is better.
    expect(feb.movers.find((m) => m.kpi === 'cycle')!.tone).toBe('bad');
    expect(q1.movers.find((m) => m.kpi === 'ticket')!.tone).toBe('good');
  });

  it('has no movers without a previous period', () => {
    expect(oct.movers).toEqual([]);
    // January: sales 100 -> 110 only (the others start in January).
    expect(jan.movers.map((m) => [m.kpi, m.movement])).toEqual([['sales', 0.1]]);
  });

  it('leaves out maturing cohorts, and sums or counts compared across a partial period', () => {
    expect(feb.notComparable).toEqual([{ kpi: 'cohort', reason: 'maturing' }]);
    expect(feb.movers.some((m) => m.kpi === 'cohort')).toBe(false);
    // Q1 covers two months against a whole Q4: sales per rep (a sum per rep) is left out; sales
    // compares like for like (Jan-Feb 190 against Oct-Nov 200, -5 %); the cycle (+0.5/22) and the
    // average ticket (+2/10) compare as they are.
    expect(q1.notComparable).toEqual([{ kpi: 'per-rep', reason: 'partial' }]);
    expect(q1.movers.map((m) => m.kpi)).toEqual(['ticket', 'sales', 'cycle']);
    expect(q1.movers[0]!.movement).toBeCloseTo(0.2, 12);
    expect(q1.movers[1]).toMatchObject({
      value: 190,
      previous: 200,
      change: -10,
      movement: -0.05,
      tone: 'bad',
      likeForLike: { months: ['2026-01', '2026-02'], previousMonths: ['2025-10', '2025-11'] },
    });
    expect(q1.movers[2]!.movement).toBeCloseTo(0.5 / 22, 12);
    expect(q1.movers[2]!.likeForLike).toBeNull();
  });
});

describe('drivers of off-track and at-risk KPIs', () => {
  it('lists off-track and at-risk KPIs only, in report order, each with its status', () => {
    // February: sales and conversion off track, the cohort at risk, the rest on track or without a target.
    expect(feb.drivers.map((d) => [d.kpi, d.status])).toEqual([['sales', 'off-track'], ['conversion', 'off-track'], ['cohort', 'at-risk']]);
    expect(q1.drivers.map((d) => d.kpi)).toEqual(['sales', 'per-rep']);
    expect(jan.drivers).toEqual([]);
  });

  it('gives each member’s contribution to an additive KPI’s change, largest first', () => {
    const sales = feb.drivers[0]!;
    expect(sales).toMatchObject({ value: 80, previous: 110, change: -30, notComparable: null, likeForLike: null });
    const region = sales.breakdowns[0]!;
    expect(region.by).toBe('region');
    expect(region.method).toBe('contribution');
    // north 60 -> 30 (-30), west 10 -> gone (-10), east new at 5 (+5), south 40 -> 45 (+5).
    expect(region.members.map((m) => [m.member, m.previous, m.value, m.change])).toEqual([
      ['north', 60, 30, -30],
      ['west', 10, null, -10],
      ['east', null, 5, 5],
      ['south', 40, 45, 5],
    ]);
    // The contributions add up to the total's change, and each is a share of it.
    expect(region.members.reduce((a, m) => a + m.change!, 0)).toBe(-30);
    expect(region.members.map((m) => m.shareOfChange)).toEqual([1, 10 / 30, -5 / 30, -5 / 30]);
    expect(region.members.map((m) => m.tone)).toEqual(['bad', 'bad', 'good', 'good']);
  });

  it('ranks members of a non-additive KPI by their own change, those without one last', () => {
    const rep = feb.drivers[1]!.breakdowns[0]!;
    expect(rep.method).toBe('own-change');
    expect(rep.members.map((m) => m.member)).toEqual(['ben', 'ana', 'cy']);
    expect(rep.members[0]!.change).toBeCloseTo(-0.18, 12);
    expect(rep.members[1]!.change).toBeCloseTo(-0.02, 12);
    expect(rep.members[2]).toMatchObject({ value: 0.5, previous: null, change: null, shareOfChange: null, tone: 'flat' });
    expect(rep.members.every((m) => m.shareOfChange === null)).toBe(true);
  });

  it('compares members like for like in a partial period', () => {
    const sales = q1.drivers[0]!;
    expect(sales).toMatchObject({ value: 190, previous: 200, change: -10, notComparable: null, likeForLike: { previousMonths: ['2025-10', '2025-11'] } });
    // Oct + Nov: north 50 + 60 = 110, south 40 + 50 = 90. Q1 so far: north 90, south 85, west 10, east 5.
    const region = sales.breakdowns[0]!;
    expect(region.members.map((m) => [m.member, m.previous, m.value, m.change, m.shareOfChange])).toEqual([
      ['north', 110, 90, -20, 2],
      ['west', null, 10, 10, -1],
      ['east', null, 5, 5, -0.5],
      ['south', 90, 85, -5, 0.5],
    ]);
  });

  it('says when the change is not like for like', () => {
    const perRep = q1.drivers[1]!;
    expect(perRep.notComparable).toBe('partial');
    expect(perRep.breakdowns[0]!.members.map((m) => [m.member, m.change])).toEqual([
      ['ana', -30],
      ['ben', -30],
    ]);
  });
});

describe('scalesWithLength', () => {
  const byId = new Map(kpis.map((k) => [k.id, k]));
  const f = (x: unknown) => scalesWithLength(x as ReportKpi['formula'], byId, new Set());
  it('knows sums and counts grow with the period, rates and typical values do not', () => {
    expect(f(sum)).toBe(true);
    expect(f({ op: 'count_distinct', spec: { of: 'orders', field: 'customer' } })).toBe(true);
    expect(f(avg)).toBe(false);
    expect(f(share)).toBe(false);
    expect(f({ op: 'ratio', numerator: sum, denominator: count })).toBe(false);
    expect(f({ op: 'ratio', numerator: sum, denominator: avg })).toBe(true);
    expect(f({ op: 'per_working_day', of: count, per: 'rep', field: 'rep' })).toBe(false);
    expect(f({ op: 'growth', of: { op: 'kpi', id: 'sales' }, vs: 'previous-period' })).toBe(true);
    expect(f({ op: 'kpi', id: 'conversion' })).toBe(false);
    expect(f({ op: 'kpi', id: 'unknown' })).toBe(false);
  });
});
