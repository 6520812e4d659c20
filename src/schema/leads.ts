import { z } from 'zod';
import { dateTime, id, records, text } from './fields.ts';

/** One lead (a prospect) in data/YYYY/MM/leads.yaml, filed in the month it was created. */
export const leadSchema = z.strictObject({
  /** Unique lead id. @example L-2026-03-0001 */
  id,
  /** When the lead came in; without an offset it is company time. @example 2026-03-04T09:15 */
  created: dateTime,
  /** Who the prospect is. @example Warung Bu Sri */
  name: text.optional(),
  /** A lead source id from company.yaml. @example referral */
  source: id,
  /** The rep the lead is assigned to. @example andi */
  rep: id,
  /** A region id from company.yaml. @example jabodetabek */
  region: id,
  /** A segment id from company.yaml, when known. @example retail */
  segment: id.optional(),
});

/** data/YYYY/MM/leads.yaml: the leads created this month, a list. */
export const leadsSchema = records(leadSchema);

export type LeadInput = z.input<typeof leadSchema>;
export type Lead = z.output<typeof leadSchema>;
