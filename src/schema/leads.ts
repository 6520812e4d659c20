import type { z } from 'zod';
import { records } from './fields.ts';
import { LEAD_FIELDS, recordSchema } from './record-fields.ts';

/** One lead (a prospect) in data/YYYY/MM/leads.yaml, filed in the month it was created (fields: record-fields.ts LEAD_FIELDS). */
export const leadSchema = recordSchema(LEAD_FIELDS);

/** data/YYYY/MM/leads.yaml: the leads created this month, a list. */
export const leadsSchema = records(leadSchema);

export type LeadInput = z.input<typeof leadSchema>;
export type Lead = z.output<typeof leadSchema>;
