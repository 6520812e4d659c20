/**
 * Chart SVGs already drawn, by the content of their inputs: a site build draws a chart only when
 * its data, its words or the code that draws it changed since the last build, so a rebuild after
 * one month was added or edited draws the charts that month reaches (the trends that end in it,
 * its breakdowns) and reads the others back.
 *
 * The entries are one file, node_modules/.cache/capaian/charts/charts.pack (beside the month-file
 * cache, under CAPAIAN_CACHE when that is set), read once when a build opens the cache: one read
 * instead of one per chart (about 2,700 on the sample). The key is the SHA-1 of the code version
 * (`chartCodeVersion`: every file under the package's src/, the versions of Observable Plot,
 * linkedom, d3 and date-fns and the lock file, Node's and ICU's versions), the chart's kind and
 * its inputs as canonical JSON. Each entry starts with a line that repeats its key, the SHA-1 of
 * the key and the SVG, and the SVG's length in bytes; an entry that does not match (damaged, cut short, misplaced) is a
 * miss and is drawn again, and so is every entry after a line that cannot be read: a bad entry
 * costs time, never a different byte. When a build is done, the entries it used (read or drawn)
 * and only those are written as the new pack, to a temporary name and renamed, so a reader never
 * sees half of one; a build that used exactly the pack's entries leaves it as it is. A chart that
 * appears on several pages is read or drawn once per build.
 *
 * Only `astro build` turns the cache on (the integration opens it before any page); in dev, tests
 * and anywhere else a chart is simply drawn.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { codeVersion } from '../load/code-version.ts';

interface ChartStore {
  dir: string;
  code: string;
  /** The pack as the build found it: each entry's check and where its SVG's bytes are, by key. */
  found: Map<string, { sum: string; bytes: Buffer }>;
  /** The entries this build used (read back or drawn), by key: the next pack. */
  used: Map<string, Entry>;
  stats: { drawn: number; read: number; bad: number };
}

interface Entry {
  sum: string;
  svg: string;
  /** The SVG as UTF-8, when it was read from the pack (written back as it is). */
  bytes?: Buffer;
}

/** The one file of entries, in the store's folder. */
const PACK = 'charts.pack';
const LF = 0x0a;
const NEWLINE = Buffer.from('\n');

/** Shared through a global: the integration and the pages are separate module instances. */
const SHARED = Symbol.for('capaian.chart-cache');
const store = (): ChartStore | undefined => (globalThis as Record<symbol, ChartStore | undefined>)[SHARED];

/** Turns the cache on for this process: charts are read from and written to `dir`. */
export function openChartCache(dir: string, code: string): void {
  (globalThis as Record<symbol, ChartStore | undefined>)[SHARED] = { dir, code, found: readPack(join(dir, PACK)), used: new Map(), stats: { drawn: 0, read: 0, bad: 0 } };
}

/**
 * Turns the cache off, removes the entries this build did not use (when it used any) and says
 * what it did: charts drawn, read back, and entries that did not verify.
 */
export function closeChartCache(): ChartStore['stats'] | null {
  const s = store();
  if (!s) return null;
  (globalThis as Record<symbol, ChartStore | undefined>)[SHARED] = undefined;
  const same = s.stats.drawn === 0 && s.stats.bad === 0 && s.used.size === s.found.size;
  if (s.used.size && !same) writePack(join(s.dir, PACK), s.used);
  if (s.used.size) {
    try {
      // Anything else in the folder: an older version's entry files, a temporary pack left by
      // an interrupted build.
      for (const f of readdirSync(s.dir)) if (f !== PACK) rmSync(join(s.dir, f), { force: true, recursive: true });
    } catch {
      // Another build may be pruning too.
    }
  }
  return s.stats;
}

/**
 * The chart of kind `kind` drawn from `input` (everything the drawing reads: plain data, no
 * functions) by `draw`: read from the cache when it holds it, else drawn and stored.
 */
export function memoChart(kind: string, input: unknown, draw: () => string): string {
  const s = store();
  if (!s) return draw();
  const key = chartKey(s, kind, input);
  return known(s, key) ?? drawn(s, key, draw());
}

/** The SVG this build already has for `key` (used, or in the pack and verified), counted as read; else undefined. */
function known(s: ChartStore, key: string): string | undefined {
  const entry = s.used.get(key) ?? readEntry(s, key);
  if (!entry) return undefined;
  s.stats.read++;
  s.used.set(key, entry);
  return entry.svg;
}

/** Records a chart just drawn under `key` (kept for the next pack) and returns its SVG. */
function drawn(s: ChartStore, key: string, svg: string): string {
  s.stats.drawn++;
  s.used.set(key, { sum: entrySum(key, svg), svg });
  return svg;
}

