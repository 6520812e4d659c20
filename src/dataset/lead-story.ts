/**
 * A lead's story, as its activities tell it. The one place that decides, for every lead, when it
 * was first contacted, first touched, won (and which customer it became) and lost, and for every
 * activity whether its lead was still open then, which lead-day it falls on and how many hours
 * passed since the lead's previous touch. Pure; build-dataset.ts turns the story into the leads'
 * and activities' fields (fields.ts says what each means).
 *
 * A lead's activities are read in time order; two at the same instant (which can only come from
 * one month file, where a record sits by its local month) in the order of their ids.
 */
import { ACTIVITY_TYPE_CODES, LOST, WON } from '../ingest/chunk.ts';

const HOUR = 3_600_000;

/**
 * A touch: an activity in which the rep speaks with the lead (contact, follow-up, meeting, and
 * won, which closes a sale with the lead). Lost is a record of the outcome, not a touch. The one
 * home of the rule: the leads' first touch and the activities' `touch` field both read it.
 */
export const TOUCHES: ReadonlySet<number> = new Set(['contact', 'follow-up', 'meeting', 'won'].map((t) => ACTIVITY_TYPE_CODES.indexOf(t as never)));

/** The activities, one row each (all month files in reading order). */
export interface ActivityRows {
  /** The lead (row of the leads) the activity is about; -1 for none. */
  lead: Int32Array;
  /** When it happened: milliseconds since 1970 (UTC). */
  at: Float64Array;
  /** The company-local day it happened on (any day number: only equality matters). */
  day: Int32Array;
  /** Its type, a code into ACTIVITY_TYPE_CODES. */
  type: Uint8Array;
  /** The rank of its id within its month file: orders activities at the same instant as their ids do. */
  idRank: Int32Array;
  /** The customer (row of customers.yaml) it names; -1 for none. Read for won activities only. */
  customer: Int32Array;
}

/** Per lead (index: lead row); NaN or -1 where the activities do not tell. */
export interface LeadOutcomes {
  /** The lead's first activity of any type. */
  firstActivityAt: Float64Array;
  /** Its first touch; none when the lead was lost before any touch. */
  firstTouchAt: Float64Array;
  /** Its first won activity, and the customer that one names. */
  wonAt: Float64Array;
  wonCustomer: Int32Array;
  /** Its first lost activity. */
  lostAt: Float64Array;
}

/** Per activity (index: activity row); only for activities with a lead. */
export interface ActivityMoments {
  /** 1 when the activity came before the lead was won or lost (at the same instant: no longer open). */
  leadOpen: Uint8Array;
  /** One code per (lead, company-local day), counted up lead by lead in time order; -1 without a lead. */
  leadDay: Int32Array;
  /** For a touch while the lead is open: hours since the lead's previous such touch (NaN for the first). */
  hoursSincePreviousTouch: Float64Array;
}

export interface LeadStories {
  leads: LeadOutcomes;
  activities: ActivityMoments;
}

