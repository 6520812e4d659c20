import type { z } from 'zod';
import { records } from './fields.ts';
import { ACTIVITY_FIELDS, recordSchema } from './record-fields.ts';

/**
 * One thing that happened to a lead or a customer, in data/YYYY/MM/activities.yaml (fields:
 * record-fields.ts ACTIVITY_FIELDS). `won` closes a lead and names the customer it became; `lost`
 * closes it without one.
 */
export const activitySchema = recordSchema(ACTIVITY_FIELDS);

/** data/YYYY/MM/activities.yaml: the month's activities, a list. */
export const activitiesSchema = records(activitySchema);

export type ActivityInput = z.input<typeof activitySchema>;
export type Activity = z.output<typeof activitySchema>;
