/**
 * capaian as an Astro integration (`integrations: [capaian(), mdx()]` in astro.config.mjs).
 *
 * - `astro build`: validates the data repository and computes the report model once, before any
 *   page; invalid data fails the build with every error as `file:line:column  message  (hint)`.
 *   When `npm run build` validates (it hands the model over when validation has passed, while
 *   Astro boots and bundles: report-handover.ts), that model is
 *   used as it is. Charts are read from the chart cache when their data has not changed
 *   (chart-cache.ts), which is opened here and pruned when the build is done.
 * - `astro dev`: computes the model at start and again after every change under data/ and kpis/
 *   (company, team, targets, month files, KPI definitions), through the month-file cache, then
 *   reloads the open page. Invalid data shows in Astro's error overlay (the first file's lines, the
 *   whole list) and the terminal prints the same list.
 *
 * The data repository is `root`, else CAPAIAN_ROOT, else the working directory: it need not be
 * the Astro project (a team's repository builds with the site of its installed capaian).
 */
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { shareReport } from './site-data.ts';
import { chartCodeVersion, closeChartCache, openChartCache } from './chart-cache.ts';
import { closeChartPool, openChartPool } from './chart-pool.ts';
import { cacheDirFor } from '../load/cache-dir.ts';
import { reviewsHaveCode } from './reviews-code.ts';
import { handedOver, reportFromParent } from './report-handover.ts';
import type { Report } from '../report/model.ts';

export interface CapaianOptions {
  /** The data repository (default: CAPAIAN_ROOT, else the working directory). */
  root?: string;
}

/** The folders whose files make the report. */
const WATCHED = ['data', 'kpis'];

/**
 * The pipeline (compute-report.ts and the ~90 modules under it), loaded only when this process
 * computes the model. `npm run build` hands the model over (report-handover.ts), and Astro loads
 * this file through Vite's module runner one module at a time, about a second of every build's
 * start for code it would not run. The runner is closed by the time the hooks run, so the choice
 * is made here, as the file is loaded.
 */
const pipeline: typeof import('./compute-report.ts') | null = handedOver() ? null : await import('./compute-report.ts');

export default function capaian(options: CapaianOptions = {}): AstroIntegration {
  const root = resolve(options.root ?? process.env.CAPAIAN_ROOT ?? process.cwd());
  let logger: AstroIntegrationLogger | undefined;
  /** Astro's root: it reads an error's file relative to it, even a file outside it. */
  let astroRoot: string | undefined;

  /** Computes the model, prints the outcome, shares the promise with the pages. */
  const compute = (printErrors = true): Promise<Report> => {
    const started = performance.now();
    const report = pipeline ? pipeline.computeSiteReport(root, astroRoot) : Promise.reject(new Error('capaian: the report model is handed over to this build, not computed in it'));
    shareReport(report);
    report.then(
      () => logger?.info(`data valid, report computed in ${Math.round(performance.now() - started)} ms`),
      (e: unknown) => printErrors && logger?.error(e instanceof Error ? e.message : String(e)),
    );
    return report;
  };

  return {
    name: 'capaian',
    hooks: {
      'astro:config:setup': async ({ command, config, logger: log, updateConfig }) => {
        logger = log;
        astroRoot = fileURLToPath(config.root);
        // Shiki is loaded to highlight code blocks only when a review has one (reviews-code.ts).
        if (command === 'build' && !reviewsHaveCode(root)) updateConfig({ markdown: { syntaxHighlight: false } });
        if (command === 'build') {
          // Charts are drawn once per change of their data (chart-cache.ts); not in dev, where
          // the code that draws them can change while the server runs.
          const cache = cacheDirFor(root);
          const code = chartCodeVersion(astroRoot);
          if (cache) openChartCache(join(cache, 'charts'), code);
          // Charts drawn on the other cores too (chart-pool.ts), from the pages' first chart.
          openChartPool(astroRoot, undefined, code);
          if (handedOver()) {
            // npm run build validates meanwhile and hands the model over (report-handover.ts);
            // the pages await it, so Astro boots and bundles them without waiting.
            const report = reportFromParent();
            report.catch(() => {});
            shareReport(report);
            return;
          }
          try {
            await compute(false);
          } catch (e) {
            if (!pipeline || !(e instanceof pipeline.DataError)) throw e;
            // The build's own error: Astro prints it and exits non-zero, nothing is built.
            const failed = new Error(`${e.message}\nnothing was built / tidak ada yang dibangun`);
            failed.stack = '';
            throw failed;
          }
        } else if (command === 'dev') {
          // Not awaited: the server starts; a page waits for the model (or shows its errors).
          compute().catch(() => {});
        }
      },
      'astro:build:done': async () => {
        const pool = await closeChartPool();
        const charts = closeChartCache();
        if (charts) logger?.info(`charts: ${charts.drawn} drawn, ${charts.read} from the cache${charts.bad ? `, ${charts.bad} damaged entries drawn again` : ''}${pool?.thread ? ` (${pool.thread} drawn in chart threads)` : ''}`);
      },
      'astro:server:setup': ({ server }) => {
        const folders = WATCHED.map((f) => join(root, f));
        server.watcher.add(folders);
        let timer: NodeJS.Timeout | undefined;
        let running: Promise<unknown> = Promise.resolve();
        let settle: ((r: Promise<Report>) => void) | undefined;
        const inData = (file: string) => folders.some((f) => file === f || file.startsWith(f + sep));
        const changed = (file: string) => {
          if (!inData(resolve(file))) return;
          logger?.info(`${relative(root, file)} changed: validating again`);
          // Pages asked for now wait for the new model rather than show the old one.
          if (!settle) {
            const next = new Promise<Report>((ok) => (settle = ok));
            next.catch(() => {});
            shareReport(next);
          }
          clearTimeout(timer);
          // A save that touches several files (a formatter, git checkout) validates once.
          timer = setTimeout(() => {
            const done = settle!;
            settle = undefined;
            running = running.then(() => {
              const report = compute();
              done(report);
              const reload = () => server.ws.send({ type: 'full-reload' });
              return report.then(reload, reload);
            });
          }, 100);
        };
        for (const event of ['add', 'change', 'unlink'] as const) server.watcher.on(event, changed);
      },
    },
  };
}
