/**
 * The records behind a breakdown member's value (src/kpi/basis.ts), worked by hand: what each
 * formula counts, and the counts the engine gives beside the values.
 */
import { describe, expect, it } from 'vitest';
import { basisOf } from '../../src/kpi/basis.ts';
import type { Formula } from '../../src/kpi/schema.ts';
import { compute, kpiDefinition, member, sale, type FixtureInput } from '../kpis/fixture.ts';

const kpis = new Map(['net-sales', 'sales-conversion-rate', 'customer-satisfaction', 'customer-retention-rate', 'conversion-rate-per-rep'].map((id) => [id, kpiDefinition(id)]));

describe('basisOf', () => {
  it('counts orders behind an amount summed over order lines, leads behind a rate over activities', () => {
    // net-sales sums order_lines.net: its records are the distinct orders.
    expect(basisOf(kpis.get('net-sales')!.formula, kpis)).toEqual({ formula: { op: 'count_distinct', spec: { of: 'order_lines', field: 'order' } }, counts: 'order' });
    // The conversion rate's denominator: the distinct leads with any activity.
    expect(basisOf(kpis.get('sales-conversion-rate')!.formula, kpis)).toEqual({ formula: { op: 'count_distinct', spec: { of: 'activities', field: 'lead' } }, counts: 'lead' });
    // conversion-rate-per-rep is `kpi: sales-conversion-rate`: the same leads.
    expect(basisOf(kpis.get('conversion-rate-per-rep')!.formula, kpis)?.counts).toBe('lead');
  });

  it('counts surveys behind a satisfaction score, and has no basis for retention', () => {
    expect(basisOf(kpis.get('customer-satisfaction')!.formula, kpis)?.counts).toBe('survey');
    expect(basisOf(kpis.get('customer-retention-rate')!.formula, kpis)).toBeNull();
  });

  it('keeps the filter and the clock of the aggregation it counts, and a count_distinct’s own field', () => {
    const f: Formula = { op: 'ratio', numerator: { op: 'count', spec: { of: 'leads' } }, denominator: { op: 'sum', spec: { of: 'orders', field: 'net', where: { channel: 'visit' }, at: 'date' } } };
    expect(basisOf(f, kpis)).toEqual({ formula: { op: 'count', spec: { of: 'orders', where: { channel: 'visit' }, at: 'date' } }, counts: 'order' });
    expect(basisOf({ op: 'count_distinct', spec: { of: 'orders', field: 'customer' } }, kpis)?.counts).toBe('customer');
    // A KPI naming itself (refused by validation, but never a loop here).
    expect(basisOf({ op: 'kpi', id: 'loop' }, new Map([['loop', { formula: { op: 'kpi', id: 'loop' } as Formula }]]))).toBeNull();
  });
});

describe('counts beside the values', () => {
  const work = {
    leads: [
      { id: 'L1', created: '2026-01-02T09:00' },
      { id: 'L2', created: '2026-01-02T09:00' },
      { id: 'L3', created: '2026-01-02T09:00', rep: 'budi', region: 'bandung' },
    ],
    activities: [
      { at: '2026-01-05T10:00', type: 'contact', rep: 'andi', lead: 'L1' },
      { at: '2026-01-06T10:00', type: 'contact', rep: 'andi', lead: 'L1' },
      { at: '2026-01-08T10:00', type: 'won', rep: 'budi', lead: 'L1', customer: 'C1' },
      { at: '2026-01-06T10:00', type: 'contact', rep: 'andi', lead: 'L2' },
      { at: '2026-01-07T10:00', type: 'contact', rep: 'budi', lead: 'L3' },
    ],
    orders: [sale('2026-01-10', 'C1', 100), sale('2026-01-20', 'C1', 50), sale('2026-01-21', 'C2', 70, { rep: 'budi' })],
  } satisfies FixtureInput;

  it('gives each member the records behind its value: leads handled, orders', () => {
    const r = compute(work);
    const jan = r.at('conversion-rate-per-rep', '2026-01');
    // andi's leads: L1 (three activities, one lead) and L2 → 2; budi's: L3 → 1.
    expect(member(jan, 'rep', 'andi')).toMatchObject({ value: 0.5, count: 2 });
    expect(member(jan, 'rep', 'budi')).toMatchObject({ value: 0, count: 1 });
    // Net sales by rep: andi recorded two orders (Rp 150), budi one (Rp 70).
    const sales = r.at('net-sales', '2026-01');
    expect(member(sales, 'rep', 'andi').count).toBe(2);
    expect(member(sales, 'rep', 'budi').count).toBe(1);
  });
});
