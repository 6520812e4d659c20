/** Running aggregates, one per period and member, fed row by row. */
import type { AggregationOp } from '../kpi/schema.ts';
import { none, val, type Val } from './value.ts';

export interface Accumulator {
  add(x: number): void;
  result(): Val;
}

export function accumulator(op: AggregationOp | 'share-count' | 'share-sum', p = 0.5): Accumulator {
  switch (op) {
    case 'count':
    case 'share-count': {
      let n = 0;
      return { add: () => void n++, result: () => val(n) };
    }
    case 'sum':
    case 'share-sum': {
      let s = 0;
      return { add: (x) => void (s += x), result: () => val(s) };
    }
    case 'avg': {
      let s = 0;
      let n = 0;
      return { add: (x) => void ((s += x), n++), result: () => (n ? val(s / n) : none('no-data')) };
    }
    case 'min': {
      let m = Infinity;
      return { add: (x) => void (m = Math.min(m, x)), result: () => (m === Infinity ? none('no-data') : val(m)) };
    }
    case 'max': {
      let m = -Infinity;
      return { add: (x) => void (m = Math.max(m, x)), result: () => (m === -Infinity ? none('no-data') : val(m)) };
    }
    case 'count_distinct': {
      const seen = new Set<number>();
      return { add: (x) => void seen.add(x), result: () => val(seen.size) };
    }
    case 'median':
    case 'percentile': {
      const xs: number[] = [];
      const q = op === 'median' ? 0.5 : p;
      return { add: (x) => void xs.push(x), result: () => (xs.length ? val(quantile(xs, q)) : none('no-data')) };
    }
  }
}

/** Linear interpolation between closest ranks (the R-7 / Excel PERCENTILE.INC method). */
export function quantile(xs: ArrayLike<number>, q: number): number {
  const s = Float64Array.from(xs).sort();
  const h = (s.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

/** The value of an aggregation over no rows: 0 for counts and sums, none otherwise. */
export function emptyValue(op: AggregationOp | 'share-count' | 'share-sum'): Val {
  return op === 'count' || op === 'sum' || op === 'count_distinct' || op === 'share-count' || op === 'share-sum' ? val(0) : none('no-data');
}
