/**
 * The pipeline group: new-leads, lead-conversion-rate, time-to-convert.
 * Every expected number is worked out by hand beside its expectation.
 * The company is in Asia/Jakarta (UTC+7, no daylight saving time).
 */
import { describe, expect, it } from 'vitest';
import { compute, expectNone, kpiDefinition, member, members, type FixtureInput } from './fixture.ts';

describe('pipeline group', () => {
  it('holds new-leads, lead-conversion-rate and time-to-convert', () => {
    for (const id of ['new-leads', 'lead-conversion-rate', 'time-to-convert']) expect(kpiDefinition(id).group).toBe('pipeline');
  });
});

/**
 * Leads from January to April 2026, as the data ends (as of 2026-04-30):
 *   L1 Jan 10 09:00 referral andi  -> contact Jan 12, won Mar 10 09:00 (59 days after creation)
 *   L2 Jan 12 09:00 web      andi  -> lost Jan 20
 *   L3 Jan 15 09:00 web      budi  -> contacted, still open
 *   L4 Jan 20 10:00 event    budi  -> won Jan 25 10:00 (5 days)
 *   L5 Feb 03 09:00 web      citra -> never touched, open
 *   L8 Feb 20 09:00 referral citra -> won Mar 5 21:00 (13.5 days)
 *   L6 Mar 02 09:00 web      andi  -> won Mar 4 09:00 (2 days)
 *   L7 Apr 01 09:00 referral andi  -> open
 */
const pipeline = {
  leads: [
    { id: 'L1', created: '2026-01-10T09:00', source: 'referral', rep: 'andi', region: 'jakarta' },
    { id: 'L2', created: '2026-01-12T09:00', source: 'web', rep: 'andi', region: 'jakarta' },
    { id: 'L3', created: '2026-01-15T09:00', source: 'web', rep: 'budi', region: 'bandung' },
    { id: 'L4', created: '2026-01-20T10:00', source: 'event', rep: 'budi', region: 'bandung' },
    { id: 'L5', created: '2026-02-03T09:00', source: 'web', rep: 'citra', region: 'surabaya' },
    { id: 'L8', created: '2026-02-20T09:00', source: 'referral', rep: 'citra', region: 'surabaya' },
    { id: 'L6', created: '2026-03-02T09:00', source: 'web', rep: 'andi', region: 'jakarta' },
    { id: 'L7', created: '2026-04-01T09:00', source: 'referral', rep: 'andi', region: 'jakarta' },
  ],
  activities: [
    { at: '2026-01-12T09:00', type: 'contact', rep: 'andi', lead: 'L1' },
    { at: '2026-03-10T09:00', type: 'won', rep: 'andi', lead: 'L1', customer: 'C1' },
    { at: '2026-01-12T10:00', type: 'contact', rep: 'andi', lead: 'L2' },
    { at: '2026-01-20T10:00', type: 'lost', rep: 'andi', lead: 'L2' },
    { at: '2026-01-16T09:00', type: 'contact', rep: 'budi', lead: 'L3' },
    { at: '2026-01-25T10:00', type: 'won', rep: 'budi', lead: 'L4', customer: 'C2' },
    { at: '2026-02-21T09:00', type: 'contact', rep: 'citra', lead: 'L8' },
    { at: '2026-03-05T21:00', type: 'won', rep: 'citra', lead: 'L8', customer: 'C3' },
    { at: '2026-03-04T09:00', type: 'won', rep: 'andi', lead: 'L6', customer: 'C4' },
  ],
} satisfies FixtureInput;

