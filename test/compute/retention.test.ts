/**
 * The retention group: new-customers, customer-retention-rate, existing-customer-sales,
 * customer-satisfaction. Every expected number is worked out by hand beside its expectation.
 *
 * Base data (test/fixtures/kpi/): C1 jakarta/retail (owner andi), C2 bandung/horeca (budi),
 * C3 surabaya/retail (citra), C4 jakarta/horeca (budi).
 */
import { describe, expect, it } from 'vitest';
import { compute, expectNone, kpiDefinition, member, members, sale, type FixtureInput } from './fixture.ts';

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

describe('customer-retention-rate', () => {
  it('is the share of the previous month customers who ordered again', () => {
    const r = compute(returning);
    expect(r.at('customer-retention-rate', '2026-02').value).toBeCloseTo(1 / 2, 9); // of {C1, C2}: C2
  });

  it('loses a customer in the month of the gap and does not count the return as retained', () => {
    const r = compute(returning);
    // February loses C1. March: of February's {C2, C3}, C2 ordered again; C1 is back but was
    // not a February customer, so it is neither in the base nor retained.
    expect(r.at('customer-retention-rate', '2026-03').value).toBeCloseTo(1 / 2, 9);
  });

  it('has no value in the first month of the data (no-previous-period)', () => {
    const r = compute(returning);
    expectNone(r.at('customer-retention-rate', '2026-01'), 'no-previous-period');
    expectNone(member(r.at('customer-retention-rate', '2026-01'), 'region', 'jakarta'), 'no-previous-period');
    expectNone(r.at('customer-retention-rate', '2026-Q1'), 'no-previous-period');
  });

  it('is 0 into an empty month and has no value after it (zero-denominator)', () => {
    const r = compute(gap);
    expect(r.at('customer-retention-rate', '2026-02').value).toBe(0); // of {C1}: none
    expectNone(r.at('customer-retention-rate', '2026-03'), 'zero-denominator'); // February had no customers
  });

  it('compares a quarter with the previous quarter, not month by month', () => {
    const r = compute(quarters);
    expect(r.at('customer-retention-rate', '2026-Q2').value).toBeCloseTo(1 / 3, 9); // of Q1's {C1, C2, C3}: C2
    // Month by month the picture differs: April keeps none of March's {C3}.
    expect(r.at('customer-retention-rate', '2026-04').value).toBe(0);
  });

  it('breaks down by region and segment, each against its own previous customers', () => {
    const r = compute(returning);
    const feb = r.at('customer-retention-rate', '2026-02');
    expect(member(feb, 'region', 'jakarta').value).toBe(0); // of {C1}: none
    expect(member(feb, 'region', 'bandung').value).toBe(1); // of {C2}: C2
    expectNone(member(feb, 'region', 'surabaya'), 'zero-denominator'); // nobody in January
    expect(member(feb, 'segment', 'retail').value).toBe(0); // of {C1}: C3 is new, not retained
    expect(member(feb, 'segment', 'horeca').value).toBe(1);
    const mar = r.at('customer-retention-rate', '2026-03');
    expectNone(member(mar, 'region', 'jakarta'), 'zero-denominator'); // C1 returned, but February had no Jakarta customer
    expect(member(mar, 'region', 'surabaya').value).toBe(0); // of {C3}: none
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
