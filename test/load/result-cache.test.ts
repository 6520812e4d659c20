/**
 * A kept output is the output a computation gives: cold, warm, with a damaged entry, after an
 * edit, after a file is added, after the day changes; an entry is kept only for files settled
 * before the run, and --no-cache or CAPAIAN_CACHE=off neither read nor write one.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { printKeptCompute } from '../../src/cli/kept-compute.ts';
import { main } from '../../src/cli/main.ts';
import { recordingEffects } from '../../src/commands/effects.ts';
import * as chunkCache from '../../src/load/chunk-cache.ts';
import { openResultCache, type ResultKey } from '../../src/load/result-cache.ts';

const VALID = resolve(fileURLToPath(new URL('../../', import.meta.url)), 'test/fixtures/valid');
const work = mkdtempSync(join(tmpdir(), 'capaian-result-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
/** A copy of the valid fixture whose files were last modified an hour ago (settled), and its cache folder. */
function repo(): { root: string; cache: string } {
  const root = join(work, `repo-${++n}`);
  cpSync(VALID, root, { recursive: true });
  settle(root);
  return { root, cache: join(work, `cache-${n}`) };
}

function settle(dir: string): void {
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) utimesSync(join(e.parentPath, e.name), hourAgo, hourAgo);
}

const entries = (cache: string) => readdirSync(cache).filter((f) => f.startsWith('result-'));
const KEY: ResultKey = { command: 'compute', options: { format: 'table' }, today: '2026-04-02', color: false };

describe('the kept output (module)', () => {
  it('is a miss, then the saved output, until a file, the key or the entry changes', async () => {
    const { root, cache } = repo();
    expect((await openResultCache(root, cache, KEY)).hit).toBeUndefined();
    expect((await openResultCache(root, cache, KEY)).save(['one', 'two ✓'], chunkCache)).toBe(true);
    expect((await openResultCache(root, cache, KEY)).hit).toEqual(['one', 'two ✓']);
    // Another day, option or colour: another entry.
    expect((await openResultCache(root, cache, { ...KEY, today: '2026-04-03' })).hit).toBeUndefined();
    expect((await openResultCache(root, cache, { ...KEY, options: { format: 'json' } })).hit).toBeUndefined();
    expect((await openResultCache(root, cache, { ...KEY, color: true })).hit).toBeUndefined();
    // Touched without a change of bytes: its stamp moved, its SHA-1 did not.
    settle(root);
    expect((await openResultCache(root, cache, KEY)).hit).toEqual(['one', 'two ✓']);
    // Caching off: nothing read, nothing written.
    const off = await openResultCache(root, null, KEY);
    expect([off.hit, off.save(['x'], chunkCache)]).toEqual([undefined, false]);
  });

  it('is a miss when the entry is damaged, a file is edited, added or removed', async () => {
    const { root, cache } = repo();
    const saved = async () => expect((await openResultCache(root, cache, KEY)).save(['out'], chunkCache)).toBe(true);
    await saved();
    const [entry] = entries(cache);
    const bytes = readFileSync(join(cache, entry!));
    for (const spoil of [(b: Buffer) => ((b[b.length - 2]! ^= 0x10), b), (b: Buffer) => b.subarray(0, b.length - 1), () => Buffer.from('capaian-result-1\n')]) {
      writeFileSync(join(cache, entry!), spoil(Buffer.from(bytes)));
      expect((await openResultCache(root, cache, KEY)).hit).toBeUndefined();
    }
    await saved();
    appendFileSync(join(root, 'data/2026/03/orders.yaml'), '\n');
    settle(root);
    expect((await openResultCache(root, cache, KEY)).hit).toBeUndefined();
    await saved();
    writeFileSync(join(root, 'kpis/extra.yaml'), 'x: 1\n');
    settle(root);
    expect((await openResultCache(root, cache, KEY)).hit).toBeUndefined();
    await saved();
    rmSync(join(root, 'kpis/extra.yaml'));
    expect((await openResultCache(root, cache, KEY)).hit).toBeUndefined();
  });

  it('keeps the 32 most recent entries besides the newest', async () => {
    const { root, cache } = repo();
    for (let day = 1; day <= 36; day++) expect((await openResultCache(root, cache, { ...KEY, today: `2026-05-${String(day).padStart(2, '0')}` })).save([`day ${day}`], chunkCache)).toBe(true);
    expect(entries(cache)).toHaveLength(33);
    expect((await openResultCache(root, cache, { ...KEY, today: '2026-05-36' })).hit).toEqual(['day 36']);
  });

  it('keeps nothing for a file modified just before the run, or changed during it', async () => {
    const { root, cache } = repo();
    writeFileSync(join(root, 'data/goals.yaml'), readFileSync(join(root, 'data/goals.yaml')));
    expect((await openResultCache(root, cache, KEY)).save(['out'], chunkCache)).toBe(false);
    settle(root);
    const during = await openResultCache(root, cache, KEY);
    appendFileSync(join(root, 'data/goals.yaml'), '\n');
    expect(during.save(['out'], chunkCache)).toBe(false);
    expect(readdirSync(work).includes(`cache-${n}`) ? entries(cache) : []).toEqual([]);
  });
});

