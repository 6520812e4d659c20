/**
 * The team group: conversion-rate-per-rep, leads-contacted-per-day, sales-per-rep.
 * Every expected number is worked out by hand beside its expectation.
 *
 * Base data (test/fixtures/kpi/): reps andi, budi, citra (all joined 2025-01-01); C1 owned by
 * andi, C2 and C4 by budi, C3 by citra. Working days are Monday to Friday.
 * Calendar: 2026-01-01 is a Thursday, 2026-02-01 and 2026-03-01 Sundays, 2028-02-01 a Tuesday.
 * Working days without holidays: January 2026 22, February 2026 20, March 2026 22.
 */
import { describe, expect, it } from 'vitest';
import { compute, expectNone, kpiDefinition, member, members, sale, type FixtureInput } from './fixture.ts';

describe('team group', () => {
  it('holds conversion-rate-per-rep, leads-contacted-per-day and sales-per-rep', () => {
    for (const id of ['conversion-rate-per-rep', 'leads-contacted-per-day', 'sales-per-rep']) expect(kpiDefinition(id).group).toBe('team');
  });
});

describe('conversion-rate-per-rep', () => {
  const work = {
    leads: [
      { id: 'L1', created: '2026-01-02T09:00' },
      { id: 'L2', created: '2026-01-02T09:00' },
      { id: 'L3', created: '2026-01-02T09:00', rep: 'budi', region: 'bandung' },
    ],
    activities: [
      { at: '2026-01-05T10:00', type: 'contact', rep: 'andi', lead: 'L1' },
      { at: '2026-01-08T10:00', type: 'won', rep: 'budi', lead: 'L1', customer: 'C1' },
      { at: '2026-01-06T10:00', type: 'contact', rep: 'andi', lead: 'L2' },
      { at: '2026-01-07T10:00', type: 'contact', rep: 'budi', lead: 'L3' },
      { at: '2026-01-09T10:00', type: 'lost', rep: 'budi', lead: 'L3' },
      { at: '2026-02-03T10:00', type: 'won', rep: 'andi', lead: 'L2', customer: 'C4' },
    ],
    emptyMonths: ['2026-03'],
  } satisfies FixtureInput;

  it("credits the rep the lead is assigned to, for the won and the handled alike, whoever recorded them", () => {
    const jan = compute(work).at('conversion-rate-per-rep', '2026-01');
    // L1 is andi's lead: budi recorded its won, andi is credited with it (and with handling it).
    expect(member(jan, 'rep', 'andi').value).toBeCloseTo(1 / 2, 9); // won L1 of andi's {L1, L2}
    expect(member(jan, 'rep', 'budi').value).toBe(0); // won none of budi's {L3}
  });

  it('gives the same per-rep values as the rep breakdown of sales-conversion-rate', () => {
    const r = compute(work);
    for (const period of ['2026-01', '2026-02', '2026-Q1']) {
      expect(members(r.at('sales-conversion-rate', period), 'rep')).toEqual(members(r.at('conversion-rate-per-rep', period), 'rep'));
    }
  });

  it('has the whole team rate as its total', () => {
    const r = compute(work);
    expect(r.at('conversion-rate-per-rep', '2026-01').value).toBeCloseTo(1 / 3, 9); // {L1} of {L1, L2, L3}
    expect(r.at('conversion-rate-per-rep', '2026-01').value).toBe(r.at('sales-conversion-rate', '2026-01').value);
  });

  it('counts a quarter over the distinct leads each rep handled in it', () => {
    const q1 = compute(work).at('conversion-rate-per-rep', '2026-Q1');
    expect(q1.value).toBeCloseTo(2 / 3, 9); // won {L1, L2} of {L1, L2, L3}
    expect(member(q1, 'rep', 'andi').value).toBe(1); // won L1 and L2 of andi's {L1, L2}
    expect(member(q1, 'rep', 'budi').value).toBe(0); // won none of budi's {L3}
  });

  it('has no value for a month or a rep without activities (zero-denominator)', () => {
    const r = compute(work);
    expectNone(r.at('conversion-rate-per-rep', '2026-03'), 'zero-denominator');
    expectNone(member(r.at('conversion-rate-per-rep', '2026-02'), 'rep', 'budi'), 'zero-denominator');
    expect(member(r.at('conversion-rate-per-rep', '2026-02'), 'rep', 'andi').value).toBe(1); // won L2 of {L2}
  });
});

