// The peer benchmark's own parts (bench/peers): the generator gives the same bytes every time,
// and the agreement check it runs on capaian and its peers catches a one-cent difference.
// No timing here: the timings are `npm run bench:peers`.
import { describe, expect, it } from 'vitest';
import { changedMonthCsv, orderLinesCsv } from '../../bench/peers/generate.ts';
import { disagreements, fromFigures, fromReport, type MonthFigures } from '../../bench/peers/agree.ts';

const csv = (seed?: number) => [...orderLinesCsv({ lines: 2_000, ...(seed === undefined ? {} : { seed }) })].join('');

describe('the peer data generator', () => {
  it('writes the same bytes for the same arguments, other bytes for another seed', () => {
    const a = csv();
    expect(csv()).toBe(a);
    expect(csv(2)).not.toBe(a);
  });

  it('writes the shape the benchmark states: 24 months, 40 reps, 5 regions, 10 categories, whole orders', () => {
    const rows = csv().trimEnd().split('\n').slice(1).map((l) => l.split(','));
    expect(rows.length).toBeGreaterThanOrEqual(2_000);
    expect(rows.length).toBeLessThan(2_004);
    expect(new Set(rows.map((r) => r[1]!.slice(0, 7))).size).toBe(24);
    expect(new Set(rows.map((r) => r[6])).size).toBe(40);
    expect(new Set(rows.map((r) => r[5])).size).toBe(5);
    expect(new Set(rows.map((r) => r[9])).size).toBe(10);
    // An order's lines share its date and customer; a customer always has the same rep and region.
    const orders = new Map<string, string>();
    const customers = new Map<string, string>();
    const odd: string[] = [];
    for (const r of rows) {
      if ((orders.get(r[0]!) ?? `${r[1]} ${r[2]}`) !== `${r[1]} ${r[2]}`) odd.push(r.join(','));
      orders.set(r[0]!, `${r[1]} ${r[2]}`);
      if ((customers.get(r[2]!) ?? `${r[5]} ${r[6]}`) !== `${r[5]} ${r[6]}`) odd.push(r.join(','));
      customers.set(r[2]!, `${r[5]} ${r[6]}`);
    }
    expect(odd).toEqual([]);
    expect(customers.size).toBeLessThan(orders.size);
  });

  it('changes only the month it is asked to change', () => {
    const before = csv().split('\n');
    const after = [...changedMonthCsv({ lines: 2_000 }, '2025-12')].join('').split('\n');
    expect(after.length).toBe(before.length);
    const changed = before.flatMap((l, i) => (l === after[i] ? [] : [[l, after[i]!]]));
    expect(changed.length).toBeGreaterThan(0);
    for (const [was, is] of changed as [string, string][]) {
      expect(was.split(',')[1]!.startsWith('2025-12')).toBe(true);
      expect(Number(is.split(',')[10])).toBe(Number(was.split(',')[10]) + 1);
    }
  });
});

describe('the agreement check', () => {
  const month: MonthFigures = { net: 1000, units: 7, orders: 4, region: { jawa: 600, bali: 400 }, category: { susu: 1000 }, rep: { 'rep-01': 1000 } };
  const report = (net: number, jawa: number) => ({
    kpis: [
      { id: 'net-sales', values: { month: [{ period: '2024-01', value: net, breakdowns: {} }] } },
      { id: 'units-sold', values: { month: [{ period: '2024-01', value: 7, breakdowns: {} }] } },
      { id: 'average-transaction-value', values: { month: [{ period: '2024-01', value: net / 4, breakdowns: {} }] } },
      { id: 'sales-by-region', values: { month: [{ period: '2024-01', value: net, breakdowns: { region: [{ member: 'jawa', value: jawa }, { member: 'bali', value: 400 }] } }] } },
      { id: 'sales-by-category', values: { month: [{ period: '2024-01', value: net, breakdowns: { category: [{ member: 'susu', value: net }] } }] } },
      // A rep without sales is 0 in capaian's report and absent from the peers' sums: that agrees.
      { id: 'sales-per-rep', values: { month: [{ period: '2024-01', value: net / 2, breakdowns: { rep: [{ member: 'rep-01', value: net }, { member: 'rep-02', value: 0 }] } }] } },
    ],
  });
  const peer = fromFigures({ '2024-01': month });

  it('finds the same values in agreement, and less than half a cent apart too', () => {
    expect(disagreements(fromReport(report(1000, 600)), peer)).toEqual([]);
    expect(disagreements(fromReport(report(1000.004, 600)), peer)).toEqual([]);
  });

  it('catches a one-cent difference, at the value that differs', () => {
    expect(disagreements(fromReport(report(1000, 600.01)), peer)).toEqual([{ key: 'sales-by-region 2024-01 jawa', a: 600.01, b: 600 }]);
  });

  it('catches a value one side lacks', () => {
    const less = fromFigures({ '2024-01': { ...month, region: { jawa: 600 } } });
    expect(disagreements(fromReport(report(1000, 600)), less)).toEqual([{ key: 'sales-by-region 2024-01 bali', a: 400, b: 0 }]);
  });
});
