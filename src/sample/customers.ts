/** The customer base: shops that buy before the period starts, and those won from leads. */
import { dateOf, MINUTES_PER_DAY } from './calendar.ts';
import { seq, type Ctx, type Customer } from './context.ts';
import { shopName } from './names.ts';
import type { Rng } from './random.ts';
import { isActive, REGIONS, SEGMENTS, type Rep } from './world.ts';

/** Monthly chance that an existing / a newly won shop stops buying from us. */
const CHURN_EXISTING = 0.015;
const CHURN_NEW = 0.03;

export function initialCustomerCount(ordersPerMonth: number): number {
  return Math.max(12, Math.round(ordersPerMonth * 0.8));
}

/** The shops that are customers when the period starts (about 400 for 500 orders a month). */
export function createInitialCustomers(ctx: Ctx, rng: Rng): void {
  const count = initialCustomerCount(ctx.ordersPerMonth);
  const regionShares = REGIONS.map((r) => r.share);
  for (let i = 0; i < count; i++) {
    // The first customers go round the regions so that each has some even when count is small.
    const region = i < REGIONS.length * 3 ? REGIONS[i % REGIONS.length]! : REGIONS[rng.weighted(regionShares)]!;
    const reps = ctx.reps.filter((r) => r.region === region.id && isActive(r, ctx.start));
    const owner = reps[rng.weighted(reps.map((r) => r.weight))]!;
    const sinceDay = ctx.start - rng.int(30, 6 * 365);
    addCustomer(ctx, rng, { region: region.id, segment: pickSegment(rng), rep: owner, sinceDay, churn: CHURN_EXISTING });
  }
  handOver(ctx, rng);
}

/** A lead won on `wonAt` becomes a customer, owned by the rep who won it. */
export function addWonCustomer(ctx: Ctx, rng: Rng, lead: { name?: string; region: string; segment?: string }, rep: Rep, wonAt: number): Customer {
  const sinceDay = Math.floor(wonAt / MINUTES_PER_DAY);
  const c = addCustomer(ctx, rng, { region: lead.region, segment: lead.segment ?? pickSegment(rng), rep, sinceDay, churn: CHURN_NEW, name: lead.name });
  if (rep.leaves && rep.last < ctx.end) {
    c.owner = rep.leaves.successor;
    c.prevOwner = rep.id;
    c.handoverDay = rep.last + 1;
  }
  return c;
}

function addCustomer(
  ctx: Ctx,
  rng: Rng,
  a: { region: string; segment: string; rep: Rep; sinceDay: number; churn: number; name?: string },
): Customer {
  const region = REGIONS.find((r) => r.id === a.region)!;
  const segment = SEGMENTS.find((s) => s.id === a.segment)!;
  const from = Math.max(a.sinceDay, ctx.start);
  const churnAfter = from + Math.round(rng.exp(30.4 / a.churn));
  const c: Customer = {
    id: 'C' + seq(ctx.customers.length + 1, ctx.customerIdWidth),
    name: a.name ?? shopName(rng, a.segment, rng.pick(region.cities)),
    region: a.region,
    segment: a.segment,
    owner: a.rep.id,
    since: dateOf(a.sinceDay),
    sinceDay: a.sinceDay,
    churnDay: churnAfter < ctx.end ? churnAfter : Infinity,
    weight: Math.exp(0.35 * rng.normal()) * segment.frequency,
    firstOrderMonth: -1,
  };
  ctx.customers.push(c);
  ctx.customersByRegion.get(c.region)!.push(c);
  return c;
}

function pickSegment(rng: Rng): string {
  return SEGMENTS[rng.weighted(SEGMENTS.map((s) => s.share))]!.id;
}

/**
 * Accounts that change hands: the accounts of a rep who leaves go to the successor the day after
 * their last day, and a rep who joins takes over part of a colleague's accounts on the day they
 * join (served by the colleague until then). customers.yaml shows both as ownership histories.
 */
function handOver(ctx: Ctx, rng: Rng): void {
  for (const rep of ctx.reps) {
    if (rep.leaves && rep.last < ctx.end) {
      for (const c of ctx.customers) {
        if (c.owner !== rep.id) continue;
        c.owner = rep.leaves.successor;
        c.prevOwner = rep.id;
        c.handoverDay = rep.last + 1;
      }
    }
    if (rep.joinsMidway) {
      for (const c of ctx.customers) {
        if (c.owner !== rep.joinsMidway.takesFrom || !rng.chance(rep.joinsMidway.share)) continue;
        c.owner = rep.id;
        c.prevOwner = rep.joinsMidway.takesFrom;
        c.handoverDay = rep.first;
      }
    }
  }
}

/**
 * customers.yaml records, in id order. An account that changed hands shows its history: the
 * previous owner since always, then the new one from the day they took over (the day after a
 * leaver's last day, or the day a new rep joined).
 */
export function customerRecords(ctx: Ctx) {
  return ctx.customers.map((c) => ({
    id: c.id,
    name: c.name,
    region: c.region,
    segment: c.segment,
    ...(c.handoverDay !== undefined ? { owners: [{ rep: c.prevOwner! }, { rep: c.owner, from: dateOf(c.handoverDay) }] } : { owner: c.owner }),
    since: c.since,
  }));
}
