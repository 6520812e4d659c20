/**
 * npm run bench [-- --orders N]: generates a sample repository of N orders (default 1,000,000,
 * with proportional leads, activities and surveys) into a temporary folder with `capaian sample`,
 * then measures validate and compute in a separate process. The last line is machine-readable.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { orders: { type: 'string', default: '1000000' }, months: { type: 'string', default: '24' }, keep: { type: 'boolean', default: false } } });
const orders = Number(values.orders);
const months = Number(values.months);
const dir = await mkdtemp(join(tmpdir(), 'capaian-bench-'));
const cli = join(import.meta.dirname, '..', 'bin', 'capaian.mjs');

let t = performance.now();
execFileSync(process.execPath, [cli, 'sample', '--out', dir, '--orders-per-month', String(Math.ceil(orders / months)), '--months', String(months)], { stdio: ['ignore', 'ignore', 'inherit'] });
await cp(join(import.meta.dirname, '..', 'kpis'), join(dir, 'kpis'), { recursive: true });
const generateS = (performance.now() - t) / 1000;

t = performance.now();
const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'measure.ts'), dir], { encoding: 'utf8', maxBuffer: 1 << 24 });
const wallS = (performance.now() - t) / 1000;
const m = JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
if (!values.keep) await rm(dir, { recursive: true, force: true });
else console.log(`kept ${dir}`);

const rows: [string, string][] = [
  ['orders', m.orders!.toLocaleString('en-US')],
  ['generate (capaian sample)', `${generateS.toFixed(1)} s`],
  ['read files', `${m.read_s} s`],
  ['parse + validate', `${m.validate_s} s`],
  ['build dataset', `${m.dataset_s} s`],
  ['compute all KPIs', `${m.compute_s} s`],
  ['report model', `${m.report_s} s`],
  ['process wall time', `${wallS.toFixed(1)} s`],
  ['peak memory (RSS)', `${m.peak_mb} MB`],
];
for (const [k, v] of rows) console.log(`${k.padEnd(28)}${v.padStart(14)}`);
const validateS = m.read_s! + m.validate_s!;
const computeS = m.dataset_s! + m.compute_s! + m.report_s!;
console.log(`orders=${m.orders} validate_s=${validateS.toFixed(2)} compute_s=${computeS.toFixed(2)} peak_mb=${m.peak_mb}`);
