import { z } from 'zod';
import { id, localized, records, text } from './fields.ts';

/** One sales goal in data/goals.yaml: what the KPIs serve (step 1 of the article). */
export const goalSchema = z.strictObject({
  /** @example grow-revenue */
  id,
  /** @example { id: Tumbuhkan penjualan 20 %, en: Grow sales by 20 % } */
  title: localized,
  /** Why the goal matters and how it is judged. */
  description: localized.optional(),
  /** The KPI whose year target measures this goal. @example net-sales */
  kpi: id.optional(),
  /** Who answers for the goal. @example sari */
  owner: text.optional(),
});

/** data/goals.yaml: the goals, a list. */
export const goalsSchema = records(goalSchema);

export type Goal = z.output<typeof goalSchema>;
