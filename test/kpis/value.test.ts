/**
 * The value group: average-transaction-value, cross-up-sell, sales-conversion-rate.
 * Every expected number is worked out by hand beside its expectation.
 *
 * Base data (test/fixtures/kpi/): C1 jakarta/retail (owner andi), C2 bandung/horeca (budi),
 * C3 surabaya/retail (citra), C4 jakarta/horeca (budi); TEH-1, TEH-2 minuman; ROTI-1, ROTI-2 makanan.
 */
import { describe, expect, it } from 'vitest';
import { compute, expectNone, kpiDefinition, line, member, members, sale, type FixtureInput, type OrderSpec } from './fixture.ts';

describe('value group', () => {
  it('holds average-transaction-value, cross-up-sell and sales-conversion-rate', () => {
    for (const id of ['average-transaction-value', 'cross-up-sell', 'sales-conversion-rate']) expect(kpiDefinition(id).group).toBe('value');
  });
});

describe('average-transaction-value', () => {
  const orders = [
    // 2 lines, one order: 10*5000 + 2*9000*0.9 = 66200
    { date: '2026-01-05', customer: 'C1', rep: 'andi', lines: [line('TEH-1', 10, 5000), line('TEH-2', 2, 9000, { discount: 0.1 })] },
    // 3*12000*0.75 = 27000
    { date: '2026-01-20', customer: 'C2', rep: 'budi', lines: [line('ROTI-1', 3, 12000, { discount: 0.25 })] },
  ] satisfies OrderSpec[];

  it('divides net sales by the number of orders, however many lines each has', () => {
    const r = compute({ orders });
    expect(r.at('average-transaction-value', '2026-01').value).toBeCloseTo((10 * 5000 + 2 * 9000 * 0.9 + 3 * 12000 * 0.75) / 2, 9); // 46600
  });

  it('breaks down by customer region, segment and order rep', () => {
    const r = compute({ orders: [...orders, sale('2026-01-25', 'C4', 10000, { rep: 'andi' })] });
    const jan = r.at('average-transaction-value', '2026-01');
    expect(jan.value).toBeCloseTo((66200 + 27000 + 10000) / 3, 9);
    expect(member(jan, 'region', 'jakarta').value).toBeCloseTo((66200 + 10000) / 2, 9); // C1 and C4
    expect(member(jan, 'region', 'bandung').value).toBeCloseTo(27000, 9);
    expect(member(jan, 'segment', 'retail').value).toBeCloseTo(66200, 9);
    expect(member(jan, 'segment', 'horeca').value).toBeCloseTo((27000 + 10000) / 2, 9);
    expect(member(jan, 'rep', 'andi').value).toBeCloseTo((66200 + 10000) / 2, 9);
    expect(member(jan, 'rep', 'budi').value).toBeCloseTo(27000, 9);
  });

  it('has no value in a month without orders (zero-denominator), never NaN', () => {
    const r = compute({ orders, emptyMonths: ['2026-02'] });
    const feb = r.at('average-transaction-value', '2026-02');
    expectNone(feb, 'zero-denominator');
    expectNone(member(feb, 'rep', 'andi'), 'zero-denominator');
  });

  it('computes a quarter as its total net over its total orders, not as the average of monthly averages', () => {
    const r = compute({
      orders: [sale('2026-01-10', 'C1', 100000), sale('2026-02-10', 'C1', 10000), sale('2026-02-11', 'C2', 10000), sale('2026-02-12', 'C3', 10000)],
    });
    expect(r.at('average-transaction-value', '2026-01').value).toBe(100000);
    expect(r.at('average-transaction-value', '2026-02').value).toBe(10000);
    const q1 = r.at('average-transaction-value', '2026-Q1').value;
    expect(q1).toBeCloseTo((100000 + 3 * 10000) / 4, 9); // 32500
    expect(q1).not.toBeCloseTo((100000 + 10000) / 2, 9); // 55000, the average of the monthly averages
    expect(r.at('average-transaction-value', '2026').value).toBeCloseTo(32500, 9);
  });
});

