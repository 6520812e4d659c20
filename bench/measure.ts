/**
 * One measured run in its own process (so peak memory is this run's alone): the month files
 * read, parsed and checked (worker threads, cache), then validation of the rest and the
 * cross-file rules, the dataset, every KPI, the report model. Prints one JSON line.
 * Usage: node --import tsx bench/measure.ts DIR [--no-cache]
 */
import { cacheDirFor } from '../src/load/chunk-cache.ts';
import { preIngest } from '../src/load/ingest-pool.ts';
import { readRepoFiles } from '../src/load/read-repo.ts';
import { validateRepo } from '../src/validate/validate-repo.ts';
import { buildDataset } from '../src/dataset/build-dataset.ts';
import { fieldsUsedBy } from '../src/kpi/fields-used.ts';
import { computeKpis } from '../src/compute/compute-kpis.ts';
import { buildReport } from '../src/report/build-report.ts';

const root = process.argv[2]!;
const noCache = process.argv.includes('--no-cache');
const t0 = performance.now();
const read = await readRepoFiles(root, ['data', 'kpis']);
const { ingested, stats } = await preIngest(read.files, { cacheDir: noCache ? null : cacheDirFor(root) });
const t1 = performance.now();
const v = validateRepo(read.files, read.issues, { ingested });
const t2 = performance.now();
if (!v.data) {
  console.error(v.issues.slice(0, 5));
  process.exit(1);
}
// As runPipeline does: the month files' columns go into the dataset (and out of v.data).
const data = v.data;
const dataset = buildDataset(data, fieldsUsedBy(v.kpis), true);
const t3 = performance.now();
const computed = computeKpis({ data, dataset, kpis: v.kpis });
const t4 = performance.now();
buildReport({ data, kpis: v.kpis, computed, months: v.summary.months });
const t5 = performance.now();
const s = (a: number, b: number) => +((b - a) / 1000).toFixed(2);
console.log(
  JSON.stringify({
    orders: v.summary.records.orders ?? 0,
    files: stats.files,
    cached: stats.cached,
    workers: stats.workers,
    parse_s: s(t0, t1),
    validate_s: s(t1, t2),
    dataset_s: s(t2, t3),
    compute_s: s(t3, t4),
    report_s: s(t4, t5),
    peak_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);
