/**
 * npm run bench:peers [-- --lines N] [--runs R] [--keep] [--no-site]: capaian against its peers on
 * the same generated data (generate.ts: order lines of 40 reps, 5 regions, 10 categories × 30
 * SKUs, repeat customers, 24 months; default 100,000 lines, `--lines 1000000` for the big run).
 *
 * 1. Writes the CSV, imports it into a fresh repository with `capaian import --all-months` and a
 *    mapping, and checks that capaian's six common KPIs (agree.ts) agree to the cent with plain
 *    JavaScript's (reference-kpis.mjs) and, when installed, DuckDB's.
 * 2. Times, in pairs whose order alternates, R times each (default 3), each run a fresh process
 *    (wall and CPU time, user + sys, of it and its children, from /usr/bin/time):
 *      cold site      `capaian build` with nothing cached vs Observable Framework's cold build
 *      month changed  the rebuild after one month's data changed vs Framework's incremental build
 *      KPIs only      `capaian compute --format json --no-cache` vs DuckDB from the CSV
 *      start-up       `capaian compute` on 10,000 unchanged lines (its kept output) vs `node -e 0`
 *      start-up changed  the same right after a month file changed (computed) vs `node -e 0`
 *      error path     `validate --no-cache` with one bad quantity vs the clean repository
 *    and prints each pair's medians and the median of the per-pair ratios (capaian / peer).
 * The peers are optional: `npm install --prefix bench/peers` installs them (package.json there);
 * without them the rows they take part in are skipped, and the output says so.
 * The last line is machine-readable: lines=N then <row>=<median wall ratio> for each row measured.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, utimesSync, writeFileSync, mkdirSync, cpSync, rmSync, readdirSync, copyFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { once } from 'node:events';
import { CSV_HEADER, MAPPING, changedMonthCsv, monthList, orderLinesCsv, scaffold, type PeerDataOptions } from './generate.ts';
import { disagreements, fromFigures, fromReport, type MonthFigures } from './agree.ts';
import { monthKpis } from './reference-kpis.mjs';
import { writeFrameworkProject } from './framework.ts';

const { values } = parseArgs({
  options: {
    lines: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
    'no-site': { type: 'boolean', default: false },
  },
});
const LINES = Number(values.lines);
const RUNS = Math.max(1, Number(values.runs));
const MONTHS = monthList('2024-01', 24);
const CHANGED = MONTHS[MONTHS.length - 1]!;
const here = import.meta.dirname;
const project = join(here, '..', '..');
const cli = join(project, 'bin', 'capaian.mjs');
const node = process.execPath;
const dir = await mkdtemp(join(tmpdir(), 'capaian-peers-'));
const log = (s: string) => process.stderr.write(`${s}\n`);

// --- the peers --------------------------------------------------------------------------------
const peerModules = join(here, 'node_modules');
const duckdb = existsSync(join(peerModules, '@duckdb', 'node-api'));
const frameworkBin = join(peerModules, '@observablehq', 'framework', 'dist', 'bin', 'observable.js');
const framework = existsSync(frameworkBin);
const missing = [...(duckdb ? [] : ['DuckDB (@duckdb/node-api)']), ...(framework ? [] : ['Observable Framework (@observablehq/framework)'])];
if (missing.length) log(`not installed: ${missing.join(', ')}; the rows that compare with them are skipped (install: npm install --prefix bench/peers)`);

// --- data ---------------------------------------------------------------------------------------
async function writeCsv(path: string, chunks: Iterable<string>, perMonth?: string): Promise<void> {
  const out = createWriteStream(path);
  let i = -1;
  for (const chunk of chunks) {
    if (!out.write(chunk)) await once(out, 'drain');
    if (perMonth && i >= 0) writeFileSync(join(perMonth, `${MONTHS[i]}.csv`), `${CSV_HEADER}\n${chunk}`);
    i++;
  }
  out.end();
  await once(out, 'finish');
}

const capaian = (args: string[], opts: { stdio?: 'ignore' | 'pipe' } = {}) =>
  execFileSync(node, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', opts.stdio ?? 'pipe', 'inherit'], env: { ...process.env, CAPAIAN_PDF: 'off' } });

/** A repository of `lines` order lines: the scaffold, the KPIs of this package, the import. */
async function makeRepo(repo: string, csv: string): Promise<number> {
  for (const [path, text] of Object.entries(scaffold())) {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  // The goals the KPIs name (the same as the Superstore example's).
  copyFileSync(join(project, 'examples', 'superstore', 'scaffold', 'data', 'goals.yaml'), join(repo, 'data', 'goals.yaml'));
  cpSync(join(project, 'kpis'), join(repo, 'kpis'), { recursive: true });
  writeFileSync(join(dir, 'orders.map.yaml'), MAPPING);
  const t = performance.now();
  capaian(['import', 'orders', csv, '--all-months', '--map', join(dir, 'orders.map.yaml'), '--create-missing', '--root', repo], { stdio: 'ignore' });
  return (performance.now() - t) / 1000;
}

const data: PeerDataOptions = { lines: LINES };
const repo = join(dir, 'repo');
const csv = join(dir, 'orders.csv');
const fw = join(dir, 'framework');
let t0 = performance.now();
writeFrameworkProject(fw, MONTHS);
await writeCsv(csv, orderLinesCsv(data), join(fw, 'csv'));
log(`generated ${LINES.toLocaleString('en-US')} order lines in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${csv}`);
const importS = await makeRepo(repo, csv);
log(`imported into ${repo} (capaian import --all-months with a mapping) in ${importS.toFixed(1)} s`);

// The changed month: its CSV (for Framework) and its month file (for capaian), both versions.
const changedCsv = join(dir, 'orders-changed.csv');
await writeCsv(changedCsv, changedMonthCsv(data, CHANGED));
const monthFile = join(repo, 'data', ...CHANGED.split('-'), 'orders.yaml');
const versions = { capaian: [readFileSync(monthFile, 'utf8'), ''], framework: [readFileSync(join(fw, 'csv', `${CHANGED}.csv`), 'utf8'), ''] };
capaian(['import', 'orders', changedCsv, '--month', CHANGED, '--force', '--map', join(dir, 'orders.map.yaml'), '--root', repo], { stdio: 'ignore' });
versions.capaian[1] = readFileSync(monthFile, 'utf8');
writeFileSync(monthFile, versions.capaian[0]!);
versions.framework[1] = `${CSV_HEADER}\n${readFileSync(changedCsv, 'utf8').split('\n').filter((l) => l.includes(`,${CHANGED}-`)).join('\n')}\n`;

// --- agreement ----------------------------------------------------------------------------------
const ours = fromReport(JSON.parse(capaian(['compute', '--format', 'json', '--no-cache', '--root', repo])));
const agreement: string[] = [];
const check = (peer: string, figures: Record<string, MonthFigures>) => {
  const bad = disagreements(ours, fromFigures(figures));
  agreement.push(`${peer}: ${bad.length === 0 ? `all ${ours.size} values agree to the cent` : `${bad.length} of ${ours.size} differ, e.g. ${bad.slice(0, 3).map((d) => `${d.key} ${d.a} vs ${d.b}`).join('; ')}`}`);
  return bad.length === 0;
};
let agreed = check('plain JavaScript', monthKpis(readFileSync(csv, 'utf8')));
if (duckdb) agreed = check('DuckDB', JSON.parse(execFileSync(node, [join(here, 'duckdb-kpis.mjs'), csv], { encoding: 'utf8', maxBuffer: 1 << 28 }))) && agreed;

// --- timing -------------------------------------------------------------------------------------
interface Run {
  wall: number;
  cpu: number;
  rssMb: number;
}
/** One command in a fresh process, timed by /usr/bin/time (its children included). */
function timed(cmd: string, args: string[], opts: { cwd?: string; env?: Record<string, string>; status?: number } = {}): Run {
  const stats = join(dir, 'time.txt');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', stats, cmd, ...args], { cwd: opts.cwd ?? project, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CAPAIAN_PDF: 'off', ...opts.env }, maxBuffer: 1 << 28 });
  const [wall, user, sys, rss] = readFileSync(stats, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) as [number, number, number, number];
  if (r.status !== (opts.status ?? 0)) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}, not ${opts.status ?? 0}:\n${r.stderr.toString().slice(-2000)}`);
  return { wall, cpu: user + sys, rssMb: Math.round(rss / 1024) };
}

interface Row {
  key: string;
  work: string;
  peer: string;
  ours: Run[];
  theirs: Run[];
}
const rows: Row[] = [];
/** R pairs, the order of each pair alternating; `before` runs untimed before each side (resets). */
function pair(key: string, work: string, peer: string, a: { before?: () => void; run: () => Run }, b: { before?: () => void; run: () => Run }): void {
  log(`timing ${work} …`);
  const row: Row = { key, work, peer, ours: [], theirs: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const side of i % 2 === 0 ? [a, b] : [b, a]) {
      side.before?.();
      (side === a ? row.ours : row.theirs).push(side.run());
    }
  }
  rows.push(row);
}

const build = () => timed(node, [join(project, 'bin', 'build-site.mjs')], { env: { CAPAIAN_ROOT: repo, CAPAIAN_DIST: join(dir, 'dist') } });
const coldCapaian = () => {
  rmSync(join(repo, 'node_modules'), { recursive: true, force: true });
  for (const e of readdirSync(dir)) if (e === 'dist' || e.startsWith('.dist-')) rmSync(join(dir, e), { recursive: true, force: true });
};
const frameworkBuild = () => timed(node, [frameworkBin, 'build'], { cwd: fw });
const coldFramework = () => {
  rmSync(join(fw, 'src', '.observablehq', 'cache'), { recursive: true, force: true });
  rmSync(join(fw, 'dist'), { recursive: true, force: true });
};
let capaianVersion = 0;
let frameworkVersion = 0;
const changeCapaian = () => writeFileSync(monthFile, versions.capaian[(capaianVersion ^= 1)]!);
const changeFramework = () => {
  writeFileSync(join(fw, 'csv', `${CHANGED}.csv`), versions.framework[(frameworkVersion ^= 1)]!);
  const now = new Date();
  utimesSync(join(fw, 'src', 'data', `m-${CHANGED}.json.js`), now, now);
};

if (!values['no-site'] && framework) {
  pair('cold_site', 'cold site build', 'Framework cold build', { before: coldCapaian, run: build }, { before: coldFramework, run: frameworkBuild });
  // Both caches are warm from the last cold builds: each run changes the month again.
  build();
  frameworkBuild();
  pair('month_changed', 'one month changed, rebuild', 'Framework incremental build', { before: changeCapaian, run: build }, { before: changeFramework, run: frameworkBuild });
}
if (duckdb) {
  pair('kpis', 'KPIs only (compute --no-cache)', 'DuckDB from the CSV', { run: () => timed(node, [cli, 'compute', '--format', 'json', '--no-cache', '--root', repo]) }, { run: () => timed(node, [join(here, 'duckdb-kpis.mjs'), csv]) });
}
{
  const small = join(dir, 'small');
  const smallCsv = join(dir, 'small.csv');
  await writeCsv(smallCsv, orderLinesCsv({ lines: 10_000 }));
  await makeRepo(small, smallCsv);
  capaian(['validate', '--root', small], { stdio: 'ignore' });
  // Unchanged data: a second run prints the output the first one kept (files settled 3 s first).
  spawnSync('sleep', ['3.5']);
  capaian(['compute', '--root', small], { stdio: 'ignore' });
  pair('startup', 'start-up: compute on 10,000 lines', 'node -e 0', { run: () => timed(node, [cli, 'compute', '--root', small]) }, { run: () => timed(node, ['-e', '0']) });
  // One month file changed before each run (a quantity, back and forth): nothing kept applies.
  // The outputs kept so far are removed too: the file back as it was would find the one the
  // start-up row kept, and every other run would print it instead of computing.
  const file = join(small, 'data', ...MONTHS[12]!.split('-'), 'orders.yaml');
  const texts = [readFileSync(file, 'utf8')];
  texts.push(texts[0]!.replace(/qty: (\d+)/, (_, q: string) => `qty: ${Number(q) + 1}`));
  let version = 0;
  const kept = join(small, 'node_modules', '.cache', 'capaian');
  const change = () => {
    writeFileSync(file, texts[(version ^= 1)]!);
    for (const e of existsSync(kept) ? readdirSync(kept) : []) if (e.startsWith('result-')) rmSync(join(kept, e), { force: true });
  };
  pair('startup_changed', 'compute on 10,000 lines, a month file changed', 'node -e 0', { before: change, run: () => timed(node, [cli, 'compute', '--root', small]) }, { run: () => timed(node, ['-e', '0']) });
  writeFileSync(file, texts[0]!);
}
{
  // One bad quantity in the middle month: `qty: x` in its first line.
  const file = join(repo, 'data', ...MONTHS[12]!.split('-'), 'orders.yaml');
  const clean = readFileSync(file, 'utf8');
  const bad = clean.replace(/qty: \d+/, 'qty: x');
  const validate = (status: number) => () => timed(node, [cli, 'validate', '--no-cache', '--root', repo], { status });
  pair('error_path', 'one bad quantity, validate --no-cache', 'the clean repository', { before: () => writeFileSync(file, bad), run: validate(1) }, { before: () => writeFileSync(file, clean), run: validate(0) });
  writeFileSync(file, clean);
}

if (!values.keep) rmSync(dir, { recursive: true, force: true });
else log(`kept ${dir}`);

// --- the table ------------------------------------------------------------------------------------
const median = (xs: number[]) => {
  const s = [...xs].sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ratio = (r: Row, f: (x: Run) => number) => median(r.ours.map((x, i) => f(x) / Math.max(f(r.theirs[i]!), 0.001)));
const s = (x: number) => `${x.toFixed(2)} s`;
const header = ['work (paired runs, medians)', 'capaian wall / CPU', 'peer', 'peer wall / CPU', 'wall ratio', 'CPU ratio', 'peak MB'];
const table = rows.map((r) => [
  r.work,
  `${s(median(r.ours.map((x) => x.wall)))} / ${s(median(r.ours.map((x) => x.cpu)))}`,
  r.peer,
  `${s(median(r.theirs.map((x) => x.wall)))} / ${s(median(r.theirs.map((x) => x.cpu)))}`,
  `${ratio(r, (x) => x.wall).toFixed(2)}×`,
  `${ratio(r, (x) => x.cpu).toFixed(2)}×`,
  `${median(r.ours.map((x) => x.rssMb))} / ${median(r.theirs.map((x) => x.rssMb))}`,
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(`\n${LINES.toLocaleString('en-US')} order lines, 24 months; ${RUNS} pairs per row; ${cpus().length} cores, Node ${process.versions.node}; load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)}`);
for (const a of agreement) console.log(`agreement with ${a}`);
if (missing.length) console.log(`skipped (not installed): ${missing.join(', ')}: npm install --prefix bench/peers`);
console.log(`\n${line(header)}`);
for (const t of table) console.log(line(t));
console.log(`\nlines=${LINES} agree=${agreed ? 1 : 0} ${rows.map((r) => `${r.key}=${ratio(r, (x) => x.wall).toFixed(2)} ${r.key}_cpu=${ratio(r, (x) => x.cpu).toFixed(2)}`).join(' ')}`);
if (!agreed) process.exitCode = 1;
