/**
 * The scan kernels: the loops over the rows. Rows in table order (all, or the listed ones); per
 * row up to three spans (lut: month - base -> period index, or -1, with an optional 0/1 mask of
 * the rows that pass a filter in that span) and any number of breakdown fields (codes null: the
 * total). Cell k = period index * width + member code; target f * 3 + g.
 *
 * Why they look duplicated: each kernel is a copy of the same loop specialised by hand for one
 * job (sums; sums and counts; counts; per-month bins; value bins; bitsets; value by value), and
 * the three spans are three unrolled branches instead of an inner loop over spans. This is on
 * purpose: these loops run once per row and breakdown field, and V8 compiles a loop well when
 * every value in it keeps one type (monomorphic) and no callback, closure or branch on the job
 * sits in the inner loop; a generic kernel taking the job as a function or flag would pay for
 * that on every row. Change one kernel, change its siblings alike, and measure with
 * `npm run bench`.
 */
import type { ByValue } from './scan-cache.ts';

/** Per (month, member) sums or counts, in table order. */
export function binAddScan(rows: Int32Array | null, months: Int32Array, base: number, xs: Float64Array | null, codes: (Int32Array | null)[], widths: number[], S: Float64Array[] | null, C: Float64Array[] | null): void {
  const F = codes.length;
  const len = rows === null ? months.length : rows.length;
  for (let j = 0; j < len; j++) {
    const r = rows === null ? j : rows[j]!;
    const mo = months[r]!;
    if (mo < 0) continue;
    const x = xs === null ? 1 : xs[r]!;
    if (x !== x) continue;
    const rel = mo - base;
    for (let f = 0; f < F; f++) {
      const cd = codes[f]!;
      let m = 0;
      if (cd !== null) {
        m = cd[r]!;
        if (m < 0) continue;
      }
      const k = rel * widths[f]! + m;
      if (S !== null) {
        const s = S[f]!;
        s[k] = s[k]! + x;
      }
      if (C !== null) {
        const c = C[f]!;
        c[k] = c[k]! + 1;
      }
    }
  }
}

export function sumScan(
  rows: Int32Array | null,
  months: Int32Array,
  base: number,
  l0: Int32Array,
  l1: Int32Array,
  l2: Int32Array,
  m0: Uint8Array | null,
  m1: Uint8Array | null,
  m2: Uint8Array | null,
  xs: Float64Array,
  codes: (Int32Array | null)[],
  widths: number[],
  S: Float64Array[],
): void {
  const F = codes.length;
  const len = rows === null ? months.length : rows.length;
  for (let j = 0; j < len; j++) {
    const r = rows === null ? j : rows[j]!;
    const mo = months[r]!;
    if (mo < 0) continue;
    const x = xs[r]!;
    if (x !== x) continue;
    const rel = mo - base;
    const i0 = m0 !== null && m0[r] === 0 ? -1 : l0[rel]!;
    const i1 = m1 !== null && m1[r] === 0 ? -1 : l1[rel]!;
    const i2 = m2 !== null && m2[r] === 0 ? -1 : l2[rel]!;
    for (let f = 0; f < F; f++) {
      const cd = codes[f]!;
      let m = 0;
      if (cd !== null) {
        m = cd[r]!;
        if (m < 0) continue;
      }
      const w = widths[f]!;
      if (i0 >= 0) {
        const s = S[3 * f]!;
        const k = i0 * w + m;
        s[k] = s[k]! + x;
      }
      if (i1 >= 0) {
        const s = S[3 * f + 1]!;
        const k = i1 * w + m;
        s[k] = s[k]! + x;
      }
      if (i2 >= 0) {
        const s = S[3 * f + 2]!;
        const k = i2 * w + m;
        s[k] = s[k]! + x;
      }
    }
  }
}

export function sumCountScan(
  rows: Int32Array | null,
  months: Int32Array,
  base: number,
  l0: Int32Array,
  l1: Int32Array,
  l2: Int32Array,
  m0: Uint8Array | null,
  m1: Uint8Array | null,
  m2: Uint8Array | null,
  xs: Float64Array,
  codes: (Int32Array | null)[],
  widths: number[],
  S: Float64Array[],
  C: Float64Array[],
): void {
  const F = codes.length;
  const len = rows === null ? months.length : rows.length;
  for (let j = 0; j < len; j++) {
    const r = rows === null ? j : rows[j]!;
    const mo = months[r]!;
    if (mo < 0) continue;
    const x = xs[r]!;
    if (x !== x) continue;
    const rel = mo - base;
    const i0 = m0 !== null && m0[r] === 0 ? -1 : l0[rel]!;
    const i1 = m1 !== null && m1[r] === 0 ? -1 : l1[rel]!;
    const i2 = m2 !== null && m2[r] === 0 ? -1 : l2[rel]!;
    for (let f = 0; f < F; f++) {
      const cd = codes[f]!;
      let m = 0;
      if (cd !== null) {
        m = cd[r]!;
        if (m < 0) continue;
      }
      const w = widths[f]!;
      if (i0 >= 0) {
        const s = S[3 * f]!;
        const n = C[3 * f]!;
        const k = i0 * w + m;
        s[k] = s[k]! + x;
        n[k] = n[k]! + 1;
      }
      if (i1 >= 0) {
        const s = S[3 * f + 1]!;
        const n = C[3 * f + 1]!;
        const k = i1 * w + m;
        s[k] = s[k]! + x;
        n[k] = n[k]! + 1;
      }
      if (i2 >= 0) {
        const s = S[3 * f + 2]!;
        const n = C[3 * f + 2]!;
        const k = i2 * w + m;
        s[k] = s[k]! + x;
        n[k] = n[k]! + 1;
      }
    }
  }
}