describe('leads-contacted-per-day', () => {
  const leads = ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7'].map((id) => ({ id, created: '2026-03-02T08:00' }));
  /**
   * March 2026 has 22 weekdays. Friday 20 March is a holiday (Saturday 21 March too, which changes
   * nothing). budi left on Friday 13 March, citra joined on Monday 23 March.
   */
  const march = {
    company: {
      holidays: [
        { date: '2026-03-20', name: 'Hari Raya Nyepi' },
        { date: '2026-03-21', name: 'Cuti bersama' },
      ],
    },
    team: [
      { id: 'andi', name: 'Andi Wijaya', region: 'jakarta', joined: '2025-01-01' },
      { id: 'budi', name: 'Budi Santoso', region: 'bandung', joined: '2025-01-01', left: '2026-03-13' },
      { id: 'citra', name: 'Citra Lestari', region: 'surabaya', joined: '2026-03-23' },
    ],
    leads,
    activities: [
      { at: '2026-03-02T10:00', type: 'contact', rep: 'andi', lead: 'L1' },
      { at: '2026-03-02T15:00', type: 'follow-up', rep: 'andi', lead: 'L1' }, // L1 twice on Mar 2: once
      { at: '2026-03-05T10:00', type: 'follow-up', rep: 'andi', lead: 'L1' }, // L1 on another day: again
      { at: '2026-03-10T10:00', type: 'meeting', rep: 'andi', lead: 'L2' },
      { at: '2026-03-11T10:00', type: 'won', rep: 'andi', lead: 'L3', customer: 'C1' }, // a win is a touch
      { at: '2026-03-11T11:00', type: 'lost', rep: 'andi', lead: 'L7' }, // recording a loss is not
      { at: '2026-03-12T10:00', type: 'follow-up', rep: 'andi', customer: 'C1' }, // a customer, not a lead
      { at: '2026-03-03T10:00', type: 'contact', rep: 'budi', lead: 'L4' },
      { at: '2026-03-04T10:00', type: 'contact', rep: 'budi', lead: 'L5' },
      { at: '2026-03-12T10:00', type: 'follow-up', rep: 'budi', lead: 'L6' },
      { at: '2026-03-24T10:00', type: 'contact', rep: 'citra', lead: 'L7' },
    ],
  } satisfies FixtureInput;

  it('adds up the distinct leads a rep contacted each day and divides by the rep working days; holidays are not working days', () => {
    const mar = compute(march).at('leads-contacted-per-day', '2026-03');
    // L1 on Mar 2 and Mar 5, L2 on Mar 10, L3 on Mar 11: 4 lead-days over 22 weekdays less the Friday holiday
    expect(member(mar, 'rep', 'andi').value).toBeCloseTo(4 / (22 - 1), 9);
  });

  it('uses only the working days before a rep left, and after a rep joined', () => {
    const mar = compute(march).at('leads-contacted-per-day', '2026-03');
    expect(member(mar, 'rep', 'budi').value).toBeCloseTo(3 / 10, 9); // L4, L5, L6 on three days, over Mar 2-6 and 9-13
    expect(member(mar, 'rep', 'citra').value).toBeCloseTo(1 / 7, 9); // L7 on Mar 24, over Mar 23-27 and 30-31
  });

  it('has as its total the leads contacted per rep per working day', () => {
    const mar = compute(march).at('leads-contacted-per-day', '2026-03');
    expect(mar.value).toBeCloseTo((4 + 3 + 1) / (21 + 10 + 7), 9); // 8 / 38
  });

  it('counts holidays only when they fall on a working day', () => {
    const plain = compute({ ...march, company: { holidays: [] } }).at('leads-contacted-per-day', '2026-03');
    expect(member(plain, 'rep', 'andi').value).toBeCloseTo(4 / 22, 9);
    const weekend = compute({ ...march, company: { holidays: [{ date: '2026-03-21', name: 'Sabtu' }] } }).at('leads-contacted-per-day', '2026-03');
    expect(member(weekend, 'rep', 'andi').value).toBeCloseTo(4 / 22, 9);
  });

  it('counts the 21 working days of February 2028, a leap month', () => {
    const r = compute({
      leads: [{ id: 'L1', created: '2028-02-28T09:00' }],
      activities: [{ at: '2028-02-29T10:00', type: 'contact', lead: 'L1' }],
    });
    const feb = r.at('leads-contacted-per-day', '2028-02');
    // Feb 1-4 (Tue-Fri) 4 + three full weeks 15 + Mon 28 and Tue 29 = 21
    expect(member(feb, 'rep', 'andi').value).toBeCloseTo(1 / 21, 9);
    expect(feb.value).toBeCloseTo(1 / (3 * 21), 9); // andi, budi and citra all at work
  });

  it('counts a lead again on each day it is contacted, over the quarter as over its months', () => {
    const r = compute({
      team: [{ id: 'andi', name: 'Andi Wijaya', region: 'jakarta', joined: '2025-01-01' }],
      customers: [{ id: 'C1', name: 'Toko Satu', region: 'jakarta', segment: 'retail', owner: 'andi' }],
      leads: [
        { id: 'L1', created: '2026-01-02T08:00' },
        { id: 'L2', created: '2026-03-02T08:00' },
      ],
      activities: [
        { at: '2026-01-05T10:00', lead: 'L1' },
        { at: '2026-02-05T10:00', type: 'follow-up', lead: 'L1' },
        { at: '2026-03-05T10:00', lead: 'L2' },
      ],
    });
    expect(r.at('leads-contacted-per-day', '2026-02').value).toBeCloseTo(1 / 20, 9);
    // The quarter: L1 on Jan 5 and Feb 5, L2 on Mar 5: 3 lead-days over 22 + 20 + 22 working days.
    expect(r.at('leads-contacted-per-day', '2026-Q1').value).toBeCloseTo(3 / (22 + 20 + 22), 9);
  });

  it('is 0 in a month without contacts', () => {
    const r = compute({ ...march, emptyMonths: ['2026-04'] });
    expect(r.at('leads-contacted-per-day', '2026-04').value).toBe(0);
    expect(member(r.at('leads-contacted-per-day', '2026-04'), 'rep', 'andi').value).toBe(0);
  });

  // The total is the average per rep per day: each rep's own count, summed, over all rep days.
  it('counts a lead contacted by two reps on one day for each of them in the total', () => {
    const r = compute({
      leads: [{ id: 'L1', created: '2026-03-02T08:00' }],
      activities: [
        { at: '2026-03-02T10:00', rep: 'andi', lead: 'L1' },
        { at: '2026-03-02T14:00', type: 'meeting', rep: 'budi', lead: 'L1' },
      ],
    });
    const mar = r.at('leads-contacted-per-day', '2026-03');
    expect(member(mar, 'rep', 'andi').value).toBeCloseTo(1 / 22, 9);
    expect(member(mar, 'rep', 'budi').value).toBeCloseTo(1 / 22, 9);
    expect(mar.value).toBeCloseTo((1 + 1 + 0) / (22 + 22 + 22), 9); // andi, budi, citra (no contacts)
  });

  /**
   * A steady team through 2026: on every working day andi contacts L1, L2 and L3 (L1 twice) and
   * budi contacts L4 and L5; nobody works on the holiday, Friday 20 March. 2026 has 261 weekdays
   * (52 weeks and Thursday 31 December), 260 working days with the holiday.
   */
  const workingDays2026 = (holidays: string[]) => {
    const days: string[] = [];
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 86_400_000) {
      const d = new Date(t);
      const day = d.toISOString().slice(0, 10);
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !holidays.includes(day)) days.push(day);
    }
    return days;
  };
  const steady = (holidays: string[], extra: FixtureInput['activities'] = []): FixtureInput => ({
    company: { holidays: holidays.map((date) => ({ date, name: 'Libur' })) },
    leads: ['L1', 'L2', 'L3', 'L4', 'L5', 'L9'].map((id) => ({ id, created: '2026-01-01T08:00' })),
    activities: [
      ...workingDays2026(['2026-03-20']).flatMap((day) => [
        { at: `${day}T09:00`, rep: 'andi', lead: 'L1' },
        { at: `${day}T10:00`, type: 'follow-up' as const, rep: 'andi', lead: 'L2' },
        { at: `${day}T11:00`, type: 'meeting' as const, rep: 'andi', lead: 'L3' },
        { at: `${day}T16:00`, type: 'follow-up' as const, rep: 'andi', lead: 'L1' },
        { at: `${day}T09:30`, rep: 'budi', lead: 'L4' },
        { at: `${day}T13:30`, type: 'follow-up' as const, rep: 'budi', lead: 'L5' },
      ]),
      ...extra,
    ],
  });

  it('gives a steady team the same figure for the month, the quarter and the year', () => {
    expect(workingDays2026(['2026-03-20'])).toHaveLength(260);
    const r = compute(steady(['2026-03-20']));
    // andi: 3 lead-days a day, budi 2, citra (employed, no contacts) 0. Total: (3 + 2 + 0) / 3 reps.
    for (const period of ['2026-01', '2026-03', '2026-10', '2026-Q1', '2026-Q4', '2026']) {
      const v = r.at('leads-contacted-per-day', period);
      expect(member(v, 'rep', 'andi').value, period).toBeCloseTo(3, 9);
      expect(member(v, 'rep', 'budi').value, period).toBeCloseTo(2, 9);
      expect(v.value, period).toBeCloseTo(5 / 3, 9);
    }
    // Written out for the quarter and the year: Q1 has 22 + 20 + 21 working days.
    expect(member(r.at('leads-contacted-per-day', '2026-Q1'), 'rep', 'andi').value).toBeCloseTo((3 * 63) / 63, 9);
    expect(member(r.at('leads-contacted-per-day', '2026'), 'rep', 'budi').value).toBeCloseTo((2 * 260) / 260, 9);
  });

  it('keeps the figure steady over a declared holiday; an undeclared one is a working day without contacts', () => {
    // Undeclared, 20 March is a working day without contacts: March is 3 * 21 / 22 for andi.
    const undeclared = compute(steady([])).at('leads-contacted-per-day', '2026-03');
    expect(member(undeclared, 'rep', 'andi').value).toBeCloseTo((3 * 21) / 22, 9);
    const declared = compute(steady(['2026-03-20'])).at('leads-contacted-per-day', '2026-03');
    expect(member(declared, 'rep', 'andi').value).toBeCloseTo(3, 9);
  });

  it('counts a contact on a holiday, without adding the holiday to the working days', () => {
    const r = compute(steady(['2026-03-20'], [{ at: '2026-03-20T10:00', rep: 'andi', lead: 'L9' }]));
    expect(member(r.at('leads-contacted-per-day', '2026-03'), 'rep', 'andi').value).toBeCloseTo((3 * 21 + 1) / 21, 9);
  });

  it('counts a rep who joined mid-month over their own working days, at their own steady pace', () => {
    const joined = { id: 'citra', name: 'Citra Lestari', region: 'surabaya', joined: '2026-03-23' };
    const base = steady(['2026-03-20']);
    // citra contacts L9 on each working day from Monday 23 March to Tuesday 31 March: 7 days.
    const citra = ['23', '24', '25', '26', '27', '30', '31'].map((d) => ({ at: `2026-03-${d}T10:00`, rep: 'citra', lead: 'L9' }));
    const r = compute({
      ...base,
      team: [{ id: 'andi', name: 'Andi Wijaya', region: 'jakarta', joined: '2025-01-01' }, { id: 'budi', name: 'Budi Santoso', region: 'bandung', joined: '2025-01-01' }, joined],
      activities: [...base.activities!, ...citra],
    });
    const mar = r.at('leads-contacted-per-day', '2026-03');
    expect(member(mar, 'rep', 'citra').value).toBeCloseTo(7 / 7, 9);
    expect(member(mar, 'rep', 'andi').value).toBeCloseTo(3, 9);
    expect(mar.value).toBeCloseTo((3 * 21 + 2 * 21 + 7) / (21 + 21 + 7), 9); // 112 / 49
    // The quarter: citra's 7 days are all she worked in it.
    expect(member(r.at('leads-contacted-per-day', '2026-Q1'), 'rep', 'citra').value).toBeCloseTo(1, 9);
    // Before she joined, February counts andi and budi only.
    expect(r.at('leads-contacted-per-day', '2026-02').value).toBeCloseTo((3 * 20 + 2 * 20) / (20 + 20), 9);
  });
});

