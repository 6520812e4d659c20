/**
 * What evaluating a formula reads: the one place that says how a formula breaks down into other
 * formulas, aggregations (with which operation and filters) and retention. The interpreter
 * (evaluate.ts) reads their values through it and the scan planner (plan-scans.ts) walks the same
 * reads to note the scans ahead, so the two cannot drift apart.
 */
import type { Aggregation, AggregationOp, Filter, Formula } from '../kpi/schema.ts';
import type { DatasetName } from '../dataset/fields.ts';

/** An aggregation's operation; a share's two parts are counts or sums of their own kind. */
export type Op = AggregationOp | 'share-count' | 'share-sum';

export type RetentionSpec = Extract<Formula, { op: 'retention' }>['spec'];
export type PerFormula = Extract<Formula, { op: 'per_working_day' | 'per_rep' }>;
export type GrowthFormula = Extract<Formula, { op: 'growth' }>;

/** An aggregation as the scans take it: the operation, what it aggregates, the filters its rows pass (all of them). */
export interface AggregationRead {
  op: Op;
  spec: Aggregation;
  filters: Filter[];
}

/** How a walker reads each kind of input; T is what it gets back (a series, or nothing for the planner). */
export interface FormulaReader<T> {
  /** The formula of the KPI with this id. */
  kpi(id: string): T;
  /** Another formula, with the caller's breakdowns. */
  formula(f: Formula): T;
  /** Another formula broken down by one field only (the rep field of a rate per rep). */
  byField(f: Formula, field: string): T;
  aggregation(a: AggregationRead): T;
  retention(spec: RetentionSpec): T;
}

/** A formula's inputs as read, by kind of formula; the interpreter combines them. */
export type Reads<T> =
  | { op: 'kpi'; value: T }
  | { op: 'ratio'; numerator: T; denominator: T }
  | { op: 'share'; part: T; whole: T }
  | { op: 'growth'; formula: GrowthFormula; of: T }
  | { op: 'per'; formula: PerFormula; of: T; byRep: T | null }
  | { op: 'retention'; value: T }
  | { op: 'aggregation'; value: T };

/** Reads a formula's inputs, in the order the interpreter needs them. */
export function readFormula<T>(f: Formula, read: FormulaReader<T>): Reads<T> {
  switch (f.op) {
    case 'kpi':
      return { op: 'kpi', value: read.kpi(f.id) };
    case 'ratio': {
      const numerator = read.formula(f.numerator);
      return { op: 'ratio', numerator, denominator: read.formula(f.denominator) };
    }
    case 'share': {
      // The share of the rows (or of a field's sum) that pass `where`, among those within `within`.
      const { of, where, within, field, at } = f.spec;
      const spec: Aggregation = { of: of as DatasetName, ...(field ? { field } : {}), ...(at ? { at } : {}) };
      const op = field ? 'share-sum' : 'share-count';
      const base = within ? [within] : [];
      const part = read.aggregation({ op, spec, filters: [...base, where] });
      return { op: 'share', part, whole: read.aggregation({ op, spec, filters: base }) };
    }
    case 'growth':
      return { op: 'growth', formula: f, of: read.formula(f.of) };
    case 'per_working_day':
    case 'per_rep': {
      const of = read.formula(f.of);
      // Per rep, each rep's own value: the formula broken down by the rep field.
      const byRep = f.op === 'per_rep' || f.per === 'rep' ? read.byField(f.of, f.field) : null;
      return { op: 'per', formula: f, of, byRep };
    }
    case 'retention':
      return { op: 'retention', value: read.retention(f.spec) };
    default:
      return { op: 'aggregation', value: read.aggregation({ op: f.op, spec: f.spec, filters: f.spec.where ? [f.spec.where] : [] }) };
  }
}
