/**
 * The retention group: new-customers, customer-retention-rate, existing-customer-sales,
 * customer-satisfaction. Every expected number is worked out by hand beside its expectation.
 *
 * Base data (test/fixtures/kpi/): C1 jakarta/retail (owner andi), C2 bandung/horeca (budi),
 * C3 surabaya/retail (citra), C4 jakarta/horeca (budi).
 */
import { describe, expect, it } from 'vitest';
import { compute, expectNone, kpiDefinition, member, members, sale, type FixtureInput, type OrderSpec } from '../kpis/fixture.ts';

describe('retention group', () => {
  it('holds new-customers, customer-retention-rate, existing-customer-sales and customer-satisfaction', () => {
    for (const id of ['new-customers', 'customer-retention-rate', 'existing-customer-sales', 'customer-satisfaction']) expect(kpiDefinition(id).group).toBe('retention');
  });
});

/**
 * A customer returning after a gap: C1 orders in January, not in February, again in March.
 *   Jan: C1 10000 + 5000 (two orders), C2 20000
 *   Feb: C2 30000, C3 20000 (C3's first order)
 *   Mar: C1 40000, C2 60000
 */
const returning = {
  orders: [
    sale('2026-01-10', 'C1', 10000),
    sale('2026-01-20', 'C1', 5000),
    sale('2026-01-11', 'C2', 20000, { rep: 'budi' }),
    sale('2026-02-10', 'C2', 30000, { rep: 'budi' }),
    sale('2026-02-11', 'C3', 20000, { rep: 'citra' }),
    sale('2026-03-10', 'C1', 40000),
    sale('2026-03-11', 'C2', 60000, { rep: 'budi' }),
  ],
} satisfies FixtureInput;

/** Two quarters: Q1 customers C1, C2, C3; Q2 customers C2 (again) and C4 (new). June is empty. */
const quarters = {
  orders: [
    sale('2026-01-10', 'C1', 1000),
    sale('2026-02-10', 'C2', 2000, { rep: 'budi' }),
    sale('2026-03-10', 'C3', 3000, { rep: 'citra' }),
    sale('2026-04-10', 'C2', 4000, { rep: 'budi' }),
    sale('2026-05-10', 'C4', 6000, { rep: 'budi' }),
  ],
  emptyMonths: ['2026-06'],
} satisfies FixtureInput;

/** C1 orders in January and March; the February folder exists but is empty. */
const gap = { orders: [sale('2026-01-10', 'C1', 1000), sale('2026-03-10', 'C1', 2000)], emptyMonths: ['2026-02'] } satisfies FixtureInput;

describe('new-customers', () => {
  it('counts each customer once, in the month of its first order ever', () => {
    const r = compute(returning);
    expect(r.at('new-customers', '2026-01').value).toBe(2); // C1 (two orders, counted once), C2
    expect(r.at('new-customers', '2026-02').value).toBe(1); // C3
    expect(r.at('new-customers', '2026-03').value).toBe(0); // C1 comes back: not new again
    expect(r.at('new-customers', '2026-Q1').value).toBe(3);
  });

  it('counts a quarter from first orders in the quarter', () => {
    const r = compute(quarters);
    expect(r.at('new-customers', '2026-Q1').value).toBe(3); // C1, C2, C3
    expect(r.at('new-customers', '2026-Q2').value).toBe(1); // C4; C2 ordered before
  });

  it('breaks down by region, segment and account owner', () => {
    const r = compute(returning);
    const jan = r.at('new-customers', '2026-01');
    expect(members(jan, 'region')).toEqual({ jakarta: 1, bandung: 1, surabaya: 0 });
    expect(members(jan, 'segment')).toEqual({ retail: 1, horeca: 1 });
    expect(members(jan, 'rep')).toEqual({ andi: 1, budi: 1, citra: 0 }); // owners of C1, C2
    expect(member(r.at('new-customers', '2026-02'), 'rep', 'citra').value).toBe(1);
  });

  it('is 0 in an empty month', () => {
    expect(compute(gap).at('new-customers', '2026-02').value).toBe(0);
  });
});

/** Orders of a customer on the 10th of each month from `from` to `to` (YYYY-MM), 1000 each. */
function monthly(customer: string, from: string, to: string, more: Partial<OrderSpec> = {}): OrderSpec[] {
  const out: OrderSpec[] = [];
  for (let [y, m] = from.split('-').map(Number) as [number, number]; `${y}-${String(m).padStart(2, '0')}` <= to; m === 12 ? ((y += 1), (m = 1)) : (m += 1)) {
    out.push(sale(`${y}-${String(m).padStart(2, '0')}-10`, customer, 1000, more));
  }
  return out;
}