describe('sales-per-rep', () => {
  const january = {
    orders: [
      sale('2026-01-05', 'C4', 50000, { rep: 'andi' }), // C4 is budi's account; andi took the order
      sale('2026-01-06', 'C1', 30000, { rep: 'andi' }),
      sale('2026-01-07', 'C2', 20000, { rep: 'budi' }),
    ],
  } satisfies FixtureInput;

  it("credits the customer's account owner, not the rep who recorded the order", () => {
    const jan = compute(january).at('sales-per-rep', '2026-01');
    expect(members(jan, 'rep')).toEqual({ andi: 30000, budi: 50000 + 20000, citra: 0 }); // citra was employed and owns C3, which did not order
  });

  it('has as its total the average per rep employed in the period', () => {
    const jan = compute(january).at('sales-per-rep', '2026-01');
    expect(jan.value).toBeCloseTo((50000 + 30000 + 20000) / 3, 9); // andi, budi and citra were all employed; citra sold nothing
  });

  it('keeps crediting the owner after the owner left', () => {
    const r = compute({
      team: [
        { id: 'andi', name: 'Andi Wijaya', region: 'jakarta', joined: '2025-01-01' },
        { id: 'budi', name: 'Budi Santoso', region: 'bandung', joined: '2025-01-01', left: '2026-01-31' },
        { id: 'citra', name: 'Citra Lestari', region: 'surabaya', joined: '2025-01-01' },
      ],
      orders: [...january.orders, sale('2026-02-10', 'C2', 10000, { rep: 'andi' }), sale('2026-02-11', 'C3', 4000, { rep: 'citra' })],
    });
    const feb = r.at('sales-per-rep', '2026-02');
    expect(member(feb, 'rep', 'budi').value).toBe(10000); // C2 is still budi's account in customers.yaml
    expect(member(feb, 'rep', 'citra').value).toBe(4000);
    expect(member(feb, 'rep', 'andi').value).toBe(0); // C1 did not order in February
    // andi and citra were employed; budi had left but is still credited, so he counts too.
    expect(feb.value).toBeCloseTo((0 + 10000 + 4000) / 3, 9);
  });

  it('computes a quarter from the quarter sales and the reps employed in it', () => {
    const r = compute({ orders: [...january.orders, sale('2026-02-10', 'C3', 40000, { rep: 'citra' }), sale('2026-03-10', 'C1', 6000)] });
    const q1 = r.at('sales-per-rep', '2026-Q1');
    expect(members(q1, 'rep')).toEqual({ andi: 30000 + 6000, budi: 70000, citra: 40000 });
    expect(q1.value).toBeCloseTo((50000 + 30000 + 20000 + 40000 + 6000) / 3, 9);
  });

  it('is 0 in a month without orders, for the total and every rep', () => {
    const feb = compute({ ...january, emptyMonths: ['2026-02'] }).at('sales-per-rep', '2026-02');
    expect(feb.value).toBe(0); // 0 / 3 reps employed
    expect(members(feb, 'rep')).toEqual({ andi: 0, budi: 0, citra: 0 }); // every rep employed in February is a row
  });

  it('gives 0, not null, for a rep whose customers did not order in the period', () => {
    const r = compute({ orders: [...january.orders, sale('2026-02-10', 'C2', 10000, { rep: 'budi' })] });
    const feb = r.at('sales-per-rep', '2026-02');
    expect(member(feb, 'rep', 'budi').value).toBe(10000);
    expect(member(feb, 'rep', 'andi').value).toBe(0); // C1 did not order in February
  });
});

