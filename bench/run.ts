/**
 * npm run bench [-- --orders N] [--months M] [--no-site] [--keep]: generates a sample repository
 * of N orders (default 1,000,000, with proportional leads, activities and surveys) with
 * `capaian sample`, then measures, each in a fresh process:
 *   cold   nothing cached: every month file read, parsed and checked
 *   warm   the cache from the cold run (node_modules/.cache/capaian in the repository)
 *   +month one more month committed on top of the warm cache (a monthly data PR)
 *   site   `npm run build` of the whole site, cold (without the last month)
 *   +month site rebuild: the last month added back, built again on the cache of the cold build
 *          (month files and charts already drawn)
 *   bad    `capaian validate --no-cache` with one quantity made 0, against the same on the data
 *          as is (the error path: columns, the one bad record worded)
 * The last line is machine-readable: orders=N validate_s=X compute_s=Y build_s=Z rebuild_s=R peak_mb=W
 * (cold run; validate = read + parse + check + rules, compute = dataset + KPIs + report model).
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { orders: { type: 'string', default: '1000000' }, months: { type: 'string', default: '24' }, keep: { type: 'boolean', default: false }, 'no-site': { type: 'boolean', default: false } },
});
const orders = Number(values.orders);
const months = Number(values.months);
const project = join(import.meta.dirname, '..');
const dir = await mkdtemp(join(tmpdir(), 'capaian-bench-'));
const repo = join(dir, 'repo');
const cli = join(project, 'bin', 'capaian.mjs');
const cacheDir = join(repo, 'node_modules', '.cache', 'capaian');

// One month more than measured: the last one is held back for the "+month" run. The sample
// grows year on year, so months are a little fuller than the average to reach N without it.
let t = performance.now();
const perMonth = Math.ceil((orders / months) * 1.03);
execFileSync(process.execPath, [cli, 'sample', '--out', repo, '--orders-per-month', String(perMonth), '--months', String(months + 1)], { stdio: ['ignore', 'ignore', 'inherit'] });
await cp(join(project, 'kpis'), join(repo, 'kpis'), { recursive: true });
const years = execFileSync('ls', [join(repo, 'data')], { encoding: 'utf8' }).split('\n').filter((y) => /^\d{4}$/.test(y)).sort();
const lastYear = years[years.length - 1]!;
const lastMonth = execFileSync('ls', [join(repo, 'data', lastYear)], { encoding: 'utf8' }).split('\n').filter(Boolean).sort().pop()!;
const held = join(dir, 'held');
await rename(join(repo, 'data', lastYear, lastMonth), held);
const generateS = (performance.now() - t) / 1000;

type Run = Record<string, number>;
const measure = (): Run => {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'measure.ts'), repo], { encoding: 'utf8', maxBuffer: 1 << 24, cwd: project });
  return JSON.parse(out.trim().split('\n').pop()!) as Run;
};
await rm(cacheDir, { recursive: true, force: true });
const cold = measure();
const warm = measure();
await rename(held, join(repo, 'data', lastYear, lastMonth));
const plusMonth = measure();

let buildS = NaN;
let rebuildS = NaN;
if (!values['no-site']) {
  await rm(cacheDir, { recursive: true, force: true });
  await rename(join(repo, 'data', lastYear, lastMonth), held);
  const buildSite = () => {
    const started = performance.now();
    execFileSync(process.execPath, [join(project, 'bin', 'build-site.mjs')], { cwd: project, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, CAPAIAN_ROOT: repo, CAPAIAN_DIST: join(dir, 'dist') } });
    return (performance.now() - started) / 1000;
  };
  buildS = buildSite();
  await rename(held, join(repo, 'data', lastYear, lastMonth));
  rebuildS = buildSite();
}
// One bad value: the first quantity of the first month's orders made 0, validated without the
// cache, against the clean data validated the same way (the CLI as a user runs it).
const validateTimed = (): number => {
  const start = performance.now();
  try {
    execFileSync(process.execPath, [cli, 'validate', '--no-cache', '--root', repo], { stdio: 'ignore' });
  } catch {
    // Exit 1: the error was found.
  }
  return (performance.now() - start) / 1000;
};
const firstMonth = execFileSync('ls', [join(repo, 'data', years[0]!)], { encoding: 'utf8' }).split('\n').filter(Boolean).sort()[0]!;
const badFile = join(repo, 'data', years[0]!, firstMonth, 'orders.yaml');
const original = await readFile(badFile, 'utf8');
const cleanS = validateTimed();
await writeFile(badFile, original.replace(/qty: \d+/, 'qty: 0'));
const badS = validateTimed();
await writeFile(badFile, original);

if (!values.keep) await rm(dir, { recursive: true, force: true });
else console.log(`kept ${dir}`);

const total = (r: Run) => r.parse_s! + r.validate_s! + r.dataset_s! + r.compute_s! + r.report_s!;
const row = (name: string, f: (r: Run) => string) => console.log(`${name.padEnd(34)}${[cold, warm, plusMonth].map((r) => f(r).padStart(11)).join('')}`);
console.log(`${cold.orders!.toLocaleString('en-US')} orders; generated in ${generateS.toFixed(1)} s\n`);
row('', (r) => (r === cold ? 'cold' : r === warm ? 'warm' : '+1 month'));
row('month files from cache', (r) => `${r.cached}/${r.files}`);
row(`parse + check month files`, (r) => `${r.parse_s!.toFixed(2)} s`);
row('validate (rest + cross-file rules)', (r) => `${r.validate_s!.toFixed(2)} s`);
row('build dataset', (r) => `${r.dataset_s!.toFixed(2)} s`);
row('compute all KPIs', (r) => `${r.compute_s!.toFixed(2)} s`);
row('report model', (r) => `${r.report_s!.toFixed(2)} s`);
row('total', (r) => `${total(r).toFixed(2)} s`);
row('peak memory (RSS)', (r) => `${r.peak_mb} MB`);
if (!Number.isNaN(buildS)) console.log(`${'whole site (npm run build, cold)'.padEnd(34)}${`${buildS.toFixed(1)} s`.padStart(11)}`);
if (!Number.isNaN(rebuildS)) console.log(`${'+month site rebuild (warm cache)'.padEnd(34)}${`${rebuildS.toFixed(1)} s`.padStart(11)}`);
console.log(`${'validate --no-cache: clean / one bad value'.padEnd(34)}${`${cleanS.toFixed(2)} s / ${badS.toFixed(2)} s (${(badS / cleanS).toFixed(2)}x)`.padStart(33)}`);
console.log(`workers: ${cold.workers}`);
const validateS = cold.parse_s! + cold.validate_s!;
const computeS = cold.dataset_s! + cold.compute_s! + cold.report_s!;
console.log(`orders=${cold.orders} validate_s=${validateS.toFixed(2)} compute_s=${computeS.toFixed(2)} build_s=${Number.isNaN(buildS) ? 'NaN' : buildS.toFixed(2)} rebuild_s=${Number.isNaN(rebuildS) ? 'NaN' : rebuildS.toFixed(2)} peak_mb=${cold.peak_mb}`);
