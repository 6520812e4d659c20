/**
 * The KPI definition format, kpis/*.yaml. A formula is a small algebra written as YAML: each node
 * has exactly one operation key. See docs/kpi-definitions.md for one example per construct.
 */
import { z } from 'zod';
import { id, localized, text } from '../schema/fields.ts';
import { DATASET_NAMES } from '../dataset/fields.ts';

export const GROUPS = ['volume', 'value', 'pipeline', 'time', 'retention', 'team'] as const;
const UNITS = ['currency', 'percent', 'count', 'days', 'hours', 'score', 'per-day'] as const;
/** The grains a KPI can be reported at; `week` only when declared (ISO weeks, calendar/weeks.ts). */
const GRAIN_NAMES = ['week', 'month', 'quarter', 'year'] as const;
export type KpiGrain = (typeof GRAIN_NAMES)[number];
export const FREQUENCIES = ['weekly', 'monthly', 'quarterly', 'yearly'] as const;
/** The grain a review frequency looks at: a weekly KPI is shown and judged by the week. */
export const GRAIN_OF_FREQUENCY: Record<(typeof FREQUENCIES)[number], KpiGrain> = { weekly: 'week', monthly: 'month', quarterly: 'quarter', yearly: 'year' };
/**
 * The grain a KPI of each frequency is planned at: its review (a weekly KPI is discussed in the
 * month's review, reviews/YYYY-MM.mdx, never a file per week) and the targets asked of it (a weekly
 * KPI's weeks take theirs from its months, report/targets.ts).
 */
export const PLANNING_GRAIN_OF_FREQUENCY: Record<(typeof FREQUENCIES)[number], Exclude<KpiGrain, 'week'>> = { weekly: 'month', monthly: 'month', quarterly: 'quarter', yearly: 'year' };

const scalar = z.union([z.string(), z.number(), z.boolean()], { error: 'must be a text, number or true/false' });

/** A condition on one field. A plain value means equals; a list means one of. */
const condition = z.union(
  [
    scalar,
    z.array(scalar).min(1, { error: 'must list at least one value' }),
    z.strictObject({
      eq: scalar.optional(),
      ne: scalar.optional(),
      in: z.array(scalar).optional(),
      not_in: z.array(scalar).optional(),
      lt: z.number().optional(),
      lte: z.number().optional(),
      gt: z.number().optional(),
      gte: z.number().optional(),
      /** true: the field has a value; false: it has none. */
      exists: z.boolean().optional(),
      /** For time fields: relative to the period being computed. */
      period: z.enum(['in', 'before', 'after'], { error: 'must be in, before or after' }).optional(),
    })
      // An empty comparison would match every row.
      .refine((c) => Object.values(c).some((v) => v !== undefined), { error: 'must compare with something: eq, ne, in, not_in, lt, lte, gt, gte, exists or period' }),
  ],
  { error: 'must be a value, a list of values, or { eq | ne | in | not_in | lt | lte | gt | gte | exists | period: … }' },
);

export type Condition = z.output<typeof condition>;

/**
 * Field conditions, all of which must hold; `any:` for one-of, `not:` to negate. Only `any` and
 * `not` hold filters: under a field name a mapping is a comparison, so a misspelt operator
 * (`{ eqq: won }`) is an error rather than a nested filter that matches every row.
 */
export type Filter = { [field: string]: Condition | Filter[] | Filter | undefined; any?: Filter[]; not?: Filter };
const filterSchema: z.ZodType<Filter> = z.lazy(() =>
  z
    .object(
      {
        any: z.array(filterSchema, { error: 'must be a list of filters' }).optional(),
        not: filterSchema.optional(),
      },
      { error: 'must be a mapping of field: condition' },
    )
    .catchall(condition),
) as z.ZodType<Filter>;

const datasetName = z.enum(DATASET_NAMES, { error: `must be a dataset: ${DATASET_NAMES.join(', ')}` });
const fieldName = z.string({ error: 'must be a field name' }).regex(/^[a-z][a-z0-9_]*$/, { error: 'must be a field name (lowercase, underscores)' });

