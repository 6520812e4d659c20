/**
 * The month-file cache and the worker threads are optimisations only: a report made through
 * them is byte for byte the report made without, and a changed file is never served from the
 * cache.
 *
 * They change only how month files become columns, and the report is a pure function of the
 * validated data: so most checks compare what validation and the dataset build give (every
 * column's bytes, every vocabulary, every issue), which costs a third of building the report;
 * the report itself is compared cold, warm and through worker threads.
 */
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateSample, type SampleFile } from '../../src/sample/generate.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheKey, maxEntryBytes, readerFingerprint } from '../../src/load/chunk-cache.ts';
import { preIngest } from '../../src/load/ingest-pool.ts';
import { readRepoFiles } from '../../src/load/read-repo.ts';
import { runPipeline } from '../../src/pipeline.ts';
import { buildDataset } from '../../src/dataset/build-dataset.ts';
import { validateRepo, type SourceFile, type ValidateOptions } from '../../src/validate/validate-repo.ts';
import type { PendingIssue } from '../../src/issues/issue.ts';

const SAMPLE = new URL('../../', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'capaian-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * The sample's data made small (what `capaian sample --orders-per-month 60` writes: the same 24
 * months, 96 month files, the same paths) with the sample's kpis/, in a folder of its own to
 * change freely. Every check reads it many times: the small sample keeps that cheap.
 */
let small: SampleFile[] | undefined;
function copyOfSample(name: string): string {
  const root = join(tmp, name);
  for (const f of (small ??= generateSample({ ordersPerMonth: 60 }))) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.text);
  }
  cpSync(join(SAMPLE, 'kpis'), join(root, 'kpis'), { recursive: true });
  return root;
}

/**
 * What validation and the dataset build make of the files, as one string: the issues, the
 * summary, and every table's columns byte for byte, every vocabulary (the report is computed
 * from these alone). With `report`, the report JSON itself.
 */