export function leadStories(activities: ActivityRows, leadCount: number): LeadStories {
  const { at, day, type } = activities;
  const count = at.length;
  const leads: LeadOutcomes = {
    firstActivityAt: new Float64Array(leadCount).fill(NaN),
    firstTouchAt: new Float64Array(leadCount).fill(NaN),
    wonAt: new Float64Array(leadCount).fill(NaN),
    wonCustomer: new Int32Array(leadCount).fill(-1),
    lostAt: new Float64Array(leadCount).fill(NaN),
  };
  const moments: ActivityMoments = { leadOpen: new Uint8Array(count), leadDay: new Int32Array(count).fill(-1), hoursSincePreviousTouch: new Float64Array(count).fill(NaN) };
  const { firstOf, rows } = activitiesByLead(activities, leadCount);
  let leadDays = 0;
  for (let lead = 0; lead < leadCount; lead++) {
    const first = firstOf[lead]!;
    const end = firstOf[lead + 1]!;
    if (first === end) continue;
    putInTimeOrder(rows, first, end, activities);

    let wonAt = NaN;
    let lostAt = NaN;
    let wonCustomer = -1;
    for (let i = first; i < end; i++) {
      const r = rows[i]!;
      if (type[r] === WON && Number.isNaN(wonAt)) {
        wonAt = at[r]!;
        wonCustomer = activities.customer[r]!;
      }
      if (type[r] === LOST && Number.isNaN(lostAt)) lostAt = at[r]!;
    }

    const closedAt = Math.min(Number.isNaN(wonAt) ? Infinity : wonAt, Number.isNaN(lostAt) ? Infinity : lostAt);
    let previousTouchAt = NaN;
    for (let i = first; i < end; i++) {
      const r = rows[i]!;
      const open = at[r]! < closedAt;
      moments.leadOpen[r] = open ? 1 : 0;
      if (open && TOUCHES.has(type[r]!)) {
        if (!Number.isNaN(previousTouchAt)) moments.hoursSincePreviousTouch[r] = (at[r]! - previousTouchAt) / HOUR;
        previousTouchAt = at[r]!;
      }
    }

    for (let i = first; i < end; i++) {
      const r = rows[i]!;
      if (i === first || day[r] !== day[rows[i - 1]!]) leadDays++;
      moments.leadDay[r] = leadDays - 1;
    }

    leads.firstActivityAt[lead] = at[rows[first]!]!;
    leads.firstTouchAt[lead] = firstTouchAt(rows, first, end, activities);
    leads.wonAt[lead] = wonAt;
    leads.wonCustomer[lead] = wonCustomer;
    leads.lostAt[lead] = lostAt;
  }
  return { leads, activities: moments };
}

/**
 * The activity rows grouped by lead (a counting sort), in reading order within a lead: lead l's
 * rows are rows[firstOf[l]] .. rows[firstOf[l + 1] - 1]. Activities without a lead are left out.
 */
function activitiesByLead({ lead }: ActivityRows, leadCount: number): { firstOf: Int32Array; rows: Int32Array } {
  const firstOf = new Int32Array(leadCount + 1);
  for (let r = 0; r < lead.length; r++) if (lead[r]! >= 0) firstOf[lead[r]! + 1]!++;
  for (let l = 0; l < leadCount; l++) firstOf[l + 1]! += firstOf[l]!;
  const next = firstOf.slice(0, leadCount);
  const rows = new Int32Array(firstOf[leadCount]!);
  for (let r = 0; r < lead.length; r++) if (lead[r]! >= 0) rows[next[lead[r]!]!++] = r;
  return { firstOf, rows };
}

/** Sorts rows[first .. end - 1] by time, ties by id (an insertion sort: a lead has few activities, mostly in order already). */
function putInTimeOrder(rows: Int32Array, first: number, end: number, { at, idRank }: ActivityRows): void {
  for (let i = first + 1; i < end; i++) {
    const r = rows[i]!;
    let j = i - 1;
    for (; j >= first && happensBefore(r, rows[j]!, at, idRank); j--) rows[j + 1] = rows[j]!;
    rows[j + 1] = r;
  }
}

/** Activity x happened before y: earlier, or at the same instant with an earlier id. */
function happensBefore(x: number, y: number, at: Float64Array, idRank: Int32Array): boolean {
  return at[x]! < at[y]! || (at[x] === at[y] && idRank[x]! < idRank[y]!);
}

/** The first touch among a lead's activities in time order, unless a lost one comes before it (NaN). */
function firstTouchAt(rows: Int32Array, first: number, end: number, { at, type }: ActivityRows): number {
  for (let i = first; i < end; i++) {
    const r = rows[i]!;
    if (type[r] === LOST) return NaN;
    if (TOUCHES.has(type[r]!)) return at[r]!;
  }
  return NaN;
}
