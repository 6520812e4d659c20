import { describe, expect, it } from 'vitest';
import type { PeriodInfo } from '../../src/compute/compute-kpis.ts';
import { compareRows, peersOf, teamView } from '../../src/report/team.ts';
import type { ReportKpi, ReportMember, ReportValue } from '../../src/report/model.ts';

// Two months of a tiny team, worked by hand:
//   andi   joined 2020, still here
//   budi   joined 2026-02-10 (during February)
//   yosef  left 2026-01-31 (the last day of January)
//   cici   left 2025-06-30, before the data, but still owns customers who ordered in January
//   dewi   joined 2026-03-01, after the data
const reps = [
  { id: 'andi', name: 'Andi', region: 'north', team: 'T1', joined: '2020-01-01' },
  { id: 'budi', name: 'Budi', region: 'north', manager: 'andi', joined: '2026-02-10' },
  { id: 'yosef', name: 'Yosef', region: 'south', joined: '2021-05-01', left: '2026-01-31' },
  { id: 'cici', name: 'Cici', region: 'south', joined: '2019-01-01', left: '2025-06-30' },
  { id: 'dewi', name: 'Dewi', region: 'south', joined: '2026-03-01' },
];

const period = (grain: PeriodInfo['grain'], label: string, start: string, end: string, partial = false): PeriodInfo => ({ grain, index: 0, label, start, end, partial });
const periods = {
  month: [period('month', '2026-01', '2026-01-01', '2026-01-31'), period('month', '2026-02', '2026-02-01', '2026-02-28')],
  quarter: [period('quarter', '2026-Q1', '2026-01-01', '2026-03-31', true)],
  year: [],
};

const member = (m: string, value: number | null, target: number | null = null, extra: Partial<ReportMember> = {}): ReportMember => ({
  member: m,
  value,
  share: null,
  target,
  attainment: value !== null && target ? value / target : null,
  gap: value !== null && target !== null ? value - target : null,
  status: null,
  ...extra,
});

const value = (p: string, v: number | null, breakdowns: Record<string, ReportMember[]>, extra: Partial<ReportValue> = {}): ReportValue => ({
  period: p,
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
  breakdowns,
  ...extra,
});

const kpi = (id: string, breakdowns: string[], values: ReportKpi['values']): ReportKpi => ({
  id,
  title: { id, en: id },
  description: { id, en: id },
  group: 'team',
  unit: 'currency',
  direction: 'higher',
  grains: ['month', 'quarter'],
  frequency: 'monthly',
  goal: null,
  owner: null,
  additive: false,
  judging: { judge: 'ratio', at_risk: 0.9 },
  secondary: null,
  breakdowns,
  formula: { op: 'sum', spec: {} } as unknown as ReportKpi['formula'],
  values,
});

const kpis: ReportKpi[] = [
  kpi('sales-per-rep', ['rep'], {
    month: [
      // yosef 60/50 = 1.2, andi 90/100 = 0.9, cici 70 without a target
      value('2026-01', 73.33, { rep: [member('andi', 90, 100, { status: 'at-risk' }), member('cici', 70), member('yosef', 60, 50, { status: 'on-track' })] }),
      // no targets: by value
      value('2026-02', 50, { rep: [member('andi', 120), member('budi', 30), member('cici', 0)] }, { notes: ['partial'] }),
    ],
  }),
  kpi('conversion-rate-per-rep', ['rep'], {
    month: [
      value('2026-01', 0.2, { rep: [member('andi', 0.25), member('yosef', 0.1)] }),
      value('2026-02', 0.1, { rep: [member('andi', 0.1), member('budi', null, null, { reason: 'zero-denominator' })] }),
    ],
  }),
  kpi('net-sales', ['region', 'rep'], {
    month: [
      value(
        '2026-01',
        220,
        {
          // north 150/200 = 0.75, south 70/60 = 1.1667
          region: [member('north', 150, 200, { share: 150 / 220, status: 'off-track' }), member('south', 70, 60, { share: 70 / 220, status: 'on-track' })],
          rep: [member('andi', 90), member('yosef', 60), member('cici', 70)],
        },
        { target: 230, attainment: 220 / 230, status: 'at-risk' },
      ),
      value('2026-02', 150, { region: [member('north', 150, null, { share: 1 })], rep: [member('andi', 120), member('budi', 30)] }),
    ],
    quarter: [value('2026-Q1', 370, { region: [member('north', 300), member('south', 70)] })],
  }),
];

