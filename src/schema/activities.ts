import { z } from 'zod';
import { dateTime, freeText, id, records } from './fields.ts';

export const ACTIVITY_TYPES = ['contact', 'follow-up', 'meeting', 'won', 'lost'] as const;

/**
 * One thing that happened to a lead or a customer, in data/YYYY/MM/activities.yaml.
 * `won` closes a lead and names the customer it became; `lost` closes it without one.
 */
export const activitySchema = z.strictObject({
  /** Unique activity id. @example A-2026-03-0001 */
  id,
  /** When it happened; without an offset it is company time. @example 2026-03-04T10:30 */
  at: dateTime,
  /** contact (first or any call/visit), follow-up, meeting, won or lost. */
  type: z.enum(ACTIVITY_TYPES, { error: 'must be contact, follow-up, meeting, won or lost' }),
  /** The rep who did it. @example andi */
  rep: id,
  /** The lead it concerns (a lead id from any leads.yaml). @example L-2026-03-0001 */
  lead: id.optional(),
  /** The customer it concerns; required on won: the customer the lead became. @example C0412 */
  customer: id.optional(),
  /** Free text. */
  note: freeText.optional(),
});

/** data/YYYY/MM/activities.yaml: the month's activities, a list. */
export const activitiesSchema = records(activitySchema);

export type ActivityInput = z.input<typeof activitySchema>;
export type Activity = z.output<typeof activitySchema>;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