function made(files: SourceFile[], earlier: PendingIssue[], ingested: ValidateOptions['ingested'], report: boolean): string {
  if (report) {
    const { report: r, validation } = runPipeline(files, earlier, { commit: 'x', ...(ingested ? { ingested } : {}) });
    expect(validation.issues.filter((i) => i.level === 'error')).toEqual([]);
    return JSON.stringify(r);
  }
  const validation = validateRepo(files, earlier, ingested ? { ingested } : {});
  expect(validation.issues.filter((i) => i.level === 'error')).toEqual([]);
  const dataset = buildDataset(validation.data!);
  const bytes = (_k: string, v: unknown) => (ArrayBuffer.isView(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') : v);
  return JSON.stringify({ issues: validation.issues, summary: validation.summary, dataset }, bytes);
}

/** The data a repository is read into (or its report), through the cache (or not) and workers (or not), and the notices printed. */
async function reportOf(root: string, opts: { cacheDir: string | null; workers?: number; report?: boolean }) {
  const read = await readRepoFiles(root, ['data', 'kpis']);
  const notices: string[] = [];
  const { ingested, stats } = await preIngest(read.files, { cacheDir: opts.cacheDir, ...(opts.workers ? { workers: opts.workers } : {}), onNotice: (line) => notices.push(line) });
  return { json: made(read.files, read.issues, ingested, opts.report ?? false), stats, notices };
}

const TZ = 'Asia/Jakarta';

/** Where the cache keeps the entry of a repository's file as it is now. */
function entryOf(cacheDir: string, root: string, path: string): string {
  return join(cacheDir, `${cacheKey(readerFingerprint(), path, TZ, readFileSync(join(root, path))).key}.bin`);
}

/** The same, read without the cache or read-ahead. */
async function uncached(root: string, report = false): Promise<string> {
  const read = await readRepoFiles(root, ['data', 'kpis']);
  return made(read.files, read.issues, undefined, report);
}

describe('the month-file cache', () => {
  const root = copyOfSample('repo');
  const cacheDir = join(tmp, 'cache');

  it('gives byte-identical reports cold, warm and without it', async () => {
    const cold = await reportOf(root, { cacheDir });
    expect(cold.stats.cached).toBe(0);
    expect(cold.stats.files).toBe(96);
    expect(cold.json).toBe(await uncached(root));
    // Every file from the cache: the data, and the report itself.
    const warm = await reportOf(root, { cacheDir, report: true });
    expect(warm.stats.cached).toBe(96);
    expect(warm.json).toBe(await uncached(root, true));
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

  it('says nothing when entries are missing (a cold run) or all verify (a warm run)', async () => {
    const dir = join(tmp, 'quiet-cache');
    const cold = await reportOf(root, { cacheDir: dir });
    const warm = await reportOf(root, { cacheDir: dir });
    expect([cold.stats.cached, warm.stats.cached]).toEqual([0, 96]);
    expect([...cold.notices, ...warm.notices]).toEqual([]);
    // A cache folder that cannot be a folder (a file there): no entries, nothing to say.
    const notAFolder = join(tmp, 'not-a-folder');
    writeFileSync(notAFolder, 'x');
    const none = await reportOf(root, { cacheDir: notAFolder });
    expect([none.stats.cached, none.notices]).toEqual([0, []]);
    expect(none.json).toBe(cold.json);
  });
});

/**
 * The stat index lets a month file go unread when its size, times, inode and device are those it
 * had when it was last hashed; any other file is hashed, and its entry still has to verify.
 */
describe('the stat index', () => {
  const root = copyOfSample('stamps');
  const cacheDir = join(tmp, 'stamps-cache');
  const FILE = join(root, 'data/2026/10/orders.yaml');
  const day = (n: number) => new Date(Date.UTC(2026, 0, n));
  /** Every data file dated back to `when`, as a checkout of last month would be. */
  const dateBack = (when: Date) => {
    for (const f of readdirSync(join(root, 'data'), { recursive: true, encoding: 'utf8' })) if (f.endsWith('.yaml')) utimesSync(join(root, 'data', f), when, when);
  };
  /** One quantity changed, the file's length kept. */
  const editQty = () => {
    const text = readFileSync(FILE, 'utf8');
    const changed = text.replace(/qty: (\d)(\d)/, (_m, a: string, b: string) => `qty: ${a}${(Number(b) + 1) % 10}`);
    expect(changed.length).toBe(text.length);
    writeFileSync(FILE, changed);
  };
  /** What a run read: the report only when asked (`report`), the rest costs a read ahead only. */
  const run = async (report = false) => {
    if (report) {
      const r = await reportOf(root, { cacheDir });
      return { cached: r.stats.cached, unread: r.stats.unread, json: r.json };
    }
    const { stats } = await preIngest((await readRepoFiles(root, ['data', 'kpis'])).files, { cacheDir });
    return { cached: stats.cached, unread: stats.unread, json: '' };
  };

  it('reads no file unchanged since it was hashed, and records none modified a moment before', async () => {
    // Modified a moment before they are looked at (here: dated a minute ahead), each could still
    // change within its timestamp's tick, so each is hashed every time.
    dateBack(new Date(Date.now() + 60_000));
    await run();
    expect(await run()).toMatchObject({ cached: 96, unread: 0 });
    dateBack(day(1));
    await run();
    const warm = await run(true);
    expect(warm).toMatchObject({ cached: 96, unread: 96 });
    expect(warm.json).toBe(await uncached(root));
  });

  it('reads an edited file again: with a new modification time, and with its size and modification time put back', async () => {
    editQty();
    utimesSync(FILE, day(2), day(2));
    const edited = await run(true);
    expect(edited).toMatchObject({ cached: 95, unread: 95 });
    expect(edited.json).toBe(await uncached(root));
    // The same length and the same modification time as when it was hashed: its status-change
    // time, which no program sets back, has moved.
    editQty();
    utimesSync(FILE, day(2), day(2));
    const again = await run(true);
    expect(again).toMatchObject({ cached: 95, unread: 95 });
    expect(again.json).not.toBe(edited.json);
    expect(again.json).toBe(await uncached(root));
  });

  it('keeps the cached chunk of a file touched but not changed (hashed, not read into columns)', async () => {
    await run();
    utimesSync(FILE, day(3), day(3));
    expect(await run()).toMatchObject({ cached: 96, unread: 95 });
    expect(await run()).toMatchObject({ cached: 96, unread: 96 });
  });

  it('reads a damaged or foreign index as empty: every file hashed, the same report', async () => {
    const index = join(cacheDir, 'month-files.idx');
    const good = readFileSync(index);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 10]! ^= 0x01;
    const plain = await uncached(root);
    for (const [i, bad] of [flipped, Buffer.from('garbage'), Buffer.alloc(0), Buffer.concat([good.subarray(0, 21), Buffer.alloc(20), good.subarray(41)])].entries()) {
      writeFileSync(index, bad);
      const r = await run(i === 0);
      expect(r).toMatchObject({ cached: 96, unread: 0 });
      if (i === 0) expect(r.json).toBe(plain);
    }
    expect(await run()).toMatchObject({ cached: 96, unread: 96 });
  });
});

/**
 * An entry that does not verify (damaged, from another version of the file, not a regular
 * file, too big) is a miss: the file is read again, one line says so, and the report is the
 * report of a cold read, byte for byte.
 */
describe('the cache checks every entry before use', () => {
  const FILE = 'data/2026/03/orders.yaml';
  const root = copyOfSample('verify');
  const cold = uncached(root);
  const NOTICE = `cache: entry for ${FILE} did not verify; read again`;
  let n = 0;

  const warmDir = join(tmp, 'warm');
  let warmed: Promise<unknown> | undefined;

  /**
   * A copy of a warm cache whose entry for FILE `spoil` has changed; the report read through it
   * (and, with `again`, the report of the run after it).
   */
  async function spoiled(spoil: (entry: string) => void, again = false, workers?: number) {
    await (warmed ??= reportOf(root, { cacheDir: warmDir }));
    const cacheDir = join(tmp, `spoiled-${n++}`);
    cpSync(warmDir, cacheDir, { recursive: true });
    const entry = entryOf(cacheDir, root, FILE);
    expect(lstatSync(entry).isFile()).toBe(true);
    spoil(entry);
    const r = await reportOf(root, { cacheDir, ...(workers ? { workers } : {}) });
    expect(r.notices).toEqual([NOTICE]);
    expect(r.stats.cached).toBe(95);
    expect(r.json).toBe(await cold);
    // The entry is written again, and verifies on the next run (a directory in its place stays).
    return { r, again: again ? await reportOf(root, { cacheDir }) : undefined };
  }

  it('a flipped byte (in the chunk, and in the header)', async () => {
    for (const at of [0.6, 0]) {
      const { again } = await spoiled((entry) => {
        const b = readFileSync(entry);
        const i = at ? Math.floor(b.length * at) : 20; // in the chunk; in the key the header holds
        b[i] = b[i]! ^ 0x04;
        writeFileSync(entry, b);
      }, true);
      expect([again!.stats.cached, again!.notices.length]).toEqual([96, 0]);
    }
  });

  it("an older version of the file's entry under the current key (an order more: a different net sales)", async () => {
    const other = copyOfSample('verify-old');
    const path = join(other, FILE);
    // The old version: one order more than the current file.
    const text = readFileSync(join(root, FILE), 'utf8');
    const first = text.slice(text.indexOf('- id:'), text.indexOf('\n- id:', text.indexOf('- id:')) + 1);
    writeFileSync(path, text + first.replace(/id: (\S+)/, 'id: $1-OLD'));
    const oldCache = join(tmp, 'old-version');
    await reportOf(other, { cacheDir: oldCache });
    const oldEntry = readFileSync(entryOf(oldCache, other, FILE));
    expect(await uncached(other)).not.toBe(await cold);
    await spoiled((entry) => writeFileSync(entry, oldEntry));
  });

  it('a damaged entry read again in a worker thread: the notice comes back from it', async () => {
    await spoiled((entry) => truncateSync(entry, 100), false, 2);
  });

  it('a truncated entry, and one with a byte more', async () => {
    await spoiled((entry) => truncateSync(entry, Math.floor(statSync(entry).size * 0.9)));
    await spoiled((entry) => writeFileSync(entry, Buffer.concat([readFileSync(entry), Buffer.from([0])])));
  });

  it('a symbolic link to /dev/zero, and one to a valid entry', async () => {
    await spoiled((entry) => (rmSync(entry), symlinkSync('/dev/zero', entry)));
    await spoiled((entry) => {
      const copy = `${entry}.copy`;
      cpSync(entry, copy);
      rmSync(entry);
      symlinkSync(copy, entry);
    });
  });

  it('a directory in place of an entry', async () => {
    const { again } = await spoiled((entry) => (rmSync(entry), mkdirSync(join(entry, 'inside'), { recursive: true })), true);
    expect(again!.notices).toEqual([NOTICE]);
    expect(again!.json).toBe(await cold);
  });

  it('garbage: random bytes, zeros, an empty file, an entry bigger than its bound', async () => {
    await spoiled((entry) => writeFileSync(entry, Buffer.from(Array.from({ length: statSync(entry).size }, (_, i) => (i * 7919 + 13) & 0xff))));
    await spoiled((entry) => writeFileSync(entry, Buffer.alloc(statSync(entry).size)));
    await spoiled((entry) => writeFileSync(entry, ''));
    await spoiled((entry) => writeFileSync(entry, Buffer.alloc(maxEntryBytes(statSync(join(root, FILE)).size) + 1)));
  });

});

describe('worker threads', () => {
  it('give the same data as the main thread alone', async () => {
    const root = copyOfSample('workers');
    const r = await reportOf(root, { cacheDir: null, workers: 2 });
    expect(r.stats.workers).toBe(2);
    expect(r.json).toBe(await uncached(root));
  });
});
