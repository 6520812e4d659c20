import { describe, expect, it } from 'vitest';
import { anyRepeated, HashIndex } from '../../src/ingest/hash-index.ts';
import { idCheck, idHash } from '../../src/ingest/id-hash.ts';

describe('HashIndex', () => {
  const ids = Array.from({ length: 5000 }, (_, i) => `C${String(i).padStart(5, '0')}`);

  it('finds every row by name and hash, and nothing else', () => {
    const index = new HashIndex(ids.map(idHash), ids.map(idCheck));
    const find = (id: string) => index.find(idHash(id), idCheck(id));
    ids.forEach((id, r) => expect(find(id)).toBe(r));
    expect(find('C99999')).toBe(-1);
    expect(find('c00001')).toBe(-1);
  });

  it('never mixes two names whose idHash collides: the second hash tells them apart', () => {
    const index = new HashIndex([42, 42, 42], [1, 2, 3]);
    expect([index.find(42, 1), index.find(42, 2), index.find(42, 3)]).toEqual([0, 1, 2]);
    expect(index.find(42, 4)).toBe(-1);
    expect(index.find(43, 1)).toBe(-1);
  });

  it('has two independent hashes (no pair of 200,000 ids collides in both, few in one)', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => `L-2026-${String(i % 12).padStart(2, '0')}-${i}`);
    expect(new Set(many.map(idHash)).size).toBe(many.length);
    expect(new Set(many.map((id) => `${idHash(id)}:${idCheck(id)}`)).size).toBe(many.length);
    // 32 bits for 200,000 ids: a handful of collisions at most is expected of a good hash.
    expect(many.length - new Set(many.map(idCheck)).size).toBeLessThan(30);
  });

  it('keeps the first of two rows with the same name', () => {
    const names = ['x', 'y', 'x'];
    const index = new HashIndex(names.map(idHash), names.map(idCheck));
    expect(index.find(idHash('x'), idCheck('x'))).toBe(0);
  });

  it('finds a repeated hash across lists, and only then', () => {
    const a = Float64Array.from({ length: 50_000 }, (_, i) => idHash(`A-${i}`));
    const b = Float64Array.from({ length: 50_000 }, (_, i) => idHash(`B-${i}`));
    expect(anyRepeated([a, b])).toBe(false);
    expect(anyRepeated([a, b, Float64Array.of(b[49_999]!)])).toBe(true);
    expect(anyRepeated([Float64Array.of(0, 0)])).toBe(true);
    expect(anyRepeated([])).toBe(false);
  });
});
