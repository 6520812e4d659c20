/**
 * The lead story, worked by hand: each case lists a few activities and the story they tell
 * (lead-story.ts): first activity, first touch (none when lost came first), won and its
 * customer, lost, whether the lead was open at each activity, lead-days and hours between
 * touches while open. Times are UTC; a day is a UTC day here (only equal days matter).
 */
import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPE_CODES } from '../../src/ingest/chunk.ts';
import { leadStories, TOUCHES, type ActivityRows } from '../../src/dataset/lead-story.ts';

type Type = (typeof ACTIVITY_TYPE_CODES)[number];
interface Row {
  lead: number;
  at: string;
  type: Type;
  /** Rank of the id within its month file (default: the row's position). */
  rank?: number;
  customer?: number;
}

const ms = (iso: string) => Date.parse(iso);

function activities(list: Row[]): ActivityRows {
  const n = list.length;
  const rows: ActivityRows = { lead: new Int32Array(n), at: new Float64Array(n), day: new Int32Array(n), type: new Uint8Array(n), idRank: new Int32Array(n), customer: new Int32Array(n) };
  list.forEach((a, r) => {
    rows.lead[r] = a.lead;
    rows.at[r] = ms(a.at);
    rows.day[r] = Math.floor(ms(a.at) / 86_400_000);
    rows.type[r] = ACTIVITY_TYPE_CODES.indexOf(a.type);
    rows.idRank[r] = a.rank ?? r;
    rows.customer[r] = a.customer ?? -1;
  });
  return rows;
}

describe('touches', () => {
  it('are contact, follow-up, meeting and won; lost is an outcome, not a touch', () => {
    expect([...TOUCHES].map((t) => ACTIVITY_TYPE_CODES[t]).sort()).toEqual(['contact', 'follow-up', 'meeting', 'won']);
  });
});

