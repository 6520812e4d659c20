/**
 * Chart threads for `astro build`: Astro renders pages on one thread, and drawing the charts was
 * most of that thread's time while the machine's other cores idled. The pool draws charts in
 * worker threads (one fewer than the cores Node may use, none on one core; CAPAIAN_CHART_THREADS
 * sets the number) while Astro's thread renders pages, and that thread draws a chart itself
 * whenever it has nothing else to do and charts are waiting.
 *
 * A chart is drawn from its plain input (the input the chart cache keys it on) by chart-draw.ts,
 * in a thread and on Astro's thread alike: a thread runs a bundle of chart-thread.ts that esbuild
 * makes from the same sources (node_modules/.cache/capaian/chart-thread-<key>.mjs, the key being
 * the chart cache's code version and esbuild's: made again whenever a source changes). Where a
 * chart is drawn never changes its bytes, only when it is ready: pages await their charts, and
 * Astro writes each page whole, so nothing depends on the order charts finish in.
 *
 * A chart whose drawing fails in a thread fails the page (the build's error, with the thread's
 * stack); a thread that stops fails the charts it was drawing, and the pool goes on without it.
 * Only the integration opens the pool (`astro build`) and closes it when the build is done; dev,
 * tests and everything else draw each chart when it is asked for. The threads never keep the
 * process alive while they have no chart to draw.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { chartCodeVersion } from './chart-cache.ts';
import type { ChartInputs, ChartKind } from './chart-draw.ts';
import type { ChartJobMessage, ChartReply } from './chart-thread.ts';

interface Job {
  kind: ChartKind;
  input: unknown;
  /** Draws it on Astro's thread: chart-draw.ts as the pages' bundle has it. */
  draw: () => string;
  resolve: (svg: string) => void;
  reject: (e: Error) => void;
}

/** Charts sent to a thread ahead of its answers, so it does not wait while Astro's thread is busy. */
const AHEAD = 2;

/** The number of chart threads: CAPAIAN_CHART_THREADS when set, else the cores Node may use but one. */
export function chartThreads(): number {
  const set = process.env.CAPAIAN_CHART_THREADS;
  if (set !== undefined && /^\d+$/.test(set.trim())) return Number(set);
  return Math.max(0, availableParallelism() - 1);
}

class Thread {
  readonly worker: Worker;
  ready = false;
  readonly drawing = new Map<number, Job>();
  /** Settles when the thread has loaded the drawing code (true) or stopped first (false). */
  readonly started: Promise<boolean>;
  private started_ = (_: boolean) => {};
  private next = 0;

  constructor(
    file: string,
    private readonly pool: ChartPool,
  ) {
    this.started = new Promise((ok) => (this.started_ = ok));
    this.worker = new Worker(file);
    this.worker.unref();
    this.worker.on('message', (m: ChartReply | 'ready') => {
      if (m === 'ready') {
        this.ready = true;
        this.started_(true);
      } else {
        const job = this.drawing.get(m.id);
        this.drawing.delete(m.id);
        if (!this.drawing.size) this.worker.unref();
        if (job) {
          if ('svg' in m) {
            pool.stats.thread++;
            job.resolve(m.svg);
          } else {
            const e = new Error(`chart ${job.kind} (drawn in a chart thread): ${m.error.message}`);
            if (m.error.stack) e.stack = `${e.message}\n${m.error.stack.split('\n').slice(1).join('\n')}`;
            job.reject(e);
          }
        }
      }
      pool.pump();
    });
    this.worker.on('error', (e: Error) => this.stop(e));
    this.worker.on('exit', (code) => this.stop(new Error(`a chart thread stopped (exit code ${code})`)));
  }

  send(job: Job): void {
    const id = this.next++;
    this.drawing.set(id, job);
    this.worker.ref();
    try {
      this.worker.postMessage({ id, kind: job.kind, input: job.input } satisfies ChartJobMessage);
    } catch (e) {
      // An input that cannot be copied to a thread (the chart cache refuses such an input first).
      this.drawing.delete(id);
      if (!this.drawing.size) this.worker.unref();
      job.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }

  /** The thread is gone: the charts it was drawing fail, the others are drawn without it. */
  private stop(e: Error): void {
    this.started_(false);
    this.pool.threads = this.pool.threads.filter((t) => t !== this);
    if (this.pool.closed) return;
    for (const job of this.drawing.values()) job.reject(new Error(`chart ${job.kind}: ${e.message}`, { cause: e }));
    this.drawing.clear();
    this.pool.pump();
  }
}

class ChartPool {
  threads: Thread[] = [];
  /** Settles when the threads are ready: how many are. */
  started: Promise<number> = Promise.resolve(0);
  closed = false;
  readonly queue: Job[] = [];
  readonly stats = { thread: 0, main: 0 };
  private stealing = false;