/** A chart's key: the code version, its kind and its input as canonical JSON. */
const chartKey = (s: ChartStore, kind: string, input: unknown) => createHash('sha1').update(`${s.code}\n${kind}\n`).update(canonicalJson(input)).digest('hex');

/** An entry's check: the SHA-1 of its key and its SVG, so an SVG under another key is a miss too. */
const entrySum = (key: string, svg: string | Buffer) => createHash('sha1').update(`${key}\n`).update(svg).digest('hex');

/** Charts being drawn now, by key, for memoChartAsync: a chart asked for twice is drawn once. */
const drawing = new WeakMap<ChartStore, Map<string, Promise<string>>>();

/**
 * memoChart for a chart drawn later (in a chart thread, chart-pool.ts): the same key, the same
 * entry, the same counts; while one key is being drawn, asking for it again waits for that drawing.
 */
export function memoChartAsync(kind: string, input: unknown, draw: () => string | Promise<string>): Promise<string> {
  const s = store();
  if (!s) return new Promise((ok) => ok(draw()));
  const key = chartKey(s, kind, input);
  const svg = known(s, key);
  if (svg !== undefined) return Promise.resolve(svg);
  const now = drawing.get(s) ?? drawing.set(s, new Map()).get(s)!;
  const pending = now.get(key);
  if (pending) return (s.stats.read++, pending);
  const later = new Promise<string>((ok) => ok(draw())).then((svg) => drawn(s, key, svg));
  now.set(key, later);
  const done = () => now.delete(key);
  later.then(done, done);
  return later;
}

/** The pack's entry for `key` when it verifies, or undefined (missing, or damaged: counted). */
function readEntry(s: ChartStore, key: string): Entry | undefined {
  const entry = s.found.get(key);
  if (!entry) return undefined;
  if (entry.sum === entrySum(key, entry.bytes)) return { sum: entry.sum, svg: entry.bytes.toString('utf8'), bytes: entry.bytes };
  s.stats.bad++;
  return undefined;
}

/**
 * The entries of a pack by key, unverified: a line `capaian-chart <key> <entrySum> <length>`, the
 * SVG (`length` bytes of UTF-8), a line break, again and again. Reading stops at the first line that is not such a header (a pack cut short
 * or damaged): the entries after it are misses.
 */
function readPack(file: string): ChartStore['found'] {
  const found: ChartStore['found'] = new Map();
  let pack: Buffer;
  try {
    pack = readFileSync(file);
  } catch {
    return found;
  }
  // Bytes, not text: an SVG is decoded only when it is used, and a damaged byte is a miss.
  for (let at = 0; at < pack.length; ) {
    const eol = pack.indexOf(LF, at);
    if (eol < 0) break;
    const [tag, key, sum, length, extra] = pack.toString('latin1', at, eol).split(' ');
    const n = Number(length);
    if (tag !== 'capaian-chart' || !key || !sum || extra !== undefined || !/^\d+$/.test(length ?? '') || pack[eol + 1 + n] !== LF) break;
    found.set(key, { sum, bytes: pack.subarray(eol + 1, eol + 1 + n) });
    at = eol + 2 + n;
  }
  return found;
}

/** Writes `entries` as the pack, whole or not at all. */
function writePack(file: string, entries: ChartStore['used']): void {
  const tmp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    const parts: Buffer[] = [];
    for (const [key, { sum, svg, bytes = Buffer.from(svg) }] of entries) parts.push(Buffer.from(`capaian-chart ${key} ${sum} ${bytes.length}\n`), bytes, NEWLINE);
    writeFileSync(tmp, Buffer.concat(parts));
    renameSync(tmp, file);
  } catch {
    // A cache that cannot be written only costs the next build time.
    rmSync(tmp, { force: true });
  }
}

/**
 * JSON with a canonical form for what JSON.stringify would blur: -0, NaN and ±Infinity (which it
 * writes as 0 and null) and undefined inside an array (null) are written apart, so two inputs that
 * a chart could draw differently never share a key. Key order is the objects' own: the same code
 * builds them in the same order, and the code is part of the key.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, _k: string, v: unknown) {
    if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))) return { $number: Object.is(v, -0) ? '-0' : String(v) };
    if (v === undefined && Array.isArray(this)) return { $undefined: true };
    if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') throw new Error(`chart cache: a chart's input holds a ${typeof v}, which cannot be keyed`);
    return v;
  });
}

/**
 * The version of everything that draws a chart, for its key: the code's version (load/code-version.ts:
 * every file under `project`/src, the lock file, Node's and ICU's versions) with the installed
 * versions of the libraries that draw.
 */
export function chartCodeVersion(project: string): string {
  return codeVersion(project, ['@observablehq/plot', 'linkedom', 'd3', 'date-fns', 'htmlparser2']);
}
