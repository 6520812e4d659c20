import { z } from 'zod';
import { id, records, targetValue } from './fields.ts';

/** A period label: a month 2026-03, a fiscal quarter 2026-Q1, a fiscal year 2026 or an ISO week 2026-W05 (calendar/weeks.ts). */
export const periodLabel = z
  .string({ error: 'must be a period: 2026-03, 2026-Q1, 2026 or a week 2026-W05' })
  .regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4]|-W(0[1-9]|[1-4]\d|5[0-3]))?$/, { error: 'must be a period: 2026-03, 2026-Q1, 2026 or a week 2026-W05' });

/** One target in data/targets/YYYY.yaml. */
export const targetSchema = z.strictObject({
  /** The KPI id. @example net-sales */
  kpi: id,
  /** The period, within the file's year (a week: the fiscal year of its fourth day). @example 2026-03 */
  period: z.union([periodLabel, z.int().transform(String)], {
    error: 'must be a period: 2026-03, 2026-Q1, 2026 or a week 2026-W05',
  }),
  /** The target value in the KPI's unit (percent as a fraction: 0.25 = 25 %). @example 4500000000 */
  value: targetValue,
  /** Only for this rep. @example andi */
  rep: id.optional(),
  /** Only for this region. @example jabodetabek */
  region: id.optional(),
  /** Only for this product category. @example minuman */
  category: id.optional(),
});

/** data/targets/YYYY.yaml: targets for one (fiscal) year, a list. */
export const targetsSchema = records(targetSchema);

export type Target = z.output<typeof targetSchema>;