describe('capaian compute through the kept output', () => {
  const saved = { today: process.env.CAPAIAN_TODAY, cache: process.env.CAPAIAN_CACHE };
  beforeEach(() => void (process.env.CAPAIAN_TODAY = '2026-04-02'));
  afterEach(() => {
    for (const [k, v] of [['CAPAIAN_TODAY', saved.today], ['CAPAIAN_CACHE', saved.cache]] as const) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  });

  /** The output of compute with `args`, and its exit code; cached in `cache` (or not, with null). */
  async function compute(root: string, cache: string | null, args: string[] = []) {
    process.env.CAPAIAN_CACHE = cache ?? 'off';
    const fx = recordingEffects();
    const code = await main(['compute', '--root', root, ...args], fx);
    return { code, out: fx.stdout.join('\n') };
  }

  it('prints the same bytes cold, warm, with a damaged entry, after an edit and after the day changes', async () => {
    const { root, cache } = repo();
    for (const args of [[], ['--format', 'json'], ['--format', 'csv', '--period', '2026-Q1']]) {
      const computed = await compute(root, null, args);
      expect(computed.code).toBe(0);
      expect(await compute(root, cache, args), `cold ${args}`).toEqual(computed);
      expect(await compute(root, cache, args), `warm ${args}`).toEqual(computed);
    }
    expect(entries(cache)).toHaveLength(3);
    // The warm run reads the entry: with its last byte changed and its checksum made good, it prints that.
    const fresh = await compute(root, null);
    const table = entries(cache).find((e) => readFileSync(join(cache, e)).toString('latin1').endsWith(fresh.out.slice(-20)))!;
    const b = readFileSync(join(cache, table));
    b.writeUInt8(b.at(-1)! ^ 0x01, b.length - 1);
    createHash('sha1').update(b.subarray(37)).digest().copy(b, 17);
    writeFileSync(join(cache, table), b);
    const forged = await compute(root, cache);
    expect(forged.out.slice(0, -1)).toBe(fresh.out.slice(0, -1));
    expect(forged.out.at(-1)).not.toBe(fresh.out.at(-1));
    // Damaged (the checksum no longer holds): a miss, computed again.
    b.writeUInt8(b.at(-2)! ^ 0x01, b.length - 2);
    writeFileSync(join(cache, table), b);
    expect(await compute(root, cache)).toEqual(fresh);
    expect(await compute(root, cache)).toEqual(fresh);
    // An edit: a quantity changes, so does the net sales figure.
    const orders = join(root, 'data/2026/03/orders.yaml');
    writeFileSync(orders, readFileSync(orders, 'utf8').replace('qty: 10,', 'qty: 12,'));
    settle(root);
    const edited = await compute(root, null);
    expect(edited.out).not.toBe(fresh.out);
    expect(await compute(root, cache)).toEqual(edited);
    expect(await compute(root, cache)).toEqual(edited);
    // Another day: the statuses and lints are of that day.
    process.env.CAPAIAN_TODAY = '2026-06-30';
    const later = await compute(root, null, ['--format', 'json']);
    expect(await compute(root, cache, ['--format', 'json'])).toEqual(later);
    expect(await compute(root, cache, ['--format', 'json'])).toEqual(later);
  });

  it('is found before the CLI is loaded (kept-compute.ts) for the same arguments, and only then', async () => {
    const { root, cache } = repo();
    const kept = async (args: string[]) => {
      const out: string[] = [];
      return (await printKeptCompute(args, (t) => void out.push(t))) ? out.join('\n') : undefined;
    };
    const args = ['--root', root, '--period=2026-Q1', '--lang', 'en'];
    expect(await kept(args)).toBeUndefined();
    const computed = await compute(root, cache, ['--period', '2026-Q1', '--lang=en']);
    expect(await kept(args)).toBe(computed.out);
    // Help, a usage error, --no-cache, other options: the CLI runs.
    for (const other of [[...args, '--help'], [...args, '--format', 'xml'], [...args, '--no-cache'], [...args, '--kpi', 'net-sales'], ['--root', root]]) expect(await kept(other), other.join(' ')).toBeUndefined();
  });

  it('--no-cache neither reads nor writes a kept output', async () => {
    const { root, cache } = repo();
    await compute(root, cache, ['--no-cache']);
    expect(readdirSync(work).includes(`cache-${n}`) ? entries(cache) : []).toEqual([]);
  });
});
