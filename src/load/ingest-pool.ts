/**
 * Reads the month files before validation, in worker threads on every core and through the
 * cache (chunk-cache.ts), so validation finds them already turned into columns. Everything it
 * does is an optimisation: a file it could not read cleanly is read again, and reported, by
 * validation itself.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { MONTH_KINDS, type MonthKind } from '../ingest/chunk.ts';
import type { IngestResult } from '../ingest/ingest-file.ts';
import { companySchema } from '../schema/company.ts';
import type { SourceFile, ValidateOptions } from '../validate/validate-repo.ts';
import { pruneCache, readerFingerprint, StatIndex, stampOf, type CacheId } from './chunk-cache.ts';
import { decodeText } from './decode.ts';
import { placeFile } from './layout.ts';
import { parseYaml } from './parse-yaml.ts';
import { lookUp, runIngestTask, type IngestDone, type IngestTask } from './ingest-task.ts';

export interface IngestStats {
  files: number;
  /** Files served from the cache. */
  cached: number;
  /** Files not read at all: their stamp was the one in the stat index (chunk-cache.ts). */
  unread: number;
  workers: number;
  seconds: number;
}

export interface PreIngestOptions {
  cacheDir: string | null;
  /** Worker threads (given: used whatever the size); default one per core, none for a few megabytes. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /** A line for the user (a cache entry that did not verify); default: printed on stderr. */
  onNotice?: (line: string) => void;
}

// Below this many bytes of month files to read, starting workers costs more than it saves.
const WORKERS_FROM_BYTES = 32 * 1024 * 1024;

export async function preIngest(files: SourceFile[], opts: PreIngestOptions): Promise<{ ingested: ValidateOptions['ingested']; stats: IngestStats }> {
  const start = performance.now();
  const tz = companyTimezone(files);
  const results = new Map<string, IngestResult>();
  const stats: IngestStats = { files: 0, cached: 0, unread: 0, workers: 0, seconds: 0 };
  // Each result is handed over once, then forgotten, so the chunks live no longer than the data.
  const ingested: ValidateOptions['ingested'] = (f) => {
    const result = tz === null ? undefined : results.get(f.path);
    results.delete(f.path);
    return result && tz !== null ? { tz, result } : undefined;
  };
  if (tz === null) return { ingested, stats };

  const reader = readerFingerprint();
  if (!reader) opts = { ...opts, cacheDir: null };
  const tasks: IngestTask[] = [];
  for (const f of files) {
    if (!f.path.startsWith('data/')) continue;
    const place = placeFile(f.path.slice('data/'.length));
    if (!('month' in place) || !place.month || !(MONTH_KINDS as readonly string[]).includes(place.kind)) continue;
    const base = { path: f.path, kind: place.kind as MonthKind, month: place.month, tz, cacheDir: opts.cacheDir, reader };
    tasks.push(f.origin ? { ...base, origin: f.origin } : { ...base, bytes: f.bytes });
  }
  const used = new Set<string>();
  const notice = opts.onNotice ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const take = (d: IngestDone) => {
    if (d.notice) notice(d.notice);
    results.set(d.path, d.result);
    if (d.key) used.add(d.key);
    stats.files++;
    if (d.cached) stats.cached++;
    opts.onProgress?.(stats.files, tasks.length);
  };

  // The main thread looks each file up in the cache; misses queue for the workers, which start
  // once the misses are big enough to be worth them (a monthly PR misses one month: no workers).
  const misses = new TaskQueue();
  let missBytes = 0;
  let pool: Promise<void> | undefined;
  // The main thread reads files too (below), so one worker fewer than the cores: one thread less
  // to start, and no core left idle while the workers start.
  const wanted = opts.workers ?? Math.min(availableParallelism() - 1, 7);
  const threshold = opts.workers !== undefined ? 0 : WORKERS_FROM_BYTES;
  // Files whose stamp is unchanged since they were hashed are looked up without being read.
  const index = opts.cacheDir ? StatIndex.load(opts.cacheDir) : null;
  for (const t of tasks) {
    const stamp = index && t.origin ? stampOf(t.origin) : undefined;
    const source = stamp ? index!.source(t.origin!, stamp) : undefined;
    const { id, hit, notice: spoilt } = lookUp(t, undefined, source ? { source, size: stamp!.size } : undefined);
    if (stamp && id && !source) index!.record(t.origin!, stamp, id.source);
    if (hit && source) stats.unread++;
    if (hit) take(hit);
    else {
      misses.push(id ? { ...t, id, ...(spoilt ? { notice: spoilt } : {}) } : t);
      missBytes += t.bytes ? t.bytes.length : statSync(t.origin!).size;
      if (!pool && wanted > 0 && missBytes >= threshold) ((pool = inWorkers(misses, wanted, take)), (stats.workers = wanted));
    }
    // Let the workers' replies in while the main thread hashes.
    if (pool) await new Promise((r) => setImmediate(r));
  }
  misses.close();
  // Meanwhile the main thread reads files itself, one at a time, letting the workers' answers in
  // between (each worker has its next file waiting, so none idles while the main thread reads).
  if (pool) {
    for (let t = misses.take(); t; t = misses.take()) {
      // As in a worker: a file that cannot be read here is read again, and reported, by validation.
      try {
        take(runIngestTask(t));
      } catch {
        // (nothing kept: validation finds no chunk for it)
      }
      await new Promise((r) => setImmediate(r));
    }
    await pool;
  }
  // Whatever no worker took (few misses, or workers that failed) is read here.
  for (let t = misses.take(); t; t = misses.take()) take(runIngestTask(t));
  if (opts.cacheDir && used.size) pruneCache(opts.cacheDir, used);
  if (opts.cacheDir) index?.save(opts.cacheDir);
  stats.seconds = (performance.now() - start) / 1000;
  return { ingested, stats };
}

