/**
 * A 53-bit hash of an id, exact in a Float64Array. Month records keep their id only as this hash:
 * four million id strings would cost ~200 MB, the hashes 8 bytes each. Two ids with the same hash
 * are treated as a possible duplicate and the exact checker decides (see validate-repo.ts), so a
 * collision costs time, never a wrong answer.
 */
export function idHash(s: string): number {
  return idHashRange(s, 0, s.length);
}

/**
 * idHash of s[from, to), without cutting it out; `s` text, or the bytes of ASCII text (an id is
 * ASCII: its bytes are its character codes, the same hash).
 */
export function idHashRange(s: string | Uint8Array, from: number, to: number): number {
  // Two 32-bit FNV-1a style lanes with different seeds and multipliers.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ (to - from);
  const text = typeof s === 'string' ? s : null;
  const bytes = typeof s === 'string' ? null : s;
  for (let i = from; i < to; i++) {
    const c = text ? text.charCodeAt(i) : bytes![i]!;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  return (a >>> 0) * 2 ** 21 + ((b >>> 0) & 0x1fffff);
}

/**
 * A second, independent 32-bit hash of an id. A name is looked up by idHash and confirmed by
 * idCheck (85 bits together), so no string has to be read to confirm it.
 */
export function idCheck(s: string): number {
  return idCheckRange(s, 0, s.length);
}

/** idCheck of s[from, to); `s` text, or the bytes of ASCII text (as idHashRange). */
export function idCheckRange(s: string | Uint8Array, from: number, to: number): number {
  let h = 0x9747b28c ^ (to - from);
  const text = typeof s === 'string' ? s : null;
  const bytes = typeof s === 'string' ? null : s;
  for (let i = from; i < to; i++) {
    h = Math.imul(h ^ (text ? text.charCodeAt(i) : bytes![i]!), 0xcc9e2d51);
    h = (h << 13) | (h >>> 19);
    h = Math.imul(h, 5) + 0xe6546b64;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h | 0;
}

/** A copy of a string that does not share memory with the text it was cut from. */
export function detached(s: string): string {
  // V8 keeps substrings of 13+ characters as views into the whole source text; a kept id would
  // pin its whole file. Concatenating and slicing forces a fresh flat copy.
  return s.length >= 13 ? (` ${s}`).slice(1) : s;
}