describe('cross-up-sell', () => {
  const orders = [
    {
      date: '2026-01-05',
      customer: 'C1',
      rep: 'andi',
      lines: [
        line('TEH-1', 10, 5000), // regular: 50000
        line('TEH-2', 2, 9000, { discount: 0.1, kind: 'up-sell' }), // 16200
        line('ROTI-1', 1, 12000, { kind: 'cross-sell' }), // 12000
      ],
    },
    {
      date: '2026-01-06',
      customer: 'C2',
      rep: 'budi',
      lines: [
        line('ROTI-2', 1, 20000, { discount: 0.25, kind: 'up-sell' }), // 15000
        line('TEH-1', 3, 5000), // regular: 15000
      ],
    },
  ] satisfies OrderSpec[];

  it('sums the net of cross-sell and up-sell lines, after their discounts', () => {
    const r = compute({ orders });
    expect(r.at('cross-up-sell', '2026-01').value).toBeCloseTo(2 * 9000 * 0.9 + 12000 + 20000 * 0.75, 9); // 16200 + 12000 + 15000 = 43200
  });

  it('gives their share of all net sales as the secondary value', () => {
    const r = compute({ orders });
    const jan = r.at('cross-up-sell', '2026-01');
    expect(jan.secondary?.value).toBeCloseTo(43200 / (50000 + 16200 + 12000 + 15000 + 15000), 9); // 43200 / 108200
    expect(jan.secondary?.reason).toBeUndefined();
  });

  it('breaks down by kind, customer region, product category and rep', () => {
    const jan = compute({ orders }).at('cross-up-sell', '2026-01');
    expect(members(jan, 'kind')).toEqual({ regular: 0, 'cross-sell': 12000, 'up-sell': expect.closeTo(16200 + 15000, 9) });
    expect(member(jan, 'region', 'jakarta').value).toBeCloseTo(16200 + 12000, 9);
    expect(member(jan, 'region', 'bandung').value).toBeCloseTo(15000, 9);
    expect(member(jan, 'category', 'minuman').value).toBeCloseTo(16200, 9);
    expect(member(jan, 'category', 'makanan').value).toBeCloseTo(12000 + 15000, 9);
    expect(member(jan, 'rep', 'andi').value).toBeCloseTo(28200, 9);
    expect(member(jan, 'rep', 'budi').value).toBeCloseTo(15000, 9);
  });

  it('is 0 in an empty month, and its share has no value there (zero-denominator)', () => {
    const r = compute({ orders, emptyMonths: ['2026-02'] });
    const feb = r.at('cross-up-sell', '2026-02');
    expect(feb.value).toBe(0);
    expectNone(feb.secondary, 'zero-denominator');
  });

  it('computes the quarter share from the whole quarter', () => {
    const r = compute({ orders: [...orders, { date: '2026-03-02', customer: 'C3', rep: 'citra', lines: [line('TEH-1', 1, 91800)] }] });
    const q1 = r.at('cross-up-sell', '2026-Q1');
    expect(q1.value).toBeCloseTo(43200, 9);
    expect(q1.secondary?.value).toBeCloseTo(43200 / (108200 + 91800), 9); // 43200 / 200000 = 21.6 %, not the mean of the months' shares
  });
});

describe('sales-conversion-rate', () => {
  const pipeline = {
    leads: [
      { id: 'L1', created: '2026-01-02T09:00', source: 'referral', rep: 'andi', region: 'jakarta' },
      { id: 'L2', created: '2026-01-02T10:00', source: 'web', rep: 'andi', region: 'jakarta' },
      { id: 'L3', created: '2026-01-03T09:00', source: 'web', rep: 'budi', region: 'bandung' },
      { id: 'L4', created: '2026-01-20T09:00', source: 'event', rep: 'citra', region: 'surabaya' },
    ],
    activities: [
      { at: '2026-01-05T10:00', type: 'contact', rep: 'andi', lead: 'L1' },
      { at: '2026-01-06T10:00', type: 'contact', rep: 'andi', lead: 'L2' },
      { at: '2026-01-09T10:00', type: 'won', rep: 'andi', lead: 'L2', customer: 'C1' },
      { at: '2026-01-10T10:00', type: 'lost', rep: 'budi', lead: 'L3' },
      // A visit to an existing customer: an activity, but no lead handled.
      { at: '2026-01-12T10:00', type: 'follow-up', rep: 'budi', customer: 'C2' },
      { at: '2026-02-02T10:00', type: 'contact', rep: 'citra', lead: 'L4' },
      { at: '2026-02-03T10:00', type: 'follow-up', rep: 'andi', lead: 'L1' },
      { at: '2026-02-05T10:00', type: 'won', rep: 'andi', lead: 'L1', customer: 'C4' },
    ],
    emptyMonths: ['2026-03'],
  } satisfies FixtureInput;

  it('divides the leads won in the period by the leads with any activity in the period (won and lost included)', () => {
    const r = compute(pipeline);
    expect(r.at('sales-conversion-rate', '2026-01').value).toBeCloseTo(1 / 3, 9); // won {L2} / handled {L1, L2, L3}
    expect(r.at('sales-conversion-rate', '2026-02').value).toBeCloseTo(1 / 2, 9); // won {L1} / handled {L4, L1}
  });

  it('counts a quarter over its distinct leads: each lead handled in two months counts once', () => {
    const r = compute(pipeline);
    expect(r.at('sales-conversion-rate', '2026-Q1').value).toBeCloseTo(2 / 4, 9); // won {L1, L2} / handled {L1, L2, L3, L4}
  });

  it('has no value in a month without activities (zero-denominator)', () => {
    expectNone(compute(pipeline).at('sales-conversion-rate', '2026-03'), 'zero-denominator');
  });

  it('breaks down by the rep who recorded the activity, the lead region and the lead source', () => {
    const jan = compute(pipeline).at('sales-conversion-rate', '2026-01');
    expect(member(jan, 'rep', 'andi').value).toBeCloseTo(1 / 2, 9); // won {L2} / {L1, L2}
    expect(member(jan, 'rep', 'budi').value).toBe(0); // 0 / {L3}
    expectNone(member(jan, 'rep', 'citra'), 'zero-denominator'); // no activity in January
    expect(member(jan, 'region', 'jakarta').value).toBeCloseTo(1 / 2, 9);
    expect(member(jan, 'region', 'bandung').value).toBe(0);
    expect(member(jan, 'source', 'referral').value).toBe(0); // 0 / {L1}
    expect(member(jan, 'source', 'web').value).toBeCloseTo(1 / 2, 9); // {L2} / {L2, L3}
    expectNone(member(jan, 'source', 'event'), 'zero-denominator');
  });
});
