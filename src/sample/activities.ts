/**
 * A month's activities file: the lead activities planned into this month, plus visits and
 * calls to existing customers (about as many as there are orders).
 */
import { dateTimeOf, MINUTES_PER_DAY, type Month } from './calendar.ts';
import { seq, servingRep, sortByKey, widthFor, type Ctx, type PlannedActivity } from './context.ts';
import type { Rng } from './random.ts';
import { isActive } from './world.ts';

export interface ActivityRecord {
  id: string;
  at: string;
  type: PlannedActivity['type'];
  rep: string;
  lead?: string | undefined;
  customer?: string | undefined;
  reason?: string | undefined;
  note?: string | undefined;
}

const VISIT_TYPES: PlannedActivity['type'][] = ['meeting', 'follow-up', 'contact'];
const VISIT_WEIGHTS = [30, 45, 25];
const VISIT_NOTES = ['Kunjungan rutin', 'Cek stok dan display', 'Penagihan', 'Tawarkan produk baru', 'Keluhan pengiriman', 'Tawarkan paket Lebaran'];

/** Adds the month's customer visits to the planned lead activities; returns them all, sorted. */
export function planActivities(ctx: Ctx, month: Month, visits: number, rng: Rng): PlannedActivity[] {
  const acts = ctx.plannedActivities[month.index]!;
  const workdays: number[] = [];
  for (let d = month.start; d < month.end; d++) if (ctx.cal.isWorking(d)) workdays.push(d);
  const buyers = ctx.customers.filter((c) => c.sinceDay < month.end && c.churnDay > month.start);
  for (let i = 0; i < visits && workdays.length && buyers.length; i++) {
    const day = rng.pick(workdays);
    const c = rng.pick(buyers);
    if (c.sinceDay > day || day >= c.churnDay) continue;
    const t = day * MINUTES_PER_DAY + rng.int(8 * 60, 17 * 60);
    const note = rng.chance(0.1) ? rng.pick(VISIT_NOTES) : undefined;
    acts.push({ t, type: VISIT_TYPES[rng.weighted(VISIT_WEIGHTS)]!, rep: servingRep(c, day), customer: c.id, note });
  }
  const base = month.start * MINUTES_PER_DAY;
  return sortByKey(acts, (a) => a.t - base, (month.end - month.start) * MINUTES_PER_DAY);
}

/** The records, with ids, made one by one while writing (undefined fields are left out). */
export function* activityRecords(month: Month, acts: PlannedActivity[]): Generator<ActivityRecord> {
  const width = widthFor(acts.length);
  for (let i = 0; i < acts.length; i++) {
    const a = acts[i]!;
    yield { id: `A-${month.label}-${seq(i + 1, width)}`, at: dateTimeOf(a.t), type: a.type, rep: a.rep, lead: a.lead, customer: a.customer, reason: a.reason, note: a.note };
  }
}

/**
 * The month's lead work, for the targets: leads handled and won (sales conversion), and the
 * distinct leads each rep touched each day (contact, follow-up, meeting or won) against the reps'
 * working days (leads contacted per day).
 */
export function countLeadWork(ctx: Ctx, month: Month, acts: PlannedActivity[]): void {
  const handled = new Set<string>();
  const contacted = new Set<string>();
  let won = 0;
  let lost = 0;
  for (const a of acts) {
    if (a.lead === undefined) continue;
    handled.add(a.lead);
    if (a.type === 'won') won++;
    if (a.type === 'lost') lost++;
    if (a.type !== 'lost') contacted.add(`${a.rep} ${a.lead} ${Math.floor(a.t / MINUTES_PER_DAY)}`);
  }
  let repDays = 0;
  for (let d = month.start; d < month.end; d++) {
    if (ctx.cal.isWorking(d)) for (const rep of ctx.reps) if (isActive(rep, d)) repDays++;
  }
  const stats = ctx.stats[month.index]!;
  stats.leadsHandled = handled.size;
  stats.leadsWon = won;
  stats.leadsLost = lost;
  stats.repLeadContacts = contacted.size;
  stats.repWorkingDays = repDays;
}