export function countScan(
  rows: Int32Array | null,
  months: Int32Array,
  base: number,
  l0: Int32Array,
  l1: Int32Array,
  l2: Int32Array,
  m0: Uint8Array | null,
  m1: Uint8Array | null,
  m2: Uint8Array | null,
  codes: (Int32Array | null)[],
  widths: number[],
  C: Float64Array[],
): void {
  const F = codes.length;
  const len = rows === null ? months.length : rows.length;
  for (let j = 0; j < len; j++) {
    const r = rows === null ? j : rows[j]!;
    const mo = months[r]!;
    if (mo < 0) continue;
    const rel = mo - base;
    const i0 = m0 !== null && m0[r] === 0 ? -1 : l0[rel]!;
    const i1 = m1 !== null && m1[r] === 0 ? -1 : l1[rel]!;
    const i2 = m2 !== null && m2[r] === 0 ? -1 : l2[rel]!;
    for (let f = 0; f < F; f++) {
      const cd = codes[f]!;
      let m = 0;
      if (cd !== null) {
        m = cd[r]!;
        if (m < 0) continue;
      }
      const w = widths[f]!;
      if (i0 >= 0) C[3 * f]![i0 * w + m]!++;
      if (i1 >= 0) C[3 * f + 1]![i1 * w + m]!++;
      if (i2 >= 0) C[3 * f + 2]![i2 * w + m]!++;
    }
  }
}

/** Puts each row's value in its (month, member) bin, for each field, in table order. */
export function binFill(rows: Int32Array | null, months: Int32Array, base: number, xs: Float64Array, codes: (Int32Array | null)[], widths: number[], pos: Int32Array[], out: Float64Array[]): void {
  const F = codes.length;
  const len = rows === null ? months.length : rows.length;
  for (let j = 0; j < len; j++) {
    const r = rows === null ? j : rows[j]!;
    const mo = months[r]!;
    if (mo < 0) continue;
    const x = xs[r]!;
    if (x !== x) continue;
    const rel = mo - base;
    for (let f = 0; f < F; f++) {
      const cd = codes[f]!;
      let m = 0;
      if (cd !== null) {
        m = cd[r]!;
        if (m < 0) continue;
      }
      const k = rel * widths[f]! + m;
      const p = pos[f]!;
      out[f]![p[k]!] = x;
      p[k] = p[k]! + 1;
    }
  }
}

/**
 * Sets bit v of the (month, member) bitset of each row, for each field; notes per month the
 * lowest and highest value seen, so later steps read only the words in between.
 */
export function binBitScan(rows: Int32Array | null, months: Int32Array, base: number, values: Int32Array, codes: (Int32Array | null)[], widths: number[], W: number, bins: Uint32Array[], low: Int32Array, high: Int32Array): void {
  const F = codes.length;
  const len = rows === null ? months.length : rows.length;
  for (let j = 0; j < len; j++) {
    const r = rows === null ? j : rows[j]!;
    const mo = months[r]!;
    if (mo < 0) continue;
    const v = values[r]!;
    if (v < 0) continue;
    const rel = mo - base;
    const word = v >>> 5;
    const bit = 1 << (v & 31);
    if (word < low[rel]!) low[rel] = word;
    if (word > high[rel]!) high[rel] = word;
    for (let f = 0; f < F; f++) {
      const cd = codes[f]!;
      let m = 0;
      if (cd !== null) {
        m = cd[r]!;
        if (m < 0) continue;
      }
      const b = bins[f]!;
      const x = (rel * widths[f]! + m) * W + word;
      b[x] = b[x]! | bit;
    }
  }
}

