/** What every part of the generator shares: the period, the calendar, the team, the customers. */
import type { Month, WorkCalendar } from './calendar.ts';
import type { Rep } from './world.ts';

export interface Customer {
  id: string;
  name: string;
  region: string;
  segment: string;
  /** The account owner today (the last entry of its ownership history in customers.yaml). */
  owner: string;
  since: string;
  sinceDay: number;
  /** First day the customer no longer buys (Infinity: still buying). */
  churnDay: number;
  /** How often the customer orders, relative to others. */
  weight: number;
  /** Before `handoverDay` the account was served by `prevOwner` (a rep who left, or before a new rep joined). */
  prevOwner?: string;
  handoverDay?: number;
  /** Index of the month of the first order in the generated period, -1 before it (for "new customers"). */
  firstOrderMonth: number;
  /** Per category index: the last day the customer bought it (-1: never) and the highest tier that day (for line kinds). */
  lastDay?: number[];
  lastTier?: number[];
}

/** What happened in a month, as the targets need it (targets are planned from what happened). */
export interface MonthStats {
  net: number;
  orders: number;
  /** Units (the sum of line quantities). */
  units: number;
  netByRegion: Map<string, number>;
  /** By the rep who recorded the order. */
  netByRep: Map<string, number>;
  /** By the customer's account owner on the order's day (the ownership history of customers.yaml). */
  netByOwner: Map<string, number>;
  /** By the product category of each line. */
  netByCategory: Map<string, number>;
  /** Net of the lines sold as cross-sell or up-sell. */
  crossUpNet: number;
  /** Net from customers whose first order came in an earlier month. */
  existingNet: number;
  newCustomers: number;
  /** Leads created this month, those first contacted within 24 hours, and those won (in the period). */
  leads: number;
  within24h: number;
  won: number;
  scoreSum: number;
  scoreCount: number;
  /** Customers who ordered last month, and those of them who ordered again this month. */
  lastMonthBuyers: number;
  retained: number;
  /**
   * Customers active (an order in the 90 days before) at the month's start, and those of them
   * still active at its end; the same for the quarter and the twelve months that end with it.
   */
  active: number;
  kept: number;
  quarterActive: number;
  quarterKept: number;
  yearActive: number;
  yearKept: number;
  /** Leads with any activity this month, and those of them won this month. */
  leadsHandled: number;
  leadsWon: number;
  /** Leads with a lost activity this month. */
  leadsLost: number;
  /** Leads contacted (contact, follow-up, meeting), counted once per rep who contacted them, and the reps' working days. */
  repLeadContacts: number;
  repWorkingDays: number;
}

/** An activity planned for a later month's file (a lead's life spans months). */
export interface PlannedActivity {
  t: number;
  type: 'contact' | 'follow-up' | 'meeting' | 'won' | 'lost';
  rep: string;
  lead?: string | undefined;
  customer?: string | undefined;
  /** A lost activity's reason (a LOST_REASONS id). */
  reason?: string | undefined;
  note?: string | undefined;
}

/** The first order of a newly won customer, planned when the lead is won. */
export interface PlannedOrder {
  day: number;
  customer: Customer;
  rep: string;
}

export interface Ctx {
  seed: number;
  ordersPerMonth: number;
  months: Month[];
  /** First day of the period and the day after it. */
  start: number;
  end: number;
  cal: WorkCalendar;
  reps: Rep[];
  repById: Map<string, Rep>;
  customers: Customer[];
  customersByRegion: Map<string, Customer[]>;
  /** Width of the number in customer ids (C0001). */
  customerIdWidth: number;
  stats: MonthStats[];
  /** Per month index: activities and first orders planned into it. */
  plannedActivities: PlannedActivity[][];
  plannedOrders: PlannedOrder[][];
}

/** The index of the month a day falls in, or -1 outside the period. */
export function monthIndexOf(ctx: Ctx, day: number): number {
  if (day < ctx.start || day >= ctx.end) return -1;
  let lo = 0;
  let hi = ctx.months.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.months[mid]!.start <= day) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The rep who serves a customer on a day. */
export function servingRep(c: Customer, day: number): string {
  return c.handoverDay !== undefined && day < c.handoverDay ? c.prevOwner! : c.owner;
}

/** The rep who acts for `repId` on a day: a rep who has left is replaced by their successor. */
export function actingRep(ctx: Ctx, repId: string, day: number): string {
  const rep = ctx.repById.get(repId)!;
  return day > rep.last && rep.leaves ? rep.leaves.successor : repId;
}

export function emptyStats(): MonthStats {
  return {
    net: 0,
    orders: 0,
    units: 0,
    netByRegion: new Map(),
    netByRep: new Map(),
    netByOwner: new Map(),
    netByCategory: new Map(),
    crossUpNet: 0,
    existingNet: 0,
    newCustomers: 0,
    leads: 0,
    within24h: 0,
    won: 0,
    scoreSum: 0,
    scoreCount: 0,
    lastMonthBuyers: 0,
    retained: 0,
    active: 0,
    kept: 0,
    quarterActive: 0,
    quarterKept: 0,
    yearActive: 0,
    yearKept: 0,
    leadsHandled: 0,
    leadsWon: 0,
    leadsLost: 0,
    repLeadContacts: 0,
    repWorkingDays: 0,
  };
}

/** Zero-padded sequence number: at least 4 digits, more when a month holds more records. */
export function seq(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function widthFor(count: number): number {
  return Math.max(4, String(count).length);
}

/**
 * Sorts by a small integer key (a minute or day within the month), stable and in linear time:
 * a month of a million-order sample has hundreds of thousands of activities to sort.
 */
export function sortByKey<T>(items: T[], key: (item: T) => number, size: number): T[] {
  const counts = new Int32Array(size + 1);
  for (const it of items) counts[key(it) + 1]!++;
  for (let i = 1; i <= size; i++) counts[i]! += counts[i - 1]!;
  const out = new Array<T>(items.length);
  for (const it of items) out[counts[key(it)]!++] = it;
  return out;
}

/** The activity window of customer-retention-rate (kpis/customer-retention-rate.yaml, window_days). */
export const RETENTION_WINDOW_DAYS = 90;