type Task = IngestTask & { id?: CacheId; notice?: string };

/** Tasks added by the main thread while workers take them. */
class TaskQueue {
  private readonly items: Task[] = [];
  private closed = false;
  private waiting: (() => void)[] = [];

  push(t: Task): void {
    this.items.push(t);
    this.wake();
  }
  close(): void {
    this.closed = true;
    this.wake();
  }
  take(): Task | undefined {
    return this.items.shift();
  }
  /** The next task; undefined once the queue is closed and empty. */
  async next(): Promise<Task | undefined> {
    for (;;) {
      const t = this.items.shift();
      if (t || this.closed) return t;
      await new Promise<void>((r) => this.waiting.push(r));
    }
  }
  private wake(): void {
    const w = this.waiting;
    this.waiting = [];
    for (const r of w) r();
  }
}

type Reply = IngestDone | { path: string; failed: string };

async function inWorkers(queue: TaskQueue, count: number, take: (d: IngestDone) => void): Promise<void> {
  const url = new URL('./ingest-worker.mjs', import.meta.url);
  await Promise.all(
    Array.from({ length: count }, async () => {
      const worker = new Worker(url);
      // A worker answers its tasks in the order they were sent.
      const waiting: { resolve: (m: Reply) => void; reject: (e: Error) => void }[] = [];
      let dead: Error | undefined;
      const die = (e: Error) => {
        dead ??= e;
        for (const w of waiting.splice(0)) w.reject(e);
      };
      worker.on('message', (m: Reply) => waiting.shift()?.resolve(m));
      worker.on('error', die);
      worker.on('exit', () => die(new Error('ingest worker exited')));
      // Two tasks in flight per worker: it starts the next file as soon as it answers one.
      const lane = async () => {
        let task: Task | undefined;
        try {
          while ((task = await queue.next())) {
            const t = task;
            const reply = await new Promise<Reply>((resolve, reject) => {
              if (dead) return reject(dead);
              waiting.push({ resolve, reject });
              worker.postMessage(t);
            });
            if ('result' in reply) take(reply);
            task = undefined;
          }
        } catch {
          // A worker that died gives its tasks back; the main thread reads them.
          if (task) queue.push(task);
        }
      };
      try {
        await Promise.all([lane(), lane()]);
      } finally {
        await worker.terminate();
      }
    }),
  );
}

/** The company timezone, when company.yaml reads cleanly (otherwise validation reports it). */
function companyTimezone(files: SourceFile[]): string | null {
  const f = files.find((x) => x.path === 'data/company.yaml');
  if (!f) return null;
  const text = decodeText(f.bytes, f.path).text;
  if (text === undefined) return null;
  const parsed = parseYaml(text, f.path);
  if (parsed.issues.length) return null;
  const r = companySchema.safeParse(parsed.value);
  return r.success ? r.data.timezone : null;
}
