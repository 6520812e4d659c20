/**
 * npm run bench:parse: how fast each reader reads one month of orders at scale, and what it costs
 * in memory: our two fast readers (the canonical reader, straight to checked columns, and the
 * line scanner, to plain objects), which the README quotes, and the YAML parsers behind the
 * choice of js-yaml for loading and `yaml` for positions. A fast reader that gives up on the
 * file (it must not, on what `capaian sample` writes) fails the run.
 */
import yaml from 'js-yaml';
import { parseDocument, LineCounter } from 'yaml';
import { readCanonical } from '../src/ingest/canonical-reader.ts';
import { scanRecordList } from '../src/load/fast-yaml.ts';
import { generateSampleFiles } from '../src/sample/generate.ts';

const ordersPerMonth = Number(process.argv[2] ?? 40_000);
let text = '';
let path = '';
for (const f of generateSampleFiles({ ordersPerMonth, months: 1 })) if (f.path.endsWith('orders.yaml')) ({ text, path } = f);
// data/<yyyy>/<mm>/orders.yaml, in the sample company's timezone.
const month = path.split('/').slice(-3, -1).join('-');
const timezone = 'Asia/Jakarta';
const mb = Buffer.byteLength(text) / 1024 / 1024;
const json = JSON.stringify(yaml.load(text, { schema: yaml.CORE_SCHEMA }));
// The canonical reader reads the file's bytes, as capaian reads a month file.
const bytes = new TextEncoder().encode(text);

/**
 * The best of `runs` runs (the first also warms the code up): wall time, CPU time (of the whole
 * process, so a busy machine shows less in it than in wall time) and MB/s by CPU time, i.e. per
 * core; and the heap the result keeps.
 */
function measure(name: string, fn: () => unknown, runs = 3): void {
  let wall = Infinity;
  let cpu = Infinity;
  let heap = 0;
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    const c = process.cpuUsage();
    const t = performance.now();
    const kept = fn();
    const s = (performance.now() - t) / 1000;
    const used = process.cpuUsage(c);
    if (kept === undefined) throw new Error(`${name}: gave up on the sample's orders (${path})`);
    heap = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    wall = Math.min(wall, s);
    cpu = Math.min(cpu, (used.user + used.system) / 1e6);
  }
  console.log(`${name.padEnd(36)}${wall.toFixed(2).padStart(7)} s${cpu.toFixed(2).padStart(7)} s${(mb / cpu).toFixed(1).padStart(8)} MB/s${heap.toFixed(0).padStart(8)} MB`);
}

console.log(`one month of ${ordersPerMonth.toLocaleString('en-US')} orders: ${mb.toFixed(1)} MB of YAML (best of 3 runs; \`yaml\` 1)`);
console.log(`${''.padEnd(36)}${'wall'.padStart(9)}${'CPU'.padStart(9)}${'per core'.padStart(13)}${'heap'.padStart(11)}`);
measure('canonical reader (checked columns)', () => readCanonical(bytes, 'orders', path, month, timezone));
measure('line scanner (objects, unchecked)', () => scanRecordList(text));
measure('JSON.parse (same data as JSON)', () => JSON.parse(json));
measure('js-yaml load (core schema)', () => yaml.load(text, { schema: yaml.CORE_SCHEMA }));
measure('yaml parseDocument (positions)', () => parseDocument(text, { lineCounter: new LineCounter(), schema: 'core' }), 1);
