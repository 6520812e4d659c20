/**
 * The time group: sales-cycle-length, follow-up-24h, follow-up-interval.
 * Every expected number is worked out by hand beside its expectation.
 * The company is in Asia/Jakarta (UTC+7); date-times without an offset are Jakarta time.
 */
import { describe, expect, it } from 'vitest';
import { compute, expectNone, kpiDefinition, member, members, type FixtureInput } from './fixture.ts';

describe('time group', () => {
  it('holds sales-cycle-length, follow-up-24h and follow-up-interval', () => {
    for (const id of ['sales-cycle-length', 'follow-up-24h', 'follow-up-interval']) expect(kpiDefinition(id).group).toBe('time');
  });
});

describe('sales-cycle-length', () => {
  const wins = {
    leads: [
      { id: 'L1', created: '2026-01-10T09:00', source: 'referral', rep: 'andi', region: 'jakarta' },
      { id: 'L2', created: '2026-03-01T09:00', source: 'web', rep: 'budi', region: 'bandung' },
    ],
    activities: [
      { at: '2026-01-12T09:00', type: 'contact', rep: 'andi', lead: 'L1' },
      { at: '2026-02-01T09:00', type: 'follow-up', rep: 'andi', lead: 'L1' },
      { at: '2026-03-12T09:00', type: 'won', rep: 'andi', lead: 'L1', customer: 'C1' },
      { at: '2026-03-02T09:00', type: 'contact', rep: 'budi', lead: 'L2' },
      { at: '2026-03-04T21:00', type: 'won', rep: 'budi', lead: 'L2', customer: 'C2' },
    ],
  } satisfies FixtureInput;

  it('averages the days from first contact (not creation) to win, for the leads won in the period', () => {
    const r = compute(wins);
    // L1: Jan 12 09:00 -> Mar 12 09:00 = 31 + 28 = 59 days (61 from creation, not used);
    // L2: Mar 2 09:00 -> Mar 4 21:00 = 2.5 days.
    expect(r.at('sales-cycle-length', '2026-03').value).toBeCloseTo((59 + 2.5) / 2, 9); // 30.75
  });

  it('has no value in months without wins (no-data), even when the lead was being worked', () => {
    const r = compute(wins);
    expectNone(r.at('sales-cycle-length', '2026-01'), 'no-data');
    expectNone(r.at('sales-cycle-length', '2026-02'), 'no-data');
  });

  it('computes a quarter from all the quarter wins', () => {
    const r = compute({
      ...wins,
      leads: [...wins.leads, { id: 'L3', created: '2026-02-01T09:00' }],
      activities: [
        ...wins.activities,
        { at: '2026-02-02T09:00', type: 'contact', lead: 'L3' },
        { at: '2026-02-06T09:00', type: 'won', lead: 'L3', customer: 'C3' }, // 4 days, won in February
      ],
    });
    expect(r.at('sales-cycle-length', '2026-02').value).toBeCloseTo(4, 9);
    expect(r.at('sales-cycle-length', '2026-Q1').value).toBeCloseTo((59 + 2.5 + 4) / 3, 9); // not (4 + 30.75) / 2
  });

  it('breaks down by region, assigned rep and source', () => {
    const mar = compute(wins).at('sales-cycle-length', '2026-03');
    expect(member(mar, 'region', 'jakarta').value).toBeCloseTo(59, 9);
    expect(member(mar, 'region', 'bandung').value).toBeCloseTo(2.5, 9);
    expect(member(mar, 'rep', 'andi').value).toBeCloseTo(59, 9);
    expect(member(mar, 'rep', 'budi').value).toBeCloseTo(2.5, 9);
    expect(member(mar, 'source', 'referral').value).toBeCloseTo(59, 9);
    expect(member(mar, 'source', 'web').value).toBeCloseTo(2.5, 9);
    // Only members that occur in the data are listed: no lead came from an event.
    expect(mar.breakdowns.source!.map((m) => m.member)).toEqual(['referral', 'web']);
  });
});