describe('sales-per-rep with a history of account ownership', () => {
  // budi leaves on 2026-02-13 (a Friday) and hands C4 over to andi from the next day; dewi joins
  // on 2026-02-16 (a Monday) and takes C2 over from budi that day; C5 is dewi's from that day
  // too and has no owner before it. Every order is recorded by andi: what is credited here is
  // the account's owner on the order's date, not the rep who recorded it.
  const history = {
    team: [
      { id: 'andi', name: 'Andi Wijaya', region: 'jakarta', joined: '2025-01-01' },
      { id: 'budi', name: 'Budi Santoso', region: 'bandung', joined: '2025-01-01', left: '2026-02-13' },
      { id: 'citra', name: 'Citra Lestari', region: 'surabaya', joined: '2025-01-01' },
      { id: 'dewi', name: 'Dewi Anggraini', region: 'bandung', joined: '2026-02-16' },
    ],
    customers: [
      { id: 'C1', name: 'Toko Satu', region: 'jakarta', segment: 'retail', owner: 'andi' },
      { id: 'C2', name: 'Hotel Dua', region: 'bandung', segment: 'horeca', owners: [{ rep: 'budi' }, { rep: 'dewi', from: '2026-02-16' }] },
      { id: 'C3', name: 'Toko Tiga', region: 'surabaya', segment: 'retail', owner: 'citra' },
      { id: 'C4', name: 'Restoran Empat', region: 'jakarta', segment: 'horeca', owners: [{ rep: 'budi' }, { rep: 'andi', from: '2026-02-14' }] },
      { id: 'C5', name: 'Toko Lima', region: 'bandung', segment: 'retail', owners: [{ rep: 'dewi', from: '2026-02-16' }] },
    ],
    orders: [
      sale('2026-01-10', 'C2', 10000), // budi's
      sale('2026-02-10', 'C2', 20000), // budi's: dewi takes C2 over only on 02-16
      sale('2026-02-20', 'C2', 40000), // dewi's
      sale('2026-02-12', 'C4', 5000), // budi's, the day before he leaves
      sale('2026-02-14', 'C4', 7000), // andi's, the day the handover starts
      sale('2026-02-01', 'C5', 8000), // no one's: C5 has no owner before 02-16
      sale('2026-03-05', 'C4', 3000), // andi's
      sale('2026-03-06', 'C3', 6000), // citra's
    ],
  } satisfies FixtureInput;

  it('validates without a warning', () => {
    expect(compute(history).warnings).toEqual([]);
  });

  it('credits orders before a takeover to the previous owner and from its day to the new one', () => {
    const r = compute(history);
    // January: budi 10000; andi and citra 0; dewi had not joined, so she is no row.
    expect(members(r.at('sales-per-rep', '2026-01'), 'rep')).toEqual({ andi: 0, budi: 10000, citra: 0 });
    // February: budi 20000 (C2 on 02-10) + 5000 (C4 on 02-12) = 25000; dewi 40000 (C2 on 02-20);
    // andi 7000 (C4 on 02-14); citra 0. C5's 8000 on 02-01 is credited to no one.
    expect(members(r.at('sales-per-rep', '2026-02'), 'rep')).toEqual({ andi: 7000, budi: 25000, citra: 0, dewi: 40000 });
    // The sale to C5 still counts as a sale: 20000 + 40000 + 5000 + 7000 + 8000 = 80000.
    expect(r.at('net-sales', '2026-02').value).toBe(80000);
  });

  it('averages over the reps employed in the period: a rep who joins or leaves in it counts as one', () => {
    const r = compute(history);
    // January: andi, budi, citra employed: 10000 / 3.
    expect(r.at('sales-per-rep', '2026-01').value).toBeCloseTo(10000 / 3, 9);
    // February: andi, budi (until the 13th), citra, dewi (from the 16th): (7000 + 25000 + 0 + 40000) / 4 = 18000.
    expect(r.at('sales-per-rep', '2026-02').value).toBeCloseTo(18000, 9);
  });

  it('leaves a rep who left out of later periods, rows and average alike', () => {
    const mar = compute(history).at('sales-per-rep', '2026-03');
    // March: andi 3000 (C4), citra 6000 (C3), dewi 0 (C2 and C5 did not order); budi left in February.
    expect(members(mar, 'rep')).toEqual({ andi: 3000, citra: 6000, dewi: 0 });
    expect(mar.value).toBeCloseTo((3000 + 6000 + 0) / 3, 9); // 3000
  });

  it('counts every rep employed at some point of a quarter', () => {
    const q1 = compute(history).at('sales-per-rep', '2026-Q1');
    // andi 7000 + 3000 = 10000; budi 10000 + 25000 = 35000; citra 6000; dewi 40000.
    expect(members(q1, 'rep')).toEqual({ andi: 10000, budi: 35000, citra: 6000, dewi: 40000 });
    expect(q1.value).toBeCloseTo((10000 + 35000 + 6000 + 40000) / 4, 9); // 91000 / 4 = 22750
  });
});
