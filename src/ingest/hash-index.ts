/**
 * Rows by id hash (see id-hash.ts) in an open-addressing table of typed arrays: looking up a
 * million names is a few probes in flat memory, with no string hashed or read. A hit is
 * confirmed by the second hash (idCheck), so two names with the same idHash never mix.
 */
export class HashIndex {
  private readonly hashes: Float64Array;
  private readonly checks: Int32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;

  /** `hashes[row]` and `checks[row]` are the idHash and idCheck of row's name. Of two rows with one name, the first is found. */
  constructor(hashes: ArrayLike<number>, checks: ArrayLike<number>) {
    const n = hashes.length;
    let size = 16;
    while (size < n * 2) size *= 2;
    this.mask = size - 1;
    this.hashes = new Float64Array(size);
    this.checks = new Int32Array(size);
    this.rows = new Int32Array(size).fill(-1);
    for (let row = 0; row < n; row++) {
      const h = hashes[row]!;
      let s = slot(h) & this.mask;
      while (this.rows[s]! >= 0) s = (s + 1) & this.mask;
      this.hashes[s] = h;
      this.checks[s] = checks[row]!;
      this.rows[s] = row;
    }
  }

  /** The row of the name whose idHash is `h` and idCheck `check`, or -1. */
  find(h: number, check: number): number {
    for (let s = slot(h) & this.mask; this.rows[s]! >= 0; s = (s + 1) & this.mask) {
      if (this.hashes[s] === h && this.checks[s] === check) return this.rows[s]!;
    }
    return -1;
  }
}

/** A well-mixed 32-bit slot number from a 53-bit hash. */
function slot(h: number): number {
  const lo = h % 4294967296 | 0;
  const hi = (h / 4294967296) | 0;
  return Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1) >>> 0;
}

/** Whether any hash occurs twice among the lists (one pass through an open-addressing set). */
export function anyRepeated(lists: Float64Array[]): boolean {
  const n = lists.reduce((k, l) => k + l.length, 0);
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const table = new Float64Array(size);
  const used = new Uint8Array(size);
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      const h = list[i]!;
      let s = slot(h) & mask;
      for (; used[s]; s = (s + 1) & mask) if (table[s] === h) return true;
      used[s] = 1;
      table[s] = h;
    }
  }
  return false;
}
