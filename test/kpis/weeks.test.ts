/**
 * The week grain of the sample's activity KPIs (new-leads, leads-contacted-per-day,
 * follow-up-24h), worked by hand from a wall calendar. Weeks are ISO weeks starting on Monday (the
 * base company's week_start is the default, mon), labelled by their week-year.
 *
 * Calendar: Monday 2026-01-26 to Sunday 2026-02-01 is 2026-W05 (a week spanning two months);
 * Monday 2026-03-16 to Sunday 2026-03-22 is 2026-W12 and Monday 2026-03-30 to Sunday 2026-04-05
 * 2026-W14; 2026 has 53 weeks: 2026-W53 runs from Monday 2026-12-28 to Sunday 2027-01-03, and
 * 2027-W01 starts on Monday 2027-01-04. 2026-12-01 is a Tuesday (in 2026-W49), 2027-01-31 a Sunday
 * (the last day of 2027-W04). Working days in the base company are Monday to Friday; the timezone
 * is Asia/Jakarta (UTC+7).
 */
import { describe, expect, it } from 'vitest';
import { compute, kpiDefinition, member, type FixtureInput } from './fixture.ts';

describe('the week grain of the activity KPIs', () => {
  it('is declared by the three activity KPIs, which are reviewed weekly', () => {
    for (const id of ['new-leads', 'leads-contacted-per-day', 'follow-up-24h']) {
      expect(kpiDefinition(id).grains).toEqual(['week', 'month', 'quarter', 'year']);
      expect(kpiDefinition(id).frequency).toBe('weekly');
    }
    // Opt-in: a KPI that does not list week has no weeks.
    expect(kpiDefinition('net-sales').grains).toEqual(['month', 'quarter', 'year']);
  });
});

describe('new-leads by the week: a week spanning two months (2026-W05)', () => {
  const work = {
    leads: [
      { id: 'L1', created: '2026-01-25T20:00' }, // Sunday: the last day of 2026-W04
      { id: 'L2', created: '2026-01-26T09:00' }, // Monday of 2026-W05
      { id: 'L3', created: '2026-01-25T17:30Z' }, // 00:30 on Monday 26 January in Jakarta: 2026-W05
      { id: 'L4', created: '2026-01-31T23:30', rep: 'budi' }, // Saturday of 2026-W05, still January
      { id: 'L5', created: '2026-02-01T10:00', rep: 'budi' }, // Sunday 1 February: 2026-W05 too
      { id: 'L6', created: '2026-02-02T08:00' }, // Monday of 2026-W06
    ],
  } satisfies FixtureInput;

  it('counts the leads of both months in the one week', () => {
    const r = compute(work);
    // W05: L2, L3, L4 (January) and L5 (February) = 4.
    expect(r.at('new-leads', '2026-W05').value).toBe(4);
    expect(r.at('new-leads', '2026-W04').value).toBe(1); // L1
    expect(r.at('new-leads', '2026-W06').value).toBe(1); // L6
    // The months split the same leads: January L1-L4 = 4, February L5, L6 = 2.
    expect(r.at('new-leads', '2026-01').value).toBe(4);
    expect(r.at('new-leads', '2026-02').value).toBe(2);
  });

  it('breaks the week down by rep', () => {
    const w05 = compute(work).at('new-leads', '2026-W05');
    expect(member(w05, 'rep', 'andi').value).toBe(2); // L2, L3
    expect(member(w05, 'rep', 'budi').value).toBe(2); // L4, L5
  });

  it("starts weeks on the company's week_start: with Sunday weeks, Sunday 25 January opens 2026-W04", () => {
    // Sunday weeks: week 1 is the week holding 4 January (a Sunday: 4-10 January), so 2026-W04 runs
    // from Sunday 25 to Saturday 31 January and 2026-W05 from Sunday 1 February.
    const r = compute({ ...work, company: { week_start: 'sun' } });
    expect(r.at('new-leads', '2026-W04').value).toBe(4); // L1 (Sunday), L2, L3, L4
    expect(r.at('new-leads', '2026-W05').value).toBe(2); // L5 (Sunday 1 February), L6
    expect(r.result.weeks!.find((w) => w.label === '2026-W04')).toMatchObject({ start: '2026-01-25', end: '2026-01-31' });
  });

  it('lists the weeks the data covers, the first and last partial', () => {
    const r = compute(work);
    // Data: January and February 2026, Thursday 1 January to Saturday 28 February.
    expect(r.labels('week')).toEqual(['2026-W01', '2026-W02', '2026-W03', '2026-W04', '2026-W05', '2026-W06', '2026-W07', '2026-W08', '2026-W09']);
    const w = r.result.weeks!;
    expect(w[0]).toMatchObject({ label: '2026-W01', start: '2025-12-29', end: '2026-01-04', partial: true });
    expect(w[4]).toMatchObject({ label: '2026-W05', start: '2026-01-26', end: '2026-02-01', partial: false });
    expect(w[8]).toMatchObject({ label: '2026-W09', start: '2026-02-23', end: '2026-03-01', partial: true });
    expect(r.at('new-leads', '2026-W09').notes).toContain('partial');
    expect(r.at('new-leads', '2026-W05').notes).toEqual([]);
    // No week of a KPI that does not declare it.
    expect(r.result.values['net-sales']!.week).toBeUndefined();
  });
});