/** An aggregation over a dataset. */
const aggregation = z.strictObject({
  /** The dataset. @example order_lines */
  of: datasetName,
  /** The field aggregated (not for count). @example net */
  field: fieldName.optional(),
  /** Only rows that match. @example { kind: [cross-sell, up-sell] } */
  where: filterSchema.optional(),
  /** The time field that places a row in a period (default: the dataset's own). @example won_at */
  at: fieldName.optional(),
  /** For percentile: which one, 0-1. @example 0.9 */
  p: z.number().min(0).max(1, { error: 'must be between 0 and 1' }).optional(),
});

export type Aggregation = z.output<typeof aggregation>;

export const AGGREGATIONS = ['count', 'count_distinct', 'sum', 'avg', 'median', 'percentile', 'min', 'max'] as const;
export type AggregationOp = (typeof AGGREGATIONS)[number];

export type Formula =
  | { op: AggregationOp; spec: Aggregation }
  | { op: 'share'; spec: { of: string; where: Filter; within?: Filter; field?: string; at?: string } }
  | { op: 'ratio'; numerator: Formula; denominator: Formula }
  | { op: 'growth'; of: Formula; vs: 'previous-period' | 'same-period-last-year' }
  | { op: 'per_working_day'; of: Formula; per: 'company' | 'rep'; field: string }
  | { op: 'per_rep'; of: Formula; field: string }
  | { op: 'retention'; spec: { of: string; entity: string; at?: string; window_days: number } }
  | { op: 'kpi'; id: string };

/** The formula as written: one operation key per node. */
export interface FormulaInput {
  [op: string]: unknown;
}

const formulaNode: z.ZodType<Formula, FormulaInput> = z.lazy(() =>
  z
    .strictObject({
      count: aggregation.optional(),
      count_distinct: aggregation.optional(),
      sum: aggregation.optional(),
      avg: aggregation.optional(),
      median: aggregation.optional(),
      percentile: aggregation.optional(),
      min: aggregation.optional(),
      max: aggregation.optional(),
      /** Share of rows (or of a field's sum) matching `where`, among those matching `within`. */
      share: z
        .strictObject({ of: datasetName, where: filterSchema, within: filterSchema.optional(), field: fieldName.optional(), at: fieldName.optional() })
        .optional(),
      ratio: z.strictObject({ numerator: formulaNode, denominator: formulaNode }).optional(),
      growth: z
        .strictObject({
          of: formulaNode,
          vs: z.enum(['previous-period', 'same-period-last-year'], { error: 'must be previous-period or same-period-last-year' }).default('previous-period'),
        })
        .optional(),
      /** Divided by working days: the company's, or (per: rep) each rep's, summed over reps. */
      per_working_day: z
        .strictObject({
          of: formulaNode,
          per: z.enum(['company', 'rep'], { error: 'must be company or rep' }).default('company'),
          /** The field naming the rep (per: rep). @example owner */
          field: fieldName.default('rep'),
        })
        .optional(),
      /** The average per rep: the total divided by the reps active in the period; each rep's own value as is. */
      per_rep: z.strictObject({ of: formulaNode, field: fieldName.default('rep') }).optional(),
      /**
       * Of the entities active at the start of the period (a row within window_days before it),
       * the share still active at its end (a row within window_days before the end).
       */
      retention: z
        .strictObject({
          of: datasetName,
          entity: fieldName,
          at: fieldName.optional(),
          /** The activity window in days. @example 90 */
          window_days: z.int({ error: 'must be a whole number of days' }).min(1, { error: 'must be at least 1 day' }).max(3660, { error: 'must be at most 3660 days (ten years)' }).default(90),
        })
        .optional(),
      /** Another KPI's value. @example net-sales */
      kpi: id.optional(),
    })
    .transform((node, ctx): Formula => {
      const ops = Object.keys(node).filter((k) => (node as Record<string, unknown>)[k] !== undefined);
      if (ops.length !== 1) {
        ctx.addIssue({ code: 'custom', message: ops.length ? `must have one operation, got ${ops.join(' and ')}` : 'must have one operation (sum, count, ratio, share, growth, …)' });
        return z.NEVER;
      }
      const op = ops[0]!;
      // After the check above, exactly the chosen operation's spec is present.
      const n = node as unknown as Record<string, Record<string, unknown>>;
      const spec = n[op]!;
      if (op === 'ratio') return { op, numerator: spec.numerator, denominator: spec.denominator } as Formula;
      if (op === 'growth') return { op, of: spec.of, vs: spec.vs } as Formula;
      if (op === 'per_working_day') return { op, of: spec.of, per: spec.per, field: spec.field } as Formula;
      if (op === 'per_rep') return { op, of: spec.of, field: spec.field } as Formula;
      if (op === 'kpi') return { op, id: n[op] as unknown as string };
      return { op, spec } as unknown as Formula;
    }),
);

