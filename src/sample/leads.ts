/**
 * Leads and their life: created this month, first contact (usually within a day), follow-ups,
 * maybe a meeting, then won or lost, or left open. The whole life is planned when the lead is
 * created; its activities are queued into the months they fall in (up to ~3 months later).
 * A won lead becomes a customer from the won date on, with a first order soon after.
 */
import { dateTimeOf, MINUTES_PER_DAY, type Month } from './calendar.ts';
import { actingRep, monthIndexOf, seq, sortByKey, widthFor, type Ctx, type Customer, type PlannedActivity } from './context.ts';
import { addWonCustomer } from './customers.ts';
import { shopName } from './names.ts';
import { WeightedTable, type Rng } from './random.ts';
import { isActive, LEAD_SOURCES, REGIONS, SEGMENTS, type Vocabulary } from './world.ts';

export interface LeadRecord {
  id: string;
  created: string;
  name: string | undefined;
  source: string;
  rep: string;
  region: string;
  segment: string | undefined;
}

interface NewLead {
  t: number;
  name: string | undefined;
  source: (typeof LEAD_SOURCES)[number];
  rep: string;
  region: (typeof REGIONS)[number];
  segment: string | undefined;
}

const HOUR = 60;
const DAY = MINUTES_PER_DAY;
/** A lead's life ends at the latest this long after it came in. */
const MAX_LIFE = 100 * DAY;

/**
 * Why leads are lost (company.yaml lost_reasons): the first five are what reps used to write in a
 * lost activity's note, now a reason; `other` is for anything else. 3 in 10 lost leads give none
 * (unspecified), as old data does.
 */
export const LOST_REASONS: Vocabulary[] = [
  { id: 'price', name: { id: 'Harga kurang bersaing', en: 'Price not competitive' } },
  { id: 'competitor', name: { id: 'Sudah punya pemasok tetap', en: 'Already has a regular supplier' } },
  { id: 'shop_closed', name: { id: 'Toko tutup', en: 'Shop closed' } },
  { id: 'no_response', name: { id: 'Tidak ada respons', en: 'No response' } },
  { id: 'payment_terms', name: { id: 'Minta tempo pembayaran terlalu panjang', en: 'Wanted too long to pay' } },
  { id: 'other', name: { id: 'Lainnya', en: 'Other' } },
];
const GIVEN_REASONS = LOST_REASONS.slice(0, 5);

const SOURCE_TABLE = new WeightedTable(LEAD_SOURCES.map((s) => s.share));
const SEGMENT_TABLE = new WeightedTable(SEGMENTS.map((s) => s.share));

/** Creates the month's leads (sorted, with ids) and plans their activities. */
export function createLeads(ctx: Ctx, month: Month, perRegion: number[], rng: Rng): LeadRecord[] {
  const leads: NewLead[] = [];
  const officeDays = dayTable(ctx, month, false);
  const anyDays = dayTable(ctx, month, true);
  REGIONS.forEach((region, r) => {
    const regionReps = ctx.reps.filter((x) => x.region === region.id);
    for (let i = 0; i < perRegion[r]!; i++) {
      const source = LEAD_SOURCES[SOURCE_TABLE.draw(rng)]!;
      const days = source.anyHour ? anyDays : officeDays;
      const day = days.days[days.table.draw(rng)]!;
      const minute = source.anyHour ? rng.int(6 * HOUR, 23 * HOUR - 1) : rng.int(8 * HOUR, 17 * HOUR - 1);
      const reps = regionReps.filter((x) => isActive(x, day));
      const rep = reps[rng.weighted(reps.map((x) => x.weight))]!;
      const segment = rng.chance(0.85) ? SEGMENTS[SEGMENT_TABLE.draw(rng)]!.id : undefined;
      const name = rng.chance(0.9) ? shopName(rng, segment ?? 'toko-kelontong', rng.pick(region.cities)) : undefined;
      leads.push({ t: day * DAY + minute, source, rep: rep.id, region, segment, name });
    }
  });
  const base = month.start * DAY;
  const sorted = sortByKey(leads, (l) => l.t - base, (month.end - month.start) * DAY);
  const width = widthFor(leads.length);
  const stats = ctx.stats[month.index]!;
  // Undefined fields (name, segment) are left out by the YAML writer.
  return sorted.map((lead, i) => {
    const id = `L-${month.label}-${seq(i + 1, width)}`;
    const life = new LeadLife(ctx, lead, id, rng);
    const firstContact = life.plan();
    stats.leads++;
    if (life.wonInPeriod) stats.won++;
    if (firstContact !== undefined && firstContact - lead.t <= 24 * HOUR) stats.within24h++;
    return { id, created: dateTimeOf(lead.t), name: lead.name, source: lead.source.id, rep: lead.rep, region: lead.region.id, segment: lead.segment };
  });
}

/** Plans one lead's activities into the month queues. */
class LeadLife {
  private t: number;
  private readonly acts: PlannedActivity[] = [];
  wonInPeriod = false;

