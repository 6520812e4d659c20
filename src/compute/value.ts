/**
 * A computed number, or the reason there is none. Never NaN or Infinity: a result that is not a
 * finite number (a total past 1.8e308, a division by almost zero) is `not-finite`, which the
 * pipeline turns into an error naming the KPI, the period and the files to check; it is never
 * shown as "no data". window-before-data: a retention's base (the activity window before the
 * period starts) reaches before the first month of data, so who was active then is only partly known.
 */
export type Reason = 'no-data' | 'zero-denominator' | 'no-previous-period' | 'window-before-data' | 'not-applicable' | 'not-finite';

export interface Val {
  value: number | null;
  reason?: Reason;
}

export const none = (reason: Reason): Val => ({ value: null, reason });

export function val(x: number): Val {
  return Number.isFinite(x) ? { value: x } : none('not-finite');
}

/** One period of a series: the total and the value of each breakdown member (by code). */
export interface Cell {
  total: Val;
  /** breakdown name -> member code -> value */
  members: Record<string, Map<number, Val>>;
}

/** Values per period index of one grain. */
export type Series = Map<number, Cell>;

export function divide(n: Val, d: Val): Val {
  if (n.value === null) return n;
  if (d.value === null) return d;
  if (d.value === 0) return none('zero-denominator');
  return val(n.value / d.value);
}