describe('leadStories', () => {
  it('a lead lost before any touch has no first touch, and is closed from the lost activity on', () => {
    const story = leadStories(
      activities([
        { lead: 0, at: '2026-01-05T10:00:00Z', type: 'lost' },
        { lead: 0, at: '2026-01-06T09:00:00Z', type: 'contact' },
      ]),
      1,
    );
    expect(story.leads.firstActivityAt[0]).toBe(ms('2026-01-05T10:00:00Z'));
    expect(story.leads.firstTouchAt[0]).toBeNaN();
    expect(story.leads.lostAt[0]).toBe(ms('2026-01-05T10:00:00Z'));
    expect(story.leads.wonAt[0]).toBeNaN();
    expect(story.leads.wonCustomer[0]).toBe(-1);
    // Lost at 10:00 closes the lead at 10:00: neither activity found it open.
    expect([...story.activities.leadOpen]).toEqual([0, 0]);
    expect([...story.activities.hoursSincePreviousTouch]).toEqual([NaN, NaN]);
    // Two days: lead-days 0 and 1.
    expect([...story.activities.leadDay]).toEqual([0, 1]);
  });

  it('a lead won at its first touch: first activity, first touch and won are one instant, the customer is the one won names', () => {
    const story = leadStories(
      activities([
        { lead: 0, at: '2026-02-02T08:00:00Z', type: 'contact' },
        { lead: 0, at: '2026-02-01T09:00:00Z', type: 'won', customer: 7 },
        { lead: 0, at: '2026-02-03T09:00:00Z', type: 'won', customer: 8 },
      ]),
      1,
    );
    const won = ms('2026-02-01T09:00:00Z');
    expect(story.leads.firstActivityAt[0]).toBe(won);
    expect(story.leads.firstTouchAt[0]).toBe(won);
    // The first won counts, with its customer (7, not the later one's 8).
    expect(story.leads.wonAt[0]).toBe(won);
    expect(story.leads.wonCustomer[0]).toBe(7);
    expect(story.leads.lostAt[0]).toBeNaN();
    // Nothing happened while the lead was open (won closes it at its own instant).
    expect([...story.activities.leadOpen]).toEqual([0, 0, 0]);
    expect([...story.activities.hoursSincePreviousTouch]).toEqual([NaN, NaN, NaN]);
  });

  it('two touches the same day share a lead-day; hours since the previous touch count while the lead is open', () => {
    const story = leadStories(
      activities([
        { lead: 0, at: '2026-03-02T09:00:00Z', type: 'contact' },
        { lead: 0, at: '2026-03-02T13:30:00Z', type: 'follow-up' },
        { lead: 0, at: '2026-03-03T09:00:00Z', type: 'meeting' },
        { lead: 0, at: '2026-03-04T15:00:00Z', type: 'won', customer: 2 },
      ]),
      1,
    );
    // 09:00 -> 13:30: 4.5 h; 13:30 -> 09:00 next day: 19.5 h; won closes the lead at its instant, so it is no gap.
    expect([...story.activities.hoursSincePreviousTouch]).toEqual([NaN, 4.5, 19.5, NaN]);
    expect([...story.activities.leadOpen]).toEqual([1, 1, 1, 0]);
    expect([...story.activities.leadDay]).toEqual([0, 0, 1, 2]);
    expect(story.leads.firstTouchAt[0]).toBe(ms('2026-03-02T09:00:00Z'));
    expect(story.leads.wonAt[0]).toBe(ms('2026-03-04T15:00:00Z'));
    expect(story.leads.wonCustomer[0]).toBe(2);
  });

  it('activities at the same instant are taken in the order of their ids', () => {
    // Lead 0: the contact's id comes first, so it is the first touch (lost at the same instant closes the lead there).
    // Lead 1: the lost one's id comes first, so the lead was lost before any touch.
    const story = leadStories(
      activities([
        { lead: 0, at: '2026-04-01T10:00:00Z', type: 'lost', rank: 2 },
        { lead: 0, at: '2026-04-01T10:00:00Z', type: 'contact', rank: 1 },
        { lead: 1, at: '2026-04-01T10:00:00Z', type: 'contact', rank: 4 },
        { lead: 1, at: '2026-04-01T10:00:00Z', type: 'lost', rank: 3 },
      ]),
      2,
    );
    expect(story.leads.firstTouchAt[0]).toBe(ms('2026-04-01T10:00:00Z'));
    expect(story.leads.firstTouchAt[1]).toBeNaN();
    expect(story.leads.lostAt[0]).toBe(ms('2026-04-01T10:00:00Z'));
    expect(story.leads.lostAt[1]).toBe(ms('2026-04-01T10:00:00Z'));
  });

  it('reads each lead in time order whatever the row order, numbers lead-days lead by lead, and leaves activities without a lead out', () => {
    const story = leadStories(
      activities([
        { lead: 1, at: '2026-05-10T09:00:00Z', type: 'contact' },
        { lead: -1, at: '2026-05-01T09:00:00Z', type: 'contact' },
        { lead: 0, at: '2026-05-03T12:00:00Z', type: 'follow-up' },
        { lead: 0, at: '2026-05-02T12:00:00Z', type: 'contact' },
      ]),
      3,
    );
    // Lead 0 first (days 05-02, 05-03: lead-days 0, 1), then lead 1 (05-10: lead-day 2).
    expect([...story.activities.leadDay]).toEqual([2, -1, 1, 0]);
    expect([...story.activities.leadOpen]).toEqual([1, 0, 1, 1]);
    // 05-02 12:00 -> 05-03 12:00: 24 h.
    expect([...story.activities.hoursSincePreviousTouch]).toEqual([NaN, NaN, 24, NaN]);
    expect(story.leads.firstActivityAt[0]).toBe(ms('2026-05-02T12:00:00Z'));
    expect(story.leads.firstActivityAt[1]).toBe(ms('2026-05-10T09:00:00Z'));
    // Lead 2 has no activity: nothing is known.
    expect(story.leads.firstActivityAt[2]).toBeNaN();
    expect(story.leads.firstTouchAt[2]).toBeNaN();
    expect(story.leads.wonAt[2]).toBeNaN();
    expect(story.leads.lostAt[2]).toBeNaN();
    expect(story.leads.wonCustomer[2]).toBe(-1);
  });

  it('a touch after the lead was lost is no gap and does not restart the count', () => {
    const story = leadStories(
      activities([
        { lead: 0, at: '2026-06-01T08:00:00Z', type: 'contact' },
        { lead: 0, at: '2026-06-01T10:00:00Z', type: 'lost' },
        { lead: 0, at: '2026-06-01T11:00:00Z', type: 'follow-up' },
      ]),
      1,
    );
    expect([...story.activities.leadOpen]).toEqual([1, 0, 0]);
    expect([...story.activities.hoursSincePreviousTouch]).toEqual([NaN, NaN, NaN]);
    expect(story.leads.firstTouchAt[0]).toBe(ms('2026-06-01T08:00:00Z'));
    expect([...story.activities.leadDay]).toEqual([0, 0, 0]);
  });
});
