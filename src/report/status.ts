/** Attainment and status, aware of direction: for "lower is better" beating the target means being below it. */
export type Status = 'on-track' | 'at-risk' | 'off-track';

// Attainment computed from sums of fractions carries float noise (0.6 / 0.6000000000000001).
const EPSILON = 1e-9;

/** The status of an attainment ratio. */
export function statusOfAttainment(a: number, atRisk: number): Status {
  return a >= 1 - EPSILON ? 'on-track' : a >= atRisk - EPSILON ? 'at-risk' : 'off-track';
}

export function attainmentOf(value: number | null, target: number | null, direction: 'higher' | 'lower'): number | null {
  if (value === null || target === null) return null;
  if (direction === 'higher') return target === 0 ? null : value / target;
  return value === 0 ? null : target / value;
}

export function statusOf(value: number | null, target: number | null, direction: 'higher' | 'lower', atRisk: number): Status | null {
  if (value === null || target === null) return null;
  const a = attainmentOf(value, target, direction);
  if (a === null) {
    // A zero target (higher) or a zero value (lower): met when on the right side of it.
    return (direction === 'higher' ? value >= target : value <= target) ? 'on-track' : 'off-track';
  }
  // A negative target (e.g. shrinking less) flips the ratio's meaning: compare plainly.
  if (target < 0 || value < 0) return (direction === 'higher' ? value >= target : value <= target) ? 'on-track' : 'off-track';
  return statusOfAttainment(a, atRisk);
}