describe('follow-up-24h', () => {
  const march = {
    leads: [
      { id: 'L1', created: '2026-03-02T09:00', rep: 'andi', source: 'referral' },
      { id: 'L2', created: '2026-03-02T09:00', rep: 'budi', source: 'web' },
      { id: 'L3', created: '2026-03-02T09:00', rep: 'andi', source: 'web' },
      { id: 'L4', created: '2026-03-02T10:00', rep: 'budi', source: 'web' }, // never contacted
      { id: 'L5', created: '2026-03-31T20:00', rep: 'citra', source: 'event', region: 'surabaya' },
    ],
    activities: [
      { at: '2026-03-02T13:00', lead: 'L1', rep: 'budi' }, // 4 h, by another rep than the assigned one
      { at: '2026-03-03T09:00', lead: 'L2', rep: 'budi' }, // exactly 24 h: in time
      { at: '2026-03-03T09:01', lead: 'L3' }, // 24 h 1 min: late
      { at: '2026-03-03T10:00', type: 'follow-up', lead: 'L1', rep: 'andi' },
      { at: '2026-04-01T08:00', lead: 'L5', rep: 'citra' }, // 12 h, in the next month
    ],
  } satisfies FixtureInput;

  it('is the share of the leads created in the period first touched within 24 hours', () => {
    const r = compute(march);
    expect(r.at('follow-up-24h', '2026-03').value).toBeCloseTo(3 / 5, 9); // L1, L2, L5 of L1-L5
  });

  it('counts a lead never touched as late, not as missing', () => {
    const r = compute({ leads: [{ id: 'L1', created: '2026-03-02T09:00' }] });
    expect(r.at('follow-up-24h', '2026-03').value).toBe(0); // 0 of 1
  });

  it('places a lead by its creation, in company time: 2026-03-31T20:00Z is April 1 in Jakarta', () => {
    const r = compute({
      leads: [
        { id: 'MAR', created: '2026-03-10T09:00' },
        { id: 'APR', created: '2026-03-31T20:00Z' }, // 2026-04-01 03:00 in Jakarta
      ],
      activities: [
        { at: '2026-03-12T09:00', lead: 'MAR' }, // 48 h: late
        { at: '2026-04-01T10:00', lead: 'APR' }, // 10:00 - 03:00 = 7 h
      ],
    });
    expect(r.at('follow-up-24h', '2026-03').value).toBe(0); // 0 of {MAR}
    expect(r.at('follow-up-24h', '2026-04').value).toBe(1); // 1 of {APR}
  });

  it('has no value in a month without new leads (zero-denominator)', () => {
    expectNone(compute(march).at('follow-up-24h', '2026-04'), 'zero-denominator');
  });

  it('breaks down by the assigned rep, the lead region and source', () => {
    const mar = compute(march).at('follow-up-24h', '2026-03');
    expect(members(mar, 'rep')).toEqual({ andi: 1 / 2, budi: 1 / 2, citra: 1 }); // andi {L1 ok, L3 late}, budi {L2 ok, L4 never}
    expect(members(mar, 'source')).toEqual({ referral: 1, web: 1 / 3, event: 1 });
    expect(member(mar, 'region', 'jakarta').value).toBeCloseTo(2 / 4, 9);
    expect(member(mar, 'region', 'surabaya').value).toBe(1);
  });
});