  draw(kind: ChartKind, input: unknown, draw: () => string): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      this.queue.push({ kind, input, draw, resolve, reject });
      this.pump();
    });
  }

  /** Gives the threads charts to draw, and Astro's thread its turn when charts still wait. */
  pump(): void {
    for (const t of this.threads) while (t.ready && t.drawing.size < AHEAD && this.queue.length) t.send(this.queue.shift()!);
    if (this.queue.length && !this.stealing) {
      this.stealing = true;
      // After what Astro's thread has to do now (rendering, the threads' answers): one chart, then
      // the event loop again, so a thread's answer is taken and its next chart sent in between.
      setImmediate(() => {
        this.stealing = false;
        const job = this.queue.pop();
        if (job) {
          try {
            job.resolve(job.draw());
            this.stats.main++;
          } catch (e) {
            job.reject(e instanceof Error ? e : new Error(String(e)));
          }
        }
        this.pump();
      });
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
    this.threads = [];
  }
}

const SHARED = Symbol.for('capaian.chart-pool');
const shared = globalThis as Record<symbol, ChartPool | undefined>;

/**
 * Starts `threads` chart threads for the sources of `project` (the package: its src/ and
 * node_modules), after bundling their entry when the bundle is not cached yet. Returns at once:
 * until the threads are ready, Astro's thread draws every chart. `code`: `project`'s
 * chartCodeVersion, when the caller has hashed it already.
 */
export function openChartPool(project: string, threads = chartThreads(), code?: string): void {
  // One core: no pool, every chart drawn when asked for.
  if (threads < 1) return;
  const pool = new ChartPool();
  shared[SHARED] = pool;
  pool.started = threadBundle(project, code).then(
    async (file) => {
      if (!file || pool.closed) return 0;
      for (let i = 0; i < threads; i++) pool.threads.push(new Thread(file, pool));
      return (await Promise.all(pool.threads.map((t) => t.started))).filter(Boolean).length;
    },
    // No bundle (no esbuild, a read-only disk): Astro's thread draws them all, as before.
    () => 0,
  );
}

/** How many chart threads are ready, once they are (0 without a pool); for tests. */
export function chartPoolStarted(): Promise<number> {
  return shared[SHARED]?.started ?? Promise.resolve(0);
}

/** Stops the threads; says how many charts each side drew. */
export async function closeChartPool(): Promise<ChartPool['stats'] | null> {
  const pool = shared[SHARED];
  if (!pool) return null;
  shared[SHARED] = undefined;
  await pool.close();
  return pool.stats;
}

/**
 * The chart of `kind` from `input`: from the pool when one is open, else drawn now. `draw` draws
 * it on this thread (chart-draw.ts's drawChart of the same input): passed in, so that the
 * integration, which opens the pool while Astro loads its config, does not load the charts' code
 * through Vite's module runner for the pages' bundle to load again.
 */
export function drawChartSoon<K extends ChartKind>(kind: K, input: ChartInputs[K], draw: () => string): string | Promise<string> {
  const pool = shared[SHARED];
  return pool ? pool.draw(kind, input, draw) : draw();
}

/**
 * The file of the chart thread's bundle for `project`'s sources, made when missing; null when it
 * cannot be. `code`: `project`'s chartCodeVersion when the caller has it already (one hash of src/).
 */
export async function threadBundle(project: string, code = chartCodeVersion(project)): Promise<string | null> {
  let esbuild: typeof import('esbuild');
  try {
    // Node's require, from the package: the integration runs in Vite's module runner, which is
    // closed by the time the pool opens.
    esbuild = createRequire(join(project, 'package.json'))('esbuild') as typeof import('esbuild');
  } catch {
    return null;
  }
  const key = createHash('sha1').update(`${code}\nesbuild ${esbuild.version}\n`).digest('hex').slice(0, 16);
  const name = `chart-thread-${key}.mjs`;
  const homes = [join(project, 'node_modules', '.cache', 'capaian'), join(tmpdir(), `capaian-${process.getuid?.() ?? 'user'}`)];
  for (const home of homes) if (existsSync(join(home, name))) return join(home, name);
  for (const home of homes) {
    const partial = join(home, `partial-${name}-${process.pid}-${randomBytes(4).toString('hex')}.mjs`);
    try {
      mkdirSync(home, { recursive: true });
      await esbuild.build({
        absWorkingDir: project,
        entryPoints: [join(project, 'src', 'site', 'chart-thread.ts')],
        outfile: partial,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'esm',
        // Some packages still call require() on Node's own modules: give the module a require.
        banner: { js: "import { createRequire as __capaianRequire } from 'node:module'; const require = __capaianRequire(import.meta.url);" },
        logLevel: 'silent',
      });
      // Whole or not at all: another build may be reading it.
      renameSync(partial, join(home, name));
      removeStale(home, name);
      return join(home, name);
    } catch {
      rmSync(partial, { force: true });
    }
  }
  return null;
}

/** Bundles of other sources, and pieces of interrupted ones, an hour old (a build still using one is long done). */
function removeStale(home: string, keep: string): void {
  try {
    for (const f of readdirSync(home)) {
      if (f === keep || !/^(partial-)?chart-thread-/.test(f)) continue;
      try {
        if (Date.now() - statSync(join(home, f)).mtimeMs > 3_600_000) rmSync(join(home, f), { force: true });
      } catch {
        // Another build removed it first.
      }
    }
  } catch {
    // Nothing to tidy.
  }
}