export const formulaSchema = formulaNode;

/** A breakdown: a field name, or { by: the name shown, field: the dataset field used }. */
const breakdown = z
  .union([fieldName, z.strictObject({ by: fieldName, field: fieldName })], { error: 'must be a field name or { by: name, field: field }' })
  .transform((b) => (typeof b === 'string' ? { by: b, field: b } : b));

/** One KPI definition: kpis/<id>.yaml. */
export const kpiSchema = z.strictObject({
  /** Same as the file name. @example net-sales */
  id,
  /** @example { id: Penjualan Bersih, en: Net Sales } */
  title: localized,
  /** The method in words a sales manager understands, in both languages. */
  description: localized,
  /** The article's group. */
  group: z.enum(GROUPS, { error: `must be one of ${GROUPS.join(', ')}` }),
  unit: z.enum(UNITS, { error: `must be one of ${UNITS.join(', ')}` }),
  /** higher (more is better) or lower (less is better, e.g. days to close). */
  direction: z.enum(['higher', 'lower'], { error: 'must be higher or lower' }),
  /** The grains it is reported at (default month, quarter and year; week only when listed). */
  grains: z.array(z.enum(GRAIN_NAMES, { error: 'must be week, month, quarter or year' })).min(1).default(['month', 'quarter', 'year']),
  /** How often it is reviewed, and the grain the dashboard shows it at: one of its grains (kpi/check-kpis.ts). */
  frequency: z.enum(FREQUENCIES, { error: 'must be weekly, monthly, quarterly or yearly' }).default('monthly'),
  /** The goal it serves (an id in data/goals.yaml). @example grow-revenue */
  goal: id.optional(),
  /** Who answers for it. @example Sales Ops */
  owner: text.optional(),
  formula: formulaSchema,
  /** A companion value shown beside it (e.g. the share for an amount). */
  secondary: z
    .strictObject({ title: localized, unit: z.enum(UNITS, { error: `must be one of ${UNITS.join(', ')}` }), formula: formulaSchema })
    .optional(),
  /** Fields it can be broken down by. @example [region, category, rep] */
  breakdowns: z.array(breakdown).default([]),
  /**
   * How a value is judged against its target: `ratio` (attainment, value ÷ target) or `points`
   * (the difference value − target). Default: points for percent KPIs, ratio otherwise.
   */
  judge: z.enum(['ratio', 'points'], { error: 'must be ratio or points' }).optional(),
  /**
   * Status bands. ratio: attainment at or above 1 is on track, at or above at_risk at risk, below
   * off track. points: on the right side of the target is on track, short of it by at most
   * at_risk_points (points for percent KPIs) at risk. Defaults by unit: src/kpi/judging.ts.
   */
  thresholds: z
    .strictObject({
      at_risk: z.number().min(0).max(1, { error: 'must be between 0 and 1' }).optional(),
      at_risk_points: z.number().min(0, { error: 'must be 0 or more' }).optional(),
    })
    .optional(),
  /**
   * Whether month values add up to quarter and year values, so quarter and year targets can be
   * derived from month targets. Default: true for sum and count formulas.
   */
  additive: z.boolean().optional(),
  /** A period is still maturing until this many days after it ends (cohort KPIs). @example 60 */
  maturity_days: z.int().min(0).optional(),
});

export type KpiInput = z.input<typeof kpiSchema>;

/** Month values add up to quarter and year values. */
export function isAdditive(kpi: z.output<typeof kpiSchema>): boolean {
  return kpi.additive ?? (kpi.formula.op === 'sum' || kpi.formula.op === 'count');
}
export type Kpi = z.output<typeof kpiSchema>;
export type Breakdown = Kpi['breakdowns'][number];