describe('follow-up-24h: the first touch', () => {
  it('counts a won as a touch: a lead won within 24 hours without a logged contact is in time', () => {
    const r = compute({
      leads: [{ id: 'L1', created: '2026-03-02T09:00' }],
      activities: [{ at: '2026-03-02T15:00', type: 'won', lead: 'L1', customer: 'C1' }], // 6 h
    });
    expect(r.at('follow-up-24h', '2026-03').value).toBe(1); // 1 of 1
  });

  it('counts a lead lost before any touch as late: in the denominator, not the numerator', () => {
    const r = compute({
      leads: [
        { id: 'L1', created: '2026-03-02T09:00' },
        { id: 'L2', created: '2026-03-02T09:00' },
        { id: 'L3', created: '2026-03-02T09:00' },
      ],
      activities: [
        { at: '2026-03-02T11:00', type: 'lost', lead: 'L1' }, // lost after 2 h, never touched
        { at: '2026-03-02T11:00', type: 'lost', lead: 'L2' }, // lost after 2 h ...
        { at: '2026-03-02T12:00', type: 'contact', lead: 'L2' }, // ... then a contact: the loss came first
        { at: '2026-03-02T10:00', type: 'contact', lead: 'L3' }, // touched after 1 h ...
        { at: '2026-03-02T11:00', type: 'lost', lead: 'L3' }, // ... then lost: in time
      ],
    });
    const mar = r.at('follow-up-24h', '2026-03');
    expect(mar.value).toBeCloseTo(1 / 3, 9); // L3 of L1, L2, L3
    expect(member(mar, 'rep', 'andi').value).toBeCloseTo(1 / 3, 9);
  });

  /**
   * The data ends with March 2026: its end is 1 April 00:00 in Jakarta. E1 came in 25 h before it
   * and was never touched (late); E2 exactly 24 h before it, touched after 8 h (in time). M1 (15 h
   * before the end, untouched) and M2 (14 h before, touched after 2 h) are still within their 24
   * hours: neither counts yet. F1 in February was touched after 1 h.
   */
  const lastDay = {
    leads: [
      { id: 'F1', created: '2026-02-10T09:00' },
      { id: 'E1', created: '2026-03-30T23:00' },
      { id: 'E2', created: '2026-03-31T00:00' },
      { id: 'M1', created: '2026-03-31T09:00' },
      { id: 'M2', created: '2026-03-31T10:00' },
    ],
    activities: [
      { at: '2026-02-10T10:00', lead: 'F1' },
      { at: '2026-03-31T08:00', lead: 'E2' },
      { at: '2026-03-31T12:00', lead: 'M2' },
    ],
  } satisfies FixtureInput;

  it('leaves out the leads created less than 24 hours before the end of the data: they are not late', () => {
    const r = compute(lastDay);
    expect(r.at('follow-up-24h', '2026-03').value).toBeCloseTo(1 / 2, 9); // E2 of E1, E2 (M1, M2 not yet)
    expect(r.at('follow-up-24h', '2026-Q1').value).toBeCloseTo(2 / 3, 9); // F1, E2 of F1, E1, E2
  });

  it('marks the periods holding the end of the data as maturing, the way lead cohorts are', () => {
    const r = compute(lastDay);
    for (const period of ['2026-03', '2026-Q1', '2026']) expect(r.at('follow-up-24h', period).notes, period).toContain('maturing');
    expect(r.at('follow-up-24h', '2026-02').notes).not.toContain('maturing');
  });

  it('counts those leads once the next month is in the data', () => {
    const r = compute({ ...lastDay, emptyMonths: ['2026-04'] });
    const mar = r.at('follow-up-24h', '2026-03');
    expect(mar.value).toBeCloseTo(2 / 4, 9); // E2, M2 of E1, E2, M1, M2
    expect(mar.notes).not.toContain('maturing');
  });
});

