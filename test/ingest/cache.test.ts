/**
 * The month-file cache and the worker threads are optimisations only: a report made through
 * them is byte for byte the report made without, and a changed file is never served from the
 * cache.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { preIngest } from '../../src/load/ingest-pool.ts';
import { readRepoFiles } from '../../src/load/read-repo.ts';
import { runPipeline } from '../../src/pipeline.ts';

const SAMPLE = new URL('../../', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'capaian-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the sample repository (data/ and kpis/) to change freely. */
function copyOfSample(name: string): string {
  const root = join(tmp, name);
  cpSync(join(SAMPLE, 'data'), join(root, 'data'), { recursive: true });
  cpSync(join(SAMPLE, 'kpis'), join(root, 'kpis'), { recursive: true });
  return root;
}

/** The report JSON of a repository, read through the cache (or not) and workers (or not). */
async function reportOf(root: string, opts: { cacheDir: string | null; workers?: number }) {
  const read = await readRepoFiles(root, ['data', 'kpis']);
  const { ingested, stats } = await preIngest(read.files, opts);
  const { report, validation } = runPipeline(read.files, read.issues, { commit: 'x', ingested });
  expect(validation.issues.filter((i) => i.level === 'error')).toEqual([]);
  return { json: JSON.stringify(report), stats };
}

async function uncached(root: string): Promise<string> {
  const read = await readRepoFiles(root, ['data', 'kpis']);
  return JSON.stringify(runPipeline(read.files, read.issues, { commit: 'x' }).report);
}

describe('the month-file cache', () => {
  const root = copyOfSample('repo');
  const cacheDir = join(tmp, 'cache');

  it('gives byte-identical reports cold, warm and without it', async () => {
    const plain = await uncached(root);
    const cold = await reportOf(root, { cacheDir });
    expect(cold.stats.cached).toBe(0);
    expect(cold.stats.files).toBe(96);
    const warm = await reportOf(root, { cacheDir });
    expect(warm.stats.cached).toBe(96);
    expect(cold.json).toBe(plain);
    expect(warm.json).toBe(plain);
  });

  it('never serves a changed file from the cache', async () => {
    const before = (await reportOf(root, { cacheDir })).json;
    const path = join(root, 'data/2026/10/orders.yaml');
    // Same length, different content: one quantity changes.
    const text = readFileSync(path, 'utf8');
    const changed = text.replace(/qty: (\d)(\d)/, (_m, a: string, b: string) => `qty: ${a}${(Number(b) + 1) % 10}`);
    expect(changed.length).toBe(text.length);
    expect(changed).not.toBe(text);
    writeFileSync(path, changed);
    const after = await reportOf(root, { cacheDir });
    expect(after.stats.cached).toBe(95);
    expect(after.json).not.toBe(before);
    expect(after.json).toBe(await uncached(root));
  });

  it('treats a damaged entry as missing', async () => {
    await reportOf(root, { cacheDir });
    for (const f of readdirSync(cacheDir)) truncateSync(join(cacheDir, f), 10);
    const r = await reportOf(root, { cacheDir });
    expect(r.stats.cached).toBe(0);
    expect(r.json).toBe(await uncached(root));
  });

  it('keys entries by the company timezone too', async () => {
    const other = copyOfSample('tz');
    const company = join(other, 'data/company.yaml');
    await reportOf(other, { cacheDir });
    writeFileSync(company, readFileSync(company, 'utf8').replace(/timezone: .*/, 'timezone: Asia/Makassar'));
    const r = await reportOf(other, { cacheDir });
    expect(r.stats.cached).toBe(0);
    expect(r.json).toBe(await uncached(other));
  });
});

describe('worker threads', () => {
  it('give the same report as the main thread alone', async () => {
    const root = copyOfSample('workers');
    const r = await reportOf(root, { cacheDir: null, workers: 2 });
    expect(r.stats.workers).toBe(2);
    expect(r.json).toBe(await uncached(root));
  });
});
