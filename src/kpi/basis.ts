/**
 * The records behind a KPI's value: what a reader counts to know whether a number rests on
 * enough of them to judge (a rep's conversion rate from 3 leads says little). One formula per
 * KPI, read from its own formula:
 *
 * - an aggregation counts the rows it reads (same dataset, filters and clock): order lines count
 *   as distinct orders and activities as distinct leads, so the count is of deals and leads, not
 *   of lines; a `count_distinct` counts the same distinct field;
 * - a ratio counts its denominator's records (conversion: the leads handled), a share the whole
 *   it divides by (`within`);
 * - growth, per working day and per rep count the records of what they transform, `kpi` those of
 *   the KPI it names;
 * - retention has none (its base is a window of earlier activity, not the period's records).
 *
 * Pure: a formula in, a formula (or null) out.
 */
import type { DatasetName } from '../dataset/fields.ts';
import type { Aggregation, Formula } from './schema.ts';

/** What the basis counts, as a noun the site's words name (order, lead, survey, customer, or a field's name). */
export type RecordNoun = string;

export interface Basis {
  formula: Formula;
  counts: RecordNoun;
}

/** Rows of a dataset counted as the thing they record: lines make an order, activities a lead. */
const DISTINCT: Partial<Record<DatasetName, string>> = { order_lines: 'order', activities: 'lead' };
const NOUN: Record<DatasetName, RecordNoun> = { orders: 'order', order_lines: 'order', leads: 'lead', activities: 'lead', surveys: 'survey' };

export function basisOf(formula: Formula, kpis: Map<string, { formula: Formula }>, seen: ReadonlySet<string> = new Set()): Basis | null {
  switch (formula.op) {
    case 'ratio':
      return basisOf(formula.denominator, kpis, seen);
    case 'growth':
    case 'per_working_day':
    case 'per_rep':
      return basisOf(formula.of, kpis, seen);
    case 'kpi': {
      const k = kpis.get(formula.id);
      return k && !seen.has(formula.id) ? basisOf(k.formula, kpis, new Set([...seen, formula.id])) : null;
    }
    case 'retention':
      return null;
    case 'share': {
      const { of, within, at } = formula.spec;
      return rows({ of: of as DatasetName, ...(within ? { where: within } : {}), ...(at ? { at } : {}) });
    }
    case 'count_distinct':
      if (!formula.spec?.of) return null;
      return formula.spec.field ? { formula: { op: 'count_distinct', spec: strip(formula.spec) }, counts: formula.spec.field } : rows(formula.spec);
    default:
      // (A definition the schema refused has no spec: no basis.)
      return formula.spec?.of ? rows(formula.spec) : null;
  }
}

function rows(spec: Aggregation | { of: DatasetName; where?: Aggregation['where']; at?: string }): Basis {
  const of = spec.of as DatasetName;
  const base = { of, ...(spec.where ? { where: spec.where } : {}), ...(spec.at ? { at: spec.at } : {}) };
  const field = DISTINCT[of];
  return field ? { formula: { op: 'count_distinct', spec: { ...base, field } }, counts: NOUN[of] } : { formula: { op: 'count', spec: base }, counts: NOUN[of] ?? of };
}

/** An aggregation's spec without its percentile. */
function strip(spec: Aggregation): Aggregation {
  const { p: _p, ...rest } = spec;
  return rest;
}