const view = teamView({ kpis, periods, reps, regions: ['north', 'south'], latestMonth: '2026-02' });
const repBoard = (label: string) => Object.values(view.boards.rep).flat().find((b) => b.period === label)!;

describe('team view: reps', () => {
  it('keeps every rep with joined, left and the last month they worked in the data', () => {
    expect(view.reps.map((r) => [r.id, r.joined, r.left, r.lastMonth])).toEqual([
      ['andi', '2020-01-01', null, '2026-02'],
      ['budi', '2026-02-10', null, '2026-02'],
      ['yosef', '2021-05-01', '2026-01-31', '2026-01'],
      ['cici', '2019-01-01', '2025-06-30', '2025-06'],
      ['dewi', '2026-03-01', null, null],
    ]);
    expect(view.reps[1]).toMatchObject({ team: null, manager: 'andi' });
  });
});

describe('team view: rep leaderboard', () => {
  it('ranks by attainment, then members without a target by value', () => {
    const b = repBoard('2026-01');
    expect(b.sortedBy).toBe('attainment');
    // yosef 1.2 > andi 0.9 > cici (no target, 70)
    expect(b.rows.map((r) => [r.rank, r.member])).toEqual([
      [1, 'yosef'],
      [2, 'andi'],
      [3, 'cici'],
    ]);
  });
  it('marks reps who left by the end of the period and leaves out those not employed and without values', () => {
    const b = repBoard('2026-01');
    expect(b.rows.find((r) => r.member === 'yosef')?.left).toBe('2026-01-31'); // left on the period's last day
    expect(b.rows.find((r) => r.member === 'cici')?.left).toBe('2025-06-30'); // long gone, still owns customers
    expect(b.rows.find((r) => r.member === 'andi')).not.toHaveProperty('left');
    expect(b.rows.map((r) => r.member)).not.toContain('budi'); // joins 10 Feb
    expect(b.rows.map((r) => r.member)).not.toContain('dewi');
  });
  it('ranks by value when no member has a target, and marks reps who joined during the period', () => {
    const b = repBoard('2026-02');
    expect(b.sortedBy).toBe('value');
    expect(b.rows.map((r) => r.member)).toEqual(['andi', 'budi', 'cici']); // 120, 30, 0; yosef gone and without values
    expect(b.rows[1]!.joined).toBe('2026-02-10');
  });
  it('fills one cell per column with the member, null where the KPI has none', () => {
    const b = repBoard('2026-02');
    const budi = b.rows.find((r) => r.member === 'budi')!;
    expect(budi.cells.map((c) => c?.value ?? null)).toEqual([30, null, null, null]);
    expect(budi.cells[1]?.reason).toBe('zero-denominator');
    expect(budi.cells[2]).toBeNull(); // leads-contacted-per-day is not in this report
  });
  it('takes the total row from the company value of each column (net sales for the sales column)', () => {
    const b = repBoard('2026-01');
    expect(b.totals[0]).toEqual({ value: 220, target: 230, attainment: 220 / 230, gap: null, status: 'at-risk', notFinal: null });
    expect(b.totals[1]).toMatchObject({ value: 0.2 });
    expect(b.totals[3]).toBeNull();
  });
  it('has a board for every period of every grain', () => {
    expect(view.boards.rep.month.map((b) => b.period)).toEqual(['2026-01', '2026-02']);
    expect(view.boards.rep.quarter[0]).toMatchObject({ period: '2026-Q1', partial: true, sortedBy: 'value' });
    expect(view.boards.rep.year).toEqual([]);
  });
});

describe('team view: region leaderboard', () => {
  it('ranks regions by net sales attainment and keeps regions without values', () => {
    const jan = view.boards.region.month[0]!;
    expect(jan.rows.map((r) => [r.member, r.cells[0]?.attainment])).toEqual([
      ['south', 70 / 60],
      ['north', 150 / 200],
    ]);
    const feb = view.boards.region.month[1]!;
    expect(feb.rows.map((r) => [r.member, r.cells[0]?.value ?? null])).toEqual([
      ['north', 150],
      ['south', null],
    ]);
    expect(view.boards.region.quarter[0]!.rows.map((r) => r.member)).toEqual(['north', 'south']); // 300 > 70, no targets
  });
});