describe('new-leads', () => {
  it('counts the leads created in each month', () => {
    const r = compute(pipeline);
    expect(r.at('new-leads', '2026-01').value).toBe(4); // L1-L4
    expect(r.at('new-leads', '2026-02').value).toBe(2); // L5, L8
    expect(r.at('new-leads', '2026-03').value).toBe(1); // L6
    expect(r.at('new-leads', '2026-Q1').value).toBe(4 + 2 + 1);
    expect(r.at('new-leads', '2026').value).toBe(8);
  });

  it('places a lead by its company-local date: 2026-03-31T20:00Z is April 1 in Jakarta', () => {
    const r = compute({
      leads: [
        { id: 'FEB', created: '2026-03-01T01:00+09:00' }, // 2026-02-28 23:00 in Jakarta
        { id: 'MAR', created: '2026-03-10T09:00' },
        { id: 'APR-1', created: '2026-03-31T20:00Z' }, // 2026-04-01 03:00 in Jakarta
        { id: 'APR-2', created: '2026-04-30T23:30+07:00' }, // still April 30 in Jakarta
        { id: 'MAY', created: '2026-04-30T17:30Z' }, // 2026-05-01 00:30 in Jakarta
      ],
    });
    expect(r.labels('month')).toEqual(['2026-02', '2026-03', '2026-04', '2026-05']);
    expect(r.at('new-leads', '2026-02').value).toBe(1);
    expect(r.at('new-leads', '2026-03').value).toBe(1);
    expect(r.at('new-leads', '2026-04').value).toBe(2);
    expect(r.at('new-leads', '2026-05').value).toBe(1);
  });

  it('breaks down by source, region and assigned rep', () => {
    const jan = compute(pipeline).at('new-leads', '2026-01');
    expect(members(jan, 'source')).toEqual({ referral: 1, web: 2, event: 1 });
    expect(members(jan, 'region')).toEqual({ jakarta: 2, bandung: 2, surabaya: 0 });
    expect(members(jan, 'rep')).toEqual({ andi: 2, budi: 2, citra: 0 });
  });

  it('is 0 in an empty month', () => {
    const r = compute({ leads: [{ id: 'L1', created: '2026-01-10T09:00' }], emptyMonths: ['2026-02'] });
    expect(r.at('new-leads', '2026-02').value).toBe(0);
  });
});

describe('lead-conversion-rate', () => {
  it('is the share of the month cohort won by the end of the data', () => {
    const r = compute(pipeline);
    expect(r.at('lead-conversion-rate', '2026-01').value).toBeCloseTo(2 / 4, 9); // L1 (won in March) and L4, of L1-L4
    expect(r.at('lead-conversion-rate', '2026-02').value).toBeCloseTo(1 / 2, 9); // L8 of L5, L8
    expect(r.at('lead-conversion-rate', '2026-04').value).toBe(0); // L7 still open
  });

  it('credits a lead won two months later to the cohort of its creation month, not to the month of the win', () => {
    const r = compute(pipeline);
    // L1 (created January, won March) raises January; March's cohort is L6 alone.
    expect(r.at('lead-conversion-rate', '2026-03').value).toBe(1 / 1);
    const onlyL1 = compute({
      leads: [pipeline.leads[0]!],
      activities: [pipeline.activities[0]!, pipeline.activities[1]!],
    });
    expect(onlyL1.at('lead-conversion-rate', '2026-01').value).toBe(1);
    expect(onlyL1.at('new-leads', '2026-03').value).toBe(0);
    expectNone(onlyL1.at('lead-conversion-rate', '2026-03'), 'zero-denominator'); // no March cohort
  });

  it('marks cohorts younger than 60 days at the end of the data as maturing', () => {
    const r = compute(pipeline);
    // The data ends 2026-04-30. January ends Jan 31 (+60 days = Apr 1) and February ends
    // Feb 28 (+60 days = Apr 29): both at least 60 days old. March (Mar 31 + 60 = May 30) and
    // April are not.
    expect(r.at('lead-conversion-rate', '2026-01').notes).not.toContain('maturing');
    expect(r.at('lead-conversion-rate', '2026-02').notes).not.toContain('maturing');
    expect(r.at('lead-conversion-rate', '2026-03').notes).toContain('maturing');
    expect(r.at('lead-conversion-rate', '2026-04').notes).toContain('maturing');
    expect(r.at('lead-conversion-rate', '2026-Q1').notes).toContain('maturing'); // ends Mar 31
    // A KPI without maturity_days is never maturing.
    expect(r.at('new-leads', '2026-04').notes).not.toContain('maturing');
  });

  it('computes a quarter cohort from all the leads created in it', () => {
    const r = compute(pipeline);
    expect(r.at('lead-conversion-rate', '2026-Q1').value).toBeCloseTo(4 / 7, 9); // won L1, L4, L8, L6 of L1-L6, L8
  });

  it('breaks down by source, region and assigned rep', () => {
    const jan = compute(pipeline).at('lead-conversion-rate', '2026-01');
    expect(members(jan, 'source')).toEqual({ referral: 1, web: 0, event: 1 }); // {L1}/{L1}, 0/{L2, L3}, {L4}/{L4}
    expect(member(jan, 'region', 'jakarta').value).toBeCloseTo(1 / 2, 9); // L1 of L1, L2
    expect(member(jan, 'region', 'bandung').value).toBeCloseTo(1 / 2, 9); // L4 of L3, L4
    expect(member(jan, 'rep', 'andi').value).toBeCloseTo(1 / 2, 9);
    expect(member(jan, 'rep', 'budi').value).toBeCloseTo(1 / 2, 9);
    expectNone(member(jan, 'rep', 'citra'), 'zero-denominator');
  });

  it('has no value in a month without new leads (zero-denominator)', () => {
    const r = compute({ leads: [{ id: 'L1', created: '2026-01-10T09:00' }], emptyMonths: ['2026-02'] });
    expectNone(r.at('lead-conversion-rate', '2026-02'), 'zero-denominator');
  });
});