describe('follow-up-interval', () => {
  it('averages the hours between consecutive touches with the same lead', () => {
    const r = compute({
      leads: [
        { id: 'L1', created: '2026-03-02T08:00', region: 'jakarta' },
        { id: 'L2', created: '2026-03-04T09:00', region: 'bandung', rep: 'budi' },
      ],
      activities: [
        { at: '2026-03-02T09:00', type: 'contact', lead: 'L1', rep: 'andi' },
        { at: '2026-03-03T09:00', type: 'follow-up', lead: 'L1', rep: 'andi' }, // 24 h
        { at: '2026-03-04T10:00', type: 'contact', lead: 'L2', rep: 'andi' }, // L2's first touch: no gap
        { at: '2026-03-04T16:00', type: 'follow-up', lead: 'L2', rep: 'andi' }, // 6 h
        { at: '2026-03-05T21:00', type: 'meeting', lead: 'L1', rep: 'budi' }, // 60 h after L1's follow-up, not 29 h after L2's
      ],
    });
    const mar = r.at('follow-up-interval', '2026-03');
    expect(mar.value).toBeCloseTo((24 + 6 + 60) / 3, 9); // 30
    // Each gap belongs to the rep of the later touch and to the lead's region.
    expect(member(mar, 'rep', 'andi').value).toBeCloseTo((24 + 6) / 2, 9);
    expect(member(mar, 'rep', 'budi').value).toBeCloseTo(60, 9);
    expect(member(mar, 'region', 'jakarta').value).toBeCloseTo((24 + 60) / 2, 9);
    expect(member(mar, 'region', 'bandung').value).toBeCloseTo(6, 9);
  });

  it('counts only touches while the lead is open: a touch after the won does not count', () => {
    const r = compute({
      leads: [
        { id: 'L1', created: '2026-03-02T08:00' },
        { id: 'L2', created: '2026-03-02T08:00' },
      ],
      activities: [
        { at: '2026-03-02T09:00', type: 'contact', lead: 'L1' },
        { at: '2026-03-02T21:00', type: 'follow-up', lead: 'L1' }, // 12 h
        { at: '2026-03-03T09:00', type: 'won', lead: 'L1', customer: 'C1' },
        { at: '2026-03-10T09:00', type: 'follow-up', lead: 'L1' }, // after the won: no gap
        { at: '2026-03-11T09:00', type: 'meeting', lead: 'L1' }, // after the won: no gap
        { at: '2026-03-02T09:00', type: 'contact', lead: 'L2' },
        { at: '2026-03-02T13:00', type: 'lost', lead: 'L2' },
        { at: '2026-03-20T09:00', type: 'follow-up', lead: 'L2' }, // after the lost: no gap
      ],
    });
    expect(r.at('follow-up-interval', '2026-03').value).toBeCloseTo(12, 9); // the only gap; not (12 + 180 + 24) / 3
  });

  it('counts a gap in the month of the later touch', () => {
    const r = compute({
      leads: [{ id: 'L1', created: '2026-01-30T09:00' }],
      activities: [
        { at: '2026-01-30T10:00', type: 'contact', lead: 'L1' },
        { at: '2026-02-02T10:00', type: 'follow-up', lead: 'L1' }, // 3 days = 72 h
      ],
    });
    expectNone(r.at('follow-up-interval', '2026-01'), 'no-data');
    expect(r.at('follow-up-interval', '2026-02').value).toBeCloseTo(72, 9);
  });

  it('measures gaps between instants, across time zone offsets', () => {
    const r = compute({
      leads: [{ id: 'L1', created: '2026-03-02T08:00' }],
      activities: [
        { at: '2026-03-02T09:00', type: 'contact', lead: 'L1' }, // 02:00Z
        { at: '2026-03-02T10:00Z', type: 'follow-up', lead: 'L1' }, // 17:00 in Jakarta: 8 h later
      ],
    });
    expect(r.at('follow-up-interval', '2026-03').value).toBeCloseTo(8, 9);
  });

  it('has no gaps for touches with customers rather than leads (no-data)', () => {
    const r = compute({
      activities: [
        { at: '2026-03-02T09:00', type: 'follow-up', customer: 'C1' },
        { at: '2026-03-03T09:00', type: 'follow-up', customer: 'C1' },
      ],
    });
    expectNone(r.at('follow-up-interval', '2026-03'), 'no-data');
  });

  it('averages all the gaps of a quarter, not the monthly averages', () => {
    const r = compute({
      leads: [
        { id: 'L1', created: '2026-01-05T08:00' },
        { id: 'L2', created: '2026-02-02T08:00' },
      ],
      activities: [
        { at: '2026-01-05T09:00', lead: 'L1' },
        { at: '2026-01-05T19:00', type: 'follow-up', lead: 'L1' }, // 10 h
        { at: '2026-02-02T09:00', lead: 'L2' },
        { at: '2026-02-03T05:00', type: 'follow-up', lead: 'L2' }, // 20 h
        { at: '2026-02-04T11:00', type: 'meeting', lead: 'L2' }, // 30 h
      ],
    });
    expect(r.at('follow-up-interval', '2026-02').value).toBeCloseTo((20 + 30) / 2, 9);
    expect(r.at('follow-up-interval', '2026-Q1').value).toBeCloseTo((10 + 20 + 30) / 3, 9); // 20, not (10 + 25) / 2
  });
});
