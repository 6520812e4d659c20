/**
 * npm run bench:parse: how fast each YAML parser reads one month of orders at scale, and what it
 * costs in memory. The figures behind the choice of js-yaml for loading and `yaml` for positions.
 */
import yaml from 'js-yaml';
import { parseDocument, LineCounter } from 'yaml';
import { generateSampleFiles } from '../src/sample/generate.ts';

const ordersPerMonth = Number(process.argv[2] ?? 40_000);
let text = '';
for (const f of generateSampleFiles({ ordersPerMonth, months: 1 })) if (f.path.endsWith('orders.yaml')) text = f.text;
const mb = Buffer.byteLength(text) / 1024 / 1024;
const json = JSON.stringify(yaml.load(text, { schema: yaml.CORE_SCHEMA }));

function measure(name: string, fn: () => unknown): void {
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  const t = performance.now();
  const kept = fn();
  const s = (performance.now() - t) / 1000;
  const heap = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  console.log(`${name.padEnd(34)}${s.toFixed(2).padStart(7)} s${(mb / s).toFixed(1).padStart(8)} MB/s${heap.toFixed(0).padStart(8)} MB heap`);
  void kept;
}

console.log(`one month of ${ordersPerMonth.toLocaleString('en-US')} orders: ${mb.toFixed(1)} MB of YAML`);
measure('JSON.parse (same data as JSON)', () => JSON.parse(json));
measure('js-yaml load (core schema)', () => yaml.load(text, { schema: yaml.CORE_SCHEMA }));
measure('yaml parseDocument (positions)', () => parseDocument(text, { lineCounter: new LineCounter(), schema: 'core' }));
