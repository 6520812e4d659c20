/** The extent of a code or month column: its highest value, and its lowest value that is not "none" (-1). */

/** The highest value (-1 when empty). */
export function highest(xs: Int32Array): number {
  let hi = -1;
  for (let r = 0; r < xs.length; r++) if (xs[r]! > hi) hi = xs[r]!;
  return hi;
}

/** The lowest value >= 0 (0x7fffffff when none). */
export function lowest(xs: Int32Array): number {
  let lo = 0x7fffffff;
  for (let r = 0; r < xs.length; r++) {
    const x = xs[r]!;
    if (x >= 0 && x < lo) lo = x;
  }
  return lo;
}