export function bitScan(
  rows: Int32Array | null,
  months: Int32Array,
  base: number,
  l0: Int32Array,
  l1: Int32Array,
  l2: Int32Array,
  m0: Uint8Array | null,
  m1: Uint8Array | null,
  m2: Uint8Array | null,
  values: Int32Array,
  codes: (Int32Array | null)[],
  widths: number[],
  W: number,
  bits: Uint32Array[],
  counts: Int32Array[],
): void {
  const F = codes.length;
  const len = rows === null ? months.length : rows.length;
  for (let j = 0; j < len; j++) {
    const r = rows === null ? j : rows[j]!;
    const mo = months[r]!;
    if (mo < 0) continue;
    const v = values[r]!;
    if (v < 0) continue;
    const rel = mo - base;
    const i0 = m0 !== null && m0[r] === 0 ? -1 : l0[rel]!;
    const i1 = m1 !== null && m1[r] === 0 ? -1 : l1[rel]!;
    const i2 = m2 !== null && m2[r] === 0 ? -1 : l2[rel]!;
    const word = v >>> 5;
    const bit = 1 << (v & 31);
    for (let f = 0; f < F; f++) {
      const cd = codes[f]!;
      let m = 0;
      if (cd !== null) {
        m = cd[r]!;
        if (m < 0) continue;
      }
      const w = widths[f]!;
      if (i0 >= 0) {
        const k = i0 * w + m;
        const b = bits[3 * f]!;
        const x = k * W + word;
        if ((b[x]! & bit) === 0) {
          b[x] = b[x]! | bit;
          counts[3 * f]![k]!++;
        }
      }
      if (i1 >= 0) {
        const k = i1 * w + m;
        const b = bits[3 * f + 1]!;
        const x = k * W + word;
        if ((b[x]! & bit) === 0) {
          b[x] = b[x]! | bit;
          counts[3 * f + 1]![k]!++;
        }
      }
      if (i2 >= 0) {
        const k = i2 * w + m;
        const b = bits[3 * f + 2]!;
        const x = k * W + word;
        if ((b[x]! & bit) === 0) {
          b[x] = b[x]! | bit;
          counts[3 * f + 2]![k]!++;
        }
      }
    }
  }
}

export function distinctScan(
  bv: ByValue,
  months: Int32Array,
  base: number,
  luts: Int32Array[],
  masks: (Uint8Array | null)[],
  codes: (Int32Array | null)[],
  widths: number[],
  stamps: Int32Array[],
  counts: Int32Array[],
): void {
  const T = luts.length;
  const { start, rows } = bv;
  const values = start.length - 1;
  for (let v = 0; v < values; v++) {
    const end = start[v + 1]!;
    for (let j = start[v]!; j < end; j++) {
      const r = rows[j]!;
      const mo = months[r]!;
      if (mo < 0) continue;
      const rel = mo - base;
      for (let t = 0; t < T; t++) {
        const mask = masks[t]!;
        if (mask !== null && mask[r] === 0) continue;
        const i = luts[t]![rel]!;
        if (i < 0) continue;
        const M = widths[t]!;
        let k = i;
        const cd = codes[t]!;
        if (cd !== null) {
          const m = cd[r]!;
          if (m < 0) continue;
          k = i * M + m;
        }
        const stamp = stamps[t]!;
        if (stamp[k] === v) continue;
        stamp[k] = v;
        counts[t]![k]!++;
      }
    }
  }
}

/**
 * Distinct counts when the values never decrease in table order (an order's lines are one run of
 * rows, orders in order): every value's rows are one run, so a cell counts a value the first
 * time one of its rows carries it, and a stamp per cell (the last value counted) is all it needs.
 * The same targets as distinctScan, the rows in table order instead of grouped by value.
 */
export function runDistinctScan(
  rows: Int32Array | null,
  values: Int32Array,
  months: Int32Array,
  base: number,
  luts: Int32Array[],
  masks: (Uint8Array | null)[],
  codes: (Int32Array | null)[],
  widths: number[],
  stamps: Int32Array[],
  counts: Int32Array[],
): void {
  const T = luts.length;
  const n = rows === null ? values.length : rows.length;
  for (let j = 0; j < n; j++) {
    const r = rows === null ? j : rows[j]!;
    const v = values[r]!;
    if (v < 0) continue;
    const mo = months[r]!;
    if (mo < 0) continue;
    const rel = mo - base;
    for (let t = 0; t < T; t++) {
      const mask = masks[t]!;
      if (mask !== null && mask[r] === 0) continue;
      const i = luts[t]![rel]!;
      if (i < 0) continue;
      const M = widths[t]!;
      let k = i;
      const cd = codes[t]!;
      if (cd !== null) {
        const m = cd[r]!;
        if (m < 0) continue;
        k = i * M + m;
      }
      const stamp = stamps[t]!;
      if (stamp[k] === v) continue;
      stamp[k] = v;
      counts[t]![k]!++;
    }
  }
}