describe('team view: member series', () => {
  it("gives each member's month values with change on their own previous month", () => {
    const andi = view.series.rep.andi!['sales-per-rep']!;
    expect(andi.map((v) => v.value)).toEqual([90, 120]);
    expect(andi[1]).toMatchObject({ previous: 90, change: 30, notes: ['partial'] });
    expect(andi[1]!.changeRatio).toBeCloseTo(30 / 90, 12);
    expect(andi[0]).toMatchObject({ target: 100, attainment: 0.9, status: 'at-risk', previous: null, change: null });
  });
  it('marks months without the member as no data', () => {
    const budi = view.series.rep.budi!['sales-per-rep']!;
    expect(budi[0]).toMatchObject({ value: null, reason: 'no-data', target: null, status: null });
    expect(budi[1]).toMatchObject({ value: 30, previous: null, change: null });
    expect(view.series.rep.budi!['conversion-rate-per-rep']![1]).toMatchObject({ value: null, reason: 'zero-denominator' });
    const yosef = view.series.rep.yosef!['sales-per-rep']!;
    expect(yosef[1]).toMatchObject({ value: null, reason: 'no-data', previous: 60, change: null });
  });
  it('leaves out members who never appear, and KPIs without that breakdown', () => {
    expect(view.series.rep.dewi).toBeUndefined();
    expect(Object.keys(view.series.rep.andi!)).toEqual(['sales-per-rep', 'conversion-rate-per-rep', 'net-sales']);
    expect(Object.keys(view.series.region.north!)).toEqual(['net-sales']);
    expect(view.series.region.north!['net-sales']!.map((v) => v.share)).toEqual([150 / 220, 1]);
  });
});

describe('team view: a member among peers', () => {
  it('ranks each member among those with a value that month and gives their plain average', () => {
    // January sales: cici has no target, so by value: andi 90, cici 70, yosef 60 → 1, 2, 3 of 3; average 220 / 3.
    const jan = (rep: string) => view.series.rep[rep]!['sales-per-rep']![0]!.peers;
    expect(jan('andi')).toEqual({ rank: 1, of: 3, by: 'value', average: 220 / 3 });
    expect(jan('cici')).toMatchObject({ rank: 2, of: 3 });
    expect(jan('yosef')).toMatchObject({ rank: 3, of: 3 });
    // February conversion: budi has no value (zero denominator), so andi is 1 of 1 and budi has no rank.
    expect(view.series.rep.andi!['conversion-rate-per-rep']![1]!.peers).toEqual({ rank: 1, of: 1, by: 'value', average: 0.1 });
    expect(view.series.rep.budi!['conversion-rate-per-rep']![1]!.peers).toBeUndefined();
    // Yosef left in January: no February value, no February rank.
    expect(view.series.rep.yosef!['sales-per-rep']![1]!.peers).toBeUndefined();
  });
  it('ranks by attainment when every member has one, as the leaderboard does', () => {
    // January regions: north 150 of 200 (75 %), south 70 of 60 (117 %): south first, though smaller; average (150 + 70) / 2.
    expect(view.series.region.south!['net-sales']![0]!.peers).toEqual({ rank: 1, of: 2, by: 'attainment', average: 110 });
    expect(view.series.region.north!['net-sales']![0]!.peers).toEqual({ rank: 2, of: 2, by: 'attainment', average: 110 });
  });
  it('ranks lower-is-better KPIs from the smallest, and lets ties share the better rank', () => {
    const days = peersOf([{ member: 'a', value: 12 }, { member: 'b', value: 5 }, { member: 'c', value: 12 }, { member: 'd', value: 20 }], 'lower');
    expect([...days].map(([m, p]) => [m, p.rank])).toEqual([['a', 2], ['b', 1], ['c', 2], ['d', 4]]);
    expect(days.get('a')).toMatchObject({ of: 4, by: 'value', average: 12.25 });
    expect(peersOf([], 'higher').size).toBe(0);
  });
});

describe('compareRows', () => {
  it('puts attainment before value and missing values last', () => {
    const rows = [
      { value: 10, attainment: null },
      null,
      { value: 5, attainment: 1.1 },
      { value: null, attainment: null },
      { value: 50, attainment: 0.8 },
      { value: 20, attainment: null },
    ];
    expect([...rows].sort(compareRows)).toEqual([{ value: 5, attainment: 1.1 }, { value: 50, attainment: 0.8 }, { value: 20, attainment: null }, { value: 10, attainment: null }, null, { value: null, attainment: null }]);
  });
});
