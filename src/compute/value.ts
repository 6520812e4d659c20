/** A computed number, or the reason there is none. Never NaN or Infinity. */
/**
 * window-before-data: a retention's base (the activity window before the period starts) reaches
 * before the first month of data, so who was active then is only partly known.
 */
export type Reason = 'no-data' | 'zero-denominator' | 'no-previous-period' | 'window-before-data' | 'not-applicable';

export interface Val {
  value: number | null;
  reason?: Reason;
}

export const none = (reason: Reason): Val => ({ value: null, reason });

export function val(x: number): Val {
  return Number.isFinite(x) ? { value: x } : none('no-data');
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
