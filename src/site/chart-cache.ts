/**
 * Chart SVGs already drawn, by the content of their inputs: a site build draws a chart only when
 * its data, its words or the code that draws it changed since the last build, so a rebuild after
 * one month was added or edited draws the charts that month reaches (the trends that end in it,
 * its breakdowns) and reads the others back.
 *
 * An entry is node_modules/.cache/capaian/charts/<key>.svg (beside the month-file cache, under
 * CAPAIAN_CACHE when that is set). The key is the SHA-1 of the code version (`chartCodeVersion`:
 * every file under the package's src/, the versions of Observable Plot, linkedom, d3 and date-fns
 * and the lock file, Node's and ICU's versions), the chart's kind and its inputs as
 * canonical JSON. The file repeats the key and the SHA-1 of the SVG in its first line; an entry
 * that does not match (damaged, cut short, misplaced) is a miss and is drawn again: a bad entry
 * costs time, never a different byte. Entries are written to a temporary name and renamed, so a
 * reader never sees half of one; after a build the entries it did not use are removed.
 *
 * Only `astro build` turns the cache on (the integration opens it before any page); in dev, tests
 * and anywhere else a chart is simply drawn.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

interface ChartStore {
  dir: string;
  code: string;
  /** Keys read or written by this build: kept when the build prunes the folder. */
  used: Set<string>;
  stats: { drawn: number; read: number; bad: number };
}

/** Shared through a global: the integration and the pages are separate module instances. */
const SHARED = Symbol.for('capaian.chart-cache');
const store = (): ChartStore | undefined => (globalThis as Record<symbol, ChartStore | undefined>)[SHARED];

/** Turns the cache on for this process: charts are read from and written to `dir`. */
export function openChartCache(dir: string, code: string): void {
  (globalThis as Record<symbol, ChartStore | undefined>)[SHARED] = { dir, code, used: new Set(), stats: { drawn: 0, read: 0, bad: 0 } };
}

/**
 * Turns the cache off, removes the entries this build did not use (when it used any) and says
 * what it did: charts drawn, read back, and entries that did not verify.
 */
export function closeChartCache(): ChartStore['stats'] | null {
  const s = store();
  if (!s) return null;
  (globalThis as Record<symbol, ChartStore | undefined>)[SHARED] = undefined;
  if (s.used.size) {
    try {
      for (const f of readdirSync(s.dir)) if (!s.used.has(f.replace(/\.svg$/, ''))) rmSync(join(s.dir, f), { force: true, recursive: true });
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
  const key = createHash('sha1').update(`${s.code}\n${kind}\n`).update(canonicalJson(input)).digest('hex');
  s.used.add(key);
  const file = join(s.dir, `${key}.svg`);
  const cached = readEntry(file, key);
  if (cached !== null) {
    s.stats.read++;
    return cached;
  }
  if (existsSync(file)) s.stats.bad++;
  const svg = draw();
  s.stats.drawn++;
  writeEntry(file, key, svg);
  return svg;
}

/** Charts being drawn now, by key, for memoChartAsync: a chart asked for twice is drawn once. */
const drawing = new WeakMap<ChartStore, Map<string, Promise<string>>>();

/**
 * memoChart for a chart drawn later (in a chart thread, chart-pool.ts): the same key, the same
 * entry, the same counts; while one key is being drawn, asking for it again waits for that drawing.
 */
export function memoChartAsync(kind: string, input: unknown, draw: () => string | Promise<string>): Promise<string> {
  const s = store();
  if (!s) return new Promise((ok) => ok(draw()));
  const key = createHash('sha1').update(`${s.code}\n${kind}\n`).update(canonicalJson(input)).digest('hex');
  s.used.add(key);
  const now = drawing.get(s) ?? drawing.set(s, new Map()).get(s)!;
  const pending = now.get(key);
  if (pending) return (s.stats.read++, pending);
  const file = join(s.dir, `${key}.svg`);
  const cached = readEntry(file, key);
  if (cached !== null) {
    s.stats.read++;
    return Promise.resolve(cached);
  }
  if (existsSync(file)) s.stats.bad++;
  const svg = new Promise<string>((ok) => ok(draw())).then((svg) => {
    s.stats.drawn++;
    writeEntry(file, key, svg);
    return svg;
  });
  now.set(key, svg);
  const done = () => now.delete(key);
  svg.then(done, done);
  return svg;
}

const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

/** The SVG of a verified entry, or null (missing, unreadable, or not this key's). */
function readEntry(file: string, key: string): string | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const eol = text.indexOf('\n');
  if (eol < 0) return null;
  const [tag, k, sum] = text.slice(0, eol).split(' ');
  const svg = text.slice(eol + 1);
  return tag === 'capaian-chart' && k === key && sum === sha1(svg) ? svg : null;
}

function writeEntry(file: string, key: string, svg: string): void {
  const tmp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, `capaian-chart ${key} ${sha1(svg)}\n${svg}`);
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
 * The version of everything that draws a chart, for its key: every file under `project`/src (the
 * charts, their words and number formats, these wrappers), the package's version, the installed
 * versions of the libraries that draw (found in node_modules from `project` up) and the nearest
 * package-lock.json, and Node's and ICU's versions (number and date formats). About 20 ms.
 */
export function chartCodeVersion(project: string): string {
  const h = createHash('sha1').update(`node ${process.versions.node} icu ${process.versions.icu ?? ''} unicode ${process.versions.unicode ?? ''}\n`);
  const src = join(project, 'src');
  const files = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const f of files) {
    const bytes = readFileSync(f);
    h.update(`\n${relative(project, f).split(sep).join('/')} ${bytes.length}\n`).update(bytes);
  }
  for (const pkg of ['', '@observablehq/plot', 'linkedom', 'd3', 'date-fns', 'htmlparser2']) h.update(`\n${pkg} ${packageVersion(project, pkg)}`);
  // Every installed version at once (the d3 modules Plot draws with among them): the lock file
  // nearest the package (its own in a checkout, the team's repository's where it is installed).
  for (let dir = project; ; dir = dirname(dir)) {
    const lock = join(dir, 'package-lock.json');
    if (existsSync(lock)) {
      h.update('\nlock\n').update(readFileSync(lock));
      break;
    }
    if (dirname(dir) === dir) break;
  }
  return h.digest('hex');
}

/** The version of an installed package ('' for the project itself), or '' when not found. */
function packageVersion(project: string, name: string): string {
  for (let dir = project; ; dir = dirname(dir)) {
    const file = name ? join(dir, 'node_modules', name, 'package.json') : join(dir, 'package.json');
    try {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { version?: string };
      return String(json.version ?? '');
    } catch {
      // not here
    }
    if (!name || dirname(dir) === dir) return '';
  }
}