describe('time-to-convert', () => {
  it('takes the median days from creation to win, for the leads won in the period', () => {
    const r = compute(pipeline);
    // Won in March: L1 59 days (Jan 10 -> Mar 10: 31 + 28), L8 13.5 days (Feb 20 09:00 -> Mar 5 21:00),
    // L6 2 days. Median 13.5 (the mean would be 24.83).
    expect(r.at('time-to-convert', '2026-03').value).toBeCloseTo(13.5, 9);
    expect(r.at('time-to-convert', '2026-01').value).toBeCloseTo(5, 9); // L4, Jan 20 10:00 -> Jan 25 10:00
  });

  it('places a lead created in January and won in March in March', () => {
    const r = compute({ leads: [pipeline.leads[0]!], activities: [pipeline.activities[0]!, pipeline.activities[1]!] });
    expectNone(r.at('time-to-convert', '2026-01'), 'no-data');
    expect(r.at('time-to-convert', '2026-03').value).toBeCloseTo(31 + 28, 9); // 59
  });

  it('has no value in a month without wins (no-data), never NaN', () => {
    const r = compute(pipeline);
    expectNone(r.at('time-to-convert', '2026-02'), 'no-data');
    expectNone(r.at('time-to-convert', '2026-04'), 'no-data');
  });

  it('takes the median of all the quarter wins, the mean of the middle two for an even count', () => {
    const r = compute(pipeline);
    expect(r.at('time-to-convert', '2026-Q1').value).toBeCloseTo((5 + 13.5) / 2, 9); // sorted 2, 5, 13.5, 59
  });

  it('breaks down by source, region and assigned rep', () => {
    const mar = compute(pipeline).at('time-to-convert', '2026-03');
    expect(member(mar, 'source', 'referral').value).toBeCloseTo((59 + 13.5) / 2, 9); // L1, L8
    expect(member(mar, 'source', 'web').value).toBeCloseTo(2, 9); // L6
    expectNone(member(mar, 'source', 'event'), 'no-data');
    expect(member(mar, 'region', 'jakarta').value).toBeCloseTo((59 + 2) / 2, 9); // L1, L6
    expect(member(mar, 'region', 'surabaya').value).toBeCloseTo(13.5, 9); // L8
    expect(member(mar, 'rep', 'citra').value).toBeCloseTo(13.5, 9);
  });
});
