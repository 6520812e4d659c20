/**
 * The frontmatter of a review, reviews/<period>.mdx: the team's monthly (quarterly, yearly)
 * evaluation, the article's last step of setting KPIs (monitor and evaluate regularly: compare
 * results with targets, find the cause, act). The MDX body below it is the manager's narrative.
 */
import { z } from 'zod';
import { date, id, text } from './fields.ts';

/** A period as the reports name it: 2026-10 (month), 2026-Q3 (fiscal quarter), 2026 (fiscal year). */
const PERIOD_RE = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;

const period = z
  .string({ error: 'must be a period: 2026-10, 2026-Q3 or 2026' })
  .regex(PERIOD_RE, { error: 'must be a period: 2026-10 (month), 2026-Q3 (quarter) or 2026 (year)' });

/** Why a KPI missed (or beat) its target, in the team's words. */
export const causeSchema = z.strictObject({
  /** The KPI it explains. @example net-sales */
  kpi: id,
  /** The region, rep, category or lost reason it is about; left out: the whole company. @example { region: sumatera-utara } */
  member: z
    .strictObject({ region: id.optional(), rep: id.optional(), category: id.optional(), lost_reason: id.optional() })
    .refine((m) => Object.keys(m).length === 1, { error: 'must name exactly one of region, rep, category or lost_reason' })
    .optional(),
  /** @example Dua distributor besar di Medan menunda order menunggu harga baru. */
  text,
});

const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;

/** What the team will do, who does it and by when. */
export const actionSchema = z.strictObject({
  /** Unique across the reviews; a later review repeats an action by its id to carry it over. @example 2026-10-1 */
  id,
  /** The KPI it should move. @example net-sales */
  kpi: id,
  /** The rep who answers for it (an id in data/team.yaml). @example hendra */
  owner: id,
  /** @example 2026-11-15 */
  due: date,
  status: z.enum(ACTION_STATUSES, { error: 'must be open, done or dropped' }),
  /** @example Kunjungi dua distributor Medan bersama tim trade marketing. */
  text,
});

/** A marker on the trend charts: a day or a period, optionally for one KPI, with a short label. */
export const annotationSchema = z.strictObject({
  /** A day (2026-03-31) or a period (2026-04). */
  when: z
    .string({ error: 'must be a date YYYY-MM-DD or a period like 2026-04' })
    .refine((s) => PERIOD_RE.test(s) || /^\d{4}-\d{2}-\d{2}$/.test(s), { error: 'must be a date YYYY-MM-DD or a period like 2026-04' }),
  /** Only on this KPI's charts; left out: on every trend chart. */
  kpi: id.optional(),
  /** At most 24 characters, so it fits on a chart. @example Lebaran */
  label: text.refine((s) => s.length <= 24, { error: 'must be at most 24 characters (it is drawn on the charts)' }),
});

export const reviewSchema = z.strictObject({
  /** The period reviewed; the file is named after it. @example 2026-10 */
  period,
  /** The language the review is written in. */
  lang: z.enum(['id', 'en'], { error: 'must be id or en' }).default('id'),
  /** Who took part: reps (ids in data/team.yaml). */
  participants: z.array(id).min(1, { error: 'must name at least one rep' }),
  causes: z.array(causeSchema).default([]),
  actions: z.array(actionSchema).default([]),
  annotations: z.array(annotationSchema).default([]),
});

export type Cause = z.output<typeof causeSchema>;
export type Action = z.output<typeof actionSchema>;
export type Annotation = z.output<typeof annotationSchema>;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

