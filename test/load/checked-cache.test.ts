/**
 * Files checked clean before (load/checked-cache.ts) give validation exactly what checking them
 * again gives; an entry that does not verify is a miss, never a different result.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkedCache } from '../../src/load/checked-cache.ts';
import { readRepoFiles } from '../../src/load/read-repo.ts';
import { validateFull, type CheckedFiles } from '../../src/validate/validate-repo.ts';

const SAMPLE = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'capaian-checked-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The sample's files other than month files (company, team, customers, products, goals, targets, KPIs). */
const files = (await readRepoFiles(SAMPLE, ['data', 'kpis'])).files.filter((f) => !/^data\/\d{4}\/\d{2}\//.test(f.path));

/** The validation, and the files served from the store. */
function validated(store: CheckedFiles | undefined) {
  const served: string[] = [];
  const counting: CheckedFiles | undefined = store && { get: (p, t) => { const v = store.get(p, t); if (v) served.push(p); return v; }, set: store.set };
  const r = validateFull(files, [], undefined, counting);
  return { json: JSON.stringify([r.data, r.kpis, r.partial, r.summary, r.issues]), served };
}

describe('the cache of files checked clean', () => {
  const plain = validated(undefined).json;

  it('gives the same validation cold, warm, and with every entry damaged', () => {
    const store = checkedCache(dir)!;
    const cold = validated(store);
    expect(cold.served).toEqual([]);
    const warm = validated(store);
    expect(warm.served.filter((p) => p.startsWith('data/'))).toEqual(['data/customers.yaml', 'data/goals.yaml', 'data/products.yaml', 'data/targets/2025.yaml', 'data/targets/2026.yaml', 'data/team.yaml']);
    expect(warm.served.filter((p) => p.startsWith('kpis/'))).toHaveLength(readdirSync(join(SAMPLE, 'kpis')).length);
    expect([cold.json, warm.json]).toEqual([plain, plain]);
    // A flipped byte in each entry, then an entry cut short: each is a miss, checked again.
    for (const spoil of [(b: Buffer) => ((b[b.length - 3]! ^= 0x10), b), (b: Buffer) => b.subarray(0, b.length - 1)]) {
      for (const f of readdirSync(dir)) writeFileSync(join(dir, f), spoil(readFileSync(join(dir, f))));
      const spoilt = validated(store);
      expect(spoilt.served).toEqual([]);
      expect(spoilt.json).toBe(plain);
    }
  });

  it('keeps one entry per file', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.chk'))).toHaveLength(6 + readdirSync(join(SAMPLE, 'kpis')).length);
  });
});