  constructor(
    private readonly ctx: Ctx,
    private readonly lead: NewLead,
    private readonly id: string,
    private readonly rng: Rng,
  ) {
    this.t = lead.t;
  }

  /** Returns the time of the first contact, if there is one. */
  plan(): number | undefined {
    const { ctx, lead, rng } = this;
    const rep = ctx.repById.get(lead.rep)!;
    if (!rng.chance(0.95 * Math.min(1, lead.region.health + 0.1))) return undefined; // never contacted

    // First contact: the rep's habit (improving a little over the period) decides whether it
    // comes within hours or days.
    const progress = (lead.t / DAY - ctx.start) / (ctx.end - ctx.start);
    const delay = rng.chance(rep.speed * (1 + 0.05 * progress)) ? 5 + Math.min(20 * HOUR, Math.round(rng.exp(3 * HOUR))) : rng.int(26 * HOUR, 6 * DAY);
    const firstContact = this.moveTo(lead.t + delay);
    this.add('contact');

    const winChance = Math.min(0.6, 0.1 * lead.source.quality * rep.skill * lead.region.health);
    const r = rng.next();
    const outcome = r < winChance ? 'won' : r < winChance + 0.45 ? 'lost' : 'open';
    const followUps = rng.weighted([20, 30, 25, 15, 10]) + (outcome === 'won' ? 1 : 0);
    const meetingAt = rng.chance(outcome === 'won' ? 0.7 : 0.3) ? rng.int(0, followUps - 1) : -1;
    // Some leads take their time: their contacts are further apart.
    const pace = rng.chance(0.25) ? 2.5 : 1;
    for (let i = 0; i < followUps; i++) {
      const next = this.nextStep(pace);
      if (next > lead.t + MAX_LIFE) break;
      this.moveTo(next);
      this.add(i === meetingAt ? 'meeting' : i % 3 === 2 ? 'contact' : 'follow-up');
    }
    if (outcome !== 'open') {
      const close = this.nextStep(pace);
      this.moveTo(close <= lead.t + MAX_LIFE ? close : this.t + HOUR);
      if (outcome === 'lost') this.add('lost', undefined, undefined, rng.chance(0.7) ? rng.pick(GIVEN_REASONS).id : undefined);
      else this.won();
    }
    for (const a of this.acts) {
      const m = monthIndexOf(ctx, Math.floor(a.t / DAY));
      if (m >= 0) ctx.plannedActivities[m]!.push(a);
    }
    return firstContact;
  }

  /** The lead becomes a customer (if that happens inside the period) and orders soon. */
  private won(): void {
    const { ctx, lead, rng } = this;
    const day = Math.floor(this.t / DAY);
    if (day >= ctx.end) return;
    const winner = ctx.repById.get(actingRep(ctx, lead.rep, day))!;
    const customer = addWonCustomer(ctx, rng, { name: lead.name, region: lead.region.id, segment: lead.segment }, winner, this.t);
    this.add('won', customer.id);
    this.wonInPeriod = true;
    planFirstOrder(ctx, customer, winner.id, day, rng);
  }

  /** About 1-10 days later (longer for slow leads), at some hour. */
  private nextStep(pace: number): number {
    const rng = this.rng;
    return this.t + Math.round((1 + rng.exp(3.5 * pace)) * DAY) + rng.int(-2 * HOUR, 4 * HOUR);
  }

  /** Moves the clock forward to the first working moment at or after `t`. */
  private moveTo(t: number): number {
    this.t = this.ctx.cal.nextWorkingTime(t, this.rng);
    return this.t;
  }

  private add(type: PlannedActivity['type'], customer?: string, note?: string, reason?: string): void {
    const rep = actingRep(this.ctx, this.lead.rep, Math.floor(this.t / DAY));
    this.acts.push({ t: this.t, type, rep, lead: this.id, customer, reason, note });
  }
}

/** A new customer orders within a few working days of being won. */
function planFirstOrder(ctx: Ctx, customer: Customer, rep: string, wonDay: number, rng: Rng): void {
  let day = wonDay + rng.int(0, 4);
  while (!ctx.cal.isWorking(day)) day++;
  if (day >= customer.churnDay) return;
  const m = monthIndexOf(ctx, day);
  if (m >= 0) ctx.plannedOrders[m]!.push({ day, customer, rep: actingRep(ctx, rep, day) });
}

/** Days of the month to draw lead creation from: working days, or every day for messages. */
function dayTable(ctx: Ctx, month: Month, anyDay: boolean) {
  const days: number[] = [];
  const weights: number[] = [];
  for (let d = month.start; d < month.end; d++) {
    const w = ctx.cal.isWorking(d) ? 1 : anyDay ? 0.3 : 0;
    if (w > 0) {
      days.push(d);
      weights.push(w);
    }
  }
  return { days, table: new WeightedTable(weights) };
}