/**
 * A steady base: C1 (jakarta), C2 (bandung) and C4 (jakarta) order on the 10th of every month,
 * October 2025 to June 2026. A customer is active on a day when they ordered in the 90 days
 * before it; 1 April 2026 looks back to 1 January (31 + 28 + 31 = 90 days).
 */
const steady = { orders: [...monthly('C1', '2025-10', '2026-06'), ...monthly('C2', '2025-10', '2026-06', { rep: 'budi' }), ...monthly('C4', '2025-10', '2026-06', { rep: 'budi' })] } satisfies FixtureInput;

/**
 * The same base, but C4 orders for the last time on 10 February 2026, and C3 (surabaya) is new,
 * from 10 May 2026. C4 is still active on 1 May (the window 31 January - 30 April holds 10
 * February) and no longer on 1 June (the window 3 March - 31 May is empty): lost in May.
 */
const lost = { orders: [...monthly('C1', '2025-10', '2026-06'), ...monthly('C2', '2025-10', '2026-06', { rep: 'budi' }), ...monthly('C4', '2025-10', '2026-02', { rep: 'budi' }), ...monthly('C3', '2026-05', '2026-06', { rep: 'citra' })] } satisfies FixtureInput;

describe('customer-retention-rate', () => {
  it('tells one story for a steady base: 100 % for every month, quarter and year', () => {
    const r = compute(steady);
    for (const m of ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']) expect(r.at('customer-retention-rate', m).value).toBe(1); // 3 of 3 each month
    expect(r.at('customer-retention-rate', '2026-Q1').value).toBe(1); // active on 1 Jan and on 1 Apr: 3 of 3
    expect(r.at('customer-retention-rate', '2026-Q2').value).toBe(1); // 1 Apr and the end of the data, 1 Jul: 3 of 3
    expect(r.at('customer-retention-rate', '2026').value).toBe(1); // 1 Jan 2026 and 1 Jul 2026 (the year is still running)
  });

  it('counts a customer lost mid-quarter once: in its month, its quarter and its year', () => {
    const r = compute(lost);
    expect(r.at('customer-retention-rate', '2026-04').value).toBe(1); // on 1 Apr {C1, C2, C4}, on 1 May all three still
    expect(r.at('customer-retention-rate', '2026-05').value).toBeCloseTo(2 / 3, 9); // on 1 Jun C4's window is empty; C3 is new, not in the base
    expect(r.at('customer-retention-rate', '2026-06').value).toBe(1); // on 1 Jun {C1, C2, C3}, all active on 1 Jul
    // The quarter keeps what its months keep in turn: 1 x 2/3 x 1 = 2/3.
    expect(r.at('customer-retention-rate', '2026-Q2').value).toBeCloseTo(2 / 3, 9); // of {C1, C2, C4} on 1 Apr: C1, C2 on 1 Jul
    expect(r.at('customer-retention-rate', '2026-Q1').value).toBe(1); // C4 ordered on 10 Feb: still active on 1 Apr
    expect(r.at('customer-retention-rate', '2026').value).toBeCloseTo(2 / 3, 9); // of {C1, C2, C4} on 1 Jan: C1, C2 on 1 Jul
  });

  it('breaks down by region and segment, each member from its own customers', () => {
    const q2 = compute(lost).at('customer-retention-rate', '2026-Q2');
    expect(member(q2, 'region', 'jakarta').value).toBe(1 / 2); // of {C1, C4}: C1
    expect(member(q2, 'region', 'bandung').value).toBe(1); // of {C2}: C2
    expectNone(member(q2, 'region', 'surabaya'), 'zero-denominator'); // C3 is new in May: nobody to keep
    expect(member(q2, 'segment', 'retail').value).toBe(1); // of {C1}: C1 (C3 is new)
    expect(member(q2, 'segment', 'horeca').value).toBe(1 / 2); // of {C2, C4}: C2
  });

  it('has no value while the window before the period reaches before the data (window-before-data)', () => {
    const r = compute(steady);
    // Data begin on 1 Oct 2025. 1 Jan 2026 looks back to 3 Oct 2025: known. 1 Dec 2025 looks back to 2 Sep: not.
    expect(r.at('customer-retention-rate', '2026-01').value).toBe(1);
    for (const m of ['2025-10', '2025-11', '2025-12']) expectNone(r.at('customer-retention-rate', m), 'window-before-data');
    expectNone(member(r.at('customer-retention-rate', '2025-12'), 'region', 'jakarta'), 'window-before-data');
    expectNone(r.at('customer-retention-rate', '2025-Q4'), 'window-before-data');
    expectNone(r.at('customer-retention-rate', '2025'), 'window-before-data');
  });

  it('does not take an earlier customer (since before the data) as active: activity is orders', () => {
    const customers = [
      { id: 'C1', name: 'Toko Satu', region: 'jakarta', segment: 'retail', owner: 'andi', since: '2019-03-01' },
      { id: 'C2', name: 'Hotel Dua', region: 'bandung', segment: 'horeca', owner: 'budi' },
    ];
    // Data from January 2026: 1 April looks back to 1 January, the first day of the data.
    const r = compute({ customers, orders: [sale('2026-01-10', 'C1', 1000), sale('2026-02-10', 'C2', 1000, { rep: 'budi' }), sale('2026-04-10', 'C2', 1000, { rep: 'budi' })], emptyMonths: ['2026-05'] });
    expectNone(r.at('customer-retention-rate', '2026-03'), 'window-before-data'); // 1 Mar looks back to 1 Dec 2025
    // On 1 Apr: C1 (10 Jan) and C2 (10 Feb). On 1 May (window 31 Jan - 30 Apr): C2 only.
    expect(r.at('customer-retention-rate', '2026-04').value).toBe(1 / 2);
  });
});

describe('existing-customer-sales', () => {
  it('sums the net sales of customers whose first order came before the period', () => {
    const r = compute(returning);
    expect(r.at('existing-customer-sales', '2026-01').value).toBe(0); // everyone's first month
    expect(r.at('existing-customer-sales', '2026-02').value).toBe(30000); // C2; C3 is new
    expect(r.at('existing-customer-sales', '2026-03').value).toBe(40000 + 60000); // C1 after its gap counts, and C2
  });

  it('gives its share of all net sales as the secondary value', () => {
    const r = compute(returning);
    expect(r.at('existing-customer-sales', '2026-01').secondary?.value).toBe(0); // 0 / 35000
    expect(r.at('existing-customer-sales', '2026-02').secondary?.value).toBeCloseTo(30000 / (30000 + 20000), 9);
    expect(r.at('existing-customer-sales', '2026-03').secondary?.value).toBeCloseTo(100000 / 100000, 9);
  });

  it('judges "before" against the whole quarter', () => {
    const r = compute(quarters);
    expect(r.at('existing-customer-sales', '2026-Q1').value).toBe(0); // C1, C2, C3 all first ordered in Q1
    expect(r.at('existing-customer-sales', '2026-Q2').value).toBe(4000); // C2; C4 is new in Q2
    expect(r.at('existing-customer-sales', '2026-Q2').secondary?.value).toBeCloseTo(4000 / (4000 + 6000), 9);
  });

  it('is 0 in an empty month, where its share has no value (zero-denominator)', () => {
    const feb = compute(gap).at('existing-customer-sales', '2026-02');
    expect(feb.value).toBe(0);
    expectNone(feb.secondary, 'zero-denominator');
  });

  it('breaks down by region and segment', () => {
    const mar = compute(returning).at('existing-customer-sales', '2026-03');
    expect(members(mar, 'region')).toEqual({ jakarta: 40000, bandung: 60000, surabaya: 0 });
    expect(members(mar, 'segment')).toEqual({ retail: 40000, horeca: 60000 });
  });
});

/**
 * A start of the data is not a start of the business. Data begin in January 2026.
 *   C1 jakarta/retail, since 2019-03-01 (before the data): a customer already.
 *   C2 bandung/horeca, since 2026-02-01 (inside the data): new at its first order.
 *   C3 surabaya/retail, no since: new at its first order.
 *   C4 jakarta/horeca, since 2026-01-01 (the first day of the data, not before it): new at its first order.
 *   Jan: C1 10000, C3 5000, C4 3000    Feb: C1 20000, C2 7000
 */
const earlier = {
  customers: [
    { id: 'C1', name: 'Toko Satu', region: 'jakarta', segment: 'retail', owner: 'andi', since: '2019-03-01' },
    { id: 'C2', name: 'Hotel Dua', region: 'bandung', segment: 'horeca', owner: 'budi', since: '2026-02-01' },
    { id: 'C3', name: 'Toko Tiga', region: 'surabaya', segment: 'retail', owner: 'citra' },
    { id: 'C4', name: 'Restoran Empat', region: 'jakarta', segment: 'horeca', owner: 'budi', since: '2026-01-01' },
  ],
  orders: [sale('2026-01-10', 'C1', 10000), sale('2026-01-11', 'C3', 5000, { rep: 'citra' }), sale('2026-01-12', 'C4', 3000, { rep: 'budi' }), sale('2026-02-10', 'C1', 20000), sale('2026-02-11', 'C2', 7000, { rep: 'budi' })],
} satisfies FixtureInput;

describe('a customer whose since is before the data', () => {
  it('is never a new customer', () => {
    const r = compute(earlier);
    expect(r.at('new-customers', '2026-01').value).toBe(2); // C3, C4; not C1
    expect(r.at('new-customers', '2026-02').value).toBe(1); // C2
    expect(r.at('new-customers', '2026-Q1').value).toBe(3); // C2, C3, C4
    expect(r.at('new-customers', '2026').value).toBe(3);
    expect(members(r.at('new-customers', '2026-01'), 'region')).toEqual({ jakarta: 1, bandung: 0, surabaya: 1 }); // C4 | - | C3
  });

  it('is an existing customer from the first month of the data', () => {
    const r = compute(earlier);
    const jan = r.at('existing-customer-sales', '2026-01');
    expect(jan.value).toBe(10000); // C1, not Rp 0
    expect(jan.secondary?.value).toBeCloseTo(10000 / (10000 + 5000 + 3000), 9);
    expect(members(jan, 'region')).toEqual({ jakarta: 10000, bandung: 0, surabaya: 0 });
    expect(r.at('existing-customer-sales', '2026-02').value).toBe(20000); // C1; C2 is new
    expect(r.at('existing-customer-sales', '2026-Q1').value).toBe(10000 + 20000); // only C1 was a customer before the quarter
  });
});

describe('customer-satisfaction', () => {
  const surveys = {
    surveys: [
      { date: '2026-03-02', customer: 'C1', score: 5 },
      { date: '2026-03-03', customer: 'C2', score: 4 },
      { date: '2026-03-04', customer: 'C3', score: 2 },
      { date: '2026-03-05', customer: 'C4', score: 3 },
    ],
  } satisfies FixtureInput;

  it('averages the survey scores received in the period', () => {
    expect(compute(surveys).at('customer-satisfaction', '2026-03').value).toBeCloseTo((5 + 4 + 2 + 3) / 4, 9); // 3.5
  });

  it('gives CSAT, the share of scores 4 and 5, as the secondary value', () => {
    expect(compute(surveys).at('customer-satisfaction', '2026-03').secondary?.value).toBeCloseTo(2 / 4, 9); // 5 and 4
  });

  it('has no average (no-data) and no CSAT (zero-denominator) in a month without surveys', () => {
    const r = compute({ ...surveys, emptyMonths: ['2026-04'] });
    const apr = r.at('customer-satisfaction', '2026-04');
    expectNone(apr, 'no-data');
    expectNone(apr.secondary, 'zero-denominator');
    expectNone(member(apr, 'region', 'jakarta'), 'no-data');
  });

  it('computes a quarter from all its responses, not from the monthly averages', () => {
    const r = compute({
      surveys: [
        { date: '2026-01-10', customer: 'C1', score: 5 },
        { date: '2026-02-10', customer: 'C1', score: 4 },
        { date: '2026-02-11', customer: 'C2', score: 2 },
        { date: '2026-02-12', customer: 'C3', score: 3 },
      ],
    });
    const q1 = r.at('customer-satisfaction', '2026-Q1');
    expect(q1.value).toBeCloseTo((5 + 4 + 2 + 3) / 4, 9); // 3.5, not (5 + 3) / 2 = 4
    expect(q1.secondary?.value).toBeCloseTo(2 / 4, 9); // not (1 + 1/3) / 2
  });

  it("breaks down by the customer's region and segment", () => {
    const mar = compute(surveys).at('customer-satisfaction', '2026-03');
    expect(members(mar, 'region')).toEqual({ jakarta: (5 + 3) / 2, bandung: 4, surabaya: 2 }); // C1, C4 | C2 | C3
    expect(members(mar, 'segment')).toEqual({ retail: (5 + 2) / 2, horeca: (4 + 3) / 2 });
  });
});