describe('leads-contacted-per-day by the week: a holiday week (2026-W12)', () => {
  const leads = ['L1', 'L2', 'L3', 'L4', 'L5'].map((id) => ({ id, created: '2026-03-02T08:00' }));
  /** Friday 20 March 2026 is a holiday; budi left on Wednesday 18 March; citra joins after the data. */
  const march = {
    company: { holidays: [{ date: '2026-03-20', name: 'Hari Suci Nyepi' }] },
    team: [
      { id: 'andi', name: 'Andi Wijaya', region: 'jakarta', joined: '2025-01-01' },
      { id: 'budi', name: 'Budi Santoso', region: 'bandung', joined: '2025-01-01', left: '2026-03-18' },
      { id: 'citra', name: 'Citra Lestari', region: 'surabaya', joined: '2026-04-01' }, // after the data: no working day in it
    ],
    leads,
    activities: [
      { at: '2026-03-16T10:00', rep: 'andi', lead: 'L1' },
      { at: '2026-03-16T11:00', rep: 'andi', lead: 'L2' },
      { at: '2026-03-16T15:00', type: 'follow-up', rep: 'andi', lead: 'L1' }, // L1 again on the same day: once
      { at: '2026-03-17T10:00', type: 'follow-up', rep: 'andi', lead: 'L1' }, // L1 on another day: again
      { at: '2026-03-21T10:00', rep: 'andi', lead: 'L4' }, // a Saturday contact still counts
      { at: '2026-03-18T10:00', rep: 'budi', lead: 'L3' },
      ...['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27'].map((d) => ({ at: `${d}T10:00`, rep: 'andi', lead: 'L5' })),
      { at: '2026-03-31T10:00', rep: 'andi', lead: 'L2' },
    ],
  } satisfies FixtureInput;

  it('divides by the working days of the week, less the holiday, and by each rep’s own days', () => {
    const w12 = compute(march).at('leads-contacted-per-day', '2026-W12');
    // Working days of W12: Monday 16 to Thursday 19 (Friday 20 a holiday) = 4 for andi;
    // budi, who left on Wednesday 18: 16, 17, 18 = 3.
    // andi: (L1, 16), (L2, 16), (L1, 17), (L4, 21) = 4 lead-days over 4 days = 1.
    expect(member(w12, 'rep', 'andi').value).toBe(1);
    // budi: (L3, 18) = 1 over 3 days.
    expect(member(w12, 'rep', 'budi').value).toBeCloseTo(1 / 3, 12);
    // The team: (4 + 1) lead-days over (4 + 3) rep working days.
    expect(w12.value).toBeCloseTo(5 / 7, 12);
  });

  it('gives a full week its five days', () => {
    // W13 (23-29 March): andi contacts L5 each weekday, 5 over 5 days; budi has left, no days.
    expect(compute(march).at('leads-contacted-per-day', '2026-W13').value).toBe(1);
  });

  it('divides a partial last week by its working days within the data', () => {
    const w14 = compute(march).at('leads-contacted-per-day', '2026-W14');
    // W14 runs to Sunday 5 April but the data ends on Tuesday 31 March: andi's days 30, 31 = 2.
    expect(w14.value).toBe(1 / 2); // (L2, 31) over 2 days
    expect(w14.notes).toContain('partial');
  });
});

describe('follow-up-24h by the week: a week-53 year (2026-W53)', () => {
  const work = {
    leads: [
      { id: 'M1', created: '2026-12-28T09:00' }, // Monday of 2026-W53
      { id: 'M2', created: '2026-12-31T10:00' },
      { id: 'M3', created: '2027-01-03T20:00' }, // Sunday 3 January 2027: still 2026-W53
      { id: 'M4', created: '2027-01-04T09:00' }, // Monday of 2027-W01
    ],
    activities: [
      { at: '2026-12-28T15:00', lead: 'M1' }, // 6 hours: in time
      { at: '2027-01-02T10:00', lead: 'M2' }, // 48 hours: late
      { at: '2027-01-04T09:00', lead: 'M3' }, // 13 hours, in the next week: in time, for M3's week
      { at: '2027-01-04T10:00', lead: 'M4' }, // 1 hour
    ],
  } satisfies FixtureInput;

  it('puts the leads of 28 December to 3 January in 2026-W53 and judges them together', () => {
    const r = compute(work);
    // W53: M1 and M3 in time of M1, M2, M3 = 2/3.
    expect(r.at('follow-up-24h', '2026-W53').value).toBeCloseTo(2 / 3, 12);
    expect(r.at('follow-up-24h', '2027-W01').value).toBe(1); // M4
    // The months cut the same week in two: December M1 of M1, M2 = 1/2; January M3, M4 = 1.
    expect(r.at('follow-up-24h', '2026-12').value).toBe(1 / 2);
    expect(r.at('follow-up-24h', '2027-01').value).toBe(1);
  });

  it('runs its weeks from 2026-W49 to 2027-W04, 2026-W53 between 2026-W52 and 2027-W01', () => {
    const r = compute(work);
    expect(r.labels('week')).toEqual(['2026-W49', '2026-W50', '2026-W51', '2026-W52', '2026-W53', '2027-W01', '2027-W02', '2027-W03', '2027-W04']);
    const w53 = r.result.weeks!.find((w) => w.label === '2026-W53')!;
    expect(w53).toMatchObject({ start: '2026-12-28', end: '2027-01-03', partial: false });
    // 2027-W04 ends with the data on Sunday 31 January: complete, but its leads of the last day
    // are not 24 hours old yet (maturity_days 1), so it is still maturing.
    expect(r.at('follow-up-24h', '2027-W04').notes).toEqual(['maturing']);
    expect(r.at('follow-up-24h', '2026-W49').notes).toContain('partial');
  });
});
